package graph_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// countingStore is a real store with its calls counted: every method
// delegates to the store unchanged and adds one to the count of its name.
// Each call of a Reader method is one round trip to the backing store.
type countingStore struct {
	st    graph.Store
	mu    sync.Mutex
	calls map[string]int
}

var _ graph.Store = (*countingStore)(nil)

func newCountingStore(st graph.Store) *countingStore {
	return &countingStore{st: st, calls: map[string]int{}}
}

func (c *countingStore) count(method string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[method]++
}

// reset returns the calls counted so far, by method, and starts again.
func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.calls
	c.calls = map[string]int{}
	return out
}

// total is the number of calls in counts.
func total(counts map[string]int) int {
	n := 0
	for _, k := range counts {
		n += k
	}
	return n
}

// describe lists counts by method name, for failure messages.
func describe(counts map[string]int) string {
	var b strings.Builder
	for _, m := range slices.Sorted(maps.Keys(counts)) {
		fmt.Fprintf(&b, "%s×%d ", m, counts[m])
	}
	return strings.TrimSpace(b.String())
}

func (c *countingStore) Upsert(ctx context.Context, batches ...schema.Batch) error {
	c.count("Upsert")
	return c.st.Upsert(ctx, batches...)
}

func (c *countingStore) DeleteArticle(ctx context.Context, id string) error {
	c.count("DeleteArticle")
	return c.st.DeleteArticle(ctx, id)
}

func (c *countingStore) Entity(ctx context.Context, id string) (schema.Entity, error) {
	c.count("Entity")
	return c.st.Entity(ctx, id)
}

func (c *countingStore) EntitiesByIDs(ctx context.Context, ids []string,
) ([]schema.Entity, error) {
	c.count("EntitiesByIDs")
	return c.st.EntitiesByIDs(ctx, ids)
}

func (c *countingStore) EntityByName(ctx context.Context, name string) (schema.Entity, error) {
	c.count("EntityByName")
	return c.st.EntityByName(ctx, name)
}

func (c *countingStore) EntityByWikidata(ctx context.Context, qid string) (schema.Entity, error) {
	c.count("EntityByWikidata")
	return c.st.EntityByWikidata(ctx, qid)
}

func (c *countingStore) Entities(ctx context.Context, f store.EntityFilter,
) (store.EntityPage, error) {
	c.count("Entities")
	return c.st.Entities(ctx, f)
}

func (c *countingStore) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	c.count("Search")
	return c.st.Search(ctx, q)
}

func (c *countingStore) Relations(ctx context.Context, f store.RelationFilter,
) (store.RelationPage, error) {
	c.count("Relations")
	return c.st.Relations(ctx, f)
}

func (c *countingStore) RelationsOfEntities(ctx context.Context, ids []string,
	f store.RelationFilter,
) ([]store.RelationPage, error) {
	c.count("RelationsOfEntities")
	return c.st.RelationsOfEntities(ctx, ids, f)
}

func (c *countingStore) Relation(ctx context.Context, id string) (schema.Relation, error) {
	c.count("Relation")
	return c.st.Relation(ctx, id)
}

func (c *countingStore) Article(ctx context.Context, id string) (schema.Article, error) {
	c.count("Article")
	return c.st.Article(ctx, id)
}

func (c *countingStore) ArticlesByIDs(ctx context.Context, ids []string,
) ([]schema.Article, error) {
	c.count("ArticlesByIDs")
	return c.st.ArticlesByIDs(ctx, ids)
}

func (c *countingStore) ArticleEntities(ctx context.Context, id string,
) ([]schema.Entity, error) {
	c.count("ArticleEntities")
	return c.st.ArticleEntities(ctx, id)
}

func (c *countingStore) Articles(ctx context.Context, f store.ArticleFilter,
) (store.ArticlePage, error) {
	c.count("Articles")
	return c.st.Articles(ctx, f)
}

func (c *countingStore) ArticlesOfEntities(ctx context.Context, ids []string,
	f store.ArticleFilter,
) ([]store.ArticlePage, error) {
	c.count("ArticlesOfEntities")
	return c.st.ArticlesOfEntities(ctx, ids, f)
}

func (c *countingStore) Neighborhood(ctx context.Context, q store.NeighborhoodQuery,
) (store.Subgraph, error) {
	c.count("Neighborhood")
	return c.st.Neighborhood(ctx, q)
}

func (c *countingStore) Paths(ctx context.Context, q store.PathQuery) ([]store.Path, error) {
	c.count("Paths")
	return c.st.Paths(ctx, q)
}

func (c *countingStore) Stats(ctx context.Context) (store.Stats, error) {
	c.count("Stats")
	return c.st.Stats(ctx)
}

func (c *countingStore) ScanEntities(ctx context.Context, f store.EntityFilter,
	fn func(schema.Entity) error,
) error {
	c.count("ScanEntities")
	return c.st.ScanEntities(ctx, f, fn)
}

func (c *countingStore) ScanRelations(ctx context.Context, f store.RelationFilter,
	fn func(schema.Relation) error,
) error {
	c.count("ScanRelations")
	return c.st.ScanRelations(ctx, f, fn)
}

// fetcher is the counted store's Fetcher: the backing store's own, counted
// as one call per fetch, or one made of the counted Reader methods.
func (c *countingStore) fetcher(method string) store.Fetcher {
	if f, ok := c.st.(store.Fetcher); ok {
		c.count(method)
		return f
	}
	return store.LevelFetcher(c)
}

func (c *countingStore) FetchEntity(ctx context.Context, by store.EntityLookup, p store.EntityPlan,
) (schema.Entity, store.Fetched, error) {
	return c.fetcher("FetchEntity").FetchEntity(ctx, by, p)
}

func (c *countingStore) FetchSearch(ctx context.Context, q store.SearchQuery, p store.EntityPlan,
) ([]store.Hit, store.Fetched, error) {
	return c.fetcher("FetchSearch").FetchSearch(ctx, q, p)
}

func (c *countingStore) FetchEntities(ctx context.Context, f store.EntityFilter,
	p store.EntityPlan,
) (store.EntityPage, store.Fetched, error) {
	return c.fetcher("FetchEntities").FetchEntities(ctx, f, p)
}

func (c *countingStore) FetchRelations(ctx context.Context, f store.RelationFilter,
	p store.RelationPlan,
) (store.RelationPage, store.Fetched, error) {
	return c.fetcher("FetchRelations").FetchRelations(ctx, f, p)
}

func (c *countingStore) FetchArticles(ctx context.Context, f store.ArticleFilter,
	p store.ArticlePlan,
) (store.ArticlePage, store.Fetched, error) {
	return c.fetcher("FetchArticles").FetchArticles(ctx, f, p)
}

func (c *countingStore) Expand(ctx context.Context, w store.Want) (store.Fetched, error) {
	return c.fetcher("Expand").Expand(ctx, w)
}

func (c *countingStore) Identity(ctx context.Context, id string, first int,
) (store.IdentityPage, error) {
	c.count("Identity")
	return c.st.Identity(ctx, id, first)
}

func (c *countingStore) Redirects(ctx context.Context, ids []string) ([]schema.Redirect, error) {
	c.count("Redirects")
	return c.st.Redirects(ctx, ids)
}

func (c *countingStore) MergeEntities(ctx context.Context, ids []string) (schema.Entity, error) {
	c.count("MergeEntities")
	return c.st.MergeEntities(ctx, ids)
}

func (c *countingStore) SplitEntity(ctx context.Context, id string, articles []string,
) (schema.Entity, error) {
	c.count("SplitEntity")
	return c.st.SplitEntity(ctx, id, articles)
}
