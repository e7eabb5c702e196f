package syntax

import (
	"fmt"
	"slices"
	"strings"
)

// TrainOptions set how a model is trained. The zero value is not valid;
// DefaultTrainOptions are the settings of the committed model.
type TrainOptions struct {
	TaggerEpochs int
	ParserEpochs int
	Folds        int // jackknife folds giving the parser realistic tags
	MinCount     int // parser feature admission threshold
	Seed         uint64
	Logf         func(format string, args ...any)
	// Jackknifed, when set, are the tags Jackknife returned for these
	// sentences (so that experiments need not retrain the fold taggers).
	Jackknifed [][]string
}

// DefaultTrainOptions are the settings `make model` uses.
var DefaultTrainOptions = TrainOptions{TaggerEpochs: 8, ParserEpochs: 12, Folds: 4, MinCount: 2, Seed: 1}

// Train builds a model from treebank sentences: the tagger and lemmatizer
// on all of them, the parser on tags predicted by taggers that did not see
// the sentence (jackknifing), so that it learns from tags as good as the
// ones it will get.
func Train(sents []Sentence, opt TrainOptions) (*Model, error) {
	logf := opt.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	var usable []Sentence
	for _, s := range sents {
		if len(s.Words) > 0 && hasTree(s) {
			usable = append(usable, s)
		}
	}
	if len(usable) == 0 {
		return nil, fmt.Errorf("train: no sentence with a complete tree")
	}
	labels := labelSet(usable)
	if len(labels) > 63 {
		return nil, fmt.Errorf("train: %d relations, at most 63 supported", len(labels))
	}
	labelOf := map[string]int{}
	for i, l := range labels {
		labelOf[l] = i
	}
	jk := opt.Jackknifed
	if jk == nil {
		jk = Jackknife(usable, opt)
	} else if len(jk) != len(usable) {
		return nil, fmt.Errorf("train: %d jackknifed tag lists for %d sentences", len(jk), len(usable))
	}
	m := &Model{}
	m.tagger = trainTagger(usable, opt.TaggerEpochs, opt.Seed)
	logf("tagger trained: %d classes, %d weights", len(m.tagger.upos), m.tagger.model.size())
	classOf := map[string]int{}
	for c := range m.tagger.upos {
		classOf[m.tagger.upos[c]+"\t"+m.tagger.xpos[c]] = c
	}
	m.lemmatizer = trainLemmatizer(usable)
	items := make([]parseTrainItem, len(usable))
	for i, s := range usable {
		tags := make([]int, len(s.Words))
		upos := make([]string, len(s.Words))
		for k, jt := range jk[i] {
			tags[k] = classOf[jt]
			upos[k] = jt[:strings.IndexByte(jt, '\t')]
		}
		in := newParseInput(wordInfos(s.Forms()), tags, upos)
		gold := make([]int, len(s.Words)+1)
		glab := make([]int, len(s.Words)+1)
		for k, w := range s.Words {
			gold[k+1] = w.Head
			glab[k+1] = labelOf[w.Deprel]
		}
		items[i] = parseTrainItem{in: in, gold: gold, glab: glab, punct: in.punct}
	}
	m.parser = trainParser(items, labels, opt.ParserEpochs, opt.Seed, opt.MinCount, logf)
	logf("parser trained: %d weights", m.parser.model.size())
	return m, nil
}

func hasTree(s Sentence) bool {
	roots := 0
	for _, w := range s.Words {
		if w.Head < 0 || w.Deprel == "" || w.Deprel == "_" {
			return false
		}
		if w.Head == 0 {
			roots++
		}
	}
	return roots == 1
}

func labelSet(sents []Sentence) []string {
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s.Words {
			seen[w.Deprel] = true
		}
	}
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Jackknife returns, for each sentence with a complete tree, its words'
// joint tags ("UPOS\tXPOS") as predicted by a tagger trained on the other
// folds.
func Jackknife(sents []Sentence, opt TrainOptions) [][]string {
	var usable []Sentence
	for _, s := range sents {
		if len(s.Words) > 0 && hasTree(s) {
			usable = append(usable, s)
		}
	}
	out := make([][]string, len(usable))
	for f := 0; f < opt.Folds; f++ {
		var part []Sentence
		for i, s := range usable {
			if i%opt.Folds != f {
				part = append(part, s)
			}
		}
		tg := trainTagger(part, opt.TaggerEpochs, opt.Seed+uint64(f)+1)
		for i := f; i < len(usable); i += opt.Folds {
			cls := tg.tag(wordInfos(usable[i].Forms()))
			out[i] = make([]string, len(cls))
			for k, c := range cls {
				out[i][k] = tg.upos[c] + "\t" + tg.xpos[c]
			}
		}
		if opt.Logf != nil {
			opt.Logf("tagger fold %d/%d trained", f+1, opt.Folds)
		}
	}
	return out
}
