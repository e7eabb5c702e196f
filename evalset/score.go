package evalset

import "fmt"

// Result is how one Prediction fares against one Gold.
type Result struct {
	Counts
	// Miss lists the missed gold nodes and edges and the wrong dates, and
	// Spurious the predicted nodes and edges that gold lacks, worded as
	// score.py --verbose words them.
	Miss, Spurious []string
}

// rank orders the ways a predicted node can match a gold node: a lower
// level is better and, within a level, a lower tie-break.
type rank struct{ level, tie int }

func (a rank) less(b rank) bool {
	return a.level < b.level || a.level == b.level && a.tie < b.tie
}

// matchNode returns the index of the gold node p stands for, or -1.
func (g *Gold) matchNode(p PredNode) int {
	names := append([]string{p.Name}, p.Aliases...)
	pn := map[string]bool{}
	for _, x := range names {
		if x != "" {
			pn[Fold(x)] = true
		}
	}
	var pw map[string]bool
	best, bestRank := -1, rank{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if !n.typeSet[p.Type] {
			continue
		}
		var r rank
		switch {
		case n.normNames[Fold(p.Name)]:
			r = rank{0, 0}
		case intersects(pn, n.normNames):
			r = rank{1, 0}
		case p.Type == "Event" || p.Type == "Agreement":
			if pw == nil {
				pw = map[string]bool{}
				for _, x := range names {
					for w := range words(x) {
						pw[w] = true
					}
				}
			}
			size := -1
			for _, ws := range n.wordSets {
				if subset(ws, pw) && len(ws) > size {
					size = len(ws)
				}
			}
			switch {
			case size >= 0:
				r = rank{2, -size}
			case n.Date != "" && p.Date == n.Date && n.Kind != "" && p.Kind == n.Kind:
				r = rank{3, 0}
			default:
				continue
			}
		default:
			continue
		}
		if best < 0 || r.less(bestRank) {
			best, bestRank = i, r
		}
	}
	return best
}

// intersects reports whether a and b share a member.
func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// Score compares one prediction with one gold annotation as score.py's
// score_one does: node and edge true positives, false positives and false
// negatives, dates right out of dates scored, and what was missed or
// spurious.
func Score(g *Gold, p Prediction) Result {
	var out Result
	idmap := map[string]string{} // idKey of a predicted node → gold key, "" for none
	seen := map[string]PredNode{}
	for _, n := range p.Nodes {
		if !nodeTypes[n.Type] {
			continue
		}
		i := g.matchNode(n)
		id := idKey(n.ID, n.given, fID)
		label := n.Type + " " + pyQuoted(n.Name, n.given, fName)
		if i < 0 {
			idmap[id] = ""
			out.NodeFP++
			out.Spurious = append(out.Spurious, "node "+label)
			continue
		}
		key := g.Nodes[i].Key
		idmap[id] = key
		if g.Nodes[i].Optional {
			continue
		}
		if _, dup := seen[key]; dup {
			out.NodeFP++
			out.Spurious = append(out.Spurious,
				fmt.Sprintf("node %s (a second node for %s)", label, key))
			continue
		}
		seen[key] = n
		out.NodeTP++
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		pn, ok := seen[n.Key]
		switch {
		case n.Optional:
		case !ok:
			out.NodeFN++
			out.Miss = append(out.Miss, "node "+n.label())
		case n.Date != "":
			out.DateAll++
			if pn.Date == n.Date {
				out.DateOK++
			} else {
				got := pyStr(pn.Date, pn.given, fDate)
				out.Miss = append(out.Miss,
					fmt.Sprintf("date of %s: want %s, got %s", n.Key, n.Date, got))
			}
		}
	}
	g.scoreEdges(p.Edges, idmap, &out)
	return out
}
