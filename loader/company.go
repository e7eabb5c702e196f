package loader

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// companyOffices reads the country of an office from the company a person
// keeps in a sentence, once pronouns are resolved: the name stands beside
// someone whose country is written ("he and Defence Secretary X"), in for
// someone ("standing in for President Y", "sent X in his place"), on behalf
// of a country ("signed on Sudan's behalf"), in a list after a plural
// title ("their Japanese counterparts, A and B") or as the holder of a
// title ("attending as Indonesia's foreign minister"). Each of these beats
// the article's home country, which is only a guess, and none overrides a
// country the text gives the person directly.
func (d *document) companyOffices() {
	for s, v := range d.views {
		for i := range v.Toks {
			switch v.Toks[i].Low {
			case "and":
				d.coordinatedOffice(s, i)
			case "for":
				if i > 0 && hasString([]string{"in", "deputising", "deputizing"}, v.Toks[i-1].Low) {
					d.shareOffice(d.personBefore(s, i-1), d.personAfter(s, i+1, 4))
				}
			case "place", "behalf":
				d.inPlaceOf(s, i)
			case "representing", "represent", "represents", "represented":
				if c := d.countryAfter(s, i+1); c != "" { // "X will represent Uganda"
					d.giveOffice(d.personBefore(s, i), c)
				}
			case "as":
				d.asTitle(s, i)
			case "of":
				d.personOf(s, i)
			case "predecessor", "successor":
				d.predecessor(s, i)
			case ",":
				d.pluralApposition(s, i)
			case ")":
				d.bracketedBody(s, i)
			case "presidents", "ministers", "leaders", "premiers", "secretaries", "kings":
				d.pluralTitle(s, i)
			}
		}
	}
}

// personMention returns the entity of mention x when it is a person, or -1.
func (d *document) personMention(x *mention) int {
	if x.Entity < 0 || x.Modifier && x.Form != formPronoun {
		return -1
	}
	if d.entities[x.Entity].Type != schema.Person || d.entities[x.Entity].Dropped {
		return -1
	}
	return x.Entity
}

// personBefore returns the person named last before token t of sentence
// s, within the clause (no semicolon between), or -1.
func (d *document) personBefore(s, t int) int {
	ms, v := d.mentions[s], d.views[s]
	best, end := -1, -1
	for i := range ms {
		x := &ms[i]
		if x.T1 > t || x.T1 <= end {
			continue
		}
		if k := d.personMention(x); k >= 0 {
			best, end = k, x.T1
		}
	}
	for k := end; best >= 0 && k < t && k < len(v.Toks); k++ {
		if v.Toks[k].Text == ";" {
			return -1
		}
	}
	return best
}

// personAfter returns the person named first within n tokens from token t
// of sentence s, or -1.
func (d *document) personAfter(s, t, n int) int {
	ms := d.mentions[s]
	best, start := -1, t+n+1
	for i := range ms {
		x := &ms[i]
		if x.T0 < t || x.T0 >= start {
			continue
		}
		if k := d.personMention(x); k >= 0 {
			best, start = k, x.T0
		}
	}
	return best
}

// countryAfter returns the code of a country named at token t of sentence
// s (or after "the"), or "".
func (d *document) countryAfter(s, t int) string {
	v := d.views[s]
	if t < len(v.Toks) && v.Toks[t].Low == "the" {
		t++
	}
	for i := range d.mentions[s] {
		x := &d.mentions[s][i]
		if x.T0 == t && x.Entity >= 0 && d.entities[x.Entity].Type == schema.Country {
			return d.entities[x.Entity].Code
		}
	}
	return ""
}

// guessed reports whether person k has no country or organisation for its
// office, or only the article's home country as a guess.
func (d *document) guessed(k int) bool {
	e := &d.entities[k]
	return !e.Explicit && e.RoleOrg < 0
}

// giveOffice gives person k the country code when its own is a guess.
func (d *document) giveOffice(k int, code string) {
	if k < 0 || code == "" || !d.guessed(k) {
		return
	}
	e := &d.entities[k]
	e.RoleCode, e.Explicit = code, true
}

