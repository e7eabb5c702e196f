package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// giveVerbs offer something (condolences, support) to someone.
var giveVerbs = pkgLex.words("give-verbs.txt")

// special reads the constructions that the frames do not: offered
// condolences and support, "at X's invitation", "be asked to", "is
// expected", a place "where" someone did something, and a sentence that
// opens with a meeting ("Meeting in Lima, A and B agreed").
func (c *sentCtx) special(i int) {
	switch c.toks[i].Low {
	case "condolences", "condolence", "sympathy", "sympathies":
		c.given(i, schema.Condoled, []string{"to", "with"})
	case "support", "backing", "solidarity":
		c.given(i, schema.Supported, []string{"to", "for", "with"})
	case "invitation":
		c.invitation(i)
	case "similar":
		c.similar(i)
	case "asked", "invited":
		c.askedTo(i)
	case "expected":
		c.expected(i)
	case "where":
		c.whereVisit(i)
	case "meeting", "talks":
		c.openingMeeting(i)
		c.between(i, schema.Met)
		c.afterTalks(i)
	case "meetings", "summit", "consultations":
		c.between(i, schema.Met)
	case "call", "calls", "conversation":
		c.between(i, schema.Called)
	case "hosted", "hosts", "hosting":
		c.hosted(i)
	case "was", "is", "were", "are":
		c.wasIn(i)
	}
}

// between reads "a call between A and B", "talks between A and B": the
// ones named met (or called) one another. A conversation is a call when
// it is by phone.
func (c *sentCtx) between(i int, rel schema.RelationType) {
	if i+2 >= len(c.toks) || c.toks[i+1].Low != "between" {
		return
	}
	if c.toks[i].Low == "conversation" && !c.d.sentenceHas(c.s, phoneWords) {
		return
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if revivalWords[c.toks[k].Low] {
			return // "agreed to revive stalled talks between A and B": none held
		}
	}
	a := c.at[i+2]
	if a < 0 {
		if i+3 >= len(c.toks) || c.toks[i+2].Low != "the" {
			return
		}
		a = c.at[i+3]
	}
	if a < 0 || !c.isActor(&c.ms[a]) {
		return
	}
	group := c.entities(c.group(a, argActor, true), argActor)
	if len(group) < 2 || c.negated(i, rel) {
		return
	}
	c.record(rel, group, group, i, c.planned(i), 0.7)
}

// similar reads "sent a similar cable to X" after a message of condolence
// or support: the new message carries what the last one did.
func (c *sentCtx) similar(i int) {
	if i < 2 || i+2 >= len(c.toks) || !giveVerbs[c.toks[i-2].Low] || !messageNouns[c.toks[i+1].Low] {
		return
	}
	rel := c.d.lastGiven(c.s)
	if rel == "" {
		return
	}
	subj := c.entities(c.subjectLeft(i-2), argActor)
	fr := &frame{Rel: rel, Obj: objAfter, Preps: []string{"to"}, Kind: argActor}
	obj := c.entities(c.objectAfter(fr, i+2), argActor)
	if len(subj) == 0 || len(obj) == 0 || c.negated(i-2, rel) {
		return
	}
	c.record(rel, subj, obj, i-2, c.planned(i-2), 0.6)
}

// messageNouns are what is sent to convey condolences or support.
var messageNouns = pkgLex.words("message-nouns.txt")

// lastGiven returns the type of the last condolence or support read
// before sentence s, or "".
func (d *document) lastGiven(s int) schema.RelationType {
	for k := len(d.rels) - 1; k >= 0; k-- {
		r := &d.rels[k]
		if r.Sent < s && (r.Type == schema.Condoled || r.Type == schema.Supported) {
			return r.Type
		}
	}
	return ""
}

// afterTalks reads "A and B signed the accord after four hours of talks":
// the people who act together after talks held them with one another.
func (c *sentCtx) afterTalks(i int) {
	k := i - 1
	for ; k >= 0 && k >= i-5; k-- {
		w := c.toks[k]
		if w.Low == "after" || w.Low == "following" {
			break
		}
		if !w.Word || w.Cap || c.at[k] >= 0 {
			return // "after talks with X", "after the Lima talks": someone else's
		}
	}
	if k < 1 || k < i-5 || i+1 < len(c.toks) && c.toks[i+1].Low == "with" {
		return
	}
	group := c.people(c.entities(c.subjectLeft(k), argActor))
	if len(group) < 2 {
		return
	}
	c.record(schema.Met, group, group, i, c.planned(k), 0.6)
}

// phoneWords mark a sentence about a telephone call.
var phoneWords = pkgLex.words("phone-words.txt")

