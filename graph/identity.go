package graph

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// identity serves Entity.identity for every entity type: the entity's key,
// its decisions as the store keeps them and a one-sentence reason.
func (r *Resolver) identity(ctx context.Context, e schema.Entity) (*model.Identity, error) {
	notes, err := r.Store.Identity(ctx, e.ID)
	if err != nil {
		return nil, fmt.Errorf("identity of %s: %w", e.ID, err)
	}
	p, err := loadMentions(ctx, r.Store, e.ID, store.ArticleFilter{Page: store.Page{First: 1}})
	if err != nil {
		return nil, fmt.Errorf("identity of %s: %w", e.ID, err)
	}
	return &model.Identity{Key: e.Key, Reason: store.IdentityReason(e, p.Total, notes),
		MatchedOn: notes}, nil
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
