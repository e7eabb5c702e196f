package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// implied reads actions that a construction implies without a verb of
// its own: "Oman was represented by X" at a gathering (X attended it),
// "during a phone call" (the subject called the one addressed), "the
// trip took him to X" (he visited X) and "an invitation from X" (X
// invited the one who got it).
func (c *sentCtx) implied(i int) {
	switch c.toks[i].Low {
	case "represented":
		c.representedAt(i)
	case "call", "conversation":
		c.duringCall(i)
	case "took", "takes", "take", "brought", "brings":
		c.tookTo(i)
		c.broughtTogether(i)
	case "attending", "present", "attendees", "participants":
		c.amongAttending(i)
	case "for":
		c.travelFor(i)
	case "signing":
		c.signingBy(i)
	}
}

// signingBy reads "watched the signing of a protocol … by X and Y":
// the ones after "by" signed the agreement, whoever watched.
func (c *sentCtx) signingBy(i int) {
	if i+2 >= len(c.toks) || c.toks[i+1].Low != "of" {
		return
	}
	for k := i + 2; k < len(c.toks) && k < i+6; k++ {
		a := c.at[k]
		if a < 0 {
			continue
		}
		if c.typ(a) != schema.Agreement {
			return
		}
		subj := c.byAgent(c.ms[a].T1)
		if len(subj) == 0 || c.negated(i, schema.Signed) {
			return
		}
		c.record(schema.Signed, subj, []int{c.ms[a].Entity}, i, c.planned(i), 0.65)
		return
	}
}

// amongAttending reads "Among those attending were A, B and C" and "Also
// present were A and B": the ones listed attended the article's gathering.
func (c *sentCtx) amongAttending(i int) {
	k := i + 1
	if k < len(c.toks) && (c.toks[k].Low == "the" || c.toks[k].Low == "at") {
		return // "present at the talks": read by other rules
	}
	if k >= len(c.toks) || !hasString([]string{"were", "was", "included", "include"}, c.toks[k].Low) {
		return
	}
	lead := false
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if hasString([]string{"among", "those", "also", "the"}, c.toks[j].Low) {
			lead = true
		}
	}
	ev := c.d.mainEvent()
	if !lead || ev < 0 || !isGathering(c.d.entities[ev].Kind) || k+1 >= len(c.toks) {
		return
	}
	a := c.at[k+1]
	if a < 0 || c.ms[a].T0 != k+1 || !c.isActor(&c.ms[a]) {
		return
	}
	c.record(schema.Attended, c.entities(c.groupRight(a, argActor), argActor), []int{ev}, i,
		c.planned(i), 0.6)
}

// representedAt reads "Myanmar was represented by X": at an article about
// a gathering, the representative attended it.
func (c *sentCtx) representedAt(i int) {
	by := i + 1
	if by < len(c.toks) && c.toks[by].Low == "there" {
		by++ // "Syria was represented there by X"
	}
	if by+1 >= len(c.toks) || c.toks[by].Low != "by" || !c.isPassive(i) {
		return
	}
	ev := c.gatheringBefore(i) // "did not attend the 9th congress …; Bolivia was represented there by"
	if ev < 0 {
		ev = c.d.mainEvent()
	}
	if ev < 0 || !isGathering(c.d.entities[ev].Kind) {
		return
	}
	subj := c.byAgent(i + 1)
	var people []int
	for _, k := range subj {
		if c.d.entities[k].Type == schema.Person {
			people = append(people, k)
		}
	}
	if len(people) == 0 || c.negated(i, schema.Attended) {
		return
	}
	c.record(schema.Attended, people, []int{ev}, i, c.planned(i), 0.6)
}

