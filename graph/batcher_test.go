package graph

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// echo is a fetch that returns each key doubled and records its batches.
type echo struct {
	mu      sync.Mutex
	batches [][]int
}

func (e *echo) fetch(_ context.Context, keys []int) ([]int, []error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.batches = append(e.batches, slices.Clone(keys))
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = 2 * k
	}
	return out, nil
}

func TestBatcherGathersWhileTheOperationMoves(t *testing.T) {
	p := &progress{wait: 20 * time.Millisecond}
	e := &echo{}
	l := newBatcher(p, 1000, e.fetch)
	var wg sync.WaitGroup
	var bad atomic.Int32
	// Keys come one every 2 ms, for three waits, while other work keeps the
	// operation moving.
	for k := range 30 {
		time.Sleep(2 * time.Millisecond)
		p.step()
		wg.Go(func() {
			if v, err := l.Load(t.Context(), k%10); err != nil || v != 2*(k%10) {
				bad.Add(1)
			}
		})
	}
	wg.Wait()
	if bad.Load() > 0 {
		t.Errorf("%d loads got a wrong value", bad.Load())
	}
	if len(e.batches) != 1 || len(e.batches[0]) != 10 {
		t.Errorf("batches = %v; want one of the 10 distinct keys", e.batches)
	}
	if v, err := l.Load(t.Context(), 3); err != nil || v != 6 || len(e.batches) != 1 {
		t.Errorf("Load(3) again = %d, %v after %d batches; want 6 from the cache", v, err,
			len(e.batches))
	}
}

func TestBatcherCapacity(t *testing.T) {
	e := &echo{}
	l := newBatcher(&progress{wait: time.Millisecond}, 4, e.fetch)
	got, err := l.LoadAll(t.Context(), []int{1, 2, 3, 4, 5, 6})
	if err != nil || !slices.Equal(got, []int{2, 4, 6, 8, 10, 12}) {
		t.Fatalf("LoadAll = %v, %v; want 2..12", got, err)
	}
	if len(e.batches) != 2 {
		t.Errorf("batches = %v; want 2 of at most 4 keys", e.batches)
	}
}

func TestBatcherErrors(t *testing.T) {
	errOdd := errors.New("odd")
	l := newBatcher(&progress{wait: time.Millisecond}, 100,
		func(_ context.Context, keys []int) ([]int, []error) {
			errs := make([]error, len(keys))
			for i, k := range keys {
				if k%2 == 1 {
					errs[i] = errOdd
				}
			}
			return make([]int, len(keys)), errs
		})
	if _, err := l.Load(t.Context(), 1); !errors.Is(err, errOdd) {
		t.Errorf("Load(1) error = %v; want %v", err, errOdd)
	}
	if _, err := l.Load(t.Context(), 2); err != nil {
		t.Errorf("Load(2) error = %v; want nil", err)
	}
	if _, err := l.LoadAll(t.Context(), []int{4, 5}); !errors.Is(err, errOdd) {
		t.Errorf("LoadAll(4, 5) error = %v; want %v", err, errOdd)
	}

	panics := newBatcher(&progress{wait: time.Millisecond}, 100,
		func(context.Context, []int) ([]int, []error) { panic("boom") })
	if _, err := panics.Load(t.Context(), 1); err == nil {
		t.Error("Load with a panicking fetch = nil error; want one")
	}
	short := newBatcher(&progress{wait: time.Millisecond}, 100,
		func(context.Context, []int) ([]int, []error) { return nil, nil })
	if _, err := short.Load(t.Context(), 1); err == nil {
		t.Error("Load with a fetch that returns no values = nil error; want one")
	}

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	slow := newBatcher(&progress{wait: 50 * time.Millisecond}, 100, (&echo{}).fetch)
	if _, err := slow.Load(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("Load(cancelled) error = %v; want %v", err, context.Canceled)
	}
}
