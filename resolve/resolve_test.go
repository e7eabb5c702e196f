package resolve_test

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// eachStore runs f on the embedded store and on a real Neo4j.
func eachStore(t *testing.T, f func(t *testing.T, st store.Store)) {
	t.Run("embedded", func(t *testing.T) {
		st, err := embedded.Open(t.TempDir())
		if err != nil {
			t.Fatalf("embedded.Open: %v", err)
		}
		t.Cleanup(func() { st.Close(context.Background()) })
		f(t, st)
	})
	t.Run("neo4j", func(t *testing.T) { f(t, neo4jtest.Open(t)) })
}

func person(name string, aliases ...string) schema.Entity {
	k := schema.EntityKey(schema.Person, name)
	return schema.Entity{ID: schema.ID(k), Key: k, Type: schema.Person, Name: name,
		Aliases: aliases}
}

func country(name string) schema.Entity {
	k := schema.EntityKey(schema.Country, name)
	return schema.Entity{ID: schema.ID(k), Key: k, Type: schema.Country, Name: name}
}

// article makes a batch in which p holds an office in c.
func article(title string, p, c schema.Entity) schema.Batch {
	a := schema.Article{ID: schema.ID("article:" + title), Title: title}
	r := schema.Relation{Type: schema.HoldsOffice, Source: p.ID, Target: c.ID,
		ID:       schema.ID(schema.RelationKey(schema.HoldsOffice, p.Key, c.Key, "")),
		Evidence: []schema.Evidence{{Article: a.ID, Sentence: title, End: len(title)}}}
	return schema.Batch{Article: a, Entities: []schema.Entity{p, c},
		Relations: []schema.Relation{r}}
}

// explained returns a resolver on st and the decisions it records.
func explained(st store.Store) (*resolve.Resolver, *[]resolve.Decision) {
	r := resolve.New(st, st)
	var decisions []resolve.Decision
	r.Explain = func(d resolve.Decision) { decisions = append(decisions, d) }
	return r, &decisions
}

// upsertLater stores an article in which p holds an office in c and
// returns the person the store holds as that office's holder.
func upsertLater(t *testing.T, r *resolve.Resolver, st store.Store, p, c schema.Entity) schema.Entity {
	t.Helper()
	ctx := context.Background()
	later := article("later", p, c)
	if err := r.Upsert(ctx, later); err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	rels, err := st.Relations(ctx, store.RelationFilter{Article: later.Article.ID})
	if err != nil || len(rels.Relations) != 1 {
		t.Fatalf("relations of the later article = %v, %v; want 1", rels, err)
	}
	got, err := st.Entity(ctx, rels.Relations[0].Source)
	if err != nil {
		t.Fatalf("Entity: %v", err)
	}
	return got
}

