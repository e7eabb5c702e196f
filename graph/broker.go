package graph

import (
	"context"
	"slices"
	"sync"

	"github.com/diplograph/diplograph/schema"
)

// Broker fans out relations to subscribers. It never blocks a writer: a
// subscriber whose buffer is full misses relations rather than stalling
// the load.
type Broker struct {
	mu   sync.Mutex
	subs map[chan schema.Relation][]schema.RelationType
}

// NewBroker returns a Broker with no subscribers.
func NewBroker() *Broker {
	return &Broker{subs: map[chan schema.Relation][]schema.RelationType{}}
}

// Subscribe returns a channel of relations of the given types (all when
// empty), closed when ctx ends.
func (b *Broker) Subscribe(ctx context.Context, types []schema.RelationType) <-chan schema.Relation {
	ch := make(chan schema.Relation, 64)
	b.mu.Lock()
	b.subs[ch] = slices.Clone(types)
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		delete(b.subs, ch)
		close(ch)
		b.mu.Unlock()
	}()
	return ch
}

// Publish sends each relation to the subscribers that want its type.
func (b *Broker) Publish(rels []schema.Relation) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch, types := range b.subs {
		for _, r := range rels {
			if len(types) > 0 && !slices.Contains(types, r.Type) {
				continue
			}
			select {
			case ch <- r:
			default:
			}
		}
	}
}
