package evalset

import "strings"

// synthetic returns a prediction made from gold g with deliberate errors,
// varied by seed: nodes left out, named by a later name, by an alias, in
// capitals or with extra words, printed twice, with right, wrong and
// missing dates; edges left out, reversed, repeated, with right, wrong and
// missing dates, to unknown ids and of unscored types; spurious nodes.
func synthetic(g *Gold, seed int) Prediction {
	var p Prediction
	for i, n := range g.Nodes {
		k := i + seed
		if k%7 == 3 {
			continue
		}
		pn := PredNode{ID: n.Key, Type: n.Types[0], Name: n.Names[0], Kind: n.Kind}
		switch k % 5 {
		case 1:
			pn.Name = strings.ToUpper(n.Names[len(n.Names)-1])
		case 2:
			pn.Name = "the " + n.Names[0] + " affair"
			pn.Aliases = []string{n.Names[len(n.Names)-1]}
		case 4:
			pn.Name = "Reported " + n.Names[0]
		}
		if n.Date != "" {
			switch k % 3 {
			case 0:
				pn.Date = n.Date
			case 2:
				pn.Date = "1999-01-01"
			}
		}
		p.Nodes = append(p.Nodes, pn)
		if k%6 == 4 {
			p.Nodes = append(p.Nodes, PredNode{ID: n.Key + "_dup", Type: n.Types[0],
				Name: n.Names[len(n.Names)-1]})
		}
	}
	p.Nodes = append(p.Nodes,
		PredNode{ID: "x1", Type: "Person", Name: "Nobody Special"},
		PredNode{ID: "x2", Type: "Article", Name: "A headline"},
		PredNode{ID: "x3", Type: "Event", Name: "a quiet afternoon", Kind: "meeting"})
	for j, e := range g.Edges {
		k := j + seed
		if k%4 == 2 {
			continue
		}
		pe := PredEdge{Source: e.S[k%len(e.S)], Type: e.Type, Target: e.O[len(e.O)-1],
			Evidence: "it's said that " + e.Type + " \"happened\" " + strings.Repeat("x", k)}
		if k%5 == 3 {
			pe.Source, pe.Target = pe.Target, pe.Source
		}
		if e.Date != "" {
			switch k % 3 {
			case 0:
				pe.Date = e.Date
			case 2:
				pe.Date = "2000-01-01"
			}
		}
		p.Edges = append(p.Edges, pe)
		if k%5 == 0 {
			p.Edges = append(p.Edges, pe)
		}
	}
	p.Edges = append(p.Edges,
		PredEdge{Source: "x1", Type: "MET", Target: "zz", Evidence: "met someone"},
		PredEdge{Source: g.Nodes[0].Key, Type: "DISCUSSED", Target: "x1"},
		PredEdge{Source: g.Nodes[0].Key, Type: "CALLED", Target: g.Nodes[1].Key})
	return p
}
