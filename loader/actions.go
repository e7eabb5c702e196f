package loader

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// sentCtx is one sentence prepared for reading actions: for each token the
// outermost mention that covers it (-1 for none).
type sentCtx struct {
	d    *document
	s    int
	toks []token
	ms   []mention
	at   []int
}

// sentCtx returns sentence s prepared for reading relations. The contexts
// are made once, after coreference, and shared by every stage that reads
// relations: those stages leave the mentions as they are.
func (d *document) sentCtx(s int) *sentCtx {
	if d.ctxs == nil {
		d.ws.ctxs = resize(d.ws.ctxs, len(d.sents))
		d.ctxs = d.ws.ctxs
		n := 0
		for _, v := range d.views {
			n += len(v.Toks)
		}
		d.ws.ats = resize(d.ws.ats, n)
		ats := d.ws.ats
		for i, v := range d.views {
			d.ctxs[i].at, ats = ats[:len(v.Toks):len(v.Toks)], ats[len(v.Toks):]
		}
	}
	c := &d.ctxs[s]
	if c.d != nil {
		return c
	}
	*c = sentCtx{d: d, s: s, toks: d.views[s].Toks, ms: d.mentions[s], at: c.at}
	for i := range c.at {
		c.at[i] = -1
	}
	for a := range c.ms {
		x := &c.ms[a]
		if x.Modifier || x.Entity < 0 && x.Form != formPlural {
			continue
		}
		for k := x.T0; k < x.T1 && k < len(c.at); k++ {
			if b := c.at[k]; b < 0 || c.ms[b].T1-c.ms[b].T0 < x.T1-x.T0 {
				c.at[k] = a
			}
		}
	}
	return c
}

// actions reads the action relations of sentence s from the trigger
// frames and the special constructions.
func (d *document) actions(s int) {
	c := d.sentCtx(s)
	for i := 0; i < len(c.toks); i++ {
		if c.toks[i].Lex&lexFrame == 0 {
			c.special(i)
			c.implied(i)
			continue
		}
		for _, fi := range d.p.byFirst[c.toks[i].Low] {
			fr := &d.p.frames[fi]
			if end, ok := c.match(fr, i); ok {
				c.apply(fr, i, end)
			}
		}
		c.special(i)
		c.implied(i)
	}
}

// match reports whether frame fr matches at token i, and where it ends.
func (c *sentCtx) match(fr *frame, i int) (int, bool) {
	if !fr.Noun && i > 0 && isDeterminer(c.toks[i-1]) && fr.Obj == objDirect {
		return 0, false // "the call", "a visit": a noun, not the verb
	}
	if a := c.at[i]; a >= 0 && c.ms[a].Form == formProper {
		return 0, false // part of a name
	}
	k := i + 1
	for _, alts := range fr.Words[1:] {
		if alts[0] == "*" {
			continue
		}
		found := false
		for n := 0; k < len(c.toks) && n < 6; n++ {
			if hasString(alts, c.toks[k].Low) {
				found = true
				break
			}
			if e := c.dateAdjunctEnd(k); e > k {
				k = e // "travel on Wednesday to …", "flew last week to …"
				continue
			}
			if !c.toks[k].Word || !isSkippable(fr, alts) {
				break
			}
			k++
		}
		if !found {
			return 0, false
		}
		k++
	}
	if k < len(c.toks) && hasString(fr.Not, c.toks[k].Low) {
		return 0, false
	}
	if len(fr.Needs) > 0 && !c.d.sentenceHas(c.s, fr.needs) {
		return 0, false
	}
	if len(fr.Unless) > 0 && c.d.sentenceHas(c.s, fr.unless) {
		return 0, false
	}
	if fr.Rel == schema.Called && c.naming(i) {
		return 0, false
	}
	return k, true
}

// naming reports whether the verb at i names rather than phones: "what
// he called a cowardly act", "what Lima called 'a provocation'", the
// "so-called" corridor, or "called" right before a quotation.
func (c *sentCtx) naming(i int) bool {
	if i+1 < len(c.toks) && isQuoteMark(c.toks[i+1].Text) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch c.toks[k].Low {
		case "what", "so", "so-called":
			return true
		case "when", "after", "before", "as", "and", "who", "that":
			return false
		}
		if !c.toks[k].Word {
			return false
		}
	}
	return false
}

