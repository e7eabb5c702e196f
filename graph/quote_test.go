package graph_test

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
)

// TestQuotes checks that a quotation is served with the one who said it,
// on both stores.
func TestQuotes(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		art := schema.Article{ID: schema.ID("article:test-quote"), Title: "Okafor speaks",
			Published: "2025-03-05"}
		okafor := ent(schema.Person, "Adaeze Okafor", "Okafor")
		words := "We will stand with the people of Kaduna for as long as it takes"
		q := ent(schema.Quote, words)
		s := `"` + words + `," Okafor said on Tuesday.`
		b := schema.Batch{Article: art, Entities: []schema.Entity{okafor, q},
			Relations: []schema.Relation{rel(schema.Said, okafor, q, "2025-03-04", art.ID, s)}}
		if err := st.Upsert(context.Background(), b); err != nil {
			t.Fatalf("Upsert: %v", err)
		}
		a := newAPI(t, st, graph.Options{})
		var out struct {
			Entities struct {
				Edges []struct {
					Node struct {
						Name     string
						Type     string
						Speakers []struct{ Name string }
					}
				}
			}
		}
		a.must(`{ entities(type: QUOTE) { edges { node {
			name type ... on Quote { speakers { name } } } } } }`, nil, &out)
		if len(out.Entities.Edges) != 1 {
			t.Fatalf("quotes = %+v; want the one quotation", out.Entities.Edges)
		}
		n := out.Entities.Edges[0].Node
		if n.Name != words || n.Type != "QUOTE" || len(n.Speakers) != 1 ||
			n.Speakers[0].Name != "Adaeze Okafor" {
			t.Errorf("quote = %+v; want %q said by Adaeze Okafor", n, words)
		}
	})
}