// shareOffice gives whichever of persons a and b has a guessed country the
// written country of the other.
func (d *document) shareOffice(a, b int) {
	if a < 0 || b < 0 || a == b {
		return
	}
	ea, eb := &d.entities[a], &d.entities[b]
	switch {
	case d.guessed(a) && !d.guessed(b) && eb.RoleCode != "":
		d.giveOffice(a, eb.RoleCode)
	case d.guessed(b) && !d.guessed(a) && ea.RoleCode != "":
		d.giveOffice(b, ea.RoleCode)
	}
}

// coordinatedOffice reads "he and Defence Secretary X": two people joined
// by "and" travel together when their offices differ, so a member whose
// country is a guess takes the other's. Two heads, or two holders of the
// same portfolio ("Blinken and Foreign Minister Wang"), are more often
// counterparts from two countries, and are left alone.
func (d *document) coordinatedOffice(s, i int) {
	a, b := -1, -1
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		switch {
		case x.T1 == i:
			a = d.personMention(x)
		case x.T0 == i+1:
			b = d.personMention(x)
		}
	}
	if a < 0 || b < 0 || a == b {
		return
	}
	ea, eb := &d.entities[a], &d.entities[b]
	if ea.Leader && eb.Leader || portfolio(ea.Role) == portfolio(eb.Role) {
		return
	}
	if d.guessed(a) && ea.Leader || d.guessed(b) && eb.Leader {
		return // a head beside a minister may be the host the minister meets
	}
	d.shareOffice(a, b)
}

// portfolio reduces a role to what it is responsible for, so that titles
// for the same job in different countries compare equal ("Foreign
// Secretary", "Secretary of State" and "Foreign Minister" are all
// "foreign").
func portfolio(role string) string {
	r := strings.ToLower(role)
	switch {
	case r == "":
		return ""
	case strings.Contains(r, "foreign") || strings.Contains(r, "external") ||
		r == "secretary of state":
		return "foreign"
	case strings.Contains(r, "defen"):
		return "defence"
	}
	return r
}

// inPlaceOf reads "sending X in his place" and "signed on his behalf" (the
// one named before holds office where the possessor does), and "on
// Sudan's behalf" (the country itself).
func (d *document) inPlaceOf(s, i int) {
	v := d.views[s]
	owner := i - 1 // where the possessor's mention ends
	if owner > 0 && v.Toks[owner].isPossessive() {
		owner--
	}
	if owner < 1 {
		return
	}
	prep := v.Toks[owner-1].Low
	if v.Toks[i].Low == "place" && prep != "in" || v.Toks[i].Low == "behalf" && prep != "on" {
		return
	}
	sub := d.personBefore(s, owner-1)
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		if x.T0 != owner || x.T1 != owner+1 && x.T1 != i || x.Entity < 0 {
			continue
		}
		switch e := &d.entities[x.Entity]; e.Type {
		case schema.Country:
			d.giveOffice(sub, e.Code)
		case schema.Person:
			who := x.Entity
			if who == sub { // no one is sent in his own place: "his" is the subject's
				who = d.firstPerson(s, x.T0)
			}
			if x.Form == formPronoun && who >= 0 && who != sub && !d.guessed(who) {
				d.giveOffice(sub, d.entities[who].RoleCode)
			}
		}
	}
}

// asTitle reads "X, attending as Indonesia's foreign minister": a title
// with a country after "as" is the office of the person the clause is
// about, when nothing else gives that person a country.
func (d *document) asTitle(s, i int) {
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		if x.T0 != i+1 || x.Form != formNominal || x.RoleCode == "" || x.Type != schema.Person {
			continue
		}
		k := d.firstPerson(s, i)
		if k < 0 || x.Entity >= 0 && x.Entity != k {
			continue
		}
		e := &d.entities[k]
		if !d.guessed(k) {
			continue
		}
		if e.Role == "" {
			e.Role, e.Leader = x.Role, x.Leader
		}
		d.giveOffice(k, x.RoleCode)
	}
}