// dateAdjunctEnd returns the end of the date that starts at token k,
// with the preposition before it ("on Wednesday", "next month"), or -1.
func (c *sentCtx) dateAdjunctEnd(k int) int {
	start := k
	switch c.toks[k].Low {
	case "on", "in", "by", "early", "late", "later":
		start = k + 1
	}
	for _, de := range c.d.dates[c.s] {
		if de.T0 == start || de.T0 == k {
			return de.T1
		}
	}
	return -1
}

// isSkippable reports whether words may stand between a frame's words.
func isSkippable(fr *frame, alts []string) bool {
	for _, w := range fr.Words {
		if w[0] == "*" {
			return true
		}
	}
	return len(alts) > 0 && (alts[0] == "talks" || alts[0] == "call" || alts[0] == "part")
}

// isDeterminer reports whether t makes the next word a noun.
func isDeterminer(t token) bool {
	switch t.Low {
	case "the", "a", "an", "his", "her", "their", "its", "this", "that", "'s", "'", "our",
		"phone", "telephone", "first", "return", "state", "official", "working":
		return true
	}
	// A length: "two-day", "three-week", "48-hour".
	_, unit, ok := strings.Cut(t.Low, "-")
	return ok && (unit == "day" || unit == "week" || unit == "hour" || unit == "month" ||
		unit == "year")
}

// apply reads the subjects and objects of a matched frame and records the
// relations.
func (c *sentCtx) apply(fr *frame, i, end int) {
	rel := fr.Rel
	var subj, obj []int
	invitedTo := false
	passive := fr.Obj == objDirect && !fr.Noun && c.isPassive(i)
	switch {
	case passive:
		subj = c.byAgent(end)
		obj = c.entities(c.patientLeft(i, fr.Kind), fr.Kind)
		if len(subj) == 0 {
			if rel != schema.Invited {
				return
			}
			subj = c.entities(c.sayer(), argActor)
		}
	default:
		if fr.Noun {
			subj = c.entities(c.possessor(i), argActor)
		}
		if len(subj) == 0 && strings.HasSuffix(c.toks[i].Low, "ing") && i > 0 &&
			c.toks[i-1].Text == "," {
			subj = c.entities(c.mainSubject(i), argActor) // ", denouncing the attack"
		}
		if len(subj) == 0 && strings.HasSuffix(c.toks[i].Low, "ing") && i > 1 &&
			(c.toks[i-1].Low == "of" || c.toks[i-1].Low == "for") {
			// "accused Washington of backing Israel": the accused acts.
			if a := c.endingAt(i - 1); a >= 0 && c.isActor(&c.ms[a]) {
				subj = c.entities([]int{a}, argActor)
			} else if c.at[i-2] < 0 {
				return
			}
		}
		if len(subj) == 0 {
			var invited []int
			invited, invitedTo = c.infinitiveSubject(i) // what one is invited to do is a plan
			if invitedTo && len(invited) == 0 {
				return
			}
			subj = c.entities(invited, argActor)
		}
		if len(subj) == 0 {
			subj = c.entities(c.subjectLeft(i), argActor)
		}
		obj = c.object(fr, i, end)
		subj = append(subj, c.alongside(rel, i, end)...)
	}
	if fr.Reverse {
		subj, obj = obj, subj
	}
	if rel == schema.Met && c.processTalks(i, end) {
		return // "opened accession talks with the EU": a process, not a meeting
	}
	if rel == schema.Attended && strings.HasPrefix(c.toks[i].Low, "host") {
		subj = c.people(subj) // a country that hosts a summit is where it is, not a guest
	}
	if len(subj) == 0 || c.negated(i, rel) {
		return
	}
	if fr.Urge && c.urged(obj) {
		return
	}
	if fr.Away {
		if obj = c.awayFrom(subj, obj); len(obj) == 0 {
			return
		}
	}
	planned := c.planned(i) || invitedTo
	conf := fr.Conf
	if len(obj) == 0 && rel == schema.Condemned && end < len(c.toks) && c.toks[end].Low == "it" {
		obj = c.lastMishap() // "Japan's chief cabinet secretary also condemned it"
	}
	if len(obj) == 0 {
		if fr.Obj == objDirect && !passive && c.hasObjectPhrase(end) {
			return // an object the article names with common nouns only
		}
		obj = c.d.defaultObject(rel, subj, c.s, fr.Intransitive || passive)
		conf -= 0.2
	}
	c.record(rel, subj, obj, i, planned, conf)
	if rel == schema.Met {
		c.metAtEvent(subj, obj, i, end, planned)
	}
	if rel == schema.Invited && !passive {
		c.invitedToPlace(subj, obj, end) // "invited Weber to Dublin": a visit to come
	}
	if !planned {
		c.visitedWhere(rel, subj, end)
		if rel == schema.Met {
			c.visitedWhere(rel, obj, end) // "received Sandvik in Santiago"
		}
	}
}

