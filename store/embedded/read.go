package embedded

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// rlock takes the read lock for the call op and reports whether the store
// can serve it; on nil the caller must s.mu.RUnlock.
func (s *Store) rlock(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("embedded.%s: %w", op, err)
	}
	s.mu.RLock()
	if err := s.usable(op); err != nil {
		s.mu.RUnlock()
		return err
	}
	return nil
}

// Entity returns the entity with the given id.
func (s *Store) Entity(ctx context.Context, id string) (schema.Entity, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Entity{}, fmt.Errorf("embedded.Entity: %w", err)
	}
	if err := s.rlock(ctx, "Entity"); err != nil {
		return schema.Entity{}, err
	}
	defer s.mu.RUnlock()
	e, ok := s.st.entities[id]
	if !ok {
		return schema.Entity{}, fmt.Errorf("embedded.Entity %s: %w", id, store.ErrNotFound)
	}
	return store.CloneEntity(e), nil
}

// EntitiesByIDs returns the entities with the given ids that exist, in the
// order asked.
func (s *Store) EntitiesByIDs(ctx context.Context, ids []string) ([]schema.Entity, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("embedded.EntitiesByIDs: %w", err)
	}
	if err := s.rlock(ctx, "EntitiesByIDs"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := []schema.Entity{}
	for _, id := range ids {
		if e, ok := s.st.entities[id]; ok {
			out = append(out, store.CloneEntity(e))
		}
	}
	return out, nil
}

// EntityByName returns the entity whose name or alias folds like name; see
// store.PickByName.
func (s *Store) EntityByName(ctx context.Context, name string) (schema.Entity, error) {
	f := schema.Fold(name)
	if f == "" {
		return schema.Entity{}, fmt.Errorf("embedded.EntityByName %q: name is empty: %w",
			name, store.ErrInvalidInput)
	}
	if err := s.rlock(ctx, "EntityByName"); err != nil {
		return schema.Entity{}, err
	}
	defer s.mu.RUnlock()
	var cands []store.Candidate
	for id := range s.st.byFold[f] {
		cands = append(cands, s.candidate(id))
	}
	e, ok := store.PickByName(name, cands)
	if !ok {
		return schema.Entity{}, fmt.Errorf("embedded.EntityByName %q: %w", name, store.ErrNotFound)
	}
	return e, nil
}

func (s *Store) candidate(id string) store.Candidate {
	return store.Candidate{Entity: s.st.entities[id], Relations: s.st.degree(id)}
}

// Entities lists entities by folded name then id, optionally of one type
// and with a folded name prefix.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) (store.EntityPage, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("embedded.Entities: %w", err)
	}
	if err := s.rlock(ctx, "Entities"); err != nil {
		return store.EntityPage{}, err
	}
	defer s.mu.RUnlock()
	type keyed struct {
		fold string
		e    schema.Entity
	}
	var all []keyed
	for _, e := range s.st.entities {
		fold := schema.Fold(e.Name)
		if (f.Type == "" || e.Type == f.Type) && strings.HasPrefix(fold, f.NameStartsWith) {
			all = append(all, keyed{fold, e})
		}
	}
	slices.SortFunc(all, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.fold, b.fold), cmp.Compare(a.e.ID, b.e.ID))
	})
	page := store.EntityPage{Entities: []schema.Entity{}, Total: len(all)}
	es, hasNext, end := store.Slice(all, span, func(k keyed) store.Key {
		return store.Key{Sort: k.fold, ID: k.e.ID}
	}, store.EntityOrder)
	for _, k := range es {
		page.Entities = append(page.Entities, store.CloneEntity(k.e))
	}
	page.HasNext, page.EndCursor = hasNext, end
	return page, nil
}

// Search ranks every entity with store.Rank.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("embedded.Search: %w", err)
	}
	if err := s.rlock(ctx, "Search"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	cands := make([]store.Candidate, 0, len(s.st.entities))
	for id := range s.st.entities {
		cands = append(cands, s.candidate(id))
	}
	return store.Rank(q, cands), nil
}

