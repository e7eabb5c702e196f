package export

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/schema"
)

// The CSV files and headers, in the layout `neo4j-admin database import`
// reads: node ids in an :ID column, labels in :LABEL, relationship ends
// in :START_ID and :END_ID, the type in :TYPE, typed property columns,
// arrays split at ';'.
var (
	csvNodeHeader = []string{"id:ID", ":LABEL", "name", "aliases:string[]", "kind", "date",
		"iso", "first", "last", "wikidata", "geonames:long", "location:point{crs:WGS-84}"}
	csvRelHeader = []string{":START_ID", ":END_ID", ":TYPE", "id", "date", "status", "role",
		"confidence:double", "cameo", "plover", "goldstein:double", "quadClass:int",
		"evidence:int", "sentence"}
)

// csvImport is the command that loads the archive's files into Neo4j.
const csvImport = `Load these files into an empty Neo4j database (stopped) with:

  neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
    --array-delimiter=';' neo4j

Every node has the label Entity and one of Person, Country, Organization, Place, Event,
Agreement, Quote; relationship types are diplograph's relation types.
`

// writeCSVZip writes a zip archive of nodes.csv, relationships.csv and
// IMPORT.txt. The archive is written as it goes, so it streams too.
func writeCSVZip(ctx context.Context, src Source, sel *selection, w *bufio.Writer,
) (Counts, error) {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	var c Counts
	now := time.Now().UTC()
	create := func(name string) (*csv.Writer, error) {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return nil, err
		}
		return csv.NewWriter(f), nil
	}
	nodes, err := create("nodes.csv")
	if err != nil {
		return c, err
	}
	if c.Nodes, err = writeNodesCSV(ctx, src, sel, nodes); err != nil {
		return c, err
	}
	rels, err := create("relationships.csv")
	if err != nil {
		return c, err
	}
	if c.Edges, err = writeRelsCSV(ctx, src, sel, rels); err != nil {
		return c, err
	}
	f, err := z.CreateHeader(&zip.FileHeader{Name: "IMPORT.txt", Method: zip.Deflate,
		Modified: now})
	if err == nil {
		_, err = f.Write([]byte(csvImport))
	}
	if err != nil {
		return c, err
	}
	return c, z.Close()
}

// writeNodesCSV writes the nodes file of the selection and returns how many
// rows it wrote.
func writeNodesCSV(ctx context.Context, src Source, sel *selection, w *csv.Writer) (int, error) {
	n := 0
	if err := w.Write(csvNodeHeader); err != nil {
		return 0, err
	}
	err := eachNode(ctx, src, sel, func(e schema.Entity, sp span) error {
		n++
		aliases := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			aliases[i] = strings.ReplaceAll(a, ";", ",")
		}
		loc := ""
		if lat, lon := coordinates(e); lat != "" {
			loc = "{latitude:" + lat + ",longitude:" + lon + "}"
		}
		return w.Write([]string{e.ID, "Entity;" + string(e.Type), e.Name,
			strings.Join(aliases, ";"), e.Kind, e.Date, e.Code, sp.lo, sp.hi,
			e.IDs.Wikidata, geonames(e), loc})
	})
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	return n, err
}

// writeRelsCSV writes the relationships file of the selection.
func writeRelsCSV(ctx context.Context, src Source, sel *selection, w *csv.Writer) (int, error) {
	n := 0
	if err := w.Write(csvRelHeader); err != nil {
		return 0, err
	}
	err := eachEdge(ctx, src, sel, func(r schema.Relation) error {
		n++
		conf, gold, quad, sentence := "", "", "", ""
		if r.Confidence != 0 {
			conf = float(r.Confidence)
		}
		if g, ok, q := intensity(r); ok {
			gold, quad = float(g), strconv.Itoa(q)
		}
		if len(r.Evidence) > 0 {
			sentence = r.Evidence[0].Sentence
		}
		return w.Write([]string{r.Source, r.Target, string(r.Type), r.ID, r.Date, r.Status,
			r.Role, conf, r.Cameo, r.Plover, gold, quad, strconv.Itoa(len(r.Evidence)), sentence})
	})
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	return n, err
}
