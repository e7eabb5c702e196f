package syntax

import (
	"math/rand/v2"
	"slices"
)

// The parser is a greedy arc-hybrid transition system (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) over a stack and a buffer, with the root token
// at the bottom of the stack. Three kinds of transition:
//
//	SHIFT   moves the buffer's front word b0 onto the stack;
//	LEFT-l  makes b0 the head of the stack's top s0 with relation l, pops s0;
//	RIGHT-l makes s1 (under s0) the head of s0 with relation l, pops s0.
//
// RIGHT onto the root is allowed only as the last transition, so each tree
// has exactly one root. Training uses the dynamic oracle of Goldberg and
// Nivre (2013): at any configuration, even one reached by a mistake, the
// transitions that lose the fewest gold arcs count as correct, and the
// parser learns by following its own predictions part of the time.

const shift = 0

type depParser struct {
	labels []string
	// reverse parsers read the sentence from its last word to its first
	// (an ensemble of both directions errs less than either).
	reverse bool
	model   *linear
	// clusters is how many cluster templates the features read: 0 none,
	// 1 the words of the stack and buffer (8 templates), 2 also their
	// children and pairs with the next word (14).
	clusters int
}

func (p *depParser) nClasses() int { return 1 + 2*len(p.labels) }

// class numbers: 0 shift, 1..L left-l, L+1..2L right-l.
func (p *depParser) left(l int) int  { return 1 + l }
func (p *depParser) right(l int) int { return 1 + len(p.labels) + l }

// config is a parser configuration over tokens 0..n (0 the root).
type config struct {
	n     int
	stack []int
	b     int // front of the buffer; n+1 when empty
	head  []int
	label []int
	// Per token: leftmost and second leftmost, rightmost and second
	// rightmost dependents (0 none), dependents on each side, label sets.
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64
	// punct[i] counts punctuation tokens among 1..i.
	punct []int
}

func newConfig(n int, isPunct []bool) *config {
	c := &config{n: n, stack: make([]int, 1, n+1), b: 1}
	m := n + 1
	ints := make([]int, 9*m)
	c.head, c.label = ints[0:m], ints[m:2*m]
	c.lc1, c.lc2, c.rc1, c.rc2 = ints[2*m:3*m], ints[3*m:4*m], ints[4*m:5*m], ints[5*m:6*m]
	c.nl, c.nr, c.punct = ints[6*m:7*m], ints[7*m:8*m], ints[8*m:9*m]
	sets := make([]uint64, 2*m)
	c.lset, c.rset = sets[:m], sets[m:]
	for i := range c.head {
		c.head[i] = -1
		c.label[i] = -1
	}
	for i := 1; i <= n; i++ {
		c.punct[i] = c.punct[i-1]
		if isPunct[i-1] {
			c.punct[i]++
		}
	}
	return c
}

func (c *config) done() bool { return c.b > c.n && len(c.stack) == 1 }

func (c *config) legal(class, nLabels int) bool {
	switch {
	case class == shift:
		return c.b <= c.n
	case class <= nLabels: // left
		return c.b <= c.n && len(c.stack) >= 2
	default: // right
		if len(c.stack) < 2 {
			return false
		}
		return len(c.stack) > 2 || c.b > c.n
	}
}

func (c *config) apply(class, nLabels int) {
	switch {
	case class == shift:
		c.stack = append(c.stack, c.b)
		c.b++
	case class <= nLabels:
		s0 := c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
		c.attach(c.b, s0, class-1)
	default:
		s0 := c.stack[len(c.stack)-1]
		s1 := c.stack[len(c.stack)-2]
		c.stack = c.stack[:len(c.stack)-1]
		c.attach(s1, s0, class-1-nLabels)
	}
}

func (c *config) attach(h, d, l int) {
	c.head[d], c.label[d] = h, l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		c.nl[h]++
		c.lset[h] |= bit
		if c.lc1[h] == 0 || d < c.lc1[h] {
			c.lc2[h] = c.lc1[h]
			c.lc1[h] = d
		} else if c.lc2[h] == 0 || d < c.lc2[h] {
			c.lc2[h] = d
		}
	} else {
		c.nr[h]++
		c.rset[h] |= bit
		if d > c.rc1[h] {
			c.rc2[h] = c.rc1[h]
			c.rc1[h] = d
		} else if d > c.rc2[h] {
			c.rc2[h] = d
		}
	}
}

