package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// signWords mark a sentence about signing.
var signWords = pkgLex.words("sign-words.txt")

// agreementNominal settles an agreement named by a common noun: an apposed
// name ("the 2018 fisheries deal, the Coastal Waters Accord"),
// a named agreement with the same head noun, or the agreement signed in the
// article.
func (d *document) agreementNominal(r ref, m *mention) {
	if k := d.apposedAgreement(r, m); k >= 0 {
		d.attach(r, k)
		return
	}
	if !m.Generic {
		d.topicAgreement(r, m)
		return
	}
	best, bestDist := -1, 1<<30
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Agreement || e.Dropped || e.Generic {
			continue
		}
		if !hasString(strings.Fields(fold(e.Name)), m.Head) {
			continue
		}
		dist := absInt(e.Mentions[0].Sent - r.Sent)
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	bare := !strings.Contains(strings.TrimSpace(m.Name), " ") ||
		strings.HasPrefix(fold(m.Name), "a ") || strings.HasPrefix(fold(m.Name), "the ")
	if best < 0 && bare && d.sentenceHas(r.Sent, signWords) {
		best = d.signedAgreement()
	}
	if best >= 0 {
		d.attach(r, best)
		if !hasString(d.entities[best].Aliases, m.Name) {
			d.entities[best].Aliases = append(d.entities[best].Aliases, m.Name)
		}
		return
	}
	// An agreement known only by common nouns ("a new boundary agreement")
	// makes no node.
}

// topicAgreement settles an agreement noun with a topic ("a memorandum
// of understanding on rice exports"): it is the named agreement whose name
// holds its words ("the Framework Agreement on Cobalt Refining"), an
// agreement with the same name met before, or a new agreement of its own.
func (d *document) topicAgreement(r ref, m *mention) {
	words := strings.Fields(fold(m.Name))
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Agreement || e.Dropped || e.Generic {
			continue
		}
		if fold(e.Name) == fold(m.Name) || subsetWords(words, strings.Fields(fold(e.Name))) {
			d.attach(r, k)
			if !hasString(e.Aliases, m.Name) && e.Name != m.Name {
				e.Aliases = append(e.Aliases, m.Name)
			}
			return
		}
	}
	d.newEntity(r, schema.Agreement, m.Name)
}

// apposedAgreement returns the named agreement apposed to nominal m, or -1.
func (d *document) apposedAgreement(r ref, m *mention) int {
	toks := d.views[r.Sent].Toks
	for _, x := range d.mentions[r.Sent] {
		if x.Type != schema.Agreement || x.Form != formProper || x.Entity < 0 {
			continue
		}
		after := m.T1 < len(toks) && toks[m.T1].Text == "," &&
			(x.T0 == m.T1+1 || x.T0 == m.T1+2 && toks[m.T1+1].Low == "the")
		before := x.T1 < len(toks) && toks[x.T1].Text == "," &&
			(m.T0 == x.T1+1 || m.T0 == x.T1+2 && toks[x.T1+1].Low == "the")
		if after || before {
			return x.Entity
		}
	}
	return -1
}

// sentenceHas reports whether sentence s holds one of words.
func (d *document) sentenceHas(s int, words map[string]bool) bool {
	for _, t := range d.views[s].Toks {
		if words[t.Low] {
			return true
		}
	}
	return false
}

// signedAgreement returns the first named agreement mentioned in a sentence
// about signing, or -1.
func (d *document) signedAgreement() int {
	if d.signed == -2 {
		d.signed = d.findSigned()
	}
	return d.signed
}

// findSigned computes signedAgreement.
func (d *document) findSigned() int {
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Agreement || e.Dropped || e.Generic {
			continue
		}
		for _, r := range e.Mentions {
			if d.sentenceHas(r.Sent, signWords) {
				return k
			}
		}
	}
	return -1
}

// attachedDate returns the date written next to an event mention ("the
// bombing on March 3", "Wednesday's parade"): the nearest date of
// its sentence within ten words, with no comma between.
func (d *document) attachedDate(r ref, m *mention) string {
	toks := d.views[r.Sent].Toks
	best, bestDist := "", 15
	for _, de := range d.dates[r.Sent] {
		// An adjectival year dates the event it stands in or right before
		// ("the 2021 coup").
		if de.Value == "" || !de.counts(m.T0) || de.Adjectival && de.T1 != m.T0+1 &&
			de.T1 != m.T0 && de.T0 != m.T0 && !ofDate(toks, de, m) && !onsetDate(toks, de, m) &&
			!possessiveDate(toks, de, m) {
			continue
		}
		var lo, hi, dist int
		if de.T0 >= m.T1 {
			lo, hi, dist = m.T1, de.T0, de.T0-m.T1
		} else {
			lo, hi, dist = de.T1, m.T0, m.T0-de.T1
			if dist > 6 || verbAdjunct(toks, lo, hi) {
				continue // a date well before the noun dates the verb
			}
		}
		if de.T0 >= m.T0 && de.T1 <= m.T1 {
			dist = 0
		}
		comma := false
		for k := lo; k < hi && k < len(toks); k++ {
			if toks[k].Text == ";" || toks[k].Text == "," && !relativeOpens(toks, k+1) {
				comma = true
			}
		}
		// A nearer date wins, and so does one that refines it ("the 2026
		// Games in November").
		if !comma && (dist < bestDist || finerDate(best, de.Value) != best) {
			best, bestDist = de.Value, dist
		}
	}
	return best
}

// absInt returns |n|.
func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// relativeOpens reports whether token k opens a relative clause that tells
// more of the noun before the comma ("which", "that", "during", "when",
// "in which"), so a date in it is still the noun's, or a purpose ("gathered
// in Nukus in March 2019, for a working meeting"), whose event
// the date before the comma dates.
func relativeOpens(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].Low {
	case "which", "that", "during", "when", "for":
		return true
	case "in", "at":
		return k+1 < len(toks) && toks[k+1].Low == "which" // "…, in which 14 were killed on Saturday"
	}
	return false
}

// onsetDate reports whether a date after "since" later in the clause of a
// disaster or war tells when it began ("floods have displaced 40,000
// people since May 30").
func onsetDate(toks []token, de dateExpr, m *mention) bool {
	return (m.Kind == "disaster" || m.Kind == "war") && de.T0 > m.T1 && toks[de.T0-1].Low == "since"
}

// possessiveDate reports whether a date stands right before the event
// mention with a possessive marker between ("Sunday's boat disaster").
func possessiveDate(toks []token, de dateExpr, m *mention) bool {
	return de.T1+1 == m.T0 && de.T1 < len(toks) && toks[de.T1].isPossessive()
}
