package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip-compressed; inside, a magic line, the provenance
// text, then the tagger, the lemmatizer and the parser, every table in a
// sorted order so that the same model always gives the same bytes.
// Weights are stored as integers: round(weight / scale), zig-zag varints.
// Version 3 adds the word cluster table after the provenance text and,
// for the tagger and each parser, whether its features read clusters. A
// model without clusters is written as version 2, byte for byte as before
// clusters existed.

const (
	modelMagic   = "diplograph-syntax-model 3\n"
	modelMagicV2 = "diplograph-syntax-model 2\n"
)

// weightSteps is the number of quantisation steps of the largest weight.
const weightSteps = 1 << 16

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uvarint(x uint64) { e.w.Write(e.buf[:binary.PutUvarint(e.buf[:], x)]) }
func (e *encoder) varint(x int64)   { e.w.Write(e.buf[:binary.PutVarint(e.buf[:], x)]) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.w.WriteString(s) }
func (e *encoder) strs(a []string) {
	e.uvarint(uint64(len(a)))
	for _, s := range a {
		e.str(s)
	}
}
func (e *encoder) strMap(m map[string]string) {
	keys := sortedKeys(m)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.str(m[k])
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (e *encoder) linear(m *linear, pruneBelow float32) {
	e.uvarint(uint64(m.nClasses))
	maxAbs := 0.0
	for _, w := range m.wt {
		maxAbs = math.Max(maxAbs, math.Abs(float64(w)))
	}
	scale := float32(maxAbs / weightSteps)
	if scale == 0 {
		scale = 1
	}
	e.uvarint(uint64(math.Float32bits(scale)))
	// Quantise; drop weights that round to zero and keys left empty.
	type row struct {
		key  uint32
		cls  []uint16
		vals []int64
	}
	var rows []row
	for i, k := range m.keys {
		r := row{key: k}
		for j := m.start[i]; j < m.start[i+1]; j++ {
			if q := int64(math.Round(float64(m.wt[j] / scale))); q != 0 && (m.wt[j] >= pruneBelow || m.wt[j] <= -pruneBelow) {
				r.cls = append(r.cls, m.cls[j])
				r.vals = append(r.vals, q)
			}
		}
		if len(r.cls) > 0 {
			rows = append(rows, r)
		}
	}
	e.uvarint(uint64(len(rows)))
	prev := uint32(0)
	for _, r := range rows {
		e.uvarint(uint64(r.key - prev))
		prev = r.key
	}
	for _, r := range rows {
		e.uvarint(uint64(len(r.cls)))
	}
	for _, r := range rows {
		last := uint16(0)
		for _, c := range r.cls {
			e.uvarint(uint64(c - last))
			last = c
		}
	}
	for _, r := range rows {
		for _, v := range r.vals {
			e.varint(v)
		}
	}
}

// WriteModel writes m to w in the model file format.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	v3 := m.clusters != nil || m.tagger.clusters
	for _, p := range m.parsers {
		v3 = v3 || p.clusters != 0
	}
	if !v3 {
		e.w.WriteString(modelMagicV2)
	} else {
		e.w.WriteString(modelMagic)
	}
	e.str(m.Info)
	var keys []string
	if v3 {
		keys = sortedKeys(m.clusters)
		e.uvarint(uint64(len(keys)))
		for _, k := range keys {
			e.str(k)
			e.uvarint(uint64(m.clusters[k]))
		}
	}
	// tagger
	tg := m.tagger
	if v3 {
		e.uvarint(flag(tg.clusters))
	}
	e.strs(tg.upos)
	e.strs(tg.xpos)
	keys = sortedKeys(tg.dict)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uvarint(uint64(tg.dict[k]))
	}
	keys = sortedKeys(tg.amb)
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		e.uvarint(tg.amb[k])
	}
	e.linear(tg.model, 0)
	// lemmatizer
	e.strMap(m.lemmatizer.exact)
	e.strMap(m.lemmatizer.lower)
	e.strMap(m.lemmatizer.edits)
	e.strMap(m.lemmatizer.any)
	// parsers
	e.uvarint(uint64(len(m.parsers)))
	for _, p := range m.parsers {
		rev := uint64(0)
		if p.reverse {
			rev = 1
		}
		e.uvarint(rev)
		if v3 {
			e.uvarint(uint64(p.clusters))
		}
		e.strs(p.labels)
		e.linear(p.model, m.pruneBelow)
	}
	if err := e.w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func flag(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
	}
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(d.r)
	if err != nil {
		d.err = err
	}
	return x
}

