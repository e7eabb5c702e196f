package neo4jstore

import (
	"errors"
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
	f, _, err := store.RelationFilter{Entity: evil, Source: evil, Target: evil, Article: evil,
		Between: []string{evil}, Since: "2025", Dated: true}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []store.Order{store.DateAsc, store.DateDesc} {
		f.Order = order
		query, params, err := relationsQuery(f)
		if err != nil {
			t.Fatalf("relationsQuery = %v", err)
		}
		if strings.Contains(query, evil) {
			t.Errorf("relationsQuery(%q) text holds the value:\n%s", evil, query)
		}
		if params["entity"] != evil || params["since"] != "2025-01-01" {
			t.Errorf("relationsQuery params = %v; want entity %q and since 2025-01-01",
				params, evil)
		}
	}
}
