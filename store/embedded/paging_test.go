package embedded

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

// pageAll pages through a relation listing one item at a time, calling
// between(i) after the i-th page, and returns the ids seen.
func pageAll(t *testing.T, s *Store, f store.RelationFilter, between func(i int)) []string {
	t.Helper()
	var ids []string
	f.First = 1
	for i := 0; ; i++ {
		p, err := s.Relations(bg, f)
		if err != nil {
			t.Fatalf("Relations(%+v) = %v", f, err)
		}
		for _, r := range p.Relations {
			ids = append(ids, r.ID)
		}
		if !p.HasNext {
			return ids
		}
		f.After = p.EndCursor
		between(i)
	}
}

// TestKeysetPaging: paging a listing one item at a time gives the listing,
// in both orders and for an entity's relations read off both indexes.
func TestKeysetPaging(t *testing.T) {
	s, _ := loaded(t, t.TempDir())
	fx := storetest.NewFixture()
	for _, f := range []store.RelationFilter{
		{}, {Order: store.DateAsc}, {Entity: fx.ID("vel")},
		{Entity: fx.ID("vel"), Order: store.DateAsc}, {Dated: true, Since: "2025"},
	} {
		all, err := s.Relations(bg, f)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{}
		for _, r := range all.Relations {
			want = append(want, r.ID)
		}
		got := append([]string{}, pageAll(t, s, f, func(int) {})...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("paged %+v = %v; want %v", f, got, want)
		}
	}
}

// TestPagingDuringIngest: relations written between two pages, dated
// before and after the page's place, shift no item that was there at the
// start into a second page or out of every page.
func TestPagingDuringIngest(t *testing.T) {
	for _, order := range []store.Order{store.DateDesc, store.DateAsc} {
		t.Run(string(order), func(t *testing.T) {
			s, _ := loaded(t, t.TempDir())
			fx := storetest.NewFixture()
			before, err := s.Relations(bg, store.RelationFilter{Order: order, Page: store.Page{First: 100}})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			ids := pageAll(t, s, store.RelationFilter{Order: order}, func(i int) {
				if i >= 6 {
					return
				}
				a := schema.Article{ID: fmt.Sprintf("ingest-%d", i), Title: "more"}
				var rs []schema.Relation
				for k, date := range []string{"1990-01-01", "2099-12-31", "", "2025-05-01"} {
					rs = append(rs, schema.Relation{ID: fmt.Sprintf("new-%d-%d", i, k),
						Type: schema.Met, Source: fx.ID("vel"), Target: fx.ID("bra"), Date: date})
				}
				if err := s.Upsert(bg, schema.Batch{Article: a, Relations: rs}); err != nil {
					t.Fatal(err)
				}
			})
			for _, id := range ids {
				seen[id]++
			}
			for _, r := range before.Relations {
				if seen[r.ID] != 1 {
					t.Errorf("relation %s seen %d times while paging during writes; want once",
						r.ID, seen[r.ID])
				}
			}
		})
	}
}
