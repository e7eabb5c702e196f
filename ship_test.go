package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/buildinfo"
)

// captureStdout runs f and returns what it printed to os.Stdout.
func captureStdout(t *testing.T, f func() int) (string, int) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	code := f()
	os.Stdout = old
	w.Close()
	b, _ := io.ReadAll(r)
	return string(b), code
}

func TestVersionPrintsStamp(t *testing.T) {
	oldV, oldC := buildinfo.Version, buildinfo.Commit
	buildinfo.Version, buildinfo.Commit = "v9.8.7", "c0ffee"
	t.Cleanup(func() { buildinfo.Version, buildinfo.Commit = oldV, oldC })

	out, code := captureStdout(t, func() int { return run(context.Background(), []string{"version"}) })
	if code != 0 {
		t.Fatalf("version exited %d", code)
	}
	for _, want := range []string{"diplograph v9.8.7\n", "commit   c0ffee", "go       go1.",
		"model    ", "data     "} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}

	out, code = captureStdout(t, func() int {
		return run(context.Background(), []string{"version", "--json"})
	})
	var info buildinfo.Info
	if err := json.Unmarshal([]byte(out), &info); code != 0 || err != nil {
		t.Fatalf("version --json = %q, exit %d, %v", out, code, err)
	}
	if info.Version != "v9.8.7" || info.Commit != "c0ffee" || len(info.Components) != len(shipped()) {
		t.Errorf("version --json = %+v; want v9.8.7, c0ffee and %d components", info, len(shipped()))
	}
}

func TestProbeURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"0.0.0.0:8080", "http://127.0.0.1:8080/readyz"},
		{":9000", "http://127.0.0.1:9000/readyz"},
		{"[::]:8080", "http://[::1]:8080/readyz"},
		{"10.1.2.3:80", "http://10.1.2.3:80/readyz"},
		{"localhost:8080", "http://localhost:8080/readyz"},
	}
	for _, tt := range tests {
		if got, err := probeURL(tt.addr, "/readyz"); err != nil || got != tt.want {
			t.Errorf("probeURL(%q) = %q, %v; want %q", tt.addr, got, err, tt.want)
		}
	}
	if _, err := probeURL("8080", "/readyz"); err == nil {
		t.Errorf("probeURL(%q) = nil error; want one naming the address", "8080")
	}
}

func TestHealthAgainstServer(t *testing.T) {
	withEmbedded(t)
	addr := freeAddr(t)
	if code := run(context.Background(), []string{"health", "--addr", addr}); code != 1 {
		t.Errorf("health with nothing listening exited %d; want 1", code)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--addr", addr, "--data", t.TempDir()}) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	waitReady(t, "http://"+addr+"/readyz", done)
	for _, args := range [][]string{{"health", "--addr", addr}, {"health", "--live", "--addr", addr}} {
		if code := run(context.Background(), args); code != 0 {
			t.Errorf("%v exited %d; want 0", args, code)
		}
	}
	t.Setenv("DIPLOGRAPH_ADDR", "0.0.0.0:"+addr[strings.LastIndex(addr, ":")+1:])
	if code := run(context.Background(), []string{"health"}); code != 0 {
		t.Errorf("health with DIPLOGRAPH_ADDR=%s exited %d; want 0", os.Getenv("DIPLOGRAPH_ADDR"), code)
	}
}

func TestHealthReportsNotReady(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "store unreachable", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	err := probe(context.Background(), srv.URL+"/readyz")
	if err == nil || !strings.Contains(err.Error(), "503") ||
		!strings.Contains(err.Error(), "store unreachable") {
		t.Errorf("probe of a 503 = %v; want an error with the status and reason", err)
	}
}

// TestServeLoadsOnlyWhenAsked checks that serve starts empty by default and
// loads DIPLOGRAPH_LOAD_ON_START when it is set.
func TestServeLoadsOnlyWhenAsked(t *testing.T) {
	withEmbedded(t)
	for _, tt := range []struct {
		env      string
		articles bool
	}{{"", false}, {examples, true}} {
		t.Setenv("DIPLOGRAPH_LOAD_ON_START", tt.env)
		addr := freeAddr(t)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int, 1)
		go func() { done <- run(ctx, []string{"serve", "--addr", addr, "--data", t.TempDir()}) }()
		waitReady(t, "http://"+addr+"/readyz", done)
		resp, err := http.Post("http://"+addr+"/graphql", "application/json",
			strings.NewReader(`{"query": "{ stats { articles } }"}`))
		if err != nil {
			t.Fatalf("POST /graphql: %v", err)
		}
		var out struct {
			Data struct{ Stats struct{ Articles int } }
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		cancel()
		<-done
		if err != nil {
			t.Fatalf("decoding stats: %v", err)
		}
		if got := out.Data.Stats.Articles > 0; got != tt.articles {
			t.Errorf("DIPLOGRAPH_LOAD_ON_START=%q: %d articles; want loaded = %v",
				tt.env, out.Data.Stats.Articles, tt.articles)
		}
	}
}
