package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/store"
)

// Relations lists the relations matching f, with their evidence, in f's
// order (see store.RelationOrder), in one statement compiled as a root
// listing (see compiler.relations): it starts from the most selective
// thing f names — an entity, an end, an article — and orders, pages and
// counts in the database.
func (s *Store) Relations(ctx context.Context, f store.RelationFilter) (store.RelationPage, error) {
	page, _, err := s.fetchRelations(ctx, store.RelationsPlan{Filter: f, Total: true})
	if err != nil {
		return store.RelationPage{}, fmt.Errorf("neo4j.Relations: %w", err)
	}
	return page, nil
}

// RelationsOfEntities returns, for each of ids, the page Relations returns
// for f with Entity set to that id, in one statement; an unknown id has an
// empty page.
func (s *Store) RelationsOfEntities(ctx context.Context, ids []string, f store.RelationFilter,
) ([]store.RelationPage, error) {
	_, _, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("neo4j.RelationsOfEntities: %w", err)
	}
	plan := &store.EntityPlan{Relations: []store.RelationsPlan{{Filter: f, Total: true}}}
	got, err := s.Expand(ctx, store.Want{Entities: ids, Entity: plan})
	if err != nil {
		return nil, fmt.Errorf("neo4j.RelationsOfEntities: %w", err)
	}
	out := make([]store.RelationPage, len(ids))
	for i, id := range ids {
		k, _ := store.RelationsKey(id, false, f)
		p, ok := got.Relations[k]
		if !ok {
			p = store.RelationPage{Relations: []store.Relation{}}
		}
		out[i] = p
	}
	return out, nil
}

// scanRelationsQuery returns the statement that streams, as v, every
// relation a normalized f selects, in no order.
func scanRelationsQuery(f store.RelationFilter) (string, map[string]any, error) {
	c := newCompiler()
	match, distinct, err := c.relationsMatch(owner{}, f, "r")
	if err != nil {
		return "", nil, err
	}
	var b strings.Builder
	b.WriteString(match + "\n")
	if conds := c.relationConds(f, "r"); len(conds) > 0 {
		b.WriteString("WITH r WHERE " + strings.Join(conds, " AND ") + "\n")
	}
	if distinct {
		b.WriteString("WITH DISTINCT r\n")
	}
	b.WriteString("RETURN " + projectRel("r") + " AS v")
	return b.String(), c.params, nil
}
