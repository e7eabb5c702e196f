package neo4jstore

import (
	"context"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
)

// write runs work in a managed write transaction, which the driver retries
// on transient failures such as a deadlock between two writers.
func (s *Store) write(ctx context.Context, work func(tx neo4j.ManagedTransaction) error) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(tx)
	})
	return mapErr(err)
}

// exec runs stmt with $rows bound to each chunk of rows in turn.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, rows []any) error {
	for start := 0; start < len(rows); start += chunk {
		res, err := tx.Run(ctx, stmt, map[string]any{"rows": rows[start:min(start+chunk, len(rows))]})
		if err != nil {
			return err
		}
		if _, err := res.Consume(ctx); err != nil {
			return err
		}
	}
	return nil
}

// run runs one statement with params and consumes its result.
func run(ctx context.Context, tx neo4j.ManagedTransaction, stmt string, params map[string]any,
) error {
	res, err := tx.Run(ctx, stmt, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// collect runs query over rows as exec does and returns the value of the
// column key of each record, decoded, by its id property.
func collect[T any](ctx context.Context, tx neo4j.ManagedTransaction, query string, rows []any,
	key string, decode func(any) T,
) (map[string]T, error) {
	out := map[string]T{}
	for start := 0; start < len(rows); start += chunk {
		res, err := tx.Run(ctx, query, map[string]any{"rows": rows[start:min(start+chunk, len(rows))]})
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		for _, rec := range recs {
			v, _ := rec.Get(key)
			out[str(asMap(v), "id")] = decode(v)
		}
	}
	return out, nil
}

// sortedUnion returns the ids of entities and the extra ids, sorted, once
// each: the order in which writers lock entity nodes.
func sortedUnion(entities []schema.Entity, extra []string) []string {
	set := map[string]bool{}
	for _, e := range entities {
		set[e.ID] = true
	}
	for _, id := range extra {
		set[id] = true
	}
	return slices.Sorted(maps.Keys(set))
}
