package playground

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// assetCase is an embedded asset, the Content-Type it must be served with, and whether
// the page loads it.
type assetCase struct {
	name, contentType string
	inPage            bool
}

// assetCases lists every embedded asset.
func assetCases() []assetCase {
	return []assetCase{
		{"favicon.svg", "image/svg+xml", true},
		{"graphiql.min.css", "text/css; charset=utf-8", true},
		{"playground.css", "text/css; charset=utf-8", true},
		{"react.production.min.js", "text/javascript; charset=utf-8", true},
		{"react-dom.production.min.js", "text/javascript; charset=utf-8", true},
		{"graphiql.min.js", "text/javascript; charset=utf-8", true},
		{"playground.js", "text/javascript; charset=utf-8", true},
		{"THIRD_PARTY_NOTICES.txt", "text/plain; charset=utf-8", false},
	}
}

// loggedRequest is one request that a test server answered.
type loggedRequest struct {
	method, uri string
	status      int
}

// requestLog records the requests that a test server answered.
type requestLog struct {
	mu       sync.Mutex
	requests []loggedRequest
}

// all returns a copy of the recorded requests.
func (l *requestLog) all() []loggedRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.requests)
}

// statusWriter remembers the status code written through it.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records code and passes it on.
func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// newServer serves h under /playground/ and graphql at /graphql, logging every request.
func newServer(t *testing.T, h, graphql http.Handler) (*httptest.Server, *requestLog) {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/playground/", http.StripPrefix("/playground", h))
	if graphql != nil {
		mux.Handle("/graphql", graphql)
	}
	log := &requestLog{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		mux.ServeHTTP(sw, r)
		log.mu.Lock()
		log.requests = append(log.requests, loggedRequest{r.Method, r.RequestURI, sw.status})
		log.mu.Unlock()
	}))
	t.Cleanup(srv.Close)
	return srv, log
}

// get fetches url and returns the response with its body read.
func get(t *testing.T, url string, header http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// pageURLs returns the src and href URLs in an HTML page, in order.
func pageURLs(page string) []string {
	var urls []string
	for _, m := range regexp.MustCompile(`\b(?:src|href)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		urls = append(urls, strings.ReplaceAll(m[1], "&amp;", "&"))
	}
	return urls
}

func TestPageAndAssetsAreServed(t *testing.T) {
	srv, _ := newServer(t, mustHandler(t, "Diplograph", "/graphql"), nil)
	resp, page := get(t, srv.URL+"/playground/", nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("page: status %d", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("page: Content-Type %q", got)
	}
	referenced := map[string]string{} // asset name -> URL in the page
	for _, u := range pageURLs(page) {
		path, _, _ := strings.Cut(u, "?")
		name, ok := strings.CutPrefix(path, "/playground/assets/")
		if !ok {
			t.Errorf("page references %q, outside /playground/assets/", u)
		}
		referenced[name] = u
	}

	embedded, err := fs.ReadDir(assetFS, "assets")
	if err != nil {
		t.Fatal(err)
	}
	if len(embedded) != len(assetCases()) {
		t.Errorf("%d embedded assets, %d in assetCases: give each a case", len(embedded),
			len(assetCases()))
	}
	for _, tc := range assetCases() {
		t.Run(tc.name, func(t *testing.T) {
			u, ok := referenced[tc.name]
			if ok != tc.inPage {
				t.Fatalf("page references it: %v, want %v", ok, tc.inPage)
			}
			if !ok {
				u = "/playground/assets/" + tc.name
			}
			resp, body := get(t, srv.URL+u, nil)
			if resp.StatusCode != http.StatusOK || body == "" {
				t.Fatalf("GET %s: status %d, %d bytes", u, resp.StatusCode, len(body))
			}
			if got := resp.Header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("Content-Type %q, want %q", got, tc.contentType)
			}
			if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q", got)
			}
			wantCache := "no-cache"
			if tc.inPage {
				wantCache = "public, max-age=31536000, immutable"
			}
			if got := resp.Header.Get("Cache-Control"); got != wantCache {
				t.Errorf("Cache-Control %q, want %q", got, wantCache)
			}
			etag := resp.Header.Get("ETag")
			again, _ := get(t, srv.URL+u, http.Header{"If-None-Match": {etag}})
			if etag == "" || again.StatusCode != http.StatusNotModified {
				t.Errorf("revalidating ETag %q: status %d", etag, again.StatusCode)
			}
		})
	}
}

func TestPageHasNoAbsoluteURL(t *testing.T) {
	srv, _ := newServer(t, mustHandler(t, "Diplograph", "/graphql"), nil)
	resp, page := get(t, srv.URL+"/playground/", nil)
	for _, bad := range []string{"://", `"//`, "data:", "javascript:"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q:\n%s", bad, page)
		}
	}
	if !strings.Contains(page, `"endpoint":"/graphql"`) {
		t.Errorf("page does not configure the endpoint:\n%s", page)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self';", "connect-src 'self';"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "://") || strings.Contains(csp, "*") ||
		strings.Contains(csp, "unsafe") {
		t.Errorf("Content-Security-Policy %q allows more than the page's own origin", csp)
	}
}

