package graph

import (
	"context"
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// The root fields below read what their selection asks in one store call
// (see plan.go) and keep it for the resolvers under them.

// search serves Query.search.
func (r *Resolver) search(ctx context.Context, q store.SearchQuery) ([]model.Entity, error) {
	p, sel, _ := plannerFor(ctx)
	hits, f, err := r.fetcher().FetchSearch(ctx, q, *p.entity(sel))
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	keep(ctx, f)
	out := make([]model.Entity, len(hits))
	for i, h := range hits {
		out[i] = model.FromEntity(h.Entity)
	}
	return out, nil
}

// entities serves Query.entities.
func (r *Resolver) entities(ctx context.Context, ef store.EntityFilter) (store.EntityPage, error) {
	p, sel, _ := plannerFor(ctx)
	page, f, err := r.fetcher().FetchEntities(ctx, ef, *p.entity(nodeOf(p, sel)))
	if err != nil {
		return page, fmt.Errorf("entities: %w", err)
	}
	keep(ctx, f)
	return page, nil
}

// relations serves Query.relations.
func (r *Resolver) relations(ctx context.Context, rf store.RelationFilter,
) (store.RelationPage, error) {
	p, sel, _ := plannerFor(ctx)
	page, f, err := r.fetcher().FetchRelations(ctx, rf, p.relation(nodeOf(p, sel)))
	if err != nil {
		return page, fmt.Errorf("relations: %w", err)
	}
	keep(ctx, f)
	return page, nil
}

// articles serves Query.articles.
func (r *Resolver) articles(ctx context.Context, af store.ArticleFilter,
) (store.ArticlePage, error) {
	p, sel, _ := plannerFor(ctx)
	page, f, err := r.fetcher().FetchArticles(ctx, af, *p.article(nodeOf(p, sel)))
	if err != nil {
		return page, fmt.Errorf("articles: %w", err)
	}
	keep(ctx, f)
	return page, nil
}

// expandSubgraph reads what the selection of a subgraph or of paths asks
// below its nodes and relations.
func (r *Resolver) expandSubgraph(ctx context.Context, es []schema.Entity,
	rels []schema.Relation,
) error {
	p, sel, ok := plannerFor(ctx)
	if !ok {
		return nil
	}
	types := []string{"Subgraph", "Path"}
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	if err := r.expandEntities(ctx, p, subField(p, sel, types, "nodes"), ids); err != nil {
		return err
	}
	return r.expandRelations(ctx, rels, func(p planner, sel ast.SelectionSet,
	) ast.SelectionSet {
		return subField(p, sel, types, "relations")
	})
}

// nodeOf returns the selection of the nodes of a connection selected by
// sel.
func nodeOf(p planner, sel ast.SelectionSet) ast.SelectionSet {
	_, node := p.connection(sel)
	return node
}
