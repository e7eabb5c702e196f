// Package evalset scores the extractor's output against gold annotations
// exactly as ../shared/eval/score.py does, so that `diplograph eval` and the
// Python scorer print the same figures.
//
// A gold folder holds NAME.gold.json files. Each names its article file in
// its "article" field (a path relative to the folder), its publication date
// in "published", the gold nodes (key, type or types, names, optional kind,
// date and optional flag) and the gold edges (s, type, o, where s and o are
// a node key or a list of keys, with optional date, symmetric and optional
// flags).
//
// Matching follows score.py:
//
//   - Names are compared after Fold: NFKD, combining marks dropped, lower
//     case, apostrophes (’ ' `) dropped, every other run of characters
//     outside [0-9a-z] turned into one space, and a leading "the " removed.
//   - A predicted node of a gold node's type stands for it when its name is
//     one of the gold names (best), when one of its aliases is, or, for an
//     Event or Agreement, when all non-stop words of a gold name occur in its
//     names (the largest such gold name ranks best) or when it has the gold
//     date and kind. Ties go to the gold node listed first.
//   - A second predicted node for the same gold node is a false positive;
//     nodes matching optional gold nodes neither gain nor cost anything.
//   - A predicted edge is a (subject, type, object) triple over matched
//     nodes; the same triple twice counts once, and one with an end that
//     matched no gold node is a false positive. A gold edge lists allowed
//     subjects and objects and matches in reverse when it is symmetric or of
//     type MET. A predicted edge takes a free, non-optional gold edge when it
//     can; one that only fits optional or already matched gold edges, or
//     fits none but touches an optional node, is ignored; one that fits none
//     is a false positive.
//   - Date accuracy is the share of gold dates on matched nodes and on gold
//     edges that were predicted exactly; a missed gold edge's date counts as
//     wrong.
//
// The extractor's output is a Prediction. Where score.py tells a field the
// extractor left out (None) from one it printed as "" (only node ids, names
// and dates, and edge ends and dates, where it shows in messages or in which
// ids are equal), so does a Prediction read from JSON; a JSON null is read
// as a field left out, and a Prediction built in Go treats "" as left out.
package evalset

// nodeTypes lists the node types that are scored.
var nodeTypes = map[string]bool{
	"Person": true, "Country": true, "Organization": true, "Place": true,
	"Event": true, "Agreement": true,
}

// relTypes lists the relation types that are scored.
var relTypes = map[string]bool{
	"CALLED": true, "MET": true, "VISITED": true, "INVITED": true, "CONDEMNED": true,
	"CONDOLED": true, "SUPPORTED": true, "SIGNED": true, "ATTENDED": true,
	"HOLDS_OFFICE": true, "OCCURRED_IN": true, "LOCATED_IN": true,
}

// symmetric lists the relation types that always match in either direction.
var symmetric = map[string]bool{"MET": true}

// stop lists the words ignored when names are compared word by word.
var stop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "and": true, "s": true,
}

// Prediction is the JSON object the extractor prints for one article.
type Prediction struct {
	Article PredArticle `json:"article"`
	Nodes   []PredNode  `json:"nodes"`
	Edges   []PredEdge  `json:"edges"`
}

// PredArticle describes the article a Prediction was made from; it is not
// scored.
type PredArticle struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
}

// PredNode is one predicted node. Only Person, Country, Organization, Place,
// Event and Agreement nodes are scored.
type PredNode struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Kind    string   `json:"kind,omitempty"`
	Date    string   `json:"date,omitempty"`

	given fields // fields printed as "" rather than left out
}

// PredEdge is one predicted edge between the nodes with IDs Source and
// Target. Only the relation types of score.py (CALLED, MET, VISITED, …,
// LOCATED_IN) are scored.
type PredEdge struct {
	Source   string `json:"source"`
	Type     string `json:"type"`
	Target   string `json:"target"`
	Date     string `json:"date,omitempty"`
	Evidence string `json:"evidence,omitempty"`

	given fields // fields printed as "" rather than left out
}
