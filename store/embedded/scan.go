package embedded

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// scanChunk is how many items a scan reads in one read transaction.
const scanChunk = 512

// ScanEntities calls fn with every entity f selects, by id. It reads a
// chunk at a time, each after the last id of the one before, so fn runs
// with no transaction open and a write between chunks is seen from the
// next chunk on.
func (s *Store) ScanEntities(ctx context.Context, f store.EntityFilter,
	fn func(schema.Entity) error,
) error {
	f.Page = store.Page{}
	f, _, err := f.Normalize()
	if err != nil {
		return fmt.Errorf("scan entities: %w", err)
	}
	conds, args := entityConds(f)
	return scanChunks(ctx, s, "scan entities", func(q querier, after string) ([]schema.Entity, error) {
		var out []schema.Entity
		err := scanAll(ctx, q, func(rows *sql.Rows) error {
			var doc string
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			e, err := decode[schema.Entity](doc)
			out = append(out, e)
			return err
		}, "SELECT doc FROM entities"+whereClause(append(conds, "id > ?"))+
			" ORDER BY id LIMIT ?", append(args, after, scanChunk)...)
		return out, err
	}, func(e schema.Entity) string { return e.ID }, fn)
}

// ScanRelations calls fn with every relation matching f, by id, read a
// chunk at a time as ScanEntities does.
func (s *Store) ScanRelations(ctx context.Context, f store.RelationFilter,
	fn func(schema.Relation) error,
) error {
	f.Page = store.Page{}
	f, _, err := f.Normalize()
	if err != nil {
		return fmt.Errorf("scan relations: %w", err)
	}
	conds, args, _ := relationConds(f)
	return scanChunks(ctx, s, "scan relations", func(q querier, after string) ([]schema.Relation, error) {
		rs, _, err := loadRelations(ctx, q, "SELECT rid, date, id, doc FROM relations"+
			whereClause(append(conds, "id > ?"))+" ORDER BY id LIMIT ?",
			append(args, after, scanChunk)...)
		return rs, err
	}, func(r schema.Relation) string { return r.ID }, fn)
}

// scanChunks reads chunks with next, each after the id of the last item of
// the one before, until one is short, and hands each item to fn with no
// transaction open.
func scanChunks[T any](ctx context.Context, s *Store, what string,
	next func(q querier, after string) ([]T, error), id func(T) string, fn func(T) error,
) error {
	after := ""
	for {
		var chunk []T
		err := s.read(ctx, what, func(q querier) error {
			var err error
			chunk, err = next(q, after)
			return err
		})
		if err != nil {
			return err
		}
		for _, v := range chunk {
			if err := fn(v); err != nil {
				return err
			}
		}
		if len(chunk) < scanChunk {
			return nil
		}
		after = id(chunk[len(chunk)-1])
	}
}
