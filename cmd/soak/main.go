// Command soak drives a running diplograph server with a steady, mixed
// GraphQL load and reports latency percentiles, answers by code and the
// server's resident memory over time.
//
//	go run ./cmd/soak --url http://127.0.0.1:8080/graphql --pid PID \
//	    --rate 150 --duration 10m [--key API_KEY]
//
// The load is open-loop: requests start at a fixed rate whatever the
// answers' latency, so a slow server shows as latency, not as a lower
// rate. The mix has cheap and heavier reads, persisted queries, a
// mutation when --key is given, documents the server must refuse (too
// complex, too long, invalid), and one websocket subscriber reading
// relationAdded. With --pid the server's RSS is sampled from /proc every
// --sample, and with it the Go heap in use and the bytes of the server's
// two caches from its /metrics; a line per minute is printed at the end.
// With --pprof (the server's --pprof-addr) a heap profile is saved at each
// time of --heap-at, for `go tool pprof -base`. The run fails (exit 1)
// when RSS at the end exceeds the RSS after the first minute by more than
// --max-growth, or when any answer is not the one expected.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coder/websocket"
)

// request is one kind of request in the mix.
type request struct {
	name   string
	weight int
	body   func(i int) []byte
	key    bool   // needs the API key
	want   string // the code expected in errors[0].extensions.code; "" for data
}

func gql(query string, vars map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return b
}

