package graph

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// identity serves Entity.identity for every entity type: the entity's key,
// how many decisions it has and a one-sentence reason.
func (r *Resolver) identity(ctx context.Context, e schema.Entity) (*model.Identity, error) {
	p, err := r.Store.Identity(ctx, e.ID, 1)
	if err != nil {
		return nil, fmt.Errorf("identity of %s: %w", e.ID, err)
	}
	m, err := loadMentions(ctx, r.Store, e.ID, store.ArticleFilter{Page: store.Page{First: 1}})
	if err != nil {
		return nil, fmt.Errorf("identity of %s: %w", e.ID, err)
	}
	return &model.Identity{EntityID: e.ID, Key: e.Key, Decisions: p.Total,
		Reason: store.IdentityReason(e, m.Total, p)}, nil
}

// matchedOn serves Identity.matchedOn: the first decisions.
func (r *Resolver) matchedOn(ctx context.Context, id string, first *int,
) ([]schema.IdentityMatch, error) {
	p, err := r.Store.Identity(ctx, id, deref(first))
	if err != nil {
		return nil, fmt.Errorf("identity of %s: %w", id, err)
	}
	return p.Notes, nil
}

// mergeEntities runs a curator's merge (store.Curator.MergeEntities).
func (r *Resolver) mergeEntities(ctx context.Context, ids []string) (model.Entity, error) {
	if err := authorize(ctx); err != nil {
		return nil, err
	}
	e, err := r.Store.MergeEntities(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("mergeEntities: %w", err)
	}
	return model.FromEntity(e), nil
}

// splitEntity runs a curator's split (store.Curator.SplitEntity).
func (r *Resolver) splitEntity(ctx context.Context, id string, articles []string,
) (model.Entity, error) {
	if err := authorize(ctx); err != nil {
		return nil, err
	}
	e, err := r.Store.SplitEntity(ctx, id, articles)
	if err != nil {
		return nil, fmt.Errorf("splitEntity %s: %w", id, err)
	}
	return model.FromEntity(e), nil
}
