package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// nominalEvents maps lower-case event nouns to their kind; "" marks nouns
// that only refer back to an event and never make one ("the talks").
var nominalEvents = refersBack(pkgLex.pairs("nominal-events.txt"))

// refOnlyKinds are kinds of event nouns that name an event only with a
// proper modifier ("COP29 climate talks"), and otherwise refer back.
var refOnlyKinds = map[string]bool{"talks": true, "meeting": true, "visit": true,
	"call": true, "war": true, "": true}

// nominalAgreements are lower-case agreement nouns; plural ones refer to
// several agreements and make no node.
var nominalAgreements = severalFlags(pkgLex.choice("nominal-agreements.txt", "one", "several"))

// nominals adds the mentions that common nouns and pronouns make: events
// ("the terrorist attack"), agreements ("a joint declaration"), office
// holders ("the Chilean leader"), plurals ("the two leaders"), pronouns,
// and "the Peruvian government" standing for its country.
func (mf mentionFinder) nominals(v *sentView, ms []mention, sc *scratch) []mention {
	covered := sc.covered[:0]
	for range v.Toks {
		covered = append(covered, -1)
	}
	sc.covered = covered
	for k, m := range ms {
		for i := m.T0; i < m.T1; i++ {
			if covered[i] < 0 || !m.Modifier {
				covered[i] = k
			}
		}
	}
	for i := 0; i < len(v.Toks); i++ {
		t := v.Toks[i]
		if covered[i] >= 0 {
			if m := &ms[covered[i]]; m.Form == formDemonym && i == m.T1-1 {
				mf.demonymHead(v, m)
				if m.T1 == i+2 && covered[i+1] < 0 {
					covered[i+1] = covered[i] // "the Bolivian government's spokesman"
				}
			}
			continue
		}
		if !t.Word || t.Lex&lexNominal == 0 && v.Roles[i].End == 0 {
			continue
		}
		add := sc.add[:0]
		switch {
		case mf.pronoun(v, i, &add):
		case mf.plural(v, i, &add):
		case mf.eventNoun(v, i, ms, covered, &add):
		case mf.agreementNoun(v, i, ms, covered, &add):
		case mf.roleNoun(v, i, ms, covered, &add):
		case mf.placeNoun(v, i, ms, covered, &add):
		case mf.orgNoun(v, i, ms, covered, &add):
		}
		for _, m := range add {
			for k := m.T0; k < m.T1 && k < len(covered); k++ {
				if covered[k] < 0 {
					covered[k] = len(ms)
				}
			}
			ms = append(ms, m)
			if m.T1 > i+1 {
				i = m.T1 - 1
			}
		}
		sc.add = add
	}
	return ms
}

// demonymHead lets a demonym stand for its country when it qualifies
// "government", "people", "side" or "authorities" ("the Peruvian
// government"), and otherwise marks it a modifier.
func (mf mentionFinder) demonymHead(v *sentView, m *mention) {
	if m.T1 < len(v.Toks) {
		switch v.Toks[m.T1].Low {
		case "government", "people", "side", "authorities", "leadership", "officials":
			m.T1++
			m.Form = formProper
			return
		}
	}
	m.Modifier = true
}

// pronoun adds a personal or possessive pronoun at token i.
func (mf mentionFinder) pronoun(v *sentView, i int, add *[]mention) bool {
	var m mention
	switch v.Toks[i].Low {
	case "he", "him", "his", "she", "her", "himself", "herself":
		m = newMention(v.Index, i, i+1, schema.Person, formPronoun)
	case "its":
		m = newMention(v.Index, i, i+1, "", formPronoun)
	case "they", "them", "their":
		m = newMention(v.Index, i, i+1, "", formPlural)
	default:
		return false
	}
	m.Head = v.Toks[i].Low
	*add = append(*add, m)
	return true
}

