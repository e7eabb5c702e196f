package evalset

import "fmt"

// triple is a predicted edge over gold keys; an end that matched no gold
// node is "?" and the predicted node ID.
type triple struct{ s, t, o string }

// scoreEdges adds the edge counts, edge dates and edge messages of one
// prediction to out, as the second half of score.py's score_one does.
// idmap maps the idKey of predicted nodes to gold keys ("" for none).
func (g *Gold) scoreEdges(edges []PredEdge, idmap map[string]string, out *Result) {
	seenTriples := map[triple]bool{}
	matched := map[int]bool{}
	for _, e := range edges {
		t := e.Type
		if !relTypes[t] {
			continue
		}
		s, o := idmap[idKey(e.Source, e.given, fSource)], idmap[idKey(e.Target, e.given, fTarget)]
		tr := triple{s, t, o}
		if s == "" {
			tr.s = "?" + pyStr(e.Source, e.given, fSource)
		}
		if o == "" {
			tr.o = "?" + pyStr(e.Target, e.given, fTarget)
		}
		if seenTriples[tr] {
			continue
		}
		seenTriples[tr] = true
		if s == "" || o == "" {
			out.EdgeFP++
			out.Spurious = append(out.Spurious, spurious(tr, e))
			continue
		}
		hit := g.findEdge(s, t, o, matched)
		if hit < 0 {
			if g.node(s).Optional || g.node(o).Optional {
				continue
			}
			out.EdgeFP++
			out.Spurious = append(out.Spurious, spurious(tr, e))
			continue
		}
		ge := &g.Edges[hit]
		if ge.Optional || matched[hit] {
			continue
		}
		matched[hit] = true
		out.EdgeTP++
		if ge.Date != "" {
			out.DateAll++
			if e.Date == ge.Date {
				out.DateOK++
			} else {
				out.Miss = append(out.Miss, fmt.Sprintf("date of %s %s -> %s: want %s, got %s",
					t, s, o, ge.Date, pyStr(e.Date, e.given, fDate)))
			}
		}
	}
	for i := range g.Edges {
		ge := &g.Edges[i]
		if ge.Optional || matched[i] {
			continue
		}
		out.EdgeFN++
		if ge.Date != "" {
			out.DateAll++
		}
		out.Miss = append(out.Miss, fmt.Sprintf("edge %s %s -> %s",
			ge.Type, end(ge.S, ge.sList), end(ge.O, ge.oList)))
	}
}

// findEdge returns the index of the gold edge that the triple (s, t, o)
// takes, or -1: the first free (non-optional, unmatched) gold edge it fits,
// else the first it fits at all.
func (g *Gold) findEdge(s, t, o string, matched map[int]bool) int {
	hit := -1
	for i := range g.Edges {
		ge := &g.Edges[i]
		if ge.Type != t {
			continue
		}
		fwd := contains(ge.S, s) && contains(ge.O, o)
		rev := (ge.Symmetric || symmetric[t]) && contains(ge.S, o) && contains(ge.O, s)
		if !fwd && !rev {
			continue
		}
		free := !ge.Optional && !matched[i]
		if hit < 0 || free && (g.Edges[hit].Optional || matched[hit]) {
			hit = i
		}
	}
	return hit
}

// spurious words a predicted edge that gold lacks as score.py does.
func spurious(tr triple, e PredEdge) string {
	return fmt.Sprintf("edge %s %s -> %s: %s", tr.t, tr.s, tr.o, pyRepr(head(e.Evidence, 90)))
}

// contains reports whether ks holds k.
func contains(ks []string, k string) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
