package loader

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

var (
	testOnce sync.Once
	testX    *Extractor
	testErr  error
)

// extractor returns the Extractor shared by the tests: New loads the
// gazetteers once.
func extractor(t testing.TB) *Extractor {
	t.Helper()
	testOnce.Do(func() { testX, testErr = New(DefaultOptions()) })
	if testErr != nil {
		t.Fatalf("New(DefaultOptions()) = %v", testErr)
	}
	return testX
}

// loadJSON reads testdata/name into v.
func loadJSON(t testing.TB, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// names maps entity ids to every name and alias of the entity.
func names(b schema.Batch) map[string][]string {
	out := map[string][]string{}
	for _, e := range b.Entities {
		out[e.ID] = append([]string{e.Name}, e.Aliases...)
	}
	return out
}

// edgeStrings renders relations as "source|TYPE|target|date|status" with
// every name combination, for matching by name.
func edgeStrings(b schema.Batch) []string {
	n := names(b)
	var out []string
	for _, r := range b.Relations {
		for _, s := range n[r.Source] {
			for _, o := range n[r.Target] {
				out = append(out, strings.Join([]string{s, string(r.Type), o, r.Date, r.Status},
					"|"))
			}
		}
	}
	return out
}

// hasEdge reports whether want ("src|TYPE|dst", optionally "|date" and
// "|planned") is among the rendered edges; an empty date matches any.
func hasEdge(edges []string, want string) bool {
	w := strings.Split(want, "|")
	for _, e := range edges {
		g := strings.Split(e, "|")
		if len(w) < 3 || g[0] != w[0] || g[1] != w[1] || g[2] != w[2] {
			continue
		}
		if len(w) > 3 && w[3] != "" && g[3] != w[3] {
			continue
		}
		if len(w) > 4 && w[4] != g[4] {
			continue
		}
		return true
	}
	return false
}

// checkEdges reports every wanted edge missing from edges and every
// unwanted one present, for the input they were read from.
func checkEdges(t *testing.T, input string, edges, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !hasEdge(edges, w) {
			t.Errorf("relations(%q) lack %s; got %q", input, w, edges)
		}
	}
	for _, w := range notWant {
		if hasEdge(edges, w) {
			t.Errorf("relations(%q) hold %s; want it absent", input, w)
		}
	}
}

// runEdgeTable extracts each case of a table in testdata and checks the
// edges it must and must not yield, and the dates of the events it names
// ("name|date").
func runEdgeTable(t *testing.T, file string) {
	var cases []struct {
		Name, Published, Input string
		Want, NotWant, Events  []string
	}
	loadJSON(t, file, &cases)
	x := extractor(t)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			b, err := x.Extract(Document{Title: "Test", Body: tc.Input, Published: tc.Published})
			if err != nil {
				t.Fatal(err)
			}
			checkEdges(t, tc.Input, edgeStrings(b), tc.Want, tc.NotWant)
			for _, w := range tc.Events {
				name, date, _ := strings.Cut(w, "|")
				if got := eventDate(b, name); got != date {
					t.Errorf("event %q of %q dated %q; want %q", name, tc.Input, got, date)
				}
			}
		})
	}
}
