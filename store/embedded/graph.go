package embedded

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Neighborhood returns the entity q.ID and the entities within q.Depth hops
// of it over relations of q.Types in either direction — nearest first, then
// by folded name and id, at most q.Limit in all — and the relations of
// q.Types among them, by id.
func (s *Store) Neighborhood(ctx context.Context, q store.NeighborhoodQuery,
) (store.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return store.Subgraph{}, fmt.Errorf("embedded.Neighborhood: %w", err)
	}
	if err := s.rlock(ctx, "Neighborhood"); err != nil {
		return store.Subgraph{}, err
	}
	defer s.mu.RUnlock()
	if _, ok := s.st.entities[q.ID]; !ok {
		return store.Subgraph{}, fmt.Errorf("embedded.Neighborhood %s: %w", q.ID, store.ErrNotFound)
	}
	types := typeSet(q.Types)
	dist := map[string]int{q.ID: 0}
	frontier := []string{q.ID}
	for d := 1; d <= q.Depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, r := range s.edges(id, types) {
				if other := otherEnd(r, id); !hasKey(dist, other) {
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
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(
			cmp.Compare(dist[a], dist[b]),
			cmp.Compare(schema.Fold(s.st.entities[a].Name), schema.Fold(s.st.entities[b].Name)),
			cmp.Compare(a, b),
		)
	})
	ids = ids[:min(len(ids), q.Limit)]
	in := set{}
	g := store.Subgraph{Entities: []schema.Entity{}, Relations: []schema.Relation{}}
	for _, id := range ids {
		in.add(id)
		g.Entities = append(g.Entities, store.CloneEntity(s.st.entities[id]))
	}
	seen := set{}
	for _, id := range ids {
		for _, r := range s.edges(id, types) {
			if in.has(r.Source) && in.has(r.Target) && !seen.has(r.ID) {
				seen.add(r.ID)
				g.Relations = append(g.Relations, store.CloneRelation(r))
			}
		}
	}
	slices.SortFunc(g.Relations, func(a, b schema.Relation) int { return cmp.Compare(a.ID, b.ID) })
	return g, nil
}

// edges returns the relations of the given types that id is an end of,
// sorted by id.
func (s *Store) edges(id string, types map[schema.RelationType]bool) []schema.Relation {
	var out []schema.Relation
	for _, rid := range s.st.byEntity[id].sorted() {
		if r := s.st.relations[rid]; types[r.Type] {
			out = append(out, r)
		}
	}
	return out
}

func otherEnd(r schema.Relation, id string) string {
	if r.Source == id {
		return r.Target
	}
	return r.Source
}

func typeSet(ts []schema.RelationType) map[schema.RelationType]bool {
	m := map[schema.RelationType]bool{}
	for _, t := range ts {
		m[t] = true
	}
	return m
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
