package syntax

import (
	"fmt"
	"strings"
)

// Scores are the accuracies of predicted sentences against gold ones over
// syntactic words, with the CoNLL 2018 shared task's definitions for gold
// tokenization: every word counts (punctuation included), LAS compares
// the universal part of the relation ("obl" for "obl:tmod").
type Scores struct {
	Words                                 int
	UPOS, XPOS, Lemma, UAS, LAS           float64
	LASFull                               float64 // relation subtypes compared too
	uposN, xposN, lemN, uasN, lasN, fullN int
}

// Score compares pred with gold sentence by sentence; both must have the
// same words.
func Score(gold, pred []Sentence) (Scores, error) {
	var s Scores
	if len(gold) != len(pred) {
		return s, fmt.Errorf("score: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	for i := range gold {
		g, p := gold[i].Words, pred[i].Words
		if len(g) != len(p) {
			return s, fmt.Errorf("score: sentence %d has %d gold words, %d predicted", i+1, len(g), len(p))
		}
		for k := range g {
			if g[k].Form != p[k].Form {
				return s, fmt.Errorf("score: sentence %d word %d is %q in gold, %q predicted", i+1, k+1, g[k].Form, p[k].Form)
			}
			s.Words++
			if g[k].UPOS == p[k].UPOS {
				s.uposN++
			}
			if g[k].XPOS == p[k].XPOS {
				s.xposN++
			}
			if g[k].Lemma == p[k].Lemma {
				s.lemN++
			}
			if g[k].Head == p[k].Head {
				s.uasN++
				if universal(g[k].Deprel) == universal(p[k].Deprel) {
					s.lasN++
				}
				if g[k].Deprel == p[k].Deprel {
					s.fullN++
				}
			}
		}
	}
	if s.Words > 0 {
		n := float64(s.Words)
		s.UPOS, s.XPOS, s.Lemma = float64(s.uposN)/n, float64(s.xposN)/n, float64(s.lemN)/n
		s.UAS, s.LAS, s.LASFull = float64(s.uasN)/n, float64(s.lasN)/n, float64(s.fullN)/n
	}
	return s, nil
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

func (s Scores) String() string {
	return fmt.Sprintf("words %d  UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f  (LAS with subtypes %.2f)",
		s.Words, 100*s.UPOS, 100*s.XPOS, 100*s.Lemma, 100*s.UAS, 100*s.LAS, 100*s.LASFull)
}
