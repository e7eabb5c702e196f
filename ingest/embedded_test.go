package ingest

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store/embedded"
)

// openStore opens an embedded store in a temporary folder, closed at the
// end of the test.
func openStore(t testing.TB) *embedded.Store {
	t.Helper()
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatalf("embedded.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Close(context.Background()); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return st
}

// TestLoadExamplesTwice loads examples/articles with the real extractor into
// the real embedded store twice: the first load writes every article and the
// store counts what Load reported; the second load changes nothing.
func TestLoadExamplesTwice(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	paths := []string{filepath.Join("..", "examples", "articles")}
	opts := Options{Workers: 3, BatchSize: 3}

	first, err := Load(ctx, st, x, paths, opts)
	if err != nil {
		t.Fatalf("first Load error = %v; want nil", err)
	}
	if len(first.Skipped) != 0 || first.Files != 7 || first.Articles != 8 {
		t.Errorf("first Load = %+v; want 7 files, 8 articles, none skipped", first)
	}
	t.Logf("first Load = %+v", first)
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	got := [3]int{before.Articles, before.Entities, before.Relations}
	if want := [3]int{first.Articles, first.Entities, first.Relations}; got != want {
		t.Errorf("Stats articles, entities, relations = %v; want %v as reported", got, want)
	}

	second, err := Load(ctx, st, x, paths, opts)
	if err != nil {
		t.Fatalf("second Load error = %v; want nil", err)
	}
	if !reflect.DeepEqual(second, first) {
		t.Errorf("second Load = %+v; want %+v as the first", second, first)
	}
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("Stats after a second load = %+v; want %+v", after, before)
	}
}
