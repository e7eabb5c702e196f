// Package storetest is the one contract suite of store.Store: Run checks
// every Reader and Writer method of a store against the hand-made Fixture,
// so that the embedded and the Neo4j stores answer every query alike.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Run runs the contract suite. open must return a new, empty store for each
// call; Run calls it once per subtest and never twice in one.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	groups := []struct {
		name  string
		tests []test
	}{
		{"Writer", writerTests},
		{"Entity", entityTests},
		{"Search", searchTests},
		{"Relations", relationTests},
		{"Articles", articleTests},
		{"Graph", graphTests},
		{"Batch", batchTests},
		{"Offices", officeTests},
		{"Scan", scanTests},
		{"Paging", pagingTests},
		{"IDs", idTests},
		{"Curation", curationTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tt := range g.tests {
				t.Run(tt.name, func(t *testing.T) {
					s := open(t)
					fx := NewFixture()
					if !tt.empty {
						Load(t, s, fx)
					}
					tt.run(t, s, fx)
				})
			}
		})
	}
}

// test is one subtest of Run: it gets a store holding the fixture, or an
// empty one when empty is set.
type test struct {
	name  string
	empty bool
	run   func(t *testing.T, s store.Store, fx *Fixture)
}

// Load writes the fixture's batches to s, one Upsert for all of them.
func Load(t testing.TB, s store.Store, fx *Fixture) {
	t.Helper()
	if err := s.Upsert(context.Background(), fx.Batches...); err != nil {
		t.Fatalf("Upsert(fixture) = %v; want nil", err)
	}
}

var bg = context.Background()

// equal reports a difference between got and want, described by what.
func equal(t *testing.T, what string, got, want any) bool {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s =\n  %v\nwant\n  %v", what, got, want)
		return false
	}
	return true
}

// wantErr reports err unless it wraps want.
func wantErr(t *testing.T, what string, err, want error) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s error = %v; want %v", what, err, want)
	}
}

// noErr stops the test on err.
func noErr(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s = %v; want no error", what, err)
	}
}

func entityIDs(es []schema.Entity) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func relationIDs(rs []schema.Relation) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func articleIDs(as []schema.Article) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// names returns the short fixture names of ids, for readable failures.
func (fx *Fixture) names(ids []string) []string {
	byID := map[string]string{}
	for n, e := range fx.Entities {
		byID[e.ID] = n
	}
	for n, r := range fx.Relations {
		byID[r.ID] = n
	}
	for n, a := range fx.Articles {
		byID[a.ID] = n
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = byID[id]
		if out[i] == "" {
			out[i] = id
		}
	}
	return out
}

// sameIDs compares ids with the ids of the named fixture records, showing
// names on failure.
func (fx *Fixture) sameIDs(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(got, fx.IDs(want...)) {
		t.Errorf("%s = %v; want %v", what, fx.names(got), want)
	}
}

func q(format string, args ...any) string { return fmt.Sprintf(format, args...) }
