package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// object returns the objects of frame fr matched at tokens [i, end).
func (c *sentCtx) object(fr *frame, i, end int) []int {
	switch fr.Obj {
	case objDirect:
		if a := c.directObject(fr, i, end); a >= 0 {
			if fr.Rel == schema.Called && c.namesAs(c.ms[a].T1) {
				return nil // "called Mexico a partner": naming, not phoning
			}
			return c.entities(c.groupRight(a, fr.Kind), fr.Kind)
		}
		// "which Chile invited": the object is the antecedent of "which".
		switch fr.Rel {
		case schema.Invited, schema.Supported, schema.Attended, schema.Signed, schema.Condemned:
			return c.entities(c.relativeAntecedent(i, fr.Kind), fr.Kind)
		}
	case objAfter:
		obj := c.objectAfter(fr, end)
		obj = append(obj, c.secondly(fr, obj)...)
		return c.entities(obj, fr.Kind)
	case objClause:
		for k := end; k < len(c.toks) && k < end+25; k++ {
			if t := c.toks[k]; t.Text == ";" || t.Text == "." {
				break
			}
			if a := c.at[k]; a >= 0 && c.fits(&c.ms[a], fr.Kind) && c.typ(a) != schema.Event {
				return c.entities([]int{a}, fr.Kind)
			}
		}
	}
	return nil
}

// secondly returns a further object of the same preposition later in the
// clause ("travelled first to the Binational Summit … and then to the
// ASEAN Summit").
func (c *sentCtx) secondly(fr *frame, obj []int) []int {
	if len(obj) == 0 {
		return nil
	}
	last := c.ms[obj[len(obj)-1]].T1
	for k := last; k+2 < len(c.toks) && k < last+8; k++ {
		t := c.toks[k]
		if t.Text == ";" || t.Text == "." || c.at[k] >= 0 {
			return nil
		}
		if t.Low != "and" {
			continue
		}
		j := k + 1
		switch c.toks[j].Low {
		case "secondly", "then", "later", "also", "finally", "second":
			j++
		}
		if j < len(c.toks) && hasString(fr.Preps, c.toks[j].Low) {
			for m := j + 1; m < len(c.toks) && m <= j+2; m++ {
				if a := c.at[m]; a >= 0 && c.fits(&c.ms[a], fr.Kind) {
					return []int{a}
				}
			}
		}
		return nil
	}
	return nil
}

// patientLeft returns the patient of a passive verb at i: the nearest
// mention of the kind before it that opens a clause.
func (c *sentCtx) patientLeft(i int, kind argKind) []int {
	if kind == argActor || kind == argPerson {
		return c.subjectLeft(i)
	}
	for k := i - 1; k >= 0; k-- {
		if c.toks[k].Text == ";" {
			break
		}
		if a := c.at[k]; a >= 0 {
			if c.fits(&c.ms[a], kind) && c.subjectLike(a) {
				return []int{a}
			}
			k = c.ms[a].T0
		}
	}
	return nil
}

// directObject returns the mention right after the trigger, past
// determiners and adverbs, or -1.
func (c *sentCtx) directObject(fr *frame, i, end int) int {
	for k := end; k < len(c.toks) && k < end+6; k++ {
		if e := c.dateAdjunctEnd(k); k == end && e > k {
			k = e - 1 // "condemned on Friday the bombing": the date stands before the object
			continue
		}
		if a := c.at[k]; a >= 0 {
			x := &c.ms[a]
			if c.fits(x, fr.Kind) || fr.Rel == schema.Visited && c.fits(x, argEvent) {
				return a
			}
			if x.T1 < len(c.toks) && c.toks[x.T1].isPossessive() && fr.Kind == argEvent {
				k = x.T1 // "attended Nujoma's state funeral": the funeral is the object
				continue
			}
			return -1
		}
		t := c.toks[k]
		if t.isPossessive() && k > end && (isTimeWord(c.toks[k-1]) ||
			c.toks[k-1].Cap && fr.Kind == argEvent) {
			continue // "condemned Wednesday's attack", "attended Nujoma's funeral"
		}
		if !t.Word && t.Text != "\"" && t.Text != "\u201c" && t.Text != "\u201d" {
			return -1
		}
		if prepositions[t.Low] {
			if t.Low == "with" && (fr.Rel == schema.Met || fr.Rel == schema.Condoled) {
				continue
			}
			return -1
		}
	}
	return -1
}

