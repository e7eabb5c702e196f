package graph

import (
	"container/list"
	"context"
	"sync"

	"github.com/99designs/gqlgen/graphql"
)

// byteCache is a least-recently-used cache bounded by the bytes its entries
// are estimated to hold, not by their number: a client sending large
// documents evicts sooner instead of growing the server. An entry larger
// than the whole budget is not kept.
type byteCache[T any] struct {
	mu     sync.Mutex
	budget int64
	used   int64
	size   func(key string, v T) int64
	order  *list.List // front: most recently used
	items  map[string]*list.Element
}

type cacheEntry[T any] struct {
	key  string
	val  T
	size int64
}

var _ graphql.Cache[string] = (*byteCache[string])(nil)

// newByteCache returns a cache of at most budget bytes, as size estimates
// them.
func newByteCache[T any](budget int64, size func(string, T) int64) *byteCache[T] {
	return &byteCache[T]{budget: budget, size: size, order: list.New(),
		items: map[string]*list.Element{}}
}

// Get returns the value under key and marks it recently used.
func (c *byteCache[T]) Get(_ context.Context, key string) (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		var zero T
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry[T]).val, true
}

// Add stores v under key, evicting the least recently used entries until
// the cache is within its budget.
func (c *byteCache[T]) Add(_ context.Context, key string, v T) {
	n := c.size(key, v)
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.remove(el)
	}
	if n > c.budget {
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry[T]{key: key, val: v, size: n})
	c.used += n
	for c.used > c.budget {
		c.remove(c.order.Back())
	}
}

func (c *byteCache[T]) remove(el *list.Element) {
	e := el.Value.(*cacheEntry[T])
	c.order.Remove(el)
	delete(c.items, e.key)
	c.used -= e.size
}

// Bytes returns the estimated bytes held.
func (c *byteCache[T]) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}

// Len returns the number of entries.
func (c *byteCache[T]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
