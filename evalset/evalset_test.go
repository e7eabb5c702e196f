package evalset

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// loadCase reads testdata/gold/NAME.gold.json and testdata/pred/NAME.json.
func loadCase(t testing.TB, name string) (*Gold, Prediction) {
	t.Helper()
	g, err := LoadGold(filepath.Join("testdata", "gold", name+".gold.json"))
	if err != nil {
		t.Fatalf("LoadGold(%s) error: %v", name, err)
	}
	return g, readPred(t, filepath.Join("testdata", "pred", name+".json"))
}

// readPred reads a prediction JSON file.
func readPred(t testing.TB, path string) Prediction {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p Prediction
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("unmarshal %s: %v", path, err)
	}
	return p
}

func TestScore(t *testing.T) {
	tests := []struct {
		name           string
		want           Counts
		miss, spurious []string
	}{{
		name: "names", // name, alias and folded matches, ties, a second node, types lists
		want: Counts{NodeTP: 5, NodeFP: 2, NodeFN: 4, EdgeTP: 1},
		miss: []string{
			"node Person 'Marek Berg'",
			"node Country 'Velm'",
			"node ['Organization', 'Place'] 'North Dock'",
			`node Person "Lise d'Arc"`,
		},
		spurious: []string{
			"node Person 'Minister A. Berg' (a second node for berg)",
			"node Person 'Zed Quill'",
		},
	}, {
		name: "events", // word subsets, largest subset wins, date+kind, node dates
		want: Counts{NodeTP: 6, NodeFP: 3, NodeFN: 1, DateOK: 2, DateAll: 4},
		miss: []string{
			"date of velm_summit: want 2024-04, got 2024-05",
			"date of parade: want 2024-05-01, got None",
			"node Event 'book fair'",
		},
		spurious: []string{
			"node Place 'harbour fire'", "node Event 'dinner'", "node Event 'exhibition'",
		},
	}, {
		name: "optional", // optional nodes and edges; a free gold edge is preferred
		want: Counts{NodeTP: 4, EdgeTP: 1, EdgeFP: 1, EdgeFN: 1, DateOK: 1, DateAll: 1},
		miss: []string{"edge CONDEMNED stone -> holt"},
		spurious: []string{
			"edge INVITED holt -> marsh: 'Lena Holt invited Ivo Marsh.'",
		},
	}, {
		name:     "symmetric", // MET and "symmetric" both ways, CALLED one way, repeats
		want:     Counts{NodeTP: 5, EdgeTP: 2, EdgeFP: 1, EdgeFN: 1, DateOK: 1, DateAll: 1},
		miss:     []string{"edge CALLED marsh -> stone"},
		spurious: []string{"edge CALLED stone -> marsh: ''"},
	}, {
		name: "lists", // lists of subjects and objects; a missed edge's date counts
		want: Counts{NodeTP: 5, EdgeTP: 3, EdgeFN: 1, DateOK: 1, DateAll: 2},
		miss: []string{"edge SIGNED ['velm', 'freedonia'] -> ['guild']"},
	}, {
		name: "dates", // edge dates right, wrong, missing; unmatched ends
		want: Counts{NodeTP: 4, EdgeTP: 3, EdgeFP: 3, EdgeFN: 1, DateOK: 1, DateAll: 4},
		miss: []string{
			"date of VISITED marsh -> velm: want 2024-03, got 2024-03-05",
			"date of VISITED holt -> freedonia: want 2024, got None",
			"edge CALLED holt -> marsh",
		},
		spurious: []string{
			`edge ATTENDED marsh -> ?n9: "Marsh's aides said he attended a reception ` +
				`whose name nobody remembered, late in the eveni"`,
			"edge MET ? -> holt: ''",
			`edge CONDEMNED ?art -> holt: 'tab\there'`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, p := loadCase(t, tt.name)
			got := Score(g, p)
			if got.Counts != tt.want {
				t.Errorf("Score(%s) counts = %+v; want %+v", tt.name, got.Counts, tt.want)
			}
			if !slices.Equal(got.Miss, tt.miss) {
				t.Errorf("Score(%s) miss =\n%q\nwant\n%q", tt.name, got.Miss, tt.miss)
			}
			if !slices.Equal(got.Spurious, tt.spurious) {
				t.Errorf("Score(%s) spurious =\n%q\nwant\n%q", tt.name, got.Spurious, tt.spurious)
			}
		})
	}
}

func TestScoreGoPrediction(t *testing.T) {
	g, _ := loadCase(t, "dates")
	p := Prediction{
		Nodes: []PredNode{{ID: "a", Type: "Person", Name: "Ivo Marsh"}, {Type: "Person"}},
		Edges: []PredEdge{{Source: "a", Type: "CALLED", Target: "b"}},
	}
	got := Score(g, p)
	wantSpurious := []string{"node Person None", "edge CALLED marsh -> ?b: ''"}
	if !slices.Equal(got.Spurious, wantSpurious) {
		t.Errorf("Score(Go prediction) spurious = %q; want %q", got.Spurious, wantSpurious)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name, path string
		want       error
		wantText   string
	}{
		{"unknown key", filepath.Join("testdata", "badgold", "unknown.gold.json"), ErrUnknownNode,
			filepath.Join("testdata", "badgold", "unknown.gold.json") +
				": edge names unknown node 'ghost'"},
		{"no names", write("nonames.gold.json", `{"article": "a.txt", "published": "2024",
			"nodes": [{"key": "k", "type": "Person"}], "edges": []}`), ErrMalformedGold,
			"node 1 needs a key, names and a type"},
		{"bad end", write("badend.gold.json", `{"article": "a.txt", "published": "2024",
			"nodes": [], "edges": [{"s": 3, "type": "MET", "o": "k"}]}`), ErrMalformedGold,
			"edge 1 needs s, type and o"},
		{"no article", write("noart.gold.json", `{"published": "2024", "nodes": []}`),
			ErrMalformedGold, `"article" and "published" are required`},
		{"not json", write("bad.gold.json", `{`), ErrMalformedGold, "bad.gold.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadGold(tt.path)
			if !errors.Is(err, tt.want) || !strings.Contains(fmtErr(err), tt.wantText) {
				t.Errorf("LoadGold(%s) error = %v; want %v containing %q",
					tt.path, err, tt.want, tt.wantText)
			}
		})
	}
}

// fmtErr returns err's message, or "" for nil.
func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Côte d’Ivoire", "cote divoire"},
		{"  THE  Hague ", "hague"},
		{"the the x", "the x"},
		{"the", "the"},
		{"Theo-Smith", "theo smith"},
		{"Tom O'Brien", "tom obrien"},
		{"ﬁnance ½", "finance 1 2"},
		{"Straße", "stra e"},
		{"İstanbul", "istanbul"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