// plural adds "the two leaders", "both sides", "the two countries".
func (mf mentionFinder) plural(v *sentView, i int, add *[]mention) bool {
	low := v.Toks[i].Low
	n := pluralCounts[low]
	if n == 0 {
		return false
	}
	j := i + 1
	for j < len(v.Toks) && j < i+4 {
		w := v.Toks[j].Low
		var typ schema.EntityType
		switch {
		case personPlurals[w]:
			typ = schema.Person
		case countryPlurals[w]:
			typ = schema.Country
		}
		if typ != "" {
			m := newMention(v.Index, i, j+1, typ, formPlural)
			if i > 0 && v.Toks[i-1].Low == "the" {
				m.T0 = i - 1
			}
			m.Number, m.Head = n, w
			if w == "heads" && j+2 < len(v.Toks) && v.Toks[j+1].Low == "of" {
				m.T1 = j + 3
			}
			*add = append(*add, m)
			return true
		}
		if !v.Toks[j].Word || v.Toks[j].Cap && v.Gaz[j].End == 0 {
			break
		}
		j++
	}
	return false
}

// auxiliaries are verbs that end a noun phrase read leftwards: "Rutte will
// visit Vilnius" holds a verb, not a "Rutte will visit" event.
var auxiliaries = pkgLex.words("auxiliaries.txt")

// pluralCounts are the words that open a counted plural ("the two
// leaders", "both sides", "the five prime ministers"), with their count.
var pluralCounts = pkgLex.ints("plural-counts.txt")

// modifiersBefore returns where the noun phrase whose head is at token i
// starts: it takes in adjectives, nouns and names before the head, up to a
// determiner, a possessive or punctuation, at most five words.
func (mf mentionFinder) modifiersBefore(v *sentView, i int, ms []mention, covered []int) int {
	j := i
	for n := 0; j > 0 && n < 5; n++ {
		k := j - 1
		t := v.Toks[k]
		if c := covered[k]; c >= 0 {
			m := ms[c]
			if m.Form == formPronoun || m.Form == formPlural ||
				m.Type == schema.Person && !mf.placeLike(v, &m) {
				break
			}
			j = m.T0
			continue
		}
		if monthOfYear(v.Toks, k) {
			j = k // "the December 2004 tsunami"
			continue
		}
		if !t.Word || t.Cap || t.Lex&(lexStop|lexMonth|lexWeekday) != 0 || auxiliaries[t.Low] ||
			v.Roles[k].End > 0 || (strings.HasSuffix(t.Low, "ed") ||
			wordTense(v.Toks, k) == tensePast) && !adjectiveEd[t.Low] {
			break // "MBS held talks": a verb is no modifier
		}
		if t.Digit && !isOrdinal(t.Low) && !determinedYear(v.Toks, k) {
			break
		}
		j = k
	}
	return j
}

// placeLike reports whether a name found as a person's starts with a word
// of place names ("Lake Victoria"), so that it may qualify an event noun.
func (mf mentionFinder) placeLike(v *sentView, m *mention) bool {
	if m.Role != "" || m.N1-m.N0 < 2 {
		return false
	}
	// "the Arctic Frontiers conference": "the" is written before no
	// person's name.
	return mf.g.placeFirst[v.Toks[m.N0].Low] || m.T0 > 0 && v.Toks[m.T0-1].Low == "the"
}

// adjectiveEd are "-ed" words often found before an event or agreement noun.
var adjectiveEd = pkgLex.words("adjective-ed.txt")

// isOrdinal reports whether a lower-case word is an ordinal ("9th").
func isOrdinal(w string) bool {
	return strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") ||
		strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "th")
}

// determinedYear reports whether token k is a year right after "the", or
// after "the" and a month, that opens a noun phrase ("the 1994 peace
// treaty", "the December 2004 tsunami").
func determinedYear(toks []token, k int) bool {
	if k == 0 || len(toks[k].Text) != 4 {
		return false
	}
	if p := toks[k-1]; p.Low != "the" && (p.Lex&lexMonth == 0 || !p.Cap || k < 2 ||
		toks[k-2].Low != "the") {
		return false
	}
	y, rest := leadingInt(toks[k].Text)
	return rest == "" && y >= 1800 && y <= 2200
}

// monthOfYear reports whether token k is a month between "the" and a year
// that open a noun phrase ("the December 2004 tsunami").
func monthOfYear(toks []token, k int) bool {
	return toks[k].Lex&lexMonth != 0 && toks[k].Cap && k+1 < len(toks) &&
		determinedYear(toks, k+1)
}

// personPlurals and countryPlurals are the plural nouns a count makes a
// group of persons or countries of (lexicon/person-plurals.txt,
// lexicon/country-plurals.txt).
var (
	personPlurals  = pkgLex.words("person-plurals.txt")
	countryPlurals = pkgLex.words("country-plurals.txt")
)
