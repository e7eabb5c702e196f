package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// scanEntitiesQuery streams the entities of a type and folded name prefix.
const scanEntitiesQuery = `MATCH (e:Entity) WHERE ($type = '' OR e.type = $type)
  AND e.fold STARTS WITH $prefix
RETURN e {.*} AS v`

// ScanEntities calls fn with every entity f selects, streaming the records
// of one auto-commit read as fn takes them.
func (s *Store) ScanEntities(ctx context.Context, f store.EntityFilter,
	fn func(schema.Entity) error,
) error {
	f.Page = store.Page{}
	f, _, err := f.Normalize()
	if err != nil {
		return fmt.Errorf("neo4j.ScanEntities: %w", err)
	}
	params := map[string]any{"type": string(f.Type), "prefix": f.NameStartsWith}
	err = s.stream(ctx, scanEntitiesQuery, params, func(v any) error { return fn(toEntity(v)) })
	if err != nil {
		return fmt.Errorf("neo4j.ScanEntities: %w", err)
	}
	return nil
}

// ScanRelations calls fn with every relation matching f, streamed as
// ScanEntities streams entities; the query is that of Relations without
// its ordering and page.
func (s *Store) ScanRelations(ctx context.Context, f store.RelationFilter,
	fn func(schema.Relation) error,
) error {
	f.Page = store.Page{}
	f, _, err := f.Normalize()
	if err != nil {
		return fmt.Errorf("neo4j.ScanRelations: %w", err)
	}
	query, params, err := scanRelationsQuery(f)
	if err != nil {
		return fmt.Errorf("neo4j.ScanRelations: %w", err)
	}
	err = s.stream(ctx, query, params, func(v any) error { return fn(toRelation(v)) })
	if err != nil {
		return fmt.Errorf("neo4j.ScanRelations: %w", err)
	}
	return nil
}

// stream runs a read query in an auto-commit transaction and hands the
// column v of each record to fn as the driver fetches it, so that memory
// holds one fetch batch, not the whole result.
func (s *Store) stream(ctx context.Context, query string, params map[string]any,
	fn func(any) error,
) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, query, params)
	if err != nil {
		return mapErr(err)
	}
	for res.Next(ctx) {
		v, _ := res.Record().Get("v")
		if err := fn(v); err != nil {
			return err
		}
	}
	return mapErr(res.Err())
}
