package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// form tells how a mention names its entity.
type form uint8

// The forms of mentions.
const (
	formProper  form = iota // a name as written: "Tomás Aravena", "Chile"
	formDemonym             // an adjective: "Chilean"
	formNominal             // a common noun phrase: "the attack", "the prime minister"
	formPronoun             // "he", "his", "its"
	formPlural              // "the two leaders", "both sides"
)

// mention is one place in the text that names or refers to an entity. Token
// indexes are within the mention's sentence.
type mention struct {
	Sent   int
	T0, T1 int // the whole mention, titles included
	N0, N1 int // the name alone
	Type   schema.EntityType
	Name   string
	Code   string // ISO code: the country, or the country a place lies in
	Kind   string // kind of an event
	Head   string // lower-case head noun of a nominal ("attack", "minister")
	Year   string // year written in an agreement's or event's name
	Prep   string // the lower-case word just before the mention
	// Office of a person: the role, whether it is a leader's, and where it
	// is held (a country code, or the index of the mention of an
	// organisation, or of a person or pronoun whose country it is).
	Role     string
	RoleCode string
	RoleOrg  int
	RoleRef  int
	Number   int // size of a plural ("the two leaders": 2; 0 unknown)
	Entity   int // index of the entity after coreference; -1 before
	Form     form
	// Capital is set for a capital, which may stand for its country.
	Capital bool
	// Modifier is set for a mention inside a larger name ("Chilean" in
	// "Chilean President Tomás Aravena"): it makes a node but takes no part
	// in relations.
	Modifier    bool
	Poss        bool // followed by a possessive marker
	Generic     bool // an event or agreement noun with no name of its own
	Leader      bool // the office is a head of state's or government's
	Counterpart bool // "his counterpart": the office of the one it points to
	Abbrev      bool // the title is written as an abbreviation: "EAM", "PM"
	// Fresh is set for an event with a name of its own brought in by "a"
	// ("a meeting of Nordic heads of government"): it is a new event,
	// not one named before.
	Fresh bool
}

// newMention returns a mention with the "none" values set.
func newMention(sent, t0, t1 int, typ schema.EntityType, f form) mention {
	return mention{
		Sent: sent, T0: t0, T1: t1, N0: t0, N1: t1, Type: typ, Form: f,
		RoleOrg: -1, RoleRef: -1, Entity: -1,
	}
}

// gazMatch is a gazetteer phrase found at a token: its end and meaning
// (nil when End is 0).
type gazMatch struct {
	End   int
	Entry *gazEntry
}

// roleMatch is a title of office found at a token (Info is nil when End is
// 0).
type roleMatch struct {
	End  int
	Info *roleInfo
}

// sentView is a sentence prepared for mention finding.
type sentView struct {
	Body  string // the document body the tokens point into
	Index int
	Toks  []token
	Folds []string
	Gaz   []gazMatch  // by start token; End 0 when none
	Roles []roleMatch // by start token; End 0 when none
	Para  int
}

// mentionFinder finds the mentions of a sentence: proper names (split into
// titles, modifiers and the name), nominals, pronouns and plurals.
type mentionFinder struct {
	g *gazetteer
}

// views prepares the sentences for mention finding, in the arrays of the
// workspace.
func (mf mentionFinder) views(body string, sents []sentence, ws *workspace) []*sentView {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	ws.folds = resize(ws.folds, n)
	ws.gaz = resize(ws.gaz, n)
	ws.roles = resize(ws.roles, n)
	ws.views = resize(ws.views, len(sents))
	ws.vptrs = resize(ws.vptrs, len(sents))
	folds, gaz, roles, vs, out := ws.folds, ws.gaz, ws.roles, ws.views, ws.vptrs
	off := 0
	for si, s := range sents {
		k := len(s.Tokens)
		vs[si] = sentView{Body: body, Index: si, Toks: s.Tokens, Folds: folds[off : off+k : off+k],
			Gaz: gaz[off : off+k : off+k], Roles: roles[off : off+k : off+k], Para: s.Para}
		off += k
		out[si] = &vs[si]
		mf.fill(out[si])
	}
	return out
}

