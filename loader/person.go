package loader

import (
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/schema"
)

// person reads a run that no head word classified: leading countries,
// demonyms or organisations ("Chilean", "U.N."), titles of office
// ("President", "External Affairs Minister") and a name. It appends to out
// the person (or an unknown name, or a title with no name) followed by the
// modifiers; RoleOrg indexes into out.
func (mf mentionFinder) person(out []mention, v *sentView, r run) []mention {
	base := len(out)
	out = append(out, mention{}) // the person, set below
	i := r.T0
	for i < r.T1-1 {
		if g := v.Gaz[i]; g.End > 0 && g.End < r.T1 {
			k := g.Entry.Kind
			// A city or province counts only before a title ("Quebec
			// Premier"): "Victoria" and "Santiago" also start names.
			place := k == gazCapital || k == gazPlace
			if k == gazCountry || k == gazDemonym || k == gazOrg ||
				place && (v.Roles[g.End].End > 0 || mf.g.rolePrefix[v.Toks[g.End].Low]) {
				out = append(out, mf.gazMention(v, i, g, true))
				i = g.End
				continue
			}
		}
		if g := v.Gaz[i]; g.End > 0 && g.End < r.T1 && g.Entry.Kind == gazRegional &&
			v.Roles[g.End].End > 0 {
			// "European Commissioner": a region's adjective names no
			// country, but may name the region's union.
			if m, ok := mf.regionBody(v, i, g.End); ok {
				out = append(out, m)
			}
			i = g.End
			continue
		}
		if n := partyAffiliation(v, i); n > 0 && r.T1-(i+n) >= 2 {
			i += n // "Finnish Social Democrat Aino Lehtikoski"
			continue
		}
		if mf.g.orgHeads[v.Toks[i].Low] && v.Roles[i+1].End > 0 && v.Roles[i].End == 0 {
			i++ // "Senate President Hun Sen": the body whose office it is
			continue
		}
		if mf.acronymBody(v, i) {
			// "SICA Secretary-General Werner Vargas": an acronym the
			// gazetteer does not know, before a title, is the body whose
			// office it is (the article spelt it out elsewhere).
			m := newMention(v.Index, i, i+1, schema.Organization, formProper)
			m.Name, m.Modifier = v.Toks[i].Text, true
			out = append(out, m)
			i++
			continue
		}
		if parts := mf.hyphenParts(out, v, i); len(parts) > len(out) {
			out = parts
			i++
			continue
		}
		break
	}
	mods := out[base+1:]
	if g := v.Gaz[i]; i > r.T0 && g.End == r.T1 && g.Entry.Kind == gazOrg {
		out[base] = mf.gazMention(v, i, g, false) // "the Lithuanian Seimas": a body, after its country
		return out
	}
	i = mf.courtesy(v, i, r.T1) // "His Majesty King …", "Royal Highness Crown Prince …"
	role, words, j := mf.title(v, i, r.T1)
	i = j
	i = mf.courtesy(v, i, r.T1) // "Emir Sheikh …"
	hasRole := len(words) > 0
	if hasRole && i < r.T1 && v.Toks[i].Low == "of" {
		if g, k := mf.officeCountry(v, i, r.T1); g.End > 0 {
			out = append(out, mf.gazMention(v, k, g, true))
			mods = out[base+1:]
			i = g.End
		}
	}
	if hasRole && i < r.T1 && !v.Toks[i].Cap {
		i = mf.afterPortfolio(v, i, r.T1) // "Minister of Trade": the portfolio is part of the title
	}
	if !hasRole && i < r.T1 && notAName(v.Toks[i:r.T1]) {
		i = r.T1 // "Maritime Boundaries", "45th ASEAN": words, not a name
	}
	var m mention
	switch {
	case i < r.T1:
		m = newMention(v.Index, r.T0, r.T1, schema.Person, formProper)
		m.N0, m.Name = i, mf.givenFirst(nameWithoutNickname(v, i, r.T1))
		if !hasRole && (r.T1-i == 1 || len(mods) > 0 && r.T1-i == 1) {
			m.Type = "" // a lone word: resolved against the rest of the article
		}
	case hasRole:
		m = newMention(v.Index, r.T0, r.T1, schema.Person, formNominal)
		m.Head = strings.ToLower(words[len(words)-1])
		if last := words[len(words)-1]; isShortUpper(last) && role.Name != "" {
			// "EAM", "PM": an abbreviated title reads as the title it stands for
			m.Head = strings.ToLower(role.Name[strings.LastIndexByte(role.Name, ' ')+1:])
			m.Abbrev = true
		}
	default:
		for k := range mods {
			mods[k].Modifier = false
		}
		copy(out[base:], mods)
		return out[:len(out)-1]
	}
	if r.T0 > 0 {
		m.Prep = v.Toks[r.T0-1].Low
	}
	if r.T1 < len(v.Toks) && v.Toks[r.T1].isPossessive() {
		m.Poss = true
	}
	if hasRole {
		m.Role, m.Leader = role.Name, role.Leader
	}
	if posting, from, ok := mf.postedBefore(v, r.T0); ok && !hasRole && m.Type == schema.Person {
		// "Tarsan Ambassador to Kalmar Ilse Varga": the country after "to"
		// is where she serves; hers is the one before the title, if any.
		m.Role, m.RoleCode = posting, from
		out[base] = m
		return out
	}
	for _, md := range mods {
		if md.Type == schema.Country && m.RoleCode == "" {
			m.RoleCode = md.Code
		}
	}
	for _, md := range mods {
		if md.Type == schema.Place && md.Code != "" && m.RoleCode == "" && hasRole {
			m.RoleCode = md.Code // "Quebec Premier …": a province's office, in its country
		}
	}
	for k, md := range mods {
		if md.Type == schema.Organization && m.RoleOrg < 0 {
			m.RoleOrg = base + k + 1
		}
	}
	out[base] = m
	return out
}

