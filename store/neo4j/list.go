package neo4jstore

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// statsQuery counts entities and relations by type, and articles.
var (
	statsQuery = `CALL () { MATCH (e:Entity) WITH e.type AS t, count(*) AS n
  RETURN collect([t, n]) AS entities }
CALL () { MATCH ()-[r:` + must(typePattern(nil)) + `]->() WITH type(r) AS t, count(*) AS n
  RETURN collect([t, n]) AS relations }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
RETURN entities, relations, articles`
)

// must returns s; the error it drops cannot happen for constant input.
func must(s string, _ error) string { return s }

// EntityByName returns the entity whose name or alias folds like name,
// picked in the database as store.PickByName picks (see fetchEntityByName).
func (s *Store) EntityByName(ctx context.Context, name string) (schema.Entity, error) {
	e, _, err := s.FetchEntity(ctx, store.EntityLookup{Name: name}, store.EntityPlan{})
	if err != nil {
		return schema.Entity{}, fmt.Errorf("neo4j.EntityByName %q: %w", name, err)
	}
	return e, nil
}

// Search ranks entities as store.Rank does, in the database (see
// FetchSearch).
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	hits, _, err := s.FetchSearch(ctx, q, store.EntityPlan{})
	if err != nil {
		return nil, fmt.Errorf("neo4j.Search: %w", err)
	}
	return hits, nil
}

// Entities lists entities by folded name then id, optionally of one type
// and with a folded name prefix.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) (store.EntityPage, error) {
	page, _, err := s.FetchEntities(ctx, f, store.EntityPlan{})
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("neo4j.Entities: %w", err)
	}
	return page, nil
}

// Articles lists articles newest first (undated last), then by id.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) (store.ArticlePage, error) {
	page, _, err := s.fetchArticles(ctx, store.MentionsPlan{Filter: f, Total: true})
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("neo4j.Articles: %w", err)
	}
	return page, nil
}

// ArticlesOfEntities returns, for each of ids, the page Articles returns for
// f with Entity set to that id, in one statement.
func (s *Store) ArticlesOfEntities(ctx context.Context, ids []string, f store.ArticleFilter,
) ([]store.ArticlePage, error) {
	_, _, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("neo4j.ArticlesOfEntities: %w", err)
	}
	plan := &store.EntityPlan{Mentions: []store.MentionsPlan{{Filter: f, Total: true}}}
	got, err := s.Expand(ctx, store.Want{Entities: ids, Entity: plan})
	if err != nil {
		return nil, fmt.Errorf("neo4j.ArticlesOfEntities: %w", err)
	}
	out := make([]store.ArticlePage, len(ids))
	for i, id := range ids {
		k, _ := store.MentionsKey(id, f)
		p, ok := got.Mentions[k]
		if !ok {
			p = store.ArticlePage{Articles: []schema.Article{}}
		}
		out[i] = p
	}
	return out, nil
}

// Stats counts entities, relations and articles; every type of the
// ontology has an entry, zero or not.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	recs, err := s.read(ctx, statsQuery, nil)
	if err != nil {
		return store.Stats{}, fmt.Errorf("neo4j.Stats: %w", err)
	}
	st := store.NewStats()
	if len(recs) == 0 {
		return st, nil
	}
	for _, v := range list(map[string]any{"x": get(recs[0], "entities")}, "x") {
		pair, _ := v.([]any)
		if len(pair) == 2 {
			t, _ := pair[0].(string)
			n, _ := pair[1].(int64)
			st.ByEntity[schema.EntityType(t)] += int(n)
			st.Entities += int(n)
		}
	}
	for _, v := range list(map[string]any{"x": get(recs[0], "relations")}, "x") {
		pair, _ := v.([]any)
		if len(pair) == 2 {
			t, _ := pair[0].(string)
			n, _ := pair[1].(int64)
			st.ByRelType[schema.RelationType(t)] += int(n)
			st.Relations += int(n)
		}
	}
	n, _ := get(recs[0], "articles").(int64)
	st.Articles = int(n)
	return st, nil
}
