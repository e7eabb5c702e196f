package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

const testKey = "test-key-123"

// eachStore runs f against the embedded store and a real Neo4j, both filled
// with the fixture.
func eachStore(t *testing.T, f func(t *testing.T, st graph.Store, fx fixture)) {
	t.Helper()
	opens := []struct {
		name string
		open func(t *testing.T) graph.Store
	}{
		{"embedded", func(t *testing.T) graph.Store {
			st, err := embedded.Open(t.TempDir())
			if err != nil {
				t.Fatalf("embedded.Open: %v", err)
			}
			t.Cleanup(func() { st.Close(context.Background()) })
			return st
		}},
		{"neo4j", func(t *testing.T) graph.Store { return neo4jtest.Open(t) }},
	}
	for _, o := range opens {
		t.Run(o.name, func(t *testing.T) {
			st := o.open(t)
			fx := newFixture()
			if err := st.Upsert(context.Background(), fx.batches...); err != nil {
				t.Fatalf("Upsert fixture: %v", err)
			}
			f(t, st, fx)
		})
	}
}

// api is a test server over a store.
type api struct {
	t   testing.TB
	h   http.Handler
	r   *graph.Resolver
	cli *client.Client
}

func newAPI(t testing.TB, st graph.Store, o graph.Options) *api {
	t.Helper()
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	r := &graph.Resolver{Store: st, Extractor: x, Events: graph.NewBroker()}
	h := graph.NewHandler(r, o)
	return &api{t: t, h: h, r: r, cli: client.New(h)}
}

// gqlError is one error of a response.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

// do posts a query with variables and headers and decodes data into out;
// it returns the errors of the response.
func (a *api) do(query string, vars map[string]any, out any, headers ...string) []gqlError {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		a.t.Fatalf("response %d is not JSON: %v: %s", rec.Code, err, rec.Body.String())
	}
	if out != nil && len(resp.Data) > 0 && string(resp.Data) != "null" {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			a.t.Fatalf("decoding data %s: %v", resp.Data, err)
		}
	}
	return resp.Errors
}

// must is do that fails the test on any error.
func (a *api) must(query string, vars map[string]any, out any, headers ...string) {
	a.t.Helper()
	if errs := a.do(query, vars, out, headers...); len(errs) > 0 {
		a.t.Fatalf("query %s: errors %+v", firstLine(query), errs)
	}
}

// code returns the extensions.code of the first error, or "".
func code(errs []gqlError) string {
	if len(errs) == 0 {
		return ""
	}
	c, _ := errs[0].Extensions["code"].(string)
	return c
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i > 0 {
		return s[:i]
	}
	return s
}
