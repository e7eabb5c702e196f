package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	neo4jstore "github.com/diplograph/diplograph/store/neo4j"
)

const usage = `diplograph turns diplomatic news articles into a knowledge graph served over GraphQL.

Usage:
  diplograph serve   [--addr 127.0.0.1:8080] [--data DIR] [--load PATH]...
  diplograph load    [--data DIR] [--format KIND] [--map FIELD=NAME,...] PATH|URL|-...
  diplograph extract --json [--published DATE] [--index N] [--format KIND] FILE|URL|-
  diplograph eval    --gold DIR
  diplograph health  [--addr HOST:PORT] [--live]
  diplograph version [--json]
  diplograph export  --format gexf|graphml|cytoscape|csv|jsonl [--since D] [--until D]
                     [--types T,...] [--country NAME] [--out FILE]
  diplograph parse   [--conllu] FILE|-

Environment:
  NEO4J_URI            selects the Neo4j store (e.g. bolt://localhost:7687); unset: embedded store
  NEO4J_USER           Neo4j user (default neo4j)
  NEO4J_PASSWORD       Neo4j password
  NEO4J_DATABASE       Neo4j database (default neo4j)
  DIPLOGRAPH_ADDR      default for serve --addr
  DIPLOGRAPH_DATA      default for --data (default ./data)
  DIPLOGRAPH_LOAD_ON_START  comma-separated files or folders serve loads when no --load is given
  DIPLOGRAPH_API_KEY   bearer key that GraphQL mutations need (unset: mutations refused)
  DIPLOGRAPH_CORS_ORIGINS  comma-separated web origins allowed to call the API (unset: none)
  DIPLOGRAPH_RATE_LIMIT    default for serve --rate-limit (requests/s per client; unset: none)
  DIPLOGRAPH_MAX_CONNS     default for serve --max-conns (default 1024)
  DIPLOGRAPH_LOG_FORMAT    default for --log-format: text or json

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
		return extractCmd(ctx, args[1:])
	case "eval":
		return evalCmd(args[1:])
	case "health":
		return healthCmd(ctx, args[1:])
	case "version", "--version":
		return versionCmd(args[1:])
	case "export":
		return exportCmd(ctx, args[1:])
	case "parse":
		return parseCmd(args[1:], os.Stdin, os.Stdout)
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

// parse parses flags. It returns -1 to go on, or the exit status: 0 after
// --help, 2 after a bad flag.
func parse(fs *flag.FlagSet, args []string) int {
	switch err := fs.Parse(args); {
	case err == nil:
		return -1
	case errors.Is(err, flag.ErrHelp):
		return 0
	default:
		return 2
	}
}

// logFlag adds the --log-format flag.
func logFlag(fs *flag.FlagSet) *string {
	return fs.String("log-format", envOr("DIPLOGRAPH_LOG_FORMAT", "text"),
		"log lines as text or json (on stderr)")
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

// openStore opens Neo4j when NEO4J_URI is set, the embedded store otherwise;
// neo4jRetry bounds Neo4j's retries of a failing transaction (none: the
// driver's 30 s).
func openStore(ctx context.Context, dataDir string, neo4jRetry ...time.Duration,
) (store.Store, error) {
	if uri := os.Getenv("NEO4J_URI"); uri != "" {
		c := neo4jstore.Config{
			URI: uri, User: envOr("NEO4J_USER", "neo4j"), Password: os.Getenv("NEO4J_PASSWORD"),
			Database: envOr("NEO4J_DATABASE", "neo4j"),
		}
		for _, d := range neo4jRetry {
			c.RetryTime = d
		}
		return neo4jstore.Open(ctx, c)
	}
	st, err := embedded.Open(dataDir)
	if err != nil {
		return nil, err
	}
	if rec := st.Recovery(); rec.Notable() {
		fmt.Fprintf(os.Stderr, "diplograph: embedded store %s: %s\n", dataDir, rec)
	}
	return st, nil
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
	fs := newFlags("load", "[--data DIR] [--explain] [--format KIND] [--map FIELD=NAME,...] "+
		"PATH|URL|-...")
	data := dataFlag(fs)
	explain := fs.Bool("explain", false,
		"print each identity decision across articles, with its rule and key")
	logFormat := logFlag(fs)
	readOpts := readFlags(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if err := setupLogging(*logFormat); err != nil {
		return fail(err)
	}
	ro, err := readOpts()
	if err != nil {
		fmt.Fprintln(os.Stderr, "diplograph load:", err)
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	// The extractor first: it loads the knowledge base, which takes a
	// moment and cannot be stopped half-way, before any store is open.
	x, err := newExtractor()
	if err != nil {
		return fail(err)
	}
	st, err := openStore(ctx, *data)
	if err != nil {
		return fail(err)
	}
	defer st.Close(context.Background())
	res := resolve.New(st, st)
	merged, curated := 0, 0
	res.Explain = func(d resolve.Decision) {
		switch {
		case d.Rule == schema.RuleCuratorMerge || d.Rule == schema.RuleCuratorSplit:
			curated++
		case d.Into != "":
			merged++
		}
		if *explain {
			fmt.Println(d)
		}
	}
	status := loadWith(ctx, res, x, fs.Args(), ro)
	if status == 130 {
		return status
	}
	fmt.Printf("people merged across articles: %d\n", merged)
	if curated > 0 {
		fmt.Printf("mentions that followed a curator's merge or split: %d\n", curated)
	}
	if stats, err := st.Stats(ctx); err == nil {
		fmt.Printf("the store holds %d articles, %d nodes, %d edges\n",
			stats.Articles, stats.Entities, stats.Relations)
	}
	return status
}

// load loads paths with the default reading options (see loadWith).
func load(ctx context.Context, w ingest.Writer, x ingest.Extractor, paths []string) int {
	return loadWith(ctx, w, x, paths, articles.Options{})
}

// loadWith loads paths and prints what it loaded, skipped and warned about.
// The status is 1 when something was skipped or the store failed, and 130
// when ctx was cancelled (Ctrl-C), after a one-line summary of what was
// written.
func loadWith(ctx context.Context, w ingest.Writer, x ingest.Extractor, paths []string,
	ro articles.Options,
) int {
	progress := newProgress()
	opts := ingest.Options{Read: ro, Progress: progress.update}
	rep, err := ingest.Load(ctx, w, x, paths, opts)
	progress.done()
	for _, s := range rep.Skipped {
		fmt.Fprintf(os.Stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	for _, s := range rep.Warnings {
		fmt.Fprintf(os.Stderr, "warning %s: %s\n", s.Path, s.Reason)
	}
	if ctx.Err() != nil {
		fmt.Fprintf(os.Stderr, "interrupted: wrote %d articles from %d inputs "+
			"(%d nodes, %d edges) before the stop; %d skipped\n",
			rep.Articles, rep.Files, rep.Entities, rep.Relations, len(rep.Skipped))
		return 130
	}
	fmt.Printf("loaded %d articles from %d files: %d nodes, %d edges\n",
		rep.Articles, rep.Files, rep.Entities, rep.Relations)
	if err != nil {
		return fail(err)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(os.Stderr, "%d inputs or records not loaded (listed above)\n",
			len(rep.Skipped))
		return 1
	}
	return 0
}

// extractCmd is `diplograph extract`: the articles of one input to the
// evaluation JSON, touching no store. One article prints one indented
// object; several print one compact object per line (JSON Lines), or only
// the Nth record with --index N.
func extractCmd(ctx context.Context, args []string) int {
	fs := newFlags("extract", "--json [--published DATE] [--index N] [--format KIND] "+
		"[--map FIELD=NAME,...] FILE|URL|-")
	asJSON := fs.Bool("json", false, "print the evaluation JSON object (the only format)")
	published := fs.String("published", "", "publication date, overriding the input's")
	index := fs.Int("index", 0, "extract only the Nth record (1-based) of a multi-article input")
	readOpts := readFlags(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 || !*asJSON || *index < 0 {
		fs.Usage()
		return 2
	}
	ro, err := readOpts()
	if err == nil && *published != "" {
		*published, err = articles.ParseDate(*published)
		if err != nil {
			err = fmt.Errorf("--published: %w", err)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "diplograph extract:", err)
		return 2
	}
	x, err := newExtractor()
	if err != nil {
		return fail(err)
	}
	return extractInput(ctx, x, fs.Arg(0), ro, *published, *index)
}
