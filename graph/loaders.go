package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// loaders batches the lookups of one GraphQL operation, so that resolving
// the two ends of a hundred relations costs one store round trip, not two
// hundred, and so do the relations, mentions, offices, places,
// participants and signatories of a hundred entities: an operation costs a
// number of round trips bounded by its depth, not by its results.
type loaders struct {
	progress  *progress
	entities  *batcher[string, schema.Entity]
	articles  *batcher[string, schema.Article]
	relations *batcher[listKey, store.RelationPage]
	mentions  *batcher[listKey, store.ArticlePage]
}

const loadersKey ctxKey = iota

// newLoaders returns loaders reading from s that fetch once the operation
// has stood still for wait.
func newLoaders(s Store, wait time.Duration) *loaders {
	p := &progress{wait: wait}
	return &loaders{
		progress: p,
		entities: newBatcher(p, store.MaxBatch, byID(s.EntitiesByIDs,
			func(e schema.Entity) string { return e.ID })),
		articles: newBatcher(p, store.MaxBatch, byID(s.ArticlesByIDs,
			func(a schema.Article) string { return a.ID })),
		relations: newBatcher(p, store.MaxBatch, byFilter(s.RelationsOfEntities)),
		mentions:  newBatcher(p, store.MaxBatch, byFilter(s.ArticlesOfEntities)),
	}
}

// byID returns the fetch function of a loader of records by id from get, a
// store method that returns those of ids that exist; a missing record is
// store.ErrNotFound.
func byID[T any](get func(ctx context.Context, ids []string) ([]T, error), id func(T) string,
) func(ctx context.Context, ids []string) ([]T, []error) {
	return func(ctx context.Context, ids []string) ([]T, []error) {
		found, err := get(ctx, ids)
		vals, errs := make([]T, len(ids)), make([]error, len(ids))
		m := make(map[string]T, len(found))
		for _, v := range found {
			m[id(v)] = v
		}
		for i, k := range ids {
			v, ok := m[k]
			switch {
			case err != nil:
				errs[i] = err
			case !ok:
				errs[i] = store.ErrNotFound
			}
			vals[i] = v
		}
		return vals, errs
	}
}

// WithLoaders returns a gqlgen operation interceptor that gives each query
// and mutation its own loaders, which fetch once the operation has stood
// still for wait (0: DefaultBatchWait); add it with
// handler.Server.AroundOperations, and countFields with AroundFields. A
// subscription lives long, so it gets none and each event loads afresh.
func (r *Resolver) WithLoaders(wait time.Duration) graphql.OperationMiddleware {
	if wait <= 0 {
		wait = DefaultBatchWait
	}
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		if op.Operation != nil && op.Operation.Operation == ast.Subscription {
			return next(ctx)
		}
		return next(context.WithValue(ctx, loadersKey, newLoaders(r.Store, wait)))
	}
}

// countFields is a gqlgen field interceptor that counts the start and the
// end of every field resolved as steps of the operation's progress, for
// its loaders to tell when it has stopped moving; add it with
// handler.Server.AroundFields.
func countFields(ctx context.Context, next graphql.Resolver) (any, error) {
	l, ok := ctx.Value(loadersKey).(*loaders)
	if ok {
		l.progress.step()
	}
	res, err := next(ctx)
	if ok {
		l.progress.step()
	}
	return res, err
}

// loadersFor returns the operation's loaders, or fresh ones outside an
// operation.
func loadersFor(ctx context.Context, s Store) *loaders {
	if l, ok := ctx.Value(loadersKey).(*loaders); ok {
		return l
	}
	return newLoaders(s, DefaultBatchWait)
}

// loadEntity returns one entity through the operation's loader.
func loadEntity(ctx context.Context, s Store, id string) (model.Entity, error) {
	e, err := loadersFor(ctx, s).entities.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	return model.FromEntity(e), nil
}

// loadEntities returns entities through the operation's loader, skipping
// none: a missing one is an error.
func loadEntities(ctx context.Context, s Store, ids []string) ([]model.Entity, error) {
	es, err := loadersFor(ctx, s).entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return model.FromEntities(es), nil
}

// loadArticle returns one article through the operation's loader.
func loadArticle(ctx context.Context, s Store, id string) (*schema.Article, error) {
	a, err := loadersFor(ctx, s).articles.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return &a, nil
}
