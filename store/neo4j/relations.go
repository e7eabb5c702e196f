package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/schema"
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

// heldOffices is the statement of HeldOffices: per id, its HOLDS_OFFICE
// relationships in the listing's order, without the evidence properties.
var heldOffices = fmt.Sprintf(`UNWIND range(0, size($ids) - 1) AS i
MATCH (p:Entity {id: $ids[i]})-[r:%s]->(t:Entity)
WITH i, p, r, t ORDER BY r.date DESC, r.id
WITH i, collect(r {.id, .date, .status, .role, .confidence, .cameo, .plover,
  type: type(r), source: p.id, target: t.id})[..%d] AS rs
RETURN i, rs`, schema.HoldsOffice, store.MaxFirst)

// HeldOffices returns the offices each of ids holds, without evidence, in
// one statement; see store.OfficeIndex.
func (s *Store) HeldOffices(ctx context.Context, ids []string) ([][]schema.Relation, error) {
	if err := store.CheckBatch(ids); err != nil {
		return nil, fmt.Errorf("neo4j.HeldOffices: %w", err)
	}
	out := make([][]schema.Relation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, heldOffices, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("neo4j.HeldOffices: %w", err)
	}
	for _, rec := range recs {
		i, _ := get(rec, "i").(int64)
		if i < 0 || int(i) >= len(ids) {
			continue
		}
		rs, _ := get(rec, "rs").([]any)
		for _, v := range rs {
			out[i] = append(out[i], toRelation(v))
		}
	}
	return out, nil
}