// postedBefore reads a role held abroad and "to" just before token t0
// ("… Ambassador to", "… Special Envoy to"): the role, and the country of
// its holder when a country or its demonym stands right before the title
// ("Tarsan Ambassador to", "Tarsa's Ambassador to").
func (mf mentionFinder) postedBefore(v *sentView, t0 int) (role, code string, ok bool) {
	if t0 < 2 || v.Toks[t0-1].Low != "to" {
		return "", "", false
	}
	k := -1
	for j := t0 - 2; j >= 0 && j >= t0-4; j-- {
		if rm := v.Roles[j]; rm.End == t0-1 && rm.Info != nil && posted(rm.Info.Name) {
			k, role = j, rm.Info.Name // the longest title: "Special Envoy", not "Envoy"
		}
	}
	if k < 0 {
		return "", "", false
	}
	end := k
	if end > 0 && v.Toks[end-1].isPossessive() {
		end--
	}
	for j := max(0, end-4); j < end; j++ {
		if g := v.Gaz[j]; g.End == end && g.Entry != nil &&
			(g.Entry.Kind == gazCountry || g.Entry.Kind == gazDemonym) {
			code = g.Entry.Code
		}
	}
	return role, code, true
}

// regionBody returns the union of the region whose adjective stands from
// token i to end before a title ("European Commissioner": the European
// Union's), as a modifier.
func (mf mentionFinder) regionBody(v *sentView, i, end int) (mention, bool) {
	e, ok := mf.g.lookup(fold(v.span(i, end) + " Union"))
	if !ok || e.Kind != gazOrg {
		return mention{}, false
	}
	m := newMention(v.Index, i, end, schema.Organization, formProper)
	m.Name, m.Code, m.Modifier = e.Name, e.Code, true
	return m, true
}

// nameWithoutNickname returns the name from token i to end without a
// quoted nickname inside it (Charlot "Charlie" Kalsakau is Charlot
// Kalsakau).
func nameWithoutNickname(v *sentView, i, end int) string {
	for k := i + 1; k < end; k++ {
		if e := nicknameEnd(v, k); e > k && e < end {
			return v.span(i, k) + " " + v.span(e, end)
		}
	}
	return v.span(i, end)
}

// acronymBody reports whether token i is an acronym of capitals that is
// no title itself and is followed by a title ("SICA Secretary-General",
// "LTA Executive Director").
func (mf mentionFinder) acronymBody(v *sentView, i int) bool {
	t := v.Toks[i]
	return i+1 < len(v.Toks) && len(t.Text) >= 3 && isShortUpper(t.Text) && t.Word &&
		v.Roles[i].End == 0 && (v.Roles[i+1].End > 0 || mf.g.rolePrefix[v.Toks[i+1].Low])
}

// title reads titles of office from token i up to end: portfolio words
// ("External Affairs", "Interior") and titles ("Minister", "Cabinet
// Secretary"). It returns the role, the words as written and where the
// title ends.
func (mf mentionFinder) title(v *sentView, i, end int) (roleInfo, []string, int) {
	var role roleInfo
	var words []string
	start, endRole, lastLen := i, i, 0
	for i < end {
		if rm := v.Roles[i]; rm.End > 0 && rm.End <= end && rm.Info.Name != "" {
			for k := i; k < rm.End; k++ {
				words = append(words, v.Toks[k].Text)
			}
			role, lastLen = *rm.Info, rm.End-i
			i, endRole = rm.End, rm.End
			continue
		}
		if mf.g.rolePrefix[v.Toks[i].Low] && i+1 < end &&
			(v.Roles[i+1].End > 0 || mf.g.rolePrefix[v.Toks[i+1].Low]) {
			words = append(words, v.Toks[i].Text)
			i++
			continue
		}
		break
	}
	if role.Name == "" {
		return roleInfo{}, nil, start
	}
	words = words[:endRole-start]
	if len(words) > lastLen {
		if r, ok := mf.g.roles[strings.ToLower(strings.Join(words, " "))]; ok && r.Name != "" {
			role.Name = r.Name
		} else {
			role.Name = strings.Join(words[:len(words)-lastLen], " ") + " " + role.Name
		}
	}
	return role, words, endRole
}

