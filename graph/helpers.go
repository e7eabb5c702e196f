package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// deref returns *p, or the zero value for nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// page builds a store page from the first/after arguments.
func page(first *int, after *string) store.Page {
	return store.Page{First: deref(first), After: deref(after)}
}

// pageInfo builds the Relay page info.
func pageInfo(hasNext bool, end string) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext}
	if end != "" {
		pi.EndCursor = &end
	}
	return pi
}

// relationConnection turns a store page into a Relay connection.
func relationConnection(p store.RelationPage) *model.RelationConnection {
	c := &model.RelationConnection{
		Edges:      make([]model.RelationEdge, len(p.Relations)),
		PageInfo:   pageInfo(p.HasNext, p.EndCursor),
		TotalCount: p.Total,
	}
	for i := range p.Relations {
		c.Edges[i] = model.RelationEdge{Cursor: store.RelationCursor(p.Relations[i]),
			Node: &p.Relations[i]}
	}
	return c
}

// articleConnection turns a store page into a Relay connection.
func articleConnection(p store.ArticlePage) *model.ArticleConnection {
	c := &model.ArticleConnection{
		Edges:      make([]model.ArticleEdge, len(p.Articles)),
		PageInfo:   pageInfo(p.HasNext, p.EndCursor),
		TotalCount: p.Total,
	}
	for i := range p.Articles {
		c.Edges[i] = model.ArticleEdge{Cursor: store.ArticleCursor(p.Articles[i]),
			Node: &p.Articles[i]}
	}
	return c
}

// entityRelations serves Entity.relations for every entity type.
func (r *Resolver) entityRelations(ctx context.Context, id string, types []schema.RelationType,
	dir *model.Direction, since, until *string, first *int, after *string,
	order *model.RelationOrder,
) (*model.RelationConnection, error) {
	f := store.RelationFilter{
		Types: types, Direction: store.Direction(deref(dir)),
		Since: deref(since), Until: deref(until), Order: store.Order(deref(order)),
		Page: page(first, after),
	}
	p, err := loadRelations(ctx, r.Store, id, false, f)
	if err != nil {
		return nil, fmt.Errorf("relations of %s: %w", id, err)
	}
	return relationConnection(p), nil
}

// entityMentions serves Entity.mentions for every entity type.
func (r *Resolver) entityMentions(ctx context.Context, id string, first *int, after *string,
) (*model.ArticleConnection, error) {
	p, err := loadMentions(ctx, r.Store, id, store.ArticleFilter{Page: page(first, after)})
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", id, err)
	}
	return articleConnection(p), nil
}

// ends returns the entities at one end of an entity's relations of one type:
// the targets for OUT, the sources for IN.
func (r *Resolver) ends(ctx context.Context, id string, t schema.RelationType, dir store.Direction,
) ([]schema.Relation, []model.Entity, error) {
	f := store.RelationFilter{
		Types: []schema.RelationType{t}, Direction: dir, Page: store.Page{First: store.MaxFirst},
	}
	p, err := loadRelations(ctx, r.Store, id, false, f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s of %s: %w", t, id, err)
	}
	ids := make([]string, len(p.Relations))
	for i, rel := range p.Relations {
		ids[i] = rel.Target
		if dir == store.In {
			ids[i] = rel.Source
		}
	}
	es, err := loadEntities(ctx, r.Store, ids)
	if err != nil {
		return nil, nil, err
	}
	return p.Relations, es, nil
}

// nullIfNotFound turns ErrNotFound into a null answer for nullable fields.
func nullIfNotFound[T any](v T, err error) (T, error) {
	var zero T
	if errors.Is(err, store.ErrNotFound) {
		return zero, nil
	}
	return v, err
}

// nullable is s, or nil for the empty string: an unknown value is null in
// the API, never "".
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
