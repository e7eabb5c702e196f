package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
)

// serveExamples serves the shipped examples from the embedded store and
// returns the server's base URL.
func serveExamples(t *testing.T) string {
	t.Helper()
	withEmbedded(t)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data", t.TempDir(),
			"--load", examples})
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	base := "http://" + addr
	waitReady(t, base+"/readyz", done)
	return base
}

// ask posts a query and returns the data and errors of the answer.
func ask(t *testing.T, base, query string, vars json.RawMessage) (map[string]any, []any) {
	t.Helper()
	body := map[string]any{"query": query}
	if len(vars) > 0 {
		body["variables"] = vars
	}
	b, _ := json.Marshal(body)
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   map[string]any
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decoding the answer: %v", err)
	}
	return out.Data, out.Errors
}

// empty returns the path of the first empty answer in v: a top-level field
// that is null or an empty list, or an empty edges, nodes or relations list
// or a zero totalCount anywhere; "" when none is. A null below the top is
// an unknown value (a relation's status or date), not an empty answer.
func empty(v any, path string, top bool) string {
	switch x := v.(type) {
	case nil:
		if top {
			return path
		}
	case []any:
		if len(x) == 0 && top {
			return path
		}
		for i, y := range x {
			if p := empty(y, path+"["+itoa(i)+"]", false); p != "" {
				return p
			}
		}
	case map[string]any:
		for k, y := range x {
			switch k {
			case "edges", "nodes", "relations", "paths", "timeline":
				if l, ok := y.([]any); ok && len(l) == 0 {
					return path + "." + k
				}
			case "totalCount":
				if n, ok := y.(float64); ok && n == 0 {
					return path + "." + k
				}
			}
			if p := empty(y, path+"."+k, top && path == ""); p != "" {
				return p
			}
		}
	}
	return ""
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// checkAnswers runs each query and fails on errors or an empty answer.
func checkAnswers(t *testing.T, base string, name string, query string, vars string) {
	t.Helper()
	data, errs := ask(t, base, query, json.RawMessage(vars))
	if len(errs) > 0 {
		t.Errorf("%s: errors %v\n%s", name, errs, query)
		return
	}
	for field, v := range data {
		if p := empty(v, field, true); p != "" {
			t.Errorf("%s: %s is empty on the shipped examples\n%s", name, p, query)
		}
	}
}

func TestExampleTabs(t *testing.T) {
	base := serveExamples(t)
	for _, tab := range exampleTabs() {
		checkAnswers(t, base, "tab "+tab.Name, tab.Query, tab.Variables)
	}
}

// readmeQueries returns the queries of the README's "Example queries"
// section: its indented blocks, split at blank and comment lines.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start := strings.Index(s, "## Example queries\n")
	end := strings.Index(s, "Mutations need")
	if start < 0 || end < start {
		t.Fatal("README.md has no Example queries section")
	}
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(s[start:end], "\n") {
		body, indented := strings.CutPrefix(line, "    ")
		switch {
		case !indented || strings.TrimSpace(body) == "" || strings.HasPrefix(body, "#"):
			flush()
		case strings.HasPrefix(body, "{") && len(cur) > 0 && strings.HasSuffix(cur[len(cur)-1], "}"):
			flush()
			cur = append(cur, body)
		default:
			cur = append(cur, body)
		}
	}
	flush()
	return out
}

func TestReadmeExamples(t *testing.T) {
	qs := readmeQueries(t)
	if len(qs) < 10 {
		t.Fatalf("found %d README example queries; want 10 or more", len(qs))
	}
	base := serveExamples(t)
	for i, q := range qs {
		checkAnswers(t, base, "README example "+itoa(i+1), q, "")
	}
}

// TestServedPages checks the export endpoint, and that the playground links to the
// explorer.
func TestServedPages(t *testing.T) {
	base := serveExamples(t)
	tests := []struct {
		path   string
		status int
		ctype  string
		has    string
	}{
		{"/export/gexf", 200, "application/xml", `<gexf xmlns="http://gexf.net/1.3"`},
		{"/export/graphml?types=CALLED,MET", 200, "application/xml", "<graphml"},
		{"/export/cytoscape?country=Ghana", 200, "application/json", `"Efua Mensah"`},
		{"/export/jsonl?since=2025-03&until=2025-03&types=called", 200, "application/x-ndjson",
			`"type":"CALLED"`},
		{"/export/csv", 200, "application/zip", "nodes.csv"},
		{"/export/pdf", 404, "text/plain", "want one of gexf"},
		{"/export/gexf?since=March", 400, "text/plain", "March"},
		{"/export/gexf?types=LIKED", 400, "text/plain", "LIKED"},
		{"/export/gexf?country=Efua%20Mensah", 400, "text/plain", "not a country"},
		{"/export/gexf?country=Atlantis", 404, "text/plain", "Atlantis"},
		{"/", 200, "text/html", `href="/explore/"`},
		{"/explore/", 200, "text/html", `src="assets/cytoscape.min.js?v=`},
	}
	for _, tc := range tests {
		resp, err := http.Get(base + tc.path)
		if err != nil {
			t.Fatalf("GET %s: %v", tc.path, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), tc.ctype) ||
			!strings.Contains(string(b), tc.has) {
			t.Errorf("GET %s = %d %s %.200q; want %d %s containing %q", tc.path,
				resp.StatusCode, resp.Header.Get("Content-Type"), b, tc.status, tc.ctype, tc.has)
		}
	}
}
