package main

import (
	"cmp"
	"math"
	"slices"
)

// The clustering is the exchange algorithm of Kneser and Ney (1993) and
// Martin, Liermann and Ney (1998) for a class bigram model: each word
// belongs to one class, and a word moves to the class that most raises
// the likelihood of the corpus under P(w_i | w_{i-1}) =
// P(class(w_i) | class(w_{i-1})) P(w_i | class(w_i)). Up to a constant
// that likelihood is
//
//	Σ_{c,d} f(N(c,d)) − Σ_c f(N_L(c)) − Σ_d f(N_R(d)),   f(x) = x log x,
//
// over the class bigram counts N(c,d) and their row and column sums. The
// words the corpus has too few of are not clustered: they all share one
// fixed class, as do the sentence boundaries.

// corpusCounts are the word bigram counts of a corpus: words 0..nFree-1
// are clustered; the rest are fixed.
type corpusCounts struct {
	nFree int
	// prev[w] and next[w]: the words before and after w, with counts
	// (self bigrams left out and kept in self).
	prev, next [][]wordCount
	self       []int64
	freq       []int64
}

type wordCount struct {
	w int32
	n int64
}

func fx(x int64) float64 {
	if x <= 0 {
		return 0
	}
	f := float64(x)
	return f * math.Log(f)
}

// exchange clusters the free words into k classes; fixed words take the
// classes given by fixedClass (≥ k). It returns each free word's class and
// the number of moves made in each pass.
func exchange(cc *corpusCounts, k int, fixedClass []int, passes int, logf func(string, ...any)) []int {
	nw := len(cc.prev)
	nc := k
	for _, c := range fixedClass {
		nc = max(nc, c+1)
	}
	cl := make([]int, nw)
	for w := 0; w < nw; w++ {
		if w < cc.nFree {
			cl[w] = w % k // words arrive most frequent first
		} else {
			cl[w] = fixedClass[w-cc.nFree]
		}
	}
	N := make([]int64, nc*nc)
	NL := make([]int64, nc)
	NR := make([]int64, nc)
	for w := 0; w < nw; w++ {
		for _, e := range cc.next[w] {
			N[cl[w]*nc+cl[e.w]] += e.n
			NL[cl[w]] += e.n
			NR[cl[e.w]] += e.n
		}
		N[cl[w]*nc+cl[w]] += cc.self[w]
		NL[cl[w]] += cc.self[w]
		NR[cl[w]] += cc.self[w]
	}
	L := make([]int64, nc) // counts of each class before the word
	R := make([]int64, nc) // counts of each class after it
	var lKeys, rKeys []int
	for pass := 0; pass < passes; pass++ {
		moves := 0
		for w := 0; w < cc.nFree; w++ {
			lKeys, rKeys = lKeys[:0], rKeys[:0]
			var nl, nr int64 // the word's counts as a left and as a right element
			for _, e := range cc.prev[w] {
				c := cl[e.w]
				if L[c] == 0 {
					lKeys = append(lKeys, c)
				}
				L[c] += e.n
				nr += e.n
			}
			for _, e := range cc.next[w] {
				c := cl[e.w]
				if R[c] == 0 {
					rKeys = append(rKeys, c)
				}
				R[c] += e.n
				nl += e.n
			}
			s := cc.self[w]
			nl += s
			nr += s
			a := cl[w]
			// Take w out of a.
			move := func(b int, sign int64) {
				for _, c := range lKeys {
					N[c*nc+b] += sign * L[c]
				}
				for _, d := range rKeys {
					N[b*nc+d] += sign * R[d]
				}
				N[b*nc+b] += sign * s
				NL[b] += sign * nl
				NR[b] += sign * nr
			}
			move(a, -1)
			best, bestGain := a, math.Inf(-1)
			for b := 0; b < k; b++ {
				g := 0.0
				for _, c := range lKeys {
					if c != b {
						x := N[c*nc+b]
						g += fx(x+L[c]) - fx(x)
					}
				}
				for _, d := range rKeys {
					if d != b {
						x := N[b*nc+d]
						g += fx(x+R[d]) - fx(x)
					}
				}
				x := N[b*nc+b]
				g += fx(x+L[b]+R[b]+s) - fx(x)
				g -= fx(NL[b]+nl) - fx(NL[b])
				g -= fx(NR[b]+nr) - fx(NR[b])
				if g > bestGain+1e-9 || g >= bestGain-1e-9 && b == a {
					best, bestGain = b, g
				}
			}
			// L and R are indexed by class, and w's own class appears in
			// them only through its neighbours; moving w does not change
			// its neighbours' classes, so they stay valid for b.
			move(best, 1)
			if best != a {
				cl[w] = best
				moves++
			}
			for _, c := range lKeys {
				L[c] = 0
			}
			for _, d := range rKeys {
				R[d] = 0
			}
		}
		if logf != nil {
			logf("pass %d: %d of %d words moved", pass+1, moves, cc.nFree)
		}
		if moves*1000 < cc.nFree {
			break
		}
	}
	return cl[:cc.nFree]
}

// renumber gives the classes numbers in order of their most frequent word,
// so that the table does not depend on the initial numbering's accidents.
func renumber(cl []int, k int) []int {
	first := make([]int, k)
	for i := range first {
		first[i] = math.MaxInt
	}
	for w, c := range cl {
		first[c] = min(first[c], w)
	}
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(first[a], first[b]) })
	newOf := make([]int, k)
	for i, c := range order {
		newOf[c] = i
	}
	out := make([]int, len(cl))
	for w, c := range cl {
		out[w] = newOf[c]
	}
	return out
}
