package store

import (
	"context"
	"slices"

	"github.com/diplograph/diplograph/schema"
)

// levelFetcher is the Fetcher of a Reader without one of its own: it reads
// a plan one level at a time, each listing of a level for all its owners in
// one batch call, so the calls a query costs are bounded by its plan, not by
// how many records it returns.
type levelFetcher struct{ r Reader }

func (l levelFetcher) FetchEntity(ctx context.Context, by EntityLookup, p EntityPlan,
) (schema.Entity, Fetched, error) {
	var (
		e   schema.Entity
		err error
	)
	switch {
	case by.ID != "":
		e, err = l.r.Entity(ctx, by.ID)
	case by.Wikidata != "":
		e, err = l.r.EntityByWikidata(ctx, by.Wikidata)
	default:
		e, err = l.r.EntityByName(ctx, by.Name)
	}
	if err != nil {
		return e, Fetched{}, err
	}
	f, err := l.expand(ctx, Want{Entities: []string{e.ID}, Entity: &p}, []schema.Entity{e})
	return e, f, err
}

func (l levelFetcher) FetchSearch(ctx context.Context, q SearchQuery, p EntityPlan,
) ([]Hit, Fetched, error) {
	hits, err := l.r.Search(ctx, q)
	if err != nil {
		return nil, Fetched{}, err
	}
	ids := make([]string, len(hits))
	known := make([]schema.Entity, len(hits))
	for i, h := range hits {
		ids[i], known[i] = h.Entity.ID, h.Entity
	}
	f, err := l.expand(ctx, Want{Entities: ids, Entity: &p}, known)
	return hits, f, err
}

func (l levelFetcher) FetchEntities(ctx context.Context, ef EntityFilter, p EntityPlan,
) (EntityPage, Fetched, error) {
	page, err := l.r.Entities(ctx, ef)
	if err != nil {
		return page, Fetched{}, err
	}
	f, err := l.expand(ctx, Want{Entities: entityIDs(page.Entities), Entity: &p},
		page.Entities)
	return page, f, err
}

func (l levelFetcher) FetchRelations(ctx context.Context, rf RelationFilter, p RelationPlan,
) (RelationPage, Fetched, error) {
	page, err := l.r.Relations(ctx, rf)
	if err != nil {
		return page, Fetched{}, err
	}
	f := NewFetched()
	if err = l.relationsBelow(ctx, page.Relations, p, f); err == nil {
		err = l.records(ctx, f)
	}
	return page, f, err
}

func (l levelFetcher) FetchArticles(ctx context.Context, af ArticleFilter, p ArticlePlan,
) (ArticlePage, Fetched, error) {
	page, err := l.r.Articles(ctx, af)
	if err != nil {
		return page, Fetched{}, err
	}
	ids := make([]string, len(page.Articles))
	for i, a := range page.Articles {
		ids[i] = a.ID
	}
	f, err := l.Expand(ctx, Want{Articles: ids, Article: &p})
	return page, f, err
}

func (l levelFetcher) Expand(ctx context.Context, w Want) (Fetched, error) {
	return l.expand(ctx, w, nil)
}

// expand is Expand with the entities known already.
func (l levelFetcher) expand(ctx context.Context, w Want, known []schema.Entity) (Fetched, error) {
	f := NewFetched()
	for _, e := range known {
		f.Entities[e.ID] = e
	}
	if err := l.entities(ctx, w.Entities, w.Entity, f); err != nil {
		return f, err
	}
	if err := l.articles(ctx, w.Articles, w.Article, f); err != nil {
		return f, err
	}
	return f, l.records(ctx, f)
}

// records reads, in one call each, the entities and articles f names but
// lacks: the listings of a plan need only ids, so the records of every
// level are read once, at the end.
func (l levelFetcher) records(ctx context.Context, f Fetched) error {
	var es, as []string
	for id, e := range f.Entities {
		if e.ID == "" {
			es = append(es, id)
		}
	}
	for id, a := range f.Articles {
		if a.ID == "" {
			as = append(as, id)
		}
	}
	slices.Sort(es)
	slices.Sort(as)
	for c := range slices.Chunk(es, MaxBatch) {
		got, err := l.r.EntitiesByIDs(ctx, c)
		if err != nil {
			return err
		}
		for _, e := range got {
			f.Entities[e.ID] = e
		}
	}
	for c := range slices.Chunk(as, MaxBatch) {
		got, err := l.r.ArticlesByIDs(ctx, c)
		if err != nil {
			return err
		}
		for _, a := range got {
			f.Articles[a.ID] = a
		}
	}
	for id, e := range f.Entities {
		if e.ID == "" {
			delete(f.Entities, id)
		}
	}
	for id, a := range f.Articles {
		if a.ID == "" {
			delete(f.Articles, id)
		}
	}
	return nil
}

