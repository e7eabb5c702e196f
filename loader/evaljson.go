package loader

import (
	"encoding/json"
	"fmt"

	"github.com/diplograph/diplograph/schema"
)

// evalArticle is the article of the evaluation contract
// (../shared/eval/README.md).
type evalArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
}

// evalNode is one node of the evaluation contract; its id is the entity's.
type evalNode struct {
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Kind    string   `json:"kind,omitempty"`
	Date    string   `json:"date,omitempty"`
	// IDs and Location are what the link stage found; the contract's
	// scorer ignores them.
	IDs      schema.ExternalIDs `json:"externalIds,omitzero"`
	Location *schema.Location   `json:"location,omitempty"`
}

// evalEdge is one edge of the evaluation contract, with the first sentence
// it was read from and its offsets in the body.
type evalEdge struct {
	Source     string  `json:"source"`
	Type       string  `json:"type"`
	Target     string  `json:"target"`
	Date       string  `json:"date,omitempty"`
	Evidence   string  `json:"evidence"`
	Status     string  `json:"status,omitempty"`
	Role       string  `json:"role,omitempty"`
	Confidence float64 `json:"confidence"`
	Cameo      string  `json:"cameo,omitempty"`
	Plover     string  `json:"plover,omitempty"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
}

// evalDoc is the one JSON object EvalJSON prints.
type evalDoc struct {
	Article evalArticle `json:"article"`
	Nodes   []evalNode  `json:"nodes"`
	Edges   []evalEdge  `json:"edges"`
}

// EvalJSON renders a batch as the one JSON object of the evaluation
// contract: the article, its nodes (ids are the entity ids) and its edges
// with the first sentence each was read from.
func EvalJSON(b schema.Batch) ([]byte, error) {
	out := evalDoc{
		Article: evalArticle{ID: b.Article.ID, Title: b.Article.Title,
			Published: b.Article.Published},
		Nodes: make([]evalNode, 0, len(b.Entities)),
		Edges: make([]evalEdge, 0, len(b.Relations)),
	}
	for _, e := range b.Entities {
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		out.Nodes = append(out.Nodes, evalNode{ID: e.ID, Type: string(e.Type), Name: e.Name,
			Aliases: aliases, Kind: e.Kind, Date: e.Date, IDs: e.IDs, Location: e.Location})
	}
	for _, r := range b.Relations {
		ed := evalEdge{Source: r.Source, Type: string(r.Type), Target: r.Target, Date: r.Date,
			Status: r.Status, Role: r.Role, Confidence: r.Confidence, Cameo: r.Cameo,
			Plover: r.Plover}
		if len(r.Evidence) > 0 {
			ed.Evidence, ed.Start, ed.End = r.Evidence[0].Sentence, r.Evidence[0].Start,
				r.Evidence[0].End
		}
		out.Edges = append(out.Edges, ed)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("loader.EvalJSON: %w", err)
	}
	return data, nil
}