func apq(query string) []byte {
	sum := sha256.Sum256([]byte(query))
	b, _ := json.Marshal(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{
		"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}, "query": query})
	return b
}

var names = []string{"Mensah", "Ruiz", "Japan", "Estonia", "summit", "Honiara", "Addis"}

func mix() []request {
	bomb := "{ stats { ...A0 ...B0 } }\n"
	for i := range 28 {
		for _, n := range []string{"A", "B"} {
			bomb += fmt.Sprintf("fragment %s%d on Stats { ...A%d ...B%d }\n", n, i, i+1, i+1)
		}
	}
	bomb += "fragment A28 on Stats { articles }\nfragment B28 on Stats { entities }\n"
	return []request{
		{name: "stats", weight: 10, body: func(int) []byte {
			return gql("{ stats { articles entities relations } }", nil)
		}},
		{name: "search", weight: 25, body: func(i int) []byte {
			return gql(`query($q: String!) { search(query: $q, first: 5) { id name type } }`,
				map[string]any{"q": names[i%len(names)]})
		}},
		{name: "entities", weight: 15, body: func(i int) []byte {
			return gql(`{ entities(first: 20) { edges { node { id name type
				... on Person { relations(first: 5) { edges { node { type date target { name } } } } }
			} } } }`, nil)
		}},
		{name: "relations", weight: 15, body: func(int) []byte {
			return gql(`{ relations(first: 20) { edges { node { type date status
				source { name } target { name } evidence { sentence } } } } }`, nil)
		}},
		{name: "articles", weight: 10, body: func(int) []byte {
			return gql(`{ articles(first: 10) { edges { node { title published
				entities { name } } } } }`, nil)
		}},
		{name: "persisted", weight: 10, body: func(i int) []byte {
			return apq(fmt.Sprintf("# variant %d\n{ stats { articles } }", i%50))
		}},
		{name: "fresh document", weight: 5, body: func(i int) []byte {
			// a new text every time: fills the parsed-document cache
			return gql(fmt.Sprintf("# %d\n{ stats { relations } }", i), nil)
		}},
		{name: "fragment bomb", weight: 2, want: "COMPLEXITY_LIMIT_EXCEEDED",
			body: func(int) []byte { return gql(bomb, nil) }},
		{name: "long search", weight: 2, want: "BAD_USER_INPUT", body: func(int) []byte {
			return gql(`query($q: String!) { search(query: $q) { id } }`,
				map[string]any{"q": strings.Repeat("x", 5000)})
		}},
		{name: "bad date", weight: 2, want: "BAD_USER_INPUT", body: func(int) []byte {
			return gql(`{ relations(since: "yesterday") { edges { node { id } } } }`, nil)
		}},
		{name: "ingest", weight: 4, key: true, body: func(i int) []byte {
			return gql(`mutation($in: ArticleInput!) {
				ingestArticle(input: $in) { article { id } } }`,
				map[string]any{"in": map[string]any{
					"title": fmt.Sprintf("Soak %d: ministers meet", i%200),
					"body": fmt.Sprintf("President Ana Ruiz met Prime Minister "+
						"Tomas Vidal %d in Lima on Monday.", i%200),
					"published": "2025-05-0" + strconv.Itoa(1+i%9),
				}})
		}},
	}
}

// result is the outcome of one request.
type result struct {
	name string
	code string // "OK", an error code, or "HTTP nnn"/"NET"
	ok   bool   // the answer was the one expected
	took time.Duration
}

func main() {
	url := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint")
	rate := flag.Float64("rate", 150, "requests per second")
	dur := flag.Duration("duration", 10*time.Minute, "how long to run")
	pid := flag.Int("pid", 0, "server process id, to sample its RSS (0: no sampling)")
	sample := flag.Duration("sample", 10*time.Second, "RSS sampling period")
	maxGrowth := flag.Int64("max-growth", 50, "allowed RSS growth in MB after the first minute")
	key := flag.String("key", "", "API key for the ingest mutation (empty: no mutations)")
	metricsURL := flag.String("metrics", "", "the server's /metrics, sampled with RSS "+
		"(default: --url's host)")
	pprofURL := flag.String("pprof", "", "the server's pprof address (serve --pprof-addr), "+
		"e.g. http://127.0.0.1:6060 (empty: no profiles)")
	var heapAt durations
	flag.Var(&heapAt, "heap-at", "times into the run to save a heap profile (comma-separated)")
	profDir := flag.String("profile-dir", ".", "folder for the heap profiles")
	flag.Parse()
	if *metricsURL == "" {
		*metricsURL = strings.TrimSuffix(*url, "/graphql") + "/metrics"
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *dur)
	defer cancel()

	var reqs []request
	for _, r := range mix() {
		if r.key && *key == "" {
			continue
		}
		for range r.weight {
			reqs = append(reqs, r)
		}
	}
	cli := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConnsPerHost: 64, MaxConnsPerHost: 256}}
	results := make(chan result, 1024)
	var events atomic.Int64
	go subscriber(ctx, *url, &events)
	var rss []rssSample
	var sampled sync.WaitGroup
	if *pid > 0 {
		sampled.Go(func() { rss = sampleRSS(ctx, *pid, *metricsURL, *sample) })
	}
	if *pprofURL != "" {
		sampled.Go(func() { saveHeaps(ctx, *pprofURL, heapAt, *profDir) })
	}

	var wg sync.WaitGroup
	var all []result
	done := make(chan struct{})
	go func() {
		for r := range results {
			all = append(all, r)
		}
		close(done)
	}()
	tick := time.NewTicker(time.Duration(float64(time.Second) / *rate))
	defer tick.Stop()
	start := time.Now()
	sem := make(chan struct{}, 512)
	for i := 0; ctx.Err() == nil; i++ {
		select {
		case <-ctx.Done():
		case <-tick.C:
			r := reqs[i%len(reqs)]
			select {
			case sem <- struct{}{}:
			default:
				results <- result{name: r.name, code: "CLIENT BACKLOG"}
				continue
			}
			wg.Go(func() {
				defer func() { <-sem }()
				results <- do(cli, *url, *key, r, i)
			})
		}
	}
	wg.Wait()
	close(results)
	<-done
	sampled.Wait()
	if !report(all, time.Since(start), events.Load(), rss, *maxGrowth) {
		os.Exit(1)
	}
}