// firstPerson returns the first person named in sentence s before token t,
// or -1.
func (d *document) firstPerson(s, t int) int {
	for i := range d.mentions[s] {
		x := &d.mentions[s][i]
		if x.T0 >= t {
			break
		}
		if k := d.personMention(x); k >= 0 && x.Form == formProper {
			return k
		}
	}
	return -1
}

// pluralApposition reads "their Japanese counterparts, A and B" and
// "Gulf ministers from Oman and Qatar, …": a plural title with one country
// before a comma gives that country to each name listed after it.
func (d *document) pluralApposition(s, i int) {
	v := d.views[s]
	if i < 2 {
		return
	}
	if !apposedPlurals[v.Toks[i-1].Low] {
		return
	}
	code := ""
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		if x.T1 == i-1 && x.Entity >= 0 && d.entities[x.Entity].Type == schema.Country {
			code = d.entities[x.Entity].Code
		}
	}
	if code == "" {
		d.pairedApposition(s, i)
		return
	}
	t := i + 1
	for n := 0; n < 6 && t < len(v.Toks); n++ {
		k, end := -1, t
		for j := range d.mentions[s] {
			x := &d.mentions[s][j]
			if x.T0 == t && x.Form == formProper {
				k, end = d.personMention(x), x.T1
			}
		}
		if k < 0 {
			return
		}
		d.giveOffice(k, code)
		if end >= len(v.Toks) || !hasString([]string{"and", ","}, v.Toks[end].Low) {
			return
		}
		t = end + 1
		if t < len(v.Toks) && v.Toks[t].Low == "and" {
			t++
		}
	}
}

// personOf reads "Marta Ilves of Estonia" and "X, the Secretary
// General of the Andean Community": a person named (or
// titled) right before "of" holds office in the country or body after it.
func (d *document) personOf(s, i int) {
	if i == 0 {
		return
	}
	v := d.views[s]
	next := i + 1
	if next < len(v.Toks) && v.Toks[next].Low == "the" {
		next++
	}
	k, code, org := -1, "", -1
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		switch {
		case x.T1 == i && x.Form == formProper:
			k = d.personMention(x)
		case (x.T0 == i+1 || x.T0 == next) && x.Entity >= 0:
			switch d.entities[x.Entity].Type {
			case schema.Country:
				code = d.entities[x.Entity].Code
			case schema.Organization:
				org = x.Entity
			}
		}
	}
	if k < 0 || d.entities[k].Role == "" && code == "" {
		return
	}
	if org >= 0 && d.entities[k].Role != "" && d.guessed(k) {
		e := &d.entities[k]
		e.RoleOrg, e.RoleCode, e.Explicit = org, "", true
		return
	}
	d.giveOffice(k, code)
}

// bracketedBody reads "Andean Development Council (ADC) Executive Director
// X": the body named before an acronym in brackets is where the title
// after it is held.
func (d *document) bracketedBody(s, i int) {
	org, k := -1, -1
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		switch {
		case x.T1 == i && x.Entity >= 0 && d.entities[x.Entity].Type == schema.Organization:
			org = x.Entity
		case x.T0 == i+1 && x.Form == formProper && x.Role != "":
			k = d.personMention(x)
		}
	}
	if org < 0 || k < 0 || !d.guessed(k) {
		return
	}
	e := &d.entities[k]
	e.RoleOrg, e.RoleCode, e.Explicit = org, "", true
}

