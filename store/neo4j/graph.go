package neo4jstore

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// neighborhoodQuery returns the query of a normalized NeighborhoodQuery:
// the entities within reach of the centre, their distance from it by a
// shortest path, the nearest $more of them by distance, folded name and id,
// and the relations among them by id. The types and the depth are formatted
// in: validated constants and a bounded integer.
func neighborhoodQuery(q store.NeighborhoodQuery) (string, error) {
	types, err := typePattern(q.Types)
	if err != nil {
		return "", err
	}
	hops := fmt.Sprintf("[:%s*1..%d]", types, q.Depth)
	return `MATCH (c:Entity {id: $id})
OPTIONAL MATCH (c)-` + hops + `-(n:Entity) WHERE n <> c
WITH c, collect(DISTINCT n) AS ns
CALL (c, ns) {
  UNWIND ns AS n
  MATCH p = shortestPath((c)-` + hops + `-(n))
  WITH n, length(p) AS d ORDER BY d, n.fold, n.id LIMIT $more
  RETURN collect(n) AS near
}
WITH [c] + near AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:` + types + `]->(b:Entity) WHERE b IN nodes
  WITH DISTINCT r ORDER BY r.id
  RETURN collect(` + projectRel("r") + `) AS rels
}
RETURN [x IN nodes | x {.*}] AS entities, rels`, nil
}

// Neighborhood returns the entity q.ID, the entities within q.Depth hops of
// it over relations of q.Types in either direction — nearest first, then by
// folded name and id, at most q.Limit in all — and the relations of q.Types
// among them, by id.
func (s *Store) Neighborhood(ctx context.Context, q store.NeighborhoodQuery,
) (store.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Subgraph{}, fmt.Errorf("neo4j.Neighborhood: %w", err)
	}
	query, err := neighborhoodQuery(q)
	if err != nil {
		return store.Subgraph{}, fmt.Errorf("neo4j.Neighborhood: %w", err)
	}
	recs, err := s.read(ctx, query, map[string]any{"id": q.ID, "more": q.Limit - 1})
	if err != nil {
		return store.Subgraph{}, fmt.Errorf("neo4j.Neighborhood %s: %w", q.ID, err)
	}
	if len(recs) == 0 {
		return store.Subgraph{}, fmt.Errorf("neo4j.Neighborhood %s: %w", q.ID, store.ErrNotFound)
	}
	g := store.Subgraph{Entities: []schema.Entity{}, Relations: []schema.Relation{}}
	row := map[string]any{"e": get(recs[0], "entities"), "r": get(recs[0], "rels")}
	for _, v := range list(row, "e") {
		g.Entities = append(g.Entities, toEntity(v))
	}
	for _, v := range list(row, "r") {
		g.Relations = append(g.Relations, toRelation(v))
	}
	return g, nil
}

// pathsQuery returns the query of a normalized PathQuery: every shortest
// path of at most q.MaxHops hops, ordered by the ids of its relations, the
// first $first of them, and whether both ends exist.
func pathsQuery(q store.PathQuery) (string, error) {
	types, err := typePattern(q.Types)
	if err != nil {
		return "", err
	}
	return `OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
CALL (a, b) {
  MATCH p = allShortestPaths((a)-[:` + types + `*1..` + fmt.Sprint(q.MaxHops) + `]-(b))
  WITH p ORDER BY [r IN relationships(p) | r.id] LIMIT $first
  RETURN collect({entities: [n IN nodes(p) | n {.*}],
    relations: [r IN relationships(p) | ` + projectRel("r") + `]}) AS paths
}
RETURN a IS NOT NULL AS hasFrom, b IS NOT NULL AS hasTo, paths`, nil
}

// Paths returns the shortest paths from q.From to q.To over relations of
// q.Types in either direction, if they are at most q.MaxHops long: at most
// q.First of them, ordered by the ids of their relations from q.From on.
func (s *Store) Paths(ctx context.Context, q store.PathQuery) ([]store.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("neo4j.Paths: %w", err)
	}
	query, err := pathsQuery(q)
	if err != nil {
		return nil, fmt.Errorf("neo4j.Paths: %w", err)
	}
	recs, err := s.read(ctx, query, map[string]any{"from": q.From, "to": q.To, "first": q.First})
	if err != nil {
		return nil, fmt.Errorf("neo4j.Paths %s→%s: %w", q.From, q.To, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("neo4j.Paths %s→%s: no answer", q.From, q.To)
	}
	for _, end := range []struct{ col, id string }{{"hasFrom", q.From}, {"hasTo", q.To}} {
		if ok, _ := get(recs[0], end.col).(bool); !ok {
			return nil, fmt.Errorf("neo4j.Paths %s: %w", end.id, store.ErrNotFound)
		}
	}
	paths := []store.Path{}
	for _, v := range list(map[string]any{"p": get(recs[0], "paths")}, "p") {
		m := asMap(v)
		var p store.Path
		for _, e := range list(m, "entities") {
			p.Entities = append(p.Entities, toEntity(e))
		}
		for _, r := range list(m, "relations") {
			p.Relations = append(p.Relations, toRelation(r))
		}
		paths = append(paths, p)
	}
	return paths, nil
}
