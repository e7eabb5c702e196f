//go:build !race

// The real-corpus re-load runs without the race detector (make test-go runs
// it in a step of its own): under -race it would take several minutes.

package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// realCorpus is the 2,013 U.S. State Department press releases of
// ../shared, read by tests only; never part of the project.
var realCorpus = filepath.Join("..", "..", "shared", "corpora", "state-dept-press-releases",
	"press-releases-2021-2022.jsonl")

// TestRealCorpusReload loads the real corpus through the cross-article
// resolver into each store, twice: the first load writes all 2,013
// releases, the second changes no count, and both stores end up with the
// same counts. Without ../shared it skips, unless CI=true.
func TestRealCorpusReload(t *testing.T) {
	if _, err := os.Stat(realCorpus); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true needs the real corpus: %v", err)
		}
		t.Skipf("no real corpus: %v", err)
	}
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	stores := []struct {
		name string
		open func(t *testing.T) store.Store
	}{
		{"embedded", func(t *testing.T) store.Store { return openStore(t) }},
		{"neo4j", func(t *testing.T) store.Store { return neo4jtest.Open(t) }},
	}
	counts := map[string]store.Stats{}
	for _, sc := range stores {
		t.Run(sc.name, func(t *testing.T) {
			st := sc.open(t)
			counts[sc.name] = loadTwice(t, st, x)
		})
	}
	e, n := counts["embedded"], counts["neo4j"]
	if e.Entities != 0 && n.Entities != 0 && (e.Entities != n.Entities ||
		e.Relations != n.Relations || e.Articles != n.Articles) {
		t.Errorf("embedded holds %d articles, %d entities, %d relations; neo4j %d, %d, %d; "+
			"want the same", e.Articles, e.Entities, e.Relations,
			n.Articles, n.Entities, n.Relations)
	}
}

// loadTwice loads the real corpus into st twice and returns the counts.
func loadTwice(t *testing.T, st store.Store, x Extractor) store.Stats {
	ctx := context.Background()
	var stats [2]store.Stats
	for i := range stats {
		rep, err := Load(ctx, resolve.New(st, st), x, []string{realCorpus}, Options{})
		if err != nil {
			t.Fatalf("load %d: %v", i+1, err)
		}
		if rep.Articles != 2013 || len(rep.Skipped) != 0 {
			t.Fatalf("load %d = %d articles, skipped %v; want 2013, none skipped",
				i+1, rep.Articles, rep.Skipped)
		}
		if stats[i], err = st.Stats(ctx); err != nil {
			t.Fatalf("Stats: %v", err)
		}
	}
	first, second := stats[0], stats[1]
	t.Logf("after the first load: %d articles, %d entities, %d relations",
		first.Articles, first.Entities, first.Relations)
	for ty, n := range first.ByEntity {
		if second.ByEntity[ty] != n {
			t.Errorf("re-load: %d entities of type %s; want %d as after the first load",
				second.ByEntity[ty], ty, n)
		}
	}
	for ty, n := range first.ByRelType {
		if second.ByRelType[ty] != n {
			t.Errorf("re-load: %d relations of type %s; want %d as after the first load",
				second.ByRelType[ty], ty, n)
		}
	}
	if first.Articles != 2013 {
		t.Errorf("the store holds %d articles; want 2013", first.Articles)
	}
	return first
}
