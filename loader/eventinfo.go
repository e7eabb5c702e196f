package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// hasRel reports whether a relation of type t from src is already read.
func (d *document) hasRel(t schema.RelationType, src int) bool {
	return d.relSeen[relSrc{t, src}]
}

// fallbackPlaces gives a gathering with no place read the place named with
// it in the sentence of its first mention ("signed the pact … in Apia,
// … on the sidelines of the regional summit").
func (d *document) fallbackPlaces() {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Event || e.Dropped || d.hasRel(schema.OccurredIn, k) {
			continue
		}
		if isMishap(e.Kind) {
			if p := d.placeInName(k); p >= 0 { // "the Omdurman market attack"
				d.addRel(schema.OccurredIn, k, p, e.Mentions[0].Sent, "", false, 0.6)
			} else if c := d.struckCountry(e.Mentions[0]); c >= 0 {
				// "stood by Ecuador after landslides in the south"
				d.addRel(schema.OccurredIn, k, c, e.Mentions[0].Sent, "", false, 0.4)
			}
			continue
		}
		if !isGathering(e.Kind) {
			continue
		}
		for _, r := range e.Mentions {
			if d.m(r).Form == formPronoun {
				continue
			}
			c := d.sentCtx(r.Sent)
			if p := c.firstPlace(d.m(r).T0); p >= 0 {
				d.addRel(schema.OccurredIn, k, p, r.Sent, "", false, 0.5)
			}
			break
		}
	}
}

// firstPlace returns the entity of the first place named after "in", "at"
// or "to" before token end, with no other event between, or -1.
func (c *sentCtx) firstPlace(end int) int {
	place := -1
	for k := 0; k < end; k++ {
		if c.typ(c.at[k]) == schema.Event {
			place = -1 // that place was the other event's
			continue
		}
		switch c.toks[k].Low {
		case "in", "at", "to", "outside", "near":
		default:
			continue
		}
		if place >= 0 {
			continue
		}
		if p := c.placeAfter(k); p >= 0 {
			if e := c.ms[p].Entity; c.d.entities[e].Type == schema.Place {
				place = e
			}
		}
	}
	return place
}

// eventDates dates each event: the date written by one of its mentions
// (the most precise of them when they agree: "this year" and "on Sunday"
// date the same bombing), else the date of the event's own verb ("The
// blast hit the mine on Wednesday"), else the date a sentence opening gives
// ("Two years later, Osaka will host the expo"), else for a gathering the
// date the story is at.
func (d *document) eventDates() {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Event || e.Dropped || isDay(e.Date) {
			continue
		}
		for _, r := range e.Mentions {
			if m := d.m(r); m.Form != formPronoun && !isDay(e.Date) {
				e.Date = finerDate(e.Date, d.attachedDate(r, m))
			}
		}
		for _, r := range e.Mentions {
			if m := d.m(r); m.Form != formPronoun && !isDay(e.Date) {
				e.Date = finerDate(e.Date, d.eventVerbDate(r, m))
				e.Date = finerDate(e.Date, d.hostClauseDate(r, m))
			}
		}
		if e.Date != "" {
			continue
		}
		for _, r := range e.Mentions {
			// A date opening the sentence, unless a verb stands between
			// ("On Tuesday, Ferreira condemned the bombing": the condemnation's).
			if ds := d.dates[r.Sent]; len(ds) > 0 && ds[0].T0 <= 1 && !ds[0].Adjectival &&
				!(ds[0].T1 <= d.m(r).T0 && verbAdjunct(d.views[r.Sent].Toks, ds[0].T1, d.m(r).T0)) {
				e.Date = ds[0].Value
				break
			}
			if m := d.m(r); m.Form == formProper {
				if date := d.nearDate(r, m, 6); date != "" {
					e.Date = date
					break
				}
			}
		}
		if e.Date == "" && isGathering(e.Kind) {
			e.Date = d.storyEventDate(e)
		}
		if e.Date == "" {
			e.Date = d.toldDate(e, k)
		}
	}
}

// tellingVerbs are the verbs that tell an event of a kind happening, for
// an article that tells it with a verb and names it with a noun elsewhere
// ("the rebels shelled a village … Adeyemi condemned the shelling"; "condemned
// a raid … The convoy was attacked early on Friday").
var tellingVerbs = wordsByKey(pkgLex.pairs("telling-verbs.txt"))

// toldDeviation is how many sentences from an event's first naming the
// verb that tells it may stand: a lead names it, and the paragraph after
// the signing or the summit tells it.
const toldDeviation = 6

