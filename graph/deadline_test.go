package graph

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestDeadlineCoversEverything: a handler busy past the deadline, as
// parsing or validating a hostile document was, is answered TIMEOUT at the
// deadline instead of when it finishes.
func TestDeadlineCoversEverything(t *testing.T) {
	busy := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(3 * time.Second) // CPU-bound work that never looks at its context
		w.Write([]byte(`{"data":{}}`))
	})
	h := deadline(busy, 100*time.Millisecond)
	rec := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/graphql", nil))
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("answered after %v; want at the 100 ms deadline", took)
	}
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(),
		CodeTimeout) {
		t.Errorf("answer %d %s; want 503 with code %s", rec.Code, rec.Body.String(), CodeTimeout)
	}

	quick := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("X-Test", "1")
		w.WriteHeader(http.StatusTeapot)
		w.Write([]byte("brewed"))
	})
	rec = httptest.NewRecorder()
	deadline(quick, time.Second).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusTeapot || rec.Body.String() != "brewed" ||
		rec.Header().Get("X-Test") != "1" {
		t.Errorf("quick answer passed as %d %q %v; want it unchanged", rec.Code,
			rec.Body.String(), rec.Header())
	}
}

func TestRateLimit(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {})
	h := newRateLimiter(1, 2).wrap(ok)
	codes := []int{}
	for _, ip := range []string{"10.0.0.1", "10.0.0.1", "10.0.0.1", "10.0.0.2"} {
		req := httptest.NewRequest(http.MethodPost, "/graphql", nil)
		req.RemoteAddr = ip + ":5555"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		codes = append(codes, rec.Code)
		if rec.Code == http.StatusTooManyRequests && (rec.Header().Get("Retry-After") == "" ||
			!strings.Contains(rec.Body.String(), CodeLimit)) {
			t.Errorf("429 without Retry-After or code: %v %s", rec.Header(), rec.Body.String())
		}
	}
	want := []int{200, 200, 429, 200}
	for i := range want {
		if codes[i] != want[i] {
			t.Errorf("statuses = %v; want %v (burst 2 per address)", codes, want)
			break
		}
	}
}
