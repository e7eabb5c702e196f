package rollup_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/rollup"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

// eachStore runs f on both stores holding the contract fixture.
func eachStore(t *testing.T, f func(t *testing.T, st store.Store, fx *storetest.Fixture)) {
	opens := map[string]func(t *testing.T) store.Store{
		"embedded": func(t *testing.T) store.Store {
			st, err := embedded.Open(t.TempDir())
			if err != nil {
				t.Fatalf("embedded.Open: %v", err)
			}
			t.Cleanup(func() { st.Close(context.Background()) })
			return st
		},
		"neo4j": func(t *testing.T) store.Store { return neo4jtest.Open(t) },
	}
	for _, name := range []string{"embedded", "neo4j"} {
		t.Run(name, func(t *testing.T) {
			st := opens[name](t)
			fx := storetest.NewFixture()
			storetest.Load(t, st, fx)
			f(t, st, fx)
		})
	}
}

func TestRollups(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, st store.Store, fx *storetest.Fixture) {
		cs, err := rollup.LoadCountries(ctx, st)
		if err != nil {
			t.Fatalf("LoadCountries: %v", err)
		}
		for person, country := range map[string]string{"vel": "val", "bra": "nor",
			"ost": "est", "val": "val", "pse": ""} {
			want := ""
			if country != "" {
				want = fx.ID(country)
			}
			if got := cs.Of(fx.ID(person)); got != want {
				t.Errorf("Countries.Of(%s) = %q; want %q", person, got, want)
			}
		}

		between := func(f store.RelationFilter, countries ...string) []string {
			rs, err := rollup.Between(ctx, st, cs, fx.IDs(countries...), f)
			if err != nil {
				t.Fatalf("Between(%v): %v", countries, err)
			}
			var ids []string
			for _, r := range rs {
				ids = append(ids, r.ID)
			}
			return ids
		}
		tests := []struct {
			countries []string
			f         store.RelationFilter
			want      []string
		}{
			{[]string{"val", "nor"}, store.RelationFilter{}, []string{"call"}},
			{[]string{"val", "nor", "est"}, store.RelationFilter{},
				[]string{"call", "met", "visitEst"}},
			{[]string{"val", "nor", "est"}, store.RelationFilter{Order: store.DateAsc},
				[]string{"visitEst", "met", "call"}},
			{[]string{"nor", "est"}, store.RelationFilter{Since: "2025"}, nil},
		}
		for _, tc := range tests {
			got := between(tc.f, tc.countries...)
			if want := fx.IDs(tc.want...); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Errorf("Between(%v, %+v) = %v; want %v", tc.countries, tc.f, got, tc.want)
			}
		}
		_, err = rollup.Between(ctx, st, cs, fx.IDs("val", "vel"), store.RelationFilter{})
		if err == nil {
			t.Error("Between(a country and a person) = nil error; want ErrInvalidInput")
		}

		ds, err := rollup.Dyads(ctx, st, cs, fx.ID("val"), rollup.Query{})
		if err != nil {
			t.Fatalf("Dyads(val): %v", err)
		}
		var others []string
		for _, d := range ds {
			others = append(others, d.Other)
			if d.Count != 1 || d.Weighted != 1 || d.Goldstein != 1.0 {
				t.Errorf("Dyad(val, %s) = %+v; want one relation of weight 1", d.Other, d)
			}
		}
		if len(ds) != 2 || !sameSet(others, fx.IDs("nor", "est")) {
			t.Errorf("Dyads(val) others = %v; want Norland and Estrania", others)
		}

		bs, err := rollup.Count(ctx, st, cs, rollup.Query{GroupBy: []rollup.Key{rollup.Month}})
		if err != nil {
			t.Fatalf("Count(MONTH): %v", err)
		}
		got := map[string]int{}
		for _, b := range bs {
			got[b.Month] = b.Count
		}
		if want := map[string]int{"2024-11": 2, "2025-05": 4}; !reflect.DeepEqual(got, want) {
			t.Errorf("Count(MONTH) = %v; want %v", got, want)
		}
		bs, err = rollup.Count(ctx, st, cs, rollup.Query{
			GroupBy: []rollup.Key{rollup.CountryPair, rollup.Type}, Country: fx.ID("est")})
		if err != nil {
			t.Fatalf("Count(COUNTRY_PAIR, TYPE): %v", err)
		}
		pairs := map[schema.RelationType]float64{}
		for _, b := range bs {
			m, _ := b.Mean()
			pairs[b.Type] = m
		}
		want := map[schema.RelationType]float64{schema.Met: 1.0, schema.Visited: 1.9}
		if !reflect.DeepEqual(pairs, want) {
			t.Errorf("Count(COUNTRY_PAIR, TYPE, country est) means = %v; want %v", pairs, want)
		}
		if _, err := rollup.Count(ctx, st, cs, rollup.Query{GroupBy: []rollup.Key{"YEAR"}}); err == nil {
			t.Error("Count(YEAR) = nil error; want ErrInvalidInput")
		}
	})
}