// toldDate returns the date of the verb that tells event k happening, in
// the sentence nearest its first naming that holds one: the date that
// sentence writes for the verb, if any (the day the story is at is often
// not the day of the attack it reacts to).
func (d *document) toldDate(e *entity, k int) string {
	verbs := tellingVerbs[e.Kind]
	if verbs == nil || len(e.Mentions) == 0 {
		return ""
	}
	s0 := e.Mentions[0].Sent
	coarse := ""
	for dev := 0; dev <= toldDeviation; dev++ {
		for _, s := range []int{s0 - dev, s0 + dev} {
			if s < 0 || s >= len(d.views) {
				continue
			}
			for i, t := range d.views[s].Toks {
				if !verbs[t.Low] {
					continue
				}
				// A verb with no date in its clause, or only a coarse one
				// ("soaked the valley last week"), leaves the day to a
				// later telling ("made landfall … last Thursday").
				date := d.clauseDate(s, i, k)
				if isDay(date) {
					return date
				}
				if coarse == "" {
					coarse = date
				}
			}
		}
	}
	return coarse
}

// clauseDate returns the date written in the clause of the verb at token
// i of sentence s, for event k: the nearest one with no comma, semicolon
// or conjunction between. A date across one is another verb's ("sent
// teams on Thursday as … after floods tore through …").
func (d *document) clauseDate(s, i, k int) string {
	toks := d.views[s].Toks
	best, bestDist := "", 1<<30
	for _, de := range d.dates[s] {
		// "memories of March 2015, when the cyclone hit": the clause
		// tells what happened at that date, bound to a noun as it is.
		when := de.T1+1 < i && toks[de.T1].Text == "," && toks[de.T1+1].Low == "when"
		if de.Value == "" || de.Adjectival && !when || d.ownedByOther(s, de, k) {
			continue
		}
		lo, hi := de.T1, i
		if de.T0 > i {
			lo, hi = i+1, de.T0
		} else if when {
			lo += 2
		}
		if crossesClause(toks[lo:hi]) {
			continue
		}
		if dist := hi - lo; dist < bestDist {
			best, bestDist = de.Value, dist
		}
	}
	return best
}

// crossesClause reports whether tokens hold a clause boundary. "after" and
// "before" are one, unless hours or minutes apart: "talks on Tuesday,
// hours after the rebels shelled the port" are on the same day.
func crossesClause(toks []token) bool {
	cross := false
	for k, t := range toks {
		switch t.Low {
		case "and":
			// "Eta and Iota": names joined, not clauses.
			cross = cross || k == 0 || k+1 >= len(toks) || !toks[k-1].Cap || !toks[k+1].Cap
		case ",", ";", "but", "as", "while", "since":
			cross = true
		case "after", "before":
			if k > 0 && sameDayLead[toks[k-1].Low] {
				return false
			}
			cross = true
		}
	}
	return cross
}

// sameDayLead are the words before "after" or "before" that keep two
// things on one day.
var sameDayLead = map[string]bool{"hours": true, "minutes": true, "shortly": true, "just": true}

// storyEventDate returns the date the story is at where a gathering the
// text does not date is first named, when it is named as done: the summit
// the news reports on is held on the days it tells ("Meredov attended the
// summit as an observer"). One named in the future tense ("will attend the
// summit") is not yet. An attack is not dated so: the news of the day is
// often the reactions to an earlier one.
func (d *document) storyEventDate(e *entity) string {
	for _, r := range e.Mentions {
		m := d.m(r)
		if m.Form == formPronoun {
			continue
		}
		if clauseTense(d.views[r.Sent], m.T0) == tenseFuture {
			return ""
		}
		return d.narrative(r.Sent)
	}
	return ""
}

// isDay reports whether an ISO date is precise to the day.
func isDay(date string) bool {
	return len(date) == len("2006-01-02")
}

// finerDate returns the more precise of two dates when one refines the
// other ("2025" and "2025-06-08"), else the first one found.
func finerDate(have, found string) string {
	if have == "" || len(found) > len(have) && strings.HasPrefix(found, have) {
		return found
	}
	return have
}

