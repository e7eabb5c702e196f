package store

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/diplograph/diplograph/schema"
)

// Every listing is in a stable order of one sort value then the id:
// relations by date, articles by publication date, entities by folded name.
// A cursor is opaque to clients; inside it is the Key of the last item a
// page gave, and the next page starts with the first item after that key.
// So a page goes on where the last one ended even while items are added or
// removed before or after it: no item that stays is seen twice or missed.

// Key is the position of an item in its listing's stable order.
type Key struct {
	Sort string // the date, publication date or folded name
	ID   string
}

// cursorVersion prefixes every cursor, so that a change of format is caught.
const cursorVersion = "k1:"

// Cursor returns the cursor of the item at k.
func Cursor(k Key) string {
	b, _ := json.Marshal([2]string{k.Sort, k.ID})
	return base64.RawURLEncoding.EncodeToString(append([]byte(cursorVersion), b...))
}

// RelationCursor returns the cursor of r in a relation listing.
func RelationCursor(r schema.Relation) string { return Cursor(RelationKey(r)) }

// ArticleCursor returns the cursor of a in an article listing.
func ArticleCursor(a schema.Article) string { return Cursor(ArticleKey(a)) }

// EntityCursor returns the cursor of e in an entity listing.
func EntityCursor(e schema.Entity) string { return Cursor(EntityKey(e)) }

// RelationKey is the position of r in a relation listing.
func RelationKey(r schema.Relation) Key { return Key{Sort: r.Date, ID: r.ID} }

// ArticleKey is the position of a in an article listing.
func ArticleKey(a schema.Article) Key { return Key{Sort: a.Published, ID: a.ID} }

// EntityKey is the position of e in an entity listing.
func EntityKey(e schema.Entity) Key { return Key{Sort: schema.Fold(e.Name), ID: e.ID} }

// DecodeCursor returns the key inside a cursor made by Cursor; the empty
// cursor is nil (the start). Any other text is ErrInvalidInput.
func DecodeCursor(cursor string) (*Key, error) {
	if cursor == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	var k [2]string
	if err == nil && len(b) > len(cursorVersion) && string(b[:len(cursorVersion)]) == cursorVersion {
		err = json.Unmarshal(b[len(cursorVersion):], &k)
	} else if err == nil {
		err = fmt.Errorf("no version")
	}
	if err != nil || k[1] == "" {
		if len(cursor) > 40 {
			cursor = cursor[:40] + "…"
		}
		return nil, fmt.Errorf("cursor %q is not one this API gave out: %w", cursor, ErrInvalidInput)
	}
	return &Key{Sort: k[0], ID: k[1]}, nil
}

// RelationOrder returns the comparison of keys in a relation listing of
// order o: DateDesc newest first, DateAsc oldest first, undated last in
// both, then by id.
func RelationOrder(o Order) func(a, b Key) int {
	if o == DateAsc {
		return func(a, b Key) int {
			return cmp.Or(cmp.Compare(undated(a), undated(b)),
				cmp.Compare(a.Sort, b.Sort), cmp.Compare(a.ID, b.ID))
		}
	}
	return func(a, b Key) int {
		return cmp.Or(cmp.Compare(b.Sort, a.Sort), cmp.Compare(a.ID, b.ID))
	}
}

// ArticleOrder compares keys in an article listing: newest first (undated
// last), then by id.
func ArticleOrder(a, b Key) int {
	return cmp.Or(cmp.Compare(b.Sort, a.Sort), cmp.Compare(a.ID, b.ID))
}

// EntityOrder compares keys in an entity listing: by folded name, then id.
func EntityOrder(a, b Key) int {
	return cmp.Or(cmp.Compare(a.Sort, b.Sort), cmp.Compare(a.ID, b.ID))
}

// undated is 1 for the key of an undated item, else 0.
func undated(k Key) int {
	if k.Sort == "" {
		return 1
	}
	return 0
}
