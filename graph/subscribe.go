package graph

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
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
	notice, _ := ctx.Value(dropNoticeKey).(*dropNotice)
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
		if sub.Dropped() && notice != nil {
			notice.dropped.Store(true) // before close(out): read once out is seen closed
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

// dropNotice tells a subscription's response stream that its source was
// dropped for falling behind.
type dropNotice struct{ dropped, told atomic.Bool }

const dropNoticeKey ctxKey = iota + 300

// dropNotices turns a dropped subscription's end into an error coded
// SUBSCRIPTION_DROPPED. gqlgen reads a subscription's errors
// (transport.AddSubscriptionError) in the goroutine that pulls its
// responses, once the stream ends, whether the stream ended or the
// subscription's context was cancelled by the client's stop, a closed
// connection or the server. Writing the error from the resolver's own
// goroutine therefore raced with that read; here it is written by the
// response stream itself, in gqlgen's goroutine, after the resolver
// closed its channel (which orders the flag before it).
type dropNotices struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = dropNotices{}

func (dropNotices) ExtensionName() string                   { return "SubscriptionDrops" }
func (dropNotices) Validate(graphql.ExecutableSchema) error { return nil }

func (dropNotices) InterceptOperation(ctx context.Context, next graphql.OperationHandler,
) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	// only gqlgen's websocket transport (behind connOf) keeps subscription
	// errors; subscriptionsOverWebsocket refuses the others
	if oc.Operation == nil || oc.Operation.Operation != ast.Subscription || connOf(ctx) == nil {
		return next(ctx)
	}
	n := &dropNotice{}
	responses := next(context.WithValue(ctx, dropNoticeKey, n))
	return func(ctx context.Context) *graphql.Response {
		if resp := responses(ctx); resp != nil {
			return resp
		}
		if n.dropped.Load() && ctx.Err() == nil && n.told.CompareAndSwap(false, true) {
			e := gqlerror.Errorf("subscription dropped: the client fell more than %d relations "+
				"behind; subscribe again", subscriberBuffer)
			e.Extensions = map[string]any{"code": CodeDropped}
			transport.AddSubscriptionError(ctx, e)
		}
		return nil
	}
}
