// Command loadgen is the load generator of diplograph's peer benchmark: a
// closed loop of clients, each sending its next request as soon as the
// last is answered, against diplograph on Neo4j, diplograph on its
// embedded store and the Neo4j GraphQL Library on the same Neo4j, for the
// same three queries (an entity with its first 20 relations and their
// evidence, a name search, a dated relation listing). It first checks that
// the servers give the same answers, then runs interleaved rounds of each
// query at each number of clients against each server and prints requests
// per second, the median latency and their ratios to the peer's.
//
//	loadgen -neo4j URL -embedded URL -peer URL [-clients 1,10,50] [-d 5s] [-rounds 3]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// target is one server under load.
type target struct {
	name, url string
	peer      bool
}

func main() {
	neo := flag.String("neo4j", "", "diplograph on Neo4j: its /graphql URL")
	emb := flag.String("embedded", "", "diplograph on the embedded store: its /graphql URL")
	peer := flag.String("peer", "", "the @neo4j/graphql server's URL")
	clients := flag.String("clients", "1,10,50", "numbers of clients, comma-separated")
	dur := flag.Duration("d", 5*time.Second, "time of one run of one query at one load")
	rounds := flag.Int("rounds", 3, "interleaved rounds")
	nSamples := flag.Int("samples", 50, "distinct values each query is asked with")
	flag.Parse()
	var targets []target
	for _, t := range []target{{"diplograph/neo4j", *neo, false},
		{"diplograph/embedded", *emb, false}, {"@neo4j/graphql", *peer, true}} {
		if t.url != "" {
			targets = append(targets, t)
		}
	}
	if len(targets) == 0 || !targets[len(targets)-1].peer {
		fmt.Fprintln(os.Stderr, "loadgen: give -peer and at least one diplograph server")
		os.Exit(2)
	}
	var loads []int
	for _, c := range strings.Split(*clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			fmt.Fprintf(os.Stderr, "loadgen: -clients: %q is not a number of clients\n", c)
			os.Exit(2)
		}
		loads = append(loads, n)
	}
	cl := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: 256, MaxIdleConnsPerHost: 256, IdleConnTimeout: time.Minute}}
	s, err := discover(cl, targets[0].url, *nSamples)
	if err != nil {
		fail(err)
	}
	qs := queries(s)
	if err := check(cl, targets, qs, *nSamples); err != nil {
		fail(err)
	}
	fmt.Printf("answers equal on %d samples of each query across %d servers\n", *nSamples,
		len(targets))
	res := map[key]*result{}
	for r := range *rounds {
		for _, q := range qs {
			for _, c := range loads {
				for i := range targets {
					t := targets[(i+r)%len(targets)] // each round starts with another
					k := key{q.name, c, t.name}
					if res[k] == nil {
						res[k] = &result{}
					}
					res[k].add(run(cl, t, q, c, *dur))
				}
			}
		}
	}
	report(os.Stdout, targets, qs, loads, res)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "loadgen:", err)
	os.Exit(1)
}

// post sends a GraphQL request and returns the data of its answer.
func post(ctx context.Context, cl *http.Client, url string, body map[string]any,
) (map[string]any, error) {
	b, _ := json.Marshal(body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := cl.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []any          `json:"errors"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil || resp.StatusCode != http.StatusOK ||
		len(out.Errors) > 0 {
		return nil, fmt.Errorf("%s: status %d: %.300s", url, resp.StatusCode, raw)
	}
	return out.Data, nil
}

// discover picks the samples from what the first diplograph server holds:
// names of people no other entity shares, their given names as search
// texts (each shared by many people, so that the ten hits are prefix
// matches ranked by relations: near misses, which the full-text index finds
// only within its expansion limits, would make Neo4j's answers differ from
// the embedded store's), and windows of three months.
func discover(cl *http.Client, url string, n int) (samples, error) {
	var s samples
	data, err := post(context.Background(), cl, url, gql(`{ entities(type: PERSON,
		first: 100) { edges { node { name } } } }`, nil))
	if err != nil {
		return s, err
	}
	count := map[string]int{}
	var names []string
	for _, e := range nodes(data["entities"]) {
		name, _ := asMap(e)["name"].(string)
		if count[name]++; count[name] == 1 {
			names = append(names, name)
		}
	}
	given := map[string]bool{}
	for _, name := range names {
		if count[name] == 1 && len(s.names) < n {
			s.names = append(s.names, name)
			if w := strings.Fields(name)[0]; !given[w] {
				given[w] = true
				s.terms = append(s.terms, w)
			}
		}
	}
	for i := range n {
		y, m := 2020+i%6, 1+(i*5)%10
		s.windows = append(s.windows, [2]string{fmt.Sprintf("%d-%02d", y, m),
			fmt.Sprintf("%d-%02d", y, m+2)})
	}
	if len(s.names) == 0 {
		return s, fmt.Errorf("%s holds no people to ask for", url)
	}
	return s, nil
}

// check asks every server each query with every sample and compares their
// answers.
func check(cl *http.Client, targets []target, qs []query, n int) error {
	for _, q := range qs {
		for i := range n {
			var first any
			for j, t := range targets {
				data, err := post(context.Background(), cl, t.url, q.request(i, t.peer))
				if err != nil {
					return fmt.Errorf("%s: %w", q.name, err)
				}
				got := roundTrip(q.canon(data, t.peer))
				if j == 0 {
					first = got
				} else if !reflect.DeepEqual(got, first) {
					a, _ := json.Marshal(first)
					b, _ := json.Marshal(got)
					return fmt.Errorf("%s, sample %d: %s answers\n  %s\nbut %s answers\n  %s",
						q.name, i, targets[0].name, a, t.name, b)
				}
			}
		}
	}
	return nil
}

// roundTrip re-encodes v, so that equal answers compare equal whatever Go
// types hold them.
func roundTrip(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

type key struct {
	query   string
	clients int
	target  string
}

// result gathers the runs of one query at one load against one server.
type result struct {
	n         int
	errs      int
	elapsed   time.Duration
	latencies []time.Duration
}

func (r *result) add(o result) {
	r.n += o.n
	r.errs += o.errs
	r.elapsed += o.elapsed
	r.latencies = append(r.latencies, o.latencies...)
}

func (r *result) rate() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r *result) p50() time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	l := slices.Clone(r.latencies)
	slices.Sort(l)
	return l[len(l)/2]
}

// run keeps c clients asking q of t for d.
func run(cl *http.Client, t target, q query, c int, d time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var (
		mu  sync.Mutex
		out result
		wg  sync.WaitGroup
	)
	start := time.Now()
	for w := range c {
		wg.Go(func() {
			var lat []time.Duration
			errs := 0
			for i := w; ctx.Err() == nil; i += c {
				t0 := time.Now()
				_, err := post(ctx, cl, t.url, q.request(i, t.peer))
				switch {
				case ctx.Err() != nil:
				case err != nil:
					errs++
				default:
					lat = append(lat, time.Since(t0))
				}
			}
			mu.Lock()
			out.n += len(lat)
			out.errs += errs
			out.latencies = append(out.latencies, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	out.elapsed = time.Since(start)
	return out
}
