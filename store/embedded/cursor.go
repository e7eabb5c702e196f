package embedded

import (
	"github.com/diplograph/diplograph/store"
)

// Listings page by keyset (store.Span): a cursor holds the key of the last
// item a page gave (its date, publication date or folded name, then its
// id; see store.Key), and the next page is the items after that key in the
// listing's order, read off an index with a condition on the key columns
// and a LIMIT, never an OFFSET. So a page goes on where the last ended
// while articles are written or deleted, and costs the same however deep
// in the listing it is.

// endPage cuts the Limit+1 items read for a page to the page, and returns
// whether more follow and the cursor of its last item.
func endPage[T any](items []T, keys []store.Key, sp store.Span) ([]T, bool, string) {
	more := len(items) > sp.Limit
	if more {
		items, keys = items[:sp.Limit], keys[:sp.Limit]
	}
	if len(keys) == 0 {
		return items, false, ""
	}
	return items, more, store.Cursor(keys[len(keys)-1])
}
