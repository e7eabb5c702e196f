package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// eventNoun adds an event named by a common noun ("the suicide bombing",
// "an emergency ASEAN summit", "the COP29 climate talks"). An
// event name already found that the noun phrase takes in is widened.
func (mf mentionFinder) eventNoun(v *sentView, i int, ms []mention, covered []int,
	add *[]mention) bool {
	t := v.Toks[i]
	kind, ok := nominalEvents[t.Low]
	if !ok || t.Cap {
		return false
	}
	j := mf.modifiersBefore(v, i, ms, covered)
	proper := -1 // index in ms of a proper name among the modifiers
	for k := j; k < i; k++ {
		if c := covered[k]; c >= 0 && ms[c].Form == formProper && !ms[c].Modifier {
			proper = c
		}
	}
	if t.Low == "strike" || t.Low == "strikes" {
		national := false
		for k := j; k < i; k++ {
			if c := covered[k]; c >= 0 && ms[c].Type == schema.Country {
				national = true // "the Israeli strike"
			}
		}
		if !national && !hasWordOf(v.Toks[j:i], strikeWeapons) {
			if j == i && i > 0 && v.Toks[i-1].Low == "the" {
				return mf.eventRef(v, i, "attack", add) // "denounced the strike"
			}
			return false
		}
	}
	if t.Low == "disaster" && i+1 < len(v.Toks) && v.Toks[i+1].Word && !v.Toks[i+1].Cap &&
		v.Toks[i+1].Lex&lexStop == 0 {
		return false // "the disaster zone", "disaster relief": a modifier
	}
	if t.Low == "killing" && (i == 0 || !isDeterminer(v.Toks[i-1])) {
		return false // "…, killing 14 miners": a participle, not "the killing of"
	}
	if t.Low == "launch" && i > 0 && !hasWordIn(v.Toks[j:i], "missile", "rocket") &&
		v.Toks[i-1].Low != "the" {
		return false
	}
	end := i + 1
	if (kind == "memorial" || kind == "funeral") && end < len(v.Toks) &&
		(v.Toks[end].Low == "service" || v.Toks[end].Low == "ceremony") {
		end++ // "a memorial service"
	}
	// A name of its own: a proper modifier or complement, or a year ("the
	// December 2004 tsunami" is one tsunami, not the floods told before).
	named := proper >= 0 || determinedYear(v.Toks, j) || monthOfYear(v.Toks, j) ||
		numberedAnniversary(v.Toks, j, i)
	quoted := -1 // where a quoted name before the noun opens
	if q := quotedBefore(v.Toks, j); q >= 0 && kind != "" {
		quoted, named = q, true // so-called "three-way" border talks
	}
	if gatheringNouns[t.Low] {
		// "the fifth session of the Peru-Ecuador Joint Commission", "a
		// meeting of Nordic heads of government": the body or the people
		// that meet name the gathering.
		if e, c := mf.gatheringOf(v, end, ms, covered); e > end {
			end, proper, named = e, c, true
			if k := j - 1; k >= 0 && ordinalWords[v.Toks[k].Low] {
				j = k // "the first summit of …"
			}
		}
		if !named && t.Low == "session" {
			return false
		}
	}
	if t.Low == "sinking" || t.Low == "capsizing" {
		if e := shipOf(v.Toks, end); e > end {
			end, named = e, true // "the sinking of the MV Karonga"
		}
	}
	// "an extraordinary summit", "an emergency meeting": a gathering
	// called for an occasion is one event, written with "a" when first told.
	called := gatheringNouns[t.Low] && hasWordOf(v.Toks[j:i], calledGatheringWords)
	if refOnlyKinds[kind] && !named && !called {
		kind = ""
	}
	if j > 0 && !named {
		switch w := v.Toks[j-1].Low; {
		case otherOccasionWords[w]:
			return false // "the next summit" is another one
		case w == "a" || w == "an":
			if called {
				break
			}
			// "a humanitarian disaster" is a judgement, not an event.
			if kind != "attack" && kind != "earthquake" && kind != "disaster" &&
				kind != "memorial" && kind != "funeral" && kind != "coup" ||
				t.Low == "disaster" {
				return false // "a summit" is any summit; "a car bombing" is news
			}
		}
	}
	m := newMention(v.Index, j, end, schema.Event, formNominal)
	m.Name, m.Kind, m.Head = v.span(j, end), kind, t.Low
	if quoted >= 0 {
		m.T0 = quoted
		m.Name = v.span(quoted+1, j-1) + " " + m.Name
	}
	m.Generic = !named && !called
	if (named || called) && j > 0 {
		m.Fresh = v.Toks[j-1].Low == "a" || v.Toks[j-1].Low == "an"
	}
	if m.Generic && kind != "" {
		m.Name = v.span(j, i+1)
		if kind == "memorial" || kind == "funeral" {
			m.Name = v.span(j, end) // "memorial service"
		}
	}
	if proper >= 0 && ms[proper].Type == schema.Person && ms[proper].T0 == j {
		// "the Arctic Frontiers conference": the name is the event's, not a
		// person's.
		p := &ms[proper]
		p.Type, p.Kind, p.Head, p.N0 = schema.Event, kind, t.Low, j
		p.Role, p.RoleCode = "", ""
	}
	if proper >= 0 && ms[proper].Type == schema.Event {
		// "COP29 climate talks", "Independence Day celebrations": one event.
		p := &ms[proper]
		p.T0, p.T1 = min(p.T0, j), max(p.T1, end)
		p.Name = v.span(p.T0, p.T1)
		return false
	}
	if kind == "" {
		m.Generic, m.Kind = true, nominalEvents[t.Low]
		m.Head = "ref:" + t.Low
	}
	*add = append(*add, m)
	return true
}

