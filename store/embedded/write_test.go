package embedded

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// TestNumberedInsertAfterDeletingTheLastRows: one write renames two
// entities, the second of which holds the names with the highest row ids;
// its names are deleted after the first entity's new names were numbered,
// so the database would number the new rows otherwise than the writer did,
// and the write binds each row id instead. Every name still finds its
// entity, and row ids stay unique.
func TestNumberedInsertAfterDeletingTheLastRows(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	a := schema.Article{ID: "article:n", Title: "N", Published: "2025-01-02"}
	first := schema.Entity{ID: "person:a", Key: "person:a", Type: schema.Person,
		Name: "Agnes Alm"}
	last := schema.Entity{ID: "person:b", Key: "person:b", Type: schema.Person,
		Name: "Bodil Berg", Aliases: []string{"B. Berg", "Bodil M. Berg"}}
	if err := s.Upsert(bg, schema.Batch{Article: a,
		Entities: []schema.Entity{first, last}}); err != nil {
		t.Fatal(err)
	}
	first.Aliases = []string{"Agnes K. Alm"}
	last.Aliases = []string{"Bodil Maria Berg"}
	if err := s.Upsert(bg, schema.Batch{Article: a,
		Entities: []schema.Entity{first, last}}); err != nil {
		t.Fatalf("Upsert(renamed) = %v; want nil", err)
	}
	for text, want := range map[string]string{
		"Agnes K. Alm": "person:a", "Bodil Maria Berg": "person:b", "B. Berg": "person:b",
		"Agnes Alm": "person:a", "Maria": "person:b", "K. Alm": "person:a",
	} {
		hits, err := s.Search(bg, store.SearchQuery{Text: text, First: 1})
		if err != nil || len(hits) == 0 || hits[0].Entity.ID != want {
			t.Errorf("Search(%q) = %+v, %v; want %s first", text, hits, err, want)
		}
	}
	var n, distinct int
	err := s.read(bg, "names", func(q querier) error {
		return q.QueryRowContext(bg, `SELECT COUNT(*), COUNT(DISTINCT fts.rowid)
			FROM names JOIN names_fts fts ON fts.rowid = names.rid
			WHERE names_fts MATCH 'alm OR berg'`).Scan(&n, &distinct)
	})
	if err != nil || n != 6 || distinct != 6 {
		t.Errorf("names in the full-text index = %d (%d distinct), %v; want 6", n, distinct, err)
	}
}
