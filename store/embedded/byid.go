package embedded

import (
	"context"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Relation returns the relation with the given id, with its evidence.
func (s *Store) Relation(ctx context.Context, id string) (schema.Relation, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Relation{}, fmt.Errorf("embedded.Relation: %w", err)
	}
	if err := s.rlock(ctx, "Relation"); err != nil {
		return schema.Relation{}, err
	}
	defer s.mu.RUnlock()
	r, ok := s.st.relations[id]
	if !ok {
		return schema.Relation{}, fmt.Errorf("embedded.Relation %s: %w", id, store.ErrNotFound)
	}
	return store.CloneRelation(r), nil
}

// ArticlesByIDs returns the articles with the given ids that exist, in the
// order asked.
func (s *Store) ArticlesByIDs(ctx context.Context, ids []string) ([]schema.Article, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("embedded.ArticlesByIDs: %w", err)
	}
	if err := s.rlock(ctx, "ArticlesByIDs"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := []schema.Article{}
	for _, id := range ids {
		if a, ok := s.st.articles[id]; ok {
			out = append(out, a)
		}
	}
	return out, nil
}

// ArticleEntities returns every entity the article id mentions, by folded
// name then id. An unknown article is ErrNotFound.
func (s *Store) ArticleEntities(ctx context.Context, id string) ([]schema.Entity, error) {
	if err := store.CheckID("id", id); err != nil {
		return nil, fmt.Errorf("embedded.ArticleEntities: %w", err)
	}
	if err := s.rlock(ctx, "ArticleEntities"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	if _, ok := s.st.articles[id]; !ok {
		return nil, fmt.Errorf("embedded.ArticleEntities %s: %w", id, store.ErrNotFound)
	}
	out := []schema.Entity{}
	for eid := range s.st.mentions[id] {
		out = append(out, store.CloneEntity(s.st.entities[eid]))
	}
	slices.SortFunc(out, store.CompareEntities)
	return out, nil
}
