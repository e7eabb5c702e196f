package kb

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

type goldFile struct {
	Published string `json:"published"`
	Nodes     []struct {
		Key   string   `json:"key"`
		Type  string   `json:"type"`
		Names []string `json:"names"`
	} `json:"nodes"`
	Edges []struct {
		S        json.RawMessage `json:"s"` // a key, or a list of keys (any one of them)
		Type     string          `json:"type"`
		O        json.RawMessage `json:"o"`
		Optional bool            `json:"optional"`
	} `json:"edges"`
}

// goldSets are the annotated sets the project may learn from: the shared
// dev set and the held-out sets whose failures have been read. blind4,
// still blind, is left out.
var goldSets = []string{"../../shared/eval/dev", "../loader/testdata/heldout", "../loader/testdata/blind2", "../loader/testdata/blind3"}

// TestGoldOffices measures the knowledge base on the annotated articles:
// for each HOLDS_OFFICE edge from a person to a country, whether the KB
// knows the person in office on the article's date under one of the
// annotated names, and whether its country is the annotated one. These are
// the office edges the loader can take from the KB.
func TestGoldOffices(t *testing.T) {
	k := mustLoad(t)
	var edges, known, agree, persons, personsKnown int
	kinds := map[string][]bool{}
	for _, dir := range goldSets {
		files, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		if len(files) == 0 {
			if os.Getenv("CI") != "" {
				t.Fatalf("no gold files in %s", dir)
			}
			t.Skipf("no gold files in %s", dir)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g goldFile
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			d, err := ParseDate(g.Published)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			byKey := map[string][]string{}
			types := map[string]string{}
			for _, n := range g.Nodes {
				byKey[n.Key], types[n.Key] = n.Names, n.Type
			}
			held := func(key string) []HeldOffice {
				for _, name := range byKey[key] {
					if hs := k.OfficesOf(name, d); len(hs) > 0 && hs[0].Match != BySurname {
						return hs
					}
				}
				return nil
			}
			for _, n := range g.Nodes {
				if n.Type == "Person" {
					persons++
					if held(n.Key) != nil {
						personsKnown++
					}
				}
				found := false
				for _, name := range n.Names {
					switch n.Type {
					case "Country":
						_, _, found = k.Country(name)
					case "Organization":
						_, _, found = k.Org(name)
					case "Place":
						_, found = k.Place(name, "")
						found = found || len(k.Regions(name, "")) > 0
					}
					if found {
						break
					}
				}
				kinds[n.Type] = append(kinds[n.Type], found)
			}
			for _, e := range g.Edges {
				var sKey, oKey string
				if e.Type != "HOLDS_OFFICE" || e.Optional || json.Unmarshal(e.S, &sKey) != nil || json.Unmarshal(e.O, &oKey) != nil || types[oKey] != "Country" {
					continue
				}
				edges++
				hs := held(sKey)
				if hs == nil {
					if os.Getenv("KB_GOLD_MISSES") != "" {
						t.Logf("unknown: %s %v on %s in %v", filepath.Base(f), byKey[sKey], g.Published, byKey[oKey])
					}
					continue
				}
				known++
				var want *Country
				for _, name := range byKey[oKey] {
					if c, _, ok := k.Country(name); ok {
						want = c
						break
					}
				}
				if hs[0].Country != nil && hs[0].Country == want {
					agree++
				} else if testing.Verbose() {
					t.Logf("%s: %s: KB says %s (%s), gold says %v", filepath.Base(f), hs[0].Person.Name, hs[0].Where(), hs[0].Title, byKey[oKey])
				}
			}
		}
	}
	t.Logf("people: %d annotated, %d known to the KB in office on the article's date by a full name", persons, personsKnown)
	t.Logf("HOLDS_OFFICE person→country edges: %d; the KB knows the person in office on the date for %d, and its country agrees for %d", edges, known, agree)
	for _, kind := range []string{"Country", "Organization", "Place"} {
		n := 0
		for _, f := range kinds[kind] {
			if f {
				n++
			}
		}
		t.Logf("%s nodes: %d annotated, %d found in the KB under one of their names", kind, len(kinds[kind]), n)
		if kind == "Country" && n < len(kinds[kind])*95/100 {
			t.Errorf("%d of %d countries found; want 95%%", n, len(kinds[kind]))
		}
	}
	if edges == 0 || float64(known) < 0.25*float64(edges) || float64(agree) < 0.9*float64(known) {
		t.Errorf("the KB knows %d of %d office edges and agrees on %d; want at least a quarter known and nine in ten of those agreeing", known, edges, agree)
	}
}
