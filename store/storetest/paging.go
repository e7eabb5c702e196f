package storetest

import (
	"fmt"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// The paging tests page through each kind of listing, a few items at a
// time, while articles keep arriving: after every page one more article is
// stored, with relations dated before, among and after those already paged,
// new entities and evidence for relations already stored. Every item stored
// before the paging began must be seen exactly once, and no item twice —
// which offsets into a listing that grows cannot give.
var pagingTests = []test{
	{name: "Relations", empty: true, run: func(t *testing.T, s store.Store, _ *Fixture) {
		testPaging(t, s, "Relations", relationLister(s, store.RelationFilter{}))
	}},
	{name: "RelationsOldestFirst", empty: true, run: func(t *testing.T, s store.Store, _ *Fixture) {
		testPaging(t, s, "Relations(oldest first)",
			relationLister(s, store.RelationFilter{Order: store.DateAsc}))
	}},
	{name: "RelationsOfEntity", empty: true, run: func(t *testing.T, s store.Store, _ *Fixture) {
		testPaging(t, s, "Relations(hub)",
			relationLister(s, store.RelationFilter{Entity: pagingHub().ID}))
	}},
	{name: "Articles", empty: true, run: func(t *testing.T, s store.Store, _ *Fixture) {
		testPaging(t, s, "Articles", articleLister(s, store.ArticleFilter{}))
	}},
	{name: "ArticlesOfEntity", empty: true, run: func(t *testing.T, s store.Store, _ *Fixture) {
		testPaging(t, s, "Articles(hub)",
			articleLister(s, store.ArticleFilter{Entity: pagingHub().ID}))
	}},
	{name: "Entities", empty: true, run: func(t *testing.T, s store.Store, _ *Fixture) {
		testPaging(t, s, "Entities", func(p store.Page) ([]string, string, bool, error) {
			page, err := s.Entities(bg, store.EntityFilter{Page: p})
			return entityIDs(page.Entities), page.EndCursor, page.HasNext, err
		})
	}},
}

// lister returns one page of a listing: its ids, end cursor and whether
// more follow.
type lister func(p store.Page) (ids []string, end string, hasNext bool, err error)

func relationLister(s store.Store, f store.RelationFilter) lister {
	return func(p store.Page) ([]string, string, bool, error) {
		f.Page = p
		page, err := s.Relations(bg, f)
		return relationIDs(page.Relations), page.EndCursor, page.HasNext, err
	}
}

func articleLister(s store.Store, f store.ArticleFilter) lister {
	return func(p store.Page) ([]string, string, bool, error) {
		f.Page = p
		page, err := s.Articles(bg, f)
		return articleIDs(page.Articles), page.EndCursor, page.HasNext, err
	}
}

// pagingBefore is how many articles are stored before the paging begins.
const pagingBefore = 30

// testPaging stores the first articles, reads the whole listing, then pages
// through it four items at a time, storing one more article after each
// page.
func testPaging(t *testing.T, s store.Store, what string, list lister) {
	for i := range pagingBefore {
		upsertPaging(t, s, i)
	}
	before := map[string]bool{}
	var after string
	for {
		ids, end, more, err := list(store.Page{First: store.MaxFirst, After: after})
		noErr(t, what, err)
		for _, id := range ids {
			before[id] = true
		}
		if after = end; !more {
			break
		}
	}
	if len(before) < 20 {
		t.Fatalf("%s holds %d items before paging; want at least 20", what, len(before))
	}
	seen := map[string]int{}
	after = ""
	for i := pagingBefore; ; i++ {
		ids, end, more, err := list(store.Page{First: 4, After: after})
		noErr(t, q("%s(after page %d)", what, i-pagingBefore), err)
		for _, id := range ids {
			seen[id]++
			if seen[id] == 2 {
				t.Errorf("%s: %s seen twice while paging", what, id)
			}
		}
		if after = end; !more {
			break
		}
		if i > pagingBefore+200 {
			t.Fatalf("%s: paging does not end", what)
		}
		upsertPaging(t, s, i)
	}
	for id := range before {
		if seen[id] == 0 {
			t.Errorf("%s: %s, stored before paging, never seen", what, id)
		}
	}
}

// Dates of the paging articles and relations, repeating so that many items
// share a date (ties broken by id), with undated ones among them.
var pagingDates = []string{"2025-03-01", "", "2025-03-01", "2024", "2025-02", "2025-03-15",
	"2025-03-01", "2023-11-30", ""}

func pagingHub() schema.Entity { return pagingEntity(schema.Person, "Paging Hub") }

func pagingEntity(t schema.EntityType, name string) schema.Entity {
	key := schema.EntityKey(t, name)
	return schema.Entity{ID: schema.ID(key), Key: key, Type: t, Name: name, Aliases: []string{}}
}

// pagingMet is the relation of paging article i: its envoy met the hub.
func pagingMet(i int) schema.Relation {
	e, hub := pagingEnvoy(i), pagingHub()
	date := pagingDates[i%len(pagingDates)]
	return schema.Relation{ID: schema.ID(schema.RelationKey(schema.Met, e.Key, hub.Key, date)),
		Type: schema.Met, Source: e.ID, Target: hub.ID, Date: date, Confidence: 0.7}
}

func pagingEnvoy(i int) schema.Entity {
	return pagingEntity(schema.Person, fmt.Sprintf("Envoy %c%c Paging", 'A'+i/26, 'a'+i%26))
}

// upsertPaging stores paging article i: its envoy met the hub and visited
// one of five countries, and the envoy of article i-3 met the hub again.
func upsertPaging(t *testing.T, s store.Store, i int) {
	t.Helper()
	date := pagingDates[(i*5)%len(pagingDates)]
	a := schema.Article{ID: schema.ID(fmt.Sprintf("article:paging-%03d", i)),
		Title: fmt.Sprintf("Paging article %d", i), Published: date, Source: "Paging Wire"}
	ev := func(at int) []schema.Evidence {
		return []schema.Evidence{{Article: a.ID, Sentence: "A paging sentence.", Start: at,
			End: at + 18}}
	}
	envoy, hub := pagingEnvoy(i), pagingHub()
	country := pagingEntity(schema.Country, fmt.Sprintf("Pagingland %d", i%5))
	met := pagingMet(i)
	met.Evidence = ev(0)
	visit := schema.Relation{
		ID:   schema.ID(schema.RelationKey(schema.Visited, envoy.Key, country.Key, date)),
		Type: schema.Visited, Source: envoy.ID, Target: country.ID, Date: date,
		Confidence: 0.7, Evidence: ev(40),
	}
	b := schema.Batch{Article: a, Entities: []schema.Entity{envoy, hub, country},
		Relations: []schema.Relation{met, visit}}
	if i >= 3 {
		again := pagingMet(i - 3)
		again.Evidence = ev(80)
		b.Entities = append(b.Entities, pagingEnvoy(i-3))
		b.Relations = append(b.Relations, again)
	}
	if err := s.Upsert(bg, b); err != nil {
		t.Fatalf("Upsert(paging article %d) = %v; want nil", i, err)
	}
}