// costs returns, for shift, left and right (unlabeled), the number of gold
// arcs each would make unreachable.
func (c *config) costs(gold []int) (sh, lf, rt int) {
	const inf = 1 << 20
	top := len(c.stack) - 1
	b := c.b
	if b <= c.n {
		for k, s := range c.stack {
			if s != 0 && gold[s] == b {
				sh++
			}
			if k < top && gold[b] == s {
				sh++
			}
		}
	} else {
		sh = inf
	}
	if top < 1 {
		return sh, inf, inf
	}
	s0 := c.stack[top]
	s1 := c.stack[top-1]
	if b <= c.n {
		if gold[s0] == s1 {
			lf++
		}
		for k := b; k <= c.n; k++ {
			if k != b && gold[s0] == k {
				lf++
			}
			if gold[k] == s0 {
				lf++
			}
		}
	} else {
		lf = inf
	}
	for k := b; k <= c.n; k++ {
		if gold[s0] == k {
			rt++
		}
		if gold[k] == s0 {
			rt++
		}
	}
	return sh, lf, rt
}

// token values the features read; index 0 is the root, -1 none.
type parseInput struct {
	word  []uint64 // lower-case form hash
	tag   []uint64 // joint tag class
	upos  []uint64
	suf   []uint64
	cls   []uint64 // word cluster
	punct []bool
}

const (
	noneVal = 0x51a3
	rootVal = 0x7e2b
)

func (in *parseInput) w(i int) uint64 {
	if i < 0 {
		return noneVal
	}
	return in.word[i]
}
func (in *parseInput) p(i int) uint64 {
	if i < 0 {
		return noneVal
	}
	return in.tag[i]
}

func newParseInput(ws []wordInfo, tags []int, upos []string) *parseInput {
	n := len(ws)
	in := &parseInput{word: make([]uint64, n+1), tag: make([]uint64, n+1), upos: make([]uint64, n+1),
		suf: make([]uint64, n+1), cls: make([]uint64, n+1), punct: make([]bool, n)}
	in.word[0], in.tag[0], in.upos[0], in.suf[0], in.cls[0] = rootVal, rootVal, rootVal, rootVal, rootVal
	for i := range ws {
		in.word[i+1] = ws[i].pword
		in.tag[i+1] = uint64(tags[i]) + 1
		in.upos[i+1] = hashString(upos[i])
		in.suf[i+1] = ws[i].suf[2]
		in.cls[i+1] = ws[i].cluster
		in.punct[i] = upos[i] == "PUNCT"
	}
	return in
}

func bucket(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 11:
		return 6
	default:
		return 7
	}
}