// quotedBefore returns where a quoted word or two ending just before
// token j opens ("\"two-plus-two\" talks"), or -1.
func quotedBefore(toks []token, j int) int {
	if j < 3 || !isQuoteMark(toks[j-1].Text) {
		return -1
	}
	for k := j - 2; k >= 0 && k >= j-4; k-- {
		t := toks[k]
		if isQuoteMark(t.Text) {
			if k < j-2 {
				return k
			}
			return -1
		}
		if !t.Word {
			return -1
		}
	}
	return -1
}

// shipOf returns the end of "of the" and a capitalised name after token
// end ("of the MV Bukoba"), or end.
func shipOf(toks []token, end int) int {
	k := end + 2
	if k >= len(toks) || toks[end].Low != "of" || toks[end+1].Low != "the" || !toks[k].Cap {
		return end
	}
	for k < len(toks) && k < end+6 && toks[k].Cap {
		k++
	}
	return k
}

// numberedAnniversary reports whether the modifiers from token j to the
// event noun at i count an anniversary ("the 50th anniversary
// celebrations"): there is only one fiftieth.
func numberedAnniversary(toks []token, j, i int) bool {
	for k := j; k+1 < i; k++ {
		if toks[k].Digit && isOrdinal(toks[k].Low) && toks[k+1].Low == "anniversary" {
			return true
		}
	}
	return false
}

// gatheringNouns are event nouns whose "of" complement may name the
// gathering.
var gatheringNouns = pkgLex.words("gathering-nouns.txt")

// ordinalWords are ordinals written out, which stop a noun phrase's
// modifiers but belong to a numbered gathering's name.
var ordinalWords = pkgLex.words("ordinal-words.txt")

// gatheringOf reads the "of" complement of a gathering noun ending at
// token end: a body's name ("of the African Union", "of the Nordic-Baltic
// Eight") or people named by where they are from ("of Central Asian heads
// of state", "of ASEAN foreign ministers"). It returns the end of the
// complement (end when there is none) and the index in ms of the name in
// it, or -1.
func (mf mentionFinder) gatheringOf(v *sentView, end int, ms []mention, covered []int) (int, int) {
	n := len(v.Toks)
	if end+1 >= n || v.Toks[end].Low != "of" {
		return end, -1
	}
	k, the := end+1, false
	if v.Toks[k].Low == "the" && k+1 < n {
		k, the = k+1, true
	}
	if c := covered[k]; c >= 0 && ms[c].Form == formProper && ms[c].T0 == k {
		x := &ms[c]
		if x.Type == schema.Organization || x.Type == schema.Event || x.Type == "" ||
			the && x.Type == schema.Person && x.Role == "" {
			return x.T1, c
		}
	}
	j := k
	for j < n && j < k+4 && v.Toks[j].Cap {
		j++
	}
	if j == k {
		return end, -1
	}
	if e := participantsEnd(v.Toks, j); e > j {
		c := covered[k]
		if c >= 0 && ms[c].Type == schema.Person {
			c = -1
		}
		return e, c
	}
	return end, -1
}

// participantsEnd returns the end of a plural noun of the people who meet
// starting at token j ("heads of state", "foreign ministers", "leaders"),
// or j.
func participantsEnd(toks []token, j int) int {
	if j < len(toks) && toks[j].Low == "foreign" || j < len(toks) && toks[j].Low == "defence" {
		j++
	}
	if j >= len(toks) {
		return j
	}
	switch toks[j].Low {
	case "leaders", "ministers", "presidents", "premiers", "chiefs":
		return j + 1
	case "heads":
		if j+2 < len(toks) && toks[j+1].Low == "of" {
			return j + 3 // "heads of state", "heads of government"
		}
	}
	return j
}

