package neo4jstore

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

func TestLuceneQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"xi", "xi^3 OR xi*"},
		{"putn", "putn^3 OR putn* OR putn~1"},
		{"norland", "norland^3 OR norland* OR norland~2"},
		{"a+b", `a\+b^3 OR a\+b* OR a\+b~1`},
		{`x"y:z`, `x\"y\:z^3 OR x\"y\:z* OR x\"y\:z~1`},
	}
	for _, tt := range tests {
		if got := luceneQuery(tt.in); got != tt.want {
			t.Errorf("luceneQuery(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("word ", 40)
	if got := strings.Count(luceneQuery(long), "^3"); got != maxSearchWords {
		t.Errorf("luceneQuery(40 words) has %d words; want %d", got, maxSearchWords)
	}
}

func TestTypesComeOnlyFromTheOntology(t *testing.T) {
	if _, err := typePattern([]schema.RelationType{"MET]->() DETACH DELETE n //"}); !errors.Is(
		err, store.ErrInvalidInput) {
		t.Errorf("typePattern(injection) error = %v; want %v", err, store.ErrInvalidInput)
	}
	if _, err := label("Person:Admin"); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("label(injection) error = %v; want %v", err, store.ErrInvalidInput)
	}
	if _, err := perType(schema.EntityTypes, label, "%[1]s"); err != nil {
		t.Errorf("perType(EntityTypes) error = %v; want nil", err)
	}
	if _, err := perType(relationTypes(), relType, "%[1]s"); err != nil {
		t.Errorf("perType(relation types) error = %v; want nil", err)
	}
	if _, err := perType([]schema.RelationType{schema.Mentions}, relType, "%[1]s"); !errors.Is(
		err, store.ErrInvalidInput) {
		t.Errorf("perType(MENTIONS) error = %v; want %v", err, store.ErrInvalidInput)
	}
}

func TestRelationsQueryKeepsValuesOutOfTheText(t *testing.T) {
	evil := "x' OR 1=1 //"
	f := store.RelationFilter{Entity: evil, Source: evil, Target: evil, Article: evil,
		Between: []string{evil}, Since: "2025", Dated: true,
		Page: store.Page{After: store.Cursor(store.Key{Sort: evil, ID: evil})}}
	plan := store.RelationPlan{Source: &store.EntityPlan{Relations: []store.RelationsPlan{{
		Filter: f, Total: true}}}, Articles: &store.ArticlePlan{Entities: &store.EntityPlan{}}}
	for _, order := range []store.Order{store.DateAsc, store.DateDesc} {
		f.Order = order
		c := newCompiler()
		query, err := c.relations(owner{}, store.RelationsPlan{Filter: f, Total: true,
			Each: plan})
		if err != nil {
			t.Fatalf("relations = %v", err)
		}
		if strings.Contains(query, evil) {
			t.Errorf("relations(%q) text holds the value:\n%s", evil, query)
		}
		var values []any
		for _, v := range c.params {
			values = append(values, v)
		}
		if !slices.Contains(values, any(evil)) || !slices.Contains(values, any("2025-01-01")) {
			t.Errorf("relations params = %v; want %q and 2025-01-01", c.params, evil)
		}
	}
}