func TestAssetsNameNoHostsButInertOnes(t *testing.T) {
	// inertHosts are named in the vendored libraries as mere strings, which the page never
	// loads from; "" is markdown-it's bare "http://" prefix for linkifying text.
	inertHosts := map[string]string{
		"www.w3.org":       "XML, SVG and MathML namespace names",
		"reactjs.org":      "React's error-decoder link in error messages",
		"github.com":       "links in GraphiQL's UI and messages",
		"codemirror.net":   "keymap documentation link in GraphiQL's UI",
		"en.wikipedia.org": "link in the description of the built-in Float scalar",
		"commonmark.org":   "link in the description of introspection fields",
		"":                 "markdown-it's linkify prefix",
	}
	host := regexp.MustCompile(`(?i)https?://([a-z0-9.-]*)`)
	for _, tc := range assetCases() {
		if strings.HasSuffix(tc.name, ".txt") {
			continue // the license notices are text for people, never loaded by the page
		}
		t.Run(tc.name, func(t *testing.T) {
			data, err := assetFS.ReadFile("assets/" + tc.name)
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			for _, m := range host.FindAllStringSubmatch(text, -1) {
				if _, ok := inertHosts[strings.ToLower(m[1])]; !ok {
					t.Errorf("names host %q (%s), not a known inert string", m[1], m[0])
				}
			}
			if strings.HasSuffix(tc.name, ".css") &&
				(host.MatchString(text) || strings.Contains(text, "@import")) {
				t.Errorf("stylesheet loads from another host or imports")
			}
			if strings.Contains(text, "sourceMappingURL") {
				t.Errorf("refers to a source map, which is not vendored")
			}
		})
	}
}

func TestRequestsThatAreRefused(t *testing.T) {
	h := mustHandler(t, "Diplograph", "/graphql")
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/assets/nope.js", http.StatusNotFound},
		{http.MethodGet, "/assets/", http.StatusNotFound},
		{http.MethodGet, "/assets/../playground.go", http.StatusNotFound},
		{http.MethodGet, "/other", http.StatusNotFound},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodHead, "/", http.StatusOK},
		{http.MethodHead, "/assets/playground.js", http.StatusOK},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.want {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.want)
		}
	}
}

func TestAssetPrefix(t *testing.T) {
	for _, tc := range []struct {
		name  string
		mount string // the prefix that http.StripPrefix removes, if any
		opts  []Option
		want  string
	}{
		{"derived at root", "", nil, `src="/assets/graphiql.min.js?v=`},
		{"derived under a path", "/tools/gql", nil, `src="/tools/gql/assets/graphiql.min.js?v=`},
		{"configured", "/playground", []Option{WithAssetPrefix("/static/gql/")},
			`src="/static/gql/graphiql.min.js?v=`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h http.Handler = mustHandler(t, "T", "/graphql", tc.opts...)
			if tc.mount != "" {
				h = http.StripPrefix(tc.mount, h)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.mount+"/", nil))
			if !strings.Contains(rec.Body.String(), tc.want) {
				t.Errorf("page lacks %s:\n%s", tc.want, rec.Body.String())
			}
		})
	}
}

func TestTabs(t *testing.T) {
	for _, tc := range []struct {
		name string
		tabs []Tab
		want string // the tabs as the page's JSON carries them
	}{
		{"default", nil, `"tabs":[{"query":"query Search {\n  search(query: \"Modi\"`},
		{"named shorthand", []Tab{{Name: "Who", Query: " { who } ", Variables: `{"a":1}`}},
			`"tabs":[{"query":"query Who { who }","variables":"{\"a\":1}"}]`},
		{"name that is no GraphQL name", []Tab{{Name: "Who is it", Query: "{ who }"}},
			`"tabs":[{"query":"{ who }"}]`},
		{"query with its own name", []Tab{{Name: "X", Query: "query Y { y }"}},
			`"tabs":[{"query":"query Y { y }"}]`},
		{"markup is escaped", []Tab{{Query: "{ a } # </script>"}},
			`"tabs":[{"query":"{ a } # \u003c/script\u003e"}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			mustHandler(t, "T", "/graphql", WithTabs(tc.tabs...)).
				ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
			if !strings.Contains(rec.Body.String(), tc.want) {
				t.Errorf("page lacks %s:\n%s", tc.want, rec.Body.String())
			}
		})
	}
}

func TestHandlerRefusesOtherHosts(t *testing.T) {
	for _, tc := range []struct {
		endpoint string
		opts     []Option
		wantErr  bool
	}{
		{"/graphql", nil, false},
		{"/api/graphql?debug=1", nil, false},
		{"https://example.org/graphql", nil, true},
		{"//example.org/graphql", nil, true},
		{`/\example.org/graphql`, nil, true},
		{"graphql", nil, true},
		{"/graphql", []Option{WithAssetPrefix("https://cdn.example.org/gql")}, true},
	} {
		func() {
			_, err := Handler("T", tc.endpoint, tc.opts...)
			if got := err != nil; got != tc.wantErr {
				t.Errorf("Handler(%q, %d options) error %v; want error: %v", tc.endpoint,
					len(tc.opts), err, tc.wantErr)
			}
		}()
	}
}

// mustHandler returns Handler's handler, failing the test on an error.
func mustHandler(t testing.TB, title, endpoint string, opts ...Option) http.Handler {
	t.Helper()
	h, err := Handler(title, endpoint, opts...)
	if err != nil {
		t.Fatalf("Handler(%q, %q): %v", title, endpoint, err)
	}
	return h
}
