package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// possessor returns the possessor of a noun trigger ("Sandvik's first
// visit", "Aravena's meeting"), or a "by" agent after it ("the first visit
// to Chile by a Norwegian prime minister").
func (c *sentCtx) possessor(i int) []int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := c.toks[k]
		if t.isPossessive() {
			if a := c.endingAt(k); a >= 0 && c.isActor(&c.ms[a]) {
				return []int{a}
			}
			return nil
		}
		if !t.Word || c.at[k] >= 0 {
			return nil
		}
	}
	for k := i + 1; k < len(c.toks) && k < i+10; k++ {
		if c.toks[k].Text == "," || c.toks[k].Text == ";" {
			break
		}
		if c.toks[k].Low == "by" && k+1 < len(c.toks) {
			if a := c.at[k+1]; a >= 0 && c.isActor(&c.ms[a]) {
				return []int{a}
			}
			if k+2 < len(c.toks) {
				if a := c.at[k+2]; a >= 0 && c.isActor(&c.ms[a]) {
					return []int{a}
				}
			}
		}
	}
	return nil
}

// byAgent returns the agents of a passive verb: the group after "by"; a
// plural apposed to a list ("by both envoys, A and B") gives
// the list.
func (c *sentCtx) byAgent(end int) []int {
	for k := end; k < len(c.toks) && k < end+8; k++ {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." {
			return nil
		}
		if t.Low != "by" {
			continue
		}
		for j := k + 1; j < len(c.toks) && j < k+4; j++ {
			if governedBy(c.toks, j) {
				j++ // "by the governments of Chile, Peru and Ghana"
				k += 2
				continue
			}
			a := c.at[j]
			if a < 0 {
				continue
			}
			x := &c.ms[a]
			if x.Form == formPlural && x.T1+1 < len(c.toks) && c.toks[x.T1].Text == "," {
				if b := c.at[x.T1+1]; b >= 0 && c.isActor(&c.ms[b]) {
					return c.entities(c.groupRight(b, argActor), argActor)
				}
			}
			if c.isActor(x) {
				return c.entities(c.groupRight(a, argActor), argActor)
			}
			return nil
		}
		return nil
	}
	return nil
}

// sayer returns the subject of a reporting verb in the sentence ("Aravena
// said …"), the agent of an agentless passive it reports.
func (c *sentCtx) sayer() []int {
	for k, t := range c.toks {
		switch t.Low {
		case "said", "says", "announced", "stated", "told":
			if s := c.subjectLeft(k); len(s) > 0 {
				return s
			}
		}
	}
	return nil
}

// isPassive reports whether the verb at i is a passive participle ("was
// invited", "had been signed"), or a participle that follows the noun it
// qualifies with its agent after it ("the meeting, chaired by X").
func (c *sentCtx) isPassive(i int) bool {
	w := c.toks[i].Low
	if !strings.HasSuffix(w, "ed") && w != "met" && w != "held" && w != "asked" {
		return false
	}
	if i >= 2 && c.toks[i-1].Text == "," && (c.endingAt(i-1) >= 0 || c.toks[i-2].Text == ")") &&
		i+1 < len(c.toks) && c.toks[i+1].Low == "by" {
		return true // "the meeting (NB8), hosted by X"
	}
	if i >= 2 && c.toks[i-1].Low == "and" && i+1 < len(c.toks) && c.toks[i+1].Low == "by" &&
		c.passiveBefore(i-1) {
		return true // "was chaired by X and attended by Y": the "was" is the first verb's
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch c.toks[k].Low {
		case "was", "were", "been", "be", "is", "are", "being":
			return true
		case "also", "first", "not", "already", "formally", "jointly", "then", "reportedly":
			continue
		}
		return false
	}
	return false
}

// passiveBefore reports whether a passive verb with its "by" agent stands
// in the clause before token i, so that a verb coordinated with it
// shares its auxiliary.
func (c *sentCtx) passiveBefore(i int) bool {
	for k := i - 1; k >= 1 && k >= i-20; k-- {
		switch c.toks[k].Text {
		case ";", ".", ":":
			return false
		case "by":
			if c.toks[k-1].Low != "and" && c.isPassive(k-1) {
				return true
			}
		}
	}
	return false
}

// entities turns argument mentions into entity indexes of the kind:
// capitals become their countries, plurals their members.
func (c *sentCtx) entities(ms []int, kind argKind) []int {
	var out []int
	for _, a := range ms {
		x := &c.ms[a]
		for _, k := range c.d.mentionEntities(c.s, a) {
			e := &c.d.entities[k]
			if e.Type == schema.Place && e.Capital && (kind == argActor || kind == argTarget) {
				if x.Prep != "in" && x.Prep != "at" {
					if cc := c.d.countryEntity(e.Code); cc >= 0 {
						k = cc
					}
				}
			}
			if !hasInt(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}
