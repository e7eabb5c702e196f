package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var _ store.Fetcher = (*Store)(nil)

// The root clauses of the fetch statements; each ends with the variable e
// (or a) bound to the records whose projection the statement returns as x.
var (
	fetchEntityByID = "MATCH (e:Entity {id: $id})\n"
	// fetchEntityByName picks the entity named $fold as store.PickByName
	// does: among those whose folded name is $fold (an index seek) or, only
	// when there are none, those with an alias that folds so (the
	// full-text index's phrase matches, kept when exact), the one with most
	// relations (counted only when there is a choice), then by folded name
	// and id.
	fetchEntityByName = "OPTIONAL MATCH (n:Entity {fold: $fold})\n" +
		"WITH collect(n) AS byName\n" +
		"CALL (byName) {\n" +
		"  WITH byName WHERE size(byName) = 0\n" +
		"  CALL db.index.fulltext.queryNodes('" + schema.EntityNamesIndex + "', $q)" +
		" YIELD node AS x\n" +
		"  WITH x WHERE $fold IN split(x.aliasText, '\\n')\n" +
		"  RETURN collect(x) AS byAlias\n" +
		"}\n" +
		"WITH byName + byAlias AS cands\n" +
		"UNWIND cands AS e\n" +
		"WITH e, CASE WHEN size(cands) > 1 THEN " + entityDegree + " ELSE 0 END AS n\n" +
		"ORDER BY n DESC, e.fold, e.id LIMIT 1\n"
	// fetchEntityByWikidata picks the entity with the Wikidata id $qid as
	// store.PickMostRelated does: through the index entity_wikidata, the
	// one with most relations (counted only when there is a choice), then
	// the lowest id.
	fetchEntityByWikidata = "MATCH (n:Entity {wikidata: $qid})\n" +
		"WITH collect(n) AS cands\n" +
		"UNWIND cands AS e\n" +
		"WITH e, CASE WHEN size(cands) > 1 THEN " + entityDegree + " ELSE 0 END AS n\n" +
		"ORDER BY n DESC, e.id LIMIT 1\n"
	fetchEntitiesByIDs = "UNWIND $ids AS id MATCH (e:Entity {id: id})\n"
	fetchArticlesByIDs = "UNWIND $ids AS id MATCH (a:Article {id: id})\n"
)

// entityDegree is the number of relations of the entity e.
var entityDegree = "COUNT { MATCH (e)-[r:" + must(typePattern(nil)) + "]-() RETURN DISTINCT r }"

// FetchEntity reads the entity by.ID (or the one EntityByWikidata picks for
// by.Wikidata, or EntityByName for by.Name) and what p asks below it, in
// one statement.
func (s *Store) FetchEntity(ctx context.Context, by store.EntityLookup, p store.EntityPlan,
) (schema.Entity, store.Fetched, error) {
	c := newCompiler()
	root, what := fetchEntityByID, by.ID
	switch {
	case by.ID != "":
		c.params["id"] = by.ID
	case by.Wikidata != "":
		if !schema.IsWikidataID(by.Wikidata) {
			return schema.Entity{}, store.Fetched{}, fmt.Errorf(
				"neo4j.FetchEntity %q: not a Wikidata item id like Q30: %w", by.Wikidata,
				store.ErrInvalidInput)
		}
		root, what = fetchEntityByWikidata, by.Wikidata
		c.params["qid"] = by.Wikidata
	default:
		fold := schema.Fold(by.Name)
		if fold == "" {
			return schema.Entity{}, store.Fetched{}, fmt.Errorf(
				"neo4j.FetchEntity %q: name is empty: %w", by.Name, store.ErrInvalidInput)
		}
		root, what = fetchEntityByName, by.Name
		c.params["q"], c.params["fold"] = phraseQuery(fold), fold
	}
	proj, err := c.entity("e", &p)
	if err != nil {
		return schema.Entity{}, store.Fetched{}, fmt.Errorf("neo4j.FetchEntity: %w", err)
	}
	recs, err := s.read(ctx, root+"RETURN "+proj+" AS x", c.params)
	if err != nil {
		return schema.Entity{}, store.Fetched{}, fmt.Errorf("neo4j.FetchEntity %s: %w",
			what, err)
	}
	if len(recs) == 0 {
		return schema.Entity{}, store.Fetched{}, fmt.Errorf("neo4j.FetchEntity %s: %w",
			what, store.ErrNotFound)
	}
	d := newDecoder()
	return d.entity(get(first(recs), "x"), &p), d.f, nil
}

