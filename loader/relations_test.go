package loader

import (
	"testing"
)

func TestNodes(t *testing.T) {
	var cases []struct {
		Name, Input   string
		Want, NotWant []string
	}
	loadJSON(t, "nodes.json", &cases)
	x := extractor(t)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			b, err := x.Extract(Document{Title: "Test", Body: tc.Input, Published: "2025-01-15"})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, e := range b.Entities {
				got[string(e.Type)+"|"+e.Name] = true
			}
			for _, w := range tc.Want {
				if !got[w] {
					t.Errorf("nodes(%q) lack %s; got %v", tc.Input, w, got)
				}
			}
			for _, w := range tc.NotWant {
				if got[w] {
					t.Errorf("nodes(%q) hold %s; want it absent", tc.Input, w)
				}
			}
		})
	}
}

// TestRelations checks the relations read from short texts: the edges
// each must and must not yield (testdata/relations.json).
func TestRelations(t *testing.T) { runEdgeTable(t, "relations.json") }
