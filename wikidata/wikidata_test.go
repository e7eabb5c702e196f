package wikidata_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/wikidata"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		id   string
		want wikidata.Item
		ok   bool
	}{
		{"Q30", wikidata.Item{ID: "Q30", Type: schema.Country, Label: "United States of America",
			ISO: "US"}, true},
		{"Q212", wikidata.Item{ID: "Q212", Type: schema.Country, Label: "Ukraine", ISO: "UA"}, true},
		{"Q58217", wikidata.Item{ID: "Q58217", Type: schema.Person, Label: "Sergey Lavrov"}, true},
		{"Q1", wikidata.Item{}, false},
	}
	for _, tc := range tests {
		got, ok := wikidata.Lookup(tc.id)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Lookup(%s) = %+v, %v; want %+v, %v", tc.id, got, ok, tc.want, tc.ok)
		}
	}
	if n := wikidata.Len(); n < 800 {
		t.Errorf("the table holds %d items; want the 900 or so of labels.tsv", n)
	}
}

// TestGenerated checks that gen.go rebuilds labels.tsv byte for byte from
// ../shared, when it is there.
func TestGenerated(t *testing.T) {
	src := filepath.Join("..", "..", "shared", "data", "kb", "wikidata")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("no %s: %v", src, err)
	}
	out := filepath.Join(t.TempDir(), "labels.tsv")
	cmd := exec.Command("go", "run", "gen.go", "-src", src, "-out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, b)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile("labels.tsv")
	if !bytes.Equal(got, want) {
		t.Error("gen.go output differs from labels.tsv; run go run wikidata/gen.go")
	}
}
