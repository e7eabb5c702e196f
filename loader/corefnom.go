package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// visitVerbs are verbs whose object is a place ("visit Kumasi").
var visitVerbs = pkgLex.words("visit-verbs.txt")

// creatableKinds are event kinds that a common noun with no name may
// introduce ("the launch"); other kinds only refer back.
var creatableKinds = map[string]bool{"attack": true, "earthquake": true, "disaster": true,
	"launch": true, "election": true, "summit": true, "conference": true, "coup": true,
	"memorial": true, "funeral": true, "inauguration": true}

// loneWord settles a capitalised word (or an unclassified name after "in")
// against the rest of the article: a surname, a known place, an acronym in
// brackets, a place by its preposition, or an organisation's acronym.
func (d *document) loneWord(r ref, m *mention, keys map[string]int) {
	v := d.views[r.Sent]
	if m.T0 > 0 && m.T1 < len(v.Toks) && v.Toks[m.T0-1].Text == "(" && v.Toks[m.T1].Text == ")" {
		if k := d.entityEndingAt(r.Sent, m.T0-1); k >= 0 {
			d.attach(r, k)
			return
		}
	}
	if d.countryPair(m.Name) {
		return // "the Colombian-Ecuadorian border": two countries, told by their own mentions
	}
	if k := d.nicknameOf(r, m); k >= 0 {
		d.attach(r, k)
		return
	}
	if d.personEntity(r, m, false) {
		return
	}
	f := fold(m.Name)
	if k, ok := d.foldIndex()[f]; ok {
		d.attach(r, k)
		return
	}
	switch {
	case d.placeCue(r, m): // "in Kolda", "the Tambacounda border area", "the town of Lake"
		m.Type = schema.Place
		d.keyed(r, "Place:"+f, m.Name, keys)
		d.byFold[f] = m.Entity
	case isShortUpper(m.Name) && d.initialsOf(m.Name) >= 0: // "MBS"
		d.attach(r, d.initialsOf(m.Name))
	case isShortUpper(m.Name) && len(m.Name) >= 2:
		m.Type = schema.Organization
		d.keyed(r, "Organization:"+f, m.Name, keys)
		d.byFold[f] = m.Entity
	case m.Type == schema.Person:
		d.personEntity(r, m, true)
	}
}

// platforms are the websites news text says things are posted "on".
var platforms = pkgLex.words("platforms.txt")

// placeContext reports whether the words before mention r make it a
// place: a preposition of place ("in"), a verb of visiting ("toured"), or
// "to" after a verb of motion ("flew on Monday to").
func (d *document) placeContext(r ref, m *mention) bool {
	if placePreps[m.Prep] || visitVerbs[m.Prep] {
		return true
	}
	if m.Prep == "on" && m.T1-m.T0 == 1 && !isShortUpper(m.Name) && !platforms[fold(m.Name)] {
		return true // "on Borneo"; "called on Emmanuel Macron", "posted on X" are no places
	}
	v := d.views[r.Sent]
	for k := m.T0 - 2; m.Prep == "to" && k >= 0 && k >= m.T0-6; k-- {
		if motionWords[v.Toks[k].Low] {
			return true
		}
	}
	return false
}

