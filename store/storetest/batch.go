package storetest

import (
	"maps"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var batchTests = []test{
	{name: "RelationsOfEntities", run: testRelationsOfEntities},
	{name: "ArticlesOfEntities", run: testArticlesOfEntities},
	{name: "Invalid", run: testBatchInvalid},
	{name: "Empty", run: testBatchEmpty},
}

// batchIDs returns the ids a batch test asks for: every fixture entity, by
// short name, then an unknown id and an id asked twice.
func (fx *Fixture) batchIDs() []string {
	ids := fx.IDs(slices.Sorted(maps.Keys(fx.Entities))...)
	return append(ids, "no-such-entity", fx.ID("vel"))
}

func testRelationsOfEntities(t *testing.T, s store.Store, fx *Fixture) {
	types := func(ts ...schema.RelationType) []schema.RelationType { return ts }
	tests := []struct {
		name string
		f    store.RelationFilter
	}{
		{"all", store.RelationFilter{}},
		{"out", store.RelationFilter{Direction: store.Out}},
		{"in, typed", store.RelationFilter{Direction: store.In,
			Types: types(schema.HoldsOffice, schema.Called, schema.LocatedIn)}},
		{"oldest first, dated", store.RelationFilter{Order: store.DateAsc, Dated: true}},
		{"oldest first", store.RelationFilter{Order: store.DateAsc}},
		{"since", store.RelationFilter{Since: "2025-05-10"}},
		{"window", store.RelationFilter{Since: "2024", Until: "2025-05"}},
		{"first page", store.RelationFilter{Page: store.Page{First: 1}}},
		{"second page", store.RelationFilter{Page: store.Page{First: 2,
			After: store.RelationCursor(fx.Relations["met"])}}},
		{"article", store.RelationFilter{Article: fx.ID("a3")}},
		{"source", store.RelationFilter{Source: fx.ID("vel")}},
		{"target", store.RelationFilter{Target: fx.ID("nor")}},
		{"between", store.RelationFilter{Between: fx.IDs("vel", "bra", "ost")}},
		{"entity ignored", store.RelationFilter{Entity: fx.ID("val")}},
	}
	ids := fx.batchIDs()
	for _, tt := range tests {
		got, err := s.RelationsOfEntities(bg, ids, tt.f)
		noErr(t, "RelationsOfEntities("+tt.name+")", err)
		if !equal(t, "len(RelationsOfEntities("+tt.name+"))", len(got), len(ids)) {
			continue
		}
		for i, id := range ids {
			f := tt.f
			f.Entity = id
			want, err := s.Relations(bg, f)
			noErr(t, q("Relations(%s of %s)", tt.name, fx.names([]string{id})), err)
			equal(t, q("RelationsOfEntities(%s)[%s]", tt.name, fx.names([]string{id})),
				got[i], want)
		}
	}
	got, err := s.RelationsOfEntities(bg, fx.IDs("vel"), store.RelationFilter{})
	noErr(t, "RelationsOfEntities(vel)", err)
	equal(t, "RelationsOfEntities(vel)[0].Total", got[0].Total, 4)
}

func testArticlesOfEntities(t *testing.T, s store.Store, fx *Fixture) {
	tests := []struct {
		name string
		f    store.ArticleFilter
	}{
		{"all", store.ArticleFilter{}},
		{"source", store.ArticleFilter{Source: "Wire"}},
		{"since", store.ArticleFilter{Since: "2025"}},
		{"until", store.ArticleFilter{Until: "2024-12"}},
		{"window", store.ArticleFilter{Since: "2024-11", Until: "2025-05-10"}},
		{"first page", store.ArticleFilter{Page: store.Page{First: 1}}},
		{"second page", store.ArticleFilter{Page: store.Page{First: 1,
			After: store.ArticleCursor(fx.Articles["a1"])}}},
		{"entity ignored", store.ArticleFilter{Entity: fx.ID("ndl")}},
	}
	ids := fx.batchIDs()
	for _, tt := range tests {
		got, err := s.ArticlesOfEntities(bg, ids, tt.f)
		noErr(t, "ArticlesOfEntities("+tt.name+")", err)
		if !equal(t, "len(ArticlesOfEntities("+tt.name+"))", len(got), len(ids)) {
			continue
		}
		for i, id := range ids {
			f := tt.f
			f.Entity = id
			want, err := s.Articles(bg, f)
			noErr(t, q("Articles(%s of %s)", tt.name, fx.names([]string{id})), err)
			equal(t, q("ArticlesOfEntities(%s)[%s]", tt.name, fx.names([]string{id})),
				got[i], want)
		}
	}
	got, err := s.ArticlesOfEntities(bg, fx.IDs("bra"), store.ArticleFilter{})
	noErr(t, "ArticlesOfEntities(bra)", err)
	fx.sameIDs(t, "ArticlesOfEntities(bra)[0]", articleIDs(got[0].Articles), "a2", "a1", "a3")
}

func testBatchInvalid(t *testing.T, s store.Store, fx *Fixture) {
	tooMany := make([]string, store.MaxBatch+1)
	for i := range tooMany {
		tooMany[i] = fx.ID("vel")
	}
	for _, ids := range [][]string{{fx.ID("vel"), ""}, tooMany} {
		_, err := s.RelationsOfEntities(bg, ids, store.RelationFilter{})
		wantErr(t, q("RelationsOfEntities(%d ids)", len(ids)), err, store.ErrInvalidInput)
		_, err = s.ArticlesOfEntities(bg, ids, store.ArticleFilter{})
		wantErr(t, q("ArticlesOfEntities(%d ids)", len(ids)), err, store.ErrInvalidInput)
	}
	ids := fx.IDs("vel")
	for _, f := range []store.RelationFilter{
		{Since: "2025-13"},
		{Types: []schema.RelationType{"LIKED"}},
		{Direction: "UP"},
		{Page: store.Page{First: store.MaxFirst + 1}},
		{Page: store.Page{After: "bm9wZQ"}},
	} {
		_, err := s.RelationsOfEntities(bg, ids, f)
		wantErr(t, q("RelationsOfEntities(%+v)", f), err, store.ErrInvalidInput)
	}
	for _, f := range []store.ArticleFilter{
		{Until: "2025-1"},
		{Page: store.Page{First: -1}},
	} {
		_, err := s.ArticlesOfEntities(bg, ids, f)
		wantErr(t, q("ArticlesOfEntities(%+v)", f), err, store.ErrInvalidInput)
	}
}

func testBatchEmpty(t *testing.T, s store.Store, fx *Fixture) {
	rs, err := s.RelationsOfEntities(bg, nil, store.RelationFilter{})
	noErr(t, "RelationsOfEntities(no ids)", err)
	equal(t, "RelationsOfEntities(no ids)", rs, []store.RelationPage{})
	as, err := s.ArticlesOfEntities(bg, []string{}, store.ArticleFilter{})
	noErr(t, "ArticlesOfEntities(no ids)", err)
	equal(t, "ArticlesOfEntities(no ids)", as, []store.ArticlePage{})
}
