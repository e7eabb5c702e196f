package evalset

import (
	"fmt"
	"strings"
)

// Counts are the figures score.py adds up over articles.
type Counts struct {
	NodeTP, NodeFP, NodeFN int
	EdgeTP, EdgeFP, EdgeFN int
	DateOK, DateAll        int // gold dates got exactly right, gold dates scored
}

// NodePRF returns node precision, recall and F1.
func (c Counts) NodePRF() (p, r, f float64) { return prf(c.NodeTP, c.NodeFP, c.NodeFN) }

// EdgePRF returns edge precision, recall and F1.
func (c Counts) EdgePRF() (p, r, f float64) { return prf(c.EdgeTP, c.EdgeFP, c.EdgeFN) }

// DateAccuracy returns the share of scored gold dates got right, 1 when
// there were none.
func (c Counts) DateAccuracy() float64 {
	if c.DateAll == 0 {
		return 1
	}
	return float64(c.DateOK) / float64(c.DateAll)
}

// add adds d to c.
func (c *Counts) add(d Counts) {
	c.NodeTP += d.NodeTP
	c.NodeFP += d.NodeFP
	c.NodeFN += d.NodeFN
	c.EdgeTP += d.EdgeTP
	c.EdgeFP += d.EdgeFP
	c.EdgeFN += d.EdgeFN
	c.DateOK += d.DateOK
	c.DateAll += d.DateAll
}

// prf returns precision, recall and F1 computed as score.py computes them
// (the same operations in the same order, hence the same float64 values).
func prf(tp, fp, fn int) (p, r, f float64) {
	p, r = 1.0, 1.0
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Line returns the line score.py prints for one article:
//
//	NAME (padded to 48)  nodes F1 0.80  edges F1 0.50  (edges tp 3 fp 2 fn 4)
func (r Result) Line(article string) string {
	_, _, nf := r.NodePRF()
	_, _, ef := r.EdgePRF()
	return fmt.Sprintf("%-48s nodes F1 %.2f  edges F1 %.2f  (edges tp %d fp %d fn %d)",
		article, nf, ef, r.EdgeTP, r.EdgeFP, r.EdgeFN)
}

// Details returns the lines score.py --verbose prints under an article's
// line: every miss, then every spurious node and edge.
func (r Result) Details() []string {
	var lines []string
	for _, m := range r.Miss {
		lines = append(lines, "    missed   "+m)
	}
	for _, m := range r.Spurious {
		lines = append(lines, "    spurious "+m)
	}
	return lines
}

// Totals adds up the Results of a gold folder.
type Totals struct {
	Counts
	Articles int     // articles scored
	Seconds  float64 // time spent extracting
}

// Add adds one article's Result.
func (t *Totals) Add(r Result) {
	t.Counts.add(r.Counts)
	t.Articles++
}

// Format returns score.py's TOTAL line:
//
//	TOTAL 7 articles: nodes P 0.812 R 0.700 F1 0.752 | edges P … | dates 0.500 | 3.2s
func (t Totals) Format() string {
	np, nr, nf := t.NodePRF()
	ep, er, ef := t.EdgePRF()
	return fmt.Sprintf("TOTAL %d articles: nodes P %.3f R %.3f F1 %.3f | "+
		"edges P %.3f R %.3f F1 %.3f | dates %.3f | %.1fs",
		t.Articles, np, nr, nf, ep, er, ef, t.DateAccuracy(), t.Seconds)
}

// Below returns the floors not met, named as score.py names them
// ("node-f1", "edge-f1", "date-acc"), in that order. A figure within 1e-9
// under its floor meets it.
func (t Totals) Below(minNodeF1, minEdgeF1, minDateAcc float64) []string {
	_, _, nf := t.NodePRF()
	_, _, ef := t.EdgePRF()
	floors := []struct {
		name   string
		v, min float64
	}{
		{"node-f1", nf, minNodeF1},
		{"edge-f1", ef, minEdgeF1},
		{"date-acc", t.DateAccuracy(), minDateAcc},
	}
	var short []string
	for _, c := range floors {
		if c.v+1e-9 < c.min {
			short = append(short, c.name)
		}
	}
	return short
}

// FloorMessage returns what score.py prints to stderr when floors are not
// met: "below the floor: node-f1, edge-f1".
func FloorMessage(short []string) string {
	return "below the floor: " + strings.Join(short, ", ")
}
