package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(300, 7), Generate(300, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("Generate(300, 7) differs between two calls; want the same articles")
	}
	if reflect.DeepEqual(a, Generate(300, 8)) {
		t.Error("Generate(300, 7) = Generate(300, 8); want seeds to matter")
	}
	var buf bytes.Buffer
	if err := Write(&buf, a); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 300 {
		t.Errorf("Write wrote %d lines; want 300", n)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(dir, Generate(2*PerFile+1, 1)); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if len(files) != 3 {
		t.Fatalf("WriteDir(%d articles) wrote %d files; want 3", 2*PerFile+1, len(files))
	}
	last, err := os.ReadFile(files[2])
	if err != nil || strings.Count(string(last), "\n") != 1 {
		t.Errorf("last file = %d lines, %v; want 1", strings.Count(string(last), "\n"), err)
	}
}

// TestPeopleRecur: people come back in several articles, under full names
// and surnames, and some share a surname: what resolution meets.
func TestPeopleRecur(t *testing.T) {
	people := map[string]int{}
	surnames := map[string]map[string]bool{}
	for _, a := range Generate(2000, 1) {
		// The first person is named in full just before " met ".
		before, _, _ := strings.Cut(a.Body, " met ")
		w := strings.Fields(before)
		full, surname := strings.Join(w[len(w)-2:], " "), w[len(w)-1]
		people[full]++
		if surnames[surname] == nil {
			surnames[surname] = map[string]bool{}
		}
		surnames[surname][full] = true
	}
	repeated, shared := 0, 0
	for _, n := range people {
		if n > 1 {
			repeated++
		}
	}
	for _, fulls := range surnames {
		if len(fulls) > 1 {
			shared++
		}
	}
	if repeated < len(people)/2 || shared == 0 {
		t.Errorf("%d of %d people recur, %d surnames are shared; want most to recur and "+
			"some surnames shared", repeated, len(people), shared)
	}
}
