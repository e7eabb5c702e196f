package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// loaders batches the lookups of one GraphQL operation, so that resolving
// the two ends of a hundred relations costs one store round trip, not two
// hundred.
type loaders struct {
	entities *dataloadgen.Loader[string, schema.Entity]
	articles *dataloadgen.Loader[string, schema.Article]
}

const loadersKey ctxKey = iota

// newLoaders returns loaders reading from s.
func newLoaders(s Store) *loaders {
	wait := dataloadgen.WithWait(time.Millisecond)
	return &loaders{
		entities: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string,
		) (map[string]schema.Entity, error) {
			es, err := s.EntitiesByIDs(ctx, ids)
			if err != nil {
				return nil, err
			}
			m := make(map[string]schema.Entity, len(es))
			for _, e := range es {
				m[e.ID] = e
			}
			return m, nil
		}, wait, dataloadgen.WithBatchCapacity(store.MaxFirst*10)),
		articles: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string,
		) (map[string]schema.Article, error) {
			as, err := s.ArticlesByIDs(ctx, ids)
			if err != nil {
				return nil, err
			}
			m := make(map[string]schema.Article, len(as))
			for _, a := range as {
				m[a.ID] = a
			}
			return m, nil
		}, wait, dataloadgen.WithBatchCapacity(store.MaxFirst*10)),
	}
}

// WithLoaders is a gqlgen operation interceptor that gives each query and
// mutation its own loaders; add it with handler.Server.AroundOperations.
// A subscription lives long, so it gets none and each event loads afresh.
func (r *Resolver) WithLoaders(ctx context.Context, next graphql.OperationHandler,
) graphql.ResponseHandler {
	op := graphql.GetOperationContext(ctx)
	if op.Operation != nil && op.Operation.Operation == ast.Subscription {
		return next(ctx)
	}
	return next(context.WithValue(ctx, loadersKey, newLoaders(r.Store)))
}

// loadersFor returns the operation's loaders, or fresh ones outside an
// operation.
func loadersFor(ctx context.Context, s Store) *loaders {
	if l, ok := ctx.Value(loadersKey).(*loaders); ok {
		return l
	}
	return newLoaders(s)
}

// loadEntity returns one entity through the operation's loader.
func loadEntity(ctx context.Context, s Store, id string) (model.Entity, error) {
	e, err := loadersFor(ctx, s).entities.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, missing(err))
	}
	return model.FromEntity(e), nil
}

// loadEntities returns entities through the operation's loader, skipping
// none: a missing one is an error.
func loadEntities(ctx context.Context, s Store, ids []string) ([]model.Entity, error) {
	es, err := loadersFor(ctx, s).entities.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", missing(err))
	}
	return model.FromEntities(es), nil
}

// loadArticle returns one article through the operation's loader.
func loadArticle(ctx context.Context, s Store, id string) (*schema.Article, error) {
	a, err := loadersFor(ctx, s).articles.Load(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, missing(err))
	}
	return &a, nil
}

// missing maps the loader's "key not found" to store.ErrNotFound.
func missing(err error) error {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return store.ErrNotFound
	}
	return err
}