// given reads "conveyed his condolences to X" and "offered full support to
// X": the verb's subject gives the noun at i to the object.
func (c *sentCtx) given(i int, rel schema.RelationType, preps []string) {
	verb := -1
	lo := i - 5
	for k := i - 1; k >= 0 && k >= lo; k-- {
		if giveVerbs[c.toks[k].Low] {
			verb = k
			break
		}
		if a := c.endingAt(k); c.toks[k].isPossessive() && a >= 0 && c.isActor(&c.ms[a]) {
			k = c.ms[a].T0 // "pledged Chile's support": the country's, the speaker's act
			continue
		}
		if c.toks[k].isPossessive() && k > 0 && c.at[k-1] < 0 && c.toks[k-1].Word &&
			!c.toks[k-1].Cap {
			continue // "promised the bloc's full backing"
		}
		if isQuoteMark(c.toks[k].Text) {
			lo-- // "conveyed ASEAN's \"firm support\"": the marks are no words
			continue
		}
		if a := c.at[k]; !c.toks[k].Word || a >= 0 && c.ms[a].Form != formPronoun &&
			c.ms[a].Head != "their" {
			break
		}
	}
	if verb < 0 {
		c.givenPassive(i, rel, preps)
		return
	}
	subj := c.entities(c.subjectLeft(verb), argActor)
	if len(subj) == 0 || c.negated(verb, rel) {
		return
	}
	fr := &frame{Rel: rel, Obj: objAfter, Preps: preps, Kind: argActor}
	obj := c.entities(c.objectAfter(fr, i+1), argActor)
	conf := 0.8
	if len(obj) == 0 {
		obj = c.d.defaultObject(rel, subj, c.s, true)
		conf = 0.6
	}
	c.record(rel, subj, obj, verb, c.planned(verb), conf)
}

// givenPassive reads "condolences were conveyed to X by Y" and "support
// was pledged to X by Y and by Z": the agents give the noun at i to the
// object.
func (c *sentCtx) givenPassive(i int, rel schema.RelationType, preps []string) {
	verb := -1
	for k := i + 1; k < len(c.toks) && k <= i+4; k++ {
		if w := c.toks[k].Low; giveVerbs[w] && strings.HasSuffix(w, "ed") && c.isPassive(k) {
			verb = k
			break
		}
	}
	if verb < 0 || c.negated(verb, rel) {
		return
	}
	subj := c.byAgent(verb + 1)
	if len(subj) == 0 {
		return
	}
	fr := &frame{Rel: rel, Obj: objAfter, Preps: preps, Kind: argActor}
	obj := c.entities(c.objectAfter(fr, verb+1), argActor)
	if len(obj) == 0 {
		return
	}
	c.record(rel, subj, obj, verb, c.planned(verb), 0.7)
}

// invitation reads "at X's invitation", "at the invitation of X" and
// "an invitation from X": X invited the subject of the clause, or the one
// the invitation was handed to ("handed Moreau an invitation from X").
func (c *sentCtx) invitation(i int) {
	var host []int
	if i >= 2 && c.toks[i-1].isPossessive() {
		if a := c.endingAt(i - 1); a >= 0 && c.isActor(&c.ms[a]) {
			host = []int{a}
		}
	} else if i+1 < len(c.toks) && (c.toks[i+1].Low == "of" || c.toks[i+1].Low == "from") {
		for k := i + 2; k < len(c.toks) && k < i+5; k++ {
			if a := c.at[k]; a >= 0 && c.isActor(&c.ms[a]) {
				host = []int{a}
				break
			}
		}
	}
	if len(host) == 0 {
		return
	}
	guest := c.entities(c.handedTo(i), argActor)
	if len(guest) == 0 {
		guest = c.entities(c.invitationTo(i), argActor)
	}
	if len(guest) == 0 {
		guest = c.entities(c.subjectLeft(i), argActor)
	}
	if c.negated(i, schema.Invited) {
		return // "declined an invitation from X" is no negation (refusedInvitation)
	}
	c.record(schema.Invited, c.entities(host, argActor), guest, i, false, 0.75)
}

// invitationTo returns the guest named after "to" in "an invitation
// from X to Y" ("conveyed an invitation from President X to the King to
// visit Beirut"), or nil. The "to" must follow the host's name at once, so
// that "to visit" is no guest.
func (c *sentCtx) invitationTo(i int) []int {
	if i+1 >= len(c.toks) || c.toks[i+1].Low != "of" && c.toks[i+1].Low != "from" {
		return nil
	}
	for k := i + 2; k < len(c.toks) && k < i+6; k++ {
		a := c.at[k]
		if a < 0 {
			continue
		}
		e := c.ms[a].T1
		if e+1 >= len(c.toks) || c.toks[e].Low != "to" {
			return nil
		}
		b := c.at[e+1]
		if b < 0 && c.toks[e+1].Low == "the" && e+2 < len(c.toks) {
			b = c.at[e+2]
		}
		if b >= 0 && c.isActor(&c.ms[b]) {
			return []int{b}
		}
		return nil
	}
	return nil
}