func (c *config) features(buf []uint64, in *parseInput, clusters int) []uint64 {
	at := func(k int) int { // stack from the top: 0 is s0
		if k < len(c.stack) {
			return c.stack[len(c.stack)-1-k]
		}
		return -1
	}
	bf := func(k int) int {
		if c.b+k <= c.n {
			return c.b + k
		}
		return -1
	}
	s0, s1, s2 := at(0), at(1), at(2)
	b0, b1, b2 := bf(0), bf(1), bf(2)
	kid := func(arr []int, h int) int {
		if h < 0 || arr[h] == 0 {
			return -1
		}
		return arr[h]
	}
	s0l, s0l2, s0r, s0r2 := kid(c.lc1, s0), kid(c.lc2, s0), kid(c.rc1, s0), kid(c.rc2, s0)
	s1l, s1r, s1r2 := kid(c.lc1, s1), kid(c.rc1, s1), kid(c.rc2, s1)
	b0l, b0l2 := kid(c.lc1, b0), kid(c.lc2, b0)
	lab := func(i int) uint64 {
		if i < 0 {
			return noneVal
		}
		return uint64(c.label[i]) + 1
	}
	val := func(arr []int, i int) uint64 {
		if i < 0 {
			return noneVal
		}
		return uint64(min(arr[i], 6))
	}
	set := func(arr []uint64, i int) uint64 {
		if i < 0 {
			return noneVal
		}
		return arr[i]
	}
	suf := func(i int) uint64 {
		if i < 0 {
			return noneVal
		}
		return in.suf[i]
	}
	w, p := in.w, in.p
	var dist, dist1, pun, pun1 uint64 = noneVal, noneVal, noneVal, noneVal
	if s0 > 0 && b0 > 0 {
		dist = bucket(b0 - s0)
		pun = uint64(min(c.punct[b0-1]-c.punct[s0], 3))
	}
	if s1 > 0 && s0 > 0 {
		dist1 = bucket(s0 - s1)
		pun1 = uint64(min(c.punct[s0-1]-c.punct[s1], 3))
	}
	s0w, s0p, s1w, s1p, b0w, b0p := w(s0), p(s0), w(s1), p(s1), w(b0), p(b0)
	b1p, b1w, b2p, s2p := p(b1), w(b1), p(b2), p(s2)
	buf = append(buf,
		// single words
		feat1(1, s0w), feat1(2, s0p), feat2(3, s0w, s0p),
		feat1(4, s1w), feat1(5, s1p), feat2(6, s1w, s1p),
		feat1(7, w(s2)), feat1(8, s2p),
		feat1(9, b0w), feat1(10, b0p), feat2(11, b0w, b0p),
		feat1(12, b1w), feat1(13, b1p), feat2(14, b1w, b1p),
		feat1(15, w(b2)), feat1(16, b2p),
		feat1(17, suf(s0)), feat1(18, suf(b0)),
		// pairs
		feat4(20, s0w, s0p, b0w, b0p), feat3(21, s0w, s0p, b0w), feat3(22, s0w, b0w, b0p),
		feat3(23, s0w, s0p, b0p), feat3(24, s0p, b0w, b0p), feat2(25, s0w, b0w), feat2(26, s0p, b0p),
		feat2(27, b0p, b1p), feat2(28, s1p, s0p), feat2(29, s1w, s0w), feat3(30, s1w, s1p, s0p),
		feat3(31, s1p, s0w, s0p), feat4(32, s1w, s1p, s0w, s0p), feat2(33, s1p, b0p), feat2(34, s1w, b0w),
		// triples
		feat3(40, b0p, b1p, b2p), feat3(41, s0p, b0p, b1p), feat3(42, s1p, s0p, b0p),
		feat3(43, s0p, p(s0l), b0p), feat3(44, s0p, p(s0r), b0p), feat3(45, s0p, b0p, p(b0l)),
		feat3(46, s1p, p(s1r), s0p), feat3(47, s2p, s1p, s0p), feat3(48, s1p, s0p, b1p),
		feat3(49, s1p, p(s1l), s0p), feat3(50, s1p, s0p, p(s0l)), feat3(51, s1p, s0p, p(s0r)),
		// distance and punctuation between
		feat2(60, s0w, dist), feat2(61, s0p, dist), feat2(62, b0w, dist), feat2(63, b0p, dist),
		feat3(64, s0w, b0w, dist), feat3(65, s0p, b0p, dist), feat3(66, s1p, s0p, dist1),
		feat3(67, s1w, s0w, dist1), feat3(68, s0p, b0p, pun), feat3(69, s1p, s0p, pun1),
		// valency
		feat2(70, s0w, val(c.nr, s0)), feat2(71, s0p, val(c.nr, s0)), feat2(72, s0w, val(c.nl, s0)),
		feat2(73, s0p, val(c.nl, s0)), feat2(74, b0w, val(c.nl, b0)), feat2(75, b0p, val(c.nl, b0)),
		feat2(76, s1p, val(c.nr, s1)), feat2(77, s1w, val(c.nr, s1)),
		// children
		feat1(80, w(s0l)), feat1(81, p(s0l)), feat1(82, lab(s0l)),
		feat1(83, w(s0r)), feat1(84, p(s0r)), feat1(85, lab(s0r)),
		feat1(86, w(b0l)), feat1(87, p(b0l)), feat1(88, lab(b0l)),
		feat1(89, w(s1r)), feat1(90, p(s1r)), feat1(91, lab(s1r)),
		feat1(92, w(s0l2)), feat1(93, p(s0l2)), feat1(94, lab(s0l2)),
		feat1(95, w(s0r2)), feat1(96, p(s0r2)), feat1(97, lab(s0r2)),
		feat1(98, w(b0l2)), feat1(99, p(b0l2)), feat1(100, lab(b0l2)),
		feat1(101, lab(s1l)), feat1(102, p(s1l)),
		feat3(103, s0p, p(s0l), p(s0l2)), feat3(104, s0p, p(s0r), p(s0r2)),
		feat3(105, b0p, p(b0l), p(b0l2)), feat3(106, s1p, p(s1r), p(s1r2)),
		feat3(107, s0p, lab(s0l), lab(s0r)), feat3(108, s1p, lab(s1l), lab(s1r)),
		// label sets
		feat2(110, s0w, set(c.rset, s0)), feat2(111, s0p, set(c.rset, s0)),
		feat2(112, s0w, set(c.lset, s0)), feat2(113, s0p, set(c.lset, s0)),
		feat2(114, b0w, set(c.lset, b0)), feat2(115, b0p, set(c.lset, b0)),
		feat2(116, s1p, set(c.rset, s1)), feat3(117, s1p, set(c.lset, s1), s0p),
	)
	if clusters > 0 {
		cl := func(i int) uint64 {
			if i < 0 {
				return noneVal
			}
			return in.cls[i]
		}
		s0c, b0c := cl(s0), cl(b0)
		buf = append(buf,
			feat1(120, s0c), feat1(121, b0c), feat1(122, cl(b1)), feat1(123, cl(s1)),
			feat2(124, s0c, b0c), feat2(125, s0c, b0p), feat2(126, s0p, b0c), feat2(127, cl(s1), s0c),
		)
		if clusters > 1 {
			buf = append(buf,
				feat2(128, s0p, cl(s0l)), feat2(129, s0p, cl(s0r)), feat2(130, b0p, cl(b0l)),
				feat2(131, b0c, cl(b1)), feat3(132, s0c, b0c, b1p), feat3(133, s1p, s0c, b0c),
			)
		}
	}
	return buf
}

