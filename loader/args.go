package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// reportVerbs are verbs after which a name starts a reported clause.
var reportVerbs = pkgLex.words("report-verbs.txt")

// subordinators open a clause with a subject of its own.
var subordinators = pkgLex.words("subordinators.txt")

// prepositions end the search for a direct object.
var prepositions = pkgLex.words("prepositions.txt")

// subjectLeft returns the subject of a verb at token i: the nearest mention
// to its left that opens a clause, skipping objects of earlier verbs and
// going through relative pronouns to their antecedent.
func (c *sentCtx) subjectLeft(i int) []int {
	for k := i - 1; k >= 0; k-- {
		t := c.toks[k]
		if t.Text == ";" {
			break
		}
		if subordinators[t.Low] && k > 0 && c.toks[k-1].Word && k < i-1 {
			if n := c.toks[k+1]; n.Word && !n.Cap && strings.HasSuffix(n.Low, "s") &&
				c.at[k+1] < 0 {
				break // "busy as ministers … flew in": another subject
			}
		}
		if t.Low == "whose" && k+1 < i && (c.at[k+1] >= 0 || personNouns[c.toks[k+1].Low]) {
			return nil // "Mercosur, whose ministers will convene": the leaders act, unnamed
		}
		if t.Low == "who" {
			e := k
			if e > 0 && c.toks[e-1].Text == "," {
				e--
			}
			if a := c.endingAt(e); a >= 0 && c.isActor(&c.ms[a]) {
				return c.groupLeft(a)
			}
			continue
		}
		a := c.at[k]
		if a < 0 {
			if c.unknownPersonAt(k) {
				return nil // "and the Uruguayan premier will fly": someone not resolved
			}
			continue
		}
		x := &c.ms[a]
		if c.isActor(x) && c.subjectLike(a) {
			return c.groupLeft(a)
		}
		k = x.T0
	}
	return nil
}

// unknownPersonAt reports whether token k ends a title that names a
// person no one could be found for ("the Kyrgyz leader"), standing where a
// subject does.
func (c *sentCtx) unknownPersonAt(k int) bool {
	for i := range c.ms {
		x := &c.ms[i]
		if x.T1 == k+1 && x.Entity < 0 && !x.Modifier && x.Type == schema.Person &&
			x.Form == formNominal && c.d.opensClause(c.s, x) {
			return true
		}
	}
	return false
}

// personNouns are plural nouns for people that may follow "whose".
var personNouns = pkgLex.words("person-nouns.txt")

// endingAt returns the mention that ends at token t, or -1.
func (c *sentCtx) endingAt(t int) int {
	if t <= 0 || t > len(c.toks) {
		return -1
	}
	if a := c.at[t-1]; a >= 0 && c.ms[a].T1 == t {
		return a
	}
	return -1
}

// subjectLike reports whether mention a opens a clause, itself or after
// the title it is named with ("President of Kazakhstan Nurlan Seitkali",
// read as a bare title and a name after "of").
func (c *sentCtx) subjectLike(a int) bool {
	x := &c.ms[a]
	if c.d.opensClause(c.s, x) {
		return true
	}
	if x.T0 < 2 || c.toks[x.T0-1].Low != "of" || c.typ(a) != schema.Person {
		return false
	}
	for i := range c.ms {
		y := &c.ms[i]
		if y.T1 == x.T0-1 && y.Type == schema.Person && y.Form == formNominal && y.Entity < 0 {
			return c.d.opensClause(c.s, y)
		}
	}
	return false
}

// isActor reports whether a mention can act: a person, country,
// organisation, capital standing for its country, or plural of these.
func (c *sentCtx) isActor(x *mention) bool {
	if x.Form == formPlural {
		return x.Type == schema.Person || x.Type == schema.Country || x.Type == ""
	}
	if x.Entity < 0 {
		return false
	}
	e := &c.d.entities[x.Entity]
	switch e.Type {
	case schema.Person, schema.Country, schema.Organization:
		return true
	case schema.Place:
		return e.Capital
	}
	return false
}

