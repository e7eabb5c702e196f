package loader

import (
	"encoding/json"
	"errors"
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
	doc := Document{Title: "Talks", Body: "Kenya and Uganda signed a deal on Monday."}
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
	body := "NAIROBI, May 30 - Kenya's President Uhuru Kenyatta hosted Sierra Leone's " +
		"President Julius Maada Bio on Monday.\n\nAdvertisement\n\nBio will visit Mombasa " +
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
			if ev.Start < 0 || ev.End > len(body) || body[ev.Start:ev.End] != ev.Sentence {
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
		Body: "On Monday, Russian President Vladimir Putin called Prime Minister Narendra Modi."}
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
		Body: "On Monday, Russian President Vladimir Putin called Prime Minister Narendra Modi."})
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

func TestRecordID(t *testing.T) {
	for _, key := range []string{"", "country:fr", "person:ada lovelace",
		"MET|person:a|person:b|2025-01-02", strings.Repeat("long key ", 40)} {
		if got, want := recordID(key), schema.ID(key); got != want {
			t.Errorf("recordID(%q) = %q; want schema.ID's %q", key, got, want)
		}
	}
}