// FetchEntities lists entities as Entities does, with what p asks below
// each, in one statement.
func (s *Store) FetchEntities(ctx context.Context, f store.EntityFilter, p store.EntityPlan,
) (store.EntityPage, store.Fetched, error) {
	c := newCompiler()
	expr, err := c.entities(f, true, &p)
	if err != nil {
		return store.EntityPage{}, store.Fetched{}, fmt.Errorf("neo4j.FetchEntities: %w", err)
	}
	recs, err := s.read(ctx, "RETURN "+expr+" AS x", c.params)
	if err != nil {
		return store.EntityPage{}, store.Fetched{}, fmt.Errorf("neo4j.FetchEntities: %w", err)
	}
	_, span, _ := f.Normalize()
	d := newDecoder()
	items, total, next := d.listing(get(first(recs), "x"), span)
	page := store.EntityPage{Entities: []schema.Entity{}, Total: total, HasNext: next}
	for _, v := range items {
		page.Entities = append(page.Entities, d.entity(v, &p))
	}
	if n := len(page.Entities); n > 0 {
		page.EndCursor = store.EntityCursor(page.Entities[n-1])
	}
	return page, d.f, nil
}

// FetchRelations lists relations as Relations does, with what p asks below
// each, in one statement.
func (s *Store) FetchRelations(ctx context.Context, f store.RelationFilter, p store.RelationPlan,
) (store.RelationPage, store.Fetched, error) {
	page, fetched, err := s.fetchRelations(ctx, store.RelationsPlan{Filter: f, Total: true,
		Each: p})
	if err != nil {
		return page, fetched, fmt.Errorf("neo4j.FetchRelations: %w", err)
	}
	return page, fetched, nil
}

func (s *Store) fetchRelations(ctx context.Context, rp store.RelationsPlan,
) (store.RelationPage, store.Fetched, error) {
	c := newCompiler()
	expr, err := c.relations(owner{}, rp)
	if err != nil {
		return store.RelationPage{}, store.Fetched{}, err
	}
	recs, err := s.read(ctx, "RETURN "+expr+" AS x", c.params)
	if err != nil {
		return store.RelationPage{}, store.Fetched{}, err
	}
	_, span, _ := rp.Filter.Normalize()
	d := newDecoder()
	return d.relationPage(get(first(recs), "x"), span, rp.Each), d.f, nil
}

// FetchArticles lists articles as Articles does, with what p asks below
// each, in one statement.
func (s *Store) FetchArticles(ctx context.Context, f store.ArticleFilter, p store.ArticlePlan,
) (store.ArticlePage, store.Fetched, error) {
	page, fetched, err := s.fetchArticles(ctx, store.MentionsPlan{Filter: f, Total: true, Each: p})
	if err != nil {
		return page, fetched, fmt.Errorf("neo4j.FetchArticles: %w", err)
	}
	return page, fetched, nil
}

func (s *Store) fetchArticles(ctx context.Context, mp store.MentionsPlan,
) (store.ArticlePage, store.Fetched, error) {
	c := newCompiler()
	expr, err := c.articles("MATCH (%s:Article)", false, mp)
	if err != nil {
		return store.ArticlePage{}, store.Fetched{}, err
	}
	recs, err := s.read(ctx, "RETURN "+expr+" AS x", c.params)
	if err != nil {
		return store.ArticlePage{}, store.Fetched{}, err
	}
	_, span, _ := mp.Filter.Normalize()
	d := newDecoder()
	return d.articlePage(get(first(recs), "x"), span, &mp.Each), d.f, nil
}

// Expand reads what w asks below records already read, in one statement
// for the entities and one for the articles.
func (s *Store) Expand(ctx context.Context, w store.Want) (store.Fetched, error) {
	d := newDecoder()
	if w.Entity != nil && len(w.Entities) > 0 {
		if err := s.expand(ctx, fetchEntitiesByIDs, "e", w.Entities, func(v any) {
			d.entity(v, w.Entity)
		}, func(c *compiler) (string, error) { return c.entity("e", w.Entity) }); err != nil {
			return d.f, fmt.Errorf("neo4j.Expand: %w", err)
		}
	}
	if w.Article != nil && len(w.Articles) > 0 {
		if err := s.expand(ctx, fetchArticlesByIDs, "a", w.Articles, func(v any) {
			d.article(v, w.Article)
		}, func(c *compiler) (string, error) { return c.article("a", w.Article) }); err != nil {
			return d.f, fmt.Errorf("neo4j.Expand: %w", err)
		}
	}
	return d.f, nil
}

