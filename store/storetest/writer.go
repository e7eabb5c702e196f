package storetest

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var writerTests = []test{
	{name: "UpsertIsIdempotent", run: testIdempotent},
	{name: "AliasesMerge", run: testAliases},
	{name: "EvidenceAccumulates", run: testEvidence},
	{name: "Stats", run: testStats},
	{name: "DeleteArticle", run: testDeleteArticle},
	{name: "DeleteArticleErrors", run: testDeleteArticleErrors},
	{name: "UpsertRejects", empty: true, run: testUpsertRejects},
	{name: "UpsertKnownEnd", run: testUpsertKnownEnd},
	{name: "Concurrent", run: testConcurrent},
	{name: "Ping", run: func(t *testing.T, s store.Store, fx *Fixture) {
		noErr(t, "Ping", s.Ping(bg))
	}},
}

// Snapshot is everything a store answers about its whole content.
type Snapshot struct {
	Stats     store.Stats
	Entities  []schema.Entity
	Relations []schema.Relation
	Articles  []schema.Article
}

// Dump reads the whole content of s through its listings, page by page.
func Dump(t *testing.T, s store.Store) Snapshot {
	t.Helper()
	var d Snapshot
	var err error
	d.Stats, err = s.Stats(bg)
	noErr(t, "Stats", err)
	for after := ""; ; {
		p, err := s.Entities(bg, store.EntityFilter{Page: store.Page{First: 5, After: after}})
		noErr(t, "Entities", err)
		d.Entities = append(d.Entities, p.Entities...)
		if after = p.EndCursor; !p.HasNext {
			break
		}
	}
	for after := ""; ; {
		p, err := s.Relations(bg, store.RelationFilter{Page: store.Page{First: 5, After: after}})
		noErr(t, "Relations", err)
		d.Relations = append(d.Relations, p.Relations...)
		if after = p.EndCursor; !p.HasNext {
			break
		}
	}
	for after := ""; ; {
		p, err := s.Articles(bg, store.ArticleFilter{Page: store.Page{First: 3, After: after}})
		noErr(t, "Articles", err)
		d.Articles = append(d.Articles, p.Articles...)
		if after = p.EndCursor; !p.HasNext {
			break
		}
	}
	return d
}

func testIdempotent(t *testing.T, s store.Store, fx *Fixture) {
	first := Dump(t, s)
	Load(t, s, fx)
	equal(t, "after the same Upsert twice, the store", Dump(t, s), first)
	for _, b := range fx.Batches {
		noErr(t, "Upsert(one batch)", s.Upsert(bg, b))
	}
	equal(t, "after each batch again alone, the store", Dump(t, s), first)
}

func testAliases(t *testing.T, s store.Store, fx *Fixture) {
	want := fx.Entities["vel"]
	want.Aliases = []string{"Velasquez", "President Velasquez"}
	got, err := s.Entity(bg, want.ID)
	noErr(t, "Entity(vel)", err)
	equal(t, "Entity(vel)", got, want)
}

func testEvidence(t *testing.T, s store.Store, fx *Fixture) {
	want := fx.Relations["call"]
	want.Confidence = 0.9
	want.Evidence = append(want.Evidence, evidence(fx.Articles["a2"], 400))
	slices.SortFunc(want.Evidence, store.CompareEvidence)
	got, err := s.Relation(bg, want.ID)
	noErr(t, "Relation(call)", err)
	equal(t, "Relation(call)", got, want)
}

func testStats(t *testing.T, s store.Store, fx *Fixture) {
	want := store.NewStats()
	want.Entities, want.Relations, want.Articles = 13, 14, 4
	for t, n := range map[schema.EntityType]int{schema.Person: 3, schema.Country: 3,
		schema.Organization: 1, schema.Place: 4, schema.Event: 1, schema.Agreement: 1} {
		want.ByEntity[t] = n
	}
	for t, n := range map[schema.RelationType]int{schema.Called: 1, schema.HoldsOffice: 3,
		schema.Met: 1, schema.Visited: 2, schema.Signed: 1, schema.Condemned: 1,
		schema.OccurredIn: 1, schema.LocatedIn: 4} {
		want.ByRelType[t] = n
	}
	got, err := s.Stats(bg)
	noErr(t, "Stats", err)
	equal(t, "Stats()", got, want)
}

