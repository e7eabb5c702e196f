package storetest

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// testLoop: a relation from an entity to itself (two people merged into
// one can leave one) is one of the entity's relations, listed and counted
// once, and counts once among its relations when search ranks by them.
// Berg has the loop and one relation, Alm two relations: they tie, and
// Alm's name sorts first.
func testLoop(t *testing.T, s store.Store, _ *Fixture) {
	fx := &builder{Fixture: Fixture{Entities: map[string]schema.Entity{},
		Relations: map[string]schema.Relation{}, Articles: map[string]schema.Article{}},
		ents: map[string]*schema.Entity{}, rels: map[string]*schema.Relation{}}
	berg := fx.entity("berg", schema.Person, "Lena Berg")
	alm := fx.entity("alm", schema.Person, "Lena Alm")
	fx.entity("x", schema.Country, "Xandria")
	fx.entity("y", schema.Country, "Ystad Republic")
	a := fx.article("loop", "A loop", "2025-03-04", "test")
	fx.relation("self", schema.Met, "berg", "berg", "2025-03-03", a, 10)
	fx.relation("bx", schema.Visited, "berg", "x", "2025-03-02", a, 50)
	fx.relation("ax", schema.Visited, "alm", "x", "2025-03-02", a, 90)
	fx.relation("ay", schema.Visited, "alm", "y", "2025-03-01", a, 130)
	b := fx.batch(a, []string{"berg", "alm", "x", "y"}, "self", "bx", "ax", "ay")
	if err := s.Upsert(bg, b); err != nil {
		t.Fatalf("Upsert(loop) = %v; want nil", err)
	}
	want := []string{fx.rels["self"].ID, fx.rels["bx"].ID}
	page, err := s.Relations(bg, store.RelationFilter{Entity: berg.ID})
	noErr(t, "Relations(Berg)", err)
	equal(t, "Relations(Berg) total", page.Total, 2)
	equal(t, "Relations(Berg)", relationIDs(page.Relations), want)

	hits, err := s.Search(bg, store.SearchQuery{Text: "Lena"})
	noErr(t, "Search(Lena)", err)
	equal(t, "Search(Lena)", hitIDs(hits), []string{alm.ID, berg.ID})

	f, ok := s.(store.Fetcher)
	if !ok {
		return
	}
	plan := store.EntityPlan{Relations: []store.RelationsPlan{{Total: true}}}
	_, got, err := f.FetchEntity(bg, store.EntityLookup{ID: berg.ID}, plan)
	noErr(t, "FetchEntity(Berg)", err)
	k, _ := store.RelationsKey(berg.ID, false, store.RelationFilter{})
	equal(t, "FetchEntity(Berg) relations total", got.Relations[k].Total, 2)
	equal(t, "FetchEntity(Berg) relations", relationIDs(got.Relations[k].Relations), want)
	fh, _, err := f.FetchSearch(bg, store.SearchQuery{Text: "Lena"}, store.EntityPlan{})
	noErr(t, "FetchSearch(Lena)", err)
	equal(t, "FetchSearch(Lena)", hitIDs(fh), []string{alm.ID, berg.ID})
}

func hitIDs(hs []store.Hit) []string {
	out := []string{}
	for _, h := range hs {
		out = append(out, h.Entity.ID)
	}
	return out
}