// urged reports whether "to" or "for" follows the mentions of obj in the
// sentence: "called on Rivas to resign", "called on Rivas for restraint".
func (c *sentCtx) urged(obj []int) bool {
	for a := range c.ms {
		x := &c.ms[a]
		if hasInt(obj, x.Entity) && x.T1 < len(c.toks) &&
			(c.toks[x.T1].Low == "to" || c.toks[x.T1].Low == "for") {
			return true
		}
	}
	return false
}

// awayFrom returns the places of obj that lie outside the countries where
// subjects hold office: a trip to one's own country is going home.
func (c *sentCtx) awayFrom(subj, obj []int) []int {
	var out []int
	for _, o := range obj {
		home := false
		for _, s := range subj {
			code := c.d.entities[s].RoleCode
			home = home || code != "" && strings.EqualFold(code, c.d.entities[o].Code)
		}
		if !home {
			out = append(out, o)
		}
	}
	return out
}

// record adds the relation between every subject and object, turning a
// visit to an event into attendance, and remembers what defaults need.
func (c *sentCtx) record(rel schema.RelationType, subj, obj []int, i int, planned bool,
	conf float64) {
	if len(obj) == 0 {
		if (rel == schema.Met || rel == schema.Called) && len(subj) > 1 {
			obj = subj // "Aravena and Carvalho spoke by phone"
		} else {
			return
		}
	}
	date := c.date(i, dateOwners(rel, obj), planned)
	if planned {
		conf -= 0.1
	}
	for _, s := range subj {
		for _, o := range obj {
			r := rel
			if r == schema.Visited && c.d.entities[o].Type == schema.Event {
				r = schema.Attended
			}
			if r == schema.Attended && c.d.entities[o].Type != schema.Event {
				continue
			}
			if (r == schema.Met || r == schema.Called) && s > o && slices.Equal(subj, obj) {
				continue
			}
			c.d.addRel(r, s, o, c.s, date, planned, conf)
			c.d.remember(r, s, o)
		}
	}
}

// dateOwners returns the objects of a relation whose own dates are the
// action's too: one attends a summit on the summit's day, but condemns
// "the March 2 attack" on a day of its own, so the date written by the
// condemned event is the event's, not the condemnation's.
func dateOwners(rel schema.RelationType, obj []int) []int {
	if rel == schema.Condemned {
		return nil
	}
	return obj
}

// people returns the persons among entities ks.
func (c *sentCtx) people(ks []int) []int {
	var out []int
	for _, k := range ks {
		if c.d.entities[k].Type == schema.Person {
			out = append(out, k)
		}
	}
	return out
}

// processTalks reports whether the talks a MET frame matched between
// tokens i and end are a long process ("accession talks", "membership
// negotiations") rather than a meeting.
func (c *sentCtx) processTalks(i, end int) bool {
	for k := i; k < end && k < len(c.toks); k++ {
		switch c.toks[k].Low {
		case "accession", "membership":
			return true
		}
	}
	return i > 0 && (c.toks[i-1].Low == "accession" || c.toks[i-1].Low == "membership")
}
