package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// hasObjectPhrase reports whether a noun phrase follows the verb ending at
// end ("signed a memorandum"), rather than a preposition or punctuation.
func (c *sentCtx) hasObjectPhrase(end int) bool {
	for k := end; k < len(c.toks) && k < end+3; k++ {
		t := c.toks[k]
		switch {
		case !t.Word || prepositions[t.Low]:
			return false
		case t.Low == "also" || t.Low == "as" || t.Low == "jointly" || t.Low == "formally":
			continue
		}
		return true
	}
	return false
}

// visitedWhere reads "met Wongsa … in Bangkok": a person who met, signed or
// attended in a place of another country visited it.
func (c *sentCtx) visitedWhere(rel schema.RelationType, subj []int, end int) {
	switch rel {
	case schema.Met, schema.Signed, schema.Attended:
	default:
		return
	}
	for k := end; k+1 < len(c.toks) && k < end+15; k++ {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." || t.Text == "," && k+1 < len(c.toks) &&
			(c.toks[k+1].Low == "which" || c.toks[k+1].Low == "who") {
			return
		}
		if t.Low != "in" {
			continue
		}
		p := c.placeAfter(k)
		if p < 0 || c.typ(p) != schema.Place {
			continue
		}
		place := c.ms[p].Entity
		for _, s := range subj {
			if c.d.entities[s].Type == schema.Person && c.d.foreign(s, place) {
				c.d.addRel(schema.Visited, s, place, c.s, c.date(k, nil, false), false, 0.55)
			}
		}
		return
	}
}

// mainSubject returns the subject of the sentence's main clause, for a
// participle after a comma: the first mention before i that opens a
// clause.
func (c *sentCtx) mainSubject(i int) []int {
	for k := 0; k < i; k++ {
		a := c.at[k]
		if a < 0 {
			continue
		}
		if c.isActor(&c.ms[a]) && c.subjectLike(a) {
			return c.groupLeft(a)
		}
		k = c.ms[a].T1 - 1
	}
	return nil
}

// alongside returns the actors signing or attending "alongside" the
// subject ("Aravena signed the accord alongside Uruguay's Martín Sosa, …
// and Paraguay's Elena Duarte").
// A verb of joint action takes its partner with a bare "with" ("co-chaired
// the talks with X").
func (c *sentCtx) alongside(rel schema.RelationType, i, end int) []int {
	if rel != schema.Signed && rel != schema.Attended && rel != schema.Condemned &&
		rel != schema.Visited {
		return nil
	}
	joint := strings.HasPrefix(c.toks[i].Low, "co-")
	for k := end; k+1 < len(c.toks) && k < end+12; k++ {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." {
			return nil
		}
		start := -1
		switch {
		case t.Low == "alongside":
			start = k + 1
		case (t.Low == "together" || t.Low == "along") && c.toks[k+1].Low == "with":
			start = k + 2
		case joint && t.Low == "with":
			start = k + 1
		}
		if start >= 0 && start+1 < len(c.toks) && c.at[start] < 0 && c.toks[start].Low == "the" {
			start++ // "alongside the head of the Pacific Islands Forum, X"
		}
		if start >= 0 && start < len(c.toks) {
			if a := c.at[start]; a >= 0 && c.isActor(&c.ms[a]) {
				return c.entities(c.groupRight(a, argActor), argActor)
			}
			return nil
		}
	}
	return nil
}
