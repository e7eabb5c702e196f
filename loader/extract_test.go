package loader

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

func TestExtractErrors(t *testing.T) {
	x := extractor(t)
	small, err := New(Options{MaxBytes: 100})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		x    *Extractor
		doc  Document
		want error
	}{
		{"empty", x, Document{Title: "t"}, ErrEmpty},
		{"white space", x, Document{Body: " \n\t "}, ErrEmpty},
		{"invalid utf-8", x, Document{Body: "abc \xff def"}, ErrInvalidUTF8},
		{"invalid utf-8 title", x, Document{Title: "\xc3", Body: "text"}, ErrInvalidUTF8},
		{"invalid utf-8 late in a long body", x,
			Document{Body: strings.Repeat("Ghana and Togo met. ", 50000) + "\xe2\x82"},
			ErrInvalidUTF8},
		{"surrogate half", x, Document{Body: "Talks in \xed\xa0\x80 Geneva."}, ErrInvalidUTF8},
		{"binary", x, Document{Body: "abc\x00def"}, ErrBinary},
		{"too large", small, Document{Body: strings.Repeat("word ", 30)}, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := c.x.Extract(c.doc); !errors.Is(err, c.want) {
				t.Errorf("Extract(%q) error = %v; want %v", c.doc.Body, err, c.want)
			}
		})
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	if _, err := New(Options{MinConfidence: 2}); err == nil {
		t.Error("New(MinConfidence: 2) = nil error; want an error")
	}
}

func TestArticleID(t *testing.T) {
	x := extractor(t)
	doc := Document{Title: "Talks", Body: "Ghana and Togo signed a deal on Monday."}
	a, _ := x.Extract(doc)
	b, _ := x.Extract(doc)
	if a.Article.ID == "" || a.Article.ID != b.Article.ID {
		t.Errorf("article ids %q and %q; want one stable id", a.Article.ID, b.Article.ID)
	}
	doc.URL = "https://example.org/a"
	c, _ := x.Extract(doc)
	if c.Article.ID == a.Article.ID {
		t.Errorf("article id with URL = %q; want it to differ from the hashed one", c.Article.ID)
	}
}

func TestEvidenceOffsets(t *testing.T) {
	x := extractor(t)
	body := "ACCRA, May 30 - Ghana's President Kofi Asante hosted Senegal's " +
		"President Moussa Ndiaye on Monday.\n\nAdvertisement\n\nNdiaye will visit Kumasi " +
		"on Wednesday, the presidency said."
	b, err := x.Extract(Document{Title: "Visit", Body: body, Published: "2022-05-30"})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Relations) == 0 {
		t.Fatal("no relations")
	}
	for _, r := range b.Relations {
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Errorf("%s confidence %v; want (0,1]", r.Type, r.Confidence)
		}
		for _, ev := range r.Evidence {
			if ev.Start < 0 || ev.End > len(body) || schema.OneLine(body[ev.Start:ev.End]) != ev.Sentence {
				t.Errorf("%s evidence [%d,%d) %q does not point into the body", r.Type,
					ev.Start, ev.End, ev.Sentence)
			}
			if ev.Article != b.Article.ID {
				t.Errorf("evidence article %q; want %q", ev.Article, b.Article.ID)
			}
		}
	}
}

func TestExtractConcurrent(t *testing.T) {
	x := extractor(t)
	doc := Document{Title: "Call", Published: "2025-05-05",
		Body: "On Monday, Chilean President Tomás Aravena called Prime Minister Rui Carvalho."}
	want, _ := x.Extract(doc)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := x.Extract(doc)
			if err != nil || len(got.Relations) != len(want.Relations) {
				t.Errorf("concurrent Extract = %d relations, %v; want %d", len(got.Relations),
					err, len(want.Relations))
			}
		}()
	}
	wg.Wait()
}

