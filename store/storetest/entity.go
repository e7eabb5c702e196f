package storetest

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var entityTests = []test{
	{name: "Entity", run: testEntity},
	{name: "EntitiesByIDs", run: testEntitiesByIDs},
	{name: "EntityByName", run: testEntityByName},
	{name: "Entities", run: testEntities},
	{name: "EntitiesPaging", run: testEntitiesPaging},
	{name: "Copies", run: testCopies},
	{name: "EntitiesByNameWords", run: testEntitiesByNameWords},
}

func testEntity(t *testing.T, s store.Store, fx *Fixture) {
	for _, n := range []string{"bra", "hat", "val", "acc"} {
		got, err := s.Entity(bg, fx.ID(n))
		noErr(t, "Entity("+n+")", err)
		equal(t, "Entity("+n+")", got, fx.Entities[n])
	}
	_, err := s.Entity(bg, "no-such-entity")
	wantErr(t, "Entity(unknown)", err, store.ErrNotFound)
	_, err = s.Entity(bg, "")
	wantErr(t, `Entity("")`, err, store.ErrInvalidInput)
}

func testEntitiesByIDs(t *testing.T, s store.Store, fx *Fixture) {
	got, err := s.EntitiesByIDs(bg, []string{fx.ID("ndl"), "missing", fx.ID("bra"), fx.ID("ndl")})
	noErr(t, "EntitiesByIDs", err)
	equal(t, "EntitiesByIDs(ndl, missing, bra, ndl)", got,
		[]schema.Entity{fx.Entities["ndl"], fx.Entities["bra"], fx.Entities["ndl"]})
	got, err = s.EntitiesByIDs(bg, nil)
	noErr(t, "EntitiesByIDs(nil)", err)
	equal(t, "len(EntitiesByIDs(nil))", len(got), 0)
	_, err = s.EntitiesByIDs(bg, []string{fx.ID("bra"), ""})
	wantErr(t, `EntitiesByIDs(bra, "")`, err, store.ErrInvalidInput)
}

func testEntityByName(t *testing.T, s store.Store, fx *Fixture) {
	tests := []struct{ name, want string }{
		{"Tomas Brandt", "bra"},
		{"brandt", "bra"},               // an alias
		{"AMARA VELÁSQUEZ", "vel"},      // folded
		{"President  Velasquez", "vel"}, // an alias from the second article
		{"Ostrova", "ostp"},             // a name beats an alias with more relations
		{"  port-selen ", "pse"},        // punctuation folds to a space
		{"Norland", "nor"},              // exact, not Norland Energy or Nordland
		{"Norland Energy", "nen"},
		{"Harbor Attack", "hat"},
		{"Selen Accord", "acc"},
	}
	for _, tt := range tests {
		got, err := s.EntityByName(bg, tt.name)
		noErr(t, q("EntityByName(%q)", tt.name), err)
		if got.ID != fx.ID(tt.want) {
			t.Errorf("EntityByName(%q) = %s; want %s", tt.name, got.Name, tt.want)
		}
	}
	_, err := s.EntityByName(bg, "Nobody Atall")
	wantErr(t, "EntityByName(unknown)", err, store.ErrNotFound)
	_, err = s.EntityByName(bg, "Velasq")
	wantErr(t, "EntityByName(prefix)", err, store.ErrNotFound)
	_, err = s.EntityByName(bg, " ! ")
	wantErr(t, `EntityByName(" ! ")`, err, store.ErrInvalidInput)
}

