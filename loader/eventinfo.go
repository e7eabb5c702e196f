package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// hasRel reports whether a relation of type t from src is already read.
func (d *document) hasRel(t schema.RelationType, src int) bool {
	return d.relSeen[relSrc{t, src}]
}

// fallbackPlaces gives a gathering with no place read the place named with
// it in the sentence of its first mention ("signed the pact … in Apia,
// … on the sidelines of the regional summit").
func (d *document) fallbackPlaces() {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Event || e.Dropped || d.hasRel(schema.OccurredIn, k) {
			continue
		}
		if !isGathering(e.Kind) {
			continue
		}
		for _, r := range e.Mentions {
			if d.m(r).Form == formPronoun {
				continue
			}
			c := d.sentCtx(r.Sent)
			if p := c.firstPlace(d.m(r).T0); p >= 0 {
				d.addRel(schema.OccurredIn, k, p, r.Sent, "", false, 0.5)
			}
			break
		}
	}
}

// firstPlace returns the entity of the first place named after "in", "at"
// or "to" before token end, with no other event between, or -1.
func (c *sentCtx) firstPlace(end int) int {
	place := -1
	for k := 0; k < end; k++ {
		if c.typ(c.at[k]) == schema.Event {
			place = -1 // that place was the other event's
			continue
		}
		switch c.toks[k].Low {
		case "in", "at", "to", "outside", "near":
		default:
			continue
		}
		if place >= 0 {
			continue
		}
		if p := c.placeAfter(k); p >= 0 {
			if e := c.ms[p].Entity; c.d.entities[e].Type == schema.Place {
				place = e
			}
		}
	}
	return place
}

// eventDates dates each event: the date written by one of its mentions,
// else the date a sentence opening gives ("Two years later, Osaka will host
// the expo"), else for a meeting the date the story is at.
func (d *document) eventDates() {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Event || e.Dropped || e.Date != "" {
			continue
		}
		for _, r := range e.Mentions {
			if m := d.m(r); m.Form != formPronoun {
				if date := d.attachedDate(r, m); date != "" {
					e.Date = date
					break
				}
			}
		}
		if e.Date != "" {
			continue
		}
		for _, r := range e.Mentions {
			if ds := d.dates[r.Sent]; len(ds) > 0 && ds[0].T0 <= 1 && !ds[0].Adjectival {
				e.Date = ds[0].Value
				break
			}
			if m := d.m(r); m.Form == formProper {
				if date := d.nearDate(r, m, 6); date != "" {
					e.Date = date
					break
				}
			}
		}
		if e.Date == "" && e.Kind == "meeting" && len(e.Mentions) > 0 {
			e.Date = d.narrative(e.Mentions[0].Sent)
		}
	}
}

// signedAt adds attendance for the signers of an agreement adopted or
// signed at an event ("The Apia Declaration … was adopted at … the Ocean
// Summit"; "signed … on the sidelines of the regional forum").
func (d *document) signedAt() {
	at := map[int]int{} // agreement → event
	for s := range d.sents {
		c := d.sentCtx(s)
		agr, ev := -1, -1
		for a := range c.ms {
			x := &c.ms[a]
			if x.Modifier || x.Entity < 0 {
				continue
			}
			switch d.entities[x.Entity].Type {
			case schema.Agreement:
				if agr < 0 {
					agr = x.Entity
				}
			case schema.Event:
				if ev < 0 && agr >= 0 && x.T0 > 0 && c.hasWordBefore(x.T0, "at", "of", "during") {
					ev = x.Entity
				}
			}
		}
		if agr >= 0 && ev >= 0 && (d.sentenceHas(s, signWords) ||
			d.sentenceHas(s, map[string]bool{"adopted": true, "agreed": true})) {
			at[agr] = ev
		}
	}
	n := len(d.rels)
	for i := 0; i < n; i++ {
		r := d.rels[i]
		if r.Type != schema.Signed || d.entities[r.Src].Type != schema.Person {
			continue
		}
		if ev, ok := at[r.Dst]; ok {
			d.addRel(schema.Attended, r.Src, ev, r.Sent, r.Date, r.Planned, 0.6)
		}
	}
}

// hasWordBefore reports whether one of words stands within five tokens
// before token t.
func (c *sentCtx) hasWordBefore(t int, words ...string) bool {
	for k := t - 1; k >= 0 && k >= t-6; k-- {
		if hasString(words, c.toks[k].Low) {
			return true
		}
	}
	return false
}

// nearDate returns the nearest date within n words of a mention, commas
// or not ("on June 3, 2019, during the 9th Summit").
func (d *document) nearDate(r ref, m *mention, n int) string {
	best, bestDist := "", n+1
	for _, de := range d.dates[r.Sent] {
		if de.Value == "" || de.Adjectival {
			continue
		}
		dist := de.T0 - m.T1
		if de.T1 <= m.T0 {
			dist = m.T0 - de.T1
		}
		if dist >= 0 && dist < bestDist {
			best, bestDist = de.Value, dist
		}
	}
	return best
}
