package storetest

import (
	"testing"

	"github.com/diplograph/diplograph/store"
)

// The benchmarks below run over the fixture, so that both stores are
// measured on the same data; each backend's bench_test.go calls them.

// BenchUpsert measures writing the fixture's four batches in one Upsert
// into a store that already holds them: the idempotent re-load.
func BenchUpsert(b *testing.B, s store.Store) {
	fx := NewFixture()
	Load(b, s, fx)
	for b.Loop() {
		if err := s.Upsert(bg, fx.Batches...); err != nil {
			b.Fatalf("Upsert = %v", err)
		}
	}
}

// BenchRelationsOfEntity measures the first page of one entity's
// relations, with their evidence.
func BenchRelationsOfEntity(b *testing.B, s store.Store) {
	fx := NewFixture()
	Load(b, s, fx)
	f := store.RelationFilter{Entity: fx.ID("vel")}
	for b.Loop() {
		if _, err := s.Relations(bg, f); err != nil {
			b.Fatalf("Relations = %v", err)
		}
	}
}

// BenchPaths measures the two shortest paths between Brandt and Ostrova.
func BenchPaths(b *testing.B, s store.Store) {
	fx := NewFixture()
	Load(b, s, fx)
	q := store.PathQuery{From: fx.ID("bra"), To: fx.ID("ost")}
	for b.Loop() {
		if _, err := s.Paths(bg, q); err != nil {
			b.Fatalf("Paths = %v", err)
		}
	}
}
