package syntax

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// TrainOptions set how a model is trained. The zero value is not valid;
// DefaultTrainOptions are the settings of the committed model.
type TrainOptions struct {
	TaggerEpochs int
	ParserEpochs int
	Folds        int // jackknife folds giving the parser realistic tags
	MinCount     int // parser feature admission threshold
	// PruneWeight drops the parser weights smaller in magnitude when the
	// model is written: on EWT dev, 0.5 keeps LAS and three quarters of
	// the weights, 1 costs 0.3 LAS and keeps a third.
	PruneWeight float32
	Seed        uint64
	Logf        func(format string, args ...any)
	// Parsers are the parsers of the ensemble; their trees are combined
	// by a vote (one parser: its tree).
	Parsers []ParserSpec
	// Jackknifed, when set, are the tags Jackknife returned for these
	// sentences (so that experiments need not retrain the fold taggers).
	Jackknifed [][]string
	// Clusters, when set, are word classes (ReadClusters) the tagger and
	// the parser read; the parser reads words seen fewer than
	// ClusterRareBelow times in training by their class alone, and
	// ClusterFeatures sets its cluster templates (0 none, 1 the classes of
	// the words on the stack and the buffer, 2 also of their children).
	Clusters         map[string]int
	ClusterRareBelow int
	ClusterFeatures  int
}

// ParserSpec sets one parser of the ensemble: its reading direction, the
// seed of its training order and how often it follows its own mistakes.
type ParserSpec struct {
	Reverse bool
	Seed    uint64
	Explore float64
}

// DefaultTrainOptions are the settings `make model` uses.
// One left-to-right parser: on EWT dev a vote of three (left-to-right,
// right-to-left, left-to-right with another seed) gained 0.5 LAS for three
// times the parsing time. Clusters are off (`make model-clusters` turns
// them on: words seen once or twice in training are then read by their
// class, +0.29 dev LAS); the eight cluster templates of level 1 gained
// another 0.5 dev LAS but no test LAS, for about 5 % more parsing time.
var DefaultTrainOptions = TrainOptions{TaggerEpochs: 8, ParserEpochs: 12, Folds: 4, MinCount: 2, Seed: 1,
	Parsers: []ParserSpec{{Seed: 1, Explore: 0.9}}, PruneWeight: 0.5, ClusterRareBelow: 3}

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
	m := &Model{pruneBelow: opt.PruneWeight, clusters: newClusterTable(opt.Clusters, usable, opt.ClusterRareBelow)}
	m.tagger = trainTagger(usable, opt.TaggerEpochs, opt.Seed, m.clusters)
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
		gold := make([]int, len(s.Words)+1)
		glab := make([]int, len(s.Words)+1)
		for k, w := range s.Words {
			gold[k+1] = w.Head
			glab[k+1] = labelOf[w.Deprel]
		}
		items[i] = parseTrainItem{ws: m.clusters.wordInfos(s.Forms()), tags: tags, upos: upos, gold: gold, glab: glab}
	}
	m.parsers = make([]*depParser, len(opt.Parsers))
	var wg sync.WaitGroup
	for k, spec := range opt.Parsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dir := make([]parseTrainItem, len(items))
			for i, it := range items {
				dir[i] = it.oriented(spec.Reverse)
			}
			p := trainParser(dir, labels, opt.ParserEpochs, spec.Seed, opt.MinCount, spec.Explore,
				clusterLevel(m.clusters, opt.ClusterFeatures), func(f string, a ...any) {
					logf(fmt.Sprintf("parser %d: ", k+1)+f, a...)
				})
			p.reverse = spec.Reverse
			m.parsers[k] = p
			logf("parser %d trained: %d weights", k+1, p.model.size())
		}()
	}
	wg.Wait()
	return m, nil
}

func clusterLevel(ct clusterTable, level int) int {
	if ct == nil {
		return 0
	}
	return level
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
	ct := newClusterTable(opt.Clusters, usable, opt.ClusterRareBelow)
	for f := 0; f < opt.Folds; f++ {
		var part []Sentence
		for i, s := range usable {
			if i%opt.Folds != f {
				part = append(part, s)
			}
		}
		tg := trainTagger(part, opt.TaggerEpochs, opt.Seed+uint64(f)+1, ct)
		for i := f; i < len(usable); i += opt.Folds {
			cls := tg.tag(ct.wordInfos(usable[i].Forms()))
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
