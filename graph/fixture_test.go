package graph_test

import (
	"github.com/diplograph/diplograph/schema"
)

// fixture is a small hand-made graph from two fictional articles: a phone
// call with a condemnation, and a later meeting of two foreign ministers.
type fixture struct {
	batches []schema.Batch
	ids     map[string]string // short name → entity id
}

func ent(t schema.EntityType, name string, aliases ...string) schema.Entity {
	key := schema.EntityKey(t, name)
	return schema.Entity{ID: schema.ID(key), Key: key, Type: t, Name: name, Aliases: aliases}
}

func rel(t schema.RelationType, src, dst schema.Entity, date, article, sentence string,
) schema.Relation {
	info, _ := schema.Info(t)
	return schema.Relation{
		ID:   schema.ID(schema.RelationKey(t, src.Key, dst.Key, date)),
		Type: t, Source: src.ID, Target: dst.ID, Date: date, Confidence: 0.9,
		Cameo: info.Cameo, Plover: info.Plover,
		Evidence: []schema.Evidence{{Article: article, Sentence: sentence, Start: 0,
			End: len(sentence)}},
	}
}

func newFixture() fixture {
	a1 := schema.Article{ID: schema.ID("article:test-1"), Title: "Okafor phones Lindqvist",
		Published: "2025-03-04", URL: "https://example.org/1", Source: "Example Wire"}
	a2 := schema.Article{ID: schema.ID("article:test-2"), Title: "Ministers meet in Oslo",
		Published: "2025-06-10", URL: "https://example.org/2", Source: "Example Times"}
	okafor := ent(schema.Person, "Adaeze Okafor", "Okafor")
	lind := ent(schema.Person, "Erik Lindqvist", "Lindqvist")
	berg := ent(schema.Person, "Ingrid Berg", "Berg")
	nigeria := ent(schema.Country, "Nigeria")
	nigeria.Code = "NG"
	sweden := ent(schema.Country, "Sweden")
	sweden.Code = "SE"
	oslo := ent(schema.Place, "Oslo")
	attack := ent(schema.Event, "Kaduna attack")
	attack.Kind, attack.Date = "attack", "2025-03-01"
	accord := ent(schema.Agreement, "Baltic Trade Accord")
	accord.Date = "2019"

	s1 := "President Adaeze Okafor called Prime Minister Erik Lindqvist on Monday."
	s2 := "Lindqvist condemned the Kaduna attack."
	s3 := "Foreign Minister Ingrid Berg met Okafor in Oslo."
	ho := func(p, c schema.Entity, role, art, s string) schema.Relation {
		r := rel(schema.HoldsOffice, p, c, "", art, s)
		r.Role = role
		return r
	}
	b1 := schema.Batch{Article: a1,
		Entities: []schema.Entity{okafor, lind, nigeria, sweden, attack},
		Relations: []schema.Relation{
			rel(schema.Called, okafor, lind, "2025-03-03", a1.ID, s1),
			rel(schema.Condemned, lind, attack, "2025-03-03", a1.ID, s2),
			ho(okafor, nigeria, "President", a1.ID, s1),
			ho(lind, sweden, "Prime Minister", a1.ID, s1),
		}}
	b2 := schema.Batch{Article: a2,
		Entities: []schema.Entity{berg, okafor, sweden, oslo, accord},
		Relations: []schema.Relation{
			rel(schema.Met, berg, okafor, "2025-06-09", a2.ID, s3),
			ho(berg, sweden, "Foreign Minister", a2.ID, s3),
			rel(schema.Signed, berg, accord, "2025-06-09", a2.ID, s3),
			rel(schema.Visited, okafor, oslo, "2025-06-09", a2.ID, s3),
		}}
	ids := map[string]string{}
	for _, e := range []schema.Entity{okafor, lind, berg, nigeria, sweden, oslo, attack, accord} {
		ids[e.Name] = e.ID
	}
	ids["a1"], ids["a2"] = a1.ID, a2.ID
	return fixture{batches: []schema.Batch{b1, b2}, ids: ids}
}
