package loader

import "strings"

// sentence is one sentence of the body: its byte span in Document.Body, its
// tokens and the paragraph it belongs to.
type sentence struct {
	Start, End int
	Para       int
	Tokens     []token
}

// splitter cuts paragraphs into sentences. A sentence ends at ".", "!" or "?"
// (after any closing quotes or brackets) when the next word starts a
// sentence; abbreviations and initials keep their period inside a token, so
// "B. Tsogtbaatar", "U.S. drone" and "Gen. Haddad" are not cut.
type splitter struct {
	tz tokenizer
	// starters are words that begin a new sentence after a dotted
	// abbreviation such as "U.S." ("… in the U.S. The talks …").
	starters map[string]bool
	// maxTokens cuts longer sentences into pieces (0: no limit).
	maxTokens int
}

// split returns the sentences of the paragraphs of body.
func (sp splitter) split(body string, paras []paragraph) []sentence {
	var out []sentence
	for pi, p := range paras {
		out = append(out, sp.paragraph(body, p, pi)...)
	}
	return out
}

// paragraph returns the sentences of paragraph p (number pi) of body.
func (sp splitter) paragraph(body string, p paragraph, pi int) []sentence {
	var out []sentence
	toks := sp.tz.tokens(body, p.Start, p.End)
	begin := 0
	for i := 0; i < len(toks); i++ {
		if !sp.endsAt(toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && isCloser(toks[j].Text) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j < len(toks) && !sp.startsSentence(toks, j) {
			continue
		}
		out = sp.appendSentence(out, toks[begin:j], pi)
		begin, i = j, j-1
	}
	return sp.appendSentence(out, toks[begin:], pi)
}

// appendSentence appends the sentence made of toks, if any, cut into pieces
// of at most maxTokens so that run-on text (tables, lists) costs no more
// than sentences do.
func (sp splitter) appendSentence(out []sentence, toks []token, para int) []sentence {
	if len(toks) == 0 {
		return out
	}
	limit := sp.maxTokens
	for limit > 0 && len(toks) > limit {
		out = append(out, sentence{Start: toks[0].Start, End: toks[limit-1].End, Para: para,
			Tokens: toks[:limit]})
		toks = toks[limit:]
	}
	return append(out, sentence{
		Start: toks[0].Start, End: toks[len(toks)-1].End, Para: para, Tokens: toks,
	})
}

// endsAt reports whether token i may end a sentence.
func (sp splitter) endsAt(toks []token, i int) bool {
	t := toks[i].Text
	switch t {
	case ".", "!", "?", "\u2026":
		return true
	}
	if !strings.HasSuffix(t, ".") || len(t) < 3 || !strings.Contains(t[:len(t)-1], ".") {
		return false
	}
	// A dotted abbreviation ("U.S.") ends a sentence only before a word
	// that usually starts one.
	return i+1 < len(toks) && sp.starters[toks[i+1].Low]
}

// startsSentence reports whether token j can begin a sentence.
func (sp splitter) startsSentence(toks []token, j int) bool {
	t := toks[j]
	if t.Cap || t.Digit {
		return true
	}
	switch t.Text {
	case "\"", "\u201c", "'", "\u2018", "(", "[":
		return true
	}
	return false
}

// isCloser reports whether s closes a quotation or a bracket.
func isCloser(s string) bool {
	switch s {
	case "\"", "\u201d", "'", "\u2019", ")", "]":
		return true
	}
	return false
}