// officeCountry returns the country named by "of" at token i after a
// title, and where it starts: "Interior Minister of the Kingdom of Lesotho
// Thabo …" holds the office in Lesotho, and the name follows. A country is
// never a portfolio ("Minister of Trade"), so it ends the title.
func (mf mentionFinder) officeCountry(v *sentView, i, end int) (gazMatch, int) {
	k := i + 1
	if k < end && v.Toks[k].Low == "the" {
		k++
	}
	if k >= end {
		return gazMatch{}, 0
	}
	if g := v.Gaz[k]; g.End > 0 && g.End <= end && g.Entry.Kind == gazCountry {
		return g, k
	}
	return gazMatch{}, 0
}

// courtesy skips the courtesy titles ("Mr", "Dr", "Sheikh", "Majesty")
// that carry no role from token i, leaving a word of the run for the name.
func (mf mentionFinder) courtesy(v *sentView, i, end int) int {
	for i < end-1 && v.Roles[i].End > 0 && v.Roles[i].End < end && v.Roles[i].Info.Name == "" {
		i = v.Roles[i].End
	}
	return i
}

// notAName reports whether capitalised words with no title cannot be a
// person's name: they start with a number ("45th ASEAN") or end in a
// suffix of abstract or plural nouns that no surname has ("Related
// Cooperation", "Maritime Boundaries", "Joint Management").
func notAName(toks []token) bool {
	if toks[0].Digit {
		return true
	}
	last := toks[len(toks)-1].Low
	for _, suf := range [...]string{"ation", "ition", "ment", "ments", "ities", "aries", "ships"} {
		if len(last) > len(suf)+2 && strings.HasSuffix(last, suf) {
			return true
		}
	}
	return false
}

// afterPortfolio returns where the name starts after a title's portfolio
// from token i ("of Energy and Mines" in "Minister of Energy and Mines
// Phosay Sayasone"), or end when no name follows. The portfolio holds
// only connectors and portfolio words, so a name of two words or more
// stands out after it; anything else ("Minister of Trade Policy") is all
// title.
func (mf mentionFinder) afterPortfolio(v *sentView, i, end int) int {
	k := i
	for k < end {
		t := v.Toks[k]
		if !t.Cap && (t.Low == "of" || t.Low == "and" || t.Low == "the" || t.Text == ",") ||
			t.Cap && (mf.g.rolePrefix[t.Low] || portfolioWords[t.Low]) {
			k++
			continue
		}
		break
	}
	if k == i || end-k < 2 || !v.Toks[k-1].Cap {
		return end
	}
	for j := k; j < end; j++ {
		if t := v.Toks[j]; !t.Cap || t.Lex&lexNominal != 0 {
			return end
		}
	}
	return k
}

// portfolioWords are words of ministers' portfolios besides those that
// may stand before a title (lexicon/role-prefixes.txt).
var portfolioWords = pkgLex.words("portfolio-words.txt")

// partyAffiliation returns how many words at token i name a member of a
// political family ("Social Democrat", "Conservative"), which news puts
// before a name as it does a title; 0 when none do.
func partyAffiliation(v *sentView, i int) int {
	w := v.Toks[i].Low
	if w == "social" && i+1 < len(v.Toks) && v.Toks[i+1].Low == "democrat" {
		return 2
	}
	if partyAffiliations[w] {
		return 1
	}
	return 0
}

// partyAffiliations are words of political affiliation
// (lexicon/party-affiliations.txt).
var partyAffiliations = pkgLex.words("party-affiliations.txt")

// givenFirst writes a name whose family name comes first in capitals
// ("TANAKA Hiroshi", "PARK Ji-won", as Japanese, Korean and Chinese
// official releases write them) in the order the rest of the article and
// the knowledge base use: given name first ("Hiroshi Tanaka"), unless the
// knowledge base knows the person with the family name first ("Xi
// Jinping"). Any other name is returned as it is.
func (mf mentionFinder) givenFirst(name string) string {
	w := strings.Fields(name)
	if len(w) < 2 || len(w) > 3 || !allCapsWord(w[0]) || shipPrefixes[w[0]] {
		return name // "BRP Sierra Madre": a ship's prefix, no family name
	}
	for _, x := range w[1:] {
		if !unicode.IsUpper([]rune(x)[0]) || !strings.ContainsFunc(x, unicode.IsLower) {
			return name // "Hiroshi", "Ji-won": a given name in small letters after its capital
		}
	}
	family := titleCase(w[0])
	written := family + " " + strings.Join(w[1:], " ")
	if mf.g.kb != nil && len(mf.g.kb.People(written)) > 0 {
		return written
	}
	return strings.Join(w[1:], " ") + " " + family
}

// allCapsWord reports whether w is a word of two letters or more, all
// capitals ("TANAKA"; not "S." or "Mr").
func allCapsWord(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '-' || r == '\'':
		default:
			return false
		}
	}
	return n >= 2
}
