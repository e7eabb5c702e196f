// Package rollup answers country-level questions over the graph: which
// relations run between two countries once their officials are counted as
// acting for them, the dyads of a country, and counts of relations by
// month, type, country pair and PLOVER category with a Goldstein-style
// intensity (intensity.go). It reads a store only through store.Scanner,
// so it works unchanged on every store.
package rollup

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Countries maps the entities that act for a country to it: each country
// to itself and each person who HOLDS_OFFICE in a country to that
// country. A person read as holding office in several countries acts for
// the one the most evidence sentences say so for (then the first by id):
// a foreign minister's own country, not the many an extraction slip names.
type Countries map[string]string

// LoadCountries reads every HOLDS_OFFICE relation into Countries.
func LoadCountries(ctx context.Context, st store.Scanner) (Countries, error) {
	cs := Countries{}
	err := st.ScanEntities(ctx, store.EntityFilter{Type: schema.Country}, func(e schema.Entity) error {
		cs[e.ID] = e.ID
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rollup: countries: %w", err)
	}
	weight := map[string]map[string]int{} // person → country → evidence sentences
	f := store.RelationFilter{Types: []schema.RelationType{schema.HoldsOffice}}
	err = st.ScanRelations(ctx, f, func(r schema.Relation) error {
		if cs[r.Target] != r.Target || cs[r.Source] == r.Source {
			return nil // not into a country, or from a country
		}
		if weight[r.Source] == nil {
			weight[r.Source] = map[string]int{}
		}
		weight[r.Source][r.Target] += max(len(r.Evidence), 1)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rollup: offices: %w", err)
	}
	for person, byCountry := range weight {
		best, bestN := "", 0
		for c, n := range byCountry {
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		cs[person] = best
	}
	return cs, nil
}

// Of returns the country an entity acts for, "" when none.
func (cs Countries) Of(id string) string { return cs[id] }

// Members returns the entities that act for country: the country and its
// officials, sorted.
func (cs Countries) Members(country string) []string {
	var out []string
	for id, c := range cs {
		if c == country {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// MaxRelations bounds the relations Between gathers for one answer.
const MaxRelations = 10000

// Between returns the relations matching f (its Between ignored) that run
// from one of countries, or an official of it, to another of them or an
// official of that, in f's order. More than MaxRelations is
// ErrInvalidInput: narrow the types or the dates.
func Between(ctx context.Context, st store.Scanner, cs Countries, countries []string,
	f store.RelationFilter,
) ([]schema.Relation, error) {
	if len(countries) < 2 {
		return nil, fmt.Errorf("betweenCountries needs two countries or more, got %d: %w",
			len(countries), store.ErrInvalidInput)
	}
	side := map[string]string{}
	for _, c := range countries {
		if cs.Of(c) != c {
			return nil, fmt.Errorf("betweenCountries: %s is not a country: %w", c, store.ErrInvalidInput)
		}
		for _, id := range cs.Members(c) {
			side[id] = c
		}
	}
	f.Between = nil
	f.Page = store.Page{}
	var out []schema.Relation
	for _, c := range countries {
		for _, id := range cs.Members(c) {
			g := f
			g.Entity, g.Direction = id, store.Out
			err := st.ScanRelations(ctx, g, func(r schema.Relation) error {
				if t, ok := side[r.Target]; ok && t != c {
					if len(out) == MaxRelations {
						return fmt.Errorf("betweenCountries: more than %d relations; narrow "+
							"the types or dates: %w", MaxRelations, store.ErrInvalidInput)
					}
					out = append(out, r)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	slices.SortFunc(out, Order(f.Order))
	return out, nil
}

// Order returns the comparison of a relation order, as the stores sort:
// DateAsc oldest first with undated last, otherwise newest first; then id.
func Order(o store.Order) func(a, b schema.Relation) int {
	if o == store.DateAsc {
		return func(a, b schema.Relation) int {
			return cmp.Or(cmp.Compare(undated(a), undated(b)), cmp.Compare(a.Date, b.Date),
				cmp.Compare(a.ID, b.ID))
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
