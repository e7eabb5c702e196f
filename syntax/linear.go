package syntax

import (
	"cmp"
	"math"
	"slices"
)

// A feature is a 64-bit hash of a template number and the values it reads
// (word hashes, tags, labels, small counts). Hashing keeps feature
// extraction free of string building.

const (
	mixK1 = 0x9e3779b97f4a7c15
	mixK2 = 0xbf58476d1ce4e5b9
	mixK3 = 0x94d049bb133111eb
)

// mix is the splitmix64 finaliser: a fast, well-spread 64-bit hash step.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= mixK2
	x ^= x >> 27
	x *= mixK3
	x ^= x >> 31
	return x
}

func feat1(t, a uint64) uint64       { return mix(t*mixK1 ^ a) }
func feat2(t, a, b uint64) uint64    { return mix(feat1(t, a) ^ b*mixK1) }
func feat3(t, a, b, c uint64) uint64 { return mix(feat2(t, a, b) ^ c*mixK2) }
func feat4(t, a, b, c, d uint64) uint64 {
	return mix(feat3(t, a, b, c) ^ d*mixK3)
}

// hashString is FNV-1a followed by mix: the value of a word in features.
func hashString[T string | []byte](s T) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

// trainer is an averaged multi-class perceptron under training: a dense
// row of class weights per feature. Weights move by whole steps, so they
// are exact integers; sum accumulates step × time for the average
// (Daumé's trick: average = w − sum/time).
type trainer struct {
	nClasses int
	index    map[uint64]int32
	grow     bool // add a row for an unseen feature on update
	w        []int32
	sum      []int64
	time     int64
}

func newTrainer(nClasses int, admitted []uint64) *trainer {
	t := &trainer{nClasses: nClasses, index: make(map[uint64]int32, len(admitted)), grow: admitted == nil}
	for _, f := range admitted {
		t.row(f, true)
	}
	return t
}

func (t *trainer) row(f uint64, add bool) int32 {
	if r, ok := t.index[f]; ok {
		return r
	}
	if !add {
		return -1
	}
	r := int32(len(t.index))
	t.index[f] = r
	t.w = append(t.w, make([]int32, t.nClasses)...)
	t.sum = append(t.sum, make([]int64, t.nClasses)...)
	return r
}

// scores fills out with the current (not averaged) class scores.
func (t *trainer) scores(feats []uint64, out []float32) {
	clear(out)
	for _, f := range feats {
		r, ok := t.index[f]
		if !ok {
			continue
		}
		row := t.w[int(r)*t.nClasses : int(r+1)*t.nClasses]
		for c, v := range row {
			out[c] += float32(v)
		}
	}
}

// tick counts one training instance.
func (t *trainer) tick() { t.time++ }

// update moves the weights of feats toward gold and away from guess.
func (t *trainer) update(feats []uint64, gold, guess int) {
	if gold == guess {
		return
	}
	for _, f := range feats {
		r := t.row(f, t.grow)
		if r < 0 {
			continue
		}
		base := int(r) * t.nClasses
		t.w[base+gold]++
		t.sum[base+gold] += t.time
		t.w[base+guess]--
		t.sum[base+guess] -= t.time
	}
}

