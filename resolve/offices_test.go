package resolve_test

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// officeArticle makes a batch in which p holds the office role in the
// country c (with its ISO code).
func officeArticle(title string, p schema.Entity, c schema.Entity, role string) schema.Batch {
	b := article(title, p, c)
	b.Relations[0].Role = role
	return b
}

func countryCoded(name, code string) schema.Entity {
	k := "country:" + code
	return schema.Entity{ID: schema.ID(k), Key: k, Type: schema.Country, Name: name,
		Code: code}
}

// TestNamesakesWhoseOfficesClash: two people of one name and key are kept
// apart when their offices clash in country and role; a third mention
// joins the one whose role it shares; a clash of country alone, or of role
// alone, keeps one person. A second load changes nothing.
func TestNamesakesWhoseOfficesClash(t *testing.T) {
	au, tr := countryCoded("Australia", "AU"), countryCoded("Turkey", "TR")
	us := countryCoded("United States", "US")
	tests := []struct {
		name   string
		loads  []schema.Batch
		people int // people named John Miller after the loads
	}{
		{"country and role clash", []schema.Batch{
			officeArticle("envoy", person("John Miller"), au, "Trade Envoy"),
			officeArticle("deputy", person("John Miller"), tr, "Deputy Secretary of State"),
		}, 2},
		{"a third joins the one of the same role", []schema.Batch{
			officeArticle("envoy", person("John Miller"), au, "Trade Envoy"),
			officeArticle("deputy", person("John Miller"), tr, "Deputy Secretary of State"),
			officeArticle("us deputy", personIn("John Miller", "us"), us,
				"Deputy Secretary of State"),
		}, 2},
		{"countries clash, a role word shared", []schema.Batch{
			officeArticle("envoy", person("John Miller"), au, "Trade Envoy"),
			officeArticle("special envoy", person("John Miller"), tr, "Special Envoy"),
		}, 1},
		{"roles clash, one country", []schema.Batch{
			officeArticle("envoy", person("John Miller"), au, "Trade Envoy"),
			officeArticle("minister", person("John Miller"), au, "Foreign Minister"),
		}, 1},
		{"no role", []schema.Batch{
			officeArticle("envoy", person("John Miller"), au, "Trade Envoy"),
			officeArticle("someone", person("John Miller"), tr, ""),
		}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eachStore(t, func(t *testing.T, st store.Store) {
				ctx := context.Background()
				r, decisions := explained(st)
				for round := 1; round <= 2; round++ {
					for _, b := range tc.loads {
						if err := r.Upsert(ctx, b); err != nil {
							t.Fatalf("Upsert: %v", err)
						}
					}
					got, err := st.EntitiesByNameWords(ctx, schema.Person, []string{"miller"})
					if err != nil {
						t.Fatal(err)
					}
					if len(got) != tc.people {
						var keys []string
						for _, e := range got {
							keys = append(keys, e.Key)
						}
						t.Errorf("round %d: people %v; want %d (decisions %v)", round, keys,
							tc.people, *decisions)
					}
				}
			})
		})
	}
}

// TestIdentityNotes: a merge by the resolver is noted with its rule, and
// Identity returns it.
func TestIdentityNotes(t *testing.T) {
	eachStore(t, func(t *testing.T, st store.Store) {
		ctx := context.Background()
		r := resolve.New(st, st)
		c := country("Nigeria")
		if err := r.Upsert(ctx, article("first", person("Amara Okonkwo"), c)); err != nil {
			t.Fatal(err)
		}
		later := article("later", person("Okonkwo"), c)
		if err := r.Upsert(ctx, later); err != nil {
			t.Fatal(err)
		}
		p, err := st.Identity(ctx, person("Amara Okonkwo").ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		notes := p.Notes
		if len(notes) != 1 || notes[0].Rule != schema.RuleSurname ||
			notes[0].Article != later.Article.ID || notes[0].From != person("Okonkwo").ID ||
			notes[0].Evidence != "later" {
			t.Errorf("Identity(Amara Okonkwo) = %+v; want the surname merge of the later "+
				"article", notes)
		}
	})
}
