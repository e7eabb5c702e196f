package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

func TestEntityRefAmbiguous(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		other := ent(schema.Person, "Chidi Okafor", "Okafor")
		art := schema.Article{ID: schema.ID("article:test-3"), Title: "Another Okafor"}
		b := schema.Batch{Article: art, Entities: []schema.Entity{other}}
		if err := st.Upsert(context.Background(), b); err != nil {
			t.Fatalf("Upsert: %v", err)
		}
		errs := a.do(`{ neighborhood(of: {name: "Okafor"}) { nodes { id } } }`, nil, nil)
		if code(errs) != graph.CodeBadUserInput {
			t.Fatalf("neighborhood(of: Okafor) = %+v; want BAD_USER_INPUT", errs)
		}
		for _, want := range []string{"ambiguous", "Adaeze Okafor", "Chidi Okafor",
			fx.ids["Adaeze Okafor"], other.ID} {
			if !strings.Contains(errs[0].Message, want) {
				t.Errorf("ambiguity message %q does not name %q", errs[0].Message, want)
			}
		}
		// The full name is not ambiguous; a near miss lists the near names.
		a.must(`{ neighborhood(of: {name: "Chidi Okafor"}) { nodes { id } } }`, nil, nil)
		errs = a.do(`{ paths(from: {name: "Adaeze Okafr"}, to: {name: "Sweden"}) { length } }`,
			nil, nil)
		if code(errs) != graph.CodeNotFound || !strings.Contains(errs[0].Message, "Adaeze Okafor") {
			t.Errorf("paths(from: Adaeze Okafr) = %+v; want NOT_FOUND naming Adaeze Okafor", errs)
		}
	})
}

func TestCountryRollups(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		var rels struct {
			Relations struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Type      string
						Goldstein *float64
						QuadClass *int
						Source    entityOut
					}
				}
			}
		}
		a.must(`{ relations(betweenCountries: [{name: "Nigeria"}, {name: "Sweden"}]) {
			totalCount edges { node { type goldstein quadClass source { name } } } } }`, nil, &rels)
		if got := rels.Relations; got.TotalCount != 2 || len(got.Edges) != 2 ||
			got.Edges[0].Node.Type != "MET" || got.Edges[1].Node.Type != "CALLED" {
			t.Fatalf("relations(betweenCountries: Nigeria, Sweden) = %+v; want MET, CALLED", got)
		}
		if n := rels.Relations.Edges[1].Node; *n.Goldstein != 1.0 || *n.QuadClass != 1 {
			t.Errorf("CALLED goldstein, quadClass = %v, %v; want 1, 1", *n.Goldstein, *n.QuadClass)
		}

		var dy struct {
			Dyads []struct {
				Other  entityOut
				Count  int
				ByType []struct {
					Type  string
					Count int
				}
				First, Last string
			}
		}
		a.must(`{ dyads(country: {name: "Sweden"}) { other { name } count
			byType { type count } first last } }`, nil, &dy)
		if len(dy.Dyads) != 1 || dy.Dyads[0].Other.Name != "Nigeria" || dy.Dyads[0].Count != 2 ||
			dy.Dyads[0].First != "2025-03-03" || dy.Dyads[0].Last != "2025-06-09" {
			t.Errorf("dyads(Sweden) = %+v; want Nigeria ×2 from 2025-03-03 to 2025-06-09", dy.Dyads)
		}

		var cn struct {
			Counts []struct {
				Month     string
				Countries []entityOut
				Count     int
			}
		}
		a.must(`{ counts(groupBy: [MONTH, COUNTRY_PAIR]) { month countries { name } count } }`,
			nil, &cn)
		if len(cn.Counts) != 2 || cn.Counts[0].Month != "2025-03" ||
			cn.Counts[1].Month != "2025-06" || names(cn.Counts[0].Countries)[0] != "Nigeria" {
			t.Errorf("counts(MONTH, COUNTRY_PAIR) = %+v; want 2025-03 and 2025-06, "+
				"Nigeria–Sweden", cn.Counts)
		}
		var wd struct{ Relations struct{ TotalCount int } }
		a.must(`{ relations(betweenCountries: [{wikidata: "Q1033"}, {wikidata: "Q34"}]) {
			totalCount } }`, nil, &wd)
		if wd.Relations.TotalCount != 2 {
			t.Errorf("relations(betweenCountries: Q1033, Q34) totalCount = %d; want 2 "+
				"(Nigeria and Sweden by Wikidata id)", wd.Relations.TotalCount)
		}
		if errs := a.do(`{ dyads(country: {wikidata: "Q1"}) { count } }`, nil, nil); code(errs) !=
			graph.CodeNotFound {
			t.Errorf("dyads(country: Q1) = %+v; want NOT_FOUND", errs)
		}
		errs := a.do(`{ relations(betweenCountries: [{name: "Sweden"}]) { totalCount } }`, nil, nil)
		if code(errs) != graph.CodeBadUserInput {
			t.Errorf("betweenCountries with one country = %+v; want BAD_USER_INPUT", errs)
		}
	})
}
