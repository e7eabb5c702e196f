package embedded

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Paths returns the shortest paths from q.From to q.To over relations of
// q.Types in either direction, if they are at most q.MaxHops long: at most
// q.First of them, ordered by the ids of their relations, from q.From on.
func (s *Store) Paths(ctx context.Context, q store.PathQuery) ([]store.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("embedded.Paths: %w", err)
	}
	if err := s.rlock(ctx, "Paths"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	for _, id := range []string{q.From, q.To} {
		if _, ok := s.st.entities[id]; !ok {
			return nil, fmt.Errorf("embedded.Paths %s: %w", id, store.ErrNotFound)
		}
	}
	w := walker{s: s, types: typeSet(q.Types), first: q.First, to: q.To, paths: []store.Path{}}
	if !w.layer(q.From, q.MaxHops) {
		return w.paths, nil
	}
	w.markUseful()
	w.walk(q.From, []string{q.From}, nil)
	return w.paths, nil
}

// walker finds shortest paths: a breadth-first layering from the start,
// then a depth-first walk along the layers in order of relation id.
type walker struct {
	s      *Store
	types  map[schema.RelationType]bool
	first  int
	to     string
	dist   map[string]int
	useful set // entities on some shortest path to the end
	paths  []store.Path
}

// layer assigns each entity within maxHops of from its distance, stopping
// at the layer that holds the end; it reports whether the end was reached.
func (w *walker) layer(from string, maxHops int) bool {
	w.dist = map[string]int{from: 0}
	frontier := []string{from}
	for d := 1; d <= maxHops && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, r := range w.s.edges(id, w.types) {
				if other := otherEnd(r, id); !hasKey(w.dist, other) {
					w.dist[other] = d
					next = append(next, other)
				}
			}
		}
		if hasKey(w.dist, w.to) {
			return true
		}
		frontier = next
	}
	return false
}

// markUseful marks the entities from which the end is reached by stepping
// one layer further each time.
func (w *walker) markUseful() {
	w.useful = set{w.to: {}}
	frontier := []string{w.to}
	for len(frontier) > 0 {
		var next []string
		for _, id := range frontier {
			for _, r := range w.s.edges(id, w.types) {
				other := otherEnd(r, id)
				if d, ok := w.dist[other]; ok && d == w.dist[id]-1 && !w.useful.has(other) {
					w.useful.add(other)
					next = append(next, other)
				}
			}
		}
		frontier = next
	}
}

// walk extends the path that has reached id, trying relations by id, until
// w.first paths are found.
func (w *walker) walk(id string, ents []string, rels []schema.Relation) {
	if id == w.to {
		p := store.Path{Entities: make([]schema.Entity, len(ents))}
		for i, e := range ents {
			p.Entities[i] = store.CloneEntity(w.s.st.entities[e])
		}
		for _, r := range rels {
			p.Relations = append(p.Relations, store.CloneRelation(r))
		}
		w.paths = append(w.paths, p)
		return
	}
	for _, r := range w.s.edges(id, w.types) {
		if len(w.paths) == w.first {
			return
		}
		other := otherEnd(r, id)
		if w.useful.has(other) && w.dist[other] == w.dist[id]+1 {
			w.walk(other, append(ents, other), append(rels, r))
		}
	}
}