// expand runs the projection proj of the records ids bound by root and
// decodes each with each.
func (s *Store) expand(ctx context.Context, root, _ string, ids []string, each func(any),
	proj func(c *compiler) (string, error),
) error {
	if err := store.CheckIDs("ids", ids); err != nil {
		return err
	}
	c := newCompiler()
	expr, err := proj(c)
	if err != nil {
		return err
	}
	c.params["ids"] = ids
	recs, err := s.read(ctx, root+"RETURN "+expr+" AS x", c.params)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		each(get(rec, "x"))
	}
	return nil
}

// decoder reads the nested maps of a fetch statement into a store.Fetched,
// walking the plan that compiled it.
type decoder struct{ f store.Fetched }

func newDecoder() *decoder { return &decoder{f: store.NewFetched()} }

// entity decodes an entity projection and what p read below it.
func (d *decoder) entity(v any, p *store.EntityPlan) schema.Entity {
	e := toEntity(v)
	d.f.Entities[e.ID] = e
	if p.Empty() {
		return e
	}
	m := asMap(v)
	for i, rp := range p.Relations {
		_, span, err := rp.Filter.Normalize()
		k, kerr := store.RelationsKey(e.ID, false, rp.Filter)
		if err == nil && kerr == nil {
			d.f.Relations[k] = d.relationPage(m[keyRelations(i)], span, rp.Each)
		}
	}
	for i, mp := range p.Mentions {
		_, span, err := mp.Filter.Normalize()
		k, kerr := store.MentionsKey(e.ID, mp.Filter)
		if err == nil && kerr == nil {
			d.f.Mentions[k] = d.articlePage(m[keyMentions(i)], span, &mp.Each)
		}
	}
	return e
}

// article decodes an article projection and what p read below it.
func (d *decoder) article(v any, p *store.ArticlePlan) schema.Article {
	a := toArticle(v)
	d.f.Articles[a.ID] = a
	if p.Empty() {
		return a
	}
	m := asMap(v)
	if p.Entities != nil {
		ids := []string{}
		for _, x := range list(m, keyEntities) {
			ids = append(ids, d.entity(x, p.Entities).ID)
		}
		d.f.ArticleEntities[a.ID] = ids
	}
	for i, rp := range p.Relations {
		_, span, err := rp.Filter.Normalize()
		k, kerr := store.RelationsKey(a.ID, true, rp.Filter)
		if err == nil && kerr == nil {
			d.f.Relations[k] = d.relationPage(m[keyRelations(i)], span, rp.Each)
		}
	}
	return a
}

// relation decodes a relation projection and what p read below it.
func (d *decoder) relation(v any, p store.RelationPlan) schema.Relation {
	r := toRelation(v)
	m := asMap(v)
	if p.Source != nil {
		d.entity(m[keySource], p.Source)
	}
	if p.Target != nil {
		d.entity(m[keyTarget], p.Target)
	}
	if p.Articles != nil {
		for _, x := range list(m, keyArticles) {
			d.article(x, p.Articles)
		}
	}
	return r
}

// listing reads a listing expression: the items of the page, the total and
// whether more follow (the query reads one item past the page).
func (d *decoder) listing(v any, span store.Span) (items []any, total int, hasNext bool) {
	m := asMap(v)
	n, _ := m["total"].(int64)
	items = list(m, "page")
	if len(items) > span.Limit {
		items, hasNext = items[:span.Limit], true
	}
	return items, max(int(n), 0), hasNext
}

func (d *decoder) relationPage(v any, span store.Span, p store.RelationPlan) store.RelationPage {
	items, total, next := d.listing(v, span)
	page := store.RelationPage{Relations: []schema.Relation{}, Total: total, HasNext: next}
	for _, x := range items {
		page.Relations = append(page.Relations, d.relation(x, p))
	}
	if n := len(page.Relations); n > 0 {
		page.EndCursor = store.RelationCursor(page.Relations[n-1])
	}
	return page
}

func (d *decoder) articlePage(v any, span store.Span, p *store.ArticlePlan) store.ArticlePage {
	items, total, next := d.listing(v, span)
	page := store.ArticlePage{Articles: []schema.Article{}, Total: total, HasNext: next}
	for _, x := range items {
		page.Articles = append(page.Articles, d.article(x, p))
	}
	if n := len(page.Articles); n > 0 {
		page.EndCursor = store.ArticleCursor(page.Articles[n-1])
	}
	return page
}

// first returns the record of a one-record result; never nil.
func first(recs []*neo4j.Record) *neo4j.Record {
	if len(recs) == 0 {
		return &neo4j.Record{}
	}
	return recs[0]
}
