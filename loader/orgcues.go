package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

// orgName reads a name with no title that its words or the noun before it
// say is an organisation's: a company word inside it ("Grupo …", "…
// Spółka …", "… GmbH"), or a noun of organisations just before it or
// apposed ("the militant group al-Shabaab", "the operator, …").
func (mf mentionFinder) orgName(v *sentView, r run) (mention, bool) {
	// A province's name may start a longer one ("Mara" in "the Mara
	// Salvatrucha gang"); a country or a body's name may not.
	if g := v.Gaz[r.T0]; v.Roles[r.T0].End > 0 || g.End > 0 && (g.Entry.Kind != gazPlace || g.End >= r.T1) {
		return mention{}, false
	}
	found := false
	for i := r.T0; i < r.T1; i++ {
		if mf.g.corporate[v.Toks[i].Low] {
			found = true
		}
	}
	found = found || companyTail(v, r)
	if k := r.T0 - 1; !found && k >= 0 {
		if v.Toks[k].Text == "," && k > 0 {
			k--
		}
		t := v.Toks[k]
		found = !t.Cap && mf.g.orgCues[t.Low] && (k == r.T0-1 || mf.determined(v, k))
	}
	if !found {
		found = mf.orgNounAfter(v, r)
	}
	if !found {
		return mention{}, false
	}
	m := newMention(v.Index, r.T0, r.T1, schema.Organization, formProper)
	m.Name = v.span(r.T0, r.T1)
	if r.T0 > 0 {
		m.Prep = v.Toks[r.T0-1].Low
	}
	if r.T1 < len(v.Toks) && v.Toks[r.T1].isPossessive() {
		m.Poss = true
	}
	return m, true
}

// determined reports whether the noun at token k has a definite
// determiner or a possessive before it ("the operator", "the mine's
// operator"), as a noun apposed to a name has.
func (mf mentionFinder) determined(v *sentView, k int) bool {
	if k == 0 {
		return false
	}
	p := v.Toks[k-1]
	return p.Low == "the" || p.Low == "its" || p.Low == "their" || p.isPossessive()
}

// orgNounAfter reports whether a name after "the" is followed, past an
// acronym in brackets, by a lower-case noun of organisations: "the Mara
// Salvatrucha (MS-13) gang", "the Barrio Azul faction". "the" keeps out a
// person's name before a verb or a noun ("Kaba group leaders").
func (mf mentionFinder) orgNounAfter(v *sentView, r run) bool {
	if r.T0 == 0 || v.Toks[r.T0-1].Low != "the" {
		return false
	}
	last := v.Toks[r.T1-1].Text
	if h := strings.LastIndexByte(last, '-'); h >= 0 && h+1 < len(last) && !isUpperStart(last[h+1:]) {
		return false // "the Albanian-language daily": an adjective
	}
	k := r.T1
	if k < len(v.Toks) && v.Toks[k].Text == "(" {
		for k < len(v.Toks) && k < r.T1+6 && v.Toks[k].Text != ")" {
			k++
		}
		k++ // past "(MS-13)"
	}
	return k < len(v.Toks) && !v.Toks[k].Cap && mf.g.orgCues[v.Toks[k].Low]
}

// isUpperStart reports whether s starts with an upper-case letter.
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// companyTail reports whether a name of two words or more ends in a word of
// a company's trade ("Kosmos Energy", "Tullow Oil", "Vale Mining"), after
// a first word that is no portfolio or noun of its own ("Energy Minister").
func companyTail(v *sentView, r run) bool {
	if r.T1-r.T0 < 2 || v.Toks[r.T0].Lex&(lexNominal|lexRoleFirst) != 0 {
		return false
	}
	return companyTrades[v.Toks[r.T1-1].Low]
}

// companyTrades are the last words that name a company's trade
// (lexicon/company-trades.txt).
var companyTrades = pkgLex.words("company-trades.txt")
