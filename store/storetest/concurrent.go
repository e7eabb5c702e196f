package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// writers is the number of concurrent writers of testConcurrent.
const writers = 6

// testConcurrent runs writers that each add an alias and a piece of
// evidence to the same entity and relation, beside readers; no write may
// be lost and no read may fail.
func testConcurrent(t *testing.T, s store.Store, fx *Fixture) {
	errs := make(chan error, 4*writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			errs <- s.Upsert(bg, fx.concurrentBatch(i))
		}()
		go func() {
			defer wg.Done()
			_, err := s.Entity(bg, fx.ID("vel"))
			errs <- err
			_, err = s.Relations(bg, store.RelationFilter{Entity: fx.ID("vel")})
			errs <- err
			_, err = s.Search(bg, store.SearchQuery{Text: "velasquez"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		noErr(t, "concurrent call", err)
	}
	e, err := s.Entity(bg, fx.ID("vel"))
	noErr(t, "Entity(vel)", err)
	r, err := s.Relation(bg, fx.ID("call"))
	noErr(t, "Relation(call)", err)
	for i := range writers {
		if alias := concurrentAlias(i); !slices.Contains(e.Aliases, alias) {
			t.Errorf("Entity(vel).Aliases = %v; want it to hold %q", e.Aliases, alias)
		}
	}
	equal(t, "len(Relation(call).Evidence)", len(r.Evidence), 2+writers)
}

func concurrentAlias(i int) string { return fmt.Sprintf("Velasquez %c", 'A'+i) }

// concurrentBatch is the batch of the i-th concurrent writer: one more
// article reporting the call, naming Velasquez by one more alias.
func (fx *Fixture) concurrentBatch(i int) schema.Batch {
	a := schema.Article{ID: schema.ID(fmt.Sprintf("article:storetest-c%d", i)),
		Title: fmt.Sprintf("Report %d", i), Published: "2025-05-03"}
	vel, bra := fx.Entities["vel"], fx.Entities["bra"]
	vel.Aliases = []string{concurrentAlias(i)}
	call := fx.Relations["call"]
	call.Evidence = []schema.Evidence{evidence(a, 10*i)}
	return schema.Batch{Article: a, Entities: []schema.Entity{vel, bra},
		Relations: []schema.Relation{call}}
}