// do sends one request and classifies its answer.
func do(cli *http.Client, url, key string, r request, i int) result {
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(r.body(i)))
	req.Header.Set("Content-Type", "application/json")
	if r.key {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	start := time.Now()
	resp, err := cli.Do(req)
	if err != nil {
		return result{name: r.name, code: "NET", took: time.Since(start)}
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	var out struct {
		Errors []struct {
			Extensions struct{ Code string } `json:"extensions"`
		} `json:"errors"`
	}
	code := "OK"
	if json.Unmarshal(body, &out) != nil {
		code = "HTTP " + strconv.Itoa(resp.StatusCode)
	} else if len(out.Errors) > 0 {
		code = out.Errors[0].Extensions.Code
	}
	want := r.want
	if want == "" {
		want = "OK"
	}
	return result{name: r.name, code: code, ok: code == want, took: took}
}

// subscriber holds one relationAdded subscription and counts its events.
func subscriber(ctx context.Context, url string, n *atomic.Int64) {
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(url, "http"),
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		fmt.Fprintln(os.Stderr, "soak: subscriber:", err)
		return
	}
	defer c.CloseNow()
	send := func(s string) { _ = c.Write(ctx, websocket.MessageText, []byte(s)) }
	send(`{"type":"connection_init"}`)
	send(`{"id":"1","type":"subscribe",` +
		`"payload":{"query":"subscription { relationAdded { id type } }"}}`)
	for {
		_, b, err := c.Read(ctx)
		if err != nil {
			return
		}
		switch {
		case bytes.Contains(b, []byte(`"type":"next"`)):
			n.Add(1)
		case bytes.Contains(b, []byte(`"type":"ping"`)):
			send(`{"type":"pong"}`)
		case bytes.Contains(b, []byte(`"type":"error"`)):
			fmt.Fprintf(os.Stderr, "soak: subscription ended: %s\n", b)
			return
		}
	}
}

type rssSample struct {
	at     time.Duration
	rss    int64 // bytes
	heap   int64 // Go heap in use (go_memstats_heap_inuse_bytes), -1 when unknown
	target int64 // the heap size of the next GC (go_memstats_next_gc_bytes), -1 when unknown
	caches int64 // the query and persisted-query caches' bytes, -1 when unknown
}

// sampleRSS samples the server's RSS, heap in use and cache bytes every
// period until ctx ends, and a last time then.
func sampleRSS(ctx context.Context, pid int, metricsURL string, period time.Duration,
) []rssSample {
	start := time.Now()
	t := time.NewTicker(period)
	defer t.Stop()
	var out []rssSample
	for {
		if v, err := readRSS(pid); err == nil {
			m := readMetrics(metricsURL)
			out = append(out, rssSample{time.Since(start), v, m["go_memstats_heap_inuse_bytes"],
				m["go_memstats_next_gc_bytes"], m["caches"]})
		}
		select {
		case <-ctx.Done():
			return out
		case <-t.C:
		}
	}
}

// readMetrics reads the heap in use, the next GC's heap target and the
// caches' bytes ("caches") from the server's /metrics; -1 for what it
// cannot read.
func readMetrics(url string) map[string]int64 {
	out := map[string]int64{"go_memstats_heap_inuse_bytes": -1, "go_memstats_next_gc_bytes": -1,
		"caches": -1}
	cli := &http.Client{Timeout: 5 * time.Second}
	resp, err := cli.Get(url)
	if err != nil {
		return out
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil || resp.StatusCode != http.StatusOK {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		name, val, ok := strings.Cut(line, " ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil {
			continue
		}
		switch name {
		case "go_memstats_heap_inuse_bytes", "go_memstats_next_gc_bytes":
			out[name] = int64(f)
		case "diplograph_query_cache_bytes", "diplograph_apq_cache_bytes":
			out["caches"] = max(out["caches"], 0) + int64(f)
		}
	}
	return out
}

// saveHeaps saves a heap profile (after a GC) from the server's pprof
// address at each time of at into dir, as heap-<time>.pb.gz.
func saveHeaps(ctx context.Context, pprofURL string, at []time.Duration, dir string) {
	start := time.Now()
	for _, d := range slices.Sorted(slices.Values(at)) {
		select {
		case <-ctx.Done():
			if time.Since(start) < d-time.Second {
				return
			}
		case <-time.After(time.Until(start.Add(d))):
		}
		name := fmt.Sprintf("%s/heap-%s.pb.gz", dir, d)
		if err := saveHeap(strings.TrimSuffix(pprofURL, "/")+"/debug/pprof/heap?gc=1",
			name); err != nil {
			fmt.Fprintln(os.Stderr, "soak: heap profile:", err)
			continue
		}
		fmt.Fprintf(os.Stderr, "soak: heap profile at %s: %s\n", d, name)
	}
}

func saveHeap(url, name string) error {
	cli := &http.Client{Timeout: 30 * time.Second}
	resp, err := cli.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// durations is a comma-separated list of durations flag.
type durations []time.Duration

func (d *durations) String() string {
	var s []string
	for _, v := range *d {
		s = append(s, v.String())
	}
	return strings.Join(s, ",")
}

func (d *durations) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		x, err := time.ParseDuration(strings.TrimSpace(p))
		if err != nil {
			return err
		}
		*d = append(*d, x)
	}
	return nil
}

