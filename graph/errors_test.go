package graph_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
)

func TestPresentError(t *testing.T) {
	secret := "MATCH (n:Entity) WHERE n.id = $id"
	tests := []struct {
		err        error
		code       string
		showsCause bool
		want       string // the message shown, when showsCause
	}{
		{fmt.Errorf("entity x: %w", store.ErrNotFound), graph.CodeNotFound, true, "entity x"},
		{fmt.Errorf("first 500: %w", store.ErrInvalidInput), graph.CodeBadUserInput, true,
			"first 500"},
		{fmt.Errorf("embedded.Entities first=500: %w", fmt.Errorf("first must be at most 100: %w",
			store.ErrInvalidInput)), graph.CodeBadUserInput, true, "first must be at most 100"},
		{fmt.Errorf("neo4j.Search: %w", fmt.Errorf("cursor %q is bad: %w",
			strings.Repeat("x", 1000), store.ErrInvalidInput)), graph.CodeBadUserInput, true,
			`cursor "` + strings.Repeat("x", 192) + "…"},
		{graph.ErrUnauthenticated, graph.CodeUnauthenticated, true, graph.ErrUnauthenticated.Error()},
		{graph.ErrForbidden, graph.CodeForbidden, true, graph.ErrForbidden.Error()},
		{fmt.Errorf("%s: %w", secret, store.ErrUnavailable), graph.CodeUnavailable, false, ""},
		{fmt.Errorf("%s: %w", secret, context.DeadlineExceeded), graph.CodeTimeout, false, ""},
		{errors.New(secret), graph.CodeInternal, false, ""},
	}
	for _, tc := range tests {
		e := graph.PresentError(context.Background(), tc.err)
		if got := e.Extensions["code"]; got != tc.code {
			t.Errorf("PresentError(%v) code = %v; want %s", tc.err, got, tc.code)
		}
		if leaked := strings.Contains(e.Message, "MATCH"); leaked {
			t.Errorf("PresentError(%v) message %q leaks the query", tc.err, e.Message)
		}
		if tc.showsCause && e.Message != tc.want {
			t.Errorf("PresentError(%v) message %q; want %q", tc.err, e.Message, tc.want)
		}
	}
}

func TestCORSAndPersistedQueries(t *testing.T) {
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	a := newAPI(t, st, graph.Options{AllowedOrigins: []string{"https://tool.example.org"}})

	for _, tc := range []struct {
		origin string
		want   string
	}{
		{"https://tool.example.org", "https://tool.example.org"},
		{"https://evil.example.com", ""},
	} {
		req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		req.Header.Set("Origin", tc.origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tc.want {
			t.Errorf("preflight from %s: Allow-Origin %q; want %q", tc.origin, got, tc.want)
		}
	}

	// Automatic persisted queries: a bare hash is refused until the query is
	// sent once with it, then the hash alone is enough.
	const q = "{ stats { articles } }"
	ext := fmt.Sprintf(`{"persistedQuery": {"version": 1, "sha256Hash": %q}}`, sha(q))
	if body := postBody(t, a.h, `{"extensions": `+ext+`}`); !strings.Contains(body,
		"PersistedQueryNotFound") {
		t.Errorf("unknown hash: %s; want PersistedQueryNotFound", body)
	}
	if body := postBody(t, a.h, fmt.Sprintf(`{"query": %q, "extensions": %s}`, q, ext)); !strings.
		Contains(body, `"articles":0`) {
		t.Errorf("query with hash: %s; want the answer", body)
	}
	if body := postBody(t, a.h, `{"extensions": `+ext+`}`); !strings.Contains(body,
		`"articles":0`) {
		t.Errorf("hash alone after registering: %s; want the answer", body)
	}
}

func postBody(t *testing.T, h http.Handler, body string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Body.String()
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
