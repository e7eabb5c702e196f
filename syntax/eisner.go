package syntax

import "math"

// eisner returns the projective tree over words 1..n with exactly one
// child of the root that maximises the sum of score[h*(n+1)+d] over its
// arcs h → d (Eisner 1996). heads[d-1] is the head of word d, 0 the root.
func eisner(n int, score []float64) []int {
	N := n + 1
	idx := func(s, t int) int { return s*N + t }
	// Spans over words 1..n. complete/incomplete, direction: right (head
	// at s) or left (head at t).
	cr, cl := make([]float64, N*N), make([]float64, N*N)
	ir, il := make([]float64, N*N), make([]float64, N*N)
	bcr, bcl := make([]int, N*N), make([]int, N*N)
	bir, bil := make([]int, N*N), make([]int, N*N)
	neg := math.Inf(-1)
	for i := range cr {
		cr[i], cl[i], ir[i], il[i] = neg, neg, neg, neg
	}
	for s := 1; s <= n; s++ {
		cr[idx(s, s)], cl[idx(s, s)] = 0, 0
	}
	for k := 1; k < n; k++ {
		for s := 1; s+k <= n; s++ {
			t := s + k
			best, arg := neg, s
			for r := s; r < t; r++ {
				if v := cr[idx(s, r)] + cl[idx(r+1, t)]; v > best {
					best, arg = v, r
				}
			}
			ir[idx(s, t)], bir[idx(s, t)] = best+score[s*N+t], arg // s → t
			il[idx(s, t)], bil[idx(s, t)] = best+score[t*N+s], arg // t → s
			best, arg = neg, s
			for r := s; r < t; r++ {
				if v := cl[idx(s, r)] + il[idx(r, t)]; v > best {
					best, arg = v, r
				}
			}
			cl[idx(s, t)], bcl[idx(s, t)] = best, arg
			best, arg = neg, t
			for r := s + 1; r <= t; r++ {
				if v := ir[idx(s, r)] + cr[idx(r, t)]; v > best {
					best, arg = v, r
				}
			}
			cr[idx(s, t)], bcr[idx(s, t)] = best, arg
		}
	}
	heads := make([]int, n)
	root, best := 1, neg
	for r := 1; r <= n; r++ {
		if v := cl[idx(1, r)] + cr[idx(r, n)] + score[r]; v > best {
			root, best = r, v
		}
	}
	heads[root-1] = 0
	var complete func(s, t int, right bool)
	var incomplete func(s, t int, right bool)
	complete = func(s, t int, right bool) {
		if s == t {
			return
		}
		if right {
			r := bcr[idx(s, t)]
			incomplete(s, r, true)
			complete(r, t, true)
		} else {
			r := bcl[idx(s, t)]
			complete(s, r, false)
			incomplete(r, t, false)
		}
	}
	incomplete = func(s, t int, right bool) {
		if right {
			heads[t-1] = s
			r := bir[idx(s, t)]
			complete(s, r, true)
			complete(r+1, t, false)
		} else {
			heads[s-1] = t
			r := bil[idx(s, t)]
			complete(s, r, true)
			complete(r+1, t, false)
		}
	}
	complete(1, root, false)
	complete(root, n, true)
	return heads
}
