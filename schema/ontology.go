// Package schema is diplograph's ontology: the entity types, the relation types
// with their event codes, the domain records that every other package shares,
// the GraphQL SDL (schema.graphqls) and the Neo4j constraints and indexes.
//
// It is the one source of truth: the GraphQL enums and the Cypher statements
// are checked against the Go constants by this package's tests.
package schema

// EntityType is the kind of a node in the graph. Its value is the Neo4j label
// and the name printed by `diplograph extract --json`.
type EntityType string

// The entity types of the ontology.
const (
	Person       EntityType = "Person"
	Country      EntityType = "Country"
	Organization EntityType = "Organization"
	Place        EntityType = "Place"
	Event        EntityType = "Event"
	Agreement    EntityType = "Agreement"
	// Quote is words someone said, kept with the speaker (SAID) and the
	// sentence they were read from; its name is the quoted text.
	Quote EntityType = "Quote"
)

// EntityTypes lists every entity type in a stable order.
var EntityTypes = []EntityType{Person, Country, Organization, Place, Event, Agreement, Quote}

// Valid reports whether t is one of EntityTypes.
func (t EntityType) Valid() bool {
	for _, x := range EntityTypes {
		if x == t {
			return true
		}
	}
	return false
}

// RelationType is the type of a directed edge. Its value is the Neo4j
// relationship type and the GraphQL enum value.
type RelationType string

// The relation types scored by the evaluation contract, then the extra ones.
const (
	Called      RelationType = "CALLED"
	Met         RelationType = "MET"
	Visited     RelationType = "VISITED"
	Invited     RelationType = "INVITED"
	Condemned   RelationType = "CONDEMNED"
	Condoled    RelationType = "CONDOLED"
	Supported   RelationType = "SUPPORTED"
	Signed      RelationType = "SIGNED"
	Attended    RelationType = "ATTENDED"
	HoldsOffice RelationType = "HOLDS_OFFICE"
	OccurredIn  RelationType = "OCCURRED_IN"
	LocatedIn   RelationType = "LOCATED_IN"
	Attacked    RelationType = "ATTACKED"
	Discussed   RelationType = "DISCUSSED"
	Said        RelationType = "SAID"
	Mentions    RelationType = "MENTIONS"
)

// RelationInfo describes a relation type: its codes in the CAMEO and PLOVER
// event ontologies (empty for structural relations) and whether it is
// symmetric (A MET B is the same fact as B MET A).
type RelationInfo struct {
	Type      RelationType
	Cameo     string
	Plover    string
	Symmetric bool
	// Action is true for things actors do (they carry a date and codes);
	// false for structural facts such as HOLDS_OFFICE or LOCATED_IN.
	Action bool
	Doc    string
}

// Relations lists every relation type with its metadata, in a stable order.
// MENTIONS (article to entity) is internal and not listed.
var Relations = []RelationInfo{
	{Called, "041", "CONSULT-phone", false, true, "subject phoned or video-called object"},
	{Met, "040", "CONSULT", true, true, "in-person meeting or talks"},
	{Visited, "042", "CONSULT-visit", false, true, "subject travelled to a place or event"},
	{Invited, "040", "AGREE", false, true, "subject invited object (coded as INVITE)"},
	{Condemned, "111", "ACCUSE-disapprove", false, true, "subject condemned an event or actor"},
	{Condoled, "018", "CONSULT", false, true, "subject offered condolences to object"},
	{Supported, "032", "AGREE", false, true, "subject pledged or offered support"},
	{Signed, "057", "SUPPORT", false, true, "subject signed an agreement"},
	{Attended, "043", "CONSULT", false, true, "subject took part in an event"},
	{HoldsOffice, "", "", false, false, "person holds a role in a country or organization"},
	{OccurredIn, "", "", false, false, "event took place in a place or country"},
	{LocatedIn, "", "", false, false, "place lies in a place or country"},
	{Attacked, "190", "ASSAULT", false, true, "subject carried out an attack on object"},
	{Discussed, "010", "CONSULT", false, true, "subject discussed a topic or agreement"},
	// CAMEO 010 is "make statement"; PLOVER has no category for statements.
	{Said, "010", "", false, true, "subject said the quoted words"},
}

// Info returns the metadata of t and whether t is a known relation type.
func Info(t RelationType) (RelationInfo, bool) {
	for _, r := range Relations {
		if r.Type == t {
			return r, true
		}
	}
	return RelationInfo{}, false
}

// Valid reports whether t is one of Relations.
func (t RelationType) Valid() bool {
	_, ok := Info(t)
	return ok
}