// parse returns the head (0 the root) and relation index of each word.
func (p *depParser) parse(in *parseInput) (heads, labels []int) {
	n := len(in.punct)
	c := newConfig(n, in.punct)
	L := len(p.labels)
	scores := make([]float32, p.nClasses())
	buf := make([]uint64, 0, 128)
	for !c.done() {
		buf = c.features(buf[:0], in, p.clusters)
		p.model.scores(buf, scores)
		best := -1
		for cl := range scores {
			if c.legal(cl, L) && (best < 0 || scores[cl] > scores[best]) {
				best = cl
			}
		}
		c.apply(best, L)
	}
	return c.head[1:], c.label[1:]
}

// parseTrainItem is one training sentence: its input, gold heads (index 0
// unused) and gold labels.
type parseTrainItem struct {
	ws   []wordInfo
	tags []int
	upos []string
	gold []int
	glab []int
	in   *parseInput
}

// oriented returns the item ready for a parser of the given direction:
// words reversed (and heads renumbered) for a reverse parser.
func (it parseTrainItem) oriented(reverse bool) parseTrainItem {
	ws, tags, upos, gold, glab := it.ws, it.tags, it.upos, it.gold, it.glab
	if reverse {
		n := len(ws)
		ws, tags, upos = reversed(ws), reversed(tags), reversed(upos)
		gold, glab = make([]int, n+1), make([]int, n+1)
		for i := 1; i <= n; i++ {
			h := it.gold[i]
			if h > 0 {
				h = n + 1 - h
			}
			gold[n+1-i], glab[n+1-i] = h, it.glab[i]
		}
	}
	in := newParseInput(ws, tags, upos)
	return parseTrainItem{ws: ws, tags: tags, upos: upos, gold: gold, glab: glab, in: in}
}

func reversed[T any](a []T) []T {
	out := make([]T, len(a))
	for i, x := range a {
		out[len(a)-1-i] = x
	}
	return out
}

// parseWords parses tagged words in the parser's direction and returns
// the heads (0 the root) and relation indexes in sentence order.
func (p *depParser) parseWords(ws []wordInfo, tags []int, upos []string) (heads, labels []int) {
	if !p.reverse {
		return p.parse(newParseInput(ws, tags, upos))
	}
	n := len(ws)
	rh, rl := p.parse(newParseInput(reversed(ws), reversed(tags), reversed(upos)))
	heads, labels = make([]int, n), make([]int, n)
	for i := 0; i < n; i++ {
		h := rh[n-1-i]
		if h > 0 {
			h = n + 1 - h
		}
		heads[i], labels[i] = h, rl[n-1-i]
	}
	return heads, labels
}

