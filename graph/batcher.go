package graph

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The timing of a batcher.
const (
	// DefaultBatchWait is how long the batchers of an operation wait, once
	// it stops moving, before they fetch.
	DefaultBatchWait = time.Millisecond
	// batchTicks is how many times in a wait a batcher looks at the
	// operation's progress.
	batchTicks = 4
	// batchMaxWaits bounds, in waits, how long a batcher gathers keys while
	// the operation keeps moving.
	batchMaxWaits = 100
	// batchYields is how many times a batcher lets the goroutines ready to
	// run go first before it looks.
	batchYields = 3
)

// progress counts the steps of one operation's resolution: the fields
// resolved (see countFields) and the keys loaded. When it stops moving,
// every resolver is waiting for a batch, so no more keys are coming.
type progress struct {
	steps atomic.Uint64
	wait  time.Duration // how long it must stand still
}

func (p *progress) step() { p.steps.Add(1) }

func (p *progress) now() uint64 { return p.steps.Load() }

// batcher gathers the keys that the resolvers of one operation load and
// fetches them together, each distinct key once; it keeps what it fetched
// for the rest of the operation.
//
// gqlgen resolves the items of a list in goroutines of their own, so the
// keys of one level of a query arrive over a time that grows with the
// number of items, and more so on a busy machine. A batcher therefore does
// not fetch a fixed time after the first key but once the operation stops
// moving: when its progress has stood still for a whole wait, the
// goroutines ready to run having had their turn before each look. It
// fetches anyway after batchMaxWaits waits, or at capacity keys. So one
// level of a query costs one fetch however wide it is, unless a resolver
// ready to run is kept from running for a whole wait.
type batcher[K comparable, V any] struct {
	// fetch returns the values of keys in their order, and no errors or an
	// error per key.
	fetch    func(ctx context.Context, keys []K) ([]V, []error)
	capacity int
	progress *progress

	mu      sync.Mutex
	pending *batch[K, V]
	slots   map[K]slot[K, V]
}

// batch is one fetch of a batcher.
type batch[K comparable, V any] struct {
	ctx  context.Context // of the first load
	keys []K
	done chan struct{} // closed when vals, errs and err are set
	vals []V
	errs []error
	err  error // of the whole batch
}

// slot is where the value of a key is: position i of batch b.
type slot[K comparable, V any] struct {
	b *batch[K, V]
	i int
}

// newBatcher returns a batcher of up to capacity keys a fetch that watches
// the operation's progress p.
func newBatcher[K comparable, V any](p *progress, capacity int,
	fetch func(ctx context.Context, keys []K) ([]V, []error),
) *batcher[K, V] {
	return &batcher[K, V]{fetch: fetch, capacity: capacity, progress: p,
		slots: map[K]slot[K, V]{}}
}

// Load returns the value of key, waiting for the batch that fetches it.
func (l *batcher[K, V]) Load(ctx context.Context, key K) (V, error) {
	return l.add(ctx, key).wait(ctx)
}

// LoadAll returns the values of keys, fetched in as few batches as
// capacity allows, or the first error.
func (l *batcher[K, V]) LoadAll(ctx context.Context, keys []K) ([]V, error) {
	slots := make([]slot[K, V], len(keys))
	for i, k := range keys {
		slots[i] = l.add(ctx, k)
	}
	out := make([]V, len(keys))
	for i, s := range slots {
		v, err := s.wait(ctx)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// add returns the slot of key, adding key to the pending batch, started if
// need be, when it is new.
func (l *batcher[K, V]) add(ctx context.Context, key K) slot[K, V] {
	l.progress.step()
	l.mu.Lock()
	defer l.mu.Unlock()
	if s, ok := l.slots[key]; ok {
		return s
	}
	b := l.pending
	if b == nil {
		b = &batch[K, V]{ctx: ctx, done: make(chan struct{})}
		l.pending = b
		go l.dispatch(b)
	}
	s := slot[K, V]{b: b, i: len(b.keys)}
	b.keys = append(b.keys, key)
	l.slots[key] = s
	if len(b.keys) >= l.capacity {
		l.pending = nil
		go l.run(b)
	}
	return s
}

// dispatch runs b once the operation stops moving, unless add has run it
// at capacity.
func (l *batcher[K, V]) dispatch(b *batch[K, V]) {
	wait := l.progress.wait
	start, seen := time.Now(), l.progress.now()
	moved := start // when the progress was last seen to move
	for {
		time.Sleep(wait / batchTicks)
		for range batchYields {
			runtime.Gosched()
		}
		l.mu.Lock()
		if l.pending != b {
			l.mu.Unlock()
			return
		}
		now := time.Now()
		if n := l.progress.now(); n != seen {
			seen, moved = n, now
		}
		if now.Sub(moved) >= wait || now.Sub(start) >= batchMaxWaits*wait {
			l.pending = nil
			l.mu.Unlock()
			l.run(b)
			return
		}
		l.mu.Unlock()
	}
}

// run fetches b and releases its waiters; a panic in fetch fails b.
func (l *batcher[K, V]) run(b *batch[K, V]) {
	defer close(b.done)
	defer func() {
		if p := recover(); p != nil {
			b.err = fmt.Errorf("fetching %d keys: panic: %v", len(b.keys), p)
		}
	}()
	b.vals, b.errs = l.fetch(b.ctx, b.keys)
	switch {
	case len(b.vals) != len(b.keys):
		b.err = fmt.Errorf("fetch returned %d values for %d keys", len(b.vals), len(b.keys))
	case b.errs != nil && len(b.errs) != len(b.keys):
		b.err = fmt.Errorf("fetch returned %d errors for %d keys", len(b.errs), len(b.keys))
	}
}

// wait returns the value of the slot once its batch is fetched.
func (s slot[K, V]) wait(ctx context.Context) (V, error) {
	var zero V
	select {
	case <-s.b.done:
	case <-ctx.Done():
		return zero, ctx.Err()
	}
	switch {
	case s.b.err != nil:
		return zero, s.b.err
	case s.b.errs != nil && s.b.errs[s.i] != nil:
		return zero, s.b.errs[s.i]
	}
	return s.b.vals[s.i], nil
}