// groupLeft returns mention a with the mentions coordinated before it
// ("A, B and C"): the first step left must be "and".
func (c *sentCtx) groupLeft(a int) []int {
	out := []int{a}
	cur := a
	for step := 0; step < 12; step++ {
		k := c.ms[cur].T0 - 1
		for k > 0 && c.toks[k].Low == "the" {
			k--
		}
		if k < 1 {
			break
		}
		sep := c.toks[k].Low
		if sep != "and" && (sep != "," || step == 0) {
			break
		}
		k--
		comma := c.toks[k].Text == ","
		if comma {
			k--
		}
		if k < 0 {
			break
		}
		b := c.at[k]
		if (b < 0 || c.ms[b].T1 != k+1) && sep == "," {
			b = c.beforeRelative(k) // "X, who chairs CARICOM, Y and Z condemned"
		}
		if b >= 0 && c.ms[b].T1 == k+1 {
			b = c.personOfCountry(b) // "A of Guatemala and B of Honduras would meet"
		}
		if b < 0 || c.ms[b].T1 > k+1 || !c.isActor(&c.ms[b]) || hasInt(out, b) {
			break
		}
		if sep == "," && c.ms[b].Form == formPlural {
			break // "The two ministers, A of Oman and B of Kuwait": the list names them
		}
		if step == 0 && sep == "and" && comma && c.afterPreposition(b) {
			break // "solidarity with Honduras, and Mexico deplored": a new clause
		}
		if !c.listItem(b) {
			break // "met his counterpart, Dahl, and Berg sat down": an object
		}
		out = append(out, b)
		cur = b
	}
	return out
}

// personOfCountry returns the person named before "of" when mention b is
// the country in "A of Guatemala", else b.
func (c *sentCtx) personOfCountry(b int) int {
	t := c.ms[b].T0
	if c.typ(b) != schema.Country || t < 2 || c.toks[t-1].Low != "of" {
		return b
	}
	if a := c.endingAt(t - 1); a >= 0 && c.typ(a) == schema.Person {
		return a
	}
	return b
}

// afterPreposition reports whether mention b is the object of a
// preposition.
func (c *sentCtx) afterPreposition(b int) bool {
	p := c.ms[b].T0 - 1
	for p >= 0 && c.toks[p].Low == "the" {
		p--
	}
	return p >= 0 && prepositions[c.toks[p].Low]
}

// beforeRelative returns the mention a relative clause ending at token k
// is about ("Lindqvist, who chairs the Barents Euro-Arctic Council"), or -1.
func (c *sentCtx) beforeRelative(k int) int {
	for j := k; j >= 2 && j >= k-14; j-- {
		if t := c.toks[j]; t.Text == ";" || t.Text == "." {
			return -1
		}
		if c.toks[j].Low == "who" && c.toks[j-1].Text == "," {
			return c.endingAt(j - 1)
		}
	}
	return -1
}

// listItem reports whether mention b may open an item of a list: it starts
// the sentence or follows a separator, not a verb.
func (c *sentCtx) listItem(b int) bool {
	p := c.ms[b].T0 - 1
	for p >= 0 && c.toks[p].Low == "the" {
		p--
	}
	if p < 0 {
		return true
	}
	w := c.toks[p].Low
	return w == "," || w == "and" || prepositions[w] || clauseStarts[w] || c.subjectLike(b) ||
		!c.toks[p].Word
}

// groupRight returns mention a with the mentions coordinated after it
// ("A, B and C", "A, and with B", "A as well as B"); items after commas
// count only when an "and" closes the list.
func (c *sentCtx) groupRight(a int, kind argKind) []int {
	return c.group(a, kind, false)
}

// governedBy reports whether token k starts "governments of", "leaders
// of" or the like, which stand for the countries named after them.
func governedBy(toks []token, k int) bool {
	switch toks[k].Low {
	case "government", "governments", "leaders", "people", "peoples":
		return k+1 < len(toks) && toks[k+1].Low == "of"
	}
	return false
}

