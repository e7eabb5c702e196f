package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// classify turns a capitalised run into mentions, appended to out: one for
// the run itself and one for each country or organisation named inside it.
func (mf mentionFinder) classify(out []mention, v *sentView, r run) []mention {
	if currencyPrefix(v, r) || mf.vessel(v, r) || holidayDate(v, r) {
		return out // "NZ$2 million", "the tanker Sea Marigold", "on Christmas Day": no node
	}
	if m, ok := mf.pluralNamed(v, r); ok {
		return append(out, m) // before the gazetteer: "Cyclones Freddy and Gombe"
	}
	if g := v.Gaz[r.T0]; g.End == r.T1 {
		if g.Entry.Kind == gazRegional {
			return out // an adjective: "South American"
		}
		return append(out, mf.gazMention(v, r.T0, g, false))
	}
	if typ, kind := mf.headType(v, r); typ != "" {
		if r.T1-r.T0 == 1 && !isCOP(v.Toks[r.T0].Text) {
			return out // a lone head word ("Summit") is left to the nominals
		}
		m := newMention(v.Index, r.T0, r.T1, typ, formProper)
		m.Name = v.span(r.T0, r.T1)
		if typ == schema.Place && knightedBefore(v, r.T0) {
			// "Sir Alfred Marlowe Memorial Hospital": the title is
			// part of the name of what is called after the person.
			m.T0, m.N0, m.Name = r.T0-1, r.T0-1, v.span(r.T0-1, r.T1)
		}
		if ledBy(v.Toks[r.T0].Low) {
			m.N0, m.Name = r.T0+1, v.span(r.T0+1, r.T1) // "Kenyan-led …": who leads it is no part of the name
		}
		m.Kind = kind
		m.Head = v.Toks[r.Head].Low
		if t := v.Toks[r.T0]; t.Digit && len(t.Text) == 4 {
			m.Year = t.Text
		}
		return mf.embedded(append(out, m), v, r.T0, r.T1)
	}
	if m, ok := mf.facility(v, r); ok {
		return append(out, m)
	}
	if m, ok := mf.buildingFirst(v, r); ok {
		return append(out, m)
	}
	if m, ok := mf.orgName(v, r); ok {
		return mf.embedded(append(out, m), v, r.T0, r.T1)
	}
	if m, ok := mf.knownPlace(v, r); ok {
		return append(out, m)
	}
	return mf.person(out, v, r)
}

// knownPlace reads a run that no word list knows and that holds no title
// as a place when the knowledge base has a town or city of that name and
// no office-holder of it: after a preposition of place ("talks in Hai
// Phong"), or, standing anywhere, when the name has two words or more and
// the town is large (100,000 people or more), since a one-word name or a
// small town's is more often a person's.
func (mf mentionFinder) knownPlace(v *sentView, r run) (mention, bool) {
	k := mf.g.kb
	if k == nil {
		return mention{}, false
	}
	for i := r.T0; i < r.T1; i++ {
		if v.Roles[i].End > 0 || v.Gaz[i].End > 0 || mf.g.rolePrefix[v.Toks[i].Low] {
			return mention{}, false
		}
	}
	name := v.span(r.T0, r.T1)
	if isShortUpper(name) {
		return mention{}, false // an acronym is a body's more often than a town's
	}
	p, ok := k.Place(name, "")
	if !ok || len(k.People(name)) > 0 {
		return mention{}, false
	}
	after := r.T0 > 0 && placePreps[v.Toks[r.T0-1].Low]
	if !after && (p.Population < 100000 || r.T1-r.T0 == 1) {
		return mention{}, false
	}
	m := newMention(v.Index, r.T0, r.T1, schema.Place, formProper)
	m.Name, m.Code = name, p.Country
	if r.T0 > 0 {
		m.Prep = v.Toks[r.T0-1].Low
	}
	if r.T1 < len(v.Toks) && v.Toks[r.T1].isPossessive() {
		m.Poss = true
	}
	return m, true
}

// knightedBefore reports whether the run at t0 follows a capitalised "Sir"
// or "Dame", which the stop words leave out of runs.
func knightedBefore(v *sentView, t0 int) bool {
	if t0 == 0 || !v.Toks[t0-1].Cap {
		return false
	}
	w := v.Toks[t0-1].Low
	return w == "sir" || w == "dame"
}

// buildingWords are the head words of buildings that a name may follow, as
// a residence's or city's name does ("State Guest House Jamuna", "State
// House Nairobi").
var buildingWords = pkgLex.words("building-words.txt")

