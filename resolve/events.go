package resolve

import (
	"fmt"
	"slices"
	"time"

	"github.com/diplograph/diplograph/schema"
)

// anchored is a generic event of a batch keyed by kind, place and day, with
// what it was keyed by.
type anchored struct {
	event schema.Entity // the event re-keyed
	on    string        // what anchored it, in words
	// dayBefore is the event keyed with the day before, when the day is
	// the article's date: a report of a day after may be of the event of
	// the day before, which is then chosen if it is known.
	dayBefore *anchored
}

// anchorEvents keys the generic events of b that the loader kept to the
// article (schema.LocalKey) by kind, place and day when the article gives
// both otherwise than on the event: the place the event occurred in, or
// else the article's one place (one that holds no other place of the
// article); the day of the event, or else the one day of what the article
// says was done about it, or else the day the article was published. Two
// outlets' reports of "the bombing" in one city on one day are then one
// event, as the loader's own key for an event with a place and a day
// (schema.GenericEventKey) makes them.
func anchorEvents(b schema.Batch) map[string]anchored {
	byID := map[string]schema.Entity{}
	for _, e := range b.Entities {
		byID[e.ID] = e
	}
	var out map[string]anchored
	for _, e := range b.Entities {
		if _, _, local := schema.LocalKey(e.Key); !local || e.Type != schema.Event || e.Kind == "" {
			continue
		}
		place, where := eventPlace(b, byID, e.ID)
		day, when := eventDay(b, e)
		if place.ID == "" || day == "" {
			continue
		}
		a := anchor(e, place, where, day, when)
		if when == reportedOn {
			if t, err := time.Parse(time.DateOnly, day); err == nil {
				prev := t.AddDate(0, 0, -1).Format(time.DateOnly)
				before := anchor(e, place, where, prev, "reported the day after, on")
				a.dayBefore = &before
			}
		}
		if out == nil {
			out = map[string]anchored{}
		}
		out[e.ID] = a
	}
	return out
}

// reportedOn is how eventDay says the day is the article's date.
const reportedOn = "reported on"

// anchor returns e keyed by kind, place and day, and says so.
func anchor(e, place schema.Entity, where, day, when string) anchored {
	e.Key = schema.GenericEventKey(e.Kind, place.Key, day)
	e.ID = schema.ID(e.Key)
	return anchored{event: e, on: fmt.Sprintf("kind %q, %s %q, %s %s", e.Kind, where,
		place.Name, when, day)}
}

// eventPlace returns the place the event id occurred in, or else the one
// place of the article that holds no other of its places, and which it is.
func eventPlace(b schema.Batch, byID map[string]schema.Entity, id string,
) (schema.Entity, string) {
	var occurred []string
	containers := map[string]bool{}
	for _, r := range b.Relations {
		switch {
		case r.Type == schema.OccurredIn && r.Source == id:
			if !slices.Contains(occurred, r.Target) {
				occurred = append(occurred, r.Target)
			}
		case r.Type == schema.LocatedIn && byID[r.Source].Type == schema.Place:
			containers[r.Target] = true
		}
	}
	switch len(occurred) {
	case 1:
		return byID[occurred[0]], "occurred in"
	case 0:
	default:
		return schema.Entity{}, ""
	}
	var places []schema.Entity
	for _, e := range b.Entities {
		if e.Type == schema.Place && !containers[e.ID] {
			places = append(places, e)
		}
	}
	if len(places) != 1 {
		return schema.Entity{}, ""
	}
	return places[0], "the article's one place"
}

// eventDay returns the day of e (YYYY-MM-DD), or else the one day of the
// relations of b with e as an end, or else the day b's article was
// published, and which it is; "" when none is a full day.
func eventDay(b schema.Batch, e schema.Entity) (string, string) {
	const dayLen = len("2006-01-02")
	if len(e.Date) == dayLen {
		return e.Date, "on"
	}
	day := ""
	for _, r := range b.Relations {
		if r.Source != e.ID && r.Target != e.ID || len(r.Date) != dayLen {
			continue
		}
		if day != "" && day != r.Date {
			return "", "" // two days: which one the event took place on is unknown
		}
		day = r.Date
	}
	if day != "" {
		return day, "acted on on"
	}
	if len(b.Article.Published) == dayLen {
		return b.Article.Published, reportedOn
	}
	return "", ""
}
