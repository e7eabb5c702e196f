package loader

import (
	"time"

	"github.com/diplograph/diplograph/schema"
)

// negators deny the verb they stand before ("did not attend").
var negators = pkgLex.words("negators.txt")

// hedges make the verb they stand before a mere possibility.
var hedges = pkgLex.words("hedges.txt")

// cancellers, anywhere in a sentence, undo its visits, meetings and
// attendance ("she cancelled the visit").
var cancellers = pkgLex.words("cancellers.txt")

// planners make the verb after them a plan.
var planners = pkgLex.words("planners.txt")

// negated reports whether the verb at i is denied, hedged or, for visits,
// meetings and attendance, cancelled.
func (c *sentCtx) negated(i int, rel schema.RelationType) bool {
	for k := i - 1; k >= 0 && k >= i-9; k-- {
		t := c.toks[k]
		if t.Text == "," || t.Text == ";" || t.Low == "and" || t.Low == "but" {
			break
		}
		if a := c.at[k]; a >= 0 {
			if k < i-5 {
				break
			}
			k = c.ms[a].T0
			continue
		}
		if t.Lex&lexModal != 0 && !c.isMonthMay(k) && !c.refusedInvitation(k, rel) {
			return true
		}
	}
	switch rel {
	case schema.Visited, schema.Met, schema.Attended:
		if c.unfulfilledPlan(i) {
			return true
		}
		lo, hi := c.segment(i)
		// "called off the trip to A and instead flew to B": the cancelling
		// stays on its side of "instead".
		for k := lo; k < hi; k++ {
			if c.toks[k].Low == "instead" {
				if k < i {
					lo = k
				} else {
					hi = k
				}
			}
		}
		for k := lo; k < hi; k++ {
			t := c.toks[k]
			if t.Lex&lexCancel != 0 && (t.Low != "pulled" || k+1 < len(c.toks) &&
				c.toks[k+1].Low == "out") {
				return true
			}
			if (t.Low == "called" || t.Low == "calls" || t.Low == "call") && k+1 < len(c.toks) &&
				c.toks[k+1].Low == "off" {
				return true // "called off a scheduled visit"
			}
		}
		return c.plannedThenNot(i)
	}
	return false
}

// plannedThenNot reads "X, who had been due to open the Quito trade
// fair, did not go": an action planned in a relative clause is
// undone by a negated main verb right after it.
func (c *sentCtx) plannedThenNot(i int) bool {
	who := -1
	for k := i - 1; k >= 1 && k >= i-8; k-- {
		if c.toks[k].Text == "," {
			break
		}
		if c.toks[k].Low == "who" && c.toks[k-1].Text == "," {
			who = k
		}
	}
	if who < 0 {
		return false
	}
	for k := i + 1; k < len(c.toks) && k < i+16; k++ {
		if c.toks[k].Text != "," {
			continue
		}
		for j := k + 1; j < len(c.toks) && j <= k+3; j++ {
			if c.toks[j].Lex&(lexModal|lexCancel) != 0 && !c.isMonthMay(j) ||
				c.toks[j].Low == "stayed" || c.toks[j].Low == "remained" {
				return true
			}
		}
		return false
	}
	return false
}

// refusals deny what is offered, not the offer.
var refusals = pkgLex.words("refusals.txt")

// refusedInvitation reports whether the negator at k refuses an invitation
// rather than denies it: one declines an invitation that was made ("Berg
// declined Dahl's invitation"), but "declined to invite" made none.
func (c *sentCtx) refusedInvitation(k int, rel schema.RelationType) bool {
	return rel == schema.Invited && refusals[c.toks[k].Low] &&
		(k+1 >= len(c.toks) || c.toks[k+1].Low != "to")
}

// planned reports whether the verb at i is announced rather than done.
func (c *sentCtx) planned(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := c.toks[k]
		if t.Text == "," || t.Text == ";" || c.at[k] >= 0 {
			break
		}
		if planners[t.Low] {
			return true
		}
	}
	return false
}

// date returns the date of an action at token i: the nearest date of the
// sentence that does not belong to another event nor to a relative clause
// the action is outside of, else, for done actions, the date the story is
// about.
func (c *sentCtx) date(i int, obj []int, planned bool) string {
	best, bestDist := "", 1<<30
	fits := c.d.ws.dateFits[:0]
	for _, de := range c.d.dates[c.s] {
		if de.Value == "" || de.Adjectival || !de.counts(i) || asideFor(c.toks, de, i) ||
			c.ownedByOtherEvent(de, obj) || c.d.dc.laterThanPast(c.toks, de, i) ||
			afterClauseDate(c.toks, de, i) {
			continue
		}
		fits = append(fits, de)
	}
	c.d.ws.dateFits = fits
	if v, ok := c.attachedDate(fits, i); ok {
		return v
	}
	for _, de := range fits {
		dist := c.dateDistance(de, i)
		if dist < bestDist {
			best, bestDist = de.Value, dist
		}
	}
	if best != "" || planned {
		return best
	}
	return c.d.narrative(c.s)
}

// ownedByOtherEvent reports whether a date is written right by an event
// mention that is not one of the objects ("the attack on April 22").
func (c *sentCtx) ownedByOtherEvent(de dateExpr, obj []int) bool {
	for a := range c.ms {
		x := &c.ms[a]
		if x.Entity < 0 || x.Modifier || c.d.entities[x.Entity].Type != schema.Event ||
			hasInt(obj, x.Entity) {
			continue
		}
		if purposeOf(c.toks, x.T0) {
			continue // "to Lusaka for Independence Day on 24 October": the trip's day too
		}
		if de.T0 >= x.T0 && de.T1 <= x.T1 || de.T0 == x.T1 || de.T0 == x.T1+1 ||
			de.T1 == x.T0 || de.T1+1 == x.T0 {
			return true
		}
	}
	return false
}

// narrative returns the date the story is at in sentence s (storyDate).
func (d *document) narrative(s int) string {
	return d.storyDate(s)
}

// segment returns the stretch of the sentence around token i between
// semicolons.
func (c *sentCtx) segment(i int) (int, int) {
	lo, hi := 0, len(c.toks)
	for k := i - 1; k >= 0; k-- {
		if c.toks[k].Text == ";" {
			lo = k + 1
			break
		}
	}
	for k := i; k < len(c.toks); k++ {
		if c.toks[k].Text == ";" {
			hi = k
			break
		}
	}
	return lo, hi
}

// parseDay parses an ISO day.
func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// isMonthMay reports whether "May" at token k is the month ("from May 10
// to 14", "in May"), not the verb.
func (c *sentCtx) isMonthMay(k int) bool {
	t := c.toks[k]
	if t.Low != "may" {
		return false
	}
	return t.Cap && k > 0 || k+1 < len(c.toks) && c.toks[k+1].Digit
}

// unfulfilledPlan reports whether the act at token i is a plan told in
// the past perfect, which says it did not come about: "had been scheduled
// to fly to X", "had been expected to attend", "had planned to visit" (a
// planner after "had" or "had been").
func (c *sentCtx) unfulfilledPlan(i int) bool {
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		if !planners[c.toks[k].Low] {
			continue
		}
		if c.toks[k-1].Low == "had" || k >= 2 && c.toks[k-1].Low == "been" && c.toks[k-2].Low == "had" {
			return true
		}
	}
	return false
}
