package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// clauseStarts are words after which a name begins a clause, so is likely
// its subject.
var clauseStarts = setOf(pkgLex.quoted("clause-starts.txt"))

// refer settles a pronoun or a title with no name ("the prime minister",
// "the Chilean leader", "his host") on a person, or "its" on a country or
// organisation.
func (d *document) refer(r ref, m *mention) {
	switch {
	case m.Form == formPronoun && m.Type == schema.Person:
		if k := d.personPronoun(r, m); k >= 0 {
			d.attachRef(r, k)
		}
	case m.Form == formPronoun && m.Head == "its":
		if k := d.itsAntecedent(r); k >= 0 {
			d.attachRef(r, k)
		}
	case m.Form == formNominal && m.Type == schema.Person:
		if k := d.titleAntecedent(r, m); k >= 0 {
			d.attachRef(r, k)
		}
	}
}

// attachRef makes mention r refer to entity k without adding an alias.
func (d *document) attachRef(r ref, k int) {
	m := d.m(r)
	m.Entity = k
	d.entities[k].Mentions = append(d.entities[k].Mentions, r)
}

// subjectLike reports whether mention x of sentence s opens a clause, so is
// likely a subject.
func (d *document) subjectLike(s int, x *mention) bool {
	if x.Modifier || x.Entity < 0 {
		return false
	}
	return d.opensClause(s, x)
}

// opensClause reports whether mention x of sentence s stands where a
// subject does: first in the sentence or its clause, after a comma, a
// conjunction, a reporting verb or a date, or as "he", "she", "they".
func (d *document) opensClause(s int, x *mention) bool {
	toks := d.views[s].Toks
	if x.T0 == 0 {
		return true
	}
	switch x.Head {
	case "he", "she", "they":
		return true
	}
	p := x.T0 - 1
	for p > 0 && toks[p].Low == "the" {
		p--
	}
	prev := toks[p]
	if p == 0 && prev.Low == "the" || clauseStarts[prev.Low] || reportVerbs[prev.Low] ||
		isCloser(prev.Text) {
		return true
	}
	for _, de := range d.dates[s] {
		if de.T1 == x.T0 {
			return true
		}
	}
	// The first mention of the sentence, after a few opening words that do
	// not make it the object of a preposition.
	if prepositions[prev.Low] {
		return false
	}
	for _, y := range d.mentions[s] {
		if y.T0 < x.T0 && !y.Modifier && (y.Entity >= 0 || y.Form == formPlural) {
			return false
		}
	}
	return true
}

// personPronoun resolves he, she, him, his and her.
func (d *document) personPronoun(r ref, m *mention) int {
	toks := d.views[r.Sent].Toks
	ms := d.mentions[r.Sent]
	isPerson := func(x *mention) bool {
		return x.Entity >= 0 && !x.Modifier && d.entities[x.Entity].Type == schema.Person
	}
	// Cataphora: "Speaking in Bangkok, where he held talks …, Aravena said".
	if strings.HasSuffix(toks[0].Low, "ing") && toks[0].Cap {
		before := false
		for i := range ms {
			if isPerson(&ms[i]) && ms[i].T1 <= m.T0 {
				before = true
			}
		}
		if !before {
			for i := range ms {
				x := &ms[i]
				if isPerson(x) && x.T0 > m.T1 && x.T0 > 0 && toks[x.T0-1].Text == "," {
					return x.Entity
				}
			}
		}
	}
	object := m.Head == "him" || m.Head == "her" && m.T1 < len(toks) && !toks[m.T1].Word
	exclude := -1
	if object {
		exclude = d.clauseSubject(r, m)
	}
	// The nearest fitting person before the pronoun in its sentence. An
	// object pronoun passes over the agent of a passive: in "A was welcomed
	// by B before C received him", "him" is the one welcomed.
	best := -1
	for pass := 0; pass < 2 && best < 0; pass++ {
		best = d.nearestPerson(r, m, exclude, object, pass == 0)
	}
	if best >= 0 {
		return ms[best].Entity
	}
	// Else the subject of an earlier sentence.
	for s := r.Sent - 1; s >= 0 && s >= r.Sent-4; s-- {
		for i := range d.mentions[s] {
			x := &d.mentions[s][i]
			if isPerson(x) && d.subjectLike(s, x) && x.Entity != exclude {
				return x.Entity
			}
		}
		for i := range d.mentions[s] {
			x := &d.mentions[s][i]
			if isPerson(x) && x.Entity != exclude {
				return x.Entity
			}
		}
	}
	return -1
}

