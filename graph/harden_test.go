package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store/embedded"
)

// Regression tests for issue 13: each abusive request is refused fast, with
// a code, and leaves memory bounded.

// embeddedAPI is an API over an empty embedded store.
func embeddedAPI(t testing.TB, o graph.Options) *api {
	t.Helper()
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatalf("embedded.Open: %v", err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	return newAPI(t, st, o)
}

// fragmentBomb is `{ stats { ...F0 } }` where each fragment spreads the
// next twice: 2^depth fields once expanded, in about 60 bytes a level.
func fragmentBomb(depth int) string {
	var b strings.Builder
	b.WriteString("{ stats { ...F0 } }\n")
	for i := range depth {
		fmt.Fprintf(&b, "fragment F%d on Stats { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Stats { articles }\n", depth)
	return b.String()
}

// distinctBomb is like fragmentBomb but the two spreads of each level name
// two different fragments of the same content, so nothing deduplicates and
// the expanded cost really doubles per level.
func distinctBomb(depth int) string {
	var b strings.Builder
	b.WriteString("{ stats { ...A0 ...B0 } }\n")
	for i := range depth {
		for _, n := range []string{"A", "B"} {
			fmt.Fprintf(&b, "fragment %s%d on Stats { ...A%d ...B%d }\n", n, i, i+1, i+1)
		}
	}
	fmt.Fprintf(&b, "fragment A%d on Stats { entities }\nfragment B%d on Stats { articles }\n",
		depth, depth)
	return b.String()
}

func TestAbusiveDocumentsRefusedFast(t *testing.T) {
	a := embeddedAPI(t, graph.Options{})
	tests := []struct {
		name, query string
		codes       []string // any of
	}{
		{"fragment bomb depth 28", fragmentBomb(28), []string{"", "OK"}},
		{"distinct fragment bomb depth 28", distinctBomb(28),
			[]string{graph.CodeComplexity}},
		{"20000 duplicate fields", "{ stats { " + strings.Repeat("articles ", 20_000) + "} }",
			[]string{graph.CodeDocTooLarge, "GRAPHQL_PARSE_FAILED"}},
		{"2000 aliases", "{ " + aliases(2000) + " }",
			[]string{graph.CodeDocTooLarge, "GRAPHQL_PARSE_FAILED"}},
		{"fragment spreads over the limit", "{ stats { " +
			strings.Repeat("...F ", 300) + "} } fragment F on Stats { articles }",
			[]string{graph.CodeDocTooLarge}},
		{"100 KB document", "{ stats { articles } }" + strings.Repeat(" ", 100<<10),
			[]string{graph.CodeDocTooLarge}},
		{"cyclic fragments", "{ stats { ...X } } fragment X on Stats { ...Y } " +
			"fragment Y on Stats { ...X }", []string{"GRAPHQL_VALIDATION_FAILED"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			errs := a.do(tc.query, nil, nil)
			took := time.Since(start)
			got := code(errs)
			if got == "" && len(errs) == 0 {
				got = "OK"
			}
			ok := false
			for _, c := range tc.codes {
				ok = ok || c == got
			}
			if !ok {
				t.Errorf("code = %q (%v); want one of %q", got, errs, tc.codes)
			}
			// Generous for -race on a busy machine; BenchmarkFragmentBomb
			// gives the real figure.
			if took > 3*time.Second {
				t.Errorf("took %v; want it refused or answered at once", took)
			}
		})
	}
}

func aliases(n int) string {
	var b strings.Builder
	b.WriteString("stats { ")
	for i := range n {
		fmt.Fprintf(&b, "a%d: articles ", i)
	}
	b.WriteString("}")
	return b.String()
}

func BenchmarkFragmentBomb(b *testing.B) {
	a := embeddedAPI(b, graph.Options{})
	q := distinctBomb(28)
	for b.Loop() {
		if errs := a.do(q, nil, nil); code(errs) != graph.CodeComplexity {
			b.Fatalf("errors %v; want %s", errs, graph.CodeComplexity)
		}
	}
}

func TestLongSearchIsBadInput(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, _ fixture) {
		a := newAPI(t, st, graph.Options{})
		for _, n := range []int{201, 100_000, 900_000} {
			errs := a.do(`query($q: String!) { search(query: $q) { name } }`,
				map[string]any{"q": strings.Repeat("a", n)}, nil)
			if code(errs) != graph.CodeBadUserInput {
				t.Errorf("search of %d characters: code %q; want %s", n, code(errs),
					graph.CodeBadUserInput)
			}
			if len(errs) > 0 && (len(errs[0].Message) > 300 ||
				strings.Contains(errs[0].Message, "neo4j.") ||
				strings.Contains(errs[0].Message, "embedded.")) {
				t.Errorf("search of %d characters: message %.120q… leaks or echoes", n,
					errs[0].Message)
			}
		}
		var out struct{ Search []struct{ Name string } }
		a.must(`{ search(query: "Okafor") { name } }`, nil, &out)
		if len(out.Search) == 0 {
			t.Errorf("search(Okafor) after the refusals found nothing")
		}
	})
}

