// Package graph is diplograph's GraphQL API: the resolvers gqlgen calls,
// kept thin (arguments → store → model). Generated code lives in
// graph/generated and graph/model/models_gen.go; errors are mapped to
// GraphQL codes in one presenter (errors.go).
//
// The HTTP handler (handler.go) is built to face a network: document
// limits and a memoised cost checked before validation (limits.go), a
// deadline on every request (deadline.go), caches bounded in bytes
// (cache.go) with persisted queries registered only once valid (apq.go),
// subscriptions capped per connection and per server with slow readers
// dropped and told (broker.go, subscribe.go, ws.go), an optional rate
// limit per client (ratelimit.go), CORS closed unless origins are listed,
// and Prometheus metrics (metrics.go, instrument.go).
package graph

import (
	"context"

	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Store is what the API reads and, for mutations, writes.
type Store interface {
	store.Reader
	store.Writer
	store.Curator
}

// Extractor turns an article into graph records, for ingestArticle.
type Extractor interface {
	Extract(doc loader.Document) (schema.Batch, error)
}

// Resolver is the root resolver and the one place dependencies are injected.
type Resolver struct {
	Store     Store
	Extractor Extractor
	// Events fans out new relations to relationAdded subscribers.
	Events *Broker
	// Merger, when set, points the people of new articles at the people
	// already in the graph (package resolve) before they are stored.
	Merger Merger
	// Metrics, when set, counts what Upsert writes.
	Metrics *Metrics
}

// Merger resolves the entities of new batches against the graph.
type Merger interface {
	Resolve(ctx context.Context, batches ...schema.Batch) ([]schema.Batch, error)
}

// ctxKey is the type of this package's context keys.
type ctxKey int

// Upsert stores batches and announces their relations to subscribers; the
// load command and ingestArticle both write through it.
func (r *Resolver) Upsert(ctx context.Context, batches ...schema.Batch) error {
	if r.Merger != nil {
		var err error
		if batches, err = r.Merger.Resolve(ctx, batches...); err != nil {
			return err
		}
	}
	if err := r.Store.Upsert(ctx, batches...); err != nil {
		r.Metrics.ingestFailed()
		return err
	}
	r.Metrics.ingested(batches)
	if r.Events != nil {
		for _, b := range batches {
			r.Events.Publish(b.Relations)
		}
	}
	return nil
}