func testEntities(t *testing.T, s store.Store, fx *Fixture) {
	all := []string{"vel", "est", "hat", "ost", "ndl", "nor", "nen", "ostp", "pno", "pse",
		"acc", "bra", "val"}
	tests := []struct {
		f    store.EntityFilter
		want []string
	}{
		{store.EntityFilter{}, all},
		{store.EntityFilter{Type: schema.Place}, []string{"ndl", "ostp", "pno", "pse"}},
		{store.EntityFilter{NameStartsWith: "Nor"}, []string{"ndl", "nor", "nen"}},
		{store.EntityFilter{NameStartsWith: "port s"}, []string{"pse"}},
		{store.EntityFilter{NameStartsWith: "nor", Type: schema.Country}, []string{"nor"}},
		{store.EntityFilter{NameStartsWith: "zz"}, []string{}},
		{store.EntityFilter{Type: schema.Agreement}, []string{"acc"}},
	}
	for _, tt := range tests {
		p, err := s.Entities(bg, tt.f)
		noErr(t, q("Entities(%+v)", tt.f), err)
		fx.sameIDs(t, q("Entities(%+v)", tt.f), entityIDs(p.Entities), tt.want...)
		equal(t, q("Entities(%+v).Total", tt.f), p.Total, len(tt.want))
		equal(t, q("Entities(%+v).HasNext", tt.f), p.HasNext, false)
	}
	for _, f := range []store.EntityFilter{
		{Type: "Planet"},
		{Page: store.Page{First: store.MaxFirst + 1}},
		{Page: store.Page{First: -1}},
		{Page: store.Page{After: "not a cursor"}},
	} {
		_, err := s.Entities(bg, f)
		wantErr(t, q("Entities(%+v)", f), err, store.ErrInvalidInput)
	}
}

func testEntitiesPaging(t *testing.T, s store.Store, fx *Fixture) {
	var got []string
	var pages []int
	for after := ""; ; {
		p, err := s.Entities(bg, store.EntityFilter{Page: store.Page{First: 5, After: after}})
		noErr(t, "Entities(first 5)", err)
		equal(t, "Entities(first 5).Total", p.Total, 13)
		got = append(got, entityIDs(p.Entities)...)
		pages = append(pages, len(p.Entities))
		if after = p.EndCursor; !p.HasNext {
			break
		}
	}
	equal(t, "page sizes", pages, []int{5, 5, 3})
	all, err := s.Entities(bg, store.EntityFilter{})
	noErr(t, "Entities()", err)
	equal(t, "paged ids", fx.names(got), fx.names(entityIDs(all.Entities)))
	last := all.Entities[len(all.Entities)-1]
	p, err := s.Entities(bg, store.EntityFilter{Page: store.Page{After: store.EntityCursor(last)}})
	noErr(t, "Entities(after the end)", err)
	equal(t, "Entities(after the end)", []any{len(p.Entities), p.HasNext, p.EndCursor},
		[]any{0, false, ""})
}

func testCopies(t *testing.T, s store.Store, fx *Fixture) {
	vel := fx.ID("vel")
	e, err := s.Entity(bg, vel)
	noErr(t, "Entity(vel)", err)
	e.Aliases[0] = "changed"
	p, err := s.Relations(bg, store.RelationFilter{Entity: fx.ID("bra"), Types: []schema.RelationType{
		schema.Called}})
	noErr(t, "Relations(bra)", err)
	p.Relations[0].Evidence[0].Sentence = "changed"
	hits, err := s.Search(bg, store.SearchQuery{Text: "Velasquez"})
	noErr(t, "Search(Velasquez)", err)
	hits[0].Entity.Aliases[1] = "changed"
	g, err := s.Neighborhood(bg, store.NeighborhoodQuery{ID: vel})
	noErr(t, "Neighborhood(vel)", err)
	g.Entities[0].Aliases[0] = "changed"
	g.Relations[0].Evidence[0].Sentence = "changed"

	e, err = s.Entity(bg, vel)
	noErr(t, "Entity(vel)", err)
	equal(t, "Entity(vel).Aliases after changing copies", e.Aliases,
		[]string{"Velasquez", "President Velasquez"})
	r, err := s.Relation(bg, fx.ID("call"))
	noErr(t, "Relation(call)", err)
	for _, ev := range r.Evidence {
		if ev.Sentence == "changed" {
			t.Errorf("Relation(call).Evidence = %v; a change to a returned copy leaked", r.Evidence)
		}
	}
	g, err = s.Neighborhood(bg, store.NeighborhoodQuery{ID: vel})
	noErr(t, "Neighborhood(vel)", err)
	if g.Relations[0].Evidence[0].Sentence == "changed" {
		t.Errorf("Neighborhood(vel).Relations[0].Evidence = %v; a change to a copy leaked",
			g.Relations[0].Evidence)
	}
}