// buildingFirst reads a run with a building's head word inside it and a
// name of one or two words after ("State Guest House Jamuna") as one
// place, not a person: a person's name holds no building.
func (mf mentionFinder) buildingFirst(v *sentView, r run) (mention, bool) {
	for k := r.T0 + 1; k < r.T1-1 && k >= r.T1-3; k++ {
		if buildingWords[v.Toks[k].Low] {
			for i := r.T0; i < r.T1; i++ {
				if v.Roles[i].End > 0 || v.Gaz[i].End > 0 && v.Gaz[i].Entry.Kind != gazCapital {
					return mention{}, false
				}
			}
			m := newMention(v.Index, r.T0, r.T1, schema.Place, formProper)
			m.Name, m.Head = v.span(r.T0, r.T1), v.Toks[k].Low
			return m, true
		}
	}
	return mention{}, false
}

// headType returns the entity type (and event kind) that the head word of a
// run gives it, or "" when the head word says nothing.
func (mf mentionFinder) headType(v *sentView, r run) (schema.EntityType, string) {
	first := v.Toks[r.T0]
	if isCOP(first.Text) {
		return schema.Event, "conference"
	}
	if k := mf.g.eventPrefix[first.Low]; k != "" && r.T1-r.T0 > 1 {
		return schema.Event, k
	}
	if stormGrades[first.Low] && r.T1-r.T0 > 2 {
		if k := mf.g.eventPrefix[v.Toks[r.T0+1].Low]; k != "" {
			return schema.Event, k // "Tropical Cyclone Mal", "Super Typhoon Rai"
		}
	}
	head := v.Toks[r.Head].Low
	switch {
	case r.T1-r.T0 > 1 && v.Toks[r.T1-1].Lex&lexStop != 0 && countInName(v, r.T1-1):
		return schema.Organization, "" // a group by its number: "the Nordic-Baltic Eight"
	case head == "union":
		if mf.signedName(v, r) {
			return schema.Agreement, "" // "signed the Pacific Mobility Union"
		}
		return schema.Organization, ""
	case mf.g.agreeHeads[head]:
		return schema.Agreement, ""
	case head == "forum" && (mf.eventContext(v, r.T0) || datedAfter(v, r.T1)):
		return schema.Event, "meeting"
	case mf.g.orgHeads[head]:
		return schema.Organization, ""
	case mf.g.placeHeads[head] || head == "house":
		return schema.Place, ""
	}
	if k := mf.g.eventHeads[head]; k != "" {
		switch head {
		case "call", "visit", "trip", "tour", "test", "strike", "strikes", "week":
			return "", ""
		}
		return schema.Event, k
	}
	return "", ""
}

// signedName reports whether a run is what is signed or ratified: a verb
// or noun of signing stands just before it ("signed the …", "signatures
// to the …"), or a treaty noun is apposed to it ("…, a treaty").
func (mf mentionFinder) signedName(v *sentView, r run) bool {
	for k := r.T0 - 1; k >= 0 && k >= r.T0-3; k-- {
		if signingCues[v.Toks[k].Low] {
			return true
		}
		switch v.Toks[k].Low {
		case "the", "a", "to", "on", "new", "landmark", "historic":
			continue
		}
		break
	}
	k := r.T1
	if k < len(v.Toks) && v.Toks[k].Text == "," {
		k++
	}
	for ; k < len(v.Toks) && k <= r.T1+3; k++ {
		switch v.Toks[k].Low {
		case "treaty", "pact", "accord", "agreement":
			return true
		case "a", "the", "an", "new", "landmark", "bilateral", "security", "migration":
			continue
		}
		break
	}
	return false
}

// occasionCues are the words before a name that make it an occasion
// (lexicon/occasion-cues.txt).
var occasionCues = pkgLex.words("occasion-cues.txt")

// signingCues are the words of signing before what is signed
// (lexicon/signing-cues.txt).
var signingCues = pkgLex.words("signing-cues.txt")

// eventContext reports whether the words before token t0 make a name an
// occasion rather than a body ("attend the … Forum", "at the … Forum").
func (mf mentionFinder) eventContext(v *sentView, t0 int) bool {
	for k := t0 - 1; k >= 0 && k >= t0-3; k-- {
		if occasionCues[v.Toks[k].Low] {
			return true
		}
	}
	return false
}

