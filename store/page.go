package store

import "fmt"

// DefaultFirst is the page size when Page.First is 0.
const DefaultFirst = 20

// Span is a validated page: the items at [Offset, Offset+Limit) of a
// listing in its stable order.
type Span struct {
	Offset int
	Limit  int
}

// Span validates p as Window does and returns the items it selects.
func (p Page) Span() (Span, error) {
	offset, limit, err := Window(p)
	return Span{Offset: offset, Limit: limit}, err
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

// Next reports, for a page of n items out of total, whether more items
// follow it and the cursor that resumes after it (empty for an empty page).
func (s Span) Next(n, total int) (hasNext bool, endCursor string) {
	if n == 0 {
		return false, ""
	}
	end := s.Offset + n
	return end < total, Cursor(end)
}

// Slice returns the part of items that s selects, as a new slice.
func Slice[T any](items []T, s Span) []T {
	if s.Offset >= len(items) {
		return []T{}
	}
	end := min(s.Offset+s.Limit, len(items))
	out := make([]T, end-s.Offset)
	copy(out, items[s.Offset:end])
	return out
}
