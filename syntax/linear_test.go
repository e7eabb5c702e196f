package syntax

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestLinearScores builds a compiled model with dense rows (frequent
// features, many classes) and sparse ones, and checks that scores adds the
// weights of the features present — each as often as it occurs, none for
// an absent one — within the quantisation step.
func TestLinearScores(t *testing.T) {
	const nClasses = 103
	rng := rand.New(rand.NewPCG(1, 2))
	want := map[uint32][]float32{} // key → weight per class
	m := &linear{nClasses: nClasses}
	for k := uint32(1); k <= 600; k++ {
		key := k * 2654435761
		n := 1 + rng.IntN(4) // sparse
		if k%3 == 0 {
			n = nClasses/6 + rng.IntN(nClasses-nClasses/6) // dense
		}
		row := make([]float32, nClasses)
		m.keys = append(m.keys, key)
		m.start = append(m.start, uint32(len(m.cls)))
		for _, c := range rng.Perm(nClasses)[:n] {
			row[c] = float32(rng.NormFloat64() * 20)
		}
		for c, w := range row {
			if w != 0 {
				m.cls = append(m.cls, uint16(c))
				m.wt = append(m.wt, w)
			}
		}
		want[key] = row
	}
	m.start = append(m.start, uint32(len(m.cls)))
	m.buildTable()
	if m.hot.len() == 0 || m.cold.len() == 0 {
		t.Fatalf("hot %d rows, cold %d rows: want both kinds", m.hot.len(), m.cold.len())
	}
	for _, tc := range []struct {
		name  string
		feats []uint64
	}{
		{"none", nil},
		{"absent only", []uint64{7, 8, 9}},
		{"one dense", []uint64{uint64(m.keys[2])}},
		{"one sparse", []uint64{uint64(m.keys[0])}},
		{"mixed with repeats", func() []uint64 {
			var f []uint64
			for i := 0; i < 300; i++ {
				f = append(f, uint64(m.keys[rng.IntN(len(m.keys))]))
			}
			return append(f, 12345, uint64(m.keys[4]), uint64(m.keys[4]))
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exp := make([]float64, nClasses)
			for _, f := range tc.feats {
				for c, w := range want[uint32(f)] {
					exp[c] += float64(w)
				}
			}
			got := make([]float32, nClasses)
			m.scores(tc.feats, got)
			tol := float64(len(tc.feats)+1) * float64(m.step)
			for c := range got {
				if math.Abs(float64(got[c])-exp[c]) > tol {
					t.Fatalf("scores class %d = %g; want %g (±%g)", c, got[c], exp[c], tol)
				}
			}
		})
	}
}
