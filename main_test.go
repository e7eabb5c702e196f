package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

const examples = "examples/articles"

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	defer l.Close()
	return l.Addr().String()
}

// withEmbedded makes the commands under test use the embedded store.
func withEmbedded(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
}

func TestServeLoadsExamples(t *testing.T) {
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
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d; want 0", code)
		}
	})
	base := "http://" + addr
	waitReady(t, base+"/readyz", done)

	body := `{"query": "{ search(query: \"Mensah\", types: [PERSON]) { name type } }"}`
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct{ Search []struct{ Name, Type string } }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decoding search: %v", err)
	}
	if len(out.Data.Search) == 0 || out.Data.Search[0].Name != "Efua Mensah" {
		t.Errorf("search(Mensah) = %+v; want Efua Mensah first", out.Data.Search)
	}

	page := get(t, base+"/")
	if !strings.Contains(page, "graphiql") || strings.Contains(page, "://") {
		t.Errorf("playground page should load GraphiQL from this host only:\n%s", page)
	}
	if got := get(t, base+"/healthz"); strings.TrimSpace(got) != "ok" {
		t.Errorf("/healthz = %q; want ok", got)
	}
}

// waitReady polls url until it answers 200, failing if serve exits first.
func waitReady(t *testing.T, url string, done <-chan int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case code := <-done:
			t.Fatalf("serve exited %d before it was ready", code)
		default:
		}
		if resp, err := http.Get(url); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s not ready after 60 s", url)
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// TestLoadTwiceIsStable loads the examples twice into each store and checks
// that the second load changes no count.
func TestLoadTwiceIsStable(t *testing.T) {
	t.Run("embedded", func(t *testing.T) {
		withEmbedded(t)
		dir := t.TempDir()
		loadTwice(t, func() store.Store {
			st, err := openStore(context.Background(), dir)
			if err != nil {
				t.Fatalf("openStore: %v", err)
			}
			return st
		}, dir)
	})
	t.Run("neo4j", func(t *testing.T) {
		st := neo4jtest.Open(t) // locks and wipes the test database
		loadTwice(t, func() store.Store { return st }, t.TempDir())
	})
}

func loadTwice(t *testing.T, open func() store.Store, dir string) {
	t.Helper()
	var stats []store.Stats
	for i := 0; i < 2; i++ {
		if code := run(context.Background(), []string{"load", "--data", dir, examples}); code != 0 {
			t.Fatalf("load #%d exited %d; want 0", i+1, code)
		}
		st := open()
		s, err := st.Stats(context.Background())
		if err != nil {
			t.Fatalf("Stats: %v", err)
		}
		if os.Getenv("NEO4J_URI") == "" {
			st.Close(context.Background())
		}
		stats = append(stats, s)
	}
	if stats[0].Articles < 8 || stats[0].Entities == 0 || stats[0].Relations == 0 {
		t.Fatalf("first load: %+v; want the 8 example articles with nodes and edges", stats[0])
	}
	if fmt.Sprint(stats[0]) != fmt.Sprint(stats[1]) {
		t.Errorf("stats after second load = %+v; want %+v", stats[1], stats[0])
	}
}

func TestLoadSkipsBadFiles(t *testing.T) {
	withEmbedded(t)
	dir := t.TempDir()
	bad := dir + "/in"
	if err := os.MkdirAll(bad, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good.txt":  "Leaders meet\n\nPresident Ana Ruiz met Prime Minister Tomas Vidal on Monday.\n",
		"empty.txt": "",
		"bin.txt":   "abc\x00\x01\x02",
		"utf.txt":   "Title\n\nbad \xff\xfe bytes\n",
		"bad.json":  `{"title": "x", "body": `,
	}
	for name, text := range files {
		if err := os.WriteFile(bad+"/"+name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code := run(context.Background(), []string{"load", "--data", dir + "/data", bad})
	if code != 1 {
		t.Errorf("load with 4 bad files exited %d; want 1", code)
	}
	st, err := openStore(context.Background(), dir+"/data")
	if err != nil {
		t.Fatalf("openStore: %v", err)
	}
	defer st.Close(context.Background())
	s, _ := st.Stats(context.Background())
	if s.Articles != 1 {
		t.Errorf("articles after load = %d; want the 1 good file", s.Articles)
	}
}
