package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// speechVerbs say that the words in quotation marks next to them are
// someone's ("…," Zelensky wrote; Sisi said: "…").
var speechVerbs = pkgLex.words("speech-verbs.txt")

// quotes keeps the words an article quotes with their speaker: each
// quotation of four words or more in a sentence that names who said it
// ("…," Zelensky wrote after the call; Sisi said: "…"; "…," said the
// spokesman) becomes a Quote, and the speaker SAID it.
func (d *document) quotes() {
	carry := -1 // body offset where a quotation left open by the last sentence starts
	for s, v := range d.views {
		spans, open := quoteSpans(v.Toks)
		if carry >= 0 && len(spans) > 0 && spans[0][0] < 0 {
			// "Chile feels Peru's grief. We stand ready," Boric wrote:
			// the quotation opened in the sentence before.
			d.quote(s, spans[0], carry)
			spans = spans[1:]
		}
		for _, q := range spans {
			if q[0] >= 0 && q[0]+1 < q[1] {
				d.quote(s, q, v.Toks[q[0]+1].Start)
			}
		}
		carry = -1
		if open >= 0 && open+1 < len(v.Toks) {
			carry = v.Toks[open+1].Start
		}
	}
}

// quote records quotation q of sentence s, whose words start at body
// offset from, when it is four words or more and the sentence names who
// said it.
func (d *document) quote(s int, q [2]int, from int) {
	toks := d.views[s].Toks
	if q[1] < 1 || from >= toks[q[1]-1].End {
		return
	}
	text := strings.TrimRight(strings.TrimSpace(d.body[from:toks[q[1]-1].End]), ",;:")
	if len(strings.Fields(text)) < 4 {
		return // "frank and friendly": a word choice, not a statement
	}
	verb, who := d.speaker(s, q)
	if who < 0 {
		return
	}
	k := d.quoteEntity(s, q, schema.OneLine(text))
	c := d.sentCtx(s)
	d.addRel(schema.Said, who, k, s, c.date(verb, []int{k}, false), false, 0.7)
}

// quoteSpans returns the [open, close] token indexes of the quotations of
// a sentence (open is -1 for one that closes a quotation opened in an
// earlier sentence), and the index of a quotation mark left open at its
// end, or -1. Curly quotes say which way they face; straight ones pair up
// in order, and a first one followed by ", X said" closes.
func quoteSpans(toks []token) ([][2]int, int) {
	var out [][2]int
	open := -1
	for i, t := range toks {
		switch t.Text {
		case "\u201c":
			open = i
		case "\u201d":
			out = append(out, [2]int{open, i})
			open = -1
		case "\"":
			switch {
			case open >= 0:
				out = append(out, [2]int{open, i})
				open = -1
			case len(out) == 0 && i > 0 && attributed(toks, i):
				out = append(out, [2]int{-1, i})
			default:
				open = i
			}
		}
	}
	return out, open
}

// attributed reports whether the quotation mark at i is followed by an
// attribution (", Zelensky wrote"), so that it closes a quotation.
func attributed(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if speechVerbs[toks[k].Low] {
			return true
		}
	}
	return false
}

// speaker returns the speech verb and the entity that says quotation q of
// sentence s: named after it (", X said", ", said X"), or before it ("X
// said: …"), as a name or a pronoun; -1 when the sentence does not say.
func (d *document) speaker(s int, q [2]int) (int, int) {
	toks := d.views[s].Toks
	// After: "…," Zelensky wrote / "…," said the spokesman.
	for k := q[1] + 1; k < len(toks) && k <= q[1]+8; k++ {
		if !speechVerbs[toks[k].Low] {
			continue
		}
		if who := d.actorEndingAt(s, k); who >= 0 && k > q[1]+1 {
			return k, who
		}
		if who := d.actorStartingAt(s, k+1); who >= 0 {
			return k, who
		}
		break
	}
	// Before: Sisi said: "…" / Sisi told reporters that "…".
	for k := q[0] - 1; k >= 0 && k >= q[0]-6; k-- {
		if !speechVerbs[toks[k].Low] {
			continue
		}
		if who := d.actorEndingAt(s, k); who >= 0 {
			return k, who
		}
		break
	}
	return -1, -1
}

// actorEndingAt returns the person, country or organisation whose mention
// ends just before token k of sentence s, or -1.
func (d *document) actorEndingAt(s, k int) int {
	for j := range d.mentions[s] {
		if x := &d.mentions[s][j]; x.T1 == k && !x.Modifier && x.Entity >= 0 && speaks(d, x) {
			return x.Entity
		}
	}
	return -1
}

// actorStartingAt returns the person, country or organisation whose
// mention starts at token k of sentence s (or after "the"), or -1.
func (d *document) actorStartingAt(s, k int) int {
	toks := d.views[s].Toks
	for j := range d.mentions[s] {
		x := &d.mentions[s][j]
		at := x.T0 == k || x.T0 == k-1 || k < len(toks) && toks[k].Low == "the" && x.T0 == k+1
		if at && !x.Modifier && x.Entity >= 0 && speaks(d, x) {
			return x.Entity
		}
	}
	return -1
}

// speaks reports whether mention x names someone who can say something.
func speaks(d *document, x *mention) bool {
	switch d.entities[x.Entity].Type {
	case schema.Person, schema.Country, schema.Organization:
		return true
	}
	return false
}

// quoteEntity makes the Quote entity of quotation q in sentence s, with a
// mention of its own over the quoted words.
func (d *document) quoteEntity(s int, q [2]int, text string) int {
	m := newMention(s, max(q[0], 0), q[1]+1, schema.Quote, formProper)
	m.Name, m.Modifier = text, true // it takes no part in other relations
	ms := d.mentions[s]
	d.mentions[s] = append(ms[:len(ms):len(ms)], m) // a copy: the buffer is shared
	return d.newEntity(ref{s, len(d.mentions[s]) - 1}, schema.Quote, text)
}
