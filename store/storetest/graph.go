package storetest

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var graphTests = []test{
	{name: "Neighborhood", run: testNeighborhood},
	{name: "Paths", run: testPaths},
}

func testNeighborhood(t *testing.T, s store.Store, fx *Fixture) {
	vel := fx.ID("vel")
	tests := []struct {
		name      string
		q         store.NeighborhoodQuery
		entities  []string
		relations []string
	}{
		{"depth 1", store.NeighborhoodQuery{ID: vel},
			[]string{"vel", "ost", "pse", "bra", "val"},
			fx.byID("call", "hoVel", "met", "visit")},
		{"depth 2", store.NeighborhoodQuery{ID: vel, Depth: 2},
			[]string{"vel", "ost", "pse", "bra", "val", "est", "hat", "nor", "acc"},
			fx.byID("call", "hoVel", "met", "visit", "hoBra", "visitEst", "hoOst", "signed",
				"condemn")},
		{"one type", store.NeighborhoodQuery{ID: vel, Depth: 2,
			Types: []schema.RelationType{schema.Met}}, []string{"vel", "ost"}, []string{"met"}},
		{"limit", store.NeighborhoodQuery{ID: vel, Limit: 3}, []string{"vel", "ost", "pse"},
			fx.byID("met", "visit")},
		{"alone", store.NeighborhoodQuery{ID: fx.ID("acc"),
			Types: []schema.RelationType{schema.Called}}, []string{"acc"}, []string{}},
	}
	for _, tt := range tests {
		g, err := s.Neighborhood(bg, tt.q)
		noErr(t, "Neighborhood("+tt.name+")", err)
		fx.sameIDs(t, "Neighborhood("+tt.name+").Entities", entityIDs(g.Entities), tt.entities...)
		fx.sameIDs(t, "Neighborhood("+tt.name+").Relations", relationIDs(g.Relations),
			tt.relations...)
	}
	g, err := s.Neighborhood(bg, store.NeighborhoodQuery{ID: vel, Depth: 3})
	noErr(t, "Neighborhood(depth 3)", err)
	if ids := entityIDs(g.Entities); len(ids) != 12 || slices.Contains(ids, fx.ID("nen")) {
		t.Errorf("Neighborhood(depth 3).Entities = %v; want all but nen", fx.names(ids))
	}
	_, err = s.Neighborhood(bg, store.NeighborhoodQuery{ID: "no-such-entity"})
	wantErr(t, "Neighborhood(unknown)", err, store.ErrNotFound)
	for _, nq := range []store.NeighborhoodQuery{
		{},
		{ID: vel, Depth: 4},
		{ID: vel, Depth: -1},
		{ID: vel, Limit: store.MaxNeighborhood + 1},
		{ID: vel, Types: []schema.RelationType{schema.Mentions}},
	} {
		_, err := s.Neighborhood(bg, nq)
		wantErr(t, q("Neighborhood(%+v)", nq), err, store.ErrInvalidInput)
	}
}

// path is a path by the short names of its entities and relations.
type path struct{ entities, relations []string }

func testPaths(t *testing.T, s store.Store, fx *Fixture) {
	viaVel := path{[]string{"bra", "vel", "ost"}, []string{"call", "met"}}
	viaEst := path{[]string{"bra", "est", "ost"}, []string{"visitEst", "hoOst"}}
	both := []path{viaVel, viaEst}
	if fx.ID("visitEst") < fx.ID("call") {
		both = []path{viaEst, viaVel}
	}
	bra, ost, acc := fx.ID("bra"), fx.ID("ost"), fx.ID("acc")
	tests := []struct {
		name string
		q    store.PathQuery
		want []path
	}{
		{"two shortest", store.PathQuery{From: bra, To: ost}, both},
		{"first", store.PathQuery{From: bra, To: ost, First: 1}, both[:1]},
		{"types", store.PathQuery{From: bra, To: ost,
			Types: []schema.RelationType{schema.Called, schema.Met}}, []path{viaVel}},
		{"too few hops", store.PathQuery{From: bra, To: ost, MaxHops: 1}, []path{}},
		{"three hops", store.PathQuery{From: bra, To: acc, MaxHops: 3},
			[]path{{[]string{"bra", "vel", "val", "acc"}, []string{"call", "hoVel", "signed"}}}},
		{"two hops short", store.PathQuery{From: bra, To: acc, MaxHops: 2}, []path{}},
		{"beyond the default", store.PathQuery{From: fx.ID("nen"), To: acc}, []path{}},
		{"six hops", store.PathQuery{From: fx.ID("nen"), To: acc, MaxHops: 6},
			[]path{{[]string{"nen", "pno", "nor", "bra", "vel", "val", "acc"},
				[]string{"hq", "locPno", "hoBra", "call", "hoVel", "signed"}}}},
	}
	for _, tt := range tests {
		ps, err := s.Paths(bg, tt.q)
		noErr(t, "Paths("+tt.name+")", err)
		got := []path{}
		for _, p := range ps {
			got = append(got, path{fx.names(entityIDs(p.Entities)),
				fx.names(relationIDs(p.Relations))})
		}
		equal(t, "Paths("+tt.name+")", got, tt.want)
	}
	_, err := s.Paths(bg, store.PathQuery{From: bra, To: "no-such-entity"})
	wantErr(t, "Paths(to unknown)", err, store.ErrNotFound)
	for _, pq := range []store.PathQuery{
		{From: bra},
		{From: bra, To: bra},
		{From: bra, To: ost, MaxHops: store.MaxHops + 1},
		{From: bra, To: ost, First: store.MaxFirst + 1},
		{From: bra, To: ost, Types: []schema.RelationType{"LIKED"}},
	} {
		_, err := s.Paths(bg, pq)
		wantErr(t, q("Paths(%+v)", pq), err, store.ErrInvalidInput)
	}
}
