package evalset

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
)

// Errors LoadGold wraps, to test with errors.Is.
var (
	// ErrUnknownNode is returned when a gold edge names a key that no gold
	// node has.
	ErrUnknownNode = errors.New("edge names unknown node")
	// ErrMalformedGold is returned when a gold file lacks a field score.py
	// needs or has one of the wrong shape.
	ErrMalformedGold = errors.New("malformed gold file")
)

// Gold is one article's gold annotation, as read by LoadGold.
type Gold struct {
	Path      string     // the gold file
	Article   string     // the article file, relative to the gold file's folder
	Published string     // publication date handed to the extractor
	Nodes     []GoldNode // in file order; a repeated key replaces the first in place
	Edges     []GoldEdge // in file order

	index map[string]int // node key → position in Nodes
}

// GoldNode is one gold node. A predicted node must have one of Types.
type GoldNode struct {
	Key      string
	Type     string   // the "type" field, or "" when the file gives only "types"
	Types    []string // the "types" field, or Type alone
	Names    []string // the accepted names, the canonical one first
	Kind     string   // event kind, checked only as a fallback match
	Date     string   // date the extractor should give, or ""
	Optional bool     // printing it neither gains nor costs anything

	typeSet   map[string]bool
	normNames map[string]bool
	wordSets  []map[string]bool
}

// GoldEdge is one gold edge: any of S, then Type, then any of O.
type GoldEdge struct {
	S, O      []string
	Type      string
	Date      string // date the extractor should give, or ""
	Symmetric bool   // it also matches from an O to an S
	Optional  bool   // printing it neither gains nor costs anything

	sList, oList bool // S, O were written as lists (it shows in messages)
}

// rawGold is the JSON layout of a gold file.
type rawGold struct {
	Article   *string `json:"article"`
	Published *string `json:"published"`
	Nodes     []struct {
		Key      *string  `json:"key"`
		Type     *string  `json:"type"`
		Types    []string `json:"types"`
		Names    []string `json:"names"`
		Kind     string   `json:"kind"`
		Date     string   `json:"date"`
		Optional any      `json:"optional"`
	} `json:"nodes"`
	Edges []struct {
		S         json.RawMessage `json:"s"`
		O         json.RawMessage `json:"o"`
		Type      *string         `json:"type"`
		Date      string          `json:"date"`
		Symmetric any             `json:"symmetric"`
		Optional  any             `json:"optional"`
	} `json:"edges"`
}

// LoadGold reads and checks the gold file at path. Every error names the
// file; an edge naming a key no node has wraps ErrUnknownNode and reads as
// score.py's message ("PATH: edge names unknown node 'KEY'"). Where score.py
// would stop on a missing field only later, or not at all (a node without
// names), LoadGold refuses the file with ErrMalformedGold.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evalset.LoadGold: %w", err)
	}
	var raw rawGold
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", path, ErrMalformedGold, err)
	}
	bad := func(what string) error { return fmt.Errorf("%s: %w: %s", path, ErrMalformedGold, what) }
	if raw.Article == nil || raw.Published == nil {
		return nil, bad(`"article" and "published" are required`)
	}
	g := &Gold{Path: path, Article: *raw.Article, Published: *raw.Published,
		index: map[string]int{}}
	for i, rn := range raw.Nodes {
		if rn.Key == nil || len(rn.Names) == 0 || rn.Type == nil && len(rn.Types) == 0 {
			return nil, bad(fmt.Sprintf("node %d needs a key, names and a type", i+1))
		}
		n := GoldNode{Key: *rn.Key, Types: rn.Types, Names: rn.Names, Kind: rn.Kind,
			Date: rn.Date, Optional: truthy(rn.Optional)}
		if rn.Type != nil {
			n.Type = *rn.Type
		}
		if len(n.Types) == 0 {
			n.Types = []string{n.Type}
		}
		n.prepare()
		if at, ok := g.index[n.Key]; ok {
			g.Nodes[at] = n
			continue
		}
		g.index[n.Key] = len(g.Nodes)
		g.Nodes = append(g.Nodes, n)
	}
	for i, re := range raw.Edges {
		e := GoldEdge{Date: re.Date, Symmetric: truthy(re.Symmetric),
			Optional: truthy(re.Optional)}
		var errS, errO error
		e.S, e.sList, errS = keys(re.S)
		e.O, e.oList, errO = keys(re.O)
		if errS != nil || errO != nil || re.Type == nil {
			return nil, bad(fmt.Sprintf(
				"edge %d needs s, type and o (each a key or a list of keys)", i+1))
		}
		e.Type = *re.Type
		for _, k := range append(append([]string{}, e.S...), e.O...) {
			if _, ok := g.index[k]; !ok {
				return nil, fmt.Errorf("%s: %w %s", path, ErrUnknownNode, pyRepr(k))
			}
		}
		g.Edges = append(g.Edges, e)
	}
	return g, nil
}

// prepare computes the folded names and word sets of n.
func (n *GoldNode) prepare() {
	n.typeSet = map[string]bool{}
	for _, t := range n.Types {
		n.typeSet[t] = true
	}
	n.normNames = map[string]bool{}
	for _, s := range n.Names {
		n.normNames[Fold(s)] = true
		if ws := words(s); len(ws) > 0 {
			n.wordSets = append(n.wordSets, ws)
		}
	}
}

// label names n in a missed-node message as score.py does: its type, or
// its sorted types as a list, then its first name quoted.
func (n *GoldNode) label() string {
	t := n.Type
	if t == "" {
		ts := append([]string{}, n.Types...)
		sort.Strings(ts)
		t = pyList(ts)
	}
	return t + " " + pyRepr(n.Names[0])
}

// node returns the gold node with key k.
func (g *Gold) node(k string) *GoldNode { return &g.Nodes[g.index[k]] }

// keys reads a gold edge end: a key or a list of keys.
func keys(raw json.RawMessage) (ks []string, list bool, err error) {
	var k string
	if err := json.Unmarshal(raw, &k); err == nil {
		return []string{k}, false, nil
	}
	if err := json.Unmarshal(raw, &ks); err != nil || raw == nil {
		return nil, false, fmt.Errorf("not a key or a list of keys: %s", raw)
	}
	return ks, true, nil
}

// truthy reports whether a JSON value is true as Python's bool() sees it.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	return true
}

// end prints a gold edge end as score.py does: a key bare, a list as a list.
func end(ks []string, list bool) string {
	if list {
		return pyList(ks)
	}
	return ks[0]
}
