package graph

import (
	"context"
	"fmt"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// prefetched holds, for one operation, what its root fields read ahead
// with their plans. The resolvers below a root field look here first and
// ask the store only for what is missing, which a plan leaves out only
// where it cannot say what is wanted.
type prefetched struct {
	mu sync.Mutex
	f  store.Fetched
}

const prefetchKey ctxKey = iota

// WithPrefetch returns a gqlgen operation interceptor that gives each query
// and mutation the place where its root fields keep what they read ahead;
// add it with handler.Server.AroundOperations. A subscription lives long,
// so it gets none and each event reads afresh.
func (r *Resolver) WithPrefetch() graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		op := graphql.GetOperationContext(ctx)
		if op.Operation != nil && op.Operation.Operation == ast.Subscription {
			return next(ctx)
		}
		return next(context.WithValue(ctx, prefetchKey, &prefetched{f: store.NewFetched()}))
	}
}

// keep adds what a root field read to the operation's store.
func keep(ctx context.Context, f store.Fetched) {
	p, ok := ctx.Value(prefetchKey).(*prefetched)
	if !ok || f.Entities == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.f.Merge(f)
}

// lookup calls fn with the operation's store under its lock, if there is
// one.
func lookup(ctx context.Context, fn func(f store.Fetched)) {
	if p, ok := ctx.Value(prefetchKey).(*prefetched); ok {
		p.mu.Lock()
		defer p.mu.Unlock()
		fn(p.f)
	}
}

// fetcher returns the Fetcher of the resolver's store.
func (r *Resolver) fetcher() store.Fetcher { return store.FetcherOf(r.Store) }

// expandRelations reads what the selection of the field being resolved
// asks below rels, relations the field returns (node is the path from the
// field's selection to the relations' own: none for a list of relations).
func (r *Resolver) expandRelations(ctx context.Context, rels []schema.Relation,
	sub func(p planner, sel ast.SelectionSet) ast.SelectionSet,
) error {
	p, sel, ok := plannerFor(ctx)
	if !ok || len(rels) == 0 {
		return nil
	}
	if sub != nil {
		sel = sub(p, sel)
	}
	plan := p.relation(sel)
	var sources, targets, articles []string
	for _, rel := range rels {
		sources, targets = append(sources, rel.Source), append(targets, rel.Target)
		for _, ev := range rel.Evidence {
			articles = append(articles, ev.Article)
		}
	}
	for _, w := range []store.Want{
		{Entities: sources, Entity: plan.Source},
		{Entities: targets, Entity: plan.Target},
		{Articles: articles, Article: plan.Articles},
	} {
		if w.Entity == nil && w.Article == nil {
			continue
		}
		f, err := r.fetcher().Expand(ctx, w)
		if err != nil {
			return err
		}
		keep(ctx, f)
	}
	return nil
}

// expandEntities reads what the selection sel asks below the entities ids.
func (r *Resolver) expandEntities(ctx context.Context, p planner, sel ast.SelectionSet,
	ids []string,
) error {
	plan := p.entity(sel)
	if plan.Empty() || len(ids) == 0 {
		return nil
	}
	f, err := r.fetcher().Expand(ctx, store.Want{Entities: ids, Entity: plan})
	keep(ctx, f)
	return err
}

// subField returns the selections of the fields called name in sel, whose
// type conditions are types.
func subField(p planner, sel ast.SelectionSet, types []string, name string) ast.SelectionSet {
	var out ast.SelectionSet
	for _, f := range p.fields(sel, types) {
		if f.Name == name {
			out = append(out, f.Selections...)
		}
	}
	return out
}

// loadEntity returns an entity read ahead, or asks the store.
func loadEntity(ctx context.Context, s Store, id string) (model.Entity, error) {
	es, err := loadEntities(ctx, s, []string{id})
	if err != nil {
		return nil, err
	}
	return es[0], nil
}

// loadEntities returns entities read ahead, asking the store for the rest
// in one call; a missing one is an error.
func loadEntities(ctx context.Context, s Store, ids []string) ([]model.Entity, error) {
	// Most calls ask for one entity read ahead: no map, few allocations.
	got := make([]schema.Entity, len(ids))
	var missing []string
	lookup(ctx, func(f store.Fetched) {
		for i, id := range ids {
			got[i] = f.Entities[id]
		}
	})
	for i, id := range ids {
		if got[i].ID == "" {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		es, err := s.EntitiesByIDs(ctx, missing)
		if err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		byID := make(map[string]int, len(es))
		for j, e := range es {
			byID[e.ID] = j
		}
		for i, id := range ids {
			if j, ok := byID[id]; ok && got[i].ID == "" {
				got[i] = es[j]
			}
		}
	}
	out := make([]model.Entity, len(ids))
	for i, id := range ids {
		if got[i].ID == "" {
			return nil, fmt.Errorf("entity %s: %w", id, store.ErrNotFound)
		}
		out[i] = model.FromEntity(store.CloneEntity(got[i]))
	}
	return out, nil
}

// loadArticle returns an article read ahead, or asks the store.
func loadArticle(ctx context.Context, s Store, id string) (*schema.Article, error) {
	var (
		a  schema.Article
		ok bool
	)
	lookup(ctx, func(f store.Fetched) { a, ok = f.Articles[id] })
	if !ok {
		var err error
		if a, err = s.Article(ctx, id); err != nil {
			return nil, fmt.Errorf("article %s: %w", id, err)
		}
	}
	return &a, nil
}

// loadRelations returns the relations of the entity (or, for ofArticle,
// the article) owner that f selects, read ahead or asked of the store.
func loadRelations(ctx context.Context, s Store, owner string, ofArticle bool,
	f store.RelationFilter,
) (store.RelationPage, error) {
	k, err := store.RelationsKey(owner, ofArticle, f)
	if err == nil {
		var (
			p  store.RelationPage
			ok bool
		)
		lookup(ctx, func(fe store.Fetched) { p, ok = fe.Relations[k] })
		if ok {
			return p, nil
		}
	}
	if ofArticle {
		f.Entity, f.Article = "", owner
	} else {
		f.Entity = owner
	}
	return s.Relations(ctx, f)
}

// loadMentions returns the articles mentioning the entity id that f
// selects, read ahead or asked of the store.
func loadMentions(ctx context.Context, s Store, id string, f store.ArticleFilter,
) (store.ArticlePage, error) {
	k, err := store.MentionsKey(id, f)
	if err == nil {
		var (
			p  store.ArticlePage
			ok bool
		)
		lookup(ctx, func(fe store.Fetched) { p, ok = fe.Mentions[k] })
		if ok {
			return p, nil
		}
	}
	f.Entity = id
	return s.Articles(ctx, f)
}

// loadArticleEntities returns the entities an article mentions, read ahead
// or asked of the store.
func loadArticleEntities(ctx context.Context, s Store, id string) ([]model.Entity, error) {
	var (
		ids []string
		ok  bool
	)
	lookup(ctx, func(f store.Fetched) { ids, ok = f.ArticleEntities[id] })
	if ok {
		return loadEntities(ctx, s, ids)
	}
	es, err := s.ArticleEntities(ctx, id)
	if err != nil {
		return nil, err
	}
	return model.FromEntities(es), nil
}
