package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// identityDir holds the invented cross-article identity set (its README
// says how it was written and what the files hold).
const identityDir = "resolve/testdata/identity"

// identityFloors are the figures measured, rounded down to 0.01: a change
// that loses merges or makes false ones fails here; raise them when
// identity improves.
//
// Issue 11's targets are merge precision >= 0.98 and recall >= 0.90. When
// the set was written: pairwise P 0.798 R 0.838, B-cubed P 0.915 R 0.891
// (every false merge a namesake). With people keyed by the country of
// their office, the transliteration fold and romanised given names, named
// events by series and year: pairwise P 0.973 R 0.900, B-cubed P 0.985
// R 0.922. With namesakes whose offices clash (country and role) kept
// apart, names one transliterated vowel apart joined, and generic events
// keyed by kind, place and day where the article gives them otherwise
// than on the event (package resolve): every figure 1.000. The set was
// read while those rules were written, so 1.000 is a development figure;
// five articles written afterwards scored pairwise P 1.000 R 0.969,
// B-cubed P 1.000 R 0.985 at first (a next-day report of the Lyon bombing
// split off), 1.000 with the day-before rule. The floors are the issue's
// precision target and a recall above its target, leaving the loader room
// to move a mention without hiding a false merge.
var identityFloors = identityScores{
	PairP: 0.98, PairR: 0.95, CubeP: 0.98, CubeR: 0.95,
}

// identityMaxMissing is the most gold members the load may not produce
// at all (no entity of the gold type carries the form in its article).
// None is missing as measured; the slack of two lets a form the extractor
// renames be fixed in the gold rather than hidden in the figures.
const identityMaxMissing = 2

// TestIdentityAcrossArticles loads the identity set the way `diplograph
// load` does (the default extractor, the resolver, one store) and scores
// the merges the store holds against the gold clusters: each gold member
// (article, form, type) is mapped to the node its article's entity became,
// and pairwise and B-cubed precision and recall are computed over the
// members found. It runs on the embedded store and, with NEO4J_URI set (CI),
// on Neo4j.
func TestIdentityAcrossArticles(t *testing.T) {
	gold := readIdentityGold(t)
	dir := stageIdentityArticles(t)
	x, err := newExtractor()
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	check := func(t *testing.T, st store.Store) {
		got := measureIdentity(t, st, x, dir, gold)
		t.Logf("identity across articles: %d gold clusters, %d members, %d found, %d not found",
			len(gold.Clusters), got.Members, got.Found, len(got.Missing))
		t.Logf("pairwise  P %.3f  R %.3f  (%d true merges, %d false, %d missed)",
			got.PairP, got.PairR, got.TruePairs, got.FalsePairs, got.MissedPairs)
		t.Logf("B-cubed   P %.3f  R %.3f", got.CubeP, got.CubeR)
		for _, typ := range schema.EntityTypes {
			if ts, ok := got.ByType[typ]; ok {
				t.Logf("  %-12s %2d members: pairwise P %.3f R %.3f, B-cubed P %.3f R %.3f",
					typ, ts.Found, ts.PairP, ts.PairR, ts.CubeP, ts.CubeR)
			}
		}
		for _, m := range got.Missing {
			t.Logf("not found: %s", m)
		}
		for _, e := range got.OverMerged {
			t.Logf("over-merged: %s", e)
		}
		for _, e := range got.Split {
			t.Logf("split: %s", e)
		}
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"pairwise precision", got.PairP, identityFloors.PairP},
			{"pairwise recall", got.PairR, identityFloors.PairR},
			{"B-cubed precision", got.CubeP, identityFloors.CubeP},
			{"B-cubed recall", got.CubeR, identityFloors.CubeR},
		} {
			if c.got < c.want-1e-9 { // B-cubed sums fractions: 1 may read 0.9999…
				t.Errorf("%s = %.3f; want >= %.2f", c.name, c.got, c.want)
			}
		}
		if len(got.Missing) > identityMaxMissing {
			t.Errorf("%d gold members not found; want <= %d", len(got.Missing),
				identityMaxMissing)
		}
	}
	t.Run("embedded", func(t *testing.T) {
		st, err := embedded.Open(filepath.Join(t.TempDir(), "data"))
		if err != nil {
			t.Fatalf("embedded.Open: %v", err)
		}
		t.Cleanup(func() { st.Close(context.Background()) })
		check(t, st)
	})
	t.Run("neo4j", func(t *testing.T) {
		check(t, neo4jtest.Open(t)) // locks and wipes the test database
	})
}

// identityGold is clusters.json: every real-world thing the set mentions
// in more than one place, or that a namesake could be confused with.
type identityGold struct {
	Clusters []struct {
		ID      string            `json:"id"`
		Type    schema.EntityType `json:"type"`
		Note    string            `json:"note"` // who or what, for readers
		Members []struct {
			Article string `json:"article"` // file name without .txt
			Mention string `json:"mention"` // the form the article uses
		} `json:"members"`
	} `json:"clusters"`
}

// readIdentityGold reads and checks clusters.json: known types, no member
// twice, every article present.
func readIdentityGold(t *testing.T) identityGold {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(identityDir, "clusters.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var g identityGold
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("clusters.json: %v", err)
	}
	seen := map[string]string{}
	for _, c := range g.Clusters {
		if !slices.Contains(schema.EntityTypes, c.Type) || len(c.Members) == 0 {
			t.Fatalf("clusters.json: cluster %q has type %q and %d members; want a "+
				"known type and members", c.ID, c.Type, len(c.Members))
		}
		for _, m := range c.Members {
			k := m.Article + "|" + schema.Fold(m.Mention) + "|" + string(c.Type)
			if other, dup := seen[k]; dup {
				t.Fatalf("clusters.json: %s %q in %s is in clusters %q and %q",
					c.Type, m.Mention, m.Article, other, c.ID)
			}
			seen[k] = c.ID
			if _, err := os.Stat(filepath.Join(identityDir, "articles",
				m.Article+".txt")); err != nil {
				t.Fatalf("clusters.json: cluster %q: %v", c.ID, err)
			}
		}
	}
	return g
}

// stageIdentityArticles writes every article of the set into a temporary
// folder as a text file with front matter (title, published, source from
// index.json), the form `diplograph load` reads, and returns the folder.
func stageIdentityArticles(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(identityDir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	var index struct {
		Articles []struct{ File, Published, Source string } `json:"articles"`
	}
	if err := json.Unmarshal(data, &index); err != nil {
		t.Fatalf("index.json: %v", err)
	}
	dir := t.TempDir()
	for _, a := range index.Articles {
		text, err := os.ReadFile(filepath.Join(identityDir, "articles", a.File))
		if err != nil {
			t.Fatal(err)
		}
		title, body, ok := strings.Cut(string(text), "\n\n")
		if !ok || strings.ContainsAny(title, ":\n\"") || a.Published == "" {
			t.Fatalf("%s: want a one-line headline without colons or quotes, a blank "+
				"line and the body, and a published date in index.json", a.File)
		}
		doc := fmt.Sprintf("---\ntitle: %s\npublished: %s\nsource: %s\n---\n%s",
			title, a.Published, a.Source, body)
		if err := os.WriteFile(filepath.Join(dir, a.File), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := filepath.Glob(filepath.Join(identityDir, "articles", "*.txt")); len(n) !=
		len(index.Articles) {
		t.Fatalf("index.json lists %d articles; the folder holds %d", len(index.Articles),
			len(n))
	}
	return dir
}
