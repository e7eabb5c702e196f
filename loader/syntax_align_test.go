package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/syntax"
)

// TestParserTokens runs the development articles through the loader's
// cleaner and splitter and through the parser: the parser's tokens of each
// sentence are the loader's tokens, each split only where Universal
// Dependencies splits a word (clitics, hyphens), and every parsed word maps
// back to a loader token by its offsets.
func TestParserTokens(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "eval", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		requireShared(t, dir)
	}
	x := extractor(t)
	m, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	seg := syntax.DefaultSegmenter()
	sents, words, split := 0, 0, 0
	for _, f := range files {
		docs, err := ReadFile(f, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range docs {
			paras, _ := x.clean.paragraphs(doc.Body, doc.Title)
			for pi, p := range paras {
				for _, s := range x.split.paragraph(doc.Body, p, pi) {
					var fromLoader []syntax.Span
					owner := map[int]int{} // parser token start → loader token
					for k, tk := range s.Tokens {
						parts := syntax.SplitWord(doc.Body, tk.Start, tk.End)
						if len(parts) > 1 {
							split++
						}
						for _, sp := range parts {
							owner[sp.Start] = k
						}
						fromLoader = append(fromLoader, parts...)
					}
					own := seg.Tokens(doc.Body, s.Start, s.End)
					if !equalSpans(fromLoader, own) {
						t.Errorf("%s: sentence at %d: loader tokens %v, parser tokens %v",
							filepath.Base(f), s.Start, fromLoader, own)
						continue
					}
					p := m.ParseSpans(doc.Body, fromLoader)
					for i, w := range p.Words {
						k, ok := owner[p.Spans[i].Start]
						if !ok || doc.Body[p.Spans[i].Start:p.Spans[i].End] != w.Form ||
							p.Spans[i].End > s.Tokens[k].End {
							t.Errorf("%s: parsed word %q at %d maps to no loader token", filepath.Base(f), w.Form, p.Spans[i].Start)
						}
					}
					sents++
					words += len(p.Words)
				}
			}
		}
	}
	if sents == 0 {
		t.Fatal("no sentence read")
	}
	t.Logf("%d articles, %d sentences, %d parsed words; %d loader tokens split by UD rules", len(files), sents, words, split)
}

func equalSpans(a, b []syntax.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// requireShared skips a test that needs ../shared when it is absent, and
// fails it under CI, where ../shared is always beside the checkout.
func requireShared(t *testing.T, path string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing: CI runs with ../shared beside the checkout", path)
	}
	t.Skipf("%s is missing", path)
}

// BenchmarkExtractAndParse is BenchmarkExtract plus the parse of every
// sentence of the article: the cost per article once the loader reads
// the parser's trees.
func BenchmarkExtractAndParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	doc := Document{Title: title, Body: body, Published: "2024-04-10"}
	x := extractor(b)
	m, err := syntax.Load()
	if err != nil {
		b.Fatal(err)
	}
	paras, _ := x.clean.paragraphs(doc.Body, doc.Title)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := x.Extract(doc); err != nil {
			b.Fatal(err)
		}
		for pi, p := range paras {
			for _, s := range x.split.paragraph(doc.Body, p, pi) {
				var spans []syntax.Span
				for _, tk := range s.Tokens {
					spans = append(spans, syntax.SplitWord(doc.Body, tk.Start, tk.End)...)
				}
				m.ParseSpans(doc.Body, spans)
			}
		}
	}
}
