package embedded

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// TestHeldOfficesAreIndexed checks that HeldOffices reads a person's
// offices off the partial index relations_office alone, in the listing's
// order, rather than every relation of the person, and that Open adds that index
// to a file written before it existed.
func TestHeldOfficesAreIndexed(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	ctx := context.Background()
	if _, err := s.w.Exec("DROP INDEX relations_office"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir)
	got := queryPlan(t, s, heldOffices, `["someone","else"]`)
	if !strings.Contains(got, "USING COVERING INDEX relations_office (source=?)") {
		t.Errorf("plan of HeldOffices = %q; want relations_office alone", got)
	}
}

// TestNameWordsLookupIsIndexed checks that EntitiesByNameWords reads the
// rows of its words and then each entity by row id, never every entity of
// the type: the resolver makes it once per group of articles, and a scan
// would grow with the store.
func TestNameWordsLookupIsIndexed(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	got := queryPlan(t, s, byNameWordsQuery, "Person", `["kim","lee"]`)
	if !strings.Contains(got, "SEARCH e USING INTEGER PRIMARY KEY") ||
		!strings.Contains(got, "SEARCH name_words USING PRIMARY KEY") ||
		strings.Contains(got, "entities_type") {
		t.Errorf("plan of the name-words look-up = %q; want name_words, then entities by row id",
			got)
	}
}

// queryPlan returns the steps of SQLite's plan for query, joined by "; ".
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	ctx := context.Background()
	var plan []string
	err := s.read(ctx, "plan", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var id, parent, unused int
			var detail string
			err := rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
			return err
		}, "EXPLAIN QUERY PLAN "+query, args...)
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}
