package playground

import (
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// introspection is the smallest schema GraphiQL accepts: type Query { hello: String }.
const introspection = `{"data":{"__schema":{
 "queryType":{"name":"Query"},"mutationType":null,"subscriptionType":null,"directives":[],
 "types":[
  {"kind":"OBJECT","name":"Query","description":null,"inputFields":null,"interfaces":[],
   "enumValues":null,"possibleTypes":null,"fields":[{"name":"hello","description":null,
   "args":[],"type":{"kind":"SCALAR","name":"String","ofType":null},
   "isDeprecated":false,"deprecationReason":null}]},
  {"kind":"SCALAR","name":"String","description":null,"fields":null,"inputFields":null,
   "interfaces":null,"enumValues":null,"possibleTypes":null}]}}}`

// findChromium returns the path of a Chromium binary, skipping the test if there is none,
// or failing it when CI=true, where the browser test must run.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not on PATH; CI must run the browser test (apt-get install chromium)")
	}
	t.Skip("chromium is not on PATH; apt-get install chromium to run the browser test")
	return ""
}

// runChromium loads url in headless Chromium and returns the rendered DOM and its log.
func runChromium(t *testing.T, chromium, url string) (dom, log string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(),
		// Resolve no name at all, so that nothing but the test server can be reached.
		"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
		// Log the page's console, where Chromium reports CSP violations and script errors.
		"--enable-logging=stderr", "--v=0",
		"--virtual-time-budget=10000", "--dump-dom", url)
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v (context: %v)\n%s", err, ctx.Err(), stderr.String())
	}
	return stdout.String(), stderr.String()
}

// editorText returns the text of the CodeMirror lines in dom, joined and with runs of
// white space made single spaces.
func editorText(dom string) string {
	lines := regexp.MustCompile(`(?s)<pre class=" CodeMirror-line "[^>]*>(.*?)</pre>`).
		FindAllStringSubmatch(dom, -1)
	tag := regexp.MustCompile(`<[^>]*>`)
	var text []string
	for _, l := range lines {
		text = append(text, html.UnescapeString(tag.ReplaceAllString(l[1], "")))
	}
	return strings.Join(strings.Fields(strings.Join(text, " ")), " ")
}

func TestBrowserRendersPlayground(t *testing.T) {
	chromium := findChromium(t)
	var introspected atomic.Bool
	graphql := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost && bytes.Contains(body, []byte("__schema")) {
			introspected.Store(true)
			_, _ = io.WriteString(w, introspection)
			return
		}
		_, _ = io.WriteString(w, `{"data":{}}`)
	})
	srv, requests := newServer(t, mustHandler(t, "Diplograph", "/graphql"), graphql)

	dom, log := runChromium(t, chromium, srv.URL+"/playground/")

	if !strings.Contains(dom, "graphiql-container") {
		t.Errorf("GraphiQL did not render; DOM:\n%s", dom)
	}
	const query = `query Search { search(query: "Modi", first: 5) { id name type } }`
	if got := editorText(dom); !strings.Contains(got, query) {
		t.Errorf("editors show %q, want the example query %q", got, query)
	}
	for _, title := range []string{">Search<", ">Stats<"} {
		if !strings.Contains(dom, title) {
			t.Errorf("no tab titled %s", strings.Trim(title, "<>"))
		}
	}
	if !introspected.Load() {
		t.Error("GraphiQL sent no introspection query to /graphql")
	}
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "CONSOLE") && (strings.Contains(line, "Security Policy") ||
			strings.Contains(line, "Uncaught") || strings.Contains(line, "Failed to load")) {
			t.Errorf("browser console: %s", line)
		}
	}

	loaded := map[string]bool{}
	for _, r := range requests.all() {
		if r.status >= 400 {
			t.Errorf("%s %s: status %d", r.method, r.uri, r.status)
		}
		loaded[r.uri] = true
	}
	_, page := get(t, srv.URL+"/playground/", nil)
	for _, u := range pageURLs(page) {
		if !loaded[u] {
			t.Errorf("the browser did not load %s", u)
		}
	}
}