func TestEvalJSON(t *testing.T) {
	x := extractor(t)
	b, err := x.Extract(Document{Title: "Call", Published: "2025-05-05",
		Body: "On Monday, Chilean President Tomás Aravena called Prime Minister Rui Carvalho."})
	if err != nil {
		t.Fatal(err)
	}
	data, err := EvalJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Article struct{ ID, Title, Published string }
		Nodes   []map[string]any
		Edges   []map[string]any
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("EvalJSON output is not JSON: %v", err)
	}
	if out.Article.Published != "2025-05-05" || len(out.Nodes) == 0 || len(out.Edges) == 0 {
		t.Errorf("EvalJSON = %s; want the article, nodes and edges", data)
	}
	for _, e := range out.Edges {
		for _, k := range []string{"source", "type", "target", "evidence", "confidence"} {
			if _, ok := e[k]; !ok {
				t.Errorf("edge %v lacks %q", e, k)
			}
		}
	}
}

// TestExtractLargeBody reads a body just under the default MaxBytes (ten
// copies of varied articles, then the benchmark story over and over) and
// checks that it completes with a clean batch: evidence inside the body,
// one entity per id, relations between known entities.
func TestExtractLargeBody(t *testing.T) {
	var b strings.Builder
	for _, name := range []string{"biden-xi-call", "eu-moldova-summit", "nigeria-ghana-flood-call"} {
		data, err := os.ReadFile(filepath.Join("testdata", "articles", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for range 10 {
			b.Write(data)
			b.WriteString("\n")
		}
	}
	story, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	limit := DefaultOptions().MaxBytes
	for b.Len()+len(story)+1 < limit {
		b.Write(story)
		b.WriteString("\n")
	}
	body := b.String()
	batch, err := extractor(t).Extract(Document{Title: "Digest", Body: body, Published: "2024-04-10"})
	if err != nil {
		t.Fatalf("Extract(%d bytes) = %v", len(body), err)
	}
	if len(batch.Entities) == 0 || len(batch.Relations) == 0 {
		t.Fatalf("Extract(%d bytes) = %d entities, %d relations; want some of each", len(body),
			len(batch.Entities), len(batch.Relations))
	}
	ids := map[string]bool{}
	for _, e := range batch.Entities {
		if ids[e.ID] {
			t.Errorf("entity id %s (%s) twice", e.ID, e.Name)
		}
		ids[e.ID] = true
	}
	for _, r := range batch.Relations {
		if !ids[r.Source] || !ids[r.Target] {
			t.Errorf("%s relation %s → %s names an entity not in the batch", r.Type, r.Source,
				r.Target)
		}
		for _, ev := range r.Evidence {
			if ev.Start < 0 || ev.End > len(body) || schema.OneLine(body[ev.Start:ev.End]) != ev.Sentence {
				t.Fatalf("%s evidence [%d,%d) does not point into the body", r.Type, ev.Start,
					ev.End)
			}
		}
	}
}

// TestParseBudget checks Options.ParseSentences: an article is parsed up
// to the budget, and past it read by the surface rules alone.
func TestParseBudget(t *testing.T) {
	para := "Chilean Foreign Minister Marta Velasquez arrived in Lima on Monday to meet Peruvian President Ana Ortiz.\n\n" +
		"Velasquez flew to Quito on Friday after she held talks with Ortiz on Thursday.\n\n"
	doc := Document{Title: "Talks", Body: strings.Repeat(para, 20), Published: "2024-05-24"}
	opts := DefaultOptions()
	for _, budget := range []int{1000, 7, 1} {
		opts.ParseSentences = budget
		x, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		x.onParse = func() { n++ }
		b, err := x.Extract(doc)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 || n > budget {
			t.Errorf("ParseSentences %d: %d sentences parsed", budget, n)
		}
		if !hasEdge(edgeStrings(b), "Marta Velasquez|MET|Ana Ortiz") {
			t.Errorf("ParseSentences %d: the surface rules' meeting is gone", budget)
		}
	}
}
