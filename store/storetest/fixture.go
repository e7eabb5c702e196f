package storetest

import (
	"github.com/diplograph/diplograph/schema"
)

// Fixture is a small hand-made graph read from four fictional articles,
// with its records by short name so that tests can name what they expect.
//
//	a1 (2025-05-02, Wire): Velasquez called Brandt; both hold office.
//	a2 (2025-05-20, Times): the same call again, a meeting of Velasquez and
//	    Ostrova (dated only "2025-05"), a visit to Port Selen, Valdoria signed
//	    the Selen Accord; Velasquez gains the alias "President Velasquez".
//	a3 (2024-11-03, Wire): Brandt visited Estrania, Ostrova condemned the
//	    Harbor attack in the town of Ostrova, which lies in Estrania.
//	a4 (2023-01-15, Gazette): places and a company in Norland, for search.
type Fixture struct {
	Batches []schema.Batch
	// Entities: vel, bra, ost, val, nor, est, nen, pse, pno, ndl, ostp, hat
	// and acc, as first written.
	Entities map[string]schema.Entity
	// Relations: call, hoVel, hoBra, met, visit, signed, hoOst, visitEst,
	// condemn, occurred, locOst, locPno, locNdl and hq, as first written.
	Relations map[string]schema.Relation
	// Articles: a1, a2, a3 and a4.
	Articles map[string]schema.Article
}

// NewFixture returns the fixture; each call builds it anew, so callers may
// change what they get.
func NewFixture() *Fixture {
	fx := &builder{Fixture: Fixture{
		Entities:  map[string]schema.Entity{},
		Relations: map[string]schema.Relation{},
		Articles:  map[string]schema.Article{},
	}, ents: map[string]*schema.Entity{}, rels: map[string]*schema.Relation{}}
	fx.entity("vel", schema.Person, "Amara Velasquez", "Velasquez")
	fx.entity("bra", schema.Person, "Tomas Brandt", "Brandt")
	fx.entity("ost", schema.Person, "Mira Ostrova", "Ostrova")
	fx.entity("val", schema.Country, "Valdoria").Code = "XV"
	fx.entity("nor", schema.Country, "Norland").Code = "XN"
	fx.entity("est", schema.Country, "Estrania").Code = "XE"
	fx.entity("nen", schema.Organization, "Norland Energy")
	fx.entity("pse", schema.Place, "Port Selen")
	fx.entity("pno", schema.Place, "Port Norland")
	fx.entity("ndl", schema.Place, "Nordland")
	fx.entity("ostp", schema.Place, "Ostrova")
	hat := fx.entity("hat", schema.Event, "Harbor attack")
	hat.Kind, hat.Date = "attack", "2024-11-02"
	fx.entity("acc", schema.Agreement, "Selen Accord").Date = "2025"

	a1 := fx.article("a1", "Velasquez phones Brandt", "2025-05-02", "Wire")
	a2 := fx.article("a2", "Summit in Port Selen", "2025-05-20", "Times")
	a3 := fx.article("a3", "Harbor attack condemned", "2024-11-03", "Wire")
	a4 := fx.article("a4", "Energy briefing", "2023-01-15", "Gazette")

	call := fx.relation("call", schema.Called, "vel", "bra", "2025-05-01", a1, 0)
	call.Confidence = 0.8
	fx.relation("hoVel", schema.HoldsOffice, "vel", "val", "", a1, 80).Role = "President"
	fx.relation("hoBra", schema.HoldsOffice, "bra", "nor", "", a1, 160).Role = "Chancellor"
	fx.Batches = append(fx.Batches,
		fx.batch(a1, []string{"vel", "bra", "val", "nor"}, "call", "hoVel", "hoBra"))

	fx.relation("met", schema.Met, "vel", "ost", "2025-05", a2, 0)
	fx.relation("visit", schema.Visited, "vel", "pse", "2025-05-18", a2, 90)
	fx.relation("signed", schema.Signed, "val", "acc", "2025-05-19", a2, 200)
	fx.relation("hoOst", schema.HoldsOffice, "ost", "est", "", a2, 300).Role = "Foreign Minister"
	b2 := fx.batch(a2, []string{"vel", "ost", "bra", "val", "est", "pse", "acc"},
		"met", "visit", "signed", "hoOst")
	// The same call read again from a2, with more confidence, and Velasquez
	// under another spelling and a new alias.
	again := *call
	again.Confidence = 0.9
	again.Evidence = []schema.Evidence{evidence(a2, 400)}
	b2.Relations = append(b2.Relations, again)
	b2.Entities[0].Name = "Amara Velásquez"
	b2.Entities[0].Aliases = []string{"President Velasquez", "Velasquez"}
	fx.Batches = append(fx.Batches, b2)

	fx.relation("visitEst", schema.Visited, "bra", "est", "2024-11", a3, 0)
	fx.relation("condemn", schema.Condemned, "ost", "hat", "2024-11-02", a3, 70)
	fx.relation("occurred", schema.OccurredIn, "hat", "ostp", "", a3, 140)
	fx.relation("locOst", schema.LocatedIn, "ostp", "est", "", a3, 210)
	fx.Batches = append(fx.Batches, fx.batch(a3,
		[]string{"bra", "est", "ost", "hat", "ostp"}, "visitEst", "condemn", "occurred", "locOst"))

	fx.relation("locPno", schema.LocatedIn, "pno", "nor", "", a4, 0)
	fx.relation("locNdl", schema.LocatedIn, "ndl", "nor", "", a4, 60)
	fx.relation("hq", schema.LocatedIn, "nen", "pno", "", a4, 120)
	fx.Batches = append(fx.Batches,
		fx.batch(a4, []string{"nor", "nen", "pno", "ndl"}, "locPno", "locNdl", "hq"))
	for n, e := range fx.ents {
		fx.Entities[n] = *e
	}
	for n, r := range fx.rels {
		fx.Relations[n] = *r
	}
	return &fx.Fixture
}