func readRSS(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for pid %d", pid)
}

// report prints the run's figures as Markdown and says whether it passed.
func report(all []result, took time.Duration, events int64, rss []rssSample, maxGrowth int64,
) bool {
	pass := true
	lat := make([]time.Duration, 0, len(all))
	byName := map[string][2]int{}
	codes := map[string]int{}
	unexpected := 0
	for _, r := range all {
		lat = append(lat, r.took)
		c := byName[r.name]
		c[0]++
		if !r.ok {
			c[1]++
			unexpected++
		}
		byName[r.name] = c
		codes[r.code]++
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	fmt.Printf("| requests | rate | p50 | p90 | p99 | max | unexpected answers | events |\n")
	fmt.Printf("|---|---|---|---|---|---|---|---|\n")
	fmt.Printf("| %d | %.1f/s | %s | %s | %s | %s | %d | %d |\n\n", len(all),
		float64(len(all))/took.Seconds(), ms(pct(0.5)), ms(pct(0.9)), ms(pct(0.99)),
		ms(pct(1)), unexpected, events)
	var keys []string
	for k := range codes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Printf("- %s: %d\n", k, codes[k])
	}
	keys = keys[:0]
	for k := range byName {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if byName[k][1] > 0 {
			fmt.Printf("- %s: %d of %d unexpected\n", k, byName[k][1], byName[k][0])
		}
	}
	if unexpected > 0 {
		pass = false
	}
	if len(rss) > 0 {
		var base int64
		for _, s := range rss {
			if s.at >= time.Minute && base == 0 {
				base = s.rss
			}
		}
		if base == 0 {
			base = rss[0].rss
		}
		lo, hi := rss[0].rss, rss[0].rss
		for _, s := range rss {
			lo, hi = min(lo, s.rss), max(hi, s.rss)
		}
		last := rss[len(rss)-1].rss
		fmt.Printf("\nRSS: start %d MB, after 1 min %d MB, min %d MB, max %d MB, end %d MB\n",
			rss[0].rss>>20, base>>20, lo>>20, hi>>20, last>>20)
		printSeries(rss)
		if (last-base)>>20 > maxGrowth {
			fmt.Printf("RSS grew %d MB after the first minute; allowed %d MB\n",
				(last-base)>>20, maxGrowth)
			pass = false
		}
	}
	return pass
}

// printSeries prints the first sample and the last sample of each minute:
// RSS, Go heap in use, the heap size at which the next GC starts (which
// RSS follows: the heap grows to it between collections) and the caches'
// estimated bytes.
func printSeries(rss []rssSample) {
	mb := func(v int64) string {
		if v < 0 {
			return "?"
		}
		return fmt.Sprintf("%.1f", float64(v)/(1<<20))
	}
	fmt.Printf("\n| minute | RSS MB | heap in use MB | next GC at MB | caches MB |\n" +
		"|---|---|---|---|---|\n")
	for i, s := range rss {
		minute := int(s.at / time.Minute)
		if i > 0 && i < len(rss)-1 && int(rss[i+1].at/time.Minute) == minute {
			continue
		}
		label := fmt.Sprintf("%.1f", s.at.Minutes())
		fmt.Printf("| %s | %s | %s | %s | %s |\n", label, mb(s.rss), mb(s.heap), mb(s.target),
			mb(s.caches))
	}
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}
