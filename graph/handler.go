package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"

	"github.com/diplograph/diplograph/graph/generated"
)

// Options are the API's limits and access settings. Zero fields take the
// defaults named.
type Options struct {
	// APIKey is the bearer key that mutations need; empty disables them.
	APIKey string
	// AllowedOrigins lists the web origins (e.g. https://tool.example.org)
	// that may call the API from a browser; empty allows same-origin only
	// ("*" allows every origin).
	AllowedOrigins []string
	// Limits bound the shape and cost of a document (see DocLimits).
	Limits DocLimits
	// ComplexityLimit, when set, overrides Limits.Complexity.
	ComplexityLimit int
	// Timeout bounds one request, parsing and validation included (default 10 s).
	Timeout time.Duration
	// MaxBodyBytes bounds a request body (default 1 MiB).
	MaxBodyBytes int64
	// QueryCacheBytes bounds the cache of parsed documents (default 32 MiB).
	QueryCacheBytes int64
	// APQCacheBytes bounds the automatic persisted queries (default 16 MiB).
	APQCacheBytes int64
	// SubscriptionsPerConn caps the subscriptions of one websocket (default 10).
	SubscriptionsPerConn int
	// WSIdleTimeout closes a websocket holding no subscription (default 5 min).
	WSIdleTimeout time.Duration
	// WSPingInterval is the graphql-transport-ws ping period; a peer that
	// does not answer within two periods is disconnected (default 15 s).
	WSPingInterval time.Duration
	// RateLimit, when above 0, is the requests per second allowed to one
	// client address, with bursts of RateBurst (default 2×RateLimit).
	RateLimit float64
	RateBurst int
	// Metrics, when set, receives the API's measurements.
	Metrics *Metrics
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.ComplexityLimit > 0 {
		o.Limits.Complexity = o.ComplexityLimit
	}
	o.Limits = o.Limits.withDefaults()
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Timeout, 10*time.Second)
	def(&o.WSIdleTimeout, 5*time.Minute)
	def(&o.WSPingInterval, 15*time.Second)
	def64 := func(v *int64, d int64) {
		if *v <= 0 {
			*v = d
		}
	}
	def64(&o.MaxBodyBytes, 1<<20)
	def64(&o.QueryCacheBytes, 32<<20)
	def64(&o.APQCacheBytes, 16<<20)
	if o.SubscriptionsPerConn <= 0 {
		o.SubscriptionsPerConn = 10
	}
	if o.RateBurst <= 0 {
		o.RateBurst = max(1, int(2*o.RateLimit))
	}
	return o
}

// Handler is the GraphQL endpoint.
type Handler struct {
	http.Handler
	queries *byteCache[*ast.QueryDocument]
	apq     *byteCache[string]
}

// CacheBytes returns the estimated bytes held by the parsed-document cache
// and by the persisted queries.
func (h *Handler) CacheBytes() (queries, persisted int64) {
	return h.queries.Bytes(), h.apq.Bytes()
}

// docBytes estimates, from above, the memory of a parsed document: the AST
// holds a node per token. Measured with gqlparser v2, a document of
// 1,000 fields takes about 225 bytes per token and one long list value
// about 218; 256 per token bounds both (a text-based estimate of 12 per
// byte was 9 times too low for them), and the source's bytes are added.
func docBytes(q string, _ *ast.QueryDocument) int64 {
	lx := lexer.New(&ast.Source{Input: q})
	tokens := 0
	for {
		tok, err := lx.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			break
		}
		tokens++
	}
	return int64(len(q) + 256*tokens + 1024)
}

