package graph_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// devArticles is where the dev set of the evaluation keeps its articles.
const devArticles = "../../shared/eval/dev"

// BenchmarkAPI measures, over HTTP against each store filled with the dev
// articles, the latency of two questions: the relations of the entity with
// the most relations, with their ends and evidence, and the shortest paths
// between two well related entities (see pickEnds). Each reports its median
// and 99th percentile as p50-ms and p99-ms, and this process's CPU time
// per request as cpu-ms/op.
func BenchmarkAPI(b *testing.B) {
	batches := devBatches(b)
	stores := []struct {
		name string
		open func(b *testing.B) graph.Store
	}{
		{"embedded", func(b *testing.B) graph.Store {
			st, err := embedded.Open(b.TempDir())
			if err != nil {
				b.Fatalf("embedded.Open: %v", err)
			}
			b.Cleanup(func() { st.Close(context.Background()) })
			return st
		}},
		{"neo4j", func(b *testing.B) graph.Store {
			if _, ok := neo4jtest.Config(); !ok {
				b.Skip("NEO4J_URI is unset")
			}
			return neo4jtest.Open(b)
		}},
	}
	for _, s := range stores {
		b.Run(s.name, func(b *testing.B) {
			st := s.open(b)
			if err := st.Upsert(context.Background(), batches...); err != nil {
				b.Fatalf("Upsert(dev articles) = %v", err)
			}
			top, from, to := pickEnds(b, st, batches)
			srv := httptest.NewServer(graph.NewHandler(&graph.Resolver{Store: st}, graph.Options{}))
			b.Cleanup(srv.Close)
			ops := []struct {
				name, query string
				vars        map[string]any
			}{
				{"relations", `query($name: String) { entity(name: $name) {
					relations(first: 20) { edges { node { type date
					  source { name } target { name } evidence { sentence } } } } } }`,
					map[string]any{"name": top.Name}},
				{"paths", `query($from: ID!, $to: ID!) { paths(from: {id: $from}, to: {id: $to}, maxHops: 4) {
					length nodes { name } relations { type } } }`,
					map[string]any{"from": from.ID, "to": to.ID}},
			}
			for _, op := range ops {
				b.Run(op.name, func(b *testing.B) {
					body, _ := json.Marshal(map[string]any{"query": op.query, "variables": op.vars})
					var lat []time.Duration
					cpu0 := cpuTime()
					for b.Loop() {
						lat = append(lat, post(b, srv, body))
					}
					cpu := cpuTime() - cpu0
					slices.Sort(lat)
					b.ReportMetric(ms(percentile(lat, 50)), "p50-ms")
					b.ReportMetric(ms(percentile(lat, 99)), "p99-ms")
					// This process's CPU per request (server, driver and the
					// test's client; not Neo4j's): steadier than latency on
					// a shared machine.
					b.ReportMetric(ms(cpu)/float64(len(lat)), "cpu-ms/op")
				})
			}
		})
	}
}

// devBatches extracts the dev articles, or skips b when they are absent.
func devBatches(b *testing.B) []schema.Batch {
	b.Helper()
	paths, _ := filepath.Glob(filepath.Join(devArticles, "*.txt"))
	if len(paths) == 0 {
		b.Skipf("no dev articles in %s", devArticles)
	}
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		b.Fatalf("loader.New: %v", err)
	}
	var out []schema.Batch
	for _, p := range paths {
		docs, err := loader.ReadFile(p, loader.ReadOptions{})
		if err != nil {
			b.Fatalf("ReadFile(%s): %v", p, err)
		}
		for _, d := range docs {
			batch, err := x.Extract(d)
			if err != nil {
				b.Fatalf("Extract(%s): %v", p, err)
			}
			out = append(out, batch)
		}
	}
	return out
}

// candidates is how many of the most related entities pickEnds considers.
const candidates = 10

// pickEnds returns, as stored, the entity of batches that is an end of the
// most distinct relations and, among the candidates most related entities,
// the pair joined by a path of at most 4 hops with the most relations
// between them.
func pickEnds(b *testing.B, st graph.Store, batches []schema.Batch,
) (top schema.Entity, from, to schema.Entity) {
	b.Helper()
	rels := map[string]map[string]bool{} // entity id → ids of its relations
	for _, batch := range batches {
		for _, r := range batch.Relations {
			for _, id := range []string{r.Source, r.Target} {
				if rels[id] == nil {
					rels[id] = map[string]bool{}
				}
				rels[id][r.ID] = true
			}
		}
	}
	ids := slices.SortedFunc(maps.Keys(rels), func(x, y string) int {
		return cmp.Or(cmp.Compare(len(rels[y]), len(rels[x])), cmp.Compare(x, y))
	})
	ids = ids[:min(len(ids), candidates)]
	type pair struct{ from, to string }
	var pairs []pair
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			pairs = append(pairs, pair{ids[i], ids[j]})
		}
	}
	degree := func(p pair) int { return len(rels[p.from]) + len(rels[p.to]) }
	slices.SortStableFunc(pairs, func(p, q pair) int { return cmp.Compare(degree(q), degree(p)) })
	ctx := context.Background()
	for _, p := range pairs {
		ps, err := st.Paths(ctx, store.PathQuery{From: p.from, To: p.to, MaxHops: 4})
		if err != nil {
			b.Fatalf("Paths(%s, %s): %v", p.from, p.to, err)
		}
		if len(ps) == 0 {
			continue
		}
		es, err := st.EntitiesByIDs(ctx, []string{ids[0], p.from, p.to})
		if err != nil || len(es) != 3 {
			b.Fatalf("EntitiesByIDs = %v, %v; want three entities", es, err)
		}
		b.Logf("relations of %s (%d); paths from %s (%d) to %s (%d): %d of %d hops",
			es[0].Name, len(rels[ids[0]]), es[1].Name, len(rels[p.from]), es[2].Name,
			len(rels[p.to]), len(ps), len(ps[0].Relations))
		return es[0], es[1], es[2]
	}
	b.Skipf("no two of the %d most related entities are joined", len(ids))
	return
}

// post sends one GraphQL request and returns the time until its answer was
// read; it fails b unless the answer has no errors.
func post(b *testing.B, srv *httptest.Server, body []byte) time.Duration {
	start := time.Now()
	resp, err := srv.Client().Post(srv.URL, "application/json", bytes.NewReader(body))
	if err != nil {
		b.Fatalf("POST: %v", err)
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	elapsed := time.Since(start)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("POST = %d, %v: %s", resp.StatusCode, err, data)
	}
	var out struct{ Errors []gqlError }
	if json.Unmarshal(data, &out) != nil || len(out.Errors) > 0 {
		b.Fatalf("POST answered %s", data)
	}
	return elapsed
}

// percentile returns the p-th percentile of sorted latencies, by the
// nearest-rank method.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100
	return sorted[max(rank, 1)-1]
}

// cpuTime returns the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
