// Command diplograph turns diplomatic news articles into a knowledge graph
// and serves it over GraphQL.
//
//	diplograph serve   [--addr 127.0.0.1:8080] [--data DIR] [--load PATH]...
//	diplograph load    [--data DIR] PATH...
//	diplograph extract --json [--published YYYY-MM-DD] FILE
//	diplograph eval    --gold DIR
//	diplograph health  [--addr HOST:PORT] [--live]
//	diplograph version [--json]
//	diplograph export  --format gexf|graphml|cytoscape|csv|jsonl [--since D] [--until D] ...
//
// NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) selects a Neo4j
// store; without it the embedded store under --data is used.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/diplograph/diplograph/explore"
	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/playground"
	"github.com/diplograph/diplograph/resolve"
	"github.com/diplograph/diplograph/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second signal kills at once
	}()
	os.Exit(run(ctx, os.Args[1:]))
}

// maxHeaderBytes bounds the request headers.
const maxHeaderBytes = 64 << 10

// storeRetry is how long serve's Neo4j store retries a failing transaction:
// half the API's 10 s request deadline.
const storeRetry = 5 * time.Second

// serve wires the store, the loader and the API together and listens.
func serve(ctx context.Context, args []string) int {
	fs := newFlags("serve", "[--addr HOST:PORT] [--data DIR] [--load PATH]...")
	addr := fs.String("addr", envOr("DIPLOGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on")
	data := dataFlag(fs)
	logFormat := logFlag(fs)
	maxConns := fs.Int("max-conns", envInt("DIPLOGRAPH_MAX_CONNS", 1024),
		"most client connections open at once; more wait to be accepted")
	rateLimit := fs.Float64("rate-limit", envFloat("DIPLOGRAPH_RATE_LIMIT", 0),
		"requests per second allowed to one client address (0: no limit)")
	readTimeout := fs.Duration("read-timeout", 15*time.Second,
		"time a client has to send a whole request (headers within a third of it)")
	writeTimeout := fs.Duration("write-timeout", 30*time.Second,
		"time to write an answer (the API stops a request after 10 s)")
	idleTimeout := fs.Duration("idle-timeout", 60*time.Second,
		"time an idle keep-alive connection stays open")
	pprofAddr := fs.String("pprof-addr", os.Getenv("DIPLOGRAPH_PPROF_ADDR"),
		"address for Go's /debug/pprof/ profiles, on a listener of its own (empty: none)")
	var loads multiFlag
	fs.Var(&loads, "load", "file or folder to load before serving (repeatable; "+
		"default DIPLOGRAPH_LOAD_ON_START, comma-separated)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if err := setupLogging(*logFormat); err != nil {
		return fail(err)
	}
	if len(loads) == 0 {
		loads = splitList(os.Getenv("DIPLOGRAPH_LOAD_ON_START"))
	}
	// a store that is down is told to the client (UNAVAILABLE) within the
	// request's deadline, not retried past it
	st, err := openStore(ctx, *data, storeRetry)
	if err != nil {
		return fail(err)
	}
	defer st.Close(context.Background())
	x, err := newExtractor()
	if err != nil {
		return fail(err)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	metrics := graph.NewMetrics(reg)
	r := &graph.Resolver{Store: metrics.Instrument(st), Extractor: x, Events: graph.NewBroker(),
		Merger: resolve.New(st, st), Metrics: metrics}
	if len(loads) > 0 && load(ctx, r, x, loads) == 1 {
		return 1
	}
	api := graph.NewHandler(r, graph.Options{
		APIKey:         os.Getenv("DIPLOGRAPH_API_KEY"),
		AllowedOrigins: splitList(os.Getenv("DIPLOGRAPH_CORS_ORIGINS")),
		RateLimit:      *rateLimit,
		Metrics:        metrics,
	})
	page, err := playground.Handler("diplograph", "/graphql", playground.WithTabs(exampleTabs()...),
		playground.WithLink("Graph explorer", "/explore/"))
	if err != nil {
		return fail(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	mux.Handle("/export/", export.Handler(st))
	explorer, err := explore.Handler("/graphql", "/")
	if err != nil {
		return fail(err)
	}
	mux.Handle("/explore/", http.StripPrefix("/explore", explorer))
	mux.Handle("/", page)
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/readyz", readiness(st))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(err)
	}
	if *pprofAddr != "" {
		stopProfiles, err := serveProfiles(*pprofAddr)
		if err != nil {
			return fail(err)
		}
		defer stopProfiles()
	}
	conns := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "diplograph_http_connections", Help: "Open client connections.",
	})
	reg.MustRegister(conns)
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: *readTimeout / 3,
		ReadTimeout:       *readTimeout,
		WriteTimeout:      *writeTimeout,
		IdleTimeout:       *idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ConnContext:       graph.WithNetConn,
		ErrorLog:          slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn),
	}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	base := "http://" + ln.Addr().String()
	slog.Info("serving", "graphql", base+"/graphql", "playground", base+"/",
		"explorer", base+"/explore/", "max_conns", *maxConns)
	err = srv.Serve(limitListener(ln, *maxConns, conns))
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fail(err)
	}
	return 0
}

// serveProfiles serves net/http/pprof on addr, apart from the API so that
// profiles are never reachable through the API's address.
func serveProfiles(addr string) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--pprof-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	slog.Info("profiles", "pprof", "http://"+ln.Addr().String()+"/debug/pprof/")
	return func() { _ = srv.Close() }, nil
}

// readiness answers 200 once the store answers a real query, not only a
// ping, so that a load balancer sends no query before the store can run it.
func readiness(st store.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		ctx, cancel := context.WithTimeout(req.Context(), 3*time.Second)
		defer cancel()
		if _, err := st.Entities(ctx, store.EntityFilter{Page: store.Page{First: 1}}); err != nil {
			slog.WarnContext(ctx, "not ready", "err", err)
			http.Error(w, "store unreachable", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	}
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

// envInt and envFloat read a numeric setting, or def when it is unset or
// not a number.
func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}
