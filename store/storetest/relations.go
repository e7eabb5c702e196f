package storetest

import (
	"cmp"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var relationTests = []test{
	{name: "Filters", run: testRelationFilters},
	{name: "Paging", run: testRelationPaging},
	{name: "Invalid", run: testRelationsInvalid},
	{name: "Relation", run: testRelation},
	{name: "Loop", empty: true, run: testLoop},
}

// byID returns the named records sorted by id: the order of undated
// relations (after the dated ones) in every listing.
func (fx *Fixture) byID(names ...string) []string {
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(fx.ID(a), fx.ID(b)) })
	return names
}

func testRelationFilters(t *testing.T, s store.Store, fx *Fixture) {
	newestFirst := []string{"signed", "visit", "call", "met", "condemn", "visitEst"}
	undated := fx.byID("hoVel", "hoBra", "hoOst", "occurred", "locOst", "locPno",
		"locNdl", "hq")
	types := func(ts ...schema.RelationType) []schema.RelationType { return ts }
	tests := []struct {
		name string
		f    store.RelationFilter
		want []string
	}{
		{"all", store.RelationFilter{}, append(slices.Clone(newestFirst), undated...)},
		{"oldest first", store.RelationFilter{Order: store.DateAsc, Dated: true},
			[]string{"visitEst", "condemn", "met", "call", "visit", "signed"}},
		{"dated", store.RelationFilter{Dated: true}, newestFirst},
		{"type", store.RelationFilter{Types: types(schema.HoldsOffice)},
			fx.byID("hoVel", "hoBra", "hoOst")},
		{"out of vel", store.RelationFilter{Entity: fx.ID("vel"), Direction: store.Out},
			[]string{"visit", "call", "met", "hoVel"}},
		{"into bra", store.RelationFilter{Entity: fx.ID("bra"), Direction: store.In},
			[]string{"call"}},
		{"bra either way", store.RelationFilter{Entity: fx.ID("bra")},
			[]string{"call", "visitEst", "hoBra"}},
		{"bra, typed", store.RelationFilter{Entity: fx.ID("bra"),
			Types: types(schema.Visited, schema.Called)}, []string{"call", "visitEst"}},
		{"source", store.RelationFilter{Source: fx.ID("val")}, []string{"signed"}},
		{"target", store.RelationFilter{Target: fx.ID("nor")},
			fx.byID("hoBra", "locPno", "locNdl")},
		{"source and target", store.RelationFilter{Source: fx.ID("vel"), Target: fx.ID("bra")},
			[]string{"call"}},
		{"between", store.RelationFilter{Between: fx.IDs("vel", "bra", "ost")},
			[]string{"call", "met"}},
		// "2025-05" reaches past the 10th, so the meeting is kept.
		{"since a day", store.RelationFilter{Since: "2025-05-10"},
			[]string{"signed", "visit", "met"}},
		{"until a day", store.RelationFilter{Until: "2025-05-01"},
			[]string{"call", "met", "condemn", "visitEst"}},
		{"since a month", store.RelationFilter{Since: "2025-06"}, []string{}},
		{"within a year", store.RelationFilter{Since: "2024", Until: "2024"},
			[]string{"condemn", "visitEst"}},
		{"within a month", store.RelationFilter{Since: "2025-05", Until: "2025-05"},
			[]string{"signed", "visit", "call", "met"}},
		{"article", store.RelationFilter{Article: fx.ID("a3")},
			append([]string{"condemn", "visitEst"}, fx.byID("occurred", "locOst")...)},
		{"article of a repeated relation", store.RelationFilter{Article: fx.ID("a2")},
			[]string{"signed", "visit", "call", "met", "hoOst"}},
		{"nothing", store.RelationFilter{Entity: "no-such-entity"}, []string{}},
	}
	for _, tt := range tests {
		p, err := s.Relations(bg, tt.f)
		noErr(t, "Relations("+tt.name+")", err)
		fx.sameIDs(t, "Relations("+tt.name+")", relationIDs(p.Relations), tt.want...)
		equal(t, "Relations("+tt.name+").Total", p.Total, len(tt.want))
	}
}

func testRelationPaging(t *testing.T, s store.Store, fx *Fixture) {
	for _, order := range []store.Order{store.DateDesc, store.DateAsc} {
		all, err := s.Relations(bg, store.RelationFilter{Order: order})
		noErr(t, "Relations()", err)
		var got []string
		var pages []int
		for after := ""; ; {
			p, err := s.Relations(bg, store.RelationFilter{Order: order,
				Page: store.Page{First: 4, After: after}})
			noErr(t, q("Relations(%s, first 4, after %q)", order, after), err)
			equal(t, "Relations(first 4).Total", p.Total, 14)
			got = append(got, relationIDs(p.Relations)...)
			pages = append(pages, len(p.Relations))
			if after = p.EndCursor; !p.HasNext {
				break
			}
		}
		equal(t, q("page sizes (%s)", order), pages, []int{4, 4, 4, 2})
		equal(t, q("paged relations (%s)", order), fx.names(got),
			fx.names(relationIDs(all.Relations)))
	}
	p, err := s.Relations(bg, store.RelationFilter{Dated: true, Page: store.Page{First: 6}})
	noErr(t, "Relations(dated, first 6)", err)
	equal(t, "Relations(dated, first 6).HasNext", p.HasNext, false)
}

func testRelationsInvalid(t *testing.T, s store.Store, fx *Fixture) {
	for _, f := range []store.RelationFilter{
		{Since: "2025-13"},
		{Until: "May 2025"},
		{Since: "2025-05-32"},
		{Since: "2025-06", Until: "2025-05"},
		{Types: []schema.RelationType{schema.Mentions}},
		{Types: []schema.RelationType{"LIKED"}},
		{Direction: "UP"},
		{Order: "NAME"},
		{Between: []string{fx.ID("vel"), ""}},
		{Page: store.Page{First: store.MaxFirst + 1}},
		{Page: store.Page{After: "bm9wZQ"}},
	} {
		_, err := s.Relations(bg, f)
		wantErr(t, q("Relations(%+v)", f), err, store.ErrInvalidInput)
	}
}

func testRelation(t *testing.T, s store.Store, fx *Fixture) {
	got, err := s.Relation(bg, fx.ID("hoVel"))
	noErr(t, "Relation(hoVel)", err)
	equal(t, "Relation(hoVel)", got, fx.Relations["hoVel"])
	_, err = s.Relation(bg, "no-such-relation")
	wantErr(t, "Relation(unknown)", err, store.ErrNotFound)
	_, err = s.Relation(bg, "")
	wantErr(t, `Relation("")`, err, store.ErrInvalidInput)
}
