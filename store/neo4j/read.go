package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// The read queries of one record, or of a few by id.
const (
	entityByID    = "MATCH (e:Entity {id: $id}) RETURN e {.*} AS e"
	entitiesByIDs = "MATCH (e:Entity) WHERE e.id IN $ids RETURN e {.*} AS e"
	articleByID   = "MATCH (a:Article {id: $id}) RETURN a {.*} AS a"
	articlesByIDs = "MATCH (a:Article) WHERE a.id IN $ids RETURN a {.*} AS a"
	mentionedBy   = `MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:MENTIONS]->(e:Entity)
WITH a, e ORDER BY e.fold, e.id
RETURN a.id AS article, collect(e {.*}) AS es`
)

// Entity returns the entity with the given id.
func (s *Store) Entity(ctx context.Context, id string) (schema.Entity, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Entity{}, fmt.Errorf("neo4j.Entity: %w", err)
	}
	recs, err := s.read(ctx, entityByID, map[string]any{"id": id})
	if err != nil {
		return schema.Entity{}, fmt.Errorf("neo4j.Entity %s: %w", id, err)
	}
	if len(recs) == 0 {
		return schema.Entity{}, fmt.Errorf("neo4j.Entity %s: %w", id, store.ErrNotFound)
	}
	return toEntity(get(recs[0], "e")), nil
}

// EntitiesByIDs returns the entities with the given ids that exist, in the
// order asked.
func (s *Store) EntitiesByIDs(ctx context.Context, ids []string) ([]schema.Entity, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("neo4j.EntitiesByIDs: %w", err)
	}
	recs, err := s.read(ctx, entitiesByIDs, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("neo4j.EntitiesByIDs: %w", err)
	}
	return inOrder(ids, recs, "e", toEntity), nil
}

// Article returns the article with the given id.
func (s *Store) Article(ctx context.Context, id string) (schema.Article, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Article{}, fmt.Errorf("neo4j.Article: %w", err)
	}
	recs, err := s.read(ctx, articleByID, map[string]any{"id": id})
	if err != nil {
		return schema.Article{}, fmt.Errorf("neo4j.Article %s: %w", id, err)
	}
	if len(recs) == 0 {
		return schema.Article{}, fmt.Errorf("neo4j.Article %s: %w", id, store.ErrNotFound)
	}
	return toArticle(get(recs[0], "a")), nil
}

// ArticlesByIDs returns the articles with the given ids that exist, in the
// order asked.
func (s *Store) ArticlesByIDs(ctx context.Context, ids []string) ([]schema.Article, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("neo4j.ArticlesByIDs: %w", err)
	}
	recs, err := s.read(ctx, articlesByIDs, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("neo4j.ArticlesByIDs: %w", err)
	}
	return inOrder(ids, recs, "a", toArticle), nil
}

// ArticleEntities returns every entity the article id mentions, by folded
// name then id. An unknown article is ErrNotFound.
func (s *Store) ArticleEntities(ctx context.Context, id string) ([]schema.Entity, error) {
	if err := store.CheckID("id", id); err != nil {
		return nil, fmt.Errorf("neo4j.ArticleEntities: %w", err)
	}
	recs, err := s.read(ctx, mentionedBy, map[string]any{"id": id})
	if err != nil {
		return nil, fmt.Errorf("neo4j.ArticleEntities %s: %w", id, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("neo4j.ArticleEntities %s: %w", id, store.ErrNotFound)
	}
	out := []schema.Entity{}
	for _, v := range list(map[string]any{"es": get(recs[0], "es")}, "es") {
		out = append(out, toEntity(v))
	}
	return out, nil
}

// Relation returns the relation with the given id, with its evidence.
func (s *Store) Relation(ctx context.Context, id string) (schema.Relation, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Relation{}, fmt.Errorf("neo4j.Relation: %w", err)
	}
	recs, err := s.read(ctx, relationByID, map[string]any{"id": id})
	if err != nil {
		return schema.Relation{}, fmt.Errorf("neo4j.Relation %s: %w", id, err)
	}
	if len(recs) == 0 {
		return schema.Relation{}, fmt.Errorf("neo4j.Relation %s: %w", id, store.ErrNotFound)
	}
	return toRelation(get(recs[0], "r")), nil
}

// get returns the value of the column key of rec, or nil.
func get(rec *neo4j.Record, key string) any {
	v, _ := rec.Get(key)
	return v
}

// inOrder decodes the column key of recs, records with an id property, and
// returns them in the order of ids, repeating those asked twice (decoded
// anew, so they share nothing) and skipping those not found.
func inOrder[T any](ids []string, recs []*neo4j.Record, key string, decode func(any) T) []T {
	byID := map[string]any{}
	for _, rec := range recs {
		v := get(rec, key)
		byID[str(asMap(v), "id")] = v
	}
	out := []T{}
	for _, id := range ids {
		if v, ok := byID[id]; ok {
			out = append(out, decode(v))
		}
	}
	return out
}
