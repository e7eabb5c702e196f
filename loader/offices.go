package loader

import (
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/schema"
)

// offices settles who holds which office where. A title's country comes
// from the text ("Chilean President", "Samoa's president", "his
// Norwegian counterpart"), from the person a possessive points to ("his
// vice president"), or, for a title with no country, from the country the
// article is about, unless that country's holder of the office is someone
// else.
func (d *document) offices() {
	for pass := 0; pass < 2; pass++ {
		for k := range d.entities {
			if d.entities[k].Type == schema.Person && !d.entities[k].Dropped {
				d.office(k)
			}
		}
	}
	d.representedBy()
	d.nationalTitles()
	d.knownOffices()
	d.home, d.away = d.homeCountry()
	other := d.away
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Person || e.Dropped || e.RoleCode != "" || e.RoleOrg >= 0 ||
			e.Role == "" || d.home == "" {
			continue
		}
		switch {
		case d.canHold(k, d.home):
			e.RoleCode = d.home
		case other != "" && d.canHold(k, other):
			// The home country's king is someone else, or it has none: in
			// a story of two countries, the king is the other one's.
			e.RoleCode = other
		}
	}
}

// canHold reports whether person k, whose title names no country, may
// hold it in country code: no one else holds it there, and a monarch's
// title belongs to a monarchy.
func (d *document) canHold(k int, code string) bool {
	if d.heldByOther(k, code) {
		return false
	}
	if monarchTitles[d.entities[k].Role] {
		return monarchies[strings.ToLower(code)]
	}
	return true
}

// monarchTitles are the titles only a monarchy has.
var monarchTitles = pkgLex.phrases("monarch-titles.txt")

// monarchies are the countries with a reigning monarch of their own, by
// ISO code (the realms that share the British one are left out: a king
// named in their news is the British king).
var monarchies = pkgLex.words("monarchies.txt")

// titleCountries are titles that exist in one country only, so that the
// title alone says where it is held ("the taoiseach, Micheál Martin").
var titleCountries = pkgLex.pairs("title-countries.txt")

// nationalTitles gives a person whose title exists in one country only
// that country.
func (d *document) nationalTitles() {
	for k := range d.entities {
		e := &d.entities[k]
		if c := titleCountries[e.Role]; c != "" && e.Type == schema.Person && e.RoleCode == "" &&
			e.RoleOrg < 0 {
			e.RoleCode, e.Explicit = c, true
		}
	}
}

// representedBy reads "Ghana was represented by Vice President X" and
// "Laos, …, was represented by X, a deputy minister": a representative
// whose office names no place holds it in the country represented, the
// subject of the clause.
func (d *document) representedBy() {
	for s, v := range d.views {
		ms := d.mentions[s]
		for i := 1; i+1 < len(v.Toks); i++ {
			if v.Toks[i].Low != "represented" || v.Toks[i+1].Low != "by" {
				continue
			}
			code := ""
			for a := len(ms) - 1; a >= 0 && code == ""; a-- {
				x := &ms[a]
				if x.T1 > i || x.Modifier || x.Entity < 0 || x.Form != formProper {
					continue
				}
				if e := &d.entities[x.Entity]; e.Type == schema.Country && d.opensClause(s, x) {
					code = e.Code
				}
			}
			for a := range ms {
				x := &ms[a]
				if code == "" || x.T0 <= i+1 || x.T0 > i+4 || x.Modifier || x.Entity < 0 {
					continue
				}
				if e := &d.entities[x.Entity]; e.Type == schema.Person && e.RoleCode == "" &&
					e.RoleOrg < 0 {
					e.RoleCode, e.Explicit = code, true
				}
				break
			}
		}
	}
}

// heldByOther reports whether the office of person k is one a country has
// one holder of (a head of state or government, a minister with a
// portfolio) and another person holds it in country code.
func (d *document) heldByOther(k int, code string) bool {
	e := &d.entities[k]
	if !singleHolder(e) {
		return false
	}
	for j := range d.entities {
		o := &d.entities[j]
		if j != k && o.Type == schema.Person && !o.Dropped && o.RoleCode == code &&
			strings.EqualFold(o.Role, e.Role) {
			return true
		}
	}
	return false
}

// singleHolder reports whether a country has one holder of e's office at
// a time: a head of state or government, or a minister or secretary with
// a portfolio ("Foreign Minister", not "Minister" or "Deputy Minister").
func singleHolder(e *entity) bool {
	words := strings.Fields(e.Role)
	if len(words) == 0 || words[0] == "Deputy" || words[0] == "Cabinet" {
		return false
	}
	if e.Leader {
		return true
	}
	last := words[len(words)-1]
	return len(words) >= 2 && (last == "Minister" || last == "Secretary")
}