// clauseSubject returns the entity of the subject of the clause holding
// object pronoun m: the antecedent of a "who" before it, else the nearest
// person before it that opens a clause.
func (d *document) clauseSubject(r ref, m *mention) int {
	toks := d.views[r.Sent].Toks
	for k := m.T0 - 1; k >= 0 && k >= m.T0-4; k-- {
		if toks[k].Low != "who" {
			continue
		}
		e := k
		if e > 0 && toks[e-1].Text == "," {
			e--
		}
		if k := d.entityEndingAt(r.Sent, e); k >= 0 {
			return k
		}
	}
	ms := d.mentions[r.Sent]
	for i := len(ms) - 1; i >= 0; i-- {
		x := &ms[i]
		if x.T1 > m.T0 || x.Entity < 0 || x.Modifier ||
			d.entities[x.Entity].Type != schema.Person || d.nested(r.Sent, i) {
			continue
		}
		if d.subjectLike(r.Sent, x) {
			return x.Entity
		}
	}
	return -1
}

// itsAntecedent resolves "its" to the nearest country or organisation;
// when that one stands after a preposition ("takes over the chair from
// Laos; its foreign minister …"), the subject of the sentence is more
// likely, if it is a country or organisation too.
func (d *document) itsAntecedent(r ref) int {
	for s := r.Sent; s >= 0 && s >= r.Sent-1; s-- {
		ms := d.mentions[s]
		toks := d.views[s].Toks
		nearest, subject := -1, -1
		for i := len(ms) - 1; i >= 0; i-- {
			x := &ms[i]
			if s == r.Sent && x.T0 >= d.m(r).T0 || x.Entity < 0 || x.Modifier {
				continue
			}
			if t := d.entities[x.Entity].Type; t != schema.Country && t != schema.Organization {
				continue
			}
			if nearest < 0 {
				nearest = i
			}
			if d.opensClause(s, x) {
				subject = i
			}
		}
		if nearest < 0 {
			continue
		}
		x := &ms[nearest]
		if subject >= 0 && subject != nearest && x.T0 > 0 && prepositions[toks[x.T0-1].Low] {
			return ms[subject].Entity
		}
		return x.Entity
	}
	return -1
}

// nested reports whether mention i of sentence s lies inside a larger
// mention with an entity ("his" in "his Norwegian counterpart, Ingrid
// Dahl").
func (d *document) nested(s, i int) bool {
	x := &d.mentions[s][i]
	for j := range d.mentions[s] {
		y := &d.mentions[s][j]
		if j != i && !y.Modifier && y.Entity >= 0 && y.T0 <= x.T0 && y.T1 >= x.T1 &&
			y.T1-y.T0 > x.T1-x.T0 {
			return true
		}
	}
	return false
}

// nearestPerson returns the mention of the nearest person before pronoun
// m that fits it, or -1; skipAgents passes over the "by" agents of
// passives when m is an object.
func (d *document) nearestPerson(r ref, m *mention, exclude int, object, skipAgents bool) int {
	ms := d.mentions[r.Sent]
	best := -1
	for i := range ms {
		x := &ms[i]
		if x.Entity < 0 || x.Modifier || d.entities[x.Entity].Type != schema.Person ||
			x.T1 > m.T0 || x.Entity == exclude {
			continue
		}
		if object && skipAgents && d.afterBy(r.Sent, x) {
			continue
		}
		if object || d.subjectLike(r.Sent, x) || m.Head == "his" || m.Head == "her" {
			if best < 0 || x.T0 > ms[best].T0 || !object && d.subjectLike(r.Sent, x) &&
				!d.subjectLike(r.Sent, &ms[best]) {
				best = i
			}
		}
	}
	return best
}

// afterBy reports whether mention x of sentence s follows "by", past the
// capitalised words of a title ("by Foreign Minister Nimal Perera").
func (d *document) afterBy(s int, x *mention) bool {
	toks := d.views[s].Toks
	k := x.T0 - 1
	for k > 0 && k > x.T0-6 && toks[k].Cap {
		k--
	}
	return k >= 0 && toks[k].Low == "by"
}
