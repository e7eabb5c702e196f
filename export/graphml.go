package export

import (
	"bufio"
	"context"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// graphmlKeys are the attributes GraphML output declares: id, target
// (node or edge), name and GraphML type.
var graphmlKeys = [][4]string{
	{"n_name", "node", "name", "string"}, {"n_type", "node", "type", "string"},
	{"n_aliases", "node", "aliases", "string"}, {"n_kind", "node", "kind", "string"},
	{"n_date", "node", "date", "string"}, {"n_iso", "node", "iso", "string"},
	{"n_wikidata", "node", "wikidata", "string"}, {"n_geonames", "node", "geonames", "long"},
	{"n_latitude", "node", "latitude", "double"}, {"n_longitude", "node", "longitude", "double"},
	{"n_first", "node", "first", "string"}, {"n_last", "node", "last", "string"},
	{"e_type", "edge", "type", "string"}, {"e_date", "edge", "date", "string"},
	{"e_status", "edge", "status", "string"}, {"e_role", "edge", "role", "string"},
	{"e_confidence", "edge", "confidence", "double"}, {"e_cameo", "edge", "cameo", "string"},
	{"e_plover", "edge", "plover", "string"}, {"e_goldstein", "edge", "goldstein", "double"},
	{"e_quadClass", "edge", "quadClass", "int"}, {"e_evidence", "edge", "evidence", "int"},
	{"e_sentence", "edge", "sentence", "string"},
}

// writeGraphML writes GraphML with typed keys: a directed multigraph
// whose edges carry the type, date, codes, intensity, the number of
// evidence sentences and the first of them.
func writeGraphML(ctx context.Context, src Source, sel *selection, w *bufio.Writer,
) (Counts, error) {
	x := &xmlWriter{w: w}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns` +
		` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		x.raw(`<key id="`, k[0], `" for="`, k[1], `" attr.name="`, k[2], `" attr.type="`, k[3],
			`"/>`, "\n")
	}
	x.raw(`<graph id="diplograph" edgedefault="directed">` + "\n")
	var c Counts
	err := eachNode(ctx, src, sel, func(e schema.Entity, sp span) error {
		c.Nodes++
		x.raw("<node")
		x.attr("id", e.ID)
		x.raw(">")
		graphmlData(x, "n_name", e.Name)
		graphmlData(x, "n_type", strings.ToUpper(string(e.Type)))
		graphmlData(x, "n_aliases", strings.Join(e.Aliases, "; "))
		graphmlData(x, "n_kind", e.Kind)
		graphmlData(x, "n_date", e.Date)
		graphmlData(x, "n_iso", e.Code)
		graphmlData(x, "n_wikidata", e.IDs.Wikidata)
		graphmlData(x, "n_geonames", geonames(e))
		lat, lon := coordinates(e)
		graphmlData(x, "n_latitude", lat)
		graphmlData(x, "n_longitude", lon)
		graphmlData(x, "n_first", sp.lo)
		graphmlData(x, "n_last", sp.hi)
		x.raw("</node>\n")
		return x.err
	})
	if err != nil {
		return c, err
	}
	err = eachEdge(ctx, src, sel, func(r schema.Relation) error {
		c.Edges++
		x.raw("<edge")
		x.attr("id", r.ID)
		x.attr("source", r.Source)
		x.attr("target", r.Target)
		x.raw(">")
		graphmlData(x, "e_type", string(r.Type))
		graphmlData(x, "e_date", r.Date)
		graphmlData(x, "e_status", r.Status)
		graphmlData(x, "e_role", r.Role)
		if r.Confidence != 0 {
			graphmlData(x, "e_confidence", float(r.Confidence))
		}
		graphmlData(x, "e_cameo", r.Cameo)
		graphmlData(x, "e_plover", r.Plover)
		if g, ok, quad := intensity(r); ok {
			graphmlData(x, "e_goldstein", float(g))
			graphmlData(x, "e_quadClass", strconv.Itoa(quad))
		}
		graphmlData(x, "e_evidence", strconv.Itoa(len(r.Evidence)))
		if len(r.Evidence) > 0 {
			graphmlData(x, "e_sentence", r.Evidence[0].Sentence)
		}
		x.raw("</edge>\n")
		return x.err
	})
	if err != nil {
		return c, err
	}
	x.raw("</graph>\n</graphml>\n")
	return c, x.err
}

// graphmlData writes one data element, none for an empty value.
func graphmlData(x *xmlWriter, key, v string) {
	if v == "" {
		return
	}
	x.raw(`<data key="`, key, `">`)
	x.esc(v)
	x.raw("</data>")
}
