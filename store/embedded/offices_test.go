package embedded

import (
	"context"
	"database/sql"
	"strings"
	"testing"
)

// TestHeldOfficesAreIndexed checks that HeldOffices reads a person's
// offices off the partial index relations_office, in the listing's order,
// rather than every relation of the person, and that Open adds that index
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
	var plan []string
	err := s.read(ctx, "plan", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var id, parent, unused int
			var detail string
			err := rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
			return err
		}, "EXPLAIN QUERY PLAN "+heldOffices, "someone")
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(plan, "; ")
	if !strings.Contains(got, "USING INDEX relations_office") || strings.Contains(got, "TEMP B-TREE") {
		t.Errorf("plan of HeldOffices = %q; want relations_office read in order", got)
	}
}
