package syntax

// Model is a trained tagger, lemmatizer and parser. It is read-only once
// built, so one Model may serve any number of goroutines.
type Model struct {
	// Info says what the model was trained on, with which settings, and
	// under which licence it is distributed.
	Info       string
	tagger     *tagger
	lemmatizer *lemmatizer
	parsers    []*depParser
	clusters   clusterTable // nil for a model trained without clusters
	// pruneBelow is the smallest parser weight Write keeps.
	pruneBelow float32
}

// Annotate tags, lemmatizes and parses one sentence given as words, and
// returns its CoNLL-U words (IDs from 1, Head 0 for the root).
func (m *Model) Annotate(forms []string) []Word {
	out := make([]Word, len(forms))
	if len(forms) == 0 {
		return out
	}
	ws := m.clusters.wordInfos(forms)
	cls := m.tagger.tag(ws)
	upos := make([]string, len(forms))
	for i, c := range cls {
		upos[i] = m.tagger.upos[c]
	}
	heads, labels := m.parse(ws, cls, upos)
	for i, f := range forms {
		xpos := m.tagger.xpos[cls[i]]
		out[i] = Word{ID: i + 1, Form: f, Lemma: m.lemmatizer.lemma(f, xpos), UPOS: upos[i], XPOS: xpos,
			Head: heads[i], Deprel: m.parsers[0].labels[labels[i]]}
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

// parse runs the parsers; with more than one, each word's head is chosen
// by a vote: the tree with the most votes for its arcs (ties to the first
// parser), found by Eisner's algorithm, each arc taking the relation of
// the first parser that proposed it.
func (m *Model) parse(ws []wordInfo, cls []int, upos []string) (heads, labels []int) {
	if len(m.parsers) == 1 || len(ws) > maxVoteWords {
		return m.parsers[0].parseWords(ws, cls, upos)
	}
	n := len(ws)
	type proposal struct{ heads, labels []int }
	props := make([]proposal, len(m.parsers))
	for k, p := range m.parsers {
		props[k].heads, props[k].labels = p.parseWords(ws, cls, upos)
	}
	// score[h][d] over 0..n, d ≥ 1.
	score := make([]float64, (n+1)*(n+1))
	for k, pr := range props {
		w := 1.0
		if k == 0 {
			w += 0.01
		}
		for d, h := range pr.heads {
			score[h*(n+1)+d+1] += w
		}
	}
	heads = eisner(n, score)
	labels = make([]int, n)
	for d, h := range heads {
		labels[d] = props[0].labels[d]
		for _, pr := range props {
			if pr.heads[d] == h {
				labels[d] = pr.labels[d]
				break
			}
		}
	}
	return heads, labels
}

// maxVoteWords bounds the sentences the vote (cubic in length) is run on;
// longer ones take the first parser's tree.
const maxVoteWords = 150
