package graph_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// TestExternalIDs serves the outside ids and places' locations of linked
// entities, null where there are none, and finds entities by Wikidata id,
// on both stores.
func TestExternalIDs(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		// A third article whose entities the loader linked.
		a3 := schema.Article{ID: schema.ID("article:test-3"), Title: "Berg in Oslo",
			Published: "2025-07-01"}
		sweden := ent(schema.Country, "Sweden")
		sweden.Code = "SE"
		sweden.IDs = schema.ExternalIDs{Wikidata: "Q34", GeoNames: 2661886, ISO: "SE"}
		oslo := ent(schema.Place, "Oslo")
		oslo.IDs = schema.ExternalIDs{GeoNames: 3143244}
		oslo.Location = &schema.Location{Lat: 59.91273, Lon: 10.74609}
		berg := ent(schema.Person, "Ingrid Berg", "Berg")
		berg.IDs = schema.ExternalIDs{Wikidata: "Q4200001"}
		s := "Ingrid Berg arrived in Oslo."
		if err := st.Upsert(context.Background(), schema.Batch{Article: a3,
			Entities:  []schema.Entity{sweden, oslo, berg},
			Relations: []schema.Relation{rel(schema.Visited, berg, oslo, "2025-07-01", a3.ID, s)},
		}); err != nil {
			t.Fatalf("Upsert(a3) = %v", err)
		}
		a := newAPI(t, st, graph.Options{})

		const fields = `name externalIds { wikidata geonames iso } ... on Place { location { lat lon } }`
		tests := []struct{ query, want string }{
			{`{ entity(name: "Oslo") { ` + fields + ` } }`,
				`{"entity":{"name":"Oslo","externalIds":{"wikidata":null,"geonames":3143244,"iso":null},` +
					`"location":{"lat":59.91273,"lon":10.74609}}}`},
			{`{ entity(wikidata: "Q34") { ` + fields + ` } }`,
				`{"entity":{"name":"Sweden","externalIds":{"wikidata":"Q34","geonames":2661886,"iso":"SE"}}}`},
			{`{ entity(wikidata: " Q4200001 ") { ` + fields + ` } }`,
				`{"entity":{"name":"Ingrid Berg","externalIds":{"wikidata":"Q4200001","geonames":null,"iso":null}}}`},
			// Unlinked entities: null ids, null location.
			{`{ entity(name: "Nigeria") { ` + fields + ` } }`,
				`{"entity":{"name":"Nigeria","externalIds":null}}`},
			{`{ entity(name: "Kaduna attack") { ` + fields + ` } }`,
				`{"entity":{"name":"Kaduna attack","externalIds":null}}`},
			// No stored entity carries Q1033, but the wikidata table knows
			// it as Nigeria, which the graph holds (a graph loaded before
			// linking).
			{`{ entity(wikidata: "Q1033") { name } }`, `{"entity":{"name":"Nigeria"}}`},
			// Unknown anywhere: null, as for an unknown id or name.
			{`{ entity(wikidata: "Q987654321") { name } }`, `{"entity":null}`},
			// A reference by Wikidata id reaches the linked node.
			{`{ neighborhood(of: {wikidata: "Q4200001"}) { nodes { name } } }`,
				`{"neighborhood":{"nodes":[{"name":"Ingrid Berg"},{"name":"Adaeze Okafor"},` +
					`{"name":"Baltic Trade Accord"},{"name":"Oslo"},{"name":"Sweden"}]}}`},
		}
		for _, tc := range tests {
			var out json.RawMessage
			a.must(tc.query, nil, &out)
			if string(out) != tc.want {
				t.Errorf("%s =\n  %s\nwant\n  %s", tc.query, out, tc.want)
			}
		}

		// A lookup by Wikidata id reads its selection through the store's
		// plan: on a store that compiles plans (Neo4j), in one call; on
		// one read level by level, one call per level.
		cs := newCountingStore(st)
		ca := newAPI(t, cs, graph.Options{})
		var got json.RawMessage
		ca.must(`{ entity(wikidata: "Q4200001") { name externalIds { wikidata }
  relations(types: [VISITED], first: 5) { edges { node { type target { name ... on Place { location { lat } } } } } } } }`,
			nil, &got)
		const want = `{"entity":{"name":"Ingrid Berg","externalIds":{"wikidata":"Q4200001"},` +
			`"relations":{"edges":[{"node":{"type":"VISITED","target":{"name":"Oslo",` +
			`"location":{"lat":59.91273}}}}]}}}`
		if string(got) != want {
			t.Errorf("entity(wikidata:) with relations =\n  %s\nwant\n  %s", got, want)
		}
		calls := cs.reset()
		wantCalls := map[string]int{"EntityByWikidata": 1, "RelationsOfEntities": 1,
			"EntitiesByIDs": 1}
		if _, ok := st.(store.Fetcher); ok {
			wantCalls = map[string]int{"FetchEntity": 1}
		}
		if !reflect.DeepEqual(calls, wantCalls) {
			t.Errorf("entity(wikidata:) with relations: store calls %s; want %s",
				describe(calls), describe(wantCalls))
		}

		for _, bad := range []string{
			`{ entity(wikidata: "Sweden") { name } }`,
			`{ entity(wikidata: "Q34", name: "Sweden") { name } }`,
			`{ entity { name } }`,
		} {
			if errs := a.do(bad, nil, nil); code(errs) != "BAD_USER_INPUT" {
				t.Errorf("%s: errors %+v; want BAD_USER_INPUT", bad, errs)
			}
		}
	})
}