// datedAfter reports whether a day is written right after token t1 ("…
// Forum on November 28", "… Forum on Friday"): a body is not held on a
// day, an occasion is.
func datedAfter(v *sentView, t1 int) bool {
	if t1+1 >= len(v.Toks) || v.Toks[t1].Low != "on" {
		return false
	}
	t := v.Toks[t1+1]
	return t.Lex&(lexMonth|lexWeekday) != 0 || t.Digit
}

// isCOP reports whether w names a climate conference ("COP29").
func isCOP(w string) bool {
	if len(w) < 4 || !strings.HasPrefix(w, "COP") {
		return false
	}
	for _, c := range w[3:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// gazMention makes the mention of a gazetteer phrase at token i.
func (mf mentionFinder) gazMention(v *sentView, i int, g gazMatch, modifier bool) mention {
	e := g.Entry
	var m mention
	switch e.Kind {
	case gazCountry:
		m = newMention(v.Index, i, g.End, schema.Country, formProper)
		m.Name = mf.g.countryNames[e.Code]
	case gazDemonym:
		m = newMention(v.Index, i, g.End, schema.Country, formDemonym)
		m.Name = mf.g.countryNames[e.Code]
	case gazCapital, gazPlace:
		m = newMention(v.Index, i, g.End, schema.Place, formProper)
		m.Name = v.span(i, g.End)
		m.Capital = e.Kind == gazCapital
	default:
		m = newMention(v.Index, i, g.End, schema.Organization, formProper)
		m.Name = e.Name
	}
	m.Code = e.Code
	m.Modifier = modifier
	if i > 0 {
		m.Prep = v.Toks[i-1].Low
	}
	if g.End < len(v.Toks) && v.Toks[g.End].isPossessive() {
		m.Poss = true
	}
	return m
}

// embedded appends to out modifier mentions for the countries and
// organisations named inside tokens [t0, t1), including the parts of
// "Chile-Argentina".
func (mf mentionFinder) embedded(out []mention, v *sentView, t0, t1 int) []mention {
	for i := t0; i < t1; i++ {
		if g := v.Gaz[i]; g.End > 0 && g.End <= t1 {
			// A body's name that ends the larger one is its head, not a
			// body of its own: "National Security Council".
			inner := g.Entry.Kind == gazOrg && i > t0 && g.End == t1
			if k := g.Entry.Kind; !inner && (k == gazCountry || k == gazOrg || k == gazDemonym) {
				out = append(out, mf.gazMention(v, i, g, true))
			}
			i = g.End - 1
			continue
		}
		out = mf.hyphenParts(out, v, i)
	}
	return out
}

// hyphenParts appends to out country mentions for the parts of a
// hyphenated token such as "Chile-Argentina" or "Ghana-Togo".
func (mf mentionFinder) hyphenParts(out []mention, v *sentView, i int) []mention {
	t := v.Toks[i]
	if !strings.Contains(t.Text, "-") || !t.Cap {
		return out
	}
	rest, prev := t.Text, ""
	for rest != "" {
		part, after, _ := strings.Cut(rest, "-")
		rest = after
		if boundPrefix(prev) {
			prev = part
			continue // "Inter-American", "Pan-African": no one country
		}
		prev = part
		e, ok := mf.g.lookup(fold(part))
		if !ok || (e.Kind != gazCountry && e.Kind != gazDemonym) {
			continue
		}
		m := newMention(v.Index, i, i+1, schema.Country, formProper)
		m.Name, m.Code, m.Modifier = mf.g.countryNames[e.Code], e.Code, true
		out = append(out, m)
	}
	return out
}

// boundPrefix reports whether a hyphenated word's part is a prefix that
// makes the next part an adjective of a whole region or movement
// ("Inter-American", "Pan-African", "Anti-American"), not of a country.
func boundPrefix(part string) bool {
	return regionPrefixes[strings.ToLower(part)]
}

// span returns the text from token t0 to token t1 (exclusive) as
// spanText does, as a slice of the body when the tokens are apart by one
// space at most.
func (v *sentView) span(t0, t1 int) string {
	if t0 >= t1 {
		return ""
	}
	for i := t0 + 1; i < t1; i++ {
		prev := v.Toks[i-1].End
		if gap := v.Toks[i].Start - prev; gap > 1 || gap == 1 && v.Body[prev] != ' ' {
			return spanText(v.Toks, t0, t1)
		}
	}
	return v.Body[v.Toks[t0].Start:v.Toks[t1-1].End]
}

// spanText returns the text from token t0 to token t1 (exclusive) as
// written, spacing included. It relies on the tokens of one sentence
// coming from one string.
func spanText(toks []token, t0, t1 int) string {
	if t0 >= t1 {
		return ""
	}
	var b strings.Builder
	for i := t0; i < t1; i++ {
		if i > t0 && toks[i].Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

// currencyPrefix reports whether a run is the country letters of a
// currency sign written against it ("NZ$", "US$").
func currencyPrefix(v *sentView, r run) bool {
	k := r.T1
	return k < len(v.Toks) && v.Toks[k].Text == "$" && v.Toks[k].Start == v.Toks[k-1].End
}

// vessel reports whether a run names a ship: it starts with a ship prefix
// ("MV Nyerere", "HMS Albion") or follows a noun of ships ("the tanker
// Eagle S"). A ship is none of the kinds of nodes, and its name is no
// person's.
func (mf mentionFinder) vessel(v *sentView, r run) bool {
	if r.T1-r.T0 > 1 && shipPrefixes[v.Toks[r.T0].Text] {
		return true
	}
	k := r.T0 - 1
	return k >= 0 && shipNouns[v.Toks[k].Low] && !v.Toks[k].Cap && v.Roles[r.T0].End == 0 &&
		v.Gaz[r.T0].End == 0
}

// shipPrefixes are the abbreviations written before ships' names.
var shipPrefixes = pkgLex.phrases("ship-prefixes.txt")

// shipNouns are nouns written just before a ship's name.
var shipNouns = pkgLex.words("ship-nouns.txt")

// stormGrades are words that grade a storm before its kind and name.
var stormGrades = map[string]bool{"tropical": true, "super": true, "severe": true}

// holidayDate reports whether a run is a feast of fixed date used as a
// date ("severed on Christmas Day"): it times an action and is no event.
func holidayDate(v *sentView, r run) bool {
	if r.T0 == 0 {
		return false
	}
	switch v.Toks[r.T0-1].Low {
	case "on", "since", "until", "before", "after", "by":
	default:
		return false
	}
	for _, h := range holidays {
		if r.T1-r.T0 == len(h.words) && wordsAt(v.Toks, r.T0, h.words) {
			return true
		}
	}
	return false
}

// ledBy reports whether a word is an adjective of who leads or backs a
// body ("Kenyan-led", "UN-backed"), which stands before its name.
func ledBy(w string) bool {
	for _, suf := range [...]string{"-led", "-backed", "-brokered", "-sponsored", "-funded"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// pluralNamed reads the events a plural prefix names together
// ("Hurricanes Eta and Iota"): the run after the prefix, and a run after
// "and" that follows such a one, each named with the singular prefix
// ("Hurricane Eta", "Hurricane Iota").
func (mf mentionFinder) pluralNamed(v *sentView, r run) (mention, bool) {
	k, t0 := r.T0, r.T0+1
	if r.T1-r.T0 < 2 || mf.pluralPrefix(v.Toks[k]) == "" {
		k, t0 = -1, r.T0
		if r.T0 >= 3 && v.Toks[r.T0-1].Low == "and" {
			for j := r.T0 - 3; j >= 0 && j >= r.T0-4; j-- {
				if mf.pluralPrefix(v.Toks[j]) != "" {
					k = j
					break
				}
				if !v.Toks[j+1].Cap {
					break
				}
			}
		}
	}
	if k < 0 {
		return mention{}, false
	}
	prefix := mf.pluralPrefix(v.Toks[k])
	m := newMention(v.Index, r.T0, r.T1, schema.Event, formProper)
	m.Name = prefix + " " + v.span(t0, r.T1)
	m.Kind = mf.g.eventPrefix[strings.ToLower(prefix)]
	m.Head = strings.ToLower(prefix)
	return m, true
}

// pluralPrefix returns the singular, as written, of a plural event
// prefix ("Hurricanes" gives "Hurricane"), or "".
func (mf mentionFinder) pluralPrefix(t token) string {
	if !t.Cap || len(t.Low) < 4 || !strings.HasSuffix(t.Low, "s") ||
		mf.g.eventPrefix[t.Low[:len(t.Low)-1]] == "" {
		return ""
	}
	return t.Text[:len(t.Text)-1]
}

// regionPrefixes are the prefixes boundPrefix knows
// (lexicon/region-prefixes.txt).
var regionPrefixes = pkgLex.words("region-prefixes.txt")
