package graph_test

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// maxRoundTrips bounds the store calls of the nested queries below when the
// store reads a plan level by level: one for the root list, one for its
// entities, one per distinct filter of the entities' relations (here
// relations, offices, place, participants, signatories), one for their
// mentions, one for the ends of their relations and one for the articles of
// the evidence. A store that compiles plans (Neo4j) makes one call.
const maxRoundTrips = 10

// envoys returns the batches of generated envoys from..to-1: each, in an
// article of its own, holds an office in a country of its own, met Adaeze
// Okafor and attended a summit in Oslo, and the country signed an accord.
// Every envoy is found by a search for "Okafor".
func envoys(from, to int) []schema.Batch {
	okafor := ent(schema.Person, "Adaeze Okafor", "Okafor")
	oslo := ent(schema.Place, "Oslo")
	var out []schema.Batch
	for i := from; i < to; i++ {
		tag := string(rune('A'+i/26)) + string(rune('a'+i%26))
		day := fmt.Sprintf("2025-07-%02d", i%28+1)
		a := schema.Article{ID: schema.ID(fmt.Sprintf("article:envoy-%02d", i)),
			Title: "Envoy " + tag + " in Oslo", Published: day, Source: "Example Wire"}
		p := ent(schema.Person, "Envoy "+tag+" Okafor")
		c := ent(schema.Country, "Genland "+tag)
		e := ent(schema.Event, "Envoy summit "+tag)
		e.Kind, e.Date = "summit", day
		g := ent(schema.Agreement, "Envoy accord "+tag)
		g.Date = "2025"
		s := "Envoy " + tag + " Okafor met Adaeze Okafor at the summit in Oslo."
		ho := rel(schema.HoldsOffice, p, c, "", a.ID, s)
		ho.Role = "Envoy"
		out = append(out, schema.Batch{Article: a,
			Entities: []schema.Entity{p, c, e, g, okafor, oslo},
			Relations: []schema.Relation{ho,
				rel(schema.Met, p, okafor, day, a.ID, s),
				rel(schema.Attended, p, e, day, a.ID, s),
				rel(schema.OccurredIn, e, oslo, "", a.ID, s),
				rel(schema.Signed, c, g, day, a.ID, s),
			}})
	}
	return out
}

// relationsSelection asks, of each entity, for its relations with their
// ends and evidence, and its mentions.
const relationsSelection = `relations(first: 5) { totalCount edges { node {
	type source { name } target { name } evidence { sentence article { title } } } } }
  mentions(first: 3) { totalCount edges { node { title } } }`

// TestRoundTripsDoNotGrowWithResults runs nested queries over few and many
// entities and checks that the many cost no more store calls than the few,
// and few at that.
func TestRoundTripsDoNotGrowWithResults(t *testing.T) {
	queries := []struct {
		name, query string
		results     func(data map[string]any) int
	}{
		{"search", `{ search(query: "Okafor", types: [PERSON], first: 50) {
			name ... on Person { offices { role in { name } } ` + relationsSelection + ` } } }`,
			func(data map[string]any) int { return len(data["search"].([]any)) }},
		{"entities", `{ entities(first: 100) { edges { node { name ` + relationsSelection + `
			... on Person { offices { role in { name } } }
			... on Event { place { name } participants { name } }
			... on Agreement { signatories { name } } } } } }`,
			func(data map[string]any) int {
				return len(data["entities"].(map[string]any)["edges"].([]any))
			}},
	}
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		cs := newCountingStore(st)
		a := newAPI(t, cs, graph.Options{ComplexityLimit: 1 << 20})
		measure := func(query string, results func(map[string]any) int,
		) (int, map[string]int) {
			t.Helper()
			cs.reset()
			var data map[string]any
			a.must(query, nil, &data)
			return results(data), cs.reset()
		}
		few, many := map[string]int{}, map[string]int{}
		fewCalls, manyCalls := map[string]map[string]int{}, map[string]map[string]int{}
		upsert := func(batches []schema.Batch) {
			t.Helper()
			if err := st.Upsert(context.Background(), batches...); err != nil {
				t.Fatalf("Upsert(envoys) = %v; want nil", err)
			}
		}
		upsert(envoys(0, 3))
		for _, q := range queries {
			few[q.name], fewCalls[q.name] = measure(q.query, q.results)
		}
		upsert(envoys(3, 30))
		for _, q := range queries {
			many[q.name], manyCalls[q.name] = measure(q.query, q.results)
		}
		for _, q := range queries {
			if few[q.name] > 20 || many[q.name] < 30 {
				t.Errorf("%s: %d then %d results; want ≤ 20 then ≥ 30", q.name,
					few[q.name], many[q.name])
			}
			f, m := fewCalls[q.name], manyCalls[q.name]
			// The listings cost the same calls; the records of all levels are
			// read at the end, in at most one call per kind, skipped when
			// the listings brought them all.
			records := func(c map[string]int) map[string]int {
				c = maps.Clone(c)
				for _, k := range []string{"EntitiesByIDs", "ArticlesByIDs"} {
					if c[k] > 1 {
						t.Errorf("%s: %s×%d; want at most one", q.name, k, c[k])
					}
					delete(c, k)
				}
				return c
			}
			if !reflect.DeepEqual(records(f), records(m)) {
				t.Errorf("%s: store calls for %d results = %s; for %d results = %s; want the same",
					q.name, few[q.name], describe(f), many[q.name], describe(m))
			}
			if _, ok := st.(store.Fetcher); ok && total(m) != 1 {
				t.Errorf("%s: %d store calls (%s); want one", q.name, total(m), describe(m))
			}
			if n := total(m); n > maxRoundTrips {
				t.Errorf("%s: %d store calls (%s); want at most %d", q.name, n, describe(m),
					maxRoundTrips)
			}
			t.Logf("%s: %d results, %d store calls (%s); %d results, %d store calls",
				q.name, few[q.name], total(f), describe(f), many[q.name], total(m))
		}
	})
}
