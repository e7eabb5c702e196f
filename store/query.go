package store

import "github.com/diplograph/diplograph/schema"

// Page asks for at most First items after the opaque cursor After.
// First 0 means a default of 20; above MaxFirst is ErrInvalidInput.
type Page struct {
	First int
	After string
}

// Direction says which relations of an entity to follow.
type Direction string

// The directions.
const (
	Out  Direction = "OUT"
	In   Direction = "IN"
	Both Direction = "BOTH"
)

// Order is the order of a relation listing.
type Order string

// The orders. DateAsc sorts undated relations last.
const (
	DateAsc  Order = "DATE_ASC"
	DateDesc Order = "DATE_DESC"
)

// EntityFilter selects entities, ordered by folded name then id.
type EntityFilter struct {
	Type           schema.EntityType // empty: any
	NameStartsWith string            // folded prefix of the name
	Page
}

// EntityPage is one page of entities.
type EntityPage struct {
	Entities  []schema.Entity
	Total     int
	HasNext   bool
	EndCursor string
}

// SearchQuery is a full-text search over names and aliases.
type SearchQuery struct {
	Text  string
	Types []schema.EntityType // empty: any
	First int                 // 0: 10
}

// Hit is one search result with its score (higher is better).
type Hit struct {
	Entity schema.Entity
	Score  float64
}

// RelationFilter selects relations. Every set field must hold.
type RelationFilter struct {
	Types []schema.RelationType // empty: any
	// Entity with Direction selects the relations of one entity.
	Entity    string
	Direction Direction // empty: Both
	Source    string    // entity id at the source end
	Target    string    // entity id at the target end
	// Between keeps relations whose two ends are both in the set.
	Between []string
	Since   string // ISO date; keeps relations dated on or after it
	Until   string // ISO date; keeps relations dated on or before it
	Article string // keeps relations with evidence from this article
	Dated   bool   // keeps only dated relations
	Order   Order  // empty: DateDesc
	Page
}

// RelationPage is one page of relations.
type RelationPage struct {
	Relations []schema.Relation
	Total     int
	HasNext   bool
	EndCursor string
}

// ArticleFilter selects articles, newest first.
type ArticleFilter struct {
	Since  string
	Until  string
	Source string
	Entity string // keeps articles that mention this entity
	Page
}

// ArticlePage is one page of articles.
type ArticlePage struct {
	Articles  []schema.Article
	Total     int
	HasNext   bool
	EndCursor string
}

// NeighborhoodQuery asks for the entities around one entity.
type NeighborhoodQuery struct {
	ID    string
	Depth int                   // 1..3; 0 means 1
	Types []schema.RelationType // relation types to follow; empty: any
	Limit int                   // most entities returned; 0 means 50; ≤ 500
}

// Subgraph is a set of entities and the relations among them.
type Subgraph struct {
	Entities  []schema.Entity
	Relations []schema.Relation
}

// PathQuery asks for shortest paths between two entities.
type PathQuery struct {
	From, To string
	MaxHops  int                   // 1..6; 0 means 4
	Types    []schema.RelationType // relation types to follow; empty: any
	First    int                   // most paths; 0 means 5
}

// Path is a walk from one entity to another: Entities has one more element
// than Relations, and Relations[i] joins Entities[i] and Entities[i+1] in
// either direction.
type Path struct {
	Entities  []schema.Entity
	Relations []schema.Relation
}

// Stats counts what a store holds.
type Stats struct {
	Entities  int
	Relations int
	Articles  int
	ByEntity  map[schema.EntityType]int
	ByRelType map[schema.RelationType]int
}