// duringCall reads "X urged Y to … during a phone call": the subject of
// the clause called the first actor after it.
func (c *sentCtx) duringCall(i int) {
	k := i - 1
	for k > 0 && i-k <= 3 && c.toks[k].Low != "during" && c.toks[k].Low != "in" {
		k--
	}
	if k <= 0 || c.toks[k].Low != "during" && c.toks[k].Low != "in" {
		return
	}
	if !c.d.sentenceHas(c.s, phoneWords) || c.toks[i].Low == "conversation" &&
		!c.d.sentenceHas(c.s, phoneOnly) {
		return
	}
	subjM := c.mainSubject(k)
	if len(subjM) == 0 {
		return
	}
	last := subjM[len(subjM)-1]
	for _, a := range subjM {
		if c.ms[a].T1 > c.ms[last].T1 {
			last = a
		}
	}
	var obj []int
	for t := c.ms[last].T1 + 1; t < k; t++ {
		if a := c.at[t]; a >= 0 && c.ms[a].T0 == t && c.isActor(&c.ms[a]) {
			obj = c.entities(c.groupRight(a, argActor), argActor)
			break
		}
		if tt := c.toks[t].Text; tt == ";" || tt == "," && c.toks[t-1].Low == "said" {
			return
		}
	}
	subj := c.entities(subjM, argActor)
	if len(obj) == 0 || len(subj) == 0 || c.negated(k, schema.Called) {
		return
	}
	c.record(schema.Called, subj, obj, i, c.planned(k), 0.65)
}

// phoneOnly marks a conversation as a telephone one.
var phoneOnly = map[string]bool{"phone": true, "telephone": true, "video": true}

// tookTo reads "Burhan's first trip abroad took him to El Alamein": a
// trip or tour that takes someone somewhere is his visit there.
func (c *sentCtx) tookTo(i int) {
	if i+2 >= len(c.toks) || c.toks[i+2].Low != "to" {
		return
	}
	trip := -1
	for k := i - 1; k >= 0 && k >= i-6 && trip < 0; k-- {
		switch c.toks[k].Low {
		case "trip", "tour", "visit", "journey", "travels", "mission":
			trip = k
		}
	}
	p := c.at[i+1]
	if trip < 0 || p < 0 || c.ms[p].Form != formPronoun || c.ms[p].Entity < 0 {
		return
	}
	who := c.ms[p].Entity
	if own := c.entities(c.possessor(trip), argPerson); len(own) == 1 {
		who = own[0] // "Ruto's first trip took him": him is Ruto
	}
	if c.d.entities[who].Type != schema.Person {
		return
	}
	fr := &frame{Rel: schema.Visited, Obj: objAfter, Preps: []string{"to"}, Kind: argPlace}
	obj := c.entities(c.objectAfter(fr, i+2), argPlace)
	if len(obj) == 0 || c.negated(i, schema.Visited) {
		return
	}
	c.record(schema.Visited, []int{who}, obj, i, c.planned(i), 0.65)
}

// controlVerbs make their object the doer of the infinitive after it:
// "invited Modi to visit Russia", "urged Y to attend".
var controlVerbs = pkgLex.words("control-verbs.txt")