// office reads the office of person k from its mentions.
func (d *document) office(k int) {
	e := &d.entities[k]
	for _, r := range e.Mentions {
		m := d.m(r)
		if m.Form == formPronoun {
			continue
		}
		if e.Role == "" && m.Role != "" {
			e.Role = m.Role
		}
		e.Leader = e.Leader || m.Leader
		if e.RoleCode == "" && m.RoleCode != "" {
			e.RoleCode, e.Explicit, e.Written = m.RoleCode, true, true
		}
		if e.RoleOrg < 0 && m.RoleOrg >= 0 {
			if o := d.mentions[r.Sent][m.RoleOrg].Entity; o >= 0 {
				e.RoleOrg, e.Explicit = o, true
			}
		}
		if m.RoleRef >= 0 && (e.RoleCode == "" && e.RoleOrg < 0 || m.Counterpart) {
			d.officeByRef(k, r, m)
		}
	}
}

// officeByRef takes the office's country from the mention a title points
// to: "his vice president" (his country), "its deputy prime minister",
// "the political adviser in Aravena's office".
func (d *document) officeByRef(k int, r ref, m *mention) {
	e := &d.entities[k]
	x := d.mentions[r.Sent][m.RoleRef]
	if x.Entity < 0 || x.Entity == k {
		return
	}
	o := &d.entities[x.Entity]
	switch o.Type {
	case schema.Country:
		e.RoleCode, e.Explicit = o.Code, true
	case schema.Organization:
		e.RoleOrg, e.Explicit = x.Entity, true
	case schema.Person:
		if m.Counterpart {
			if e.Role == "" {
				e.Role, e.Leader = o.Role, o.Leader
			}
			return
		}
		switch {
		case o.RoleCode != "":
			e.RoleCode, e.Explicit = o.RoleCode, true
		case o.RoleOrg >= 0:
			e.RoleOrg, e.Explicit = o.RoleOrg, true // "his spokesman": the UN chief's
		}
	}
}

// homeCountry returns the country the article is told from, and the other
// country of a story between two: the home country is the dateline's, else
// among the two countries most named (by their names and by the places in
// them, where the story happens) the one whose officials are least often
// marked as foreign ("Chilean President …").
func (d *document) homeCountry() (home, other string) {
	count := map[string]int{}
	first := map[string]int{}
	n := 0
	d.eachMention(func(r ref, m *mention) {
		n++
		if m.Entity < 0 {
			return
		}
		e := &d.entities[m.Entity]
		if e.Type != schema.Country && (e.Type != schema.Place || e.Code == "") {
			return
		}
		c := e.Code
		count[c]++
		if _, ok := first[c]; !ok {
			first[c] = n
		}
	})
	// The dateline's country ("MWANZA, Tanzania, March 11"), or its place's
	// when the article names that country too.
	dateline := ""
	for _, name := range []string{d.dl.Region, d.dl.Place} {
		if e, ok := d.g.lookup(fold(name)); ok && name != "" && e.Code != "" && dateline == "" &&
			(count[e.Code] > 0 || len(count) == 0) {
			dateline = e.Code
		}
	}
	if len(count) == 0 {
		return dateline, ""
	}
	marked := map[string]int{}
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type == schema.Person && e.Explicit && e.RoleCode != "" {
			marked[e.RoleCode]++
		}
	}
	codes := make([]string, 0, len(count))
	for c := range count {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		a, b := codes[i], codes[j]
		if count[a] != count[b] {
			return count[a] > count[b]
		}
		return first[a] < first[b]
	})
	if len(codes) == 1 {
		return orElse(dateline, codes[0]), ""
	}
	a, b := codes[0], codes[1]
	if marked[b] < marked[a] {
		a, b = b, a
	}
	switch dateline {
	case "", a:
		return a, b
	case b:
		return b, a
	}
	return dateline, a
}

// orElse returns a when it is set, else b.
func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// roleName returns the role to write on HOLDS_OFFICE.
func roleName(e *entity) string {
	if e.Role != "" {
		return e.Role
	}
	return "leader"
}

// countryEntity returns the entity of the country with the ISO code, or -1.
func (d *document) countryEntity(code string) int {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type == schema.Country && !e.Dropped && strings.EqualFold(e.Code, code) {
			return k
		}
	}
	return -1
}

