package neo4jstore

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// searchCandidates bounds the full-text candidates a search ranks.
const searchCandidates = 1000

// The listing queries. Each collects the whole ordered listing and returns
// its size and the page asked for, so that a page and its total come in one
// round trip.
var (
	byNameQuery = "CALL db.index.fulltext.queryNodes('" + schema.EntityNamesIndex +
		"', $q) YIELD node RETURN node {.*} AS e, " + degree + " AS n"
	searchQuery = "CALL db.index.fulltext.queryNodes('" + schema.EntityNamesIndex +
		"', $q, {limit: $limit}) YIELD node WHERE size($types) = 0 OR node.type IN $types " +
		"RETURN node {.*} AS e, " + degree + " AS n"
	statsQuery = `CALL () { MATCH (e:Entity) WITH e.type AS t, count(*) AS n
  RETURN collect([t, n]) AS entities }
CALL () { MATCH ()-[r:` + must(typePattern(nil)) + `]->() WITH type(r) AS t, count(*) AS n
  RETURN collect([t, n]) AS relations }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
RETURN entities, relations, articles`
)

const (
	entitiesQuery = `MATCH (e:Entity) WHERE ($type = '' OR e.type = $type)
  AND e.fold STARTS WITH $prefix
WITH e ORDER BY e.fold, e.id
WITH collect(e) AS items
RETURN size(items) AS total, [x IN items[$skip..$end] | x {.*}] AS page`
	// articleWhere keeps the articles a of the source and the window.
	articleWhere = `($source = '' OR a.source = $source)
  AND ($since = '' OR (a.pubLo <> '' AND a.pubHi >= $since))
  AND ($until = '' OR (a.pubLo <> '' AND a.pubLo <= $until))`
	// articlePage orders the articles a and returns the total and the page.
	articlePage = `WITH a ORDER BY a.published DESC, a.id
WITH collect(a) AS items
RETURN size(items) AS total, [x IN items[$skip..$end] | x {.*}] AS page`
	articlesQuery = `MATCH (a:Article) WHERE ` + articleWhere + `
  AND ($entity = '' OR EXISTS { (a)-[:MENTIONS]->(:Entity {id: $entity}) })
` + articlePage
	// articlesOfEntity is the body, for perID, of the articles that mention
	// the entity eid.
	articlesOfEntity = `MATCH (:Entity {id: eid})<-[:MENTIONS]-(a:Article)
WITH DISTINCT a WHERE ` + articleWhere + `
` + articlePage
)

// must returns s; the error it drops cannot happen for constant input.
func must(s string, _ error) string { return s }

// EntityByName returns the entity whose name or alias folds like name; see
// store.PickByName. The full-text index finds the entities holding the
// folded name as a phrase, and PickByName keeps the exact ones.
func (s *Store) EntityByName(ctx context.Context, name string) (schema.Entity, error) {
	f := schema.Fold(name)
	if f == "" {
		return schema.Entity{}, fmt.Errorf("neo4j.EntityByName %q: name is empty: %w",
			name, store.ErrInvalidInput)
	}
	recs, err := s.read(ctx, byNameQuery, map[string]any{"q": phraseQuery(f)})
	if err != nil {
		return schema.Entity{}, fmt.Errorf("neo4j.EntityByName %q: %w", name, err)
	}
	var cands []store.Candidate
	for _, rec := range recs {
		n, _ := get(rec, "n").(int64)
		cands = append(cands, store.Candidate{Entity: toEntity(get(rec, "e")), Relations: int(n)})
	}
	e, ok := store.PickByName(name, cands)
	if !ok {
		return schema.Entity{}, fmt.Errorf("neo4j.EntityByName %q: %w", name, store.ErrNotFound)
	}
	return e, nil
}

// Search finds candidates with the full-text index (see luceneQuery) and
// ranks them with store.Rank, as the embedded store ranks all entities.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("neo4j.Search: %w", err)
	}
	types := []string{}
	for _, t := range q.Types {
		types = append(types, string(t))
	}
	recs, err := s.read(ctx, searchQuery, map[string]any{
		"q": luceneQuery(q.Text), "limit": searchCandidates, "types": types})
	if err != nil {
		return nil, fmt.Errorf("neo4j.Search %q: %w", q.Text, err)
	}
	cands := make([]store.Candidate, 0, len(recs))
	for _, rec := range recs {
		n, _ := get(rec, "n").(int64)
		cands = append(cands, store.Candidate{Entity: toEntity(get(rec, "e")), Relations: int(n)})
	}
	return store.Rank(q, cands), nil
}

// Entities lists entities by folded name then id, optionally of one type
// and with a folded name prefix.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) (store.EntityPage, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("neo4j.Entities: %w", err)
	}
	recs, err := s.read(ctx, entitiesQuery, spanParams(span, map[string]any{
		"type": string(f.Type), "prefix": f.NameStartsWith}))
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("neo4j.Entities: %w", err)
	}
	l := pageOf(recs)
	es, next, end := decode(l, span, toEntity)
	return store.EntityPage{Entities: es, Total: l.total, HasNext: next, EndCursor: end}, nil
}

// Articles lists articles newest first (undated last), then by id.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) (store.ArticlePage, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("neo4j.Articles: %w", err)
	}
	since, _ := store.DateBounds(f.Since)
	_, until := store.DateBounds(f.Until)
	recs, err := s.read(ctx, articlesQuery, spanParams(span, map[string]any{
		"source": f.Source, "entity": f.Entity, "since": since, "until": until}))
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("neo4j.Articles: %w", err)
	}
	l := pageOf(recs)
	as, next, end := decode(l, span, toArticle)
	return store.ArticlePage{Articles: as, Total: l.total, HasNext: next, EndCursor: end}, nil
}

// ArticlesOfEntities returns, for each of ids, the page Articles returns for
// f with Entity set to that id, in one query.
func (s *Store) ArticlesOfEntities(ctx context.Context, ids []string, f store.ArticleFilter,
) ([]store.ArticlePage, error) {
	f, span, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("neo4j.ArticlesOfEntities: %w", err)
	}
	if len(ids) == 0 {
		return []store.ArticlePage{}, nil
	}
	since, _ := store.DateBounds(f.Since)
	_, until := store.DateBounds(f.Until)
	recs, err := s.read(ctx, perID(articlesOfEntity), spanParams(span, map[string]any{
		"ids": ids, "source": f.Source, "since": since, "until": until}))
	if err != nil {
		return nil, fmt.Errorf("neo4j.ArticlesOfEntities: %w", err)
	}
	out := make([]store.ArticlePage, len(ids))
	for i, l := range pagesOf(recs, len(ids)) {
		as, next, end := decode(l, span, toArticle)
		out[i] = store.ArticlePage{Articles: as, Total: l.total, HasNext: next, EndCursor: end}
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
