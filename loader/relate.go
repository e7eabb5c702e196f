package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// relate reads the relations of the document: offices, actions from verb
// and noun patterns, and where events happened and places lie.
func (d *document) relate() {
	for s := range d.sents {
		d.actions(s)
	}
	for s := range d.sents {
		d.parsedRelations(s)
	}
	d.hostOffices()
	d.holdsOffice()
	d.actionDates()
	d.signedAt()
	d.eventDates()
	d.attendedDates()
	d.locations()
	d.quotes()
}

// addRel records a relation read from sentence s.
func (d *document) addRel(t schema.RelationType, src, dst, s int, date string, planned bool,
	conf float64) {
	if src < 0 || dst < 0 || src == dst {
		return
	}
	d.rels = append(d.rels, relation{Type: t, Src: src, Dst: dst, Sent: s, Date: date,
		Planned: planned, Conf: conf})
	if d.relSeen == nil {
		d.relSeen = map[relSrc]bool{}
	}
	d.relSeen[relSrc{t, src}] = true
}

// hostOffices gives a person whose title names no country ("to meet Prime
// Minister Benjamin Netanyahu") the country of the one he meets as host:
// the country the guest visits in the same sentence, else a place of
// another country named there ("in Beirut, where he held talks with
// President Joseph Aoun"), else the other country of a story between two.
func (d *document) hostOffices() {
	for _, m := range d.rels {
		if m.Type != schema.Met {
			continue
		}
		for _, pair := range [2][2]int{{m.Src, m.Dst}, {m.Dst, m.Src}} {
			host, guest := pair[0], pair[1]
			e, g := &d.entities[host], &d.entities[guest]
			if e.Type != schema.Person || e.Explicit || e.RoleOrg >= 0 || g.Type != schema.Person {
				continue
			}
			c := d.visitedIn(m.Sent, guest, g.RoleCode)
			if c == "" && g.Explicit && g.RoleCode != "" &&
				(e.RoleCode == "" || e.RoleCode == g.RoleCode) {
				// A guess that differs from the guest's country may stand.
				c = d.receivedIn(m.Sent, g.RoleCode)
			}
			if c != "" && c != g.RoleCode && !d.heldByOther(host, c) {
				e.RoleCode, e.Explicit = c, true
			}
		}
	}
}

// visitedIn returns the country guest (of country code) visits in sentence
// s, or "".
func (d *document) visitedIn(s, guest int, code string) string {
	for _, v := range d.rels {
		if v.Type == schema.Visited && v.Sent == s && v.Src == guest {
			if c := d.entities[v.Dst].Code; c != "" && c != code {
				return c
			}
		}
	}
	return ""
}

// receivedIn returns where a guest of country code is received in
// sentence s: a place of another country named there, else the story's
// other country.
func (d *document) receivedIn(s int, code string) string {
	for _, x := range d.mentions[s] {
		if x.Entity < 0 || x.Modifier {
			continue
		}
		if e := &d.entities[x.Entity]; e.Type == schema.Place && e.Code != "" && e.Code != code {
			return e.Code
		}
	}
	switch code {
	case d.home:
		return d.away
	case d.away:
		return d.home
	}
	return ""
}

// holdsOffice adds HOLDS_OFFICE for every person whose office is known.
func (d *document) holdsOffice() {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Person || e.Dropped {
			continue
		}
		dst := e.RoleOrg
		if e.RoleCode != "" {
			if c := d.countryEntity(e.RoleCode); c >= 0 {
				dst = c
			} else if e.KBOffice {
				dst = d.knownCountry(e.RoleCode)
			}
		}
		if dst < 0 {
			continue
		}
		s := e.Mentions[0].Sent
		for _, r := range e.Mentions {
			if m := d.m(r); m.Role != "" || m.RoleCode != "" || m.RoleOrg >= 0 {
				s = r.Sent
				break
			}
		}
		conf := 0.9
		if !e.Explicit {
			conf = 0.6
		}
		d.rels = append(d.rels, relation{Type: schema.HoldsOffice, Src: k, Dst: dst, Sent: s,
			Role: roleName(e), Conf: conf})
	}
}

// knownCountry adds the country of ISO code the text does not name, for
// an office the knowledge base gave, and returns its entity.
func (d *document) knownCountry(code string) int {
	name := d.g.countryNames[code]
	if name == "" {
		return -1
	}
	d.entities = append(d.entities, entity{Type: schema.Country, Name: name, Code: code, RoleOrg: -1, Known: true})
	return len(d.entities) - 1
}