// nominalEntity settles an event, agreement or organisation named by a
// common noun: it refers to an entity of the same kind, or makes one when
// it has a name of its own ("a security pact", "the terrorist attack").
func (d *document) nominalEntity(r ref, m *mention, keys map[string]int) {
	switch m.Type {
	case schema.Event:
		d.eventNominal(r, m, keys)
	case schema.Agreement:
		d.agreementNominal(r, m)
	case schema.Organization:
		if !m.Generic {
			d.keyed(r, "Organization:"+fold(m.Name), m.Name, keys)
			return
		}
		for k := len(d.entities) - 1; k >= 0; k-- {
			e := &d.entities[k]
			if e.Type == schema.Organization && !e.Dropped &&
				strings.EqualFold(lastWord(e.Name), m.Head) {
				d.attach(r, k)
				return
			}
		}
	}
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

// eventNominal settles an event noun phrase. A bare one ("the attack")
// refers to the most mentioned event of its kind; one with modifiers
// ("U.S. drone strike") joins an event of its kind unless their dates
// differ.
func (d *document) eventNominal(r ref, m *mention, keys map[string]int) {
	date := d.attachedDate(r, m)
	best, bestN := -1, -1
	refOnly := strings.HasPrefix(m.Head, "ref:")
	prior := func(e *entity) bool {
		for _, x := range e.Mentions {
			if x.Sent < r.Sent || x.Sent == r.Sent && d.m(x).T0 < m.T0 {
				return true
			}
		}
		return false
	}
	anyPrior := false
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type == schema.Event && !e.Dropped && sameEventKind(e.Kind, m.Kind) && prior(e) {
			anyPrior = true
		}
	}
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Event || e.Dropped || !sameEventKind(e.Kind, m.Kind) || m.Fresh {
			continue
		}
		if refOnly && m.Kind != "" && e.Kind != m.Kind && (m.Kind != "meeting" &&
			m.Kind != "talks" || d.followedBy(r, m, "with")) || m.Kind == "visit" ||
			m.Kind == "call" {
			continue // "Aravena's meeting with Wongsa" is not the summit
		}
		if !m.Generic && date != "" && e.Date != "" && e.Date != date {
			continue
		}
		if m.Generic && m.Kind == "disaster" && d.indefinite(r, m) &&
			!strings.EqualFold(lastWord(e.Name), m.Head) {
			continue // "a landslide" after "the mudflows" is news of another event
		}
		if !m.Generic && !e.Generic && eventCore(e.Name) != eventCore(m.Name) {
			continue
		}
		if !m.Generic && e.Generic && !isGathering(m.Kind) && lastWord(fold(e.Name)) != m.Head {
			continue // "the sinking of the MV Karonga" is not the "boat disaster"
		}
		if anyPrior && !prior(e) {
			continue // an event named before the noun, when there is one
		}
		n := len(e.Mentions)
		if e.Kind == m.Kind {
			n += 100 // the same kind first
		}
		if n >= bestN {
			best, bestN = k, n
		}
	}
	if best >= 0 {
		d.attach(r, best)
		e := &d.entities[best]
		if e.Generic && !m.Generic {
			e.Aliases = append(e.Aliases, e.Name)
			e.Name, e.Generic = m.Name, false
		} else if m.Name != e.Name && !hasString(e.Aliases, m.Name) && !m.Generic {
			e.Aliases = append(e.Aliases, m.Name)
		}
		if e.Date == "" {
			e.Date = date
		}
		return
	}
	if strings.HasPrefix(m.Head, "ref:") || !creatableKinds[m.Kind] && m.Generic {
		return
	}
	k := d.newEntity(r, schema.Event, m.Name)
	d.entities[k].Date = date
	keys["event:"+eventCore(m.Name)] = k
}

// indefinite reports whether mention m opens with "a" or "an".
func (d *document) indefinite(r ref, m *mention) bool {
	toks := d.views[r.Sent].Toks
	for k := m.T0; k >= 0 && k >= m.T0-1; k-- {
		if toks[k].Low == "a" || toks[k].Low == "an" {
			return true
		}
	}
	return false
}

// followedBy reports whether the word after mention m is w.
func (d *document) followedBy(r ref, m *mention, w string) bool {
	toks := d.views[r.Sent].Toks
	return m.T1 < len(toks) && toks[m.T1].Low == w
}

// sameEventKind reports whether an event of kind a can be referred to by a
// noun of kind b.
func sameEventKind(a, b string) bool {
	if a == b {
		return true
	}
	return isGathering(a) && (isGathering(b) || b == "")
}

// isGathering reports whether an event kind is a summit, meeting,
// conference or talks.
func isGathering(kind string) bool {
	switch kind {
	case "summit", "meeting", "conference", "talks":
		return true
	}
	return false
}

// countryPair reports whether a hyphenated name is made of countries or
// their adjectives only ("Colombian-Ecuadorian", "Chile-Argentina").
func (d *document) countryPair(name string) bool {
	parts := strings.Split(name, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		e, ok := d.g.lookup(fold(p))
		if !ok || e.Kind != gazCountry && e.Kind != gazDemonym {
			return false
		}
	}
	return true
}
