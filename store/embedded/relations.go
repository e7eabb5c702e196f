package embedded

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Relations lists the relations matching f, with their evidence, in f's
// order: by date (DateDesc: newest first, undated last; DateAsc: oldest
// first, undated last), then by id.
func (s *Store) Relations(ctx context.Context, f store.RelationFilter) (store.RelationPage, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return store.RelationPage{}, fmt.Errorf("embedded.Relations: %w", err)
	}
	if err := s.rlock(ctx, "Relations"); err != nil {
		return store.RelationPage{}, err
	}
	defer s.mu.RUnlock()
	return s.relations(f, span), nil
}

// RelationsOfEntities returns, for each of ids, the page Relations returns
// for f with Entity set to that id, all read under one lock.
func (s *Store) RelationsOfEntities(ctx context.Context, ids []string, f store.RelationFilter,
) ([]store.RelationPage, error) {
	f, span, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("embedded.RelationsOfEntities: %w", err)
	}
	if err := s.rlock(ctx, "RelationsOfEntities"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := make([]store.RelationPage, len(ids))
	for i, id := range ids {
		f.Entity = id
		out[i] = s.relations(f, span)
	}
	return out, nil
}

// relations returns the page span of the relations matching the normalized
// filter f; the caller holds the read lock.
func (s *Store) relations(f store.RelationFilter, span store.Span) store.RelationPage {
	m := newMatcher(f)
	var all []schema.Relation
	for _, id := range s.candidates(f) {
		if r := s.st.relations[id]; m.match(r) {
			all = append(all, r)
		}
	}
	slices.SortFunc(all, relationOrder(f.Order))
	page := store.RelationPage{Relations: []schema.Relation{}, Total: len(all)}
	rels, hasNext, end := store.Slice(all, span, store.RelationKey, store.RelationOrder(f.Order))
	for _, r := range rels {
		page.Relations = append(page.Relations, store.CloneRelation(r))
	}
	page.HasNext, page.EndCursor = hasNext, end
	return page
}

// candidates returns the ids of the relations an index narrows f to, or of
// every relation.
func (s *Store) candidates(f store.RelationFilter) []string {
	switch {
	case f.Entity != "":
		return s.st.byEntity[f.Entity].sorted()
	case f.Source != "":
		return s.st.byEntity[f.Source].sorted()
	case f.Target != "":
		return s.st.byEntity[f.Target].sorted()
	case f.Article != "":
		return s.st.byArticle[f.Article].sorted()
	}
	ids := make([]string, 0, len(s.st.relations))
	for id := range s.st.relations {
		ids = append(ids, id)
	}
	return ids
}

// matcher tests relations against a normalized filter.
type matcher struct {
	f       store.RelationFilter
	types   map[schema.RelationType]bool
	between set
}

func newMatcher(f store.RelationFilter) matcher {
	m := matcher{f: f, types: map[schema.RelationType]bool{}}
	for _, t := range f.Types {
		m.types[t] = true
	}
	if f.Between != nil {
		m.between = set{}
		for _, id := range f.Between {
			m.between.add(id)
		}
	}
	return m
}

func (m matcher) match(r schema.Relation) bool {
	f := m.f
	switch {
	case !m.types[r.Type],
		f.Entity != "" && !endsAt(r, f.Entity, f.Direction),
		f.Source != "" && r.Source != f.Source,
		f.Target != "" && r.Target != f.Target,
		m.between != nil && !(m.between.has(r.Source) && m.between.has(r.Target)),
		f.Dated && r.Date == "",
		!store.DateInWindow(r.Date, f.Since, f.Until):
		return false
	}
	return f.Article == "" || slices.ContainsFunc(r.Evidence, func(ev schema.Evidence) bool {
		return ev.Article == f.Article
	})
}

// endsAt reports whether r leaves (Out), reaches (In) or touches (Both) id.
func endsAt(r schema.Relation, id string, d store.Direction) bool {
	switch d {
	case store.Out:
		return r.Source == id
	case store.In:
		return r.Target == id
	}
	return r.Source == id || r.Target == id
}

// relationOrder returns the comparison of an order.
func relationOrder(o store.Order) func(a, b schema.Relation) int {
	if o == store.DateAsc {
		return func(a, b schema.Relation) int {
			return cmp.Or(
				cmp.Compare(undated(a), undated(b)),
				cmp.Compare(a.Date, b.Date),
				cmp.Compare(a.ID, b.ID),
			)
		}
	}
	return func(a, b schema.Relation) int {
		return cmp.Or(cmp.Compare(b.Date, a.Date), cmp.Compare(a.ID, b.ID))
	}
}

func undated(r schema.Relation) int {
	if r.Date == "" {
		return 1
	}
	return 0
}
