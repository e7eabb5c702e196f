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

// linear is a compiled linear model: per feature key, a sparse list of
// (class, weight). keys/start/cls/wt are the tables as written in the
// model file; table and data are the lookup form built from them, laid out
// so that a feature costs two memory reads in a small footprint:
// table[slot] packs a key with the offset of its row in data, data[off] is
// the row's length and each entry after it packs a class (8 bits) with a
// weight (24 bits, signed, in units of step).
type linear struct {
	nClasses int
	keys     []uint32 // sorted
	start    []uint32 // len(keys)+1 offsets into cls/wt
	cls      []uint16
	wt       []float32
	table    []uint64 // key<<32 | offset+1 into data; 0 empty
	data     []uint32
	step     float32
	mask     uint32
}

const weightBits = 24

func (m *linear) buildTable() {
	if m.nClasses > 256 {
		panic("syntax: more than 256 classes")
	}
	size := 1
	for size < 2*len(m.keys)+1 {
		size <<= 1
	}
	m.table = make([]uint64, size)
	m.mask = uint32(size - 1)
	maxAbs := float32(0)
	for _, w := range m.wt {
		maxAbs = max(maxAbs, w, -w)
	}
	const maxQ = 1<<(weightBits-1) - 1
	m.step = maxAbs / (maxQ - 1) // a little room: maxAbs/step must not round past maxQ
	if m.step == 0 {
		m.step = 1
	}
	m.data = make([]uint32, 0, len(m.keys)+len(m.wt))
	for i, k := range m.keys {
		off := len(m.data)
		m.data = append(m.data, m.start[i+1]-m.start[i])
		for e := m.start[i]; e < m.start[i+1]; e++ {
			q := int32(max(-maxQ, min(maxQ, math.Round(float64(m.wt[e])/float64(m.step)))))
			m.data = append(m.data, uint32(m.cls[e])<<weightBits|uint32(q)&(1<<weightBits-1))
		}
		s := slot(k) & m.mask
		for m.table[s] != 0 {
			s = (s + 1) & m.mask
		}
		m.table[s] = uint64(k)<<32 | uint64(off+1)
	}
}

// entry unpacks one data entry.
func entry(d uint32) (class int, q int32) {
	return int(d >> weightBits), int32(d<<(32-weightBits)) >> (32 - weightBits)
}

// dropTables frees the file form once the lookup form is built.
func (m *linear) dropTables() { m.keys, m.start, m.cls, m.wt = nil, nil, nil, nil }

func slot(k uint32) uint32 { return (k * 0x9E3779B1) ^ (k >> 16) }

// scores fills out (len nClasses) with the class scores of feats. The
// lookups are made in two passes — first every feature's table slot, then
// every row — so that the processor can wait for many cache misses at once
// instead of one after another: the model is far larger than the cache.
func (m *linear) scores(feats []uint64, out []float32) {
	var acc [256]int32
	var offs [256]int32
	table, data, mask := m.table, m.data, m.mask
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(offs))]
		feats = feats[len(batch):]
		n := 0
		for _, f := range batch {
			k := uint32(f)
			s := slot(k) & mask
			e := table[s]
			for e != 0 && uint32(e>>32) != k {
				s = (s + 1) & mask
				e = table[s]
			}
			if e != 0 {
				offs[n] = int32(uint32(e)) - 1
				n++
			}
		}
		for _, off := range offs[:n] {
			cnt := data[off]
			for _, d := range data[off+1 : uint32(off)+1+cnt] {
				acc[d>>weightBits] += int32(d<<(32-weightBits)) >> (32 - weightBits)
			}
		}
	}
	for c := range out {
		out[c] = float32(acc[c]) * m.step
	}
}

// size returns the number of stored weights.
func (m *linear) size() int { return len(m.data) - m.rows() }

func (m *linear) rows() int {
	n := 0
	for _, e := range m.table {
		if e != 0 {
			n++
		}
	}
	return n
}