// eventRef adds a bare event noun that can only refer back ("the strike").
func (mf mentionFinder) eventRef(v *sentView, i int, kind string, add *[]mention) bool {
	m := newMention(v.Index, i, i+1, schema.Event, formNominal)
	m.Name, m.Kind, m.Head, m.Generic = v.Toks[i].Text, kind, "ref:"+v.Toks[i].Low, true
	*add = append(*add, m)
	return true
}

// hasWordIn reports whether one of toks is one of the lower-case words.
func hasWordIn(toks []token, words ...string) bool {
	for _, t := range toks {
		for _, w := range words {
			if t.Low == w {
				return true
			}
		}
	}
	return false
}

// hasWordOf reports whether one of toks is a word of set.
func hasWordOf(toks []token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.Low] {
			return true
		}
	}
	return false
}

// strikeWeapons, calledGatheringWords and otherOccasionWords are the words
// before an event noun that make a strike an attack, a gathering one called
// for an occasion, and the noun another occasion (lexicon/*.txt).
var (
	strikeWeapons        = pkgLex.words("strike-weapons.txt")
	calledGatheringWords = pkgLex.words("called-gathering-words.txt")
	otherOccasionWords   = pkgLex.words("other-occasion-words.txt")
)

// agreementNoun adds an agreement named by a common noun ("a joint
// declaration", "the 2018 fisheries deal", "a declaration of friendship"), or
// a plural ("the documents") that the relations may resolve.
func (mf mentionFinder) agreementNoun(v *sentView, i int, ms []mention, covered []int,
	add *[]mention) bool {
	t := v.Toks[i]
	plural, ok := nominalAgreements[t.Low]
	if !ok || t.Cap {
		return false
	}
	if t.Low == "statement" && (i == 0 || v.Toks[i-1].Low != "joint") {
		return false
	}
	j := mf.modifiersBefore(v, i, ms, covered)
	end := i + 1
	if !plural && end+1 < len(v.Toks) && v.Toks[end].Low == "of" && v.Toks[end+1].Word &&
		!v.Toks[end+1].Cap && !mf.g.stop[v.Toks[end+1].Low] {
		end += 2 // "a declaration of friendship"
	}
	generic := true
	if e := mf.agreementTopic(v, end); !plural && e > end {
		end, generic = e, false // "a framework agreement on seed banks"
	}
	m := newMention(v.Index, j, end, schema.Agreement, formNominal)
	m.Name, m.Head, m.Generic = v.span(j, end), t.Low, generic
	if j < i && v.Toks[j].Digit && len(v.Toks[j].Text) == 4 {
		// "the 1994 peace treaty": a year makes it one treaty, not any.
		m.Year, m.Generic = v.Toks[j].Text, false
	}
	if plural {
		m.Form, m.Type = formPlural, schema.Agreement
		m.Number = countBefore(v, j)
	}
	*add = append(*add, m)
	return true
}

// agreementTopic returns the end of the topic that follows an agreement
// noun ending at token k ("on rice exports", "on the free movement of
// persons"): "on" and up to four lower-case words, which give the
// agreement a name of its own. It returns k when there is none.
func (mf mentionFinder) agreementTopic(v *sentView, k int) int {
	toks := v.Toks
	if k >= len(toks) || toks[k].Low != "on" {
		return k
	}
	j := k + 1
	if j < len(toks) && toks[j].Low == "the" {
		j++
	}
	if e := mf.namedTopic(v, j); e > j {
		return e // "a protocol on the Pilcomayo Basin"
	}
	end, n := k, 0
	for ; j < len(toks) && n < 8; j++ {
		t := toks[j]
		if (t.Low == "of" || t.Low == "and") && n > 0 && j+1 < len(toks) &&
			topicItem(toks, j+1) {
			continue // "the free movement of persons", "search and rescue"
		}
		if t.Low == "of" && n > 0 && j+2 < len(toks) && toks[j+1].Low == "the" &&
			topicItem(toks, j+2) {
			j++ // "the joint patrolling of the shared coastline"
			continue
		}
		if t.Low == "in" && n > 0 && fieldOf(toks, j) {
			j += 3 // "training in the field of beekeeping"
			continue
		}
		if t.Low == "in" && toks[j-1].Low == "cooperation" && j+1 < len(toks) &&
			topicItem(toks, j+1) {
			continue // "cooperation in space resources"
		}
		if !topicItem(toks, j) {
			break
		}
		n++
		end = j + 1
	}
	return end
}

