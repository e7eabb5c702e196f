package export

import (
	"bufio"
	"context"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// gexfNodeAttrs and gexfEdgeAttrs are the attributes GEXF output declares:
// id, title and GEXF type.
var (
	gexfNodeAttrs = [][3]string{
		{"0", "type", "string"}, {"1", "aliases", "liststring"}, {"2", "kind", "string"},
		{"3", "date", "string"}, {"4", "iso", "string"}, {"5", "wikidata", "string"},
		{"6", "geonames", "long"}, {"7", "latitude", "double"}, {"8", "longitude", "double"},
	}
	gexfEdgeAttrs = [][3]string{
		{"0", "type", "string"}, {"1", "date", "string"}, {"2", "status", "string"},
		{"3", "role", "string"}, {"4", "confidence", "double"}, {"5", "cameo", "string"},
		{"6", "plover", "string"}, {"7", "goldstein", "double"}, {"8", "quadClass", "integer"},
		{"9", "evidence", "integer"},
	}
)

// writeGEXF writes GEXF 1.3: a directed dynamic graph whose nodes and
// edges carry spells (first and last day they are seen), for Gephi's
// timeline. Undated relations and the entities with none have no spell,
// so Gephi shows them throughout.
func writeGEXF(ctx context.Context, src Source, sel *selection, w *bufio.Writer) (Counts, error) {
	x := &xmlWriter{w: w}
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` +
		"\n<meta><creator>diplograph</creator><description>diplomatic event graph</description>" +
		"</meta>\n" +
		`<graph defaultedgetype="directed" mode="dynamic" timeformat="date"` +
		` timerepresentation="interval">` + "\n")
	declare := func(class string, attrs [][3]string) {
		x.raw(`<attributes class="`, class, `">`, "\n")
		for _, a := range attrs {
			x.raw(`<attribute id="`, a[0], `" title="`, a[1], `" type="`, a[2], `"/>`, "\n")
		}
		x.raw("</attributes>\n")
	}
	declare("node", gexfNodeAttrs)
	declare("edge", gexfEdgeAttrs)
	var c Counts
	x.raw("<nodes>\n")
	err := eachNode(ctx, src, sel, func(e schema.Entity, sp span) error {
		c.Nodes++
		x.raw("<node")
		x.attr("id", e.ID)
		x.attr("label", e.Name)
		x.raw("><attvalues>")
		gexfValue(x, "0", strings.ToUpper(string(e.Type)))
		if len(e.Aliases) > 0 {
			gexfValue(x, "1", "["+strings.Join(e.Aliases, ",")+"]")
		}
		gexfValue(x, "2", e.Kind)
		gexfValue(x, "3", e.Date)
		gexfValue(x, "4", e.Code)
		gexfValue(x, "5", e.IDs.Wikidata)
		gexfValue(x, "6", geonames(e))
		lat, lon := coordinates(e)
		gexfValue(x, "7", lat)
		gexfValue(x, "8", lon)
		x.raw("</attvalues>")
		gexfSpell(x, sp)
		x.raw("</node>\n")
		return x.err
	})
	if err != nil {
		return c, err
	}
	x.raw("</nodes>\n<edges>\n")
	err = eachEdge(ctx, src, sel, func(r schema.Relation) error {
		c.Edges++
		x.raw("<edge")
		x.attr("id", r.ID)
		x.attr("source", r.Source)
		x.attr("target", r.Target)
		x.attr("label", string(r.Type))
		x.attr("kind", string(r.Type))
		x.raw("><attvalues>")
		gexfValue(x, "0", string(r.Type))
		gexfValue(x, "1", r.Date)
		gexfValue(x, "2", r.Status)
		gexfValue(x, "3", r.Role)
		if r.Confidence != 0 {
			gexfValue(x, "4", float(r.Confidence))
		}
		gexfValue(x, "5", r.Cameo)
		gexfValue(x, "6", r.Plover)
		if g, ok, quad := intensity(r); ok {
			gexfValue(x, "7", float(g))
			gexfValue(x, "8", strconv.Itoa(quad))
		}
		gexfValue(x, "9", strconv.Itoa(len(r.Evidence)))
		x.raw("</attvalues>")
		lo, hi := dayBounds(r.Date)
		gexfSpell(x, span{lo, hi})
		x.raw("</edge>\n")
		return x.err
	})
	if err != nil {
		return c, err
	}
	x.raw("</edges>\n</graph>\n</gexf>\n")
	return c, x.err
}

// gexfValue writes one attvalue, none for an empty value.
func gexfValue(x *xmlWriter, id, v string) {
	if v == "" {
		return
	}
	x.raw(`<attvalue for="`, id, `"`)
	x.attr("value", v)
	x.raw("/>")
}

// gexfSpell writes the spells of an element, none for an empty span.
func gexfSpell(x *xmlWriter, sp span) {
	if sp.lo == "" {
		return
	}
	x.raw(`<spells><spell start="`, sp.lo, `" end="`, sp.hi, `"/></spells>`)
}
