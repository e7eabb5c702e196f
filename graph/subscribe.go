package graph

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/diplograph/diplograph/schema"
)

// CodeDropped marks the error ending a subscription whose reader fell too
// far behind; CodeLimit a request refused by a server limit.
const (
	CodeDropped = "SUBSCRIPTION_DROPPED"
	CodeLimit   = "LIMIT_EXCEEDED"
)

// dropGrace is how long a dropped subscriber's connection may take to
// deliver the error before it is closed under it.
const dropGrace = 5 * time.Second

// relationAdded streams new relations of the given types. The connection's
// and the server's subscription caps apply; a subscriber that falls behind
// gets an error coded SUBSCRIPTION_DROPPED and, if its connection does not
// take that within dropGrace, is disconnected.
func (r *Resolver) relationAdded(ctx context.Context, types []schema.RelationType,
) (<-chan *schema.Relation, error) {
	release, err := acquire(ctx)
	if err != nil {
		return nil, err
	}
	sub, err := r.Events.Subscribe(ctx, types)
	if err != nil {
		release()
		return nil, err
	}
	out := make(chan *schema.Relation)
	var finished atomic.Bool
	go func() {
		defer release()
		defer close(out)
		defer finished.Store(true)
		for rel := range sub.C {
			select {
			case out <- rel:
			case <-ctx.Done():
				return
			}
		}
		if sub.Dropped() {
			e := gqlerror.Errorf("subscription dropped: the client fell more than %d relations "+
				"behind; subscribe again", subscriberBuffer)
			e.Extensions = map[string]any{"code": CodeDropped}
			// gqlgen reads the error once ctx is done or out is closed:
			// written before either, under the connection's cancel lock.
			whileOpen(ctx, func() { transport.AddSubscriptionError(ctx, e) })
		}
	}()
	if c := connOf(ctx); c != nil {
		go func() { // a reader stuck on a full connection never reaches the loop's end
			<-sub.done
			if !sub.Dropped() {
				return
			}
			time.Sleep(dropGrace)
			if !finished.Load() {
				c.kill(time.Second)
			}
		}()
	}
	return out, nil
}