// ID returns the id of the entity, relation or article with a short name.
func (fx *Fixture) ID(name string) string {
	if e, ok := fx.Entities[name]; ok {
		return e.ID
	}
	if r, ok := fx.Relations[name]; ok {
		return r.ID
	}
	return fx.Articles[name].ID
}

// IDs returns the ids of the records with the given short names.
func (fx *Fixture) IDs(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fx.ID(n)
	}
	return out
}

// builder makes a Fixture, keeping its records by pointer until done.
type builder struct {
	Fixture
	ents map[string]*schema.Entity
	rels map[string]*schema.Relation
}

func (fx *builder) entity(name string, t schema.EntityType, full string, aliases ...string,
) *schema.Entity {
	key := schema.EntityKey(t, full)
	e := &schema.Entity{ID: schema.ID(key), Key: key, Type: t, Name: full, Aliases: aliases}
	fx.ents[name] = e
	return e
}

func (fx *builder) article(name, title, published, source string) schema.Article {
	a := schema.Article{ID: schema.ID("article:storetest-" + name), Title: title,
		Published: published, Source: source, URL: "https://example.org/" + name}
	fx.Articles[name] = a
	return a
}

func (fx *builder) relation(name string, t schema.RelationType, src, dst, date string,
	a schema.Article, at int,
) *schema.Relation {
	info, _ := schema.Info(t)
	s, d := fx.ents[src], fx.ents[dst]
	r := &schema.Relation{
		ID:   schema.ID(schema.RelationKey(t, s.Key, d.Key, date)),
		Type: t, Source: s.ID, Target: d.ID, Date: date, Confidence: 0.7,
		Cameo: info.Cameo, Plover: info.Plover,
		Evidence: []schema.Evidence{evidence(a, at)},
	}
	fx.rels[name] = r
	return r
}

func evidence(a schema.Article, at int) schema.Evidence {
	s := "A sentence of " + a.Title + "."
	return schema.Evidence{Article: a.ID, Sentence: s, Start: at, End: at + len(s)}
}

// batch returns the batch of article a with the named entities and
// relations, copied as they are now.
func (fx *builder) batch(a schema.Article, entities []string, relations ...string,
) schema.Batch {
	b := schema.Batch{Article: a}
	for _, n := range entities {
		e := *fx.ents[n]
		e.Aliases = append([]string(nil), e.Aliases...)
		b.Entities = append(b.Entities, e)
	}
	for _, n := range relations {
		r := *fx.rels[n]
		r.Evidence = append([]schema.Evidence(nil), r.Evidence...)
		b.Relations = append(b.Relations, r)
	}
	return b
}
