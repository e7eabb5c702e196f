package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	neo4jstore "github.com/diplograph/diplograph/store/neo4j"
)

const usage = `diplograph turns diplomatic news articles into a knowledge graph served over GraphQL.

Usage:
  diplograph serve   [--addr 127.0.0.1:8080] [--data DIR] [--load PATH]...
  diplograph load    [--data DIR] PATH...
  diplograph extract --json [--published YYYY-MM-DD] FILE
  diplograph eval    --gold DIR

Environment:
  NEO4J_URI            selects the Neo4j store (e.g. bolt://localhost:7687); unset: embedded store
  NEO4J_USER           Neo4j user (default neo4j)
  NEO4J_PASSWORD       Neo4j password
  NEO4J_DATABASE       Neo4j database (default neo4j)
  DIPLOGRAPH_ADDR      default for serve --addr
  DIPLOGRAPH_DATA      default for --data (default ./data)
  DIPLOGRAPH_API_KEY   bearer key that GraphQL mutations need (unset: mutations refused)
  DIPLOGRAPH_CORS_ORIGINS  comma-separated web origins allowed to call the API

Run 'diplograph COMMAND --help' for a command's flags.
`

// run dispatches a command line and returns the exit status.
func run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return 2
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:])
	case "load":
		return loadCmd(ctx, args[1:])
	case "extract":
		return extractCmd(args[1:])
	case "eval":
		return evalCmd(args[1:])
	case "-h", "--help", "help":
		fmt.Print(usage)
		return 0
	default:
		fmt.Fprintf(os.Stderr, "diplograph: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

// newFlags returns a flag set whose usage names the command.
func newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: diplograph %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
		fmt.Fprintf(fs.Output(), "\nStore: NEO4J_URI selects Neo4j; otherwise the embedded store.\n")
	}
	return fs
}

// parse parses flags, reporting whether to go on.
func parse(fs *flag.FlagSet, args []string) bool {
	return fs.Parse(args) == nil
}

// dataFlag adds the --data flag.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", envOr("DIPLOGRAPH_DATA", "./data"),
		"directory of the embedded store (used when NEO4J_URI is unset)")
}

// envOr returns the environment variable, or def when it is unset.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// openStore opens Neo4j when NEO4J_URI is set, the embedded store otherwise.
func openStore(ctx context.Context, dataDir string) (store.Store, error) {
	if uri := os.Getenv("NEO4J_URI"); uri != "" {
		return neo4jstore.Open(ctx, neo4jstore.Config{
			URI: uri, User: envOr("NEO4J_USER", "neo4j"), Password: os.Getenv("NEO4J_PASSWORD"),
			Database: envOr("NEO4J_DATABASE", "neo4j"),
		})
	}
	return embedded.Open(dataDir)
}

// newExtractor builds the loader with its default options.
func newExtractor() (*loader.Extractor, error) {
	return loader.New(loader.DefaultOptions())
}

// fail prints an error and returns exit status 1.
func fail(err error) int {
	fmt.Fprintln(os.Stderr, "diplograph:", err)
	return 1
}

// loadCmd is `diplograph load`.
func loadCmd(ctx context.Context, args []string) int {
	fs := newFlags("load", "[--data DIR] [--explain] PATH...")
	data := dataFlag(fs)
	explain := fs.Bool("explain", false, "print each cross-article merge of people and its key")
	if !parse(fs, args) {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	st, err := openStore(ctx, *data)
	if err != nil {
		return fail(err)
	}
	defer st.Close(context.Background())
	x, err := newExtractor()
	if err != nil {
		return fail(err)
	}
	res := resolve.New(st, st)
	merged := 0
	res.Explain = func(d resolve.Decision) {
		if d.Into != "" {
			merged++
		}
		if *explain {
			fmt.Println(d)
		}
	}
	status := load(ctx, res, x, fs.Args())
	fmt.Printf("people merged across articles: %d\n", merged)
	if stats, err := st.Stats(ctx); err == nil {
		fmt.Printf("the store holds %d articles, %d nodes, %d edges\n",
			stats.Articles, stats.Entities, stats.Relations)
	}
	return status
}

// load loads paths and prints what it loaded and skipped; the status is 1
// when something was skipped or the store failed.
func load(ctx context.Context, w ingest.Writer, x ingest.Extractor, paths []string) int {
	opts := ingest.Options{}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		opts.Progress = progressBar(os.Stderr)
	}
	rep, err := ingest.Load(ctx, w, x, paths, opts)
	if opts.Progress != nil {
		fmt.Fprintln(os.Stderr)
	}
	fmt.Printf("loaded %d articles from %d files: %d nodes, %d edges\n",
		rep.Articles, rep.Files, rep.Entities, rep.Relations)
	for _, s := range rep.Skipped {
		fmt.Fprintf(os.Stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	if err != nil {
		return fail(err)
	}
	if len(rep.Skipped) > 0 {
		return 1
	}
	return 0
}

// progressBar returns a progress callback drawing a bar on a terminal.
func progressBar(w io.Writer) func(done, total int) {
	return func(done, total int) {
		const width = 30
		n := width
		if total > 0 {
			n = done * width / total
		}
		fmt.Fprintf(w, "\r[%s%s] %d/%d files", strings.Repeat("#", n),
			strings.Repeat(".", width-n), done, total)
	}
}

// extractCmd is `diplograph extract`: one file to the evaluation JSON,
// touching no store.
func extractCmd(args []string) int {
	fs := newFlags("extract", "--json [--published YYYY-MM-DD] FILE")
	asJSON := fs.Bool("json", false, "print the evaluation JSON object (the only format)")
	published := fs.String("published", "", "publication date, overriding the file's")
	if !parse(fs, args) {
		return 2
	}
	if fs.NArg() != 1 || !*asJSON {
		fs.Usage()
		return 2
	}
	docs, err := loader.ReadFile(fs.Arg(0), loader.ReadOptions{})
	if len(docs) == 0 {
		if err == nil {
			err = fmt.Errorf("%s: no article in file", fs.Arg(0))
		}
		return fail(err)
	}
	doc := docs[0]
	if *published != "" {
		doc.Published = *published
	}
	x, err := newExtractor()
	if err != nil {
		return fail(err)
	}
	b, err := x.Extract(doc)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", fs.Arg(0), err))
	}
	out, err := loader.EvalJSON(b)
	if err != nil {
		return fail(err)
	}
	fmt.Println(string(out))
	return 0
}
