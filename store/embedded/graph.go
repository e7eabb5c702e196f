package embedded

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Neighbourhoods and paths walk the graph breadth first in Go over the
// indexed adjacency (relations by source and by target): one indexed
// query per entity reached, cached for the call, reading only ids; the
// records are read once, for what is returned.

// edge is a relation as the walks see it.
type edge struct {
	rid            int64
	id             string
	source, target string
}

func (e edge) other(id string) string {
	if e.source == id {
		return e.target
	}
	return e.source
}

// adjacency reads and caches the edges of entities within one read
// transaction.
type adjacency struct {
	ctx   context.Context
	q     querier
	types string // JSON list of the relation types followed, "" for all
	cache map[string][]edge
}

func newAdjacency(ctx context.Context, q querier, types []schema.RelationType) *adjacency {
	a := &adjacency{ctx: ctx, q: q, cache: map[string][]edge{}}
	if len(types) < len(schema.Relations) {
		list := make([]string, len(types))
		for i, t := range types {
			list[i] = string(t)
		}
		a.types = jsonList(list)
	}
	return a
}

// edges returns the relations of the followed types that id is an end of,
// by id.
func (a *adjacency) edges(id string) ([]edge, error) {
	if es, ok := a.cache[id]; ok {
		return es, nil
	}
	query := "SELECT rid, id, source, target FROM relations WHERE (source = ? OR target = ?)"
	args := []any{id, id}
	if a.types != "" {
		query += " AND type IN (SELECT value FROM json_each(?))"
		args = append(args, a.types)
	}
	var es []edge
	err := scanAll(a.ctx, a.q, func(rows *sql.Rows) error {
		var e edge
		if err := rows.Scan(&e.rid, &e.id, &e.source, &e.target); err != nil {
			return err
		}
		es = append(es, e)
		return nil
	}, query+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	a.cache[id] = es
	return es, nil
}

// relationsByRID returns the relations of rids, with their evidence, by id.
func relationsByRID(ctx context.Context, q querier, rids []int64) ([]schema.Relation, error) {
	out := []schema.Relation{}
	if len(rids) == 0 {
		return out, nil
	}
	list, _ := json.Marshal(rids)
	rs, _, err := loadRelations(ctx, q, `SELECT rid, date, id, doc FROM relations
		WHERE rid IN (SELECT value FROM json_each(?)) ORDER BY id`, string(list))
	return append(out, rs...), err
}

// mustExist returns ErrNotFound unless every entity of ids exists.
func mustExist(ctx context.Context, q querier, ids ...string) (map[string]schema.Entity, error) {
	byID, err := entitiesByID(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, ok := byID[id]; !ok {
			return nil, notFound("entity", id)
		}
	}
	return byID, nil
}

// Neighborhood returns the entity q.ID and the entities within q.Depth hops
// of it over relations of q.Types in either direction — nearest first, then
// by folded name and id, at most q.Limit in all — and the relations of
// q.Types among them, by id.
func (s *Store) Neighborhood(ctx context.Context, q store.NeighborhoodQuery,
) (store.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Subgraph{}, fmt.Errorf("neighborhood: %w", err)
	}
	g := store.Subgraph{Entities: []schema.Entity{}, Relations: []schema.Relation{}}
	err = s.read(ctx, "neighborhood", func(qr querier) error {
		if _, err := mustExist(ctx, qr, q.ID); err != nil {
			return err
		}
		adj := newAdjacency(ctx, qr, q.Types)
		dist := map[string]int{q.ID: 0}
		frontier := []string{q.ID}
		for d := 1; d <= q.Depth && len(frontier) > 0; d++ {
			var next []string
			for _, id := range frontier {
				es, err := adj.edges(id)
				if err != nil {
					return err
				}
				for _, e := range es {
					if other := e.other(id); !hasKey(dist, other) {
						dist[other] = d
						next = append(next, other)
					}
				}
			}
			frontier = next
		}
		ids := make([]string, 0, len(dist))
		for id := range dist {
			ids = append(ids, id)
		}
		byID, err := entitiesByID(ctx, qr, ids)
		if err != nil {
			return err
		}
		folds := make(map[string]string, len(byID))
		for id, e := range byID {
			folds[id] = schema.Fold(e.Name)
		}
		slices.SortFunc(ids, func(a, b string) int {
			return cmp.Or(cmp.Compare(dist[a], dist[b]), cmp.Compare(folds[a], folds[b]),
				cmp.Compare(a, b))
		})
		ids = ids[:min(len(ids), q.Limit)]
		in := map[string]bool{}
		for _, id := range ids {
			in[id] = true
			g.Entities = append(g.Entities, byID[id])
		}
		seen := map[int64]bool{}
		var rids []int64
		for _, id := range ids {
			es, err := adj.edges(id)
			if err != nil {
				return err
			}
			for _, e := range es {
				if in[e.source] && in[e.target] && !seen[e.rid] {
					seen[e.rid] = true
					rids = append(rids, e.rid)
				}
			}
		}
		g.Relations, err = relationsByRID(ctx, qr, rids)
		return err
	})
	return g, err
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// Paths returns the shortest paths from q.From to q.To over relations of
// q.Types in either direction, if they are at most q.MaxHops long: at most
// q.First of them, ordered by the ids of their relations, from q.From on.
func (s *Store) Paths(ctx context.Context, q store.PathQuery) ([]store.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("paths: %w", err)
	}
	paths := []store.Path{}
	err = s.read(ctx, "paths", func(qr querier) error {
		if _, err := mustExist(ctx, qr, q.From, q.To); err != nil {
			return err
		}
		w := walker{adj: newAdjacency(ctx, qr, q.Types), first: q.First, to: q.To}
		found, err := w.layer(q.From, q.MaxHops)
		if err != nil || !found {
			return err
		}
		if err := w.markUseful(); err != nil {
			return err
		}
		if err := w.walk(q.From, []string{q.From}, nil); err != nil {
			return err
		}
		paths, err = w.records(ctx, qr)
		return err
	})
	return paths, err
}