// entities reads the entities ids that f lacks and what p asks below them.
func (l levelFetcher) entities(ctx context.Context, ids []string, p *EntityPlan, f Fetched,
) error {
	if p == nil || len(ids) == 0 {
		return nil
	}
	ids = distinct(ids)
	for _, id := range ids {
		if _, ok := f.Entities[id]; !ok {
			f.Entities[id] = schema.Entity{} // read by records
		}
	}
	for _, rp := range p.Relations {
		if err := l.listRelations(ctx, ids, false, rp, f); err != nil {
			return err
		}
	}
	for _, mp := range p.Mentions {
		var below []string
		for c := range slices.Chunk(ids, MaxBatch) {
			pages, err := l.r.ArticlesOfEntities(ctx, c, mp.Filter)
			if err != nil {
				return err
			}
			for i, page := range pages {
				k, err := MentionsKey(c[i], mp.Filter)
				if err != nil {
					return err
				}
				f.Mentions[k] = page
				for _, a := range page.Articles {
					f.Articles[a.ID] = a
					below = append(below, a.ID)
				}
			}
		}
		if err := l.articles(ctx, below, &mp.Each, f); err != nil {
			return err
		}
	}
	return nil
}

// listRelations reads one listing of the relations of each of the entities
// (or articles) ids, and what rp asks below them.
func (l levelFetcher) listRelations(ctx context.Context, ids []string, ofArticle bool,
	rp RelationsPlan, f Fetched,
) error {
	var all []Relation
	for c := range slices.Chunk(ids, MaxBatch) {
		pages := make([]RelationPage, len(c))
		if ofArticle {
			for i, id := range c {
				rf := rp.Filter
				rf.Entity, rf.Article = "", id
				page, err := l.r.Relations(ctx, rf)
				if err != nil {
					return err
				}
				pages[i] = page
			}
		} else {
			var err error
			if pages, err = l.r.RelationsOfEntities(ctx, c, rp.Filter); err != nil {
				return err
			}
		}
		for i, page := range pages {
			k, err := RelationsKey(c[i], ofArticle, rp.Filter)
			if err != nil {
				return err
			}
			f.Relations[k] = page
			all = append(all, page.Relations...)
		}
	}
	return l.relationsBelow(ctx, all, rp.Each, f)
}

// Relation is a schema.Relation; the alias keeps signatures short.
type Relation = schema.Relation

// relationsBelow reads what p asks below the relations rels.
func (l levelFetcher) relationsBelow(ctx context.Context, rels []Relation, p RelationPlan,
	f Fetched,
) error {
	var sources, targets, articles []string
	for _, r := range rels {
		sources, targets = append(sources, r.Source), append(targets, r.Target)
		for _, ev := range r.Evidence {
			articles = append(articles, ev.Article)
		}
	}
	if err := l.entities(ctx, sources, p.Source, f); err != nil {
		return err
	}
	if err := l.entities(ctx, targets, p.Target, f); err != nil {
		return err
	}
	return l.articles(ctx, articles, p.Articles, f)
}

// articles reads the articles ids that f lacks and what p asks below them.
func (l levelFetcher) articles(ctx context.Context, ids []string, p *ArticlePlan, f Fetched,
) error {
	if p == nil || len(ids) == 0 {
		return nil
	}
	ids = distinct(ids)
	for _, id := range ids {
		if _, ok := f.Articles[id]; !ok {
			f.Articles[id] = schema.Article{} // read by records
		}
	}
	if p.Entities != nil {
		var below []string
		for _, id := range ids {
			es, err := l.r.ArticleEntities(ctx, id)
			if err != nil {
				return err
			}
			f.ArticleEntities[id] = entityIDs(es)
			for _, e := range es {
				f.Entities[e.ID] = e
			}
			below = append(below, entityIDs(es)...)
		}
		if err := l.entities(ctx, below, p.Entities, f); err != nil {
			return err
		}
	}
	for _, rp := range p.Relations {
		if err := l.listRelations(ctx, ids, true, rp, f); err != nil {
			return err
		}
	}
	return nil
}

func entityIDs(es []schema.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

// distinct returns ids without repeats, in first-seen order.
func distinct(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
