package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// appositionContainer reads where a place lies from what is apposed to it,
// starting at token k after the comma: "Ruda Nowa, a steel town in
// the Opole region", "Steyr and Enns, the two Austrian towns on
// the river", "Mersa Matruh, on Egypt's northern shore", "Sandakan,
// the provincial capital", "Nordholm, an island shared by Sweden's
// Kalmar county and the Finnish region of
// Åland". It reports whether it found a container.
func (c *sentCtx) appositionContainer(srcs []int, k int) bool {
	if k >= len(c.toks) {
		return false
	}
	add := func(a int) bool {
		y := &c.ms[a]
		if y.Entity < 0 || !c.fits(y, argPlace) || c.typ(a) == schema.Event {
			return false
		}
		for _, src := range srcs {
			c.d.addRel(schema.LocatedIn, src, y.Entity, c.s, "", false, 0.65)
		}
		return true
	}
	switch c.toks[k].Low {
	case "on", "in", "near", "along":
		if p := c.placeAfter(k); p >= 0 {
			return add(p)
		}
		return false
	case "a", "an", "the":
	default:
		return false
	}
	found, head := false, false
	for j := k + 1; j < len(c.toks) && j < k+14; j++ {
		t := c.toks[j]
		if t.Text == ";" || t.Text == "." || t.Text == "(" {
			break
		}
		if t.Text == "," {
			// "Kariakoo market, the town's busiest, in Ilala district"
			if j+1 < len(c.toks) && (c.toks[j+1].Low == "in" || c.toks[j+1].Low == "on") {
				if p := c.placeAfter(j + 1); p >= 0 && add(p) {
					found = true
				}
			}
			break
		}
		if c.d.g.placeKinds[t.Low] && !head {
			head = true
			// "the Sabah capital", "the two Spanish cities"
			if a := c.anyEndingAt(j); a >= 0 && c.ms[a].T0 > k && add(a) {
				found = true
			}
			continue
		}
		if !head {
			continue
		}
		switch t.Low {
		case "in", "of", "on", "between", "and":
			if p := c.placeAfter(j); p >= 0 && add(p) {
				found = true
				j = c.ms[p].T1 - 1
				if t.Low != "between" && t.Low != "and" {
					return found
				}
			}
		}
	}
	return found
}

// anyEndingAt returns the mention with an entity that ends at token t,
// modifiers included ("Spanish" in "the two Spanish cities"), or -1.
func (c *sentCtx) anyEndingAt(t int) int {
	for a := range c.ms {
		if c.ms[a].T1 == t && c.ms[a].Entity >= 0 {
			return a
		}
	}
	return -1
}

// possessedPlace reads "Indonesia's North Kalimantan province": the
// place mention a lies in the country that owns it, whether the
// possessive stands before the mention or was taken into it.
func (c *sentCtx) possessedPlace(a int) {
	x := &c.ms[a]
	for b := range c.ms {
		y := &c.ms[b]
		if b == a || y.T1 >= len(c.toks) || !c.toks[y.T1].isPossessive() ||
			c.typ(b) != schema.Country {
			continue
		}
		if y.T1 == x.T0-1 || y.Modifier && y.T0 >= x.T0 && y.T1 < x.N0 {
			c.d.addRel(schema.LocatedIn, x.Entity, y.Entity, c.s, "", false, 0.65)
			return
		}
	}
}

// capitalOf reads "the Lao capital" and "Kenya's capital": a capital city
// the article names lies in that country.
func (c *sentCtx) capitalOf() {
	for i, t := range c.toks {
		if t.Low != "capital" || i == 0 {
			continue
		}
		end := i
		if c.toks[end-1].isPossessive() {
			end--
		}
		if a := c.anyEndingAt(end); a >= 0 && c.typ(a) == schema.Country {
			c.capitalIn(c.ms[a].Entity) // a demonym may be a modifier of "capital"
		}
	}
}

// capitalIn adds LOCATED_IN from the capital of country k, when the
// article names it, to k.
func (c *sentCtx) capitalIn(k int) {
	code := c.d.entities[k].Code
	if code == "" {
		return
	}
	for p := range c.d.entities {
		e := &c.d.entities[p]
		if e.Type == schema.Place && e.Capital && !e.Dropped && e.Code == code {
			c.d.addRel(schema.LocatedIn, p, k, c.s, "", false, 0.6)
		}
	}
}

// countryBefore returns the country a demonym or country mention names
// among the few tokens before token t ("the Kenyan lakeside city", "the
// southern Chilean region"), or -1.
func (c *sentCtx) countryBefore(t, n int) int {
	for b := range c.ms {
		y := &c.ms[b]
		if y.T1 <= t && y.T1 >= t-n && y.Entity >= 0 && c.typ(b) == schema.Country {
			return b
		}
	}
	return -1
}

// demonymPlaceOf reads "the northern Peruvian region of Piura", "the
// Ugandan lakeside town of Jinja", "the Latvian port of Ventspils":
// the place after "of" lies in the country named before the place noun.
func (c *sentCtx) demonymPlaceOf(a int) {
	x := &c.ms[a]
	if x.T0 < 3 || c.toks[x.T0-1].Low != "of" || !c.d.g.placeKinds[c.toks[x.T0-2].Low] {
		return
	}
	if b := c.countryBefore(x.T0-2, 3); b >= 0 {
		c.d.addRel(schema.LocatedIn, x.Entity, c.ms[b].Entity, c.s, "", false, 0.7)
	}
}

// onTheCoast reads "Pärnu on the Estonian coast" and "Nybro, near the
// Swedish border": a place on a country's coast, shore or side lies in it.
func (c *sentCtx) onTheCoast(a int) {
	x := &c.ms[a]
	k := x.T1
	if k < len(c.toks) && c.toks[k].Text == "," {
		k++
	}
	if k+3 >= len(c.toks) || !hasString([]string{"on", "off", "along"}, c.toks[k].Low) ||
		c.toks[k+1].Low != "the" {
		return
	}
	for j := k + 2; j < len(c.toks) && j <= k+5; j++ {
		switch c.toks[j].Low {
		case "coast", "shore", "side", "bank", "coastline":
			if b := c.countryBefore(j, 3); b >= 0 && c.ms[b].T0 > k {
				c.d.addRel(schema.LocatedIn, x.Entity, c.ms[b].Entity, c.s, "", false, 0.65)
			}
			return
		}
	}
}

// apposedAfter reads "the Malaysian seat of government, Putrajaya," and "the
// Swedish island, Öland": a place apposed after a noun phrase with a
// demonym and a place noun lies in that country.
func (c *sentCtx) apposedAfter(a int) {
	x := &c.ms[a]
	if x.T0 < 3 || c.toks[x.T0-1].Text != "," {
		return
	}
	head := -1
	for j := x.T0 - 2; j >= 0 && j >= x.T0-7; j-- {
		t := c.toks[j]
		if !t.Word && !t.isPossessive() {
			return
		}
		if c.d.g.placeKinds[t.Low] && head < 0 {
			head = j
		}
		if t.Low == "the" {
			break
		}
	}
	if head < 0 {
		return
	}
	if b := c.countryBefore(head, 3); b >= 0 && c.ms[b].T0 < head {
		c.d.addRel(schema.LocatedIn, x.Entity, c.ms[b].Entity, c.s, "", false, 0.6)
	}
}