// namedTopic returns the end of a place's or body's name of at most six
// capitalised words from token j that an agreement is about ("on the
// Santos-Arica Bioceanic Road Corridor"), or j.
func (mf mentionFinder) namedTopic(v *sentView, j int) int {
	k := j
	for k < len(v.Toks) && k < j+6 && v.Toks[k].Cap && v.Toks[k].Word {
		k++
	}
	if k == j || k < len(v.Toks) && v.Toks[k].Cap {
		return j
	}
	if h := v.Toks[k-1].Low; k-j > 1 && (mf.g.placeHeads[h] || mf.g.orgHeads[h]) {
		return k
	}
	return j
}

// topicItem reports whether token j may be a word of an agreement's topic:
// a topic word that is no stop word nor past verb ("and agreed"), or a
// demonym ("the transit of Jordanian gas").
func topicItem(toks []token, j int) bool {
	t := toks[j]
	if t.Lex&lexDemonym != 0 {
		return j+1 < len(toks) && topicWord(toks[j+1])
	}
	return topicWord(t) && t.Lex&lexStop == 0 && !auxiliaries[t.Low] &&
		(wordTense(toks, j) != tensePast || edAdjective(toks, j))
}

// edAdjective reports whether the "-ed" word at j qualifies the topic noun
// after it ("liquefied natural gas", "displaced persons") rather than being
// a verb ("… and agreed to").
func edAdjective(toks []token, j int) bool {
	if j == 0 || j+1 >= len(toks) || toks[j-1].Low == "and" {
		return false
	}
	n := toks[j+1]
	return topicWord(n) && n.Lex&lexStop == 0 && !auxiliaries[n.Low] && wordTense(toks, j+1) != tensePast
}

// fieldOf reports whether the words from token j are "in the field of" (or
// area, sphere, fields), which joins a topic to its domain.
func fieldOf(toks []token, j int) bool {
	if j+4 >= len(toks) || toks[j+1].Low != "the" || toks[j+3].Low != "of" {
		return false
	}
	switch toks[j+2].Low {
	case "field", "fields", "area", "areas", "sphere", "domain":
		return topicItem(toks, j+4)
	}
	return false
}

// topicWord reports whether a token may be a word of an agreement's
// topic: a lower-case word that is no date.
func topicWord(t token) bool {
	return t.Word && !t.Cap && !t.Digit && t.Lex&(lexMonth|lexWeekday|lexFrame) == 0
}

// countBefore reads a number word just before token j ("seven agreements").
func countBefore(v *sentView, j int) int {
	words := map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "both": 2}
	for k := j; k < len(v.Toks) && k <= j+1; k++ {
		if n, ok := words[v.Toks[k].Low]; ok {
			return n
		}
	}
	return 0
}

// placeNoun adds "the Chilean capital" as the capital of that country.
func (mf mentionFinder) placeNoun(v *sentView, i int, ms []mention, covered []int,
	add *[]mention) bool {
	if v.Toks[i].Low != "capital" || i == 0 {
		return false
	}
	c := covered[i-1]
	if c < 0 || ms[c].Type != schema.Country || ms[c].Form != formDemonym {
		return false
	}
	name := mf.g.capitalOf[ms[c].Code]
	if name == "" {
		return false
	}
	m := newMention(v.Index, ms[c].T0, i+1, schema.Place, formNominal)
	m.Name, m.Code, m.Capital = name, ms[c].Code, true
	*add = append(*add, m)
	return true
}

// orgNoun adds a ministry named by common nouns ("the Ghanaian foreign
// ministry") and a back reference such as "the forum".
func (mf mentionFinder) orgNoun(v *sentView, i int, ms []mention, covered []int,
	add *[]mention) bool {
	t := v.Toks[i]
	if t.Cap || !mf.g.orgHeads[t.Low] {
		return false
	}
	j := mf.modifiersBefore(v, i, ms, covered)
	if t.Low == "ministry" && j < i {
		if k := j - 1; k > 0 && v.Toks[k].isPossessive() && covered[k-1] >= 0 {
			j = ms[covered[k-1]].T0 // "South Africa's foreign ministry"
		}
		m := newMention(v.Index, j, i+1, schema.Organization, formProper)
		m.Name = v.span(j, i+1)
		*add = append(*add, m)
		return true
	}
	if j == i && i > 0 && v.Toks[i-1].Low == "the" {
		if genericOrgNouns[t.Low] {
			m := newMention(v.Index, i-1, i+1, schema.Organization, formNominal)
			m.Head, m.Generic = t.Low, true
			if i+1 < len(v.Toks) && v.Toks[i+1].isPossessive() {
				m.Poss = true
			}
			*add = append(*add, m)
			return true
		}
	}
	return false
}

// genericOrgNouns are the organisation nouns "the" alone makes a mention
// of (lexicon/generic-org-nouns.txt).
var genericOrgNouns = pkgLex.words("generic-org-nouns.txt")
