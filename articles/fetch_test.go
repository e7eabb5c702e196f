package articles

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestFetch loads web addresses from a local server: a page, a feed and
// JSON Lines by their Content-Type, and the failures a network gives.
func TestFetch(t *testing.T) {
	page, _ := os.ReadFile(format("news-page.html"))
	feed, _ := os.ReadFile(format("feed.atom"))
	var mu sync.Mutex
	agents := map[string]bool{}
	stop := make(chan struct{})
	mux := http.NewServeMux()
	serve := func(path, ctype string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			agents[r.UserAgent()] = true
			mu.Unlock()
			w.Header().Set("Content-Type", ctype)
			w.Write(body)
		})
	}
	serve("/story", "text/html; charset=utf-8", page)
	serve("/feed", "application/atom+xml", feed)
	serve("/wire", "application/x-ndjson",
		[]byte(`{"title": "A", "body": "a"}`+"\n"+`{"title": "B", "body": "b"}`+"\n"))
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "11000")
		w.Write([]byte(strings.Repeat("<p>word</p>", 1000)))
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-ndjson")
		for range 100 {
			w.Write([]byte(`{"title": "C", "body": "` + strings.Repeat("c", 100) + `"}` + "\n"))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(stop)

	tests := []struct {
		path   string
		titles string // the articles read, joined by |
		err    error  // the error ending the input, when any
		reason string
	}{
		{"/story", "Ghana and Togo agree to reopen border crossing", nil, ""},
		{"/feed", "Chile and Peru sign fisheries pact|Fiji hosts Pacific forum|Undated note",
			nil, ""},
		{"/wire", "A|B", nil, ""},
		{"/missing", "", ErrFetch, "the server answered 404 Not Found"},
		{"/big", "", ErrFetch, "the body is 11000 bytes, over the limit of 8192"},
		{"/chunked", strings.Repeat("C|", 63) + "C", ErrTooLarge, // 64 lines of 127 bytes
			"the body is over the fetch limit"},
		{"/slow", "", ErrFetch, "no answer within 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			opts := Options{Fetch: FetchOptions{Timeout: 300 * time.Millisecond, MaxBytes: 8192}}
			ins, errs := Walk([]string{srv.URL + tt.path}, opts)
			if len(ins) != 1 || len(errs) != 0 {
				t.Fatalf("Walk = %v, %v; want one input", ins, errs)
			}
			var titles []string
			var last error
			for a, err := range All(context.Background(), ins, opts) {
				if err != nil {
					last = err
					continue
				}
				titles = append(titles, a.Title)
			}
			if got := strings.Join(titles, "|"); got != tt.titles {
				t.Errorf("titles = %q; want %q", got, tt.titles)
			}
			if tt.err == nil && last != nil || tt.err != nil && (!errors.Is(last, tt.err) ||
				!strings.HasSuffix(last.Error(), tt.reason)) {
				t.Errorf("error = %v; want %v ending %q", last, tt.err, tt.reason)
			}
		})
	}
	if len(agents) != 1 || !agents[DefaultUserAgent] {
		t.Errorf("user agents seen = %v; want only %q", agents, DefaultUserAgent)
	}
}
