package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run the command itself in a child process (for
// signals): with DIPLOGRAPH_TEST_MAIN=1 the test binary is diplograph.
func TestMain(m *testing.M) {
	if os.Getenv("DIPLOGRAPH_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// startServe runs serve over an empty embedded store with extra flags and
// returns its base URL; it stops when the test ends.
func startServe(t *testing.T, flags ...string) string {
	t.Helper()
	withEmbedded(t)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", addr, "--data", t.TempDir()},
			flags...))
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d; want 0", code)
		}
	})
	base := "http://" + addr
	waitReady(t, base+"/readyz", done)
	return base
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"serve", "--help"}, {"load", "--help"},
		{"extract", "-h"}} {
		if code := run(context.Background(), args); code != 0 {
			t.Errorf("diplograph %s exited %d; want 0", strings.Join(args, " "), code)
		}
	}
	if code := run(context.Background(), []string{"serve", "--no-such-flag"}); code != 2 {
		t.Errorf("diplograph serve --no-such-flag exited %d; want 2", code)
	}
}

// TestSlowClientsAreDisconnected is issue 13's reproduction: a client
// trickling its body, and an idle keep-alive connection, were held forever.
func TestSlowClientsAreDisconnected(t *testing.T) {
	base := startServe(t, "--read-timeout", "1500ms", "--idle-timeout", "1s")
	addr := strings.TrimPrefix(base, "http://")

	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	fmt.Fprintf(slow, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"+
		"Content-Length: 1000\r\n\r\n")
	start := time.Now()
	closed := make(chan time.Duration, 1)
	go func() { // the server answers or closes; either ends the read
		_, _ = io.Copy(io.Discard, slow)
		closed <- time.Since(start)
	}()
	tick := time.NewTicker(300 * time.Millisecond)
	defer tick.Stop()
	var took time.Duration
loop:
	for {
		select {
		case took = <-closed:
			break loop
		case <-tick.C:
			if _, err := slow.Write([]byte("{")); err != nil {
				took = time.Since(start)
				break loop
			}
			if time.Since(start) > 10*time.Second {
				t.Fatal("a connection trickling its body is still open after 10 s")
			}
		}
	}
	if took > 5*time.Second {
		t.Errorf("slow-body connection closed after %v; want within the 1.5 s read timeout", took)
	}

	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	fmt.Fprintf(idle, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	r := bufio.NewReader(idle)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start = time.Now()
	_ = idle.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := r.ReadByte(); err == nil {
		t.Errorf("idle keep-alive connection sent data; want it closed")
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("idle keep-alive connection closed after %v; want about 1 s", took)
	}
}

func TestConnectionCap(t *testing.T) {
	var held []net.Conn
	t.Cleanup(func() { // after serve has stopped: it must stop with every slot taken
		for _, c := range held {
			c.Close()
		}
	})
	base := startServe(t, "--max-conns", "2")
	addr := strings.TrimPrefix(base, "http://")
	for range 2 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	time.Sleep(200 * time.Millisecond) // let the server accept both
	cli := &http.Client{Timeout: 700 * time.Millisecond}
	if resp, err := cli.Get(base + "/healthz"); err == nil {
		resp.Body.Close()
		t.Errorf("a third connection was served while 2 of 2 were open")
	}
	held[0].Close()
	cli.Timeout = 10 * time.Second
	resp, err := cli.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("after one connection closed: %v; want served", err)
	}
	resp.Body.Close()
	cli.CloseIdleConnections()
	c, err := net.Dial("tcp", addr) // the cap is full again when serve is stopped
	if err != nil {
		t.Fatal(err)
	}
	held = append(held, c)
	time.Sleep(200 * time.Millisecond)
}

func TestMetricsEndpoint(t *testing.T) {
	base := startServe(t)
	resp, err := http.Post(base+"/graphql", "application/json",
		strings.NewReader(`{"query": "{ stats { articles } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	body := get(t, base+"/metrics")
	for _, want := range []string{
		`diplograph_graphql_requests_total{code="OK",operation="query:stats"} 1`,
		"diplograph_graphql_request_seconds_bucket",
		"diplograph_http_connections",
		"diplograph_query_cache_bytes",
		"diplograph_subscriptions 0",
		`diplograph_store_calls_total{method="Stats",outcome="ok"} 1`,
		"go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestLoadStopsOnSIGTERM is issue 13's reproduction: a load ignored SIGTERM.
// The child process loads many files; SIGTERM stops it with a message and
// status 130, and the store opens cleanly with what it reported stored.
func TestLoadStopsOnSIGTERM(t *testing.T) {
	in := t.TempDir()
	src, err := os.ReadDir(examples)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		for _, e := range src {
			b, err := os.ReadFile(filepath.Join(examples, e.Name()))
			if err != nil || e.IsDir() {
				continue
			}
			name := fmt.Sprintf("%03d-%s", i, e.Name())
			if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	data := t.TempDir()
	cmd := exec.Command(os.Args[0], "load", "--data", data, in)
	cmd.Env = append(os.Environ(), "DIPLOGRAPH_TEST_MAIN=1", "NEO4J_URI=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the command has opened the store (its signal handler is
	// set before that; package start-up alone can take seconds under -race),
	// then let it load for a moment.
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if entries, _ := os.ReadDir(data); len(entries) > 0 {
			break
		}
	}
	time.Sleep(700 * time.Millisecond)
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	took := time.Since(start)
	if cmd.ProcessState.ExitCode() == 0 {
		t.Skipf("the load finished before the signal (%v)", err)
	}
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("load after SIGTERM exited %d; want 130\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted: wrote") {
		t.Errorf("stderr after SIGTERM:\n%s\nwant the interruption explained", stderr.String())
	}
	if took > 15*time.Second {
		t.Errorf("load took %v to stop after SIGTERM", took)
	}
	st, err := openStore(context.Background(), data)
	if err != nil {
		t.Fatalf("the store after an interrupted load: %v; want it to open", err)
	}
	st.Close(context.Background())
}

// TestProfilesApart: --pprof-addr serves Go's profiles on its own listener;
// the API's address never does.
func TestProfilesApart(t *testing.T) {
	pprofAddr := freeAddr(t)
	base := startServe(t, "--pprof-addr", pprofAddr)
	resp, err := http.Get(base + "/debug/pprof/heap")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK && strings.Contains(resp.Header.Get("Content-Type"),
		"octet-stream") {
		t.Errorf("the API address served a heap profile (%d bytes)", len(b))
	}
	resp, err = http.Get("http://" + pprofAddr + "/debug/pprof/heap?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "heap profile") {
		t.Errorf("--pprof-addr heap profile: %d %.200s; want the profile", resp.StatusCode, b)
	}
}
