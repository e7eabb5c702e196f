package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/diplograph/diplograph/schema"
)

// ErrTooManySubscriptions means a subscription was refused because the
// connection or the server holds as many as it may; code LIMIT_EXCEEDED.
var ErrTooManySubscriptions = errors.New("too many subscriptions")

// Broker defaults.
const (
	DefaultMaxSubscriptions = 1000 // per server
	subscriberBuffer        = 512  // relations a subscriber may fall behind
)

// Broker fans out relations to subscribers. It never blocks a writer and
// never buffers without end: a subscriber that falls subscriberBuffer
// relations behind is dropped (its channel closed and Dropped set), so
// that it can be told rather than silently miss relations.
type Broker struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
	max  int
}

// Subscription is one subscriber's stream of relations, shared with the
// other subscribers: read-only.
type Subscription struct {
	// C yields the relations; it is closed when the subscription ends.
	C       <-chan *schema.Relation
	ch      chan *schema.Relation
	done    chan struct{} // closed when the subscription ends
	types   []schema.RelationType
	dropped atomic.Bool
	closed  bool
}

// Dropped reports whether the subscription ended because its reader fell
// too far behind.
func (s *Subscription) Dropped() bool { return s.dropped.Load() }

// NewBroker returns a Broker with no subscribers, allowing up to
// DefaultMaxSubscriptions at once.
func NewBroker() *Broker { return NewBrokerLimit(DefaultMaxSubscriptions) }

// NewBrokerLimit returns a Broker allowing up to max subscriptions at once.
func NewBrokerLimit(max int) *Broker {
	return &Broker{subs: map[*Subscription]struct{}{}, max: max}
}

// Subscribe returns a subscription to relations of the given types (all
// when empty), ended when ctx ends; ErrTooManySubscriptions when the broker
// is full.
func (b *Broker) Subscribe(ctx context.Context, types []schema.RelationType,
) (*Subscription, error) {
	ch := make(chan *schema.Relation, subscriberBuffer)
	s := &Subscription{C: ch, ch: ch, types: slices.Clone(types), done: make(chan struct{})}
	b.mu.Lock()
	if len(b.subs) >= b.max {
		b.mu.Unlock()
		return nil, fmt.Errorf("%w: the server holds its limit of %d", ErrTooManySubscriptions,
			b.max)
	}
	b.subs[s] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		b.end(s)
		b.mu.Unlock()
	}()
	return s, nil
}

// Len returns the number of live subscriptions.
func (b *Broker) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// end removes s and closes its channel; b.mu is held.
func (b *Broker) end(s *Subscription) {
	if s.closed {
		return
	}
	s.closed = true
	delete(b.subs, s)
	close(s.ch)
	close(s.done)
}

// Publish sends each relation to the subscribers that want its type,
// dropping those whose buffer is full. Subscribers share one copy of each
// relation, which they must not change.
func (b *Broker) Publish(rels []schema.Relation) {
	shared := slices.Clone(rels)
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs {
		for i := range shared {
			r := &shared[i]
			if len(s.types) > 0 && !slices.Contains(s.types, r.Type) {
				continue
			}
			select {
			case s.ch <- r:
				continue
			default:
			}
			s.dropped.Store(true)
			b.end(s)
			break
		}
	}
}
