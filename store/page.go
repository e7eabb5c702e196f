package store

import (
	"fmt"
	"slices"
)

// DefaultFirst is the page size when Page.First is 0.
const DefaultFirst = 20

// Span is a validated page: at most Limit items of a listing, from the
// first one after the key After in the listing's stable order (from the
// start when After is nil).
type Span struct {
	After *Key
	Limit int
}

// Span validates p: First 0 means DefaultFirst, a negative First or one
// above MaxFirst, or a cursor this API did not give, is ErrInvalidInput.
func (p Page) Span() (Span, error) {
	switch {
	case p.First < 0:
		return Span{}, fmt.Errorf("first must not be negative, got %d: %w", p.First,
			ErrInvalidInput)
	case p.First > MaxFirst:
		return Span{}, fmt.Errorf("first must be at most %d, got %d: %w", MaxFirst, p.First,
			ErrInvalidInput)
	case p.First == 0:
		p.First = DefaultFirst
	}
	k, err := DecodeCursor(p.After)
	return Span{After: k, Limit: p.First}, err
}

// PageSize validates a size argument called name: 0 means def, and a value
// below 0 or above max is ErrInvalidInput.
func PageSize(name string, n, def, max int) (int, error) {
	switch {
	case n == 0:
		return def, nil
	case n < 0 || n > max:
		return 0, fmt.Errorf("%s must be in 1..%d, got %d: %w", name, max, n, ErrInvalidInput)
	}
	return n, nil
}

// Slice returns the page s selects of items, which are sorted by their
// keys (key) in the order compare, as a new slice; whether more items
// follow it; and the cursor of its last item (empty for an empty page).
func Slice[T any](items []T, s Span, key func(T) Key, compare func(a, b Key) int,
) (page []T, hasNext bool, endCursor string) {
	start := 0
	if s.After != nil {
		i, found := slices.BinarySearchFunc(items, *s.After, func(it T, k Key) int {
			return compare(key(it), k)
		})
		start = i
		if found {
			start++
		}
	}
	end := min(start+s.Limit, len(items))
	page = make([]T, end-start)
	copy(page, items[start:end])
	if len(page) > 0 {
		endCursor = Cursor(key(page[len(page)-1]))
	}
	return page, end < len(items), endCursor
}