// eventVerbDate returns the date of the verb an event is the subject of:
// opening its sentence ("The blast hit the colliery …, shortly after 4 a.m.
// on Wednesday") or through a relative pronoun ("a car bombing that killed
// 31 people at a market on Sunday"). The verb must be an active past form:
// a passive ("The bombing was condemned on Monday") dates someone else's
// action. The date is the first one after the verb that no other event
// owns.
func (d *document) eventVerbDate(r ref, m *mention) string {
	toks := d.views[r.Sent].Toks
	k := m.T1
	if k < len(toks) && toks[k].Text == "," && k+1 < len(toks) && toks[k+1].Low == "which" {
		k++
	}
	if k < len(toks) && (toks[k].Low == "that" || toks[k].Low == "which") {
		k++
	} else if !d.opensSentence(r, m) {
		return ""
	}
	if k >= len(toks) || !activePast(toks, k) {
		return ""
	}
	for _, de := range d.dates[r.Sent] {
		if de.T0 <= k || de.Value == "" || de.Adjectival ||
			d.ownedByOther(r.Sent, de, m.Entity) {
			continue
		}
		for j := k; j < de.T0; j++ {
			if toks[j].Text == ";" {
				return ""
			}
		}
		return de.Value
	}
	return ""
}

// opensSentence reports whether mention m is the first thing its sentence
// names, after at most a determiner.
func (d *document) opensSentence(r ref, m *mention) bool {
	toks := d.views[r.Sent].Toks
	switch {
	case m.T0 == 0:
		return true
	case m.T0 == 1:
		return isDeterminer(toks[0])
	}
	return false
}

// activePast reports whether token k is a past verb in the active voice:
// a past form, not an auxiliary ("was", "had") that starts a passive or
// perfect, and not a reporting verb.
func activePast(toks []token, k int) bool {
	switch toks[k].Low {
	case "was", "were", "had", "did", "said", "told":
		return false
	}
	return happeningVerbs[toks[k].Low] || wordTense(toks, k) == tensePast
}

// happeningVerbs are past verbs that tell something happening
// (lexicon/happening-verbs.txt).
var happeningVerbs = pkgLex.words("happening-verbs.txt")

// signedAt adds attendance for the signers of an agreement adopted or
// signed at an event ("The Apia Declaration … was adopted at … the Ocean
// Summit"; "signed … on the sidelines of the regional forum").
func (d *document) signedAt() {
	at := map[int]int{} // agreement → event
	for s := range d.sents {
		c := d.sentCtx(s)
		agr, ev := -1, -1
		for a := range c.ms {
			x := &c.ms[a]
			if x.Modifier || x.Entity < 0 {
				continue
			}
			switch d.entities[x.Entity].Type {
			case schema.Agreement:
				if agr < 0 {
					agr = x.Entity
				}
			case schema.Event:
				if ev < 0 && agr >= 0 && x.T0 > 0 && c.hasWordBefore(x.T0, "at", "of", "during") {
					ev = x.Entity
				}
			}
		}
		if agr >= 0 && ev >= 0 && (d.sentenceHas(s, signWords) ||
			d.sentenceHas(s, map[string]bool{"adopted": true, "agreed": true})) {
			at[agr] = ev
		}
	}
	n := len(d.rels)
	for i := 0; i < n; i++ {
		r := d.rels[i]
		if r.Type != schema.Signed || d.entities[r.Src].Type != schema.Person {
			continue
		}
		if ev, ok := at[r.Dst]; ok {
			d.addRel(schema.Attended, r.Src, ev, r.Sent, r.Date, r.Planned, 0.6)
		}
	}
}

// hasWordBefore reports whether one of words stands within five tokens
// before token t.
func (c *sentCtx) hasWordBefore(t int, words ...string) bool {
	for k := t - 1; k >= 0 && k >= t-6; k-- {
		if hasString(words, c.toks[k].Low) {
			return true
		}
	}
	return false
}

// nearDate returns the nearest date within n words of a mention, commas
// or not ("on June 3, 2019, during the 9th Summit").
func (d *document) nearDate(r ref, m *mention, n int) string {
	best, bestDist := "", n+1
	for _, de := range d.dates[r.Sent] {
		if de.Value == "" || de.Adjectival || !de.counts(m.T0) {
			continue
		}
		dist := de.T0 - m.T1
		if de.T1 <= m.T0 {
			dist = m.T0 - de.T1
		}
		if dist >= 0 && dist < bestDist {
			best, bestDist = de.Value, dist
		}
	}
	return best
}

// verbAdjunct reports whether a date that ends at token lo, before an
// event noun at hi, times a verb rather than the noun. It dates the noun
// when it is a possessive ("Sunday's failed coup") or when only modifiers
// lie between ("the May 3 talks"), or a preposition of purpose or place
// ("flew in on Monday for the summit", "on Sunday in the attack"). A verb
// between ("on Monday condemned the bombing") or another preposition
// ("called on Sunday to offer condolences after the explosion") makes it
// the verb's.
func verbAdjunct(toks []token, lo, hi int) bool {
	if lo < len(toks) && (toks[lo].Low == "'s" || toks[lo].Low == "'") {
		return false
	}
	for k := lo; k < hi && k < len(toks); k++ {
		switch w := toks[k].Low; w {
		case "for", "at", "to", "in", "of":
		default:
			if prepositions[w] || wordTense(toks, k) != tenseNeutral {
				return true
			}
		}
	}
	return false
}

