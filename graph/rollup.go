package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/rollup"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// countryRelations serves relations(betweenCountries:): the relations of
// f between the countries' sides, paged in memory.
func (r *Resolver) countryRelations(ctx context.Context, refs []model.EntityRef,
	f store.RelationFilter,
) (*model.RelationConnection, error) {
	ids, err := r.refs(ctx, "betweenCountries", refs)
	if err != nil {
		return nil, err
	}
	if f.Between != nil || f.Source != "" || f.Target != "" {
		return nil, fmt.Errorf("relations: betweenCountries cannot be combined with between, "+
			"source or target: %w", store.ErrInvalidInput)
	}
	f, span, err := f.Normalize()
	if err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	cs, err := rollup.LoadCountries(ctx, r.Store)
	if err != nil {
		return nil, err
	}
	all, err := rollup.Between(ctx, r.Store, cs, ids, f)
	if err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	p := store.RelationPage{Total: len(all)}
	p.Relations, p.HasNext, p.EndCursor = store.Slice(all, span, store.RelationKey,
		store.RelationOrder(f.Order))
	return relationConnection(p), nil
}

// counts serves Query.counts.
func (r *Resolver) counts(ctx context.Context, groupBy []model.CountKey, since, until string,
	types []schema.RelationType, country *model.EntityRef,
) ([]model.Count, error) {
	q := rollup.Query{Types: types, Since: since, Until: until}
	for _, k := range groupBy {
		q.GroupBy = append(q.GroupBy, rollup.Key(k))
	}
	if country != nil {
		e, err := r.ref(ctx, "country", *country)
		if err != nil {
			return nil, err
		}
		q.Country = e.ID
	}
	cs, err := rollup.LoadCountries(ctx, r.Store)
	if err != nil {
		return nil, err
	}
	bs, err := rollup.Count(ctx, r.Store, cs, q)
	if err != nil {
		return nil, err
	}
	names, err := r.countryNames(ctx, bs)
	if err != nil {
		return nil, err
	}
	out := make([]model.Count, len(bs))
	for i, b := range bs {
		c := model.Count{Count: b.Count, Goldstein: mean(b)}
		if b.Month != "" {
			c.Month = &b.Month
		}
		if b.Type != "" {
			c.Type = &b.Type
		}
		if b.Plover != "" {
			c.Plover = &b.Plover
		}
		if b.Pair[0] != "" {
			pair := []*model.Country{names[b.Pair[0]], names[b.Pair[1]]}
			slices.SortFunc(pair, func(a, b *model.Country) int { return cmp.Compare(a.Name, b.Name) })
			c.Countries = []model.Country{*pair[0], *pair[1]}
		}
		out[i] = c
	}
	// Key order, with country pairs by name rather than id.
	slices.SortStableFunc(out, func(a, b model.Count) int {
		return cmp.Or(cmp.Compare(deref(a.Month), deref(b.Month)),
			cmp.Compare(deref(a.Type), deref(b.Type)),
			cmp.Compare(pairName(a.Countries), pairName(b.Countries)),
			cmp.Compare(deref(a.Plover), deref(b.Plover)))
	})
	return out, nil
}

// pairName is the names of a count's countries, for ordering.
func pairName(cs []model.Country) string {
	if len(cs) != 2 {
		return ""
	}
	return cs[0].Name + "\x00" + cs[1].Name
}

// countryNames loads the countries of the buckets' pairs.
func (r *Resolver) countryNames(ctx context.Context, bs []rollup.Bucket,
) (map[string]*model.Country, error) {
	var ids []string
	for _, b := range bs {
		if b.Pair[0] != "" {
			ids = append(ids, b.Pair[0], b.Pair[1])
		}
	}
	slices.Sort(ids)
	return r.countries(ctx, slices.Compact(ids))
}

// countries loads the countries with the given ids, by id.
func (r *Resolver) countries(ctx context.Context, ids []string) (map[string]*model.Country, error) {
	out := map[string]*model.Country{}
	for start := 0; start < len(ids); start += store.MaxBatch {
		es, err := r.Store.EntitiesByIDs(ctx, ids[start:min(start+store.MaxBatch, len(ids))])
		if err != nil {
			return nil, fmt.Errorf("countries: %w", err)
		}
		for _, e := range es {
			out[e.ID] = &model.Country{Entity: e}
		}
	}
	for _, id := range ids {
		if out[id] == nil {
			out[id] = &model.Country{Entity: schema.Entity{ID: id, Type: schema.Country, Name: id}}
		}
	}
	return out, nil
}

// mean returns the mean Goldstein weight of a bucket, nil when none.
func mean(b rollup.Bucket) *float64 {
	m, ok := b.Mean()
	if !ok {
		return nil
	}
	return &m
}

// dyads serves Query.dyads.
func (r *Resolver) dyads(ctx context.Context, country model.EntityRef, since, until string,
	types []schema.RelationType,
) ([]model.Dyad, error) {
	e, err := r.ref(ctx, "country", country)
	if err != nil {
		return nil, err
	}
	cs, err := rollup.LoadCountries(ctx, r.Store)
	if err != nil {
		return nil, err
	}
	ds, err := rollup.Dyads(ctx, r.Store, cs, e.ID, rollup.Query{Types: types, Since: since,
		Until: until})
	if err != nil {
		return nil, err
	}
	ids := []string{e.ID}
	for _, d := range ds {
		ids = append(ids, d.Other)
	}
	slices.Sort(ids)
	cmap, err := r.countries(ctx, slices.Compact(ids))
	if err != nil {
		return nil, err
	}
	out := make([]model.Dyad, len(ds))
	for i, d := range ds {
		out[i] = model.Dyad{Country: cmap[e.ID], Other: cmap[d.Other], Count: d.Count,
			Goldstein: mean(d.Bucket), ByType: []model.TypeCount{}}
		for _, info := range schema.Relations {
			if n := d.ByType[info.Type]; n > 0 {
				out[i].ByType = append(out[i].ByType, model.TypeCount{Type: string(info.Type), Count: n})
			}
		}
		if d.First != "" {
			out[i].First, out[i].Last = &d.First, &d.Last
		}
	}
	return out, nil
}
