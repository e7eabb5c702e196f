//go:build !race

// The real-corpus load runs without the race detector (make test-go runs it
// in a step of its own): under -race it would take several minutes.

package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// realCorpus is the 2,013 State Department press releases beside the project.
const realCorpus = "../shared/corpora/state-dept-press-releases/press-releases-2021-2022.jsonl"

// corpusReleases is the number of releases in realCorpus.
const corpusReleases = 2013

// needRealCorpus skips tb when the corpus is absent, except in CI, which
// runs with ../shared beside the project and fails instead.
func needRealCorpus(tb testing.TB) string {
	tb.Helper()
	if _, err := os.Stat(realCorpus); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("%v: CI runs with ../shared beside the project", err)
		}
		tb.Skipf("no real corpus: %v", err)
	}
	return realCorpus
}

// TestLoadRealCorpus loads the real press-release corpus with `diplograph
// load` into the embedded store and into Neo4j: every release loads, none
// is skipped (the exit status would be 1), and the store holds them all.
func TestLoadRealCorpus(t *testing.T) {
	path := needRealCorpus(t)
	check := func(t *testing.T, dir string, st func() store.Store) {
		if code := run(context.Background(), []string{"load", "--data", dir, path}); code != 0 {
			t.Fatalf("load %s exited %d; want 0 (nothing skipped)", path, code)
		}
		s, err := st().Stats(context.Background())
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if s.Articles != corpusReleases || s.Entities < 5000 || s.Relations < 3000 {
			t.Errorf("Stats = %d articles, %d nodes, %d edges; want %d articles with "+
				"their nodes and edges", s.Articles, s.Entities, s.Relations, corpusReleases)
		}
		t.Logf("%d articles, %d nodes, %d edges", s.Articles, s.Entities, s.Relations)
	}
	t.Run("embedded", func(t *testing.T) {
		withEmbedded(t)
		dir := t.TempDir()
		check(t, dir, func() store.Store {
			st, err := embedded.Open(dir)
			if err != nil {
				t.Fatalf("embedded.Open: %v", err)
			}
			t.Cleanup(func() { st.Close(context.Background()) })
			return st
		})
	})
	t.Run("neo4j", func(t *testing.T) {
		st := neo4jtest.Open(t) // locks and wipes the test database
		check(t, t.TempDir(), func() store.Store { return st })
	})
}

// BenchmarkLoadRealCorpus loads the real corpus into an empty store per
// iteration and reports articles/s and the nodes and edges the store holds. Run it
// with -benchtime 1x; the neo4j case needs NEO4J_URI (it wipes the database).
func BenchmarkLoadRealCorpus(b *testing.B) {
	path := needRealCorpus(b)
	x, err := newExtractor()
	if err != nil {
		b.Fatal(err)
	}
	bench := func(b *testing.B, open func(b *testing.B) store.Store) {
		var rep ingest.Report
		var st store.Store
		for b.Loop() {
			b.StopTimer()
			st = open(b)
			b.StartTimer()
			rep, err = ingest.Load(context.Background(), resolve.New(st, st), x,
				[]string{path}, ingest.Options{})
			if err != nil || len(rep.Skipped) > 0 {
				b.Fatalf("Load = %d skipped, %v; want none", len(rep.Skipped), err)
			}
		}
		b.ReportMetric(float64(rep.Articles*b.N)/b.Elapsed().Seconds(), "articles/s")
		s, err := st.Stats(context.Background()) // after the merges across articles
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(s.Entities), "nodes")
		b.ReportMetric(float64(s.Relations), "edges")
	}
	b.Run("embedded", func(b *testing.B) {
		bench(b, func(b *testing.B) store.Store {
			st, err := embedded.Open(filepath.Join(b.TempDir(), "data"))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close(context.Background()) })
			return st
		})
	})
	b.Run("neo4j", func(b *testing.B) {
		st := neo4jtest.Open(b) // locks and wipes the test database
		bench(b, func(b *testing.B) store.Store {
			if err := st.Wipe(context.Background()); err != nil {
				b.Fatal(err)
			}
			return st
		})
	})
}