// trainParser trains the parser with the dynamic oracle. Features are
// admitted when they occur at least minCount times along the static
// oracle's path.
func trainParser(items []parseTrainItem, labels []string, epochs int, seed uint64, minCount int, explore float64,
	clusters int, logf func(string, ...any)) *depParser {
	p := &depParser{labels: labels, clusters: clusters}
	L := len(labels)
	// Admission pass along gold paths.
	counts := map[uint64]int32{}
	buf := make([]uint64, 0, 128)
	for _, it := range items {
		c := newConfig(len(it.in.punct), it.in.punct)
		for !c.done() {
			buf = c.features(buf[:0], it.in, p.clusters)
			for _, f := range buf {
				counts[f]++
			}
			c.apply(staticOracle(c, it.gold, it.glab, L), L)
		}
	}
	var admitted []uint64
	for f, n := range counts {
		if int(n) >= minCount {
			admitted = append(admitted, f)
		}
	}
	slices.Sort(admitted)
	if logf != nil {
		logf("parser: %d features seen, %d admitted", len(counts), len(admitted))
	}
	counts = nil
	tr := newTrainer(p.nClasses(), admitted)
	rng := rand.New(rand.NewPCG(seed, 0x9a55))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, p.nClasses())
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, idx := range order {
			it := items[idx]
			c := newConfig(len(it.in.punct), it.in.punct)
			for !c.done() {
				buf = c.features(buf[:0], it.in, p.clusters)
				tr.scores(buf, scores)
				sh, lf, rt := c.costs(it.gold)
				cost := func(cl int) int {
					switch {
					case cl == shift:
						return sh
					case cl <= L:
						s0 := c.stack[len(c.stack)-1]
						if it.gold[s0] == c.b && cl-1 != it.glab[s0] {
							return lf + 1
						}
						return lf
					default:
						s0 := c.stack[len(c.stack)-1]
						s1 := c.stack[len(c.stack)-2]
						if it.gold[s0] == s1 && cl-1-L != it.glab[s0] {
							return rt + 1
						}
						return rt
					}
				}
				pred, gold := -1, -1
				minCost := 1 << 30
				for cl := range scores {
					if !c.legal(cl, L) {
						continue
					}
					if pred < 0 || scores[cl] > scores[pred] {
						pred = cl
					}
					k := cost(cl)
					if k < minCost || k == minCost && scores[cl] > scores[gold] {
						minCost, gold = k, cl
					}
				}
				tr.tick()
				total++
				next := gold
				if cost(pred) != minCost {
					errs++
					tr.update(buf, gold, pred)
					if ep > 0 && rng.Float64() < explore {
						next = pred
					}
				} else {
					next = pred
				}
				c.apply(next, L)
			}
		}
		if logf != nil {
			logf("parser epoch %d: %.2f%% transitions wrong", ep+1, 100*float64(errs)/float64(total))
		}
	}
	p.model = tr.compile(0.001)
	return p
}

// staticOracle is the arc-hybrid static oracle for projective trees,
// falling back to the least costly transition.
func staticOracle(c *config, gold, glab []int, L int) int {
	top := len(c.stack) - 1
	if top >= 1 {
		s0 := c.stack[top]
		if c.b <= c.n && gold[s0] == c.b && c.legal(1, L) {
			return 1 + glab[s0]
		}
		s1 := c.stack[top-1]
		if gold[s0] == s1 && c.legal(1+L, L) {
			done := true
			for k := c.b; k <= c.n; k++ {
				if gold[k] == s0 {
					done = false
					break
				}
			}
			if done {
				return 1 + L + glab[s0]
			}
		}
	}
	sh, lf, rt := c.costs(gold)
	switch {
	case c.legal(shift, L) && sh <= lf && sh <= rt:
		return shift
	case c.legal(1, L) && lf <= rt:
		return 1 + glab[c.stack[top]]
	default:
		return 1 + L + glab[c.stack[top]]
	}
}
