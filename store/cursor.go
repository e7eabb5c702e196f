package store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// Cursors are opaque to clients; inside they are the offset of the next item
// in the listing's stable order, so both stores page identically.
const cursorPrefix = "off:"

// Cursor returns the cursor that continues a listing after offset items.
func Cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// Offset decodes a cursor made by Cursor; the empty cursor is offset 0.
// A malformed cursor is ErrInvalidInput.
func Offset(cursor string) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	s, ok := strings.CutPrefix(string(b), cursorPrefix)
	n, aerr := strconv.Atoi(s)
	if err != nil || !ok || aerr != nil || n < 0 {
		if len(cursor) > 40 {
			cursor = cursor[:40] + "…"
		}
		return 0, fmt.Errorf("cursor %q is not one this API gave out: %w", cursor, ErrInvalidInput)
	}
	return n, nil
}

// CursorAt returns the cursor of the i-th item of a page that started after
// the cursor after (which has already been validated by the store).
func CursorAt(after string, i int) string {
	off, _ := Offset(after)
	return Cursor(off + i + 1)
}

// Window validates a page and returns the offset it starts at and the
// number of items it asks for: 20 when First is 0, ErrInvalidInput when
// First is negative or above MaxFirst.
func Window(p Page) (offset, limit int, err error) {
	switch {
	case p.First < 0:
		return 0, 0, fmt.Errorf("first must not be negative, got %d: %w", p.First, ErrInvalidInput)
	case p.First > MaxFirst:
		return 0, 0, fmt.Errorf("first must be at most %d, got %d: %w", MaxFirst, p.First,
			ErrInvalidInput)
	case p.First == 0:
		p.First = 20
	}
	off, err := Offset(p.After)
	return off, p.First, err
}
