package embedded

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/diplograph/diplograph/store"
)

// Listings page by keyset: a cursor holds the sort key of the last item a
// page gave (a date, publication date or folded name, then the id), and
// the next page is the items after it in the listing's order, found
// through an index. So a page goes on where the last ended while articles
// are written or deleted. The cursor format is the store package's key
// cursor ("k1:" and a JSON pair, base64url); an offset cursor of
// store.Cursor is still read, as a plain offset.

// key is the position of an item in a listing's order.
type key struct{ sort, id string }

// window is a validated page: at most limit items after the item at
// after, or, without after, after offset items.
type window struct {
	after  *key
	offset int
	limit  int
}

const keyCursorVersion = "k1:"

// cursorOf returns the cursor that resumes a listing after the item at k.
func cursorOf(k key) string {
	b, _ := json.Marshal([2]string{k.sort, k.id})
	return base64.RawURLEncoding.EncodeToString(append([]byte(keyCursorVersion), b...))
}

// pageWindow validates p; a malformed cursor or size is ErrInvalidInput.
func pageWindow(p store.Page) (window, error) {
	after := p.After
	if k, ok := decodeKey(after); ok {
		p.After = ""
		sp, err := p.Span()
		return window{after: &k, limit: sp.Limit}, err
	}
	sp, err := p.Span()
	return window{offset: sp.Offset, limit: sp.Limit}, err
}

// decodeKey reads a key cursor.
func decodeKey(cursor string) (key, bool) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	rest, ok := strings.CutPrefix(string(b), keyCursorVersion)
	var k [2]string
	if err != nil || !ok || json.Unmarshal([]byte(rest), &k) != nil || k[1] == "" {
		return key{}, false
	}
	return key{k[0], k[1]}, true
}

// withoutCursor returns p without its cursor, for the Normalize methods,
// which read only offset cursors.
func withoutCursor(p store.Page) store.Page {
	p.After = ""
	return p
}
