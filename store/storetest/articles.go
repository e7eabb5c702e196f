package storetest

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var articleTests = []test{
	{name: "Article", run: testArticle},
	{name: "Filters", run: testArticleFilters},
	{name: "ArticlesByIDs", run: testArticlesByIDs},
	{name: "ArticleEntities", run: testArticleEntities},
}

func testArticle(t *testing.T, s store.Store, fx *Fixture) {
	got, err := s.Article(bg, fx.ID("a3"))
	noErr(t, "Article(a3)", err)
	equal(t, "Article(a3)", got, fx.Articles["a3"])
	_, err = s.Article(bg, "no-such-article")
	wantErr(t, "Article(unknown)", err, store.ErrNotFound)
	_, err = s.Article(bg, "")
	wantErr(t, `Article("")`, err, store.ErrInvalidInput)
}

func testArticleFilters(t *testing.T, s store.Store, fx *Fixture) {
	tests := []struct {
		name string
		f    store.ArticleFilter
		want []string
	}{
		{"all, newest first", store.ArticleFilter{}, []string{"a2", "a1", "a3", "a4"}},
		{"source", store.ArticleFilter{Source: "Wire"}, []string{"a1", "a3"}},
		{"entity", store.ArticleFilter{Entity: fx.ID("bra")}, []string{"a2", "a1", "a3"}},
		{"entity of one", store.ArticleFilter{Entity: fx.ID("ndl")}, []string{"a4"}},
		{"since a year", store.ArticleFilter{Since: "2025"}, []string{"a2", "a1"}},
		{"until a month", store.ArticleFilter{Until: "2024-12"}, []string{"a3", "a4"}},
		{"since a day", store.ArticleFilter{Since: "2025-05-10"}, []string{"a2"}},
		{"until a day", store.ArticleFilter{Until: "2023-01-15"}, []string{"a4"}},
		{"source and window", store.ArticleFilter{Source: "Wire", Until: "2025-01"},
			[]string{"a3"}},
		{"first", store.ArticleFilter{Page: store.Page{First: 3}}, []string{"a2", "a1", "a3"}},
		{"after", store.ArticleFilter{Page: store.Page{First: 3, After: store.ArticleCursor(fx.Articles["a3"])}},
			[]string{"a4"}},
		{"no such source", store.ArticleFilter{Source: "Herald"}, []string{}},
	}
	for _, tt := range tests {
		p, err := s.Articles(bg, tt.f)
		noErr(t, "Articles("+tt.name+")", err)
		fx.sameIDs(t, "Articles("+tt.name+")", articleIDs(p.Articles), tt.want...)
	}
	p, err := s.Articles(bg, store.ArticleFilter{Page: store.Page{First: 3}})
	noErr(t, "Articles(first 3)", err)
	equal(t, "Articles(first 3) page", []any{p.Total, p.HasNext, p.EndCursor},
		[]any{4, true, store.ArticleCursor(fx.Articles["a3"])})
	for _, f := range []store.ArticleFilter{
		{Since: "yesterday"},
		{Until: "2025-1"},
		{Since: "2025-02", Until: "2025-01-31"},
		{Page: store.Page{First: store.MaxFirst + 1}},
		{Page: store.Page{After: "%%%"}},
	} {
		_, err := s.Articles(bg, f)
		wantErr(t, q("Articles(%+v)", f), err, store.ErrInvalidInput)
	}
}

func testArticlesByIDs(t *testing.T, s store.Store, fx *Fixture) {
	got, err := s.ArticlesByIDs(bg, []string{fx.ID("a4"), "missing", fx.ID("a1")})
	noErr(t, "ArticlesByIDs", err)
	equal(t, "ArticlesByIDs(a4, missing, a1)", got,
		[]schema.Article{fx.Articles["a4"], fx.Articles["a1"]})
	_, err = s.ArticlesByIDs(bg, []string{""})
	wantErr(t, `ArticlesByIDs("")`, err, store.ErrInvalidInput)
}

func testArticleEntities(t *testing.T, s store.Store, fx *Fixture) {
	got, err := s.ArticleEntities(bg, fx.ID("a3"))
	noErr(t, "ArticleEntities(a3)", err)
	fx.sameIDs(t, "ArticleEntities(a3)", entityIDs(got), "est", "hat", "ost", "ostp", "bra")
	_, err = s.ArticleEntities(bg, "no-such-article")
	wantErr(t, "ArticleEntities(unknown)", err, store.ErrNotFound)
}
