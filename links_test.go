//go:build !race

package main

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// TestRealCorpusLinks extracts the real press-release corpus and counts the
// graph's nodes (each entity id once, merged across releases as the stores
// merge them, before cross-article resolution of people) that the link
// stage gave each kind of outside id: the figures of the README's
// knowledge-base section. It fails if countries, the best-known kind, are
// not nearly all linked.
func TestRealCorpusLinks(t *testing.T) {
	path := needRealCorpus(t)
	docs, err := loader.ReadFile(path, loader.ReadOptions{})
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	batches := make([]schema.Batch, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				b, err := x.Extract(docs[i])
				if err != nil {
					t.Errorf("%s: %v", docs[i].Path, err)
				}
				batches[i] = b
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	c, err := store.Prepare(batches)
	if err != nil {
		t.Fatalf("Prepare: %v", err)
	}
	type count struct{ all, wikidata, geonames, iso, location int }
	counts := map[schema.EntityType]*count{}
	for _, e := range c.Entities {
		n := counts[e.Type]
		if n == nil {
			n = &count{}
			counts[e.Type] = n
		}
		n.all++
		for _, has := range []struct {
			ok bool
			n  *int
		}{{e.IDs.Wikidata != "", &n.wikidata}, {e.IDs.GeoNames != 0, &n.geonames},
			{e.IDs.ISO != "", &n.iso}, {e.Location != nil, &n.location}} {
			if has.ok {
				*has.n++
			}
		}
	}
	var lines []string
	for _, typ := range []schema.EntityType{schema.Country, schema.Organization, schema.Place, schema.Person} {
		n := counts[typ]
		if n == nil {
			t.Fatalf("no %s in the corpus", typ)
		}
		lines = append(lines, fmt.Sprintf("| %s | %d | %d | %d | %d | %d |", typ, n.all, n.wikidata,
			n.geonames, n.iso, n.location))
	}
	sort.Strings(lines)
	t.Logf("%d releases\n| nodes | all | wikidata | geonames | iso | location |\n| --- | --- | --- | --- | --- | --- |\n%s",
		len(docs), strings.Join(lines, "\n"))
	if n := counts[schema.Country]; n.iso < n.all*9/10 {
		t.Errorf("%d of %d countries have an ISO code; want nine in ten", n.iso, n.all)
	}
}
