package embedded_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/bench/peer/corpus"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
)

// envInt returns the integer in the environment variable name, or def.
func envInt(b *testing.B, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		b.Fatalf("%s=%q is not a positive integer", name, v)
	}
	return n
}

// BenchmarkCorpusQueries loads a generated corpus of
// DIPLOGRAPH_BENCH_CORPUS articles (1000 by default; bench/peer/corpus)
// through the loader and the resolver, then measures the reads the API
// makes most: searches, the relations of the entity with most relations,
// a dated relation listing, an entity and an article listing and a
// neighbourhood.
func BenchmarkCorpusQueries(b *testing.B) {
	n := envInt(b, "DIPLOGRAPH_BENCH_CORPUS", 1000)
	ctx := context.Background()
	dir := b.TempDir()
	if err := corpus.WriteDir(dir, corpus.Generate(n, 1)); err != nil {
		b.Fatal(err)
	}
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	data := b.TempDir()
	st, err := embedded.Open(data)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ingest.Load(ctx, resolve.New(st, st), x, []string{dir}, ingest.Options{}); err != nil {
		b.Fatal(err)
	}
	// Serve as a server started on the loaded store does.
	if err := st.Close(ctx); err != nil {
		b.Fatal(err)
	}
	if st, err = embedded.Open(data); err != nil {
		b.Fatal(err)
	}
	defer st.Close(ctx)
	degree := map[string]int{}
	if err := st.ScanRelations(ctx, store.RelationFilter{}, func(r schema.Relation) error {
		degree[r.Source]++
		degree[r.Target]++
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	hubID := ""
	for id, d := range degree {
		if e, err := st.Entity(ctx, id); err == nil && e.Type == schema.Person &&
			(hubID == "" || d > degree[hubID] || d == degree[hubID] && id < hubID) {
			hubID = id
		}
	}
	hub, err := st.Entity(ctx, hubID)
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields(hub.Name)
	surname := words[len(words)-1]
	typo := []byte(surname)
	typo[1], typo[2] = typo[2], typo[1]
	queries := []struct {
		name string
		run  func() error
	}{
		{"search/name", func() error {
			_, err := st.Search(ctx, store.SearchQuery{Text: hub.Name})
			return err
		}},
		{"search/surname", func() error {
			_, err := st.Search(ctx, store.SearchQuery{Text: surname})
			return err
		}},
		{"search/prefix", func() error {
			_, err := st.Search(ctx, store.SearchQuery{Text: surname[:3]})
			return err
		}},
		{"search/typo", func() error {
			_, err := st.Search(ctx, store.SearchQuery{Text: string(typo)})
			return err
		}},
		{"entity-relations", func() error {
			_, err := st.Relations(ctx, store.RelationFilter{Entity: hub.ID,
				Page: store.Page{First: 20}})
			return err
		}},
		{"dated-listing", func() error {
			_, err := st.Relations(ctx, store.RelationFilter{Dated: true, Since: "2023-01",
				Until: "2023-06", Page: store.Page{First: 20}})
			return err
		}},
		{"entities", func() error {
			_, err := st.Entities(ctx, store.EntityFilter{Type: schema.Person,
				Page: store.Page{First: 20}})
			return err
		}},
		{"articles", func() error {
			_, err := st.Articles(ctx, store.ArticleFilter{Page: store.Page{First: 20}})
			return err
		}},
		{"neighborhood", func() error {
			_, err := st.Neighborhood(ctx, store.NeighborhoodQuery{ID: hub.ID, Depth: 2})
			return err
		}},
	}
	for _, q := range queries {
		b.Run(fmt.Sprintf("%s/%d", q.name, n), func(b *testing.B) {
			for b.Loop() {
				if err := q.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLarge measures a store of DIPLOGRAPH_BENCH_RELATIONS synthetic
// relations (skipped when unset) kept in DIPLOGRAPH_BENCH_DIR (a new
// temporary directory when unset): it writes the store when the directory
// holds none, then reports
//
//   - open: the start-up of the cleanly closed store, Open (its file check
//     included) until the first answer (Stats);
//   - close: Close after an Open that wrote nothing;
//   - one sub-benchmark per read the API makes most, on the open store;
//   - serve: the process's resident memory (VmRSS, and its peak VmHWM)
//     after serving a mix of those reads for a few seconds.
//
// Run it twice on one directory so that the memory figures are those of a
// process that only opened and served it.
func BenchmarkLarge(b *testing.B) {
	rels := envInt(b, "DIPLOGRAPH_BENCH_RELATIONS", -1)
	if rels < 0 {
		b.Skip("set DIPLOGRAPH_BENCH_RELATIONS (e.g. 1000000) to run")
	}
	ctx := context.Background()
	dir := os.Getenv("DIPLOGRAPH_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	if _, err := os.Stat(filepath.Join(dir, "diplograph.db")); err != nil {
		start := time.Now()
		if err := writeLarge(ctx, dir, rels); err != nil {
			b.Fatal(err)
		}
		b.Logf("wrote %d relations in %s", rels, time.Since(start))
	}
	b.Run("open", func(b *testing.B) {
		var check time.Duration
		for b.Loop() {
			st, err := embedded.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := st.Stats(ctx); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			check += st.Recovery().Took
			if err := st.Close(ctx); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(check.Microseconds())/1000/float64(b.N), "check-ms/op")
	})
	b.Run("close", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			st, err := embedded.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := st.Close(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	st, err := embedded.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close(ctx)
	reads := largeReads(ctx, st, rels)
	for _, r := range reads {
		b.Run(r.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				if err := r.run(i); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	b.Run("serve", func(b *testing.B) {
		stats, err := st.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(stats.Relations), "relations")
		end := time.Now().Add(5 * time.Second)
		calls := 0
		for i := 0; time.Now().Before(end); i++ {
			for _, r := range reads {
				if err := r.run(i); err != nil {
					b.Fatal(err)
				}
				calls++
			}
		}
		b.ReportMetric(float64(calls)/5, "reads/s")
		rss, hwm := procMemory(b)
		b.ReportMetric(float64(rss)/(1<<20), "RSS-MiB")
		b.ReportMetric(float64(hwm)/(1<<20), "peak-RSS-MiB")
	})
}

// largeRead is one kind of read of the synthetic store; run(i) reads
// about the i-th entity or window.
type largeRead struct {
	name string
	run  func(i int) error
}

// largeReads returns the reads BenchmarkLarge measures on st, a store of
// rels synthetic relations.
func largeReads(ctx context.Context, st *embedded.Store, rels int) []largeRead {
	pick := func(i int) schema.Entity { return largeEntity(i * 7919 % max(rels/10, 2)) }
	return []largeRead{
		{"search", func(i int) error {
			_, err := st.Search(ctx, store.SearchQuery{Text: pick(i).Name})
			return err
		}},
		{"entity-relations", func(i int) error {
			_, err := st.Relations(ctx, store.RelationFilter{Entity: pick(i).ID,
				Page: store.Page{First: 20}})
			return err
		}},
		{"dated-listing", func(i int) error {
			_, err := st.Relations(ctx, store.RelationFilter{Dated: true,
				Since: fmt.Sprintf("%d-01", 2020+i%6), Until: fmt.Sprintf("%d-03", 2020+i%6),
				Page: store.Page{First: 20}})
			return err
		}},
		{"name-prefix", func(i int) error {
			_, err := st.Entities(ctx, store.EntityFilter{NameStartsWith: pick(i).Name[:8],
				Page: store.Page{First: 20}})
			return err
		}},
	}
}

// largeEntity is entity i of the synthetic store.
func largeEntity(i int) schema.Entity {
	name := fmt.Sprintf("Person%d Surname%d", i, i%5000)
	return schema.Entity{ID: schema.ID("large:" + name), Key: "person:" + strings.ToLower(name),
		Type: schema.Person, Name: name}
}

// writeLarge writes rels synthetic relations between rels/10 people, 20
// per article, each with one sentence of evidence.
func writeLarge(ctx context.Context, dir string, rels int) error {
	st, err := embedded.Open(dir)
	if err != nil {
		return err
	}
	people := max(rels/10, 2)
	types := []schema.RelationType{schema.Met, schema.Called, schema.Visited, schema.Supported}
	var batches []schema.Batch
	flush := func() error {
		err := st.Upsert(ctx, batches...)
		batches = batches[:0]
		return err
	}
	for a := 0; a*20 < rels; a++ {
		date := fmt.Sprintf("%d-%02d-%02d", 2020+a%6, 1+a%12, 1+a%28)
		art := schema.Article{ID: schema.ID(fmt.Sprintf("large:article:%d", a)),
			Title: fmt.Sprintf("Synthetic article %d", a), Published: date, Source: "synthetic"}
		b := schema.Batch{Article: art}
		for k := 0; k < 20 && a*20+k < rels; k++ {
			i := a*20 + k
			src, dst := largeEntity(i*31%people), largeEntity((i*17+1)%people)
			if src.ID == dst.ID {
				dst = largeEntity((i*17 + 2) % people)
			}
			sentence := fmt.Sprintf("%s met %s on %s to discuss matter %d of a synthetic "+
				"agenda, the ministries said in a statement.", src.Name, dst.Name, date, i)
			t := types[i%len(types)]
			b.Entities = append(b.Entities, src, dst)
			b.Relations = append(b.Relations, schema.Relation{
				ID: schema.ID(fmt.Sprintf("large:relation:%d", i)), Type: t, Source: src.ID,
				Target: dst.ID, Date: date, Confidence: 0.8,
				Evidence: []schema.Evidence{{Article: art.ID, Sentence: sentence,
					Start: 200 * k, End: 200*k + len(sentence)}}})
		}
		batches = append(batches, b)
		if len(batches) == 50 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return st.Close(ctx)
}

// procMemory returns this process's resident set size and its peak, in
// bytes, from /proc/self/status.
func procMemory(b *testing.B) (rss, hwm int64) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc/self/status")
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb << 10
		case "VmHWM:":
			hwm = kb << 10
		}
	}
	return rss, hwm
}
