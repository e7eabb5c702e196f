package export

import (
	"bufio"
	"context"
	"encoding/json"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// cyNode and cyEdge are the data of Cytoscape.js elements.
type cyNode struct {
	ID string `json:"id"`
	// Value repeats the id, as networkx's cytoscape_graph wants.
	Value   string   `json:"value"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases,omitempty"`
	Kind    string   `json:"kind,omitempty"`
	Date    string   `json:"date,omitempty"`
	ISO     string   `json:"iso,omitempty"`
	First   string   `json:"first,omitempty"`
	Last    string   `json:"last,omitempty"`
	// The outside ids and coordinates of a linked entity.
	Wikidata  string   `json:"wikidata,omitempty"`
	GeoNames  int      `json:"geonames,omitempty"`
	Latitude  *float64 `json:"latitude,omitempty"`
	Longitude *float64 `json:"longitude,omitempty"`
}

type cyEdge struct {
	ID string `json:"id"`
	// Key repeats the id, so that networkx keeps parallel edges apart.
	Key        string   `json:"key"`
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	Type       string   `json:"type"`
	Date       string   `json:"date,omitempty"`
	Status     string   `json:"status,omitempty"`
	Role       string   `json:"role,omitempty"`
	Confidence float64  `json:"confidence,omitempty"`
	Cameo      string   `json:"cameo,omitempty"`
	Plover     string   `json:"plover,omitempty"`
	Goldstein  *float64 `json:"goldstein,omitempty"`
	QuadClass  int      `json:"quadClass,omitempty"`
	Evidence   int      `json:"evidence"`
	Sentence   string   `json:"sentence,omitempty"`
}

// writeCytoscape writes the Cytoscape.js elements JSON (what cy.json()
// returns and Cytoscape desktop imports as .cyjs).
func writeCytoscape(ctx context.Context, src Source, sel *selection, w *bufio.Writer,
) (Counts, error) {
	var werr error
	put := func(s string) {
		if werr == nil {
			_, werr = w.WriteString(s)
		}
	}
	enc := func(v any) {
		if werr != nil {
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			werr = err
			return
		}
		_, werr = w.Write(b)
	}
	put(`{"format_version":"1.0","generated_by":"diplograph","target_cytoscapejs_version":"~3",` +
		`"data":{"name":"diplograph"},"directed":true,"multigraph":true,"elements":{"nodes":[`)
	var c Counts
	err := eachNode(ctx, src, sel, func(e schema.Entity, sp span) error {
		if c.Nodes > 0 {
			put(",")
		}
		c.Nodes++
		put("\n")
		enc(map[string]any{"data": cyNode{ID: e.ID, Value: e.ID, Name: e.Name,
			Type: strings.ToUpper(string(e.Type)), Aliases: e.Aliases, Kind: e.Kind, Date: e.Date,
			ISO: e.Code, First: sp.lo, Last: sp.hi, Wikidata: e.IDs.Wikidata, GeoNames: e.IDs.GeoNames,
			Latitude: lat(e), Longitude: lon(e)}})
		return werr
	})
	if err != nil {
		return c, err
	}
	put("\n],\"edges\":[")
	err = eachEdge(ctx, src, sel, func(r schema.Relation) error {
		if c.Edges > 0 {
			put(",")
		}
		c.Edges++
		put("\n")
		d := cyEdge{ID: r.ID, Key: r.ID, Source: r.Source, Target: r.Target, Type: string(r.Type),
			Date: r.Date, Status: r.Status, Role: r.Role, Confidence: r.Confidence,
			Cameo: r.Cameo, Plover: r.Plover, Evidence: len(r.Evidence)}
		if g, ok, quad := intensity(r); ok {
			d.Goldstein, d.QuadClass = &g, quad
		}
		if len(r.Evidence) > 0 {
			d.Sentence = r.Evidence[0].Sentence
		}
		enc(map[string]any{"data": d})
		return werr
	})
	if err != nil {
		return c, err
	}
	put("\n]}}\n")
	return c, werr
}
