package ingest

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// recorder is a Writer that records the titles of each Upsert call, to check
// the order and grouping of writes; it fails from call failAt on when set.
type recorder struct {
	mu     sync.Mutex
	calls  [][]string
	failAt int
}

func (r *recorder) Upsert(_ context.Context, batches ...schema.Batch) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failAt > 0 && len(r.calls)+1 >= r.failAt {
		return errors.New("store down")
	}
	var titles []string
	for _, b := range batches {
		titles = append(titles, b.Article.Title)
	}
	r.calls = append(r.calls, titles)
	return nil
}

// words is an Extractor that makes one entity per capitalised word of the
// title and a relation between the first two. It sleeps a little, longer for
// some titles, so workers finish out of order; a body with FAIL or PANIC
// makes it fail or panic.
type words struct{}

func (words) Extract(d loader.Document) (schema.Batch, error) {
	h := fnv.New32a()
	h.Write([]byte(d.Title))
	time.Sleep(time.Duration(h.Sum32()%5) * time.Millisecond)
	switch {
	case strings.Contains(d.Body, "FAIL"):
		return schema.Batch{}, errors.New("no sentences")
	case strings.Contains(d.Body, "PANIC"):
		panic("index out of range")
	}
	b := schema.Batch{Article: schema.Article{ID: schema.ID("article:" + d.Title), Title: d.Title}}
	for _, w := range strings.Fields(d.Title) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			key := schema.EntityKey(schema.Country, w)
			b.Entities = append(b.Entities, schema.Entity{ID: schema.ID(key), Key: key,
				Type: schema.Country, Name: w})
		}
	}
	if len(b.Entities) >= 2 {
		key := schema.RelationKey(schema.Met, b.Entities[0].Key, b.Entities[1].Key, "")
		b.Relations = []schema.Relation{{ID: schema.ID(key), Type: schema.Met,
			Source: b.Entities[0].ID, Target: b.Entities[1].ID}}
	}
	return b, nil
}

// writeFiles writes files (name → content) under a new temporary folder.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoad(t *testing.T) {
	seven := map[string]string{}
	for i, name := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		seven[name+".txt"] = strings.Repeat("x", i) + " Kenya and Ghana " + strings.ToUpper(name)
	}
	tests := []struct {
		name   string
		files  map[string]string
		extra  []string // paths to load besides the folder, relative to it
		opts   Options
		calls  [][]string
		skips  []Skip // Path relative to the folder
		report Report // without Skipped
	}{
		{
			name: "order and grouping", files: seven, opts: Options{Workers: 4, BatchSize: 3},
			calls: [][]string{
				{"Kenya and Ghana A", "x Kenya and Ghana B", "xx Kenya and Ghana C"},
				{"xxx Kenya and Ghana D", "xxxx Kenya and Ghana E", "xxxxx Kenya and Ghana F"},
				{"xxxxxx Kenya and Ghana G"},
			},
			report: Report{Files: 7, Articles: 7, Entities: 2 + 7, Relations: 1},
		},
		{
			name: "bad files and lines skipped",
			files: map[string]string{
				"1-empty.txt":  "",
				"2-bad.json":   `{"title": "x",`,
				"3-good.md":    "Chile Peru",
				"4-mix.jsonl":  "{\"body\": \"Fiji Tonga\"}\n{\"title\": \"no body\"}\n",
				"5-notes.pdf":  "not a kind of input that is read",
				"sub/6-ok.txt": "Fiji Samoa",
			},
			extra: []string{"missing.txt"},
			opts:  Options{Workers: 2},
			calls: [][]string{{"Chile Peru", "Fiji Tonga", "Fiji Samoa"}},
			skips: []Skip{
				{"missing.txt", "no such file or directory"},
				{"5-notes.pdf", `unsupported kind of file ".pdf" (want ` + articles.KindNames() +
					", or --format)"},
				{"1-empty.txt", "file is empty"},
				{"2-bad.json", "malformed JSON: unexpected end of JSON input"},
				{"4-mix.jsonl:2", `no article text: none of "title" is a body field ` +
					"(name one with --map body=NAME; recognised: body, text, content…)"},
			},
			report: Report{Files: 3, Articles: 3, Entities: 5, Relations: 3},
		},
		{
			name: "failed extractions skipped",
			files: map[string]string{
				"a.txt": "Mali Niger", "b.txt": "Benin\nFAIL", "c.txt": "Togo\nPANIC",
				"d.jsonl": "{\"body\": \"Chad FAIL\"}\n{\"body\": \"Chad Sudan\"}\n",
			},
			opts:  Options{Workers: 3, BatchSize: 1},
			calls: [][]string{{"Mali Niger"}, {"Chad Sudan"}},
			skips: []Skip{
				{"b.txt", "extraction failed: no sentences"},
				{"c.txt", "extraction panicked: index out of range"},
				{"d.jsonl:1", "extraction failed: no sentences"},
			},
			report: Report{Files: 2, Articles: 2, Entities: 4, Relations: 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			paths := []string{}
			for _, p := range tt.extra {
				paths = append(paths, filepath.Join(dir, p))
			}
			w := &recorder{}
			var progress []Progress
			tt.opts.Progress = func(p Progress) { progress = append(progress, p) }
			got, err := Load(context.Background(), w, words{}, append(paths, dir), tt.opts)
			if err != nil {
				t.Fatalf("Load error = %v; want nil", err)
			}
			if !reflect.DeepEqual(w.calls, tt.calls) {
				t.Errorf("Upsert calls =\n%q\nwant\n%q", w.calls, tt.calls)
			}
			for i := range got.Skipped {
				rel, _ := filepath.Rel(dir, got.Skipped[i].Path)
				got.Skipped[i].Path = filepath.ToSlash(rel)
			}
			if !reflect.DeepEqual(got.Skipped, tt.skips) {
				t.Errorf("Skipped =\n%q\nwant\n%q", got.Skipped, tt.skips)
			}
			got.Skipped = nil
			if !reflect.DeepEqual(got, tt.report) {
				t.Errorf("Report = %+v; want %+v", got, tt.report)
			}
			total := int64(0)
			for name, text := range tt.files {
				if !strings.HasSuffix(name, ".pdf") {
					total += int64(len(text))
				}
			}
			for i, p := range progress {
				first := progress[0].Articles + progress[0].Skipped
				if p.Articles+p.Skipped != first+i || p.BytesTotal != total ||
					p.BytesRead > total {
					t.Errorf("Progress call %d = %+v; want %d done of %d bytes", i, p, i+1, total)
				}
			}
			if n := len(progress); n == 0 || progress[n-1].BytesRead != total ||
				progress[n-1].Skipped != len(tt.skips) {
				t.Errorf("last Progress = %+v; want all %d bytes read and %d skipped",
					progress[n-1], total, len(tt.skips))
			}
		})
	}
}

