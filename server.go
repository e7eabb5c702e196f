// Command diplograph turns diplomatic news articles into a knowledge graph
// and serves it over GraphQL.
//
//	diplograph serve   [--addr 127.0.0.1:8080] [--data DIR] [--load PATH]...
//	diplograph load    [--data DIR] PATH...
//	diplograph extract --json [--published YYYY-MM-DD] FILE
//	diplograph eval    --gold DIR
//
// NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) selects a Neo4j
// store; without it the embedded store under --data is used.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/playground"
	"github.com/diplograph/diplograph/resolve"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:]))
}

// serve wires the store, the loader and the API together and listens.
func serve(ctx context.Context, args []string) int {
	fs := newFlags("serve", "[--addr HOST:PORT] [--data DIR] [--load PATH]...")
	addr := fs.String("addr", envOr("DIPLOGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on")
	data := dataFlag(fs)
	var loads multiFlag
	fs.Var(&loads, "load", "file or folder to load before serving (repeatable)")
	if !parse(fs, args) {
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
	r := &graph.Resolver{Store: st, Extractor: x, Events: graph.NewBroker(),
		Merger: resolve.New(st, st)}
	if len(loads) > 0 && load(ctx, r, x, loads) == 1 {
		return 1
	}
	api := graph.NewHandler(r, graph.Options{
		APIKey:         os.Getenv("DIPLOGRAPH_API_KEY"),
		AllowedOrigins: splitList(os.Getenv("DIPLOGRAPH_CORS_ORIGINS")),
	})
	page, err := playground.Handler("diplograph", "/graphql", playground.WithTabs(exampleTabs()...))
	if err != nil {
		return fail(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	mux.Handle("/", page)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, req *http.Request) {
		pctx, cancel := context.WithTimeout(req.Context(), 3*time.Second)
		defer cancel()
		if err := st.Ping(pctx); err != nil {
			http.Error(w, "store unreachable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	slog.Info("serving", "graphql", "http://"+*addr+"/graphql", "playground", "http://"+*addr+"/")
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(err)
	}
	return 0
}

// splitList splits a comma-separated setting, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