// EntitiesByNameWords returns the entities of type t with one of words in
// their folded name, from the word index; see store.NameIndex.
func (s *Store) EntitiesByNameWords(ctx context.Context, t schema.EntityType, words []string,
) ([]schema.Entity, error) {
	words, err := store.CheckNameWords(t, words)
	if err != nil {
		return nil, fmt.Errorf("embedded.EntitiesByNameWords: %w", err)
	}
	if err := s.rlock(ctx, "EntitiesByNameWords"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	ids := set{}
	for _, w := range words {
		for id := range s.st.byWord[w] {
			if s.st.entities[id].Type == t {
				ids.add(id)
			}
		}
	}
	out := make([]schema.Entity, 0, len(ids))
	for _, id := range ids.sorted() {
		out = append(out, store.CloneEntity(s.st.entities[id]))
	}
	return out, nil
}

// Article returns the article with the given id.
func (s *Store) Article(ctx context.Context, id string) (schema.Article, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Article{}, fmt.Errorf("embedded.Article: %w", err)
	}
	if err := s.rlock(ctx, "Article"); err != nil {
		return schema.Article{}, err
	}
	defer s.mu.RUnlock()
	a, ok := s.st.articles[id]
	if !ok {
		return schema.Article{}, fmt.Errorf("embedded.Article %s: %w", id, store.ErrNotFound)
	}
	return a, nil
}

// Articles lists articles newest first (undated last), then by id.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) (store.ArticlePage, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("embedded.Articles: %w", err)
	}
	if err := s.rlock(ctx, "Articles"); err != nil {
		return store.ArticlePage{}, err
	}
	defer s.mu.RUnlock()
	return s.articles(f, span), nil
}

// ArticlesOfEntities returns, for each of ids, the page Articles returns for
// f with Entity set to that id, all read under one lock.
func (s *Store) ArticlesOfEntities(ctx context.Context, ids []string, f store.ArticleFilter,
) ([]store.ArticlePage, error) {
	f, span, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("embedded.ArticlesOfEntities: %w", err)
	}
	if err := s.rlock(ctx, "ArticlesOfEntities"); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := make([]store.ArticlePage, len(ids))
	for i, id := range ids {
		f.Entity = id
		out[i] = s.articles(f, span)
	}
	return out, nil
}

// articles returns the page span of the articles matching the normalized
// filter f; the caller holds the read lock.
func (s *Store) articles(f store.ArticleFilter, span store.Span) store.ArticlePage {
	var all []schema.Article
	keep := func(a schema.Article) {
		if (f.Source == "" || a.Source == f.Source) &&
			(f.Entity == "" || s.st.mentions[a.ID].has(f.Entity)) &&
			store.DateInWindow(a.Published, f.Since, f.Until) {
			all = append(all, a)
		}
	}
	if f.Entity != "" {
		for id := range s.st.mentionedBy[f.Entity] {
			keep(s.st.articles[id])
		}
	} else {
		for _, a := range s.st.articles {
			keep(a)
		}
	}
	slices.SortFunc(all, func(a, b schema.Article) int {
		return cmp.Or(cmp.Compare(b.Published, a.Published), cmp.Compare(a.ID, b.ID))
	})
	page := store.ArticlePage{Total: len(all)}
	page.Articles, page.HasNext, page.EndCursor = store.Slice(all, span, store.ArticleKey,
		store.ArticleOrder)
	return page
}

// Stats counts entities, relations and articles; every type of the
// ontology has an entry, zero or not.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	if err := s.rlock(ctx, "Stats"); err != nil {
		return store.Stats{}, err
	}
	defer s.mu.RUnlock()
	st := store.NewStats()
	st.Entities, st.Relations, st.Articles =
		len(s.st.entities), len(s.st.relations), len(s.st.articles)
	for _, e := range s.st.entities {
		st.ByEntity[e.Type]++
	}
	for _, r := range s.st.relations {
		st.ByRelType[r.Type]++
	}
	return st, nil
}