// TestLoadStops checks that a failed write or a cancelled context stops a
// load with an error and a Report of what was written before.
func TestLoadStops(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"a", "b", "c", "d", "e", "f"} {
		files[name+".txt"] = "Peru Chile " + strings.ToUpper(name)
	}
	dir := writeFiles(t, files)
	tests := []struct {
		name     string
		failAt   int
		cancelAt int // cancel the context in Progress after this many articles
		want     error
		articles int
	}{
		{"write fails", 2, 0, nil, 2},
		{"cancelled before", 0, -1, context.Canceled, 0},
		{"cancelled midway", 0, 3, context.Canceled, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancelAt < 0 {
				cancel()
			}
			w := &recorder{failAt: tt.failAt}
			opts := Options{Workers: 2, BatchSize: 2, Progress: func(p Progress) {
				if p.Articles == tt.cancelAt {
					cancel()
				}
			}}
			r, err := Load(ctx, w, words{}, []string{dir}, opts)
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("Load error = %v; want %v", err, tt.want)
			}
			if tt.want == nil && !strings.Contains(err.Error(), "store down") {
				t.Errorf("Load error = %v; want the write error", err)
			}
			if r.Articles != tt.articles {
				t.Errorf("Report.Articles = %d; want %d", r.Articles, tt.articles)
			}
		})
	}
}

// concurrent is words that records how many extractions ran at once.
type concurrent struct {
	mu        sync.Mutex
	now, most int
}

func (c *concurrent) Extract(d loader.Document) (schema.Batch, error) {
	c.mu.Lock()
	c.now++
	c.most = max(c.most, c.now)
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.now--
		c.mu.Unlock()
	}()
	time.Sleep(2 * time.Millisecond)
	return words{}.Extract(d)
}

// TestLoadOneBigFile: the documents of one JSONL file are extracted by
// several workers at once and still written in their order, grouped.
func TestLoadOneBigFile(t *testing.T) {
	var lines strings.Builder
	var want [][]string
	for i := range 12 {
		title := fmt.Sprintf("Kenya Ghana %d", i)
		fmt.Fprintf(&lines, "{\"title\": %q, \"body\": \"Kenya and Ghana\"}\n", title)
		if i%5 == 0 {
			want = append(want, nil)
		}
		want[len(want)-1] = append(want[len(want)-1], title)
	}
	dir := writeFiles(t, map[string]string{"big.jsonl": lines.String()})
	w, x := &recorder{}, &concurrent{}
	rep, err := Load(context.Background(), w, x, []string{dir}, Options{Workers: 4,
		BatchSize: 5})
	if err != nil || rep.Articles != 12 || rep.Files != 1 || len(rep.Skipped) != 0 {
		t.Fatalf("Load = %+v, %v; want 12 articles from 1 file, none skipped", rep, err)
	}
	if !reflect.DeepEqual(w.calls, want) {
		t.Errorf("Upsert calls =\n%q\nwant\n%q", w.calls, want)
	}
	if x.most < 2 {
		t.Errorf("at most %d extractions ran at once; want several for one big file", x.most)
	}
}
