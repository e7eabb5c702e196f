package syntax

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// tagger assigns each word a joint (UPOS, Penn XPOS) tag with a greedy
// left-to-right averaged perceptron. Frequent words seen with one tag
// almost always take it from the tag dictionary without scoring.
type tagger struct {
	upos, xpos []string       // per class
	dict       map[string]int // lower-case form → class, for frequent unambiguous words
	amb        map[string]uint64
	model      *linear
	// clusters says whether the features read word clusters (models
	// trained without a cluster table do not).
	clusters bool
}

const (
	tagDictMinCount = 20
	tagDictMinShare = 0.99
	ambMinCount     = 3
	ambMinShare     = 0.05
	noTag           = 0xffff
)

// tagFeatures appends the features of word i given the two previous tags.
func (tg *tagger) tagFeatures(buf []uint64, ws []wordInfo, ambs []uint64, i, p1, p2 int) []uint64 {
	w := &ws[i]
	at := func(k int) *wordInfo {
		if k < 0 || k >= len(ws) {
			return &boundary
		}
		return &ws[k]
	}
	ambAt := func(k int) uint64 {
		if k < 0 || k >= len(ws) {
			return 1
		}
		return ambs[k]
	}
	pos := uint64(0)
	if i == 0 {
		pos = 1
	}
	t1, t2 := uint64(p1), uint64(p2)
	prev, prev2, next, next2 := at(i-1), at(i-2), at(i+1), at(i+2)
	buf = append(buf,
		feat1(1, 0),
		feat1(2, w.hLower),
		feat1(3, w.hForm),
		feat1(4, w.suf[0]), feat1(5, w.suf[1]), feat1(6, w.suf[2]), feat1(7, w.suf[3]),
		feat1(8, w.pre[0]), feat1(9, w.pre[1]), feat1(10, w.pre[2]),
		feat2(11, w.shape, pos),
		feat1(12, t1),
		feat1(13, t2),
		feat2(14, t1, t2),
		feat2(15, t1, w.hLower),
		feat1(16, prev.hLower),
		feat1(17, prev.suf[2]),
		feat1(18, prev2.hLower),
		feat1(19, next.hLower),
		feat1(20, next.suf[2]),
		feat1(21, next2.hLower),
		feat2(22, prev.hLower, w.hLower),
		feat2(23, w.hLower, next.hLower),
		feat1(24, next.shape),
		feat1(25, prev.shape),
		feat2(26, w.flags, pos),
		feat2(27, t1, w.suf[2]),
		feat1(28, ambAt(i)),
		feat1(29, ambAt(i+1)),
		feat2(30, ambAt(i+1), ambAt(i+2)),
		feat2(31, t1, ambAt(i+1)),
		feat2(32, ambAt(i), ambAt(i+1)),
		feat2(33, w.hLower, ambAt(i+1)),
		feat2(34, t1, next.hLower),
		feat3(35, prev.hLower, w.hLower, next.hLower),
		feat1(36, next.suf[1]),
		feat2(37, w.suf[1], next.hLower),
	)
	if tg.clusters {
		buf = append(buf,
			feat1(38, w.cluster),
			feat1(39, next.cluster),
			feat1(40, prev.cluster),
			feat2(41, t1, w.cluster),
			feat2(42, w.cluster, next.cluster),
		)
	}
	return buf
}

// boundary stands for the words beyond either end of a sentence.
var boundary = func() wordInfo {
	w := newWordInfo("\x00")
	w.cluster = 0xb0a7d
	return w
}()

func (tg *tagger) ambiguity(ws []wordInfo) []uint64 {
	out := make([]uint64, len(ws))
	for i := range ws {
		if a, ok := tg.amb[ws[i].lower]; ok {
			out[i] = a
		} else {
			out[i] = 2 ^ ws[i].shape
		}
	}
	return out
}

// tag returns the class of each word.
func (tg *tagger) tag(ws []wordInfo) []int {
	out := make([]int, len(ws))
	ambs := tg.ambiguity(ws)
	scores := make([]float32, len(tg.upos))
	buf := make([]uint64, 0, 64)
	p1, p2 := noTag, noTag
	for i := range ws {
		c, ok := tg.dict[ws[i].lower]
		if !ok {
			buf = tg.tagFeatures(buf[:0], ws, ambs, i, p1, p2)
			tg.model.scores(buf, scores)
			c = argmax(scores)
		}
		out[i] = c
		p2, p1 = p1, c
	}
	return out
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// trainTagger trains a tagger on sents for the given epochs; rng orders the
// sentences of each epoch.
func trainTagger(sents []Sentence, epochs int, seed uint64, ct clusterTable) *tagger {
	tg := &tagger{dict: map[string]int{}, amb: map[string]uint64{}, clusters: ct != nil}
	classOf := map[string]int{}
	counts := map[string]map[int]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			key := w.UPOS + "\t" + w.XPOS
			c, ok := classOf[key]
			if !ok {
				c = len(tg.upos)
				classOf[key] = c
				tg.upos = append(tg.upos, w.UPOS)
				tg.xpos = append(tg.xpos, w.XPOS)
			}
			low := strings.ToLower(w.Form)
			if counts[low] == nil {
				counts[low] = map[int]int{}
			}
			counts[low][c]++
		}
	}
	for low, cs := range counts {
		total, best, bestN := 0, 0, -1
		for c, n := range cs {
			total += n
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		if total >= tagDictMinCount && float64(bestN)/float64(total) >= tagDictMinShare {
			tg.dict[low] = best
		}
		if total >= ambMinCount {
			var set []int
			for c, n := range cs {
				if float64(n)/float64(total) >= ambMinShare {
					set = append(set, c)
				}
			}
			slices.Sort(set)
			h := uint64(7)
			for _, c := range set {
				h = mix(h ^ uint64(c+1))
			}
			tg.amb[low] = h
		}
	}
	tr := newTrainer(len(tg.upos), nil)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a66))
	scores := make([]float32, len(tg.upos))
	buf := make([]uint64, 0, 64)
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := &sents[si]
			ws := ct.wordInfos(s.Forms())
			ambs := tg.ambiguity(ws)
			p1, p2 := noTag, noTag
			for i, w := range s.Words {
				gold := classOf[w.UPOS+"\t"+w.XPOS]
				guess, ok := tg.dict[ws[i].lower]
				if !ok {
					buf = tg.tagFeatures(buf[:0], ws, ambs, i, p1, p2)
					tr.scores(buf, scores)
					guess = argmax(scores)
					tr.tick()
					tr.update(buf, gold, guess)
				}
				p2, p1 = p1, guess
			}
		}
	}
	tg.model = tr.compile(0.001)
	return tg
}

func wordInfos(forms []string) []wordInfo {
	ws := make([]wordInfo, len(forms))
	for i, f := range forms {
		ws[i] = newWordInfo(f)
	}
	return ws
}
