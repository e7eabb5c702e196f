package syntax

// Model is a trained tagger, lemmatizer and parser. It is read-only once
// built, so one Model may serve any number of goroutines.
type Model struct {
	// Info says what the model was trained on, with which settings, and
	// under which licence it is distributed.
	Info       string
	tagger     *tagger
	lemmatizer *lemmatizer
	parser     *depParser
}

// Annotate tags, lemmatizes and parses one sentence given as words, and
// returns its CoNLL-U words (IDs from 1, Head 0 for the root).
func (m *Model) Annotate(forms []string) []Word {
	out := make([]Word, len(forms))
	if len(forms) == 0 {
		return out
	}
	ws := wordInfos(forms)
	cls := m.tagger.tag(ws)
	upos := make([]string, len(forms))
	for i, c := range cls {
		upos[i] = m.tagger.upos[c]
	}
	heads, labels := m.parser.parse(newParseInput(ws, cls, upos))
	for i, f := range forms {
		xpos := m.tagger.xpos[cls[i]]
		out[i] = Word{ID: i + 1, Form: f, Lemma: m.lemmatizer.lemma(f, xpos), UPOS: upos[i], XPOS: xpos,
			Head: heads[i], Deprel: m.parser.labels[labels[i]]}
	}
	return out
}

// AnnotateAll re-tags and re-parses sentences keeping their words, their
// comments and their multiword-token lines.
func (m *Model) AnnotateAll(sents []Sentence) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		words := m.Annotate(s.Forms())
		for k := range words {
			words[k].Misc = s.Words[k].Misc
		}
		out[i] = Sentence{Comments: s.Comments, Words: words, Extra: s.Extra}
	}
	return out
}