// NewHandler returns the GraphQL endpoint: POST and GET, the
// graphql-transport-ws websocket for subscriptions, automatic persisted
// queries, document limits checked before validation, a deadline on every
// request, a body limit, caches bounded in bytes, CORS, an optional rate
// limit and the API key check, with errors presented by PresentError.
func NewHandler(r *Resolver, o Options) *Handler {
	o = o.withDefaults()
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r, Complexity: complexity()})
	srv := handler.New(es)
	srv.AddTransport(transport.Websocket{
		PingPongInterval:      o.WSPingInterval,
		KeepAlivePingInterval: o.WSPingInterval,
		InitTimeout:           10 * time.Second,
		Implementation: transport.CoderWebsocketImplementation{
			AcceptOptions: websocket.AcceptOptions{OriginPatterns: hosts(o.AllowedOrigins)},
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	h := &Handler{
		queries: newByteCache(o.QueryCacheBytes, docBytes),
		apq: newByteCache(o.APQCacheBytes, func(k, v string) int64 {
			return int64(len(k) + len(v) + 128)
		}),
	}
	srv.SetQueryCache(h.queries)
	srv.SetParserTokenLimit(o.Limits.Tokens)
	srv.Use(extension.Introspection{})
	srv.Use(persistedQueries{cache: h.apq})
	srv.Use(&docGuard{limits: o.Limits, cache: h.queries})
	srv.Use(subscriptionsOverWebsocket{})
	srv.Use(dropNotices{})
	srv.AroundOperations(r.WithPrefetch())
	if o.Metrics != nil {
		srv.AroundResponses(o.Metrics.observe)
		o.Metrics.watch(h, r.Events)
	}
	srv.SetErrorPresenter(PresentError)
	srv.SetRecoverFunc(Recover)

	var next http.Handler = srv
	next = Auth(o.APIKey)(next)
	next = deadline(next, o.Timeout)
	next = bodyLimit(next, o.MaxBodyBytes)
	var gauge func(int)
	if o.Metrics != nil {
		gauge = o.Metrics.websocketConns
	}
	next = websockets(next, o.SubscriptionsPerConn, o.WSIdleTimeout, gauge)
	if o.RateLimit > 0 {
		next = newRateLimiter(o.RateLimit, o.RateBurst).wrap(next)
	}
	h.Handler = corsFor(o.AllowedOrigins).Handler(next)
	return h
}

// corsFor answers cross-origin requests from the listed origins only; with
// none listed, no origin gets an Access-Control-Allow-Origin header.
func corsFor(origins []string) *cors.Cors {
	all := slices.Contains(origins, "*")
	return cors.New(cors.Options{
		AllowOriginFunc: func(origin string) bool {
			return all || slices.Contains(origins, origin)
		},
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Authorization", "Content-Type"},
		MaxAge:         600,
	})
}

// bodyLimit bounds the size of a request body.
func bodyLimit(next http.Handler, maxBody int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.ContentLength > maxBody {
			writeGraphQLError(w, http.StatusRequestEntityTooLarge, CodeDocTooLarge,
				fmt.Sprintf("request body over %d bytes", maxBody))
			return
		}
		if req.Body != nil {
			req.Body = http.MaxBytesReader(w, req.Body, maxBody)
		}
		next.ServeHTTP(w, req)
	})
}

// subscriptionsOverWebsocket refuses a subscription sent by GET or POST at
// once, rather than leaving it to wait for the request's deadline.
type subscriptionsOverWebsocket struct{}

func (subscriptionsOverWebsocket) ExtensionName() string                   { return "WSOnly" }
func (subscriptionsOverWebsocket) Validate(graphql.ExecutableSchema) error { return nil }

func (subscriptionsOverWebsocket) MutateOperationContext(ctx context.Context,
	oc *graphql.OperationContext,
) *gqlerror.Error {
	if oc.Operation != nil && oc.Operation.Operation == ast.Subscription && connOf(ctx) == nil {
		e := gqlerror.Errorf("subscriptions need the graphql-transport-ws websocket at this path")
		e.Extensions = map[string]any{"code": CodeBadUserInput}
		return e
	}
	return nil
}

// hosts turns origins into the host patterns the websocket accepts.
func hosts(origins []string) []string {
	var out []string
	for _, o := range origins {
		if o == "*" {
			out = append(out, "*")
			continue
		}
		if u, err := url.Parse(o); err == nil && u.Host != "" {
			out = append(out, u.Host)
		}
	}
	return out
}