func TestResolveAcrossArticles(t *testing.T) {
	tests := []struct {
		name  string
		known []string  // people loaded first, one article each
		later string    // the person of a later article
		want  string    // the name the later person ends up as
		qids  [2]string // the Wikidata ids of the first known person and the later one
	}{
		{"surname only", []string{"Amara Okonkwo"}, "Okonkwo", "Amara Okonkwo", [2]string{}},
		{"full name after surname", []string{"Okonkwo"}, "Amara Okonkwo", "Okonkwo", [2]string{}},
		{"initial", []string{"Rajan Menon"}, "R. Menon", "Rajan Menon", [2]string{}},
		{"other given name", []string{"Amara Okonkwo"}, "Chidi Okonkwo", "Chidi Okonkwo", [2]string{}},
		{"romanised given name", []string{"Sergei Volkov"}, "Sergey Volkov", "Sergei Volkov", [2]string{}},
		{"romanised given name, kh", []string{"Mikhail Orlov"}, "Mihail Orlov", "Mikhail Orlov", [2]string{}},
		{"close but other given name", []string{"Maria Volkova"}, "Marina Volkova", "Marina Volkova", [2]string{}},
		{"ambiguous surname", []string{"Amara Okonkwo", "Chidi Okonkwo"}, "Okonkwo",
			"Okonkwo", [2]string{}},
		{"same key", []string{"Amara Okonkwo"}, "Amara Okonkwo", "Amara Okonkwo", [2]string{}},
		{"second surname", []string{"Lucia Ferrer Soto"}, "Lucia Ferrer", "Lucia Ferrer Soto", [2]string{}},
		{"other person, shared word", []string{"Lucia Ferrer Soto"}, "Pablo Soto",
			"Pablo Soto", [2]string{}},
		{"surname only, one Wikidata item", []string{"Amara Okonkwo"}, "Okonkwo", "Amara Okonkwo",
			[2]string{"Q901", "Q901"}},
		{"surname only, the later linked", []string{"Amara Okonkwo"}, "Okonkwo", "Amara Okonkwo",
			[2]string{"", "Q901"}},
		{"surname only, two Wikidata items", []string{"Amara Okonkwo"}, "Okonkwo", "Okonkwo",
			[2]string{"Q901", "Q902"}},
		{"transliterated surname and given name", []string{"Oleksandr Melnyk"},
			"Aleksandr Melnik", "Oleksandr Melnyk", [2]string{}},
		{"surname a vowel apart, other given name", []string{"Anna Melnyk"},
			"Oleksandr Melnik", "Oleksandr Melnik", [2]string{}},
		{"surname only, a vowel apart", []string{"Oleksandr Melnyk"}, "Melnik", "Melnik",
			[2]string{}},
		{"short surname a vowel apart", []string{"Chen Wai"}, "Chen Wei", "Chen Wei",
			[2]string{}},
		{"given names two vowels apart", []string{"Oleksandr Melnyk"}, "Alaksandr Melnyk",
			"Alaksandr Melnyk", [2]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eachStore(t, func(t *testing.T, st store.Store) {
				ctx := context.Background()
				r, decisions := explained(st)
				nigeria := country("Nigeria")
				for i, k := range tc.known {
					p := person(k)
					if i == 0 {
						p.IDs.Wikidata = tc.qids[0]
					}
					if err := r.Upsert(ctx, article("about "+k, p, nigeria)); err != nil {
						t.Fatalf("Upsert: %v", err)
					}
				}
				lp := person(tc.later)
				lp.IDs.Wikidata = tc.qids[1]
				got := upsertLater(t, r, st, lp, nigeria)
				if got.Name != tc.want {
					t.Errorf("%v then %q: office holder is %q; want %q (decisions %v)",
						tc.known, tc.later, got.Name, tc.want, *decisions)
				}
				want := cmp.Or(tc.qids[0], tc.qids[1]) // merged: the ids of both
				if got.ID == lp.ID && got.Name != tc.known[0] {
					want = tc.qids[1]
				}
				if got.IDs.Wikidata != want {
					t.Errorf("office holder %q has Wikidata id %q; want %q", got.Name,
						got.IDs.Wikidata, want)
				}
				if got.Name != tc.later && !slices.Contains(got.Aliases, tc.later) {
					t.Errorf("merged %q but aliases = %v; want it among them", tc.later,
						got.Aliases)
				}
			})
		})
	}
}

func TestDecisionsExplain(t *testing.T) {
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	r := resolve.New(st, st)
	var d []resolve.Decision
	r.Explain = func(x resolve.Decision) { d = append(d, x) }
	ctx := context.Background()
	c := country("Kenya")
	_ = r.Upsert(ctx, article("one", person("Wanjiru Kamau"), c))
	_ = r.Upsert(ctx, article("two", person("Kamau"), c))
	if len(d) != 1 || d[0].Into != "Wanjiru Kamau" || d[0].Key == "" {
		t.Fatalf("Decisions() = %v; want one merge into Wanjiru Kamau with its key", d)
	}
	if got := d[0].String(); got == "" {
		t.Errorf("Decision.String() is empty")
	}
}

// TestDeletedPersonStaysDeleted: a person whose only article was deleted is
// no candidate for a later mention of the surname.
func TestDeletedPersonStaysDeleted(t *testing.T) {
	eachStore(t, func(t *testing.T, st store.Store) {
		ctx := context.Background()
		r := resolve.New(st, st)
		first := article("about Amara", person("Amara Okonkwo"), country("Nigeria"))
		if err := r.Upsert(ctx, first); err != nil {
			t.Fatalf("Upsert: %v", err)
		}
		if err := st.DeleteArticle(ctx, first.Article.ID); err != nil {
			t.Fatalf("DeleteArticle: %v", err)
		}
		later := article("about Okonkwo", person("Okonkwo"), country("Ghana"))
		if err := r.Upsert(ctx, later); err != nil {
			t.Fatalf("Upsert: %v", err)
		}
		got, err := st.EntityByName(ctx, "Okonkwo")
		if err != nil {
			t.Fatalf("EntityByName(Okonkwo): %v", err)
		}
		if got.Name != "Okonkwo" || len(got.Aliases) != 0 {
			t.Errorf("EntityByName(Okonkwo) = %q aliases %q; want a new Okonkwo of its own",
				got.Name, got.Aliases)
		}
	})
}

