package rollup

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Key is one thing counts are grouped by.
type Key string

// The keys.
const (
	Month       Key = "MONTH"        // the YYYY-MM of the relation's date
	Type        Key = "TYPE"         // the relation type
	CountryPair Key = "COUNTRY_PAIR" // the two countries its ends act for
	Plover      Key = "PLOVER"       // the PLOVER category of its type
)

// Query asks for counts of relations.
type Query struct {
	GroupBy []Key
	Types   []schema.RelationType // empty: every action type
	Since   string
	Until   string
	Country string // keeps relations with an end acting for this country
}

// Bucket is the count of one group. Only the fields of the grouping keys
// are set; Pair is sorted by id.
type Bucket struct {
	Month  string
	Type   schema.RelationType
	Pair   [2]string
	Plover string
	Count  int
	// Weighted is how many of Count have a Goldstein weight; Goldstein is
	// the sum of their weights.
	Weighted  int
	Goldstein float64
}

// Mean returns the mean Goldstein weight of the bucket, false when none of
// its relations has one.
func (b Bucket) Mean() (float64, bool) {
	if b.Weighted == 0 {
		return 0, false
	}
	return b.Goldstein / float64(b.Weighted), true
}

// MaxBuckets bounds the groups one count returns.
const MaxBuckets = 5000

// Count groups the relations q selects by q.GroupBy and counts them, in
// key order. A relation whose ends do not act for two different countries
// falls outside every COUNTRY_PAIR group; one without a month, outside
// every MONTH group.
func Count(ctx context.Context, st store.Scanner, cs Countries, q Query) ([]Bucket, error) {
	by := map[Key]bool{}
	for _, k := range q.GroupBy {
		switch k {
		case Month, Type, CountryPair, Plover:
			by[k] = true
		default:
			return nil, fmt.Errorf("counts: cannot group by %q: %w", k, store.ErrInvalidInput)
		}
	}
	groups := map[Bucket]*Bucket{}
	err := scanActions(ctx, st, q, func(r schema.Relation) error {
		var k Bucket
		if by[Month] {
			if len(r.Date) < 7 {
				return nil
			}
			k.Month = r.Date[:7]
		}
		if by[Type] {
			k.Type = r.Type
		}
		if by[Plover] {
			k.Plover = r.Plover
		}
		if by[CountryPair] {
			a, b := cs.Of(r.Source), cs.Of(r.Target)
			if a == "" || b == "" || a == b {
				return nil
			}
			k.Pair = [2]string{min(a, b), max(a, b)}
		}
		if q.Country != "" && cs.Of(r.Source) != q.Country && cs.Of(r.Target) != q.Country {
			return nil
		}
		g := groups[k]
		if g == nil {
			if len(groups) == MaxBuckets {
				return fmt.Errorf("counts: more than %d groups; narrow the query: %w",
					MaxBuckets, store.ErrInvalidInput)
			}
			g = &Bucket{Month: k.Month, Type: k.Type, Pair: k.Pair, Plover: k.Plover}
			groups[k] = g
		}
		add(g, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Bucket, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b Bucket) int {
		return cmp.Or(cmp.Compare(a.Month, b.Month), cmp.Compare(a.Type, b.Type),
			cmp.Compare(a.Pair[0], b.Pair[0]), cmp.Compare(a.Pair[1], b.Pair[1]),
			cmp.Compare(a.Plover, b.Plover))
	})
	return out, nil
}

// add counts r into g.
func add(g *Bucket, r schema.Relation) {
	g.Count++
	if w, ok := Goldstein(r.Cameo); ok && r.Cameo != "" {
		g.Weighted++
		g.Goldstein += w
	}
}

// scanActions scans the relations of q's types (every action type when
// none) in q's window.
func scanActions(ctx context.Context, st store.Scanner, q Query, fn func(schema.Relation) error,
) error {
	types := q.Types
	if len(types) == 0 {
		for _, info := range schema.Relations {
			if info.Action {
				types = append(types, info.Type)
			}
		}
	}
	f := store.RelationFilter{Types: types, Since: q.Since, Until: q.Until}
	if err := st.ScanRelations(ctx, f, fn); err != nil {
		return fmt.Errorf("counts: %w", err)
	}
	return nil
}

// Dyad is what passed between a country and one other.
type Dyad struct {
	Other  string // the other country's id
	ByType map[schema.RelationType]int
	Bucket        // Count, Weighted and Goldstein over every type
	First  string // earliest date, "" when none is dated
	Last   string // latest date
}

// Dyads returns, for country, the other countries its entities have
// relations with (counting officials as acting for their country), most
// relations first.
func Dyads(ctx context.Context, st store.Scanner, cs Countries, country string, q Query,
) ([]Dyad, error) {
	if cs.Of(country) != country {
		return nil, fmt.Errorf("dyads: %s is not a country: %w", country, store.ErrInvalidInput)
	}
	byOther := map[string]*Dyad{}
	err := scanActions(ctx, st, q, func(r schema.Relation) error {
		a, b := cs.Of(r.Source), cs.Of(r.Target)
		other := ""
		switch {
		case a == country && b != "" && b != country:
			other = b
		case b == country && a != "" && a != country:
			other = a
		default:
			return nil
		}
		d := byOther[other]
		if d == nil {
			d = &Dyad{Other: other, ByType: map[schema.RelationType]int{}}
			byOther[other] = d
		}
		add(&d.Bucket, r)
		d.ByType[r.Type]++
		if r.Date != "" {
			if d.First == "" || r.Date < d.First {
				d.First = r.Date
			}
			d.Last = max(d.Last, r.Date)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("dyads: %w", err)
	}
	out := make([]Dyad, 0, len(byOther))
	for _, d := range byOther {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b Dyad) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Other, b.Other))
	})
	return out, nil
}