// heapAfterGC returns the heap in use after a collection.
func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func TestPersistedQueriesBoundedInBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("sends 1 GB of requests")
	}
	a := embeddedAPI(t, graph.Options{APQCacheBytes: 4 << 20})
	before := heapAfterGC()
	n, size := 1000, 1_000_000
	if raceEnabled {
		n = 40 // the race detector makes each 1 MB request many times dearer
	}
	pad := strings.Repeat("x", size-64)
	for i := range n {
		q := fmt.Sprintf("#%d %s\n{ stats { articles } }", i, pad)
		body, _ := json.Marshal(map[string]any{"query": q, "extensions": map[string]any{
			"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha(q)}}})
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		a.h.ServeHTTP(httptest.NewRecorder(), req)
	}
	// Valid documents just under the size limit: registered, and evicted
	// once the cache holds its budget.
	small := strings.Repeat(" ", 60<<10)
	for i := range 100 {
		q := fmt.Sprintf("#%d\n{ stats { articles } }%s", i, small)
		body, _ := json.Marshal(map[string]any{"query": q, "extensions": map[string]any{
			"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha(q)}}})
		if got := postBody(t, a.h, string(body)); !strings.Contains(got, `"articles":0`) {
			t.Fatalf("registering a valid query: %.200s", got)
		}
	}
	grown := int64(heapAfterGC()) - int64(before)
	runtime.KeepAlive(a)
	t.Logf("heap growth after %d × %d-byte and 100 × 60 KB APQ registrations: %d MB",
		n, size, grown>>20)
	if grown > 100<<20 {
		t.Errorf("heap grew %d MB; want under 100 MB", grown>>20)
	}
	if _, p := a.h.(*graph.Handler).CacheBytes(); p > 4<<20 {
		t.Errorf("persisted queries hold %d bytes; want at most the 4 MiB budget", p)
	}
}

func TestPersistedQueryNeedsAValidDocument(t *testing.T) {
	a := embeddedAPI(t, graph.Options{})
	for _, q := range []string{"not graphql at all", "{ noSuchField }"} {
		ext := fmt.Sprintf(`{"persistedQuery": {"version": 1, "sha256Hash": %q}}`, sha(q))
		postBody(t, a.h, fmt.Sprintf(`{"query": %q, "extensions": %s}`, q, ext))
		if body := postBody(t, a.h, `{"extensions": `+ext+`}`); !strings.Contains(body,
			"PersistedQueryNotFound") {
			t.Errorf("hash of invalid %q after sending it: %s; want PersistedQueryNotFound",
				q, body)
		}
	}
}

func TestQueryCacheBoundedInBytes(t *testing.T) {
	a := embeddedAPI(t, graph.Options{QueryCacheBytes: 4 << 20})
	pad := strings.Repeat(" ", 60<<10)
	for i := range 100 {
		a.must(fmt.Sprintf("#%d\n{ stats { articles } }%s", i, pad), nil, nil)
	}
	if q, _ := a.h.(*graph.Handler).CacheBytes(); q > 4<<20 {
		t.Errorf("query cache holds %d bytes; want at most %d", q, 4<<20)
	}
}

// TestQueryCacheMemoryWithinBudget: documents dense in tokens (a list of
// 4,000 values in 16 KB) are held within the cache's budget in real heap,
// not only in its estimate (at 12 bytes per byte of text, 16 MiB of
// estimate held about 70 MB of documents).
func TestQueryCacheMemoryWithinBudget(t *testing.T) {
	const budget = 16 << 20
	a := embeddedAPI(t, graph.Options{QueryCacheBytes: budget})
	types := strings.Repeat("MET ", 4000)
	a.must("{ stats { articles } }", nil, nil) // everything but the cache in place
	before := heapAfterGC()
	for i := range 100 {
		a.must(fmt.Sprintf("#%d\n{ relations(types: [%s], first: 1) { totalCount } }", i, types),
			nil, nil)
	}
	grown := int64(heapAfterGC()) - int64(before)
	runtime.KeepAlive(a)
	t.Logf("heap growth with the cache full of 16 KB documents of 4,000 values: %.1f MB",
		float64(grown)/(1<<20))
	if grown > budget+4<<20 {
		t.Errorf("heap grew %.1f MB with a %d MiB query cache; want within the budget",
			float64(grown)/(1<<20), budget>>20)
	}
}

func TestCORSClosedByDefault(t *testing.T) {
	a := embeddedAPI(t, graph.Options{})
	pre := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
	pre.Header.Set("Origin", "https://evil.example")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	pre.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, pre)
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("preflight from a foreign origin: Allow-Origin %q; want none", got)
	}
	if got := rec.Header().Get("Access-Control-Allow-Headers"); got != "" {
		t.Errorf("preflight from a foreign origin: Allow-Headers %q; want none", got)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql",
		strings.NewReader(`{"query": "{ stats { articles } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("POST from a foreign origin: Allow-Origin %q; want none", got)
	}
}

func TestSubscriptionOverPOSTRefusedAtOnce(t *testing.T) {
	a := embeddedAPI(t, graph.Options{Timeout: 5 * time.Second})
	start := time.Now()
	errs := a.do("subscription { relationAdded { id } }", nil, nil)
	if code(errs) != graph.CodeBadUserInput {
		t.Errorf("subscription over POST: errors %v; want %s", errs, graph.CodeBadUserInput)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("subscription over POST took %v; want an answer at once", took)
	}
}

func TestInvalidDateIsBadInput(t *testing.T) {
	a := embeddedAPI(t, graph.Options{})
	for _, q := range []string{
		`{ relations(since: "yesterday") { edges { node { id } } } }`,
		`{ articles(until: "2025-13-45") { edges { node { id } } } }`,
	} {
		errs := a.do(q, nil, nil)
		if code(errs) != graph.CodeBadUserInput {
			t.Errorf("%s: errors %v; want %s", q, errs, graph.CodeBadUserInput)
		}
	}
	w := embeddedAPI(t, graph.Options{APIKey: testKey})
	in := map[string]any{}
	for k, v := range article {
		in[k] = v
	}
	in["published"] = "yesterday"
	errs := w.do(ingest, map[string]any{"in": in}, nil, "Authorization", "Bearer "+testKey)
	if code(errs) != graph.CodeBadUserInput || !strings.Contains(errs[0].Message, "published") {
		t.Errorf(`ingestArticle(published: "yesterday"): %v; want %s naming published`, errs,
			graph.CodeBadUserInput)
	}
}

func TestLongCursorNotEchoed(t *testing.T) {
	a := embeddedAPI(t, graph.Options{})
	cursor := strings.Repeat("Z", 100_000)
	errs := a.do(`query($c: String) { entities(after: $c) { edges { node { id } } } }`,
		map[string]any{"c": cursor}, nil)
	if code(errs) != graph.CodeBadUserInput {
		t.Fatalf("100 KB cursor: errors %.200v; want %s", errs, graph.CodeBadUserInput)
	}
	if n := len(errs[0].Message); n > 300 {
		t.Errorf("100 KB cursor: message of %d bytes; want the cursor not echoed", n)
	}
}

var _ = hex.EncodeToString
var _ = sha256.Sum256

func TestAbsentValuesAreNull(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, _ fixture) {
		a := newAPI(t, st, graph.Options{})
		var out struct {
			Relations struct {
				Edges []struct {
					Node struct {
						Date, Status *string
					}
				}
			}
		}
		a.must(`{ relations(types: [HOLDS_OFFICE]) { edges { node { date status } } } }`, nil, &out)
		if len(out.Relations.Edges) == 0 {
			t.Fatal("no HOLDS_OFFICE relation in the fixture")
		}
		for _, e := range out.Relations.Edges {
			if e.Node.Date != nil || e.Node.Status != nil {
				t.Errorf("undated office: date %v, status %v; want both null",
					e.Node.Date != nil, e.Node.Status != nil)
			}
		}
	})
}

// TestComplexityCountsVariables: the cost of a cached document is computed
// again with each request's variables, and a variable's default counts.
func TestComplexityCountsVariables(t *testing.T) {
	a := embeddedAPI(t, graph.Options{})
	q := `query($n: Int) { entities(first: $n) { edges { node { id
		... on Person { relations(first: $n) { edges { node { id } } } } } } } }`
	if errs := a.do(q, map[string]any{"n": 2}, nil); len(errs) > 0 {
		t.Fatalf("n=2: %v; want an answer", errs)
	}
	if errs := a.do(q, map[string]any{"n": 100}, nil); code(errs) != graph.CodeComplexity {
		t.Errorf("the same document with n=100: %v; want %s", errs, graph.CodeComplexity)
	}
	withDefault := `query($n: Int = 100) { entities(first: $n) { edges { node { id
		... on Person { relations(first: $n) { edges { node { id } } } } } } } }`
	if errs := a.do(withDefault, nil, nil); code(errs) != graph.CodeComplexity {
		t.Errorf("n defaulting to 100: %v; want %s", errs, graph.CodeComplexity)
	}
}