// countryOfPerson returns where "of <Country>" after person mention a
// ends, when token k is that "of", or -1.
func (c *sentCtx) countryOfPerson(a, k int) int {
	if c.typ(a) != schema.Person || k+1 >= len(c.toks) {
		return -1
	}
	if b := c.at[k+1]; b >= 0 && c.ms[b].T0 == k+1 && c.typ(b) == schema.Country {
		return c.ms[b].T1
	}
	return -1
}

// group returns mention a with the mentions coordinated after it; for a
// subject group a verb may follow the last one.
func (c *sentCtx) group(a int, kind argKind, subject bool) []int {
	out := []int{a}
	var pending []int
	cur := a
	for step := 0; step < 12; step++ {
		k := c.ms[cur].T1
		sawAnd, sawSep := false, false
	scan:
		for k < len(c.toks) {
			w := c.toks[k].Low
			switch {
			case w == ",":
				sawSep = true
			case w == "and":
				sawAnd, sawSep = true, true
			case w == "as" && k+2 < len(c.toks) && c.toks[k+1].Low == "well" &&
				c.toks[k+2].Low == "as":
				sawAnd, sawSep = true, true
				k += 2
			case (w == "with" || w == "to" || w == "the" || w == "by") && sawSep:
			case sawSep && governedBy(c.toks, k):
				k++ // "and by the governments of Oman and Kenya": the countries
			case w == "(" && !sawSep && k+2 < len(c.toks) && c.toks[k+2].Text == ")":
				k += 2 // "the Regional Council on River Basins (RCRB) and …"
			case w == "of" && !sawSep && c.countryOfPerson(cur, k) > k:
				k = c.countryOfPerson(cur, k) - 1 // "Elina Valtonen of Finland, …"
			default:
				break scan
			}
			k++
		}
		if !sawSep || k >= len(c.toks) {
			break
		}
		b := c.at[k]
		// The mention starts at k, or at a "the" skipped just before it
		// ("and by the UN envoy, X").
		if b < 0 || c.ms[b].T0 != k && (c.ms[b].T0 != k-1 || c.toks[k-1].Low != "the") ||
			!c.fits(&c.ms[b], kind) || hasInt(out, b) || hasInt(pending, b) {
			break
		}
		if e := c.ms[b].T1; !subject && e < len(c.toks) && (c.toks[e].Word && !c.toks[e].Cap &&
			!prepositions[c.toks[e].Low] && c.toks[e].Low != "and" && c.dateAdjunctEnd(e) < 0 ||
			c.toks[e].isPossessive()) {
			// "…, and Finance Minister Berg sat down", "…, and Mexico's
			// ministry": a new clause; "… and Kinshasa next month" is not.
			break
		}
		if sawAnd {
			out = append(append(out, pending...), b)
			pending = nil
		} else {
			pending = append(pending, b)
		}
		cur = b
	}
	return out
}

// hasInt reports whether list holds n.
func hasInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// fits reports whether mention x may be an argument of the kind.
func (c *sentCtx) fits(x *mention, kind argKind) bool {
	if x.Form == formPlural {
		switch kind {
		case argAgreement:
			return x.Type == schema.Agreement
		case argActor, argPerson, argTarget:
			return x.Type == schema.Person || x.Type == schema.Country
		}
		return false
	}
	if x.Entity < 0 {
		return false
	}
	e := &c.d.entities[x.Entity]
	switch kind {
	case argActor:
		return c.isActor(x)
	case argPerson:
		return e.Type == schema.Person
	case argPlace:
		return e.Type == schema.Place || e.Type == schema.Country || e.Type == schema.Event
	case argEvent:
		return e.Type == schema.Event
	case argAgreement:
		return e.Type == schema.Agreement
	case argTarget:
		return e.Type != schema.Place && e.Type != schema.Agreement
	}
	return false
}

// typ returns the type of the entity of mention a, or "" when it has none.
func (c *sentCtx) typ(a int) schema.EntityType {
	if a < 0 || c.ms[a].Entity < 0 {
		return ""
	}
	return c.d.entities[c.ms[a].Entity].Type
}
