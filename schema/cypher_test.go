package schema

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCypherSetupCoversEveryLabel(t *testing.T) {
	stmts := CypherSetup()
	for _, typ := range EntityTypes {
		want := fmt.Sprintf("FOR (n:%s) REQUIRE n.id IS UNIQUE", typ)
		if !slices.ContainsFunc(stmts, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("CypherSetup() has no statement with %q; got %q", want, stmts)
		}
	}
	for _, r := range Relations {
		want := fmt.Sprintf("FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE", r.Type)
		if !slices.ContainsFunc(stmts, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("CypherSetup() has no statement with %q; got %q", want, stmts)
		}
	}
}

func TestCypherSetupIsIdempotent(t *testing.T) {
	names := map[string]bool{}
	for _, s := range CypherSetup() {
		if !strings.Contains(s, " IF NOT EXISTS ") {
			t.Errorf("statement %q lacks IF NOT EXISTS", s)
		}
		name := strings.Fields(s)[2]
		if strings.HasPrefix(s, "CREATE FULLTEXT ") || strings.HasPrefix(s, "CREATE POINT ") {
			name = strings.Fields(s)[3]
		}
		if names[name] {
			t.Errorf("name %q is used twice in CypherSetup()", name)
		}
		names[name] = true
	}
	if !names[EntityNamesIndex] {
		t.Errorf("CypherSetup() creates no index %q; got %v", EntityNamesIndex, names)
	}
}