// count reads a length and checks it against a sanity bound.
func (d *decoder) count(limit int) int {
	n := d.uvarint()
	if n > uint64(limit) {
		d.fail("a count of %d exceeds %d", n, limit)
		return 0
	}
	return int(n)
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) str() string {
	n := d.count(1 << 20)
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
	}
	return string(b)
}

func (d *decoder) strs() []string {
	out := make([]string, d.count(1<<16))
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) strMap() map[string]string {
	n := d.count(1 << 24)
	m := make(map[string]string, n)
	for i := 0; i < n && d.err == nil; i++ {
		k := d.str()
		m[k] = d.str()
	}
	return m
}

func (d *decoder) linear() *linear {
	m := &linear{nClasses: d.count(1 << 16)}
	scale := math.Float32frombits(uint32(d.uvarint()))
	n := d.count(1 << 28)
	if d.err != nil {
		return m
	}
	m.keys = make([]uint32, n)
	prev := uint32(0)
	for i := range m.keys {
		prev += uint32(d.uvarint())
		m.keys[i] = prev
	}
	m.start = make([]uint32, n+1)
	for i := 0; i < n; i++ {
		m.start[i+1] = m.start[i] + uint32(d.count(m.nClasses))
	}
	total := int(m.start[n])
	m.cls = make([]uint16, total)
	m.wt = make([]float32, total)
	for i := 0; i < n && d.err == nil; i++ {
		last := uint16(0)
		for j := m.start[i]; j < m.start[i+1]; j++ {
			last += uint16(d.uvarint())
			if int(last) >= m.nClasses {
				d.fail("class %d out of range", last)
				return m
			}
			m.cls[j] = last
		}
	}
	for j := range m.wt {
		m.wt[j] = float32(d.varint()) * scale
	}
	if d.err == nil {
		m.buildTable()
		m.dropTables()
	}
	return m
}

// ReadModel reads a model written by Model.Write.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax model: %w", err)
	}
	d := &decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(d.r, magic); err != nil || string(magic) != modelMagic && string(magic) != modelMagicV2 {
		return nil, errors.New("syntax model: not a diplograph syntax model file")
	}
	v3 := string(magic) == modelMagic
	m := &Model{Info: d.str()}
	if v3 {
		if n := d.count(1 << 22); n > 0 {
			m.clusters = make(clusterTable, n)
			for ; n > 0 && d.err == nil; n-- {
				k := d.str()
				v := uint16(d.count(1<<16 - 1))
				if v&^rareInTrain == 0 {
					d.fail("word %q has no class", k)
				}
				m.clusters[k] = v
			}
		}
	}
	tg := &tagger{}
	if v3 {
		tg.clusters = d.uvarint() == 1
	}
	tg.upos, tg.xpos, tg.dict, tg.amb = d.strs(), d.strs(), map[string]int{}, map[string]uint64{}
	if len(tg.upos) != len(tg.xpos) || len(tg.upos) == 0 {
		d.fail("tag lists differ in length")
	}
	for n := d.count(1 << 24); n > 0 && d.err == nil; n-- {
		k := d.str()
		c := d.count(len(tg.upos) - 1)
		tg.dict[k] = c
	}
	for n := d.count(1 << 24); n > 0 && d.err == nil; n-- {
		k := d.str()
		tg.amb[k] = d.uvarint()
	}
	tg.model = d.linear()
	m.tagger = tg
	m.lemmatizer = &lemmatizer{exact: d.strMap(), lower: d.strMap(), edits: d.strMap(), any: d.strMap()}
	if d.err == nil && tg.model.nClasses != len(tg.upos) {
		d.fail("the tagger's classes do not match its tag list")
	}
	nParsers := d.count(16)
	if d.err == nil && nParsers == 0 {
		d.fail("no parser")
	}
	for k := 0; k < nParsers && d.err == nil; k++ {
		p := &depParser{reverse: d.uvarint() == 1}
		if v3 {
			p.clusters = d.count(2)
		}
		p.labels = d.strs()
		p.model = d.linear()
		if d.err == nil && (p.model.nClasses != p.nClasses() || len(p.labels) > 63 ||
			k > 0 && !slices.Equal(p.labels, m.parsers[0].labels)) {
			d.fail("parser %d: its classes do not match its relation list", k+1)
		}
		m.parsers = append(m.parsers, p)
	}
	if d.err != nil {
		return nil, fmt.Errorf("syntax model: %w", d.err)
	}
	return m, nil
}
