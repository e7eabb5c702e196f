package storetest

import (
	"slices"
	"sort"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// curationTests check store.Curator: identity notes kept with a batch, a
// curator's merge and split, and their refusals.
var curationTests = []test{
	{name: "IdentityNotesOfUpsert", empty: true, run: testIdentityNotes},
	{name: "MergeEntities", run: testMergeEntities},
	{name: "MergeEntitiesRefused", run: testMergeRefused},
	{name: "SplitEntity", run: testSplitEntity},
	{name: "SplitEntityRefused", run: testSplitRefused},
	{name: "MergeThenSplit", run: testMergeThenSplit},
}

// relationsOf returns every relation of the entity id, sorted by id.
func relationsOf(t *testing.T, s store.Store, id string) []schema.Relation {
	t.Helper()
	p, err := s.Relations(bg, store.RelationFilter{Entity: id, Page: store.Page{First: 100}})
	noErr(t, q("Relations(%s)", id), err)
	out := p.Relations
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// mentioning returns the ids of the articles that mention the entity id.
func mentioning(t *testing.T, s store.Store, id string) []string {
	t.Helper()
	p, err := s.Articles(bg, store.ArticleFilter{Entity: id, Page: store.Page{First: 100}})
	noErr(t, q("Articles(entity %s)", id), err)
	out := articleIDs(p.Articles)
	slices.Sort(out)
	return out
}

// evidenceArticles returns the sorted articles of rs' evidence, one per
// piece of evidence.
func evidenceArticles(rs []schema.Relation) []string {
	out := []string{}
	for _, r := range rs {
		for _, ev := range r.Evidence {
			out = append(out, ev.Article)
		}
	}
	slices.Sort(out)
	return out
}

// notes returns the first page of the identity decisions about id.
func notes(s store.Store, id string) ([]schema.IdentityMatch, error) {
	p, err := s.Identity(bg, id, 0)
	return p.Notes, err
}

func testIdentityNotes(t *testing.T, s store.Store, fx *Fixture) {
	b := fx.Batches[0]
	vel := fx.ID("vel")
	note := schema.IdentityMatch{Entity: vel, Rule: schema.RuleSurname, Name: "Velasquez",
		From: schema.ID("person:velasquez"), FromKey: "person:velasquez",
		On: `surname "velasquez", the only person of that surname`}
	b.Identity = []schema.IdentityMatch{note}
	noErr(t, "Upsert(batch with a note)", s.Upsert(bg, b))
	noErr(t, "Upsert(again)", s.Upsert(bg, b))
	got, err := notes(s, vel)
	noErr(t, "Identity(vel)", err)
	note.Article = fx.ID("a1")
	equal(t, "Identity(vel)", got, []schema.IdentityMatch{note})
	got, err = notes(s, fx.ID("bra"))
	noErr(t, "Identity(bra)", err)
	equal(t, "Identity(bra)", got, []schema.IdentityMatch{})
	_, err = notes(s, schema.ID("person:nobody"))
	wantErr(t, "Identity(unknown)", err, store.ErrNotFound)

	bad := fx.Batches[0]
	bad.Identity = []schema.IdentityMatch{{Entity: vel, Rule: "GUESS", From: vel}}
	wantErr(t, "Upsert(note with an unknown rule)", s.Upsert(bg, bad), store.ErrInvalidInput)

	// A second article loaded, then deleted: its notes go with it.
	b2 := fx.Batches[1]
	b2.Identity = []schema.IdentityMatch{{Entity: vel, Rule: schema.RuleGivenName,
		Name: "A. Velasquez", From: schema.ID("person:a velasquez"), On: "given name"}}
	noErr(t, "Upsert(a2 with a note)", s.Upsert(bg, b2))
	got, _ = notes(s, vel)
	if len(got) != 2 {
		t.Fatalf("Identity(vel) after a2 = %v; want 2 notes", got)
	}
	p, err := s.Identity(bg, vel, 1)
	noErr(t, "Identity(vel, first 1)", err)
	if len(p.Notes) != 1 || p.Total != 2 || p.ByRule[schema.RuleSurname] != 1 ||
		p.ByRule[schema.RuleGivenName] != 1 {
		t.Errorf("Identity(vel, first 1) = %+v; want 1 note of 2, one of each rule", p)
	}
	_, err = s.Identity(bg, vel, store.MaxFirst+1)
	wantErr(t, "Identity(first too large)", err, store.ErrInvalidInput)
	noErr(t, "DeleteArticle(a2)", s.DeleteArticle(bg, fx.ID("a2")))
	got, _ = notes(s, vel)
	equal(t, "Identity(vel) after a2 is deleted", got, []schema.IdentityMatch{note})
}

func testMergeEntities(t *testing.T, s store.Store, fx *Fixture) {
	bra, ost := fx.ID("bra"), fx.ID("ost")
	before, err := s.Stats(bg)
	noErr(t, "Stats", err)
	evBefore := evidenceArticles(append(relationsOf(t, s, bra), relationsOf(t, s, ost)...))
	got, err := s.MergeEntities(bg, []string{bra, ost})
	noErr(t, "MergeEntities(bra, ost)", err)
	if got.ID != bra || !slices.Contains(got.Aliases, "Mira Ostrova") {
		t.Errorf("MergeEntities = %+v; want bra with the alias Mira Ostrova", got)
	}
	e, err := s.Entity(bg, bra)
	noErr(t, "Entity(bra)", err)
	equal(t, "Entity(bra)", e, got)
	_, err = s.Entity(bg, ost)
	wantErr(t, "Entity(ost) after the merge", err, store.ErrNotFound)

	rels := relationsOf(t, s, bra)
	// Every relation of both is now bra's: call, hoBra, visitEst of bra;
	// met, hoOst and condemn of ost. None of ost remains.
	if len(rels) != 6 {
		t.Errorf("Relations(bra) = %d relations; want 6", len(rels))
	}
	for _, r := range rels {
		if r.Source == ost || r.Target == ost {
			t.Errorf("relation %s still has an end on the merged-away entity", r.ID)
		}
	}
	equal(t, "evidence of bra's relations", evidenceArticles(rels), evBefore)
	want := fx.IDs("a1", "a2", "a3")
	slices.Sort(want)
	equal(t, "articles mentioning bra", mentioning(t, s, bra), want)

	after, err := s.Stats(bg)
	noErr(t, "Stats", err)
	if after.Entities != before.Entities-1 || after.Relations != before.Relations {
		t.Errorf("Stats after merge = %d entities, %d relations; want %d, %d",
			after.Entities, after.Relations, before.Entities-1, before.Relations)
	}
	hits, err := s.Search(bg, store.SearchQuery{Text: "Mira Ostrova",
		Types: []schema.EntityType{schema.Person}})
	noErr(t, "Search", err)
	if len(hits) == 0 || hits[0].Entity.ID != bra {
		t.Errorf("Search(Mira Ostrova) = %v; want bra first", hits)
	}
	if ws, err := s.EntitiesByNameWords(bg, schema.Person, []string{"ostrova"}); err != nil ||
		len(ws) != 0 {
		t.Errorf("EntitiesByNameWords(ostrova) = %v, %v; want none: the name is gone", ws, err)
	}

	red, err := s.Redirects(bg, []string{ost, bra})
	noErr(t, "Redirects", err)
	if len(red) != 1 || red[0].From != ost || red[0].Article != "" || red[0].Into.ID != bra ||
		red[0].Into.Key != fx.Entities["bra"].Key {
		t.Errorf("Redirects(ost, bra) = %+v; want ost → bra in every article", red)
	}
	ns, err := notes(s, bra)
	noErr(t, "Identity(bra)", err)
	if len(ns) != 1 || ns[0].Rule != schema.RuleCuratorMerge || ns[0].From != ost ||
		ns[0].At == "" {
		t.Errorf("Identity(bra) = %+v; want one curator merge from ost", ns)
	}
}

func testMergeRefused(t *testing.T, s store.Store, fx *Fixture) {
	before, err := s.Stats(bg)
	noErr(t, "Stats", err)
	for _, tc := range []struct {
		name string
		ids  []string
	}{
		{"one id", fx.IDs("vel")},
		{"no id", nil},
		{"unknown id", []string{fx.ID("vel"), schema.ID("person:nobody")}},
		{"two types", fx.IDs("vel", "val")},
		{"an id twice", fx.IDs("vel", "bra", "vel")},
		{"an empty id", []string{fx.ID("vel"), ""}},
	} {
		_, err := s.MergeEntities(bg, tc.ids)
		wantErr(t, "MergeEntities("+tc.name+")", err, store.ErrInvalidInput)
	}
	after, err := s.Stats(bg)
	noErr(t, "Stats", err)
	equal(t, "Stats after refused merges", after, before)
	red, err := s.Redirects(bg, fx.IDs("vel", "bra", "val"))
	noErr(t, "Redirects", err)
	equal(t, "Redirects after refused merges", red, []schema.Redirect{})
}

func testSplitEntity(t *testing.T, s store.Store, fx *Fixture) {
	vel, a1, a2 := fx.ID("vel"), fx.ID("a1"), fx.ID("a2")
	before, err := s.Stats(bg)
	noErr(t, "Stats", err)
	all := relationsOf(t, s, vel)
	n, err := s.SplitEntity(bg, vel, []string{a2})
	noErr(t, "SplitEntity(vel, a2)", err)
	if n.ID == "" || n.ID == vel || n.Type != schema.Person || n.Name != "Amara Velasquez" {
		t.Fatalf("SplitEntity = %+v; want a new person of vel's name", n)
	}
	stored, err := s.Entity(bg, n.ID)
	noErr(t, "Entity(new)", err)
	equal(t, "Entity(new)", stored.Key, n.Key)
	equal(t, "articles mentioning vel", mentioning(t, s, vel), []string{a1})
	equal(t, "articles mentioning the split", mentioning(t, s, n.ID), []string{a2})

	kept, moved := relationsOf(t, s, vel), relationsOf(t, s, n.ID)
	equal(t, "evidence left on vel", evidenceArticles(kept), []string{a1, a1})
	equal(t, "evidence moved", evidenceArticles(moved), []string{a2, a2, a2})
	equal(t, "evidence of both", len(evidenceArticles(kept))+len(evidenceArticles(moved)),
		len(evidenceArticles(all)))
	for _, r := range moved {
		if r.Source != n.ID && r.Target != n.ID {
			t.Errorf("moved relation %s has no end on the new entity", r.ID)
		}
	}
	after, err := s.Stats(bg)
	noErr(t, "Stats", err)
	// The call read in both articles becomes two relations.
	if after.Entities != before.Entities+1 || after.Relations != before.Relations+1 {
		t.Errorf("Stats after split = %d entities, %d relations; want %d, %d",
			after.Entities, after.Relations, before.Entities+1, before.Relations+1)
	}
	red, err := s.Redirects(bg, []string{vel})
	noErr(t, "Redirects(vel)", err)
	if len(red) != 1 || red[0].Article != a2 || red[0].Into.ID != n.ID {
		t.Errorf("Redirects(vel) = %+v; want vel in a2 → the new entity", red)
	}
	for _, id := range []string{vel, n.ID} {
		ns, err := notes(s, id)
		noErr(t, "Identity", err)
		if len(ns) != 1 || ns[0].Rule != schema.RuleCuratorSplit ||
			!slices.Equal(ns[0].Articles, []string{a2}) {
			t.Errorf("Identity(%s) = %+v; want one curator split of a2", id, ns)
		}
	}
}

func testSplitRefused(t *testing.T, s store.Store, fx *Fixture) {
	before, err := s.Stats(bg)
	noErr(t, "Stats", err)
	vel := fx.ID("vel")
	for _, tc := range []struct {
		name     string
		id       string
		articles []string
	}{
		{"unknown entity", schema.ID("person:nobody"), fx.IDs("a1")},
		{"no article", vel, nil},
		{"an article that does not mention it", vel, fx.IDs("a4")},
		{"an unknown article", vel, []string{schema.ID("article:none")}},
		{"every article that mentions it", vel, fx.IDs("a1", "a2")},
		{"an article twice", vel, fx.IDs("a2", "a2")},
	} {
		_, err := s.SplitEntity(bg, tc.id, tc.articles)
		wantErr(t, "SplitEntity("+tc.name+")", err, store.ErrInvalidInput)
	}
	after, err := s.Stats(bg)
	noErr(t, "Stats", err)
	equal(t, "Stats after refused splits", after, before)
}

// testMergeThenSplit merges two people and splits one article's mentions
// back off: the redirects chain and the notes follow.
func testMergeThenSplit(t *testing.T, s store.Store, fx *Fixture) {
	bra, ost, a3 := fx.ID("bra"), fx.ID("ost"), fx.ID("a3")
	_, err := s.MergeEntities(bg, []string{bra, ost})
	noErr(t, "MergeEntities(bra, ost)", err)
	n, err := s.SplitEntity(bg, bra, []string{a3})
	noErr(t, "SplitEntity(bra, a3)", err)
	equal(t, "articles mentioning the split", mentioning(t, s, n.ID), []string{a3})
	want := fx.IDs("a1", "a2")
	slices.Sort(want)
	equal(t, "articles mentioning bra", mentioning(t, s, bra), want)
	// a3 had visitEst (bra) and condemn (ost): both move.
	equal(t, "relations of the split", len(relationsOf(t, s, n.ID)), 2)
	red, err := s.Redirects(bg, []string{bra, ost})
	noErr(t, "Redirects", err)
	if len(red) != 2 {
		t.Fatalf("Redirects(bra, ost) = %+v; want bra in a3 → new, ost → bra", red)
	}
	// A merge back removes the split's redirect.
	_, err = s.MergeEntities(bg, []string{bra, n.ID})
	noErr(t, "MergeEntities(bra, new)", err)
	red, err = s.Redirects(bg, []string{bra, ost, n.ID})
	noErr(t, "Redirects", err)
	var froms []string
	for _, r := range red {
		if r.Into.ID != bra {
			t.Errorf("redirect %+v; want every redirect into bra", r)
		}
		froms = append(froms, r.From)
	}
	wantFrom := []string{ost, n.ID}
	slices.Sort(wantFrom)
	slices.Sort(froms)
	equal(t, "redirect froms after merging back", froms, wantFrom)
}
