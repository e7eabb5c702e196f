package loader

import (
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/syntax"
)

func TestDates(t *testing.T) {
	var cases []struct {
		Name, Published, Input string
		Want                   []string
		Adjectival             []bool
	}
	loadJSON(t, "dates.json", &cases)
	x := extractor(t)
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			paras, dl := x.clean.paragraphs(tc.Input, "")
			sents := x.split.split(tc.Input, paras)
			views := x.mf.views(tc.Input, sents, &workspace{})
			dc := newDateContext(x.g, tc.Published, dl)
			dc.parse = func(v *sentView) *syntax.Parse { return x.parse(tc.Input, v) }
			got := []string{}
			var adj []bool
			for _, ds := range dc.sentenceDates(views) {
				for _, d := range ds {
					if d.Value != "" {
						got = append(got, d.Value)
						adj = append(adj, d.Adjectival)
					}
				}
			}
			if !reflect.DeepEqual(got, tc.Want) {
				t.Errorf("dates(%q, published %s) = %q; want %q", tc.Input, tc.Published, got,
					tc.Want)
			}
			if tc.Adjectival != nil && !reflect.DeepEqual(adj, tc.Adjectival) {
				t.Errorf("adjectival(%q) = %v; want %v", tc.Input, adj, tc.Adjectival)
			}
		})
	}
}

// TestActionDates checks the dates given to relations and events: the rules
// that date an action or an event from the sentences around it.
func TestActionDates(t *testing.T) { runEdgeTable(t, "actiondates.json") }

// eventDate returns the date of the first event or agreement whose name
// holds word, or "?" when there is none.
func eventDate(b schema.Batch, word string) string {
	for _, e := range b.Entities {
		if (e.Type == schema.Event || e.Type == schema.Agreement) &&
			strings.Contains(strings.ToLower(e.Name), word) {
			return e.Date
		}
	}
	return "?"
}
