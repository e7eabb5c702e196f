// Package neo4jtest opens the real Neo4j that tests run against, from the
// environment that scripts/neo4j/start.sh prints: NEO4J_URI, NEO4J_USER,
// NEO4J_PASSWORD and NEO4J_DATABASE.
//
// Test packages run in parallel under `go test ./...` but share the one
// database, so Open holds an exclusive file lock from before it wipes the
// database until the test ends. A test must not call Open while it holds a
// store from an earlier call: it would wait for itself.
package neo4jtest

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	neo4jstore "github.com/diplograph/diplograph/store/neo4j"
)

// lockFile is the file whose lock a test holds while it uses the database.
var lockFile = filepath.Join(os.TempDir(), "diplograph-neo4j-test.lock")

// Config returns the server named by the environment, and whether
// NEO4J_URI is set.
func Config() (neo4jstore.Config, bool) {
	uri := os.Getenv("NEO4J_URI")
	c := neo4jstore.Config{URI: uri, User: os.Getenv("NEO4J_USER"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
	if c.User == "" {
		c.User = "neo4j"
	}
	return c, uri != ""
}

// Open returns a store over an emptied database, locked for t until t
// ends, and closed then. Without NEO4J_URI it skips t, unless CI=true, when
// it fails t; a server it cannot reach fails t.
func Open(t testing.TB) *neo4jstore.Store {
	t.Helper()
	c, ok := Config()
	if !ok {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true requires a Neo4j: run scripts/neo4j/start.sh " +
				"and set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD")
		}
		t.Skip("NEO4J_URI is unset: run scripts/neo4j/start.sh to test against Neo4j")
	}
	unlock := lock(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := neo4jstore.Open(ctx, c)
	if err != nil {
		unlock()
		t.Fatalf("neo4jstore.Open(%s) = %v; want a reachable Neo4j", c.URI, err)
	}
	if err := s.Wipe(ctx); err != nil {
		s.Close(ctx)
		unlock()
		t.Fatalf("Wipe = %v; want nil", err)
	}
	t.Cleanup(func() {
		s.Close(context.Background())
		unlock()
	})
	return s
}

// lock takes the exclusive lock on lockFile, waiting for other tests, and
// returns its release.
func lock(t testing.TB) func() {
	t.Helper()
	f, err := os.OpenFile(lockFile, os.O_CREATE|os.O_RDWR, 0o666)
	if err != nil {
		t.Fatalf("open %s: %v", lockFile, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock %s: %v", lockFile, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
}