// compile averages the weights and keeps those whose magnitude is at
// least minWeight, as a compact read-only model. Features whose 32-bit
// keys collide share one row (their weights add up).
func (t *trainer) compile(minWeight float64) *linear {
	type entry struct {
		f   uint64
		key uint32
		cls uint16
		w   float64
	}
	var entries []entry
	tm := float64(t.time)
	if tm == 0 {
		tm = 1
	}
	for f, r := range t.index {
		base := int(r) * t.nClasses
		for c := 0; c < t.nClasses; c++ {
			avg := float64(t.w[base+c]) - float64(t.sum[base+c])/tm
			if math.Abs(avg) >= minWeight && avg != 0 {
				entries = append(entries, entry{f, uint32(f), uint16(c), avg})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if a.cls != b.cls {
			return int(a.cls) - int(b.cls)
		}
		switch {
		case a.f < b.f:
			return -1
		case a.f > b.f:
			return 1
		}
		return 0
	})
	m := &linear{nClasses: t.nClasses}
	for i := 0; i < len(entries); {
		j := i
		m.keys = append(m.keys, entries[i].key)
		m.start = append(m.start, uint32(len(m.cls)))
		for j < len(entries) && entries[j].key == entries[i].key {
			k := j
			w := 0.0
			for k < len(entries) && entries[k].key == entries[i].key && entries[k].cls == entries[j].cls {
				w += entries[k].w
				k++
			}
			m.cls = append(m.cls, entries[j].cls)
			m.wt = append(m.wt, float32(w))
			j = k
		}
		i = j
	}
	m.start = append(m.start, uint32(len(m.cls)))
	m.buildTable()
	return m
}

// linear is a compiled linear model: per feature key, the weights of the
// classes it votes for. keys/start/cls/wt are the tables as written in the
// model file; the rest is the lookup form built from them, laid out for
// few cache misses. A long row (a frequent feature, voting for many
// classes) is dense: stride weights, one per class, found through hot, a
// small hash table that stays in the cache, and added without unpacking.
// A short row is sparse, found through cold: data[off] is its length and
// each entry after it packs a class (8 bits) with a weight. Every weight
// is a 24-bit signed number of steps, so that the scores are the same
// integers whichever form a row takes (and the same as when every row was
// sparse: training, which tags with compiled fold taggers, gives the same
// model bytes).
type linear struct {
	nClasses int
	keys     []uint32 // sorted
	start    []uint32 // len(keys)+1 offsets into cls/wt
	cls      []uint16
	wt       []float32
	hot      hashTable // → dense row number
	cold     hashTable // → offset into data
	data     []uint32
	dense    []int32
	stride   int
	step     float32
}

// hashTable maps a 32-bit key to a value below 1<<32-1 by open addressing
// with linear probing: each slot packs key<<32 | value+1, 0 when empty.
type hashTable struct {
	slots []uint64
	mask  uint32
}

func newHashTable(n int) hashTable {
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	return hashTable{slots: make([]uint64, size), mask: uint32(size - 1)}
}

func slot(k uint32) uint32 { return (k * 0x9E3779B1) ^ (k >> 16) }

func (h *hashTable) put(k, v uint32) {
	s := slot(k) & h.mask
	for h.slots[s] != 0 {
		s = (s + 1) & h.mask
	}
	h.slots[s] = uint64(k)<<32 | uint64(v+1)
}

// get returns the value of k plus one, 0 when absent.
func (h *hashTable) get(k uint32) uint32 {
	s := slot(k) & h.mask
	e := h.slots[s]
	for e != 0 && uint32(e>>32) != k {
		s = (s + 1) & h.mask
		e = h.slots[s]
	}
	return uint32(e)
}

func (h *hashTable) len() int {
	n := 0
	for _, e := range h.slots {
		if e != 0 {
			n++
		}
	}
	return n
}

const weightBits = 24

// denseRow says whether a row of n weights is stored dense: a sparse
// entry costs several times a dense one, so rows over a sixth full are.
func (m *linear) denseRow(n int) bool { return 6*n >= m.nClasses }

func (m *linear) buildTable() {
	if m.nClasses > 256 {
		panic("syntax: more than 256 classes")
	}
	m.stride = m.nClasses
	var maxAbs float32
	nDense, nSparse := 0, 0
	for i := range m.keys {
		n := int(m.start[i+1] - m.start[i])
		dense := m.denseRow(n)
		if dense {
			nDense++
		} else {
			nSparse += 1 + n
		}
		for _, w := range m.wt[m.start[i]:m.start[i+1]] {
			maxAbs = max(maxAbs, w, -w)
		}
	}
	const maxQ = 1<<(weightBits-1) - 1
	m.step = maxAbs / (maxQ - 1) // a little room: maxAbs/step must not round past maxQ
	if m.step == 0 {
		m.step = 1
	}
	m.hot, m.cold = newHashTable(nDense), newHashTable(len(m.keys)-nDense)
	m.data = make([]uint32, 0, nSparse)
	m.dense = make([]int32, 0, nDense*m.stride)
	for i, k := range m.keys {
		if n := int(m.start[i+1] - m.start[i]); m.denseRow(n) {
			m.hot.put(k, uint32(len(m.dense)/m.stride))
			row := make([]int32, m.stride)
			for e := m.start[i]; e < m.start[i+1]; e++ {
				row[m.cls[e]] = int32(max(-maxQ, min(maxQ, math.Round(float64(m.wt[e])/float64(m.step)))))
			}
			m.dense = append(m.dense, row...)
			continue
		}
		m.cold.put(k, uint32(len(m.data)))
		m.data = append(m.data, m.start[i+1]-m.start[i])
		for e := m.start[i]; e < m.start[i+1]; e++ {
			q := int32(max(-maxQ, min(maxQ, math.Round(float64(m.wt[e])/float64(m.step)))))
			m.data = append(m.data, uint32(m.cls[e])<<weightBits|uint32(q)&(1<<weightBits-1))
		}
	}
}

// dropTables frees the file form once the lookup form is built.
func (m *linear) dropTables() { m.keys, m.start, m.cls, m.wt = nil, nil, nil, nil }

// scores fills out (len nClasses) with the class scores of feats. Lookups
// are made in passes — every feature's hot then cold slot, then the first
// word of every sparse row, then the rows — so that the processor waits
// for many cache misses at once instead of one after another (the cold
// rows are far larger than the cache). Dense rows are added four at a
// time, one store per class for four rows.
func (m *linear) scores(feats []uint64, out []float32) {
	var acc, accD [256]int32
	var refs, dense [256]uint32
	data, stride := m.data, m.stride
	sum := accD[:stride]
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(refs))]
		feats = feats[len(batch):]
		ns, nd := 0, 0
		var rest [256]uint32
		for _, f := range batch {
			k := uint32(f)
			if r := m.hot.get(k); r != 0 {
				dense[nd] = (r - 1) * uint32(stride)
				nd++
			} else {
				rest[ns] = k
				ns++
			}
		}
		nr := ns
		ns = 0
		for _, k := range rest[:nr] {
			if r := m.cold.get(k); r != 0 {
				refs[ns] = r
				ns++
			}
		}
		var cnts [256]uint32
		for i, ref := range refs[:ns] {
			cnts[i] = data[ref-1]
		}
		for i, ref := range refs[:ns] {
			for _, d := range data[ref : ref+cnts[i]] {
				acc[d>>weightBits] += int32(d<<(32-weightBits)) >> (32 - weightBits)
			}
		}
		rows := m.dense
		k := 0
		for ; k+8 <= nd; k += 8 {
			r0 := rows[dense[k]:][:len(sum)]
			r1 := rows[dense[k+1]:][:len(sum)]
			r2 := rows[dense[k+2]:][:len(sum)]
			r3 := rows[dense[k+3]:][:len(sum)]
			r4 := rows[dense[k+4]:][:len(sum)]
			r5 := rows[dense[k+5]:][:len(sum)]
			r6 := rows[dense[k+6]:][:len(sum)]
			r7 := rows[dense[k+7]:][:len(sum)]
			for c := range sum {
				sum[c] += r0[c] + r1[c] + r2[c] + r3[c] + r4[c] + r5[c] + r6[c] + r7[c]
			}
		}
		for ; k+4 <= nd; k += 4 {
			r0 := rows[dense[k]:][:len(sum)]
			r1 := rows[dense[k+1]:][:len(sum)]
			r2 := rows[dense[k+2]:][:len(sum)]
			r3 := rows[dense[k+3]:][:len(sum)]
			for c := range sum {
				sum[c] += r0[c] + r1[c] + r2[c] + r3[c]
			}
		}
		for ; k < nd; k++ {
			r := rows[dense[k]:][:len(sum)]
			for c := range sum {
				sum[c] += r[c]
			}
		}
	}
	for c := range out {
		out[c] = float32(acc[c]+accD[c]) * m.step
	}
}

// size returns the number of stored weights.
func (m *linear) size() int {
	n := 0
	for _, v := range m.dense {
		if v != 0 {
			n++
		}
	}
	return n + len(m.data) - m.cold.len()
}