// infinitiveSubject returns who does the verb at token i when it is (or
// is the noun of) an infinitive governed by an invitation: the one invited
// ("invited Okonkwo to visit Chile", "invited Varga to pay a state visit
// to Portugal", "handed X an invitation from Y to visit Lima"). It
// reports whether the infinitive is so governed: when it is and the one
// invited is not known, the action has no subject the text gives.
func (c *sentCtx) infinitiveSubject(i int) ([]int, bool) {
	to := -1
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if c.toks[k].Low == "to" {
			to = k
			break
		}
		if !c.toks[k].Word || c.at[k] >= 0 {
			return nil, false
		}
	}
	if to < 1 || to < i-1 && !infinitiveVerbs[c.toks[to+1].Low] {
		return nil, false // "to" + verb + noun: "to pay a visit", "to make a trip"
	}
	for k := to - 1; k >= 0 && k >= to-12; k-- {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." {
			return nil, false
		}
		if t.Low == "invitation" {
			guest := c.handedTo(k)
			if len(guest) == 0 {
				guest = c.invitationTo(k)
			}
			if len(guest) == 0 && k+1 < to && c.toks[k+1].Low == "to" {
				// "extended an invitation to X to visit": X is the guest,
				// or someone unnamed ("to his host to attend").
				return c.guestAfter(k+1, to), true
			}
			return guest, len(guest) > 0
		}
		if controlVerbs[t.Low] && k == to-1 {
			return nil, false // "asked to visit": the subject's own act
		}
		if controlVerbs[t.Low] {
			return nil, true // "invited the Grand Duke to visit": an object not known
		}
		a := c.at[k]
		if a < 0 || c.ms[a].T1 != k+1 || c.ms[a].T0 == 0 || !c.isActor(&c.ms[a]) {
			continue
		}
		switch before := c.toks[c.ms[a].T0-1].Low; {
		case controlVerbs[before]:
			return c.groupRight(a, argActor), true
		case before == "from" || before == "of" || before == "to":
			// "an invitation from King X to visit", "an invitation from X
			// to Y to visit": read on to the invitation.
			k = c.ms[a].T0 - 1
			continue
		}
		return nil, false
	}
	return nil, false
}

// infinitiveVerbs take a visit or a trip as their object in an infinitive
// ("to pay a visit", "to undertake a working visit").
var infinitiveVerbs = pkgLex.words("infinitive-verbs.txt")

// metAtEvent reads "expected to meet Y at the BIMSTEC summit": both sides
// of a meeting held at a gathering attend it.
func (c *sentCtx) metAtEvent(subj, obj []int, i, end int, planned bool) {
	for k := end; k+1 < len(c.toks) && k < end+12; k++ {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." || t.Text == "," {
			return
		}
		if t.Low != "at" && t.Low != "on" || k+1 >= len(c.toks) {
			continue
		}
		j := k + 1
		if c.toks[j].Low == "the" || c.toks[j].Low == "a" {
			j++
		}
		if t.Low == "on" && (j >= len(c.toks) || c.toks[j].Low != "sidelines") {
			continue
		}
		if t.Low == "on" && j+2 < len(c.toks) && c.toks[j+1].Low == "of" {
			j += 2 // "on the sidelines of the summit"
			if c.toks[j].Low == "the" && j+1 < len(c.toks) {
				j++
			}
		}
		a := c.at[j]
		if a < 0 || c.typ(a) != schema.Event || !isGathering(c.d.entities[c.ms[a].Entity].Kind) {
			continue
		}
		ev := []int{c.ms[a].Entity}
		c.record(schema.Attended, subj, ev, i, planned, 0.6)
		c.record(schema.Attended, obj, ev, i, planned, 0.6)
		return
	}
}

// lastMishap returns the attack or disaster named last in this sentence or
// the three before it, which "it" stands for in "condemned it".
func (c *sentCtx) lastMishap() []int {
	for u := c.s; u >= 0 && u >= c.s-3; u-- {
		ms := c.d.mentions[u]
		best, at := -1, -1
		for j := range ms {
			x := &ms[j]
			if x.Entity < 0 {
				continue
			}
			e := &c.d.entities[x.Entity]
			if e.Type == schema.Event && isMishap(e.Kind) && x.T0 > at {
				best, at = x.Entity, x.T0
			}
		}
		if best >= 0 {
			return []int{best}
		}
	}
	return nil
}

// broughtTogether reads "The meeting of the NB8, hosted by Tsahkna,
// brought together A, B and C": those brought together attend the
// gathering that opens the sentence.
func (c *sentCtx) broughtTogether(i int) {
	if i+2 >= len(c.toks) || c.toks[i+1].Low != "together" {
		return
	}
	ev := -1
	for k := 0; k < i && ev < 0; k++ {
		if a := c.at[k]; a >= 0 && c.typ(a) == schema.Event {
			ev = c.ms[a].Entity
		}
	}
	a := c.at[i+2]
	if ev < 0 || a < 0 || c.ms[a].T0 != i+2 || !c.isActor(&c.ms[a]) {
		return
	}
	c.record(schema.Attended, c.entities(c.groupRight(a, argActor), argActor), []int{ev}, i,
		c.planned(i), 0.6)
}