// fill computes the folds, gazetteer phrases and titles of a view.
func (mf mentionFinder) fill(v *sentView) {
	for i := range v.Toks {
		v.Toks[i].Lex = mf.g.lex[v.Toks[i].Low]
	}
	for i, t := range v.Toks {
		switch {
		case t.isPossessive():
			v.Folds[i] = "s"
		case isLowerASCII(t.Low):
			v.Folds[i] = t.Low // folding a word of ASCII letters and digits lowers it
		default:
			v.Folds[i] = foldWord(t.Text)
		}
	}
	for i, t := range v.Toks {
		// A lower-case Arabic article starts names too: "al Qaeda".
		article := (t.Low == "al" || t.Low == "el") && i+1 < len(v.Toks) && v.Toks[i+1].Cap
		if t.Cap || t.Digit || article {
			if m, ok := mf.gazAt(v, i); ok {
				v.Gaz[i] = m
			}
		}
		if r, ok := mf.roleAt(v, i); ok {
			v.Roles[i] = r
		}
	}
}

// gazAt returns the longest gazetteer phrase that starts at token i.
func (mf mentionFinder) gazAt(v *sentView, i int) (gazMatch, bool) {
	var best gazMatch
	found := false
	var buf [64]byte
	key := buf[:0]
	for j := i; j < len(v.Toks) && j-i < mf.g.maxWords+2; j++ {
		f := v.Folds[j]
		if f == "" {
			break
		}
		switch {
		case len(key) == 0:
		case v.Toks[j].isPossessive():
			// "People's" folds to "peoples"
		default:
			key = append(key, ' ')
		}
		key = append(key, f...)
		if e, ok := mf.g.phrases[string(key)]; ok && (!e.ExactCase || allUpper(v.Toks[i:j+1])) {
			best, found = gazMatch{End: j + 1, Entry: e}, true
		}
		if !mf.g.prefixes[string(key)] {
			break
		}
	}
	return best, found
}

// roleAt returns the longest title of office that starts at token i.
func (mf mentionFinder) roleAt(v *sentView, i int) (roleMatch, bool) {
	var best roleMatch
	found := false
	if v.Toks[i].Lex&lexRoleFirst == 0 {
		return best, false
	}
	var buf [64]byte
	key := buf[:0]
	for j := i; j < len(v.Toks) && j-i < 4; j++ {
		if !v.Toks[j].Word {
			break
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		key = append(key, v.Toks[j].Low...)
		if r, ok := mf.g.roles[string(key)]; ok {
			best, found = roleMatch{End: j + 1, Info: r}, true
		}
		if !mf.g.rolePrefixes[string(key)] {
			break
		}
	}
	return best, found
}

// allUpper reports whether the letters of toks are all upper case.
func allUpper(toks []token) bool {
	for _, t := range toks {
		if t.Text != strings.ToUpper(t.Text) {
			return false
		}
	}
	return true
}

// scratch is memory that finding the mentions of one sentence uses and the
// next sentence reuses; one document owns one.
type scratch struct {
	runs    []run
	ms      []mention
	add     []mention
	covered []int
	order   []int
	pos     []int
	sorted  []mention
}

// find returns the mentions of a prepared sentence, kept in the workspace.
func (mf mentionFinder) find(v *sentView, ws *workspace) []mention {
	sc := &ws.sc
	out := sc.ms[:0]
	sc.runs = mf.runs(v, sc.runs[:0])
	for _, r := range sc.runs {
		out = mf.classify(out, v, r)
	}
	out = mf.nominals(v, out, sc)
	out = mf.units(v, out)
	sc.ms = out
	return ws.keep(sc.sortMentions(out))
}

// sortMentions returns ms in text order, a larger span before the ones
// inside it, with the references between them renumbered, in scratch
// memory.
func (sc *scratch) sortMentions(ms []mention) []mention {
	order := sc.order[:0]
	for i := range ms {
		order = append(order, i)
	}
	// Insertion sort: stable, and the mentions come nearly sorted.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && mentionBefore(&ms[order[j]], &ms[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	pos := sc.pos[:0]
	for range ms {
		pos = append(pos, 0)
	}
	out := resize(sc.sorted, len(ms))
	sc.sorted = out
	for to, from := range order {
		pos[from] = to
		out[to] = ms[from]
	}
	for i := range out {
		if out[i].RoleOrg >= 0 {
			out[i].RoleOrg = pos[out[i].RoleOrg]
		}
		if out[i].RoleRef >= 0 {
			out[i].RoleRef = pos[out[i].RoleRef]
		}
	}
	sc.order, sc.pos = order, pos
	return out
}

// mentionBefore reports whether x comes before y in text order: it starts
// earlier, or at the same token and ends later.
func mentionBefore(x, y *mention) bool {
	if x.T0 != y.T0 {
		return x.T0 < y.T0
	}
	return x.T1 > y.T1
}

// isLowerASCII reports whether s is made of lower-case ASCII letters and
// digits only.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}
