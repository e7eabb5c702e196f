package ingest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/bench/peer/corpus"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// cpuTime returns the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchSizes are the corpus sizes BenchmarkLoad loads: 1000 articles, or
// the comma-separated sizes of DIPLOGRAPH_BENCH_ARTICLES (e.g.
// "5000,50000").
func benchSizes(b *testing.B) []int {
	v := os.Getenv("DIPLOGRAPH_BENCH_ARTICLES")
	if v == "" {
		return []int{1000}
	}
	var out []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("DIPLOGRAPH_BENCH_ARTICLES=%q: %q is not a size", v, f)
		}
		out = append(out, n)
	}
	return out
}

// BenchmarkLoad loads a generated corpus (bench/peer/corpus) into an empty
// store through the cross-article resolver, as `diplograph load` does, and
// reports articles and relations written per second of wall time.
// DIPLOGRAPH_BENCH_BATCH sets Options.BatchSize (the default when unset).
// The Neo4j runs need NEO4J_URI, as the tests do.
func BenchmarkLoad(b *testing.B) {
	batch := 0
	if v := os.Getenv("DIPLOGRAPH_BENCH_BATCH"); v != "" {
		var err error
		if batch, err = strconv.Atoi(v); err != nil || batch <= 0 {
			b.Fatalf("DIPLOGRAPH_BENCH_BATCH=%q is not a positive integer", v)
		}
	}
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range benchSizes(b) {
		path := b.TempDir()
		if err := corpus.WriteDir(path, corpus.Generate(n, 1)); err != nil {
			b.Fatal(err)
		}
		stores := []struct {
			name string
			// empty returns an empty store each time it is called.
			empty func(b *testing.B) func() store.Store
		}{
			{"embedded", func(b *testing.B) func() store.Store {
				var st *embedded.Store
				b.Cleanup(func() { st.Close(context.Background()) })
				return func() store.Store {
					if st != nil {
						st.Close(context.Background())
					}
					var err error
					if st, err = embedded.Open(b.TempDir()); err != nil {
						b.Fatal(err)
					}
					return st
				}
			}},
			{"neo4j", func(b *testing.B) func() store.Store {
				st := neo4jtest.Open(b)
				return func() store.Store {
					if err := st.Wipe(context.Background()); err != nil {
						b.Fatal(err)
					}
					return st
				}
			}},
		}
		for _, sc := range stores {
			b.Run(fmt.Sprintf("%s/%d", sc.name, n), func(b *testing.B) {
				empty := sc.empty(b)
				var rels int
				cpu0 := cpuTime()
				for b.Loop() {
					b.StopTimer()
					st := empty()
					b.StartTimer()
					rep, err := Load(context.Background(), resolve.New(st, st), x,
						[]string{path}, Options{BatchSize: batch})
					if err != nil || rep.Articles != n || len(rep.Skipped) > 0 {
						b.Fatalf("Load = %d articles, %v, skipped %v; want %d",
							rep.Articles, err, rep.Skipped, n)
					}
					rels += rep.Relations
				}
				cpu := (cpuTime() - cpu0).Seconds()
				sec := b.Elapsed().Seconds()
				// CPU of this process (extraction, resolution, the
				// embedded store; not the Neo4j server): the figure that
				// holds on a machine shared with other work.
				b.ReportMetric(float64(n*b.N)/cpu, "articles/cpu-s")
				b.ReportMetric(float64(n*b.N)/sec, "articles/s")
				b.ReportMetric(float64(rels)/sec, "relations/s")
			})
		}
	}
}
