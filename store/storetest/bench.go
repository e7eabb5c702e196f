package storetest

import (
	"fmt"
	"testing"

	"github.com/diplograph/diplograph/schema"
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

// BenchHeldOffices measures the resolver's read of the offices of 500
// people, in a store of 2,000 people who each hold two offices and have
// ten meetings, every relation with evidence.
func BenchHeldOffices(b *testing.B, s store.Store) {
	const people, countries = 2000, 20
	person := func(i int) schema.Entity {
		key := schema.EntityKey(schema.Person, fmt.Sprintf("Person %04d", i))
		return schema.Entity{ID: schema.ID(key), Key: key, Type: schema.Person,
			Name: fmt.Sprintf("Person %04d", i)}
	}
	country := func(i int) schema.Entity {
		key := schema.EntityKey(schema.Country, fmt.Sprintf("Country %02d", i))
		return schema.Entity{ID: schema.ID(key), Key: key, Type: schema.Country,
			Name: fmt.Sprintf("Country %02d", i), Code: fmt.Sprintf("X%c", 'A'+i)}
	}
	rel := func(t schema.RelationType, a, c schema.Entity, date string, art schema.Article,
	) schema.Relation {
		return schema.Relation{ID: schema.ID(schema.RelationKey(t, a.Key, c.Key, date)), Type: t,
			Source: a.ID, Target: c.ID, Date: date, Role: "minister", Confidence: 0.7,
			Evidence: []schema.Evidence{evidence(art, 0)}}
	}
	var batches []schema.Batch
	for i := range people {
		art := schema.Article{ID: schema.ID(fmt.Sprintf("article:bench-offices-%d", i)),
			Title: fmt.Sprintf("Offices %d", i), Published: "2025-01-02", Source: "Wire"}
		p, c1, c2 := person(i), country(i%countries), country((i+1)%countries)
		b := schema.Batch{Article: art, Entities: []schema.Entity{p, c1, c2},
			Relations: []schema.Relation{rel(schema.HoldsOffice, p, c1, "", art),
				rel(schema.HoldsOffice, p, c2, "2024", art)}}
		for k := range 10 {
			o := person((i + 1 + k) % people)
			b.Entities = append(b.Entities, o)
			b.Relations = append(b.Relations, rel(schema.Met, p, o,
				fmt.Sprintf("2025-%02d-%02d", 1+k%12, 1+i%28), art))
		}
		batches = append(batches, b)
	}
	for start := 0; start < len(batches); start += 100 {
		if err := s.Upsert(bg, batches[start:start+100]...); err != nil {
			b.Fatalf("Upsert = %v", err)
		}
	}
	ids := make([]string, 500)
	for i := range ids {
		ids[i] = person(i * 4).ID
	}
	for b.Loop() {
		got, err := s.HeldOffices(bg, ids)
		if err != nil || len(got) != len(ids) || len(got[0]) != 2 {
			b.Fatalf("HeldOffices = %d lists (first %v), %v; want 500 of two", len(got), got[0], err)
		}
	}
}
