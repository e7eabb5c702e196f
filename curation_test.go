package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// TestCurationSurvivesReload loads the identity set as `diplograph load`
// does, lets a curator merge two people and split another, and loads the
// same articles again: the re-load keeps both decisions and changes no
// count, on both stores.
func TestCurationSurvivesReload(t *testing.T) {
	dir := stageIdentityArticles(t)
	x, err := newExtractor()
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	check := func(t *testing.T, st store.Store) {
		ctx := context.Background()
		load := func(what string) store.Stats {
			t.Helper()
			rep, err := ingest.Load(ctx, resolve.New(st, st), x, []string{dir}, ingest.Options{})
			if err != nil || len(rep.Skipped) > 0 {
				t.Fatalf("%s: ingest.Load = %v, skipped %v", what, err, rep.Skipped)
			}
			s, err := st.Stats(ctx)
			if err != nil {
				t.Fatalf("Stats: %v", err)
			}
			return s
		}
		load("first load")

		// Merge: the two Ahmed Khans, whom the load keeps apart.
		khans, err := st.EntitiesByNameWords(ctx, schema.Person, []string{"khan"})
		if err != nil {
			t.Fatal(err)
		}
		khans = slices.DeleteFunc(khans, func(e schema.Entity) bool {
			return schema.Fold(e.Name) != "ahmed khan"
		})
		if len(khans) != 2 {
			t.Fatalf("people named Ahmed Khan = %d; want 2", len(khans))
		}
		keep, gone := khans[0], khans[1]
		if _, err := st.MergeEntities(ctx, []string{keep.ID, gone.ID}); err != nil {
			t.Fatalf("MergeEntities: %v", err)
		}
		merged, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if again := load("re-load after the merge"); !sameStats(again, merged) {
			t.Errorf("re-load after the merge: %+v; want %+v", again, merged)
		}
		if _, err := st.Entity(ctx, gone.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("merged-away Ahmed Khan after re-load: %v; want not found", err)
		}

		// Split: one article's Amara Okonkwo made someone else.
		amara, err := st.EntityByName(ctx, "Amara Okonkwo")
		if err != nil {
			t.Fatal(err)
		}
		arts, err := st.Articles(ctx, store.ArticleFilter{Entity: amara.ID,
			Page: store.Page{First: 10}})
		if err != nil || len(arts.Articles) < 2 {
			t.Fatalf("articles of Amara Okonkwo = %v, %v; want 2 or more", arts, err)
		}
		off := arts.Articles[0].ID
		n, err := st.SplitEntity(ctx, amara.ID, []string{off})
		if err != nil {
			t.Fatalf("SplitEntity: %v", err)
		}
		split, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if again := load("re-load after the split"); !sameStats(again, split) {
			t.Errorf("re-load after the split: %+v; want %+v", again, split)
		}
		ents, err := st.ArticleEntities(ctx, off)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, len(ents))
		for i, e := range ents {
			ids[i] = e.ID
		}
		if !slices.Contains(ids, n.ID) || slices.Contains(ids, amara.ID) {
			t.Errorf("the split-off article mentions %v; want the new entity %s, not %s",
				ids, n.ID, amara.ID)
		}
		notes, err := st.Identity(ctx, n.ID, 0)
		if err != nil || len(notes.Notes) == 0 || notes.Notes[0].Rule != schema.RuleCuratorSplit {
			t.Errorf("Identity(new) = %+v, %v; want the curator's split first", notes, err)
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

// sameStats reports whether two Stats count alike.
func sameStats(a, b store.Stats) bool {
	if a.Entities != b.Entities || a.Relations != b.Relations || a.Articles != b.Articles {
		return false
	}
	for k, v := range a.ByEntity {
		if b.ByEntity[k] != v {
			return false
		}
	}
	return true
}

// TestLoadExplain: `diplograph load --explain` prints each identity
// decision with its rule: a surname joined to the one person of that
// surname, a generic event keyed by kind, place and day.
func TestLoadExplain(t *testing.T) {
	withEmbedded(t)
	in := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{
		"a.txt": "---\ntitle: Okonkwo visits Accra\npublished: 2026-03-02\n---\n" +
			"Nigerian Foreign Minister Amara Okonkwo arrived in Accra on Monday.\n",
		"b.txt": "---\ntitle: Bombing in Lyon\npublished: 2026-03-03\n---\n" +
			"A bomb exploded near the station in Lyon on Tuesday. Foreign Minister Okonkwo " +
			"condemned the bombing.\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var code int
	out, errOut := capture(t, "", func() {
		code = run(context.Background(), []string{"load", "--explain", "--data",
			filepath.Join(t.TempDir(), "data"), in})
	})
	if code != 0 {
		t.Fatalf("load --explain exited %d: %s", code, errOut)
	}
	for _, want := range []string{
		`merged "Okonkwo" into "Amara Okonkwo" by SURNAME`,
		`keyed "bombing" by KIND_PLACE_DAY`,
		"people merged across articles: 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("load --explain printed\n%s\nwant a line with %q", out, want)
		}
	}
}
