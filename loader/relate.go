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
	d.hostOffices()
	d.holdsOffice()
	d.actionDates()
	d.signedAt()
	d.eventDates()
	d.attendedDates()
	d.locations()
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
// Minister Benjamin Netanyahu") the country that the one meeting him visits
// in the same sentence.
func (d *document) hostOffices() {
	for _, m := range d.rels {
		if m.Type != schema.Met {
			continue
		}
		for _, v := range d.rels {
			if v.Type != schema.Visited || v.Sent != m.Sent || v.Src != m.Src && v.Src != m.Dst {
				continue
			}
			host := m.Dst
			if v.Src == m.Dst {
				host = m.Src
			}
			e, place := &d.entities[host], &d.entities[v.Dst]
			if e.Type == schema.Person && !e.Explicit && place.Code != "" &&
				place.Code != d.entities[v.Src].RoleCode {
				e.RoleCode, e.Explicit = place.Code, true
			}
		}
	}
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