// pairedApposition reads "Their foreign ministers, A and B" and "the two
// interior ministers, A and B" after a pair of people from two countries
// ("Boric and his Bolivian counterpart, Arce"): A holds office in the
// first one's country, B in the second's, as the list keeps their order.
func (d *document) pairedApposition(s, i int) {
	v := d.views[s]
	shared := false
	for k := i - 2; k >= 0 && k >= i-4; k-- {
		if hasString([]string{"their", "two", "both"}, v.Toks[k].Low) {
			shared = true
		}
	}
	if !shared {
		return
	}
	first, second := d.personAfter(s, i+1, 6), -1
	for j := range d.mentions[s] {
		if x := &d.mentions[s][j]; first >= 0 && x.Entity == first && x.T1 < len(v.Toks) &&
			v.Toks[x.T1].Low == "and" {
			second = d.personAfter(s, x.T1+1, 1)
		}
	}
	if first < 0 || second < 0 || first == second {
		return
	}
	a, b := d.lastPair(s, i)
	if a == "" {
		return
	}
	d.giveOffice(first, a)
	d.giveOffice(second, b)
}

// lastPair returns the countries of the last two people named before token
// t of sentence s whose offices are written and lie in different countries,
// in the order they were named.
func (d *document) lastPair(s, t int) (string, string) {
	type named struct{ sent, tok int }
	var pos []named
	var codes []string
	for u := max(0, s-3); u <= s; u++ {
		for j := range d.mentions[u] {
			x := &d.mentions[u][j]
			k := d.personMention(x)
			if u == s && x.T0 >= t || k < 0 || x.Form != formProper || d.guessed(k) ||
				d.entities[k].RoleCode == "" {
				continue
			}
			pos = append(pos, named{u, x.T0})
			codes = append(codes, d.entities[k].RoleCode)
		}
	}
	idx := make([]int, len(pos))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		pa, pb := pos[idx[a]], pos[idx[b]]
		return pa.sent < pb.sent || pa.sent == pb.sent && pa.tok < pb.tok
	})
	last, before := "", ""
	for _, i := range idx {
		if c := codes[i]; c != last {
			before, last = last, c
		}
	}
	if before == "" {
		return "", ""
	}
	return before, last
}

// predecessor reads "Halvorsen's predecessor, Ingrid Dahl": the one
// named after it held the same office in the same country.
func (d *document) predecessor(s, i int) {
	v := d.views[s]
	if i < 2 || !v.Toks[i-1].isPossessive() || i+2 >= len(v.Toks) || v.Toks[i+1].Text != "," {
		return
	}
	who := d.personBefore(s, i)
	next := d.personAfter(s, i+2, 1)
	if who < 0 || next < 0 || who == next || d.guessed(who) {
		return
	}
	o, e := &d.entities[who], &d.entities[next]
	if !d.guessed(next) {
		return
	}
	if e.Role == "" {
		e.Role, e.Leader = o.Role, o.Leader
	}
	e.RoleCode, e.RoleOrg, e.Explicit = o.RoleCode, o.RoleOrg, true
}

// pluralTitle reads "Prime Ministers A of Sweden, B of Norway and C of
// Denmark": a plural title before a list of names is the title of each of
// them.
func (d *document) pluralTitle(s, i int) {
	v := d.views[s]
	first := -1
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		if x.T0 <= i && x.T1 > i+1 && x.Form == formProper && x.Role != "" {
			first = j
		}
	}
	if first < 0 {
		return
	}
	role := d.mentions[s][first].Role
	t := d.mentions[s][first].T1
	for n := 0; n < 8 && t < len(v.Toks); n++ {
		switch v.Toks[t].Low {
		case ",", "and":
			t++
			continue
		case "of":
			if c := d.countryAfter(s, t+1); c != "" {
				t += 2 // the country the name holds office in, read by personOf
				continue
			}
		}
		k := -1
		for j := range d.mentions[s] {
			if x := &d.mentions[s][j]; x.T0 == t && x.Form == formProper {
				k, t = d.personMention(x), x.T1
			}
		}
		if k < 0 {
			return
		}
		if e := &d.entities[k]; e.Role == "" {
			e.Role = role
			e.Leader = d.entities[d.mentions[s][first].Entity].Leader
		}
	}
}

// apposedPlurals are the plural nouns for office holders a list of names
// is apposed to (lexicon/apposed-plurals.txt).
var apposedPlurals = pkgLex.words("apposed-plurals.txt")