// objectAfter returns the object after one of the frame's prepositions:
// the first fitting mention within a few words of it, trying a second
// preposition ("to the bereaved and to the Ghanaian people").
func (c *sentCtx) objectAfter(fr *frame, end int) []int {
	start := -1
	if end > 0 && hasString(fr.Preps, c.toks[end-1].Low) {
		start = end
	}
	for tries := 0; tries < 2; tries++ {
		if start < 0 {
			for k := end; k < len(c.toks) && k < end+12; k++ {
				if t := c.toks[k]; t.Text == ";" || t.Text == "." || c.newPredicate(k) {
					return nil
				}
				if hasString(fr.Preps, c.toks[k].Low) && !c.accordingTo(k) {
					start = k + 1
					break
				}
			}
		}
		if start < 0 {
			return nil
		}
		for k := start; k < len(c.toks) && k < start+7; k++ {
			t := c.toks[k]
			if t.Text == ";" || t.Text == "." || t.Text == "," && k > start || c.newPredicate(k) {
				break
			}
			if a := c.at[k]; a >= 0 {
				if c.fits(&c.ms[a], fr.Kind) {
					if p := c.titleApposition(a); p >= 0 {
						a = p
					}
					return c.groupRight(a, fr.Kind)
				}
				k = c.ms[a].T1 - 1
				continue
			}
			if hasString(fr.Preps, t.Low) && k > start {
				break
			}
		}
		end, start = start, -1
	}
	return nil
}

// titleApposition returns the person named after a title of country a,
// or -1: in "condolences to the emir of Kuwait, Emir Faisal
// al-Amin," the condolences go to the emir, whom the apposition names,
// not to his country.
func (c *sentCtx) titleApposition(a int) int {
	x := &c.ms[a]
	if x.T0 < 2 || x.T1+1 >= len(c.toks) || c.typ(a) != schema.Country ||
		c.toks[x.T0-1].Low != "of" || c.toks[x.T1].Text != "," {
		return -1
	}
	if t := c.toks[x.T0-2]; !t.Word || t.Cap || c.at[x.T0-2] >= 0 ||
		c.d.g.roles[t.Low] == nil && c.d.g.roles[t.Low+" of"] == nil {
		return -1 // "the sultan of": a title, not "the people of"
	}
	p := c.at[x.T1+1]
	if p < 0 || c.typ(p) != schema.Person || c.ms[p].Form != formProper {
		return -1
	}
	return p
}

// newPredicate reports whether token k is an "and" that starts a new
// verb phrase ("pledged support for relief and offered to …") rather
// than joining names.
func (c *sentCtx) newPredicate(k int) bool {
	if c.toks[k].Low != "and" || k+1 >= len(c.toks) {
		return false
	}
	n := c.toks[k+1]
	if !n.Word || n.Cap || c.at[k+1] >= 0 {
		return false
	}
	switch n.Low {
	case "has", "had", "have", "was", "were", "is", "are", "said", "told", "met", "sent",
		"gave", "took", "made", "spoke", "will", "would":
		return true
	}
	return strings.HasSuffix(n.Low, "ed") || reportVerbs[n.Low]
}

// relativeAntecedent returns the group before ", which"/", whom" when the
// verb at i has that relative as its object.
func (c *sentCtx) relativeAntecedent(i int, kind argKind) []int {
	for k := i - 1; k > 0 && k >= i-6; k-- {
		w := c.toks[k].Low
		if w != "which" && w != "whom" {
			continue
		}
		subject := false // "which Chile invited": the relative is the object
		for j := k + 1; j < i; j++ {
			if a := c.at[j]; a >= 0 && c.isActor(&c.ms[a]) {
				subject = true
			}
		}
		if !subject {
			return nil // "which opens in Dubai": the relative is the subject
		}
		e := k
		if c.toks[e-1].Text == "," {
			e--
		}
		if a := c.endingAt(e); a >= 0 && c.fits(&c.ms[a], kind) {
			return c.groupLeft(a)
		}
	}
	return nil
}

// namesAs reports whether what follows an object at token k makes "call"
// a verb of naming: a quotation or a noun phrase ("called Mexico \"a
// reliable partner\"", "called the deal a milestone").
func (c *sentCtx) namesAs(k int) bool {
	if k >= len(c.toks) {
		return false
	}
	switch c.toks[k].Text {
	case "\"", "“", "'", "‘", "a", "an":
		return true
	}
	return false
}

// isTimeWord reports whether t names a time that may own an event in a
// possessive ("Sunday's bombing", "yesterday's talks", "last week's").
func isTimeWord(t token) bool {
	return t.Lex&lexWeekday != 0 || timeWords[t.Low]
}

// accordingTo reports whether the "to" at token k cites a source
// ("according to X"), which is no object of the verb before it.
func (c *sentCtx) accordingTo(k int) bool {
	return c.toks[k].Low == "to" && k > 0 && c.toks[k-1].Low == "according"
}

// timeWords are words of time that take a possessive
// (lexicon/time-words.txt).
var timeWords = pkgLex.words("time-words.txt")
