package loader

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
	for _, words := range sp.tz.seg.Sentences(body, p.Start, p.End, 0) {
		out = sp.appendSentence(out, sp.tz.wrap(body, p.Start, p.End, words), pi)
	}
	return out
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

// isCloser reports whether s closes a quotation or a bracket.
func isCloser(s string) bool {
	switch s {
	case "\"", "\u201d", "'", "\u2019", ")", "]":
		return true
	}
	return false
}