func sameSet(a, b []string) bool {
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return len(a) == len(b)
}

func TestIntensity(t *testing.T) {
	tests := []struct {
		code string
		g    float64
		ok   bool
		quad int
	}{
		{"041", 1.0, true, 1}, {"057", 8.0, true, 1}, {"111", -2.0, true, 3},
		{"190", -10.0, true, 4}, {"0611", 6.0, true, 2}, {"", 0, false, 0}, {"x1", 0, false, 0},
	}
	for _, tc := range tests {
		g, ok := rollup.Goldstein(tc.code)
		if g != tc.g || ok != tc.ok || rollup.QuadClass(tc.code) != tc.quad {
			t.Errorf("Goldstein(%q), QuadClass = %v %v %d; want %v %v %d", tc.code, g, ok,
				rollup.QuadClass(tc.code), tc.g, tc.ok, tc.quad)
		}
	}
	for _, info := range schema.Relations {
		if _, ok := rollup.Goldstein(info.Cameo); info.Cameo != "" && !ok {
			t.Errorf("CAMEO %s of %s has no Goldstein weight", info.Cameo, info.Type)
		}
	}
}

// TestCountriesByEvidence checks that a person read as holding office in
// two countries acts for the one more sentences say so for.
func TestCountriesByEvidence(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, st store.Store, fx *storetest.Fixture) {
		vel, val, nor := fx.Entities["vel"], fx.Entities["val"], fx.Entities["nor"]
		ho := func(id, to schema.Entity, art schema.Article) schema.Relation {
			s := "Velasquez, who holds office in " + to.Name + "."
			return schema.Relation{
				ID:   schema.ID(schema.RelationKey(schema.HoldsOffice, vel.Key, to.Key, "")),
				Type: schema.HoldsOffice, Source: id.ID, Target: to.ID,
				Evidence: []schema.Evidence{{Article: art.ID, Sentence: s, End: len(s)}}}
		}
		a5 := schema.Article{ID: schema.ID("article:a5"), Title: "A slip"}
		a6 := schema.Article{ID: schema.ID("article:a6"), Title: "Valdoria again"}
		err := st.Upsert(ctx,
			schema.Batch{Article: a5, Entities: []schema.Entity{vel, nor},
				Relations: []schema.Relation{ho(vel, nor, a5)}},
			schema.Batch{Article: a6, Entities: []schema.Entity{vel, val},
				Relations: []schema.Relation{ho(vel, val, a6)}})
		if err != nil {
			t.Fatal(err)
		}
		cs, err := rollup.LoadCountries(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if got := cs.Of(vel.ID); got != val.ID {
			t.Errorf("Countries.Of(Velasquez) = %q; want Valdoria (two sentences to one)", got)
		}
	})
}
