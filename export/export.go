// Package export writes the graph, or the part of it a filter selects, in
// the formats analysts' tools read: GEXF 1.3 with time spells (Gephi),
// GraphML with typed attributes, Cytoscape.js JSON, the CSV layout of
// `neo4j-admin database import`, and JSONL facts with their evidence. Every
// writer streams: it reads the store through store.Scanner twice (once to
// choose the nodes, once to write the edges) and holds only the selected
// node ids and dates, never the relations, in memory.
package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/diplograph/diplograph/rollup"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Format is an export format.
type Format string

// The formats.
const (
	GEXF      Format = "gexf"
	GraphML   Format = "graphml"
	Cytoscape Format = "cytoscape"
	CSV       Format = "csv"
	JSONL     Format = "jsonl"
)

// Formats lists every format, in the order help texts show them.
var Formats = []Format{GEXF, GraphML, Cytoscape, CSV, JSONL}

// ParseFormat returns the format named s, or store.ErrInvalidInput.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Formats, f) {
		return "", fmt.Errorf("export format %q: want one of gexf, graphml, cytoscape, csv, "+
			"jsonl: %w", s, store.ErrInvalidInput)
	}
	return f, nil
}

// ContentType returns the media type of a format's output.
func (f Format) ContentType() string {
	switch f {
	case GEXF, GraphML:
		return "application/xml; charset=utf-8"
	case Cytoscape:
		return "application/json"
	case CSV:
		return "application/zip"
	}
	return "application/x-ndjson"
}

// Ext returns the file name extension of a format's output.
func (f Format) Ext() string {
	switch f {
	case Cytoscape:
		return "cyjs"
	case CSV:
		return "zip"
	}
	return string(f)
}

// Options selects what to export. With none set, everything is exported;
// with any set, the relations that match all of them and their ends.
type Options struct {
	Since, Until string
	Types        []schema.RelationType
	// Country keeps the relations with an end that is the country, or a
	// person holding office in it (see rollup.Countries); an entity id.
	Country string
}

func (o Options) filtered() bool {
	return o.Since != "" || o.Until != "" || len(o.Types) > 0 || o.Country != ""
}

// Source is what an export reads.
type Source interface {
	store.Scanner
	ArticlesByIDs(ctx context.Context, ids []string) ([]schema.Article, error)
}

// Counts is what an export wrote.
type Counts struct {
	Nodes, Edges int
}

// Write writes the selection of o from src to w in format f.
func Write(ctx context.Context, src Source, f Format, w io.Writer, o Options) (Counts, error) {
	if _, err := ParseFormat(string(f)); err != nil {
		return Counts{}, err
	}
	sel, err := selectGraph(ctx, src, o)
	if err != nil {
		return Counts{}, fmt.Errorf("export %s: %w", f, err)
	}
	return writeSelection(ctx, src, f, sel, w)
}

// writeSelection writes a selection in format f.
func writeSelection(ctx context.Context, src Source, f Format, sel *selection, w io.Writer,
) (Counts, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	var (
		c   Counts
		err error
	)
	switch f {
	case GEXF:
		c, err = writeGEXF(ctx, src, sel, bw)
	case GraphML:
		c, err = writeGraphML(ctx, src, sel, bw)
	case Cytoscape:
		c, err = writeCytoscape(ctx, src, sel, bw)
	case CSV:
		c, err = writeCSVZip(ctx, src, sel, bw)
	case JSONL:
		c, err = writeJSONL(ctx, src, sel, bw)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return c, fmt.Errorf("export %s: %w", f, err)
	}
	return c, bw.Flush()
}

// span is the first and last day an entity's selected relations are dated.
type span struct{ lo, hi string }

// selection is the part of the graph an export writes.
type selection struct {
	filter  store.RelationFilter
	country string
	cs      rollup.Countries
	// nodes holds the ids of the selected entities (every entity when the
	// options select everything) with the span of their dated relations.
	nodes map[string]span
}

// keeps reports whether the relation r, which matched the filter, is kept.
func (s *selection) keeps(r schema.Relation) bool {
	return s.country == "" || s.cs.Of(r.Source) == s.country || s.cs.Of(r.Target) == s.country
}

// selectGraph makes the first pass: it picks the nodes and their spans.
func selectGraph(ctx context.Context, src Source, o Options) (*selection, error) {
	sel := &selection{
		filter:  store.RelationFilter{Types: o.Types, Since: o.Since, Until: o.Until},
		country: o.Country,
		nodes:   map[string]span{},
	}
	if o.Country != "" {
		cs, err := rollup.LoadCountries(ctx, src)
		if err != nil {
			return nil, err
		}
		if cs.Of(o.Country) != o.Country {
			return nil, fmt.Errorf("export: country %s is not a country: %w", o.Country,
				store.ErrInvalidInput)
		}
		sel.cs = cs
	}
	if !o.filtered() {
		err := src.ScanEntities(ctx, store.EntityFilter{}, func(e schema.Entity) error {
			sel.nodes[e.ID] = span{}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := src.ScanRelations(ctx, sel.filter, func(r schema.Relation) error {
		if !sel.keeps(r) {
			return nil
		}
		lo, hi := dayBounds(r.Date)
		for _, id := range []string{r.Source, r.Target} {
			sel.nodes[id] = widen(sel.nodes[id], lo, hi)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sel, nil
}

// widen returns s grown to cover [lo, hi]; an empty lo leaves it as it is.
func widen(s span, lo, hi string) span {
	if lo == "" {
		return s
	}
	if s.lo == "" || lo < s.lo {
		s.lo = lo
	}
	if hi > s.hi {
		s.hi = hi
	}
	return s
}

// dayBounds returns the first and last day of an ISO date as precise as
// known (2025 → 2025-01-01, 2025-12-31; 2025-02 → 2025-02-01, 2025-02-28),
// or "", "" for an empty or malformed one.
func dayBounds(d string) (lo, hi string) {
	lo, hi = store.DateBounds(d)
	if lo == "" {
		return "", ""
	}
	if len(hi) == 10 && hi[8:] == "31" {
		t, err := time.Parse("2006-01-02", hi[:8]+"01")
		if err != nil {
			return "", ""
		}
		hi = t.AddDate(0, 1, -1).Format("2006-01-02")
	}
	return lo, hi
}

// eachNode calls fn with each selected entity and its span.
func eachNode(ctx context.Context, src Source, sel *selection, fn func(schema.Entity, span) error,
) error {
	return src.ScanEntities(ctx, store.EntityFilter{}, func(e schema.Entity) error {
		sp, ok := sel.nodes[e.ID]
		if !ok {
			return nil
		}
		return fn(e, sp)
	})
}

// eachEdge calls fn with each selected relation whose two ends were
// written as nodes.
func eachEdge(ctx context.Context, src Source, sel *selection, fn func(schema.Relation) error,
) error {
	return src.ScanRelations(ctx, sel.filter, func(r schema.Relation) error {
		if !sel.keeps(r) {
			return nil
		}
		if _, ok := sel.nodes[r.Source]; !ok {
			return nil
		}
		if _, ok := sel.nodes[r.Target]; !ok {
			return nil
		}
		return fn(r)
	})
}

// intensity returns the Goldstein weight and quad class of a relation.
func intensity(r schema.Relation) (g float64, hasG bool, quad int) {
	if r.Cameo == "" {
		return 0, false, 0
	}
	g, hasG = rollup.Goldstein(r.Cameo)
	return g, hasG, rollup.QuadClass(r.Cameo)
}