func testDeleteArticle(t *testing.T, s store.Store, fx *Fixture) {
	a2 := fx.ID("a2")
	noErr(t, "DeleteArticle(a2)", s.DeleteArticle(bg, a2))
	_, err := s.Article(bg, a2)
	wantErr(t, "Article(a2) after delete", err, store.ErrNotFound)

	call, err := s.Relation(bg, fx.ID("call"))
	noErr(t, "Relation(call)", err)
	equal(t, "Relation(call).Evidence", call.Evidence, fx.Relations["call"].Evidence)
	for _, gone := range []string{"met", "visit", "signed", "hoOst"} {
		_, err := s.Relation(bg, fx.ID(gone))
		wantErr(t, "Relation("+gone+")", err, store.ErrNotFound)
	}
	for _, gone := range []string{"pse", "acc"} {
		_, err := s.Entity(bg, fx.ID(gone))
		wantErr(t, "Entity("+gone+")", err, store.ErrNotFound)
	}
	for _, kept := range []string{"vel", "ost", "bra", "val", "est"} {
		_, err := s.Entity(bg, fx.ID(kept))
		noErr(t, "Entity("+kept+")", err)
	}
	st, err := s.Stats(bg)
	noErr(t, "Stats", err)
	equal(t, "Stats() counts", []int{st.Entities, st.Relations, st.Articles}, []int{11, 10, 3})
	p, err := s.Relations(bg, store.RelationFilter{Article: a2})
	noErr(t, "Relations(article a2)", err)
	fx.sameIDs(t, "Relations(article a2)", relationIDs(p.Relations))
	hits, err := s.Search(bg, store.SearchQuery{Text: "selen"})
	noErr(t, "Search(selen)", err)
	equal(t, "len(Search(selen))", len(hits), 0)
}

func testDeleteArticleErrors(t *testing.T, s store.Store, fx *Fixture) {
	wantErr(t, "DeleteArticle(unknown)", s.DeleteArticle(bg, "no-such-article"), store.ErrNotFound)
	wantErr(t, `DeleteArticle("")`, s.DeleteArticle(bg, ""), store.ErrInvalidInput)
	noErr(t, "DeleteArticle(a4)", s.DeleteArticle(bg, fx.ID("a4")))
	wantErr(t, "DeleteArticle(a4) again", s.DeleteArticle(bg, fx.ID("a4")), store.ErrNotFound)
}

func testUpsertRejects(t *testing.T, s store.Store, fx *Fixture) {
	base := func() schema.Batch { return fx.Batches[0] }
	tests := []struct {
		name   string
		change func(b *schema.Batch)
	}{
		{"no article id", func(b *schema.Batch) { b.Article.ID = "" }},
		{"unknown entity type", func(b *schema.Batch) { b.Entities[1].Type = "Planet" }},
		{"entity without id", func(b *schema.Batch) { b.Entities[1].ID = "" }},
		{"entity without name", func(b *schema.Batch) { b.Entities[1].Name = " - " }},
		{"unknown relation type", func(b *schema.Batch) { b.Relations[0].Type = "LIKED" }},
		{"MENTIONS relation", func(b *schema.Batch) { b.Relations[0].Type = schema.Mentions }},
		{"relation to unknown entity", func(b *schema.Batch) { b.Relations[0].Target = "nobody" }},
		{"evidence of another article", func(b *schema.Batch) {
			b.Relations[0].Evidence = []schema.Evidence{evidence(fx.Articles["a3"], 0)}
		}},
		{"evidence ends before it starts", func(b *schema.Batch) {
			b.Relations[0].Evidence = []schema.Evidence{{Start: 9, End: 3}}
		}},
	}
	for _, tt := range tests {
		b := base()
		b.Entities = slices.Clone(b.Entities)
		b.Relations = slices.Clone(b.Relations)
		tt.change(&b)
		wantErr(t, "Upsert("+tt.name+")", s.Upsert(bg, b), store.ErrInvalidInput)
	}
	st, err := s.Stats(bg)
	noErr(t, "Stats", err)
	equal(t, "Stats() counts after rejected upserts",
		[]int{st.Entities, st.Relations, st.Articles}, []int{0, 0, 0})
}

func testUpsertKnownEnd(t *testing.T, s store.Store, fx *Fixture) {
	a := schema.Article{ID: schema.ID("article:storetest-a5"), Title: "Brandt visits Valdoria"}
	vel, val := fx.Entities["vel"], fx.Entities["val"]
	r := schema.Relation{ID: schema.ID("rel:storetest-visit-val"), Type: schema.Visited,
		Source: vel.ID, Target: val.ID, Date: "2025-07-01",
		Evidence: []schema.Evidence{{Sentence: "Velasquez visits Valdoria.", End: 26}}}
	// The relation's ends are stored already, but not in this batch.
	noErr(t, "Upsert(relation to stored entities)",
		s.Upsert(bg, schema.Batch{Article: a, Relations: []schema.Relation{r}}))
	got, err := s.Relation(bg, r.ID)
	noErr(t, "Relation(new)", err)
	r.Evidence[0].Article = a.ID
	equal(t, "Relation(new)", got, r)
}
