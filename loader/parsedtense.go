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
