package loader

import (
	"strings"

	"github.com/diplograph/diplograph/syntax"
)

// tense returns the tense of the clause a date at token i is written in:
// the words near it first (clauseTense), then, when they leave it open,
// the verb the parse says the date belongs to ("prepares to host the
// forum's meeting in the capital in September": a plan, September next).
func (dc *dateContext) tense(v *sentView, i int) tense {
	if tn := clauseTense(v, i); tn != tenseNeutral || dc.parse == nil {
		return tn
	}
	p := dc.parse(v)
	if p == nil || i >= p.Len() {
		return tenseNeutral
	}
	if parsedTense(p, i) == tenseFuture {
		// Only a plan is taken from the parse: a past verb near the date
		// the words show already, and one far from it is more often a
		// misattached date than the date's own verb.
		return tenseFuture
	}
	return tenseNeutral
}

// parsedTense reads the tense of the verb word i depends on: climbing from
// the date to the first verb, a future auxiliary, an infinitive (what one
// prepares, plans or is due to do lies ahead) or a present tense (a
// timetable: "the summit opens on 3 May") make it future; a past tense or
// a past auxiliary make it past.
func parsedTense(p *syntax.Parse, i int) tense {
	k := i
	for steps := 0; k >= 0 && steps < 8 && p.Words[k].UPOS != "VERB"; steps++ {
		k = p.Head(k)
	}
	for hops := 0; k >= 0 && p.Words[k].UPOS == "VERB" && hops < 3; hops++ {
		if tn := verbTense(p, k); tn != tenseNeutral {
			return tn
		}
		switch p.Rel(k) {
		case "xcomp", "conj", "advcl":
			k = p.Head(k) // "to host the leaders meeting in September"
		default:
			return tenseNeutral
		}
	}
	return tenseNeutral
}

// verbTense reads the tense of verb k from its auxiliaries and its tag.
func verbTense(p *syntax.Parse, k int) tense {
	for _, c := range p.Children(k) {
		if !strings.HasPrefix(p.Rel(c), "aux") {
			continue
		}
		switch strings.ToLower(p.Words[c].Form) {
		case "will", "shall", "'ll":
			return tenseFuture
		case "was", "were", "had", "did", "has", "have":
			return tensePast
		case "is", "are", "am":
			return tenseFuture // "is meeting on Friday", "is expected on Friday"
		case "to":
		}
	}
	switch p.Words[k].XPOS {
	case "VBD":
		return tensePast
	case "VBZ", "VBP":
		return tenseFuture
	case "VB":
		for _, c := range p.ChildrenRel(k, "mark") {
			if strings.EqualFold(p.Words[c].Form, "to") {
				return tenseFuture
			}
		}
	}
	return tenseNeutral
}

// attachedDate returns the date of an act at token i when, of the dates
// fits the sentence offers it, the parse attaches exactly one to the act:
// to its trigger, or to the verb that carries a trigger noun ("held talks
// on Monday"). In "arrived on Monday and met the king on Tuesday" the
// meeting is Tuesday's, however near Monday is.
func (c *sentCtx) attachedDate(fits []dateExpr, i int) (string, bool) {
	if len(fits) < 2 || c.d.parse == nil {
		return "", false
	}
	p := c.d.parse(c.d.views[c.s])
	if p == nil || p.Len() != len(c.toks) || i >= p.Len() {
		return "", false
	}
	anchor, carrier := i, -1
	if p.Words[i].UPOS != "VERB" {
		if h := p.Head(i); h >= 0 && p.Words[h].UPOS == "VERB" {
			carrier = h
		}
	}
	found, n := "", 0
	for _, de := range fits {
		if de.T0 >= de.T1 || de.T1 > p.Len() {
			continue
		}
		// Only a date that depends on the act itself: one inside a noun
		// phrase ("the deadliest attack this year") dates that phrase.
		if k := p.Head(spanHead(p, de.T0, de.T1)); k >= 0 && (k == anchor || k == carrier) &&
			de.Value != found {
			n++
			found = de.Value
		}
	}
	return found, n == 1
}

// spanHead returns the word of [t0, t1) whose head lies outside it.
func spanHead(p *syntax.Parse, t0, t1 int) int {
	for k := t0; k < t1; k++ {
		if h := p.Head(k); h < t0 || h >= t1 {
			return k
		}
	}
	return t1 - 1
}