// invitedToPlace reads "invited X to Dublin in July": the ones invited are
// to visit the place, a plan.
func (c *sentCtx) invitedToPlace(hosts, guests []int, end int) {
	var who []int
	for _, g := range guests {
		if !hasInt(hosts, g) && c.d.entities[g].Type == schema.Person {
			who = append(who, g)
		}
	}
	if len(who) == 0 || c.negated(end, schema.Visited) {
		return // "… but Mwangura cancelled his trip"
	}
	guests = who
	fr := &frame{Rel: schema.Visited, Obj: objAfter, Preps: []string{"to"}, Kind: argPlace}
	var places []int
	for _, p := range c.entities(c.objectAfter(fr, end), argPlace) {
		if t := c.d.entities[p].Type; t == schema.Place || t == schema.Country {
			places = append(places, p)
		}
	}
	if len(places) > 0 {
		c.record(schema.Visited, guests, places, end, true, 0.6)
	}
}

// gatheringBefore returns the gathering named last before token i in the
// sentence, or -1.
func (c *sentCtx) gatheringBefore(i int) int {
	ev := -1
	for k := 0; k < i; k++ {
		if a := c.at[k]; a >= 0 && c.typ(a) == schema.Event &&
			isGathering(c.d.entities[c.ms[a].Entity].Kind) {
			ev = c.ms[a].Entity
		}
	}
	return ev
}

// travelFor reads "will be in Port Vila for the 9th Melanesian Spearhead
// Group Leaders Summit" and "will travel to the capital for the gathering":
// who goes somewhere for a gathering attends it.
func (c *sentCtx) travelFor(i int) {
	if i+1 >= len(c.toks) {
		return
	}
	j := i + 1
	if c.toks[j].Low == "the" || c.toks[j].Low == "a" {
		j++
	}
	a := -1
	if j < len(c.toks) {
		a = c.at[j]
	}
	if a < 0 || c.typ(a) != schema.Event || !isGathering(c.d.entities[c.ms[a].Entity].Kind) {
		return
	}
	if e := c.ms[a].T1; e+1 < len(c.toks) && c.toks[e].Text == "," {
		// "for the meeting, the 13th Annual Consultation": the apposed name
		if b := c.at[e+1]; b < 0 && e+2 < len(c.toks) && c.toks[e+1].Low == "the" {
			if b = c.at[e+2]; b >= 0 && c.typ(b) == schema.Event {
				a = b
			}
		} else if b >= 0 && c.typ(b) == schema.Event {
			a = b
		}
	}
	verb := -1
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if t := c.toks[k]; t.Text == "," || t.Text == ";" {
			break
		}
		if travelVerbs[c.toks[k].Low] {
			verb = k
		}
	}
	if verb < 0 || c.negated(verb, schema.Attended) {
		return
	}
	subj := c.entities(c.subjectLeft(verb), argActor)
	if len(subj) == 0 {
		return
	}
	c.record(schema.Attended, c.people(subj), []int{c.ms[a].Entity}, verb, c.planned(verb),
		0.6)
}

// guestAfter returns the actor named right after the "to" at k of "an
// invitation to X to visit", if its mention ends before token end.
func (c *sentCtx) guestAfter(k, end int) []int {
	for j := k + 1; j < end && j <= k+2; j++ {
		if a := c.at[j]; a >= 0 && c.ms[a].T1 <= end && c.isActor(&c.ms[a]) {
			return []int{a}
		}
	}
	return nil
}

// travelVerbs are verbs of going somewhere (lexicon/travel-verbs.txt).
var travelVerbs = pkgLex.words("travel-verbs.txt")
