package embedded

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// scanChunk is how many items a scan copies under one hold of the lock.
const scanChunk = 512

// ScanEntities calls fn with every entity f selects, by id. It reads the
// ids under the lock, then copies the entities a chunk at a time, so fn
// runs unlocked; an entity deleted meanwhile is skipped.
func (s *Store) ScanEntities(ctx context.Context, f store.EntityFilter,
	fn func(schema.Entity) error,
) error {
	f.Page = store.Page{}
	f, _, err := f.Normalize()
	if err != nil {
		return fmt.Errorf("embedded.ScanEntities: %w", err)
	}
	if err := s.rlock(ctx, "ScanEntities"); err != nil {
		return err
	}
	var ids []string
	for id, e := range s.st.entities {
		if (f.Type == "" || e.Type == f.Type) &&
			strings.HasPrefix(schema.Fold(e.Name), f.NameStartsWith) {
			ids = append(ids, id)
		}
	}
	s.mu.RUnlock()
	slices.Sort(ids)
	return scanChunks(ctx, s, "ScanEntities", ids, func(id string) (schema.Entity, bool) {
		e, ok := s.st.entities[id]
		return store.CloneEntity(e), ok
	}, fn)
}

// ScanRelations calls fn with every relation matching f, by id, copied a
// chunk at a time as ScanEntities does.
func (s *Store) ScanRelations(ctx context.Context, f store.RelationFilter,
	fn func(schema.Relation) error,
) error {
	f.Page = store.Page{}
	f, _, err := f.Normalize()
	if err != nil {
		return fmt.Errorf("embedded.ScanRelations: %w", err)
	}
	if err := s.rlock(ctx, "ScanRelations"); err != nil {
		return err
	}
	m := newMatcher(f)
	var ids []string
	for _, id := range s.candidates(f) {
		if m.match(s.st.relations[id]) {
			ids = append(ids, id)
		}
	}
	s.mu.RUnlock()
	slices.Sort(ids)
	return scanChunks(ctx, s, "ScanRelations", ids, func(id string) (schema.Relation, bool) {
		r, ok := s.st.relations[id]
		return store.CloneRelation(r), ok
	}, fn)
}

// scanChunks copies the items of ids with get, scanChunk of them per hold
// of the read lock, and hands each to fn with the lock released.
func scanChunks[T any](ctx context.Context, s *Store, op string, ids []string,
	get func(string) (T, bool), fn func(T) error,
) error {
	buf := make([]T, 0, scanChunk)
	for start := 0; start < len(ids); start += scanChunk {
		if err := s.rlock(ctx, op); err != nil {
			return err
		}
		buf = buf[:0]
		for _, id := range ids[start:min(start+scanChunk, len(ids))] {
			if v, ok := get(id); ok {
				buf = append(buf, v)
			}
		}
		s.mu.RUnlock()
		for _, v := range buf {
			if err := fn(v); err != nil {
				return err
			}
		}
	}
	return nil
}
