package loader

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
)

// TestGenericEventIdentity checks the keys of events known by a common
// noun only: two articles' "bombing" are one node only when kind, place and
// day agree; otherwise each article keeps its own. A named event keeps the
// key of its name across articles.
func TestGenericEventIdentity(t *testing.T) {
	x := extractor(t)
	eventID := func(t *testing.T, title, published, body, name string) string {
		t.Helper()
		b, err := x.Extract(Document{Title: title, Published: published, Body: body})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range b.Entities {
			if e.Type == schema.Event && e.Name == name {
				return e.ID
			}
		}
		t.Fatalf("no event %q in %q; got %v", name, body, b.Entities)
		return ""
	}
	cases := []struct {
		name   string
		a, b   [3]string // title, published, body
		event  string
		wantEq bool
	}{
		{"the same generic noun in two cities: two events",
			[3]string{"One", "2025-06-10", "A bombing killed six people in Marseille on Monday. The Norwegian government condemned the bombing."},
			[3]string{"Two", "2025-07-15", "A bombing killed nine people in Kandahar on Monday. The Chilean government condemned the bombing."},
			"bombing", false},
		{"the same kind, place and day from two outlets: one event",
			[3]string{"One", "2025-06-10", "A bombing killed six people in Marseille on Monday. The Norwegian government condemned the bombing."},
			[3]string{"Two", "2025-06-11", "The Chilean government on Tuesday condemned the bombing in Marseille on Monday, which killed six people."},
			"bombing", true},
		{"a generic noun with no place: its article's own",
			[3]string{"One", "2025-06-10", "The Norwegian government condemned the bombing."},
			[3]string{"Two", "2025-06-10", "The Norwegian government condemned the bombing."},
			"bombing", false},
		{"a named event: one node across articles",
			[3]string{"One", "2025-06-10", "Norway's prime minister attended the Arctic Council Summit on Monday."},
			[3]string{"Two", "2025-07-15", "Chile's president did not attend the Arctic Council Summit."},
			"Arctic Council Summit", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := eventID(t, tc.a[0], tc.a[1], tc.a[2], tc.event)
			b := eventID(t, tc.b[0], tc.b[1], tc.b[2], tc.event)
			if (a == b) != tc.wantEq {
				t.Errorf("ids %s and %s: equal = %v, want %v", a, b, a == b, tc.wantEq)
			}
		})
	}
}