// walker finds shortest paths: a breadth-first layering from the start,
// then a depth-first walk along the layers in order of relation id.
type walker struct {
	adj    *adjacency
	first  int
	to     string
	dist   map[string]int
	useful map[string]bool // entities on some shortest path to the end
	paths  []walk
}

// walk is one path found: its entities and relations.
type walk struct {
	ents []string
	rels []edge
}

// layer assigns each entity within maxHops of from its distance, stopping
// at the layer that holds the end; it reports whether the end was reached.
func (w *walker) layer(from string, maxHops int) (bool, error) {
	w.dist = map[string]int{from: 0}
	frontier := []string{from}
	for d := 1; d <= maxHops && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			es, err := w.adj.edges(id)
			if err != nil {
				return false, err
			}
			for _, e := range es {
				if other := e.other(id); !hasKey(w.dist, other) {
					w.dist[other] = d
					next = append(next, other)
				}
			}
		}
		if hasKey(w.dist, w.to) {
			return true, nil
		}
		frontier = next
	}
	return false, nil
}

// markUseful marks the entities from which the end is reached by stepping
// one layer further each time.
func (w *walker) markUseful() error {
	w.useful = map[string]bool{w.to: true}
	frontier := []string{w.to}
	for len(frontier) > 0 {
		var next []string
		for _, id := range frontier {
			es, err := w.adj.edges(id)
			if err != nil {
				return err
			}
			for _, e := range es {
				other := e.other(id)
				if d, ok := w.dist[other]; ok && d == w.dist[id]-1 && !w.useful[other] {
					w.useful[other] = true
					next = append(next, other)
				}
			}
		}
		frontier = next
	}
	return nil
}

// walk extends the path that has reached id, trying relations by id, until
// w.first paths are found.
func (w *walker) walk(id string, ents []string, rels []edge) error {
	if id == w.to {
		w.paths = append(w.paths, walk{slices.Clone(ents), slices.Clone(rels)})
		return nil
	}
	es, err := w.adj.edges(id)
	if err != nil {
		return err
	}
	for _, e := range es {
		if len(w.paths) == w.first {
			return nil
		}
		other := e.other(id)
		if w.useful[other] && w.dist[other] == w.dist[id]+1 {
			if err := w.walk(other, append(ents, other), append(rels, e)); err != nil {
				return err
			}
		}
	}
	return nil
}

// records reads the entities and relations of the paths found.
func (w *walker) records(ctx context.Context, q querier) ([]store.Path, error) {
	var ids []string
	var rids []int64
	for _, p := range w.paths {
		ids = append(ids, p.ents...)
		for _, e := range p.rels {
			rids = append(rids, e.rid)
		}
	}
	ents, err := entitiesByID(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	slices.Sort(rids)
	rs, err := relationsByRID(ctx, q, slices.Compact(rids))
	if err != nil {
		return nil, err
	}
	rels := make(map[string]schema.Relation, len(rs))
	for _, r := range rs {
		rels[r.ID] = r
	}
	out := make([]store.Path, 0, len(w.paths))
	for _, p := range w.paths {
		var path store.Path
		for _, id := range p.ents {
			path.Entities = append(path.Entities, store.CloneEntity(ents[id]))
		}
		for _, e := range p.rels {
			path.Relations = append(path.Relations, store.CloneRelation(rels[e.id]))
		}
		out = append(out, path)
	}
	return out, nil
}
