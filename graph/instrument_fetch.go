package graph

import (
	"context"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// The instrumented store is a store.Fetcher too: each fetch is measured as
// one call and served by the wrapped store's own Fetcher (see
// store.FetcherOf), so a store that compiles plans keeps doing so.

var _ store.Fetcher = (*instrumented)(nil)

// fetched pairs what a fetch returns, for call.
type fetched[T any] struct {
	v T
	f store.Fetched
}

func measure[T any](sm *storeMetrics, method string,
	fn func() (T, store.Fetched, error),
) (T, store.Fetched, error) {
	r, err := call(sm, method, func() (fetched[T], error) {
		v, f, err := fn()
		return fetched[T]{v, f}, err
	})
	return r.v, r.f, err
}

func (s *instrumented) FetchEntity(ctx context.Context, by store.EntityLookup, p store.EntityPlan,
) (schema.Entity, store.Fetched, error) {
	return measure(s.m, "FetchEntity", func() (schema.Entity, store.Fetched, error) {
		return store.FetcherOf(s.st).FetchEntity(ctx, by, p)
	})
}

func (s *instrumented) FetchSearch(ctx context.Context, q store.SearchQuery, p store.EntityPlan,
) ([]store.Hit, store.Fetched, error) {
	return measure(s.m, "FetchSearch", func() ([]store.Hit, store.Fetched, error) {
		return store.FetcherOf(s.st).FetchSearch(ctx, q, p)
	})
}

func (s *instrumented) FetchEntities(ctx context.Context, f store.EntityFilter,
	p store.EntityPlan,
) (store.EntityPage, store.Fetched, error) {
	return measure(s.m, "FetchEntities", func() (store.EntityPage, store.Fetched, error) {
		return store.FetcherOf(s.st).FetchEntities(ctx, f, p)
	})
}

func (s *instrumented) FetchRelations(ctx context.Context, f store.RelationFilter,
	p store.RelationPlan,
) (store.RelationPage, store.Fetched, error) {
	return measure(s.m, "FetchRelations", func() (store.RelationPage, store.Fetched, error) {
		return store.FetcherOf(s.st).FetchRelations(ctx, f, p)
	})
}

func (s *instrumented) FetchArticles(ctx context.Context, f store.ArticleFilter,
	p store.ArticlePlan,
) (store.ArticlePage, store.Fetched, error) {
	return measure(s.m, "FetchArticles", func() (store.ArticlePage, store.Fetched, error) {
		return store.FetcherOf(s.st).FetchArticles(ctx, f, p)
	})
}

func (s *instrumented) Expand(ctx context.Context, w store.Want) (store.Fetched, error) {
	return call(s.m, "Expand", func() (store.Fetched, error) {
		return store.FetcherOf(s.st).Expand(ctx, w)
	})
}
