package resolve

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// offices are what the articles say of a person's offices: the countries
// they are held in (ISO codes, lower case, the country of a person's key
// among them) and the words of the roles ("deputy", "secretary",
// "state").
type offices struct {
	countries map[string]bool
	roles     map[string]bool
	role      string // the first role read, folded
}

// add adds the office of role in the country of code (either may be empty).
func (o *offices) add(code, role string) {
	if code != "" {
		if o.countries == nil {
			o.countries = map[string]bool{}
		}
		o.countries[strings.ToLower(code)] = true
	}
	f := schema.Fold(role)
	if f == "" {
		return
	}
	if o.role == "" {
		o.role = f
	}
	for _, w := range strings.Fields(f) {
		if !roleStopWords[w] {
			if o.roles == nil {
				o.roles = map[string]bool{}
			}
			o.roles[w] = true
		}
	}
}

// merge adds the offices of p to o.
func (o *offices) merge(p offices) {
	for c := range p.countries {
		o.add(c, "")
	}
	for w := range p.roles {
		if o.roles == nil {
			o.roles = map[string]bool{}
		}
		o.roles[w] = true
	}
	if o.role == "" {
		o.role = p.role
	}
}

// roleStopWords are the words of a role that say nothing of the office.
var roleStopWords = map[string]bool{"of": true, "the": true, "and": true, "for": true,
	"to": true, "in": true, "on": true}

// clash reports whether a and b cannot be one person's: both are held in
// known countries, none shared, and both have known roles, no word
// shared ("trade envoy" of Australia and "deputy secretary of state" of
// the United States). Offices that share a country or a role word, or of
// which either side is unknown, do not clash: a person changes office, and
// articles name one office in several ways.
func clash(a, b offices) bool {
	return len(a.countries) > 0 && len(b.countries) > 0 && disjoint(a.countries, b.countries) &&
		len(a.roles) > 0 && len(b.roles) > 0 && disjoint(a.roles, b.roles)
}

func disjoint(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return false
		}
	}
	return true
}

// batchOffices returns the offices that b gives each of its people: the
// country of their key, and each HOLDS_OFFICE of the batch, in a country
// (by its code) or elsewhere (its role only).
func batchOffices(b schema.Batch) map[string]offices {
	byID := map[string]schema.Entity{}
	for _, e := range b.Entities {
		byID[e.ID] = e
	}
	out := map[string]offices{}
	for _, e := range b.Entities {
		if e.Type == schema.Person {
			o := out[e.ID]
			o.add(schema.KeyCountry(e.Key), "")
			out[e.ID] = o
		}
	}
	for _, r := range b.Relations {
		if r.Type != schema.HoldsOffice || byID[r.Source].Type != schema.Person {
			continue
		}
		o := out[r.Source]
		o.add(countryCode(byID[r.Target]), r.Role)
		out[r.Source] = o
	}
	return out
}

// countryCode is the ISO code of a country, or "".
func countryCode(e schema.Entity) string {
	if e.Type != schema.Country {
		return ""
	}
	if e.Code != "" {
		return e.Code
	}
	return e.IDs.ISO
}

// readOffices reads the stored offices of the people ids: their key's
// country and their HOLDS_OFFICE relations, in two store calls per
// store.MaxBatch people.
func readOffices(ctx context.Context, idx Index, people []schema.Entity,
) (map[string]offices, error) {
	out := map[string]offices{}
	for _, p := range people {
		o := out[p.ID]
		o.add(schema.KeyCountry(p.Key), "")
		out[p.ID] = o
	}
	ids := slices.Sorted(maps.Keys(out))
	for start := 0; start < len(ids); start += store.MaxBatch {
		part := ids[start:min(start+store.MaxBatch, len(ids))]
		held, err := idx.HeldOffices(ctx, part)
		if err != nil {
			return nil, err
		}
		targets := map[string]bool{}
		for _, rs := range held {
			for _, r := range rs {
				targets[r.Target] = true
			}
		}
		ents, err := entitiesByIDs(ctx, idx, slices.Sorted(maps.Keys(targets)))
		if err != nil {
			return nil, err
		}
		for i, rs := range held {
			o := out[part[i]]
			for _, r := range rs {
				o.add(countryCode(ents[r.Target]), r.Role)
			}
			out[part[i]] = o
		}
	}
	return out, nil
}

// entitiesByIDs reads the entities of ids, store.MaxBatch at a time.
func entitiesByIDs(ctx context.Context, idx Index, ids []string,
) (map[string]schema.Entity, error) {
	out := map[string]schema.Entity{}
	for start := 0; start < len(ids); start += store.MaxBatch {
		es, err := idx.EntitiesByIDs(ctx, ids[start:min(start+store.MaxBatch, len(ids))])
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			out[e.ID] = e
		}
	}
	return out, nil
}

// roleKey is the key of a person kept apart from a namesake of the same
// key by their office: "person:john miller|deputy secretary of state".
func roleKey(e schema.Entity, role string) string {
	return e.Key + "|" + role
}