// handedTo returns the one an invitation at token i was given to, named
// between a verb of giving and the noun phrase ("handed Sánchez an
// invitation", "gave the premier an invitation"), or nil.
func (c *sentCtx) handedTo(i int) []int {
	k := i - 1
	for k > 0 && i-k <= 2 && isDeterminer(c.toks[k]) {
		k--
	}
	a := c.at[k]
	if a < 0 || c.ms[a].T1 != k+1 || !c.isActor(&c.ms[a]) || c.ms[a].T0 == 0 {
		return nil
	}
	if handingVerbs[c.toks[c.ms[a].T0-1].Low] {
		return []int{a}
	}
	return nil
}

// askedTo reads an agentless "would be asked to the gathering" or "was
// invited to": the one who reports it invites ("Aravena said … the heads
// of Peru and Bolivia are to be asked to the forum as well").
func (c *sentCtx) askedTo(i int) {
	if !c.isPassive(i) || i+1 >= len(c.toks) || c.toks[i+1].Low != "to" {
		return
	}
	if c.toks[i].Low == "invited" {
		return // read by the INVITED frame
	}
	guests := c.entities(c.subjectLeft(i), argActor)
	// "… were asked to the forum, among them WHO Director-General Ana Reyes".
	for k := i; k+2 < len(c.toks); k++ {
		if c.toks[k].Low == "among" && c.toks[k+1].Low == "them" {
			if a := c.at[k+2]; a >= 0 && c.isActor(&c.ms[a]) {
				guests = append(guests, c.entities(c.groupRight(a, argActor), argActor)...)
			}
		}
	}
	host := c.entities(c.sayer(), argActor)
	if len(host) == 0 || len(guests) == 0 {
		return
	}
	c.record(schema.Invited, host, guests, i, c.planned(i), 0.6)
}

// expected reads "X is also expected" at the end of a clause: X is to
// attend the article's main event.
func (c *sentCtx) expected(i int) {
	if i+1 < len(c.toks) && c.toks[i+1].Word {
		return
	}
	be := false
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if w := c.toks[k].Low; w == "is" || w == "are" || w == "was" || w == "were" {
			be = true
		}
	}
	if !be {
		return
	}
	subj := c.entities(c.subjectLeft(i), argActor)
	if ev := c.d.mainEvent(); ev >= 0 && len(subj) > 0 {
		c.record(schema.Attended, subj, []int{ev}, i, true, 0.6)
	}
}

// openingMeeting reads a sentence that opens with a meeting, the noun at
// token i: "Meeting in Lima, he and Aravena agreed …", "At their talks in
// Hanoi on Friday, the two leaders …", "Meeting Sandvik in Oslo, Aravena
// said …", "During talks with Dahl, Berg pledged …". The subject of the
// main clause, after the opening phrase, met whoever the phrase names (as
// the participle's object or after "with"); when it names no one, the
// members of a plural subject met one another.
func (c *sentCtx) openingMeeting(i int) {
	if i > 0 {
		switch c.toks[0].Low {
		case "at", "during", "after", "in":
		default:
			return
		}
		for k := 1; k < i; k++ {
			if !isDeterminer(c.toks[k]) {
				return // "At the summit talks": only "the", "their", … between
			}
		}
	} else if !c.toks[0].Cap {
		return
	}
	comma := -1
	for k := i + 1; k < len(c.toks) && k < i+25; k++ {
		if t := c.toks[k].Text; t == "," {
			comma = k
			break
		} else if t == ";" || t == "." {
			return
		}
	}
	if comma < 0 || comma+1 >= len(c.toks) {
		return
	}
	a := c.at[comma+1]
	if a < 0 || c.ms[a].T0 != comma+1 || !c.isActor(&c.ms[a]) {
		return
	}
	subj := c.entities(c.group(a, argActor, true), argActor)
	var other []int
	for k := i + 1; k < comma; k++ {
		b := c.at[k]
		if b < 0 || !c.isActor(&c.ms[b]) || c.ms[b].T0 != k {
			continue
		}
		if i == 0 && k == i+1 || c.toks[k-1].Low == "with" {
			other = c.entities(c.groupRight(b, argActor), argActor)
		}
		break
	}
	switch {
	case len(other) > 0:
		c.record(schema.Met, subj, other, i, false, 0.7)
	case len(subj) > 1:
		c.record(schema.Met, subj, subj, i, false, 0.7)
	}
}

// handingVerbs are verbs of handing something over
// (lexicon/handing-verbs.txt); revivalWords say talks are not held now
// (lexicon/revival-words.txt).
var (
	handingVerbs = pkgLex.words("handing-verbs.txt")
	revivalWords = pkgLex.words("revival-words.txt")
)
