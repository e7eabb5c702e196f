package resolve

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
)

func TestAnchorEvents(t *testing.T) {
	ent := func(typ schema.EntityType, key, name string) schema.Entity {
		return schema.Entity{ID: schema.ID(key), Key: key, Type: typ, Name: name}
	}
	art := schema.Article{ID: "a1", Published: "2026-06-02"}
	ev := ent(schema.Event, "event:bombing of article a1", "bombing")
	ev.Kind = "attack"
	lyon := ent(schema.Place, "place:lyon", "Lyon")
	gare := ent(schema.Place, "place:part dieu", "Part-Dieu")
	paris := ent(schema.Place, "place:paris", "Paris")
	rel := func(t schema.RelationType, s, d schema.Entity, date string) schema.Relation {
		return schema.Relation{Type: t, Source: s.ID, Target: d.ID, Date: date}
	}
	minister := ent(schema.Person, "person:moreau", "Moreau")
	dated := ev
	dated.Date = "2026-06-01"
	tests := []struct {
		name string
		b    schema.Batch
		want string // the event's key after; "" when unchanged
		// wantBefore is the key of the day before, when the day is the
		// article's date.
		wantBefore string
	}{
		{"occurred in, published day", schema.Batch{Article: art,
			Entities:  []schema.Entity{ev, lyon, paris},
			Relations: []schema.Relation{rel(schema.OccurredIn, ev, lyon, "")}},
			"event:attack in place:lyon on 2026-06-02",
			"event:attack in place:lyon on 2026-06-01"},
		{"the one place, its own day", schema.Batch{Article: art,
			Entities: []schema.Entity{dated, lyon}},
			"event:attack in place:lyon on 2026-06-01", ""},
		{"the one place not holding another, the day acted on", schema.Batch{Article: art,
			Entities: []schema.Entity{ev, lyon, gare, minister},
			Relations: []schema.Relation{rel(schema.LocatedIn, gare, lyon, ""),
				rel(schema.Condemned, minister, ev, "2026-06-01")}},
			"event:attack in place:part dieu on 2026-06-01", ""},
		{"two places", schema.Batch{Article: art, Entities: []schema.Entity{ev, lyon, paris}},
			"", ""},
		{"two days acted on", schema.Batch{Article: art,
			Entities: []schema.Entity{ev, lyon, minister},
			Relations: []schema.Relation{rel(schema.Condemned, minister, ev, "2026-06-01"),
				rel(schema.Met, minister, ev, "2026-06-02")}},
			"", ""},
		{"no day", schema.Batch{Article: schema.Article{ID: "a1", Published: "2026-06"},
			Entities: []schema.Entity{ev, lyon}}, "", ""},
		{"a named event", schema.Batch{Article: art, Entities: []schema.Entity{
			ent(schema.Event, "event:lyon summit|2026", "Lyon Summit"), lyon}}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := anchorEvents(tc.b)
			a, ok := got[tc.b.Entities[0].ID]
			switch {
			case tc.want == "" && ok:
				t.Errorf("anchorEvents keyed the event %q; want it kept to its article",
					a.event.Key)
			case tc.want != "" && (!ok || a.event.Key != tc.want):
				t.Errorf("anchorEvents = %+v; want key %q", got, tc.want)
			case ok && a.event.ID != schema.ID(a.event.Key):
				t.Errorf("anchored id %s is not the id of key %q", a.event.ID, a.event.Key)
			}
			// Only a day read off the article's date has a day-before
			// alternative.
			wantBefore := tc.wantBefore
			switch d := a.dayBefore; {
			case wantBefore == "" && d != nil:
				t.Errorf("dayBefore = %q; want none", d.event.Key)
			case wantBefore != "" && (d == nil || d.event.Key != wantBefore):
				t.Errorf("dayBefore = %+v; want key %q", d, wantBefore)
			}
		})
	}
}
