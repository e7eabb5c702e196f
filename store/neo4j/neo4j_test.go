package neo4jstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/diplograph/diplograph/store"
	neo4jstore "github.com/diplograph/diplograph/store/neo4j"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return neo4jtest.Open(t) })
}

func TestOpenUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// Port 1 on the loopback refuses connections.
	_, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: "bolt://127.0.0.1:1", User: "neo4j"})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Open(unreachable) error = %v; want %v", err, store.ErrUnavailable)
	}
}
