package schema

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestSDLEnumsAgree checks that the enums of schema.graphqls list the Go
// constants of this package, in order.
func TestSDLEnumsAgree(t *testing.T) {
	src, err := os.ReadFile("schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parser.ParseSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	if err != nil {
		t.Fatalf("schema.graphqls: %v", err)
	}
	enum := func(name string) []string {
		d := doc.Definitions.ForName(name)
		if d == nil || d.Kind != ast.Enum {
			t.Fatalf("schema.graphqls has no enum %s", name)
		}
		var out []string
		for _, v := range d.EnumValues {
			out = append(out, v.Name)
		}
		return out
	}
	var entities, relations, rules []string
	for _, e := range EntityTypes {
		entities = append(entities, strings.ToUpper(string(e)))
	}
	for _, r := range Relations {
		relations = append(relations, string(r.Type))
	}
	for _, r := range MatchRules {
		rules = append(rules, string(r))
	}
	for _, c := range []struct {
		enum string
		want []string
	}{
		{"EntityType", entities},
		{"RelationType", relations},
		{"IdentityRule", rules},
	} {
		if got := enum(c.enum); !slices.Equal(got, c.want) {
			t.Errorf("enum %s = %v; want %v", c.enum, got, c.want)
		}
	}
}
