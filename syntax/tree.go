package syntax

import "strings"

// Parse is one analysed sentence: its words with tags, lemmas, heads and
// relations, and the read API the loader asks of a tree. Indices are
// 0-based positions in Words; a head of -1 is the root.
type Parse struct {
	Words []Word
	// Spans are the words' byte offsets in the text they were read from,
	// when the parse was made from text (nil otherwise).
	Spans    []Span
	children [][]int
}

// NewParse wraps CoNLL-U words (Head 0 the root, IDs 1..n) in a Parse.
func NewParse(words []Word) *Parse {
	p := &Parse{Words: words, children: make([][]int, len(words))}
	for i, w := range words {
		if h := w.Head - 1; h >= 0 && h < len(words) {
			p.children[h] = append(p.children[h], i)
		}
	}
	return p
}

// Len returns the number of words.
func (p *Parse) Len() int { return len(p.Words) }

// Head returns the index of word i's head, -1 for the root.
func (p *Parse) Head(i int) int { return p.Words[i].Head - 1 }

// Rel returns word i's relation to its head ("nsubj", "obl:tmod"...).
func (p *Parse) Rel(i int) string { return p.Words[i].Deprel }

// Root returns the index of the sentence's root word, -1 for none.
func (p *Parse) Root() int {
	for i, w := range p.Words {
		if w.Head == 0 {
			return i
		}
	}
	return -1
}

// Children returns the dependents of word i in sentence order.
func (p *Parse) Children(i int) []int { return p.children[i] }

// ChildrenRel returns the dependents of i whose relation is rel or one of
// its subtypes ("obl" matches "obl:tmod"; "obl:tmod" only itself).
func (p *Parse) ChildrenRel(i int, rel string) []int {
	var out []int
	for _, c := range p.children[i] {
		if relIs(p.Words[c].Deprel, rel) {
			out = append(out, c)
		}
	}
	return out
}

func relIs(have, want string) bool {
	return have == want || !strings.Contains(want, ":") && strings.HasPrefix(have, want+":")
}

// Subject returns the subject of a verb (or of a predicate noun or
// adjective): its own nsubj/csubj, or, when it has none, the subject it
// shares — a conjoined verb takes the first conjunct's ("X arrived and
// met Y"), an open complement takes its controller's ("X wants to
// visit"). It returns -1 when there is none.
func (p *Parse) Subject(verb int) int {
	for steps := 0; verb >= 0 && steps < len(p.Words); steps++ {
		for _, c := range p.children[verb] {
			if r := p.Words[c].Deprel; relIs(r, "nsubj") || relIs(r, "csubj") {
				return c
			}
		}
		switch r := p.Words[verb].Deprel; {
		case relIs(r, "conj"):
			verb = p.Head(verb)
		case relIs(r, "xcomp"):
			h := p.Head(verb)
			if h >= 0 {
				if o := p.ChildrenRel(h, "obj"); len(o) > 0 {
					return o[0] // object control: "urged X to attend"
				}
			}
			verb = h
		default:
			return -1
		}
	}
	return -1
}

// IsPassive reports whether a verb is passive: it has a passive subject or
// auxiliary.
func (p *Parse) IsPassive(verb int) bool {
	for _, c := range p.children[verb] {
		switch p.Words[c].Deprel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// Agent returns the by-phrase of a passive verb ("was invited by X"), -1
// for none.
func (p *Parse) Agent(verb int) int {
	if a := p.ChildrenRel(verb, "obl:agent"); len(a) > 0 {
		return a[0]
	}
	return -1
}

// Objects returns the direct and indirect objects of a verb with their
// conjuncts ("met X and Y" gives X and Y).
func (p *Parse) Objects(verb int) []int {
	var out []int
	for _, c := range p.children[verb] {
		if r := p.Words[c].Deprel; r == "obj" || r == "iobj" {
			out = append(out, p.Conjuncts(c)...)
		}
	}
	return out
}

// Obliques returns the oblique dependents of a verb (obl and its
// subtypes), with the lemma of each one's case marker ("in", "with", ""
// for a bare "Monday").
func (p *Parse) Obliques(verb int) (idx []int, prep []string) {
	for _, c := range p.children[verb] {
		if relIs(p.Words[c].Deprel, "obl") {
			idx = append(idx, c)
			prep = append(prep, p.Case(c))
		}
	}
	return idx, prep
}

// Case returns the lemma of the case marker of a nominal ("with" in "with
// the minister"), joined by spaces for a multi-word one ("because of"),
// "" for none.
func (p *Parse) Case(i int) string {
	var parts []string
	for _, c := range p.children[i] {
		if p.Words[c].Deprel == "case" && c < i {
			parts = append(parts, strings.ToLower(p.Words[c].Lemma))
			for _, f := range p.children[c] {
				if p.Words[f].Deprel == "fixed" {
					parts = append(parts, strings.ToLower(p.Words[f].Lemma))
				}
			}
		}
	}
	return strings.Join(parts, " ")
}

// Conjuncts returns i and every word coordinated with it, in sentence
// order: "X, Y and Z" gives X, Y, Z from any of them.
func (p *Parse) Conjuncts(i int) []int {
	first := i
	for relIs(p.Words[first].Deprel, "conj") && p.Head(first) >= 0 {
		first = p.Head(first)
	}
	out := []int{first}
	for k := 0; k < len(out); k++ {
		for _, c := range p.children[out[k]] {
			if relIs(p.Words[c].Deprel, "conj") {
				out = append(out, c)
			}
		}
	}
	sortInts(out)
	return out
}

// PathTo returns the words on the tree path from i to j, both included:
// up from i to their lowest common ancestor, then down to j. It is nil
// when they are not connected (a malformed tree).
func (p *Parse) PathTo(i, j int) []int {
	up := func(k int) []int {
		var chain []int
		for steps := 0; k >= 0 && steps <= len(p.Words); steps++ {
			chain = append(chain, k)
			k = p.Head(k)
		}
		return chain
	}
	a, b := up(i), up(j)
	pos := make(map[int]int, len(b))
	for k, x := range b {
		pos[x] = k
	}
	for k, x := range a {
		if m, ok := pos[x]; ok {
			out := append([]int(nil), a[:k+1]...)
			for n := m - 1; n >= 0; n-- {
				out = append(out, b[n])
			}
			return out
		}
	}
	return nil
}

// NameSpan returns the span [start, end) of the proper name word i is part
// of: the name's head with its flat and compound proper-noun dependents,
// and the hyphens between them ("Abdel Fattah el-Sisi"). A word outside any
// name gives its own one-word span.
func (p *Parse) NameSpan(i int) (start, end int) {
	h := i
	for {
		r := p.Words[h].Deprel
		hd := p.Head(h)
		if hd < 0 || !(relIs(r, "flat") || r == "compound" && p.isName(h) && p.isName(hd)) {
			break
		}
		h = hd
	}
	start, end = h, h+1
	var grow func(k int)
	grow = func(k int) {
		for _, c := range p.children[k] {
			r := p.Words[c].Deprel
			if relIs(r, "flat") || r == "compound" && p.isName(c) || r == "punct" && p.Words[c].Form == "-" && c > start-2 && c < end+1 {
				if c < start {
					start = c
				}
				if c+1 > end {
					end = c + 1
				}
				grow(c)
			}
		}
	}
	grow(h)
	return start, end
}

func (p *Parse) isName(i int) bool { return p.Words[i].UPOS == "PROPN" }

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for k := i; k > 0 && a[k] < a[k-1]; k-- {
			a[k], a[k-1] = a[k-1], a[k]
		}
	}
}
