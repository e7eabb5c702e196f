package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// TestReadinessFollowsQueries is issue 13's reproduction of /readyz saying
// ready about 4 s before queries succeeded after a Neo4j outage (it pinged
// the server, which answers before its database does). serve runs on the
// real Neo4j through a proxy that makes two outages: every connection cut,
// then connections that work while the database does not (the proxy
// renames the database each query asks for, as a server whose database is
// still starting refuses it). Throughout, /readyz must never say ready
// when a query sent right after it fails, and must say ready once queries
// succeed again.
func TestReadinessFollowsQueries(t *testing.T) {
	neo4jtest.Open(t) // the database, emptied and held for this test
	c, _ := neo4jtest.Config()
	u, err := url.Parse(c.URI)
	if err != nil {
		t.Fatal(err)
	}
	db := cmp.Or(c.Database, "neo4j")
	p := startBoltProxy(t, u.Host, db)
	u.Scheme = "bolt" // a direct connection, through the proxy
	u.Host = p.addr
	t.Setenv("NEO4J_URI", u.String())

	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "--addr", addr}) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	base := "http://" + addr
	waitReady(t, base+"/readyz", done)

	cli := &http.Client{Timeout: 15 * time.Second}
	ready := func() bool {
		resp, err := cli.Get(base + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	query := func() string { // "OK" or the error's code
		resp, err := cli.Post(base+"/graphql", "application/json",
			strings.NewReader(`{"query": "{ search(query: \"Mensah\") { id } stats { articles } }"}`))
		if err != nil {
			return err.Error()
		}
		defer resp.Body.Close()
		var out struct {
			Errors []struct {
				Extensions struct{ Code string }
			}
		}
		b, _ := io.ReadAll(resp.Body)
		if err := json.Unmarshal(b, &out); err != nil {
			return string(b)
		}
		if len(out.Errors) > 0 {
			return out.Errors[0].Extensions.Code
		}
		return "OK"
	}
	// watch checks readiness against queries until until() holds or d has
	// passed, and returns the state of the last check.
	watch := func(phase string, d time.Duration, until func(ready bool, q string) bool) (bool,
		string) {
		t.Helper()
		var r bool
		var q string
		wrong := 0
		for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
			r = ready()
			q = query()
			if r && q != "OK" {
				if wrong++; wrong == 1 {
					t.Errorf("%s: /readyz said ready and the query right after it failed: %s",
						phase, q)
				}
			}
			if until(r, q) {
				break
			}
		}
		return r, q
	}
	if q := query(); q != "OK" {
		t.Fatalf("before the outage: query %s; want OK", q)
	}
	for _, o := range []struct {
		name  string
		start func()
	}{
		{"connections cut", p.cut},
		{"database not serving", p.hideDatabase},
	} {
		o.start()
		if r, q := watch(o.name, 30*time.Second, func(r bool, q string) bool {
			return !r && q != "OK"
		}); r || q == "OK" {
			t.Errorf("%s: /readyz ready %v, query %s; want not ready and the query failing",
				o.name, r, q)
		}
		if q := query(); q != "UNAVAILABLE" {
			t.Errorf("%s: query failed with %s; want UNAVAILABLE", o.name, q)
		}
		p.restore()
		if r, q := watch(o.name+", then back", 60*time.Second, func(r bool, q string) bool {
			return r && q == "OK"
		}); !r || q != "OK" {
			t.Errorf("after %s: /readyz ready %v, query %s; want both back", o.name, r, q)
		}
	}
}

// boltProxy forwards TCP connections to a Neo4j server, and can fail them.
type boltProxy struct {
	addr   string
	target string
	db     string
	mode   atomic.Int32 // proxyUp, proxyCut or proxyNoDB
	mu     sync.Mutex
	conns  map[net.Conn]struct{}
}

const (
	proxyUp int32 = iota
	proxyCut
	proxyNoDB
)

func startBoltProxy(t *testing.T, target, db string) *boltProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if len(db) > 15 {
		t.Skipf("database name %q: the proxy renames names of up to 15 bytes", db)
	}
	p := &boltProxy{addr: ln.Addr().String(), target: target, db: db,
		conns: map[net.Conn]struct{}{}}
	t.Cleanup(func() {
		ln.Close()
		p.closeAll()
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

func (p *boltProxy) serve(c net.Conn) {
	mode := p.mode.Load()
	if mode == proxyCut {
		c.Close()
		return
	}
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns[c], p.conns[s] = struct{}{}, struct{}{}
	p.mu.Unlock()
	toServer := io.Writer(s)
	if mode == proxyNoDB {
		from := append([]byte{0x82, 'd', 'b', 0x80 | byte(len(p.db))}, p.db...)
		to := bytes.Clone(from)
		to[len(to)-1] ^= 1 // a name that does not exist
		toServer = &renameDB{w: s, from: from, to: to}
	}
	go func() { _, _ = io.Copy(c, s); c.Close() }()
	_, _ = io.Copy(toServer, c)
	s.Close()
}

func (p *boltProxy) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for c := range p.conns {
		c.Close()
		delete(p.conns, c)
	}
}

// cut closes every connection and refuses new ones.
func (p *boltProxy) cut() { p.mode.Store(proxyCut); p.closeAll() }

// hideDatabase closes every connection; new ones reach the server, whose
// database no query then finds.
func (p *boltProxy) hideDatabase() { p.mode.Store(proxyNoDB); p.closeAll() }

// restore makes new connections plain again (old ones are closed).
func (p *boltProxy) restore() { p.mode.Store(proxyUp); p.closeAll() }

// renameDB rewrites the database name of Bolt requests ({db: "neo4j"} in
// the PackStream map of BEGIN or RUN: from) to one that does not exist (to),
// of the same length, so that chunk sizes stay right. A match split between
// two writes is held back until the next.
type renameDB struct {
	w        io.Writer
	from, to []byte
	held     []byte
}

func (r *renameDB) Write(b []byte) (int, error) {
	buf := bytes.ReplaceAll(append(r.held, b...), r.from, r.to)
	keep := 0
	for k := min(len(r.from)-1, len(buf)); k > 0; k-- {
		if bytes.HasSuffix(buf, r.from[:k]) {
			keep = k
			break
		}
	}
	r.held = append(r.held[:0], buf[len(buf)-keep:]...)
	if _, err := r.w.Write(buf[:len(buf)-keep]); err != nil {
		return 0, err
	}
	return len(b), nil
}
