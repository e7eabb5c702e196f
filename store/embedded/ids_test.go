package embedded

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// TestWikidataLookupIsIndexed: EntityByWikidata seeks the index of
// Wikidata ids, which holds the linked entities only, and the column
// follows the record when an entity is first linked by a later write.
func TestWikidataLookupIsIndexed(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	ctx := context.Background()
	a := schema.Article{ID: schema.ID("article:w"), Title: "W", Published: "2025-01-02"}
	plain := schema.Entity{ID: schema.ID("person:berg"), Key: "person:berg", Type: schema.Person,
		Name: "Ingrid Berg"}
	other := schema.Entity{ID: schema.ID("person:dahl"), Key: "person:dahl", Type: schema.Person,
		Name: "Olav Dahl"}
	if err := s.Upsert(ctx, schema.Batch{Article: a,
		Entities: []schema.Entity{plain, other}}); err != nil {
		t.Fatal(err)
	}
	linked := plain
	linked.IDs = schema.ExternalIDs{Wikidata: "Q4200001"}
	if err := s.Upsert(ctx, schema.Batch{Article: a, Entities: []schema.Entity{linked}}); err != nil {
		t.Fatal(err)
	}
	e, err := s.EntityByWikidata(ctx, "Q4200001")
	if err != nil || e.ID != plain.ID || e.IDs.Wikidata != "Q4200001" {
		t.Errorf("EntityByWikidata(Q4200001) = %+v, %v; want %s with its id", e, err, plain.ID)
	}

	var plan []string
	err = s.read(ctx, "plan", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var id, parent, unused int
			var detail string
			err := rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
			return err
		}, "EXPLAIN QUERY PLAN "+byWikidataQuery, "Q4200001")
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(plan, "; "); !strings.Contains(got, "USING INDEX entities_wikidata") {
		t.Errorf("plan of the Wikidata look-up = %q; want a search of entities_wikidata", got)
	}
	var indexed int
	err = s.read(ctx, "count", func(q querier) error {
		return q.QueryRowContext(ctx,
			"SELECT COUNT(*) FROM entities INDEXED BY entities_wikidata WHERE wikidata IS NOT NULL",
		).Scan(&indexed)
	})
	if err != nil || indexed != 1 {
		t.Errorf("entities in the Wikidata index = %d, %v; want 1", indexed, err)
	}
}
