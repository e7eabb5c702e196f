// Package model holds the GraphQL-side types that wrap the domain records of
// package schema: one Go type per concrete GraphQL entity type, the Node and
// Entity interfaces, and the Date scalar. gqlgen writes models_gen.go beside
// it.
package model

import (
	"strconv"

	"github.com/diplograph/diplograph/schema"
)

// Node is anything with a global id: an Entity, a *schema.Relation or a
// *schema.Article. It is empty so that domain records need no GraphQL
// methods; the generated code switches on the concrete type.
type Node any

// Entity is a node of one of the entity types.
type Entity interface {
	// Record returns the domain record behind the entity.
	Record() schema.Entity
}

// Person is a GraphQL Person.
type Person struct{ schema.Entity }

// Country is a GraphQL Country.
type Country struct{ schema.Entity }

// Organization is a GraphQL Organization.
type Organization struct{ schema.Entity }

// Place is a GraphQL Place.
type Place struct{ schema.Entity }

// Event is a GraphQL Event.
type Event struct{ schema.Entity }

// Agreement is a GraphQL Agreement.
type Agreement struct{ schema.Entity }

// Quote is a GraphQL Quote.
type Quote struct{ schema.Entity }

// Record returns the domain record.
func (p Person) Record() schema.Entity { return p.Entity }

// Record returns the domain record.
func (c Country) Record() schema.Entity { return c.Entity }

// Record returns the domain record.
func (o Organization) Record() schema.Entity { return o.Entity }

// Record returns the domain record.
func (p Place) Record() schema.Entity { return p.Entity }

// Record returns the domain record.
func (e Event) Record() schema.Entity { return e.Entity }

// Record returns the domain record.
func (a Agreement) Record() schema.Entity { return a.Entity }

// Record returns the domain record.
func (q Quote) Record() schema.Entity { return q.Entity }

// Year returns the year of an agreement, when its date gives one.
func (a Agreement) Year() *int {
	if len(a.Date) < 4 {
		return nil
	}
	y, err := strconv.Atoi(a.Date[:4])
	if err != nil {
		return nil
	}
	return &y
}

// FromEntity wraps a domain record in the GraphQL type of its entity type.
// Aliases are never nil, so the non-null list is always a list.
func FromEntity(e schema.Entity) Entity {
	if e.Aliases == nil {
		e.Aliases = []string{}
	}
	switch e.Type {
	case schema.Person:
		return Person{e}
	case schema.Country:
		return Country{e}
	case schema.Organization:
		return Organization{e}
	case schema.Place:
		return Place{e}
	case schema.Event:
		return Event{e}
	case schema.Quote:
		return Quote{e}
	default:
		return Agreement{e}
	}
}

// FromEntities wraps each record with FromEntity.
func FromEntities(es []schema.Entity) []Entity {
	out := make([]Entity, len(es))
	for i, e := range es {
		out[i] = FromEntity(e)
	}
	return out
}

// ExternalIDs is a GraphQL ExternalIds: an entity's schema.ExternalIDs with
// null for each it lacks.
type ExternalIDs struct {
	Wikidata *string
	GeoNames *int
	ISO      *string
}

// externalIDs is ids for GraphQL, nil when the entity has none.
func externalIDs(ids schema.ExternalIDs) *ExternalIDs {
	if ids == (schema.ExternalIDs{}) {
		return nil
	}
	out := &ExternalIDs{}
	if ids.Wikidata != "" {
		out.Wikidata = &ids.Wikidata
	}
	if ids.GeoNames != 0 {
		out.GeoNames = &ids.GeoNames
	}
	if ids.ISO != "" {
		out.ISO = &ids.ISO
	}
	return out
}

// ExternalIDs returns the person's outside ids, nil when none.
func (p Person) ExternalIDs() *ExternalIDs { return externalIDs(p.IDs) }

// ExternalIDs returns the country's outside ids, nil when none.
func (c Country) ExternalIDs() *ExternalIDs { return externalIDs(c.IDs) }

// ExternalIDs returns the organization's outside ids, nil when none.
func (o Organization) ExternalIDs() *ExternalIDs { return externalIDs(o.IDs) }

// ExternalIDs returns the place's outside ids, nil when none.
func (p Place) ExternalIDs() *ExternalIDs { return externalIDs(p.IDs) }

// ExternalIDs returns the event's outside ids, nil when none.
func (e Event) ExternalIDs() *ExternalIDs { return externalIDs(e.IDs) }

// ExternalIDs returns the agreement's outside ids, nil when none.
func (a Agreement) ExternalIDs() *ExternalIDs { return externalIDs(a.IDs) }

// ExternalIDs returns the quote's outside ids, nil when none.
func (q Quote) ExternalIDs() *ExternalIDs { return externalIDs(q.IDs) }

// Identity is a GraphQL Identity. EntityID is the entity it is of, which
// matchedOn reads the decisions of.
type Identity struct {
	EntityID  string
	Key       string
	Reason    string
	Decisions int
}
