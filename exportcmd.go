package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/diplograph/diplograph/export"
)

// exportCmd is `diplograph export`: the graph, or a filtered part of it, in
// a format Gephi, Cytoscape, yEd, Neo4j or a script reads.
func exportCmd(ctx context.Context, args []string) int {
	fs := newFlags("export", "--format gexf|graphml|cytoscape|csv|jsonl [--since DATE] "+
		"[--until DATE] [--types T1,T2] [--country NAME] [--out FILE] [--data DIR]")
	format := fs.String("format", "", "gexf, graphml, cytoscape, csv (a zip in neo4j-admin "+
		"import layout) or jsonl (facts with evidence)")
	since := fs.String("since", "", "keep relations dated on or after this ISO date")
	until := fs.String("until", "", "keep relations dated on or before this ISO date")
	types := fs.String("types", "", "keep these relation types (comma-separated, e.g. CALLED,MET)")
	country := fs.String("country", "", "keep relations of this country and its officials "+
		"(name or id)")
	out := fs.String("out", "-", "file to write; - for standard output")
	data := dataFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	f, err := export.ParseFormat(*format)
	if err != nil || fs.NArg() > 0 {
		if err != nil {
			fmt.Fprintln(os.Stderr, "diplograph export:", err)
		}
		fs.Usage()
		return 2
	}
	st, err := openStore(ctx, *data)
	if err != nil {
		return fail(err)
	}
	defer st.Close(context.Background())
	o, err := export.ParseOptions(ctx, st, *since, *until, *types, *country)
	if err != nil {
		return fail(err)
	}
	var w io.Writer = os.Stdout
	if *out != "-" {
		file, err := os.Create(*out)
		if err != nil {
			return fail(err)
		}
		defer file.Close()
		w = file
	}
	start := time.Now()
	c, err := export.Write(ctx, st, f, w, o)
	if err != nil {
		if *out != "-" {
			os.Remove(*out)
		}
		return fail(err)
	}
	fmt.Fprintf(os.Stderr, "exported %d nodes, %d edges as %s in %s\n", c.Nodes, c.Edges, f,
		time.Since(start).Round(time.Millisecond))
	return 0
}
