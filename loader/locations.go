package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// locations reads where events took place and where places lie.
func (d *document) locations() {
	for s := range d.sents {
		c := d.sentCtx(s)
		for a := range c.ms {
			x := &c.ms[a]
			if x.Modifier || x.Entity < 0 {
				continue
			}
			switch d.entities[x.Entity].Type {
			case schema.Event:
				c.eventPlace(a)
			case schema.Place:
				c.placeContainer(a)
			}
		}
		c.hostPlace()
		c.whereEvents()
		c.capitalOf()
	}
	d.fallbackPlaces()
}

// placeAfter returns the place or country mention right after a
// preposition at token k ("in the Rift Valley", "in northern
// Ghana"), or -1.
func (c *sentCtx) placeAfter(k int) int {
	last := k + 3
	for j := k + 1; j < len(c.toks) && j <= last; j++ {
		if c.placeOfNoun(j) {
			j++ // "on the town of Macomia", "struck the province of Malatya"
			last += 2
			continue
		}
		if a := c.at[j]; a >= 0 {
			if c.fits(&c.ms[a], argPlace) && c.typ(a) != schema.Event {
				// "in Norway's Finnmark county": the place the country owns.
				if e := c.ms[a].T1; c.typ(a) == schema.Country && e+1 < len(c.toks) && c.toks[e].isPossessive() {
					if b := c.at[e+1]; b >= 0 && c.typ(b) == schema.Place {
						return b
					}
				}
				return a
			}
			return -1
		}
		if !c.toks[j].Word {
			return -1
		}
	}
	return -1
}

// placeOfNoun reports whether token j is a kind of place followed by
// "of" ("the town of X"), which names no place itself.
func (c *sentCtx) placeOfNoun(j int) bool {
	return j+1 < len(c.toks) && c.toks[j+1].Low == "of" && c.at[j] < 0 &&
		c.d.g.placeOf[c.toks[j].Low]
}

// eventPlace reads "the bombing on March 3 in Kumasi", "the regional
// games, which open in Apia", "Cyclone Freddy, which tore through southern
// Malawi": the first place after the event in its clause.
func (c *sentCtx) eventPlace(a int) {
	x := &c.ms[a]
	if c.quoted(x.T0) {
		return // "an assault on the whole Sahel region" says what, not where
	}
	for k := x.T1; k < len(c.toks) && k < x.T1+16; k++ {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." || t.Text == "\"" || t.Text == "\u201c" {
			return // a quotation says what the event was, not where
		}
		if t.Text == "," {
			if k+1 < len(c.toks) && (c.toks[k+1].Low == "which" || c.toks[k+1].Low == "that" ||
				eventParticiples[c.toks[k+1].Low] || c.toks[k+1].Low == "at" ||
				c.toks[k+1].Low == "near") {
				continue // "the meeting, hosted by X at the Stenbock House", "the explosion, at a depot in …"
			}
			return
		}
		if b := c.at[k]; b >= 0 && k > x.T1 && c.typ(b) == schema.Event {
			return // another event's place
		}
		if t.Low == "on" && isMishap(c.d.entities[x.Entity].Kind) {
			if p := c.placeAfter(k); p >= 0 { // "the ferry disaster on Lake Malawi"
				c.d.addRel(schema.OccurredIn, x.Entity, c.ms[p].Entity, c.s, "", false, 0.6)
				return
			}
		}
		switch t.Low {
		case "in", "at", "near", "through", "hit", "struck", "outside":
			if p := c.placeAfter(k); p >= 0 {
				c.d.addRel(schema.OccurredIn, x.Entity, c.ms[p].Entity, c.s, "", false, 0.7)
				return
			}
		}
	}
}

// isMishap reports whether an event kind is an attack, a disaster or a
// coup: those happen "on" a lake or an island, where gatherings are "on"
// a subject.
func isMishap(kind string) bool {
	return kind == "attack" || kind == "disaster" || kind == "coup" || kind == "earthquake"
}

// eventParticiples introduce a phrase after an event that may say where
// it was held ("the meeting, hosted by X at the Stenbock House").
var eventParticiples = pkgLex.words("event-participles.txt")

// placeContainer reads "Independence Square in Accra", "Bissau,
// Guinea-Bissau", "Baga Sola, in Lac province", "Temuco, capital of the southern Chilean region of
// Araucanía" and "Upolu, the main island of Samoa".
func (c *sentCtx) placeContainer(a int) {
	x := &c.ms[a]
	k := x.T1
	src := x.Entity
	c.possessedPlace(a)
	if k+1 < len(c.toks) {
		switch c.toks[k].Text {
		case "in":
			if p := c.placeAfter(k); p >= 0 && (c.ms[p].T0 <= k+2 || c.toks[c.ms[p].T0-1].isPossessive()) {
				c.d.addRel(schema.LocatedIn, src, c.ms[p].Entity, c.s, "", false, 0.7)
			}
		case ",":
			if c.toks[k+1].Low == "in" { // "Baga Sola, in Lac province,"
				if p := c.placeAfter(k + 1); p >= 0 && c.ms[p].T0 <= k+3 {
					c.d.addRel(schema.LocatedIn, src, c.ms[p].Entity, c.s, "", false, 0.65)
				}
				return
			}
			if b := c.at[k+1]; b >= 0 && c.ms[b].T0 == k+1 && c.ms[b].Entity >= 0 {
				e := &c.d.entities[c.ms[b].Entity]
				if e.Type == schema.Country || e.Type == schema.Place && e.Code != "" &&
					!e.Capital {
					c.d.addRel(schema.LocatedIn, src, c.ms[b].Entity, c.s, "", false, 0.7)
				}
				return
			}
			c.ofContainer(src, k+1)
			c.appositionContainer([]int{src}, k+1)
		case "and":
			// "Bregenz and Feldkirch, the two Austrian towns": the apposition
			// is both places'.
			if b := c.at[k+1]; b >= 0 && c.ms[b].T0 == k+1 && c.typ(b) == schema.Place &&
				c.ms[b].T1+1 < len(c.toks) && c.toks[c.ms[b].T1].Text == "," {
				c.appositionContainer([]int{src}, c.ms[b].T1+1)
			}
		}
	}
	c.demonymPlaceOf(a)
	c.kindOfCountry(a)
	c.onTheCoast(a)
	c.apposedAfter(a)
}

