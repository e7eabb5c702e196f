package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// wasIn reads "Sandvik, who was in Lima for talks": a person who is in a
// place of another country visits it.
func (c *sentCtx) wasIn(i int) {
	if i+1 >= len(c.toks) || c.toks[i+1].Low != "in" {
		return
	}
	p := c.placeAfter(i + 1)
	if p < 0 || c.ms[p].T0 > i+3 || c.typ(p) != schema.Place {
		return
	}
	for _, s := range c.entities(c.subjectLeft(i), argActor) {
		if c.d.entities[s].Type == schema.Person && c.d.foreign(s, c.ms[p].Entity) &&
			!c.negated(i, schema.Visited) {
			c.record(schema.Visited, []int{s}, []int{c.ms[p].Entity}, i, false, 0.55)
		}
	}
}

// hosted reads "X hosted Y … in Accra": Y visited the place, or X's
// country when none is written.
func (c *sentCtx) hosted(i int) {
	host := c.entities(c.subjectLeft(i), argActor)
	fr := &frame{Rel: schema.Met, Obj: objDirect, Kind: argPerson}
	a := c.directObject(fr, i, i+1)
	if a < 0 || len(host) == 0 || c.negated(i, schema.Visited) {
		return
	}
	guests := c.entities([]int{a}, argPerson)
	var place []int
	for k := c.ms[a].T1; k+1 < len(c.toks); k++ {
		if c.toks[k].Text == ";" || c.toks[k].Text == "." {
			break
		}
		if c.toks[k].Low == "in" {
			if b := c.at[k+1]; b >= 0 && c.fits(&c.ms[b], argPlace) {
				place = c.entities([]int{b}, argPlace)
				break
			}
		}
	}
	if len(place) == 0 {
		if code := c.d.entities[host[0]].RoleCode; code != "" {
			if cc := c.d.countryEntity(code); cc >= 0 {
				place = []int{cc}
			}
		}
	}
	c.record(schema.Visited, guests, place, i, c.planned(i), 0.6)
}

// foreign reports whether place lies outside the country of person p (or
// the person's country is not known).
func (d *document) foreign(p, place int) bool {
	code := d.entities[p].RoleCode
	pc := d.entities[place].Code
	if d.entities[place].Type == schema.Country {
		pc = d.entities[place].Code
	}
	return code != "" && pc != "" && code != pc
}

// whereVisit reads "<place>, where he met …": the subject of the clause was
// in that place, a visit when it lies in another country than his.
func (c *sentCtx) whereVisit(i int) {
	e := i
	if e > 0 && c.toks[e-1].Text == "," {
		e--
	}
	a := c.endingAt(e)
	for a >= 0 && c.ms[a].Entity >= 0 && c.typ(a) == schema.Country {
		// "Bissau, Guinea-Bissau, where": the place before the country.
		if c.ms[a].T0 < 2 || c.toks[c.ms[a].T0-1].Text != "," {
			break
		}
		b := c.endingAt(c.ms[a].T0 - 1)
		if b < 0 {
			break
		}
		a = b
	}
	if a < 0 || c.ms[a].Entity < 0 {
		return
	}
	place := c.ms[a].Entity
	if t := c.d.entities[place].Type; t != schema.Place && t != schema.Country {
		return
	}
	subj := c.entities(c.subjectAfter(i), argActor)
	if c.negated(i, schema.Visited) {
		return
	}
	for _, s := range subj {
		if c.d.entities[s].Type == schema.Person && c.d.foreign(s, place) {
			c.record(schema.Visited, []int{s}, []int{place}, i, false, 0.6)
		}
	}
}

// subjectAfter returns the first actor after token i, in the same clause.
func (c *sentCtx) subjectAfter(i int) []int {
	for k := i + 1; k < len(c.toks) && k < i+4; k++ {
		if a := c.at[k]; a >= 0 && c.isActor(&c.ms[a]) {
			return c.group(a, argActor, true)
		}
	}
	return nil
}
