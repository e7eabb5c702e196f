package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

// nicknameOf returns the person a name is given to as another name, or -1:
// "Mohamad Hasan, better known as Tok Mat", "…, nicknamed Hemedti",
// "Anwar Ibrahim (Tok Nan)". The person is the last one named before the
// cue in the sentence.
func (d *document) nicknameOf(r ref, m *mention) int {
	k := d.nicknameAt(r, m)
	if k < 0 {
		return -1
	}
	best, end := -1, 0
	for _, x := range d.mentions[r.Sent] {
		if x.T1 <= k && x.Entity >= 0 && !x.Modifier && d.entities[x.Entity].Type == schema.Person {
			best, end = x.Entity, x.T1
		}
	}
	// "X and a rebel chief nicknamed Y": the nickname is someone else's;
	// "X, who led … and was known as Y" joins two verbs of X.
	if best >= 0 && otherSubject(d.views[r.Sent].Toks[end:k]) {
		return -1
	}
	return best
}

// otherSubject reports whether the words between a person's name and a
// nickname cue bring in another subject: a conjunction not followed by a
// verb.
func otherSubject(toks []token) bool {
	for i, t := range toks {
		switch t.Low {
		case "and", "or", "but":
			if i+1 < len(toks) && (auxiliaries[toks[i+1].Low] ||
				wordTense(toks, i+1) != tenseNeutral) {
				continue // "… and was known as"
			}
			return true
		case "while", ";":
			return true
		}
	}
	return false
}

// nicknameCue reports whether a name is introduced as another name of
// someone.
func (d *document) nicknameCue(r ref, m *mention) bool {
	return d.nicknameAt(r, m) >= 0
}

// nicknameAt returns the token of the cue before a name that introduces it
// as another name ("known as", "nicknamed", a bracket after a person's
// name), or -1.
func (d *document) nicknameAt(r ref, m *mention) int {
	v := d.views[r.Sent]
	k := m.T0 - 1
	for k >= 0 && isQuoteMark(v.Toks[k].Text) {
		k--
	}
	if k < 1 {
		return -1
	}
	switch v.Toks[k].Low {
	case "(":
		for _, x := range d.mentions[r.Sent] {
			if x.T1 == k && x.Type == schema.Person && x.Form == formProper {
				return k
			}
		}
		return -1
	case "nicknamed", "dubbed":
	case "as": // "known as", "better known locally as"
		if !hasWordIn(v.Toks[max(0, k-4):k], "known") {
			return -1
		}
	case "called": // "popularly called"
		if !hasWordIn(v.Toks[k-1:k], "popularly", "affectionately", "commonly", "widely") {
			return -1
		}
	default:
		return -1
	}
	return k
}

// isQuoteMark reports whether a token is a quotation mark.
func isQuoteMark(s string) bool {
	switch s {
	case "\"", "'", "\u201c", "\u201d", "\u2018", "\u2019":
		return true
	}
	return false
}

// initialsOf returns the one person whose name's initials spell an
// all-capital word ("MBS" for Mohammed bin Salman, "AMLO" for Andrés
// Manuel López Obrador), with or without its connector words, or -1.
func (d *document) initialsOf(w string) int {
	if len(w) < 2 || len(w) > 5 || strings.ContainsRune(w, '.') {
		return -1
	}
	found := -1
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Person || e.Dropped {
			continue
		}
		words := strings.Fields(e.Name)
		if len(words) < 2 || initials(words, nil) != w && initials(words, d.g.connectors) != w {
			continue
		}
		if found >= 0 {
			return -1 // two people with the same initials: neither
		}
		found = k
	}
	return found
}

// initials returns the upper-case first letters of words, leaving out the
// words in skip.
func initials(words []string, skip map[string]bool) string {
	var b strings.Builder
	for _, w := range words {
		if skip[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}