// kindOfCountry reads "the Alto Paraná department of Paraguay": a place
// named before its kind and "of" lies in the country after it.
func (c *sentCtx) kindOfCountry(a int) {
	x := &c.ms[a]
	k := x.T1
	if k+2 >= len(c.toks) || !c.placeOfNoun(k) {
		return
	}
	if b := c.at[k+2]; b >= 0 && c.ms[b].T0 == k+2 && c.typ(b) == schema.Country {
		c.d.addRel(schema.LocatedIn, x.Entity, c.ms[b].Entity, c.s, "", false, 0.65)
	}
}

// ofContainer reads ", (the) capital|main island|… of (the) … <place>"
// starting at token k.
func (c *sentCtx) ofContainer(src, k int) {
	for j := k; j < len(c.toks) && j < k+5; j++ {
		if c.toks[j].Low != "of" {
			if !c.toks[j].Word || c.at[j] >= 0 {
				return
			}
			continue
		}
		for m := j + 1; m < len(c.toks) && m < j+9; m++ {
			if b := c.at[m]; b >= 0 {
				y := &c.ms[b]
				if c.fits(y, argPlace) && c.d.entities[y.Entity].Type != schema.Event {
					c.d.addRel(schema.LocatedIn, src, y.Entity, c.s, "", false, 0.65)
				}
				return
			}
			if c.toks[m].Text == "," {
				return
			}
		}
		return
	}
}

// hostPlace reads "Osaka will host the expo", "Chile hosts the summit"
// and "the summit, hosted by Chile": the event takes place in the host, a
// place or a country named as such.
func (c *sentCtx) hostPlace() {
	for i, t := range c.toks {
		if t.Low != "host" && t.Low != "hosts" && t.Low != "hosted" && t.Low != "hosting" {
			continue
		}
		if t.Low == "hosted" && i+2 < len(c.toks) && c.toks[i+1].Low == "by" {
			if ev, place := c.mentionNear(i, -1, 3), c.mentionNear(i+1, 1, 2); ev >= 0 &&
				place >= 0 && c.typ(ev) == schema.Event && c.isHost(place) {
				c.d.addRel(schema.OccurredIn, c.ms[ev].Entity, c.ms[place].Entity, c.s, "", false,
					0.65)
			}
			continue
		}
		place, ev := c.mentionNear(i, -1, 3), c.mentionNear(i, 1, 3)
		if place >= 0 && ev >= 0 && c.isHost(place) && c.typ(ev) == schema.Event {
			c.d.addRel(schema.OccurredIn, c.ms[ev].Entity, c.ms[place].Entity, c.s, "", false,
				0.65)
		}
	}
}

// mentionNear returns the first mention met going from token i in
// direction dir (-1 or 1) within n tokens, or -1.
func (c *sentCtx) mentionNear(i, dir, n int) int {
	for k := i + dir; k >= 0 && k < len(c.toks) && k != i+dir*(n+1); k += dir {
		if a := c.at[k]; a >= 0 {
			if c.ms[a].Entity < 0 {
				return -1
			}
			return a
		}
	}
	return -1
}

// isHost reports whether mention a can host a gathering: a place, or a
// country named by its name.
func (c *sentCtx) isHost(a int) bool {
	return c.typ(a) == schema.Place || c.typ(a) == schema.Country && c.ms[a].Form == formProper
}

// whereEvents reads "Bissau, Guinea-Bissau, where he attended a
// regional summit": the events of the clause took place there.
func (c *sentCtx) whereEvents() {
	for i, t := range c.toks {
		if t.Low != "where" || i < 2 || c.toks[i-1].Text != "," {
			continue
		}
		a := c.endingAt(i - 1)
		for a >= 0 && c.ms[a].Entity >= 0 &&
			c.typ(a) == schema.Country && c.ms[a].T0 >= 2 &&
			c.toks[c.ms[a].T0-1].Text == "," {
			a = c.endingAt(c.ms[a].T0 - 1)
		}
		if a < 0 || c.ms[a].Entity < 0 || c.typ(a) != schema.Place {
			continue
		}
		for k := i + 1; k < len(c.toks) && c.toks[k].Text != ";"; k++ {
			if b := c.at[k]; b >= 0 && c.ms[b].Entity >= 0 &&
				c.typ(b) == schema.Event {
				c.d.addRel(schema.OccurredIn, c.ms[b].Entity, c.ms[a].Entity, c.s, "", false, 0.6)
				break
			}
		}
	}
}

// quoted reports whether token t stands inside quotation marks.
func (c *sentCtx) quoted(t int) bool {
	open := false
	for k := 0; k < t; k++ {
		switch c.toks[k].Text {
		case "\"":
			open = !open
		case "\u201c":
			open = true
		case "\u201d":
			open = false
		}
	}
	return open
}