// ofDate reports whether a date bound to a noun by "of" is the event
// mention's own: inside it or right after it ("the earthquakes of February
// 6", "the summit of 2019").
func ofDate(toks []token, de dateExpr, m *mention) bool {
	if de.T0 < 1 || toks[de.T0-1].Low != "of" {
		return false
	}
	return de.T0 >= m.T0 && de.T1 <= m.T1 || de.T0 == m.T1+1
}

// placeInName returns the place named inside a mention of event k ("the
// Omdurman market attack", "the Hela landslide"), or -1.
func (d *document) placeInName(k int) int {
	for _, r := range d.entities[k].Mentions {
		m := d.m(r)
		for j := range d.mentions[r.Sent] {
			x := &d.mentions[r.Sent][j]
			if x.Entity < 0 || x.T0 < m.T0 || x.T1 > m.T1 || x.T1 >= m.T1 && x.T0 <= m.T0 {
				continue
			}
			if d.entities[x.Entity].Type == schema.Place {
				return x.Entity
			}
		}
	}
	return -1
}

// struckCountry returns the country named just before event mention r
// after a preposition ("behind Peru after the landslides", "to Nepal
// after the earthquake"), or -1: the country the event struck.
func (d *document) struckCountry(r ref) int {
	m := d.m(r)
	toks := d.views[r.Sent].Toks
	for j := range d.mentions[r.Sent] {
		x := &d.mentions[r.Sent][j]
		if x.Entity < 0 || x.Form != formProper || x.T1 > m.T0 || x.T1 < m.T0-3 || x.T0 == 0 ||
			d.entities[x.Entity].Type != schema.Country {
			continue
		}
		if prepositions[toks[x.T0-1].Low] || toks[x.T0-1].Low == "behind" {
			return x.Entity
		}
	}
	return -1
}

// hostVerbs are the verbs by which a relative clause tells when a
// gathering is held ("which Norway will host in Bergen on 4-5 June",
// "which is due to begin … on March 17").
var hostVerbs = pkgLex.words("host-verbs.txt")

// hostClauseDate returns the date a relative clause right after event
// mention m gives for its holding: the first date after a verb of hosting
// in the clause, which no other event owns.
func (d *document) hostClauseDate(r ref, m *mention) string {
	toks := d.views[r.Sent].Toks
	k := m.T1
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	if k >= len(toks) || toks[k].Low != "which" && toks[k].Low != "that" {
		return ""
	}
	host := -1
	for j := k + 1; j < len(toks) && toks[j].Text != "," && toks[j].Text != ";"; j++ {
		if hostVerbs[toks[j].Low] {
			host = j
			break
		}
	}
	if host < 0 {
		return ""
	}
	for _, de := range d.dates[r.Sent] {
		if de.T0 <= host || de.Value == "" || de.Adjectival ||
			d.ownedByOther(r.Sent, de, m.Entity) || crossesClause(toks[host:de.T0]) {
			continue
		}
		return de.Value
	}
	return ""
}

// ownedByOther reports whether date de of sentence s is written right by
// another event than k. It runs while coreference is still under way, so
// it builds no cached sentence context (sentCtx), which would keep the
// pronouns unresolved for the relations read later.
func (d *document) ownedByOther(s int, de dateExpr, k int) bool {
	c := sentCtx{d: d, s: s, toks: d.views[s].Toks, ms: d.mentions[s]}
	return c.ownedByOtherEvent(de, []int{k})
}

// purposeOf reports whether the event named from token t0 is what a trip
// is made for ("flew to Suva for the Forum", "invited her to Apia for
// Independence Day"): its date is the trip's too.
func purposeOf(toks []token, t0 int) bool {
	k := skipThe(toks, t0-1)
	if k >= 1 && toks[k].Low == "of" && (toks[k-1].Low == "opening" || toks[k-1].Low == "start") {
		k = skipThe(toks, k-2) // "for the opening of the Tarragona wine fair"
	}
	return k >= 0 && toks[k].Low == "for"
}

// skipThe returns k, or the token before it when token k is "the".
func skipThe(toks []token, k int) int {
	if k >= 0 && toks[k].Low == "the" {
		return k - 1
	}
	return k
}