// TestResolveGroup: articles resolved in one call see each other, in order,
// and a re-load of the same articles repeats every decision.
func TestResolveGroup(t *testing.T) {
	eachStore(t, func(t *testing.T, st store.Store) {
		ctx := context.Background()
		r := resolve.New(st, st)
		c := country("Kenya")
		group := []schema.Batch{
			article("a", person("Kamau"), c),
			article("b", person("Wanjiru Kamau"), c),
			article("c", person("Otieno Kamau"), c), // fits Kamau too: merged
			article("d", person("Achieng Odhiambo"), c),
			article("e", person("Juma Odhiambo"), c),
			article("f", person("Odhiambo"), c), // two Odhiambos: ambiguous
			article("g", person("Hamid Said"), c),
			article("h", person("Said"), c), // one Said so far: merged, and again on re-load
			article("i", person("Amina Said"), c),
		}
		for round := 1; round <= 2; round++ {
			if err := r.Upsert(ctx, group...); err != nil {
				t.Fatalf("round %d: Upsert: %v", round, err)
			}
			stats, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := stats.ByEntity[schema.Person]; got != 6 {
				t.Errorf("round %d: %d people; want 6 (Kamau, three Odhiambos, two Saids)",
					round, got)
			}
			if stats.Relations != 6 {
				t.Errorf("round %d: %d relations; want 6", round, stats.Relations)
			}
		}
	})
}

// personIn is a person whose office the article places in the country of
// ISO code (schema.PersonKey).
func personIn(name, code string) schema.Entity {
	k := schema.PersonKey(name, code)
	return schema.Entity{ID: schema.ID(k), Key: k, Type: schema.Person, Name: name}
}

// TestNamesakesOfTwoCountries: people whose articles place their offices
// in two countries stay two people whatever their names share; a mention
// with no country joins the one it fits; of several that fit, the one of
// the same country, then the one of the very same name, is chosen.
func TestNamesakesOfTwoCountries(t *testing.T) {
	tests := []struct {
		name  string
		known []schema.Entity
		later schema.Entity
		want  string // the key the later person ends up under
	}{
		{"same name, two countries", []schema.Entity{personIn("Idris Walid", "pk")},
			personIn("Idris Walid", "af"), "person:af:idris walid"},
		{"surname, no country", []schema.Entity{personIn("Idris Walid", "pk")},
			person("Walid"), "person:pk:idris walid"},
		{"full name, no country, one of them", []schema.Entity{personIn("Idris Walid", "pk")},
			person("Idris Walid"), "person:pk:idris walid"},
		{"no country, two namesakes: kept apart",
			[]schema.Entity{personIn("Idris Walid", "pk"), personIn("Idris Walid", "af")},
			person("Idris Walid"), "person:idris walid"},
		{"of two that fit, the same country",
			[]schema.Entity{personIn("Idris Walid", "pk"), person("Idris Walid")},
			personIn("Idris Walid", "pk"), "person:pk:idris walid"},
		{"of two that fit, the very same name",
			[]schema.Entity{person("Idris K. Walid"), person("Idris Walid")},
			personIn("Idris K. Walid", "af"), "person:idris k walid"},
	}
	nigeria := country("Nigeria")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eachStore(t, func(t *testing.T, st store.Store) {
				r, decisions := explained(st)
				for i, p := range tc.known {
					title := fmt.Sprintf("about %s (%d)", p.Key, i)
					if err := r.Upsert(context.Background(), article(title, p, nigeria)); err != nil {
						t.Fatalf("Upsert: %v", err)
					}
				}
				got := upsertLater(t, r, st, tc.later, nigeria)
				if got.Key != tc.want {
					t.Errorf("later %s: office holder %s; want %s (decisions %v)", tc.later.Key,
						got.Key, tc.want, *decisions)
				}
			})
		})
	}
}