// leadTitles gives a title that opens the article with no name ("Ghana's
// foreign minister spent the day in talks") to the first person
// named after it who has no office of his own.
func (d *document) leadTitles() {
	for s := 0; s < len(d.mentions) && s < 2; s++ {
		for i := range d.mentions[s] {
			m := &d.mentions[s][i]
			if m.Form != formNominal || m.Type != schema.Person || m.Entity >= 0 ||
				m.Modifier || m.RoleCode == "" || m.Role == "" {
				continue
			}
			if k := d.unofficedPerson(s, 6); k >= 0 {
				e := &d.entities[k]
				e.Role, e.RoleCode, e.Explicit, e.Leader = m.Role, m.RoleCode, true, m.Leader
				d.attachRef(ref{s, i}, k)
			}
		}
	}
}

// unofficedPerson returns the first person named in sentences after s
// (within n) who holds no office read so far, or -1.
func (d *document) unofficedPerson(s, n int) int {
	for t := s; t < len(d.mentions) && t <= s+n; t++ {
		for _, x := range d.mentions[t] {
			if x.Entity < 0 || x.Form != formProper || x.Modifier {
				continue
			}
			e := &d.entities[x.Entity]
			if e.Type != schema.Person {
				continue
			}
			if e.Role == "" && e.RoleCode == "" && e.RoleOrg < 0 {
				return x.Entity
			}
		}
	}
	return -1
}

// knownOffices gives a person the text names with a title but no country
// ("President Ilves said", "Foreign Minister Sato met …") the country the
// knowledge base says that person held the titled office in on the
// article's date: the person's full name or a recorded alias must match,
// and every matching office must be in the same country. The base's
// answer, dated and matched by name and title, also stands over a country
// the text seems to give a titled person ("the Guyanese talks with
// Secretary X" read as a Guyanese secretary) and over a guess from the story.
func (d *document) knownOffices() {
	if !d.dc.known || d.g.kb == nil {
		return
	}
	on := kb.DateOf(d.dc.pub)
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Person || e.Dropped || e.RoleOrg >= 0 || len(strings.Fields(e.Name)) < 2 ||
			e.Explicit && e.Role == "" {
			continue
		}
		code, title := "", ""
		os := d.knownOfficesOf(e.Role, e.Name, on)
		if e.RoleCode == "" {
			if org := d.knownOrgOffice(os); org >= 0 {
				e.RoleOrg, e.Explicit = org, true
				continue
			}
		}
		sovereign := slices.ContainsFunc(os, func(o kb.HeldOffice) bool {
			return o.Match != kb.BySurname && o.Country != nil && o.Country.Sovereign
		})
		for _, o := range os {
			if o.Match == kb.BySurname || sovereign && o.Country != nil && !o.Country.Sovereign {
				continue // a president is also the head of his country's territories
			}
			if o.Country == nil || code != "" && code != o.Country.ISO2 {
				code = ""
				break
			}
			code, title = o.Country.ISO2, o.Title
		}
		if code != "" && (code == e.RoleCode || !d.heldByOther(k, code)) {
			e.RoleCode, e.Explicit, e.KBOffice = code, true, true
			if e.Role == "" {
				e.Role = title
			}
		}
	}
}

// knownOrgOffice returns the entity of the organisation the article names
// in which the knowledge base says all the person's offices (by full name
// or alias) are held on the date ("Secretary-General X" of the United
// Nations, when the article names the United Nations), or -1.
func (d *document) knownOrgOffice(os []kb.HeldOffice) int {
	name := ""
	for _, o := range os {
		if o.Match == kb.BySurname {
			continue
		}
		if o.Org == nil || name != "" && name != o.Org.Name {
			return -1
		}
		name = o.Org.Name
	}
	if name == "" {
		return -1
	}
	for k := range d.entities {
		if e := &d.entities[k]; e.Type == schema.Organization && !e.Dropped && e.Name == name {
			return k
		}
	}
	return -1
}

// knownOfficesOf gives the offices the knowledge base knows for a person
// of the title and name on a date; a name of three words or more that it
// does not know is tried again as its first and last word ("Ana Maria
// Costa" as "Ana Costa"), as sources often leave out middle names.
func (d *document) knownOfficesOf(role, name string, on kb.Date) []kb.HeldOffice {
	os := d.g.kb.OfficesOf(strings.TrimSpace(role+" "+name), on)
	for _, o := range os {
		if o.Match != kb.BySurname {
			return os
		}
	}
	w := strings.Fields(name)
	if len(w) < 3 {
		return os
	}
	return d.g.kb.OfficesOf(strings.TrimSpace(role+" "+w[0]+" "+w[len(w)-1]), on)
}
