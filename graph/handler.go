package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/graph/generated"
)

// Options are the API's limits and access settings.
type Options struct {
	// APIKey is the bearer key that mutations need; empty disables them.
	APIKey string
	// AllowedOrigins lists the web origins (e.g. https://tool.example.org)
	// that may call the API from a browser; empty allows same-origin only.
	AllowedOrigins []string
	// ComplexityLimit bounds the cost of one operation (default 5000).
	ComplexityLimit int
	// Timeout bounds one request (default 10 s).
	Timeout time.Duration
	// MaxBodyBytes bounds a request body (default 1 MiB).
	MaxBodyBytes int64
	// BatchWait is how long the loaders of an operation wait, once it stops
	// moving, before they call the store (default DefaultBatchWait): a
	// longer wait batches reliably on a busier machine and adds to the
	// latency of each level of a query.
	BatchWait time.Duration
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.ComplexityLimit == 0 {
		o.ComplexityLimit = 5000
	}
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxBodyBytes == 0 {
		o.MaxBodyBytes = 1 << 20
	}
	return o
}

// NewHandler returns the GraphQL endpoint: POST and GET, the
// graphql-transport-ws websocket for subscriptions, automatic persisted
// queries, a complexity limit, a timeout, a body limit, CORS and the API
// key check, with errors presented by PresentError.
func NewHandler(r *Resolver, o Options) http.Handler {
	o = o.withDefaults()
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r, Complexity: complexity()})
	srv := handler.New(es)
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 15 * time.Second,
		Implementation: transport.CoderWebsocketImplementation{
			AcceptOptions: websocket.AcceptOptions{OriginPatterns: hosts(o.AllowedOrigins)},
		},
	})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(extension.FixedComplexityLimit(o.ComplexityLimit))
	srv.AroundOperations(r.WithLoaders(o.BatchWait))
	srv.AroundFields(countFields)
	srv.SetErrorPresenter(PresentError)
	srv.SetRecoverFunc(Recover)

	var h http.Handler = srv
	h = Auth(o.APIKey)(h)
	h = limit(h, o.MaxBodyBytes, o.Timeout)
	return cors.New(cors.Options{
		AllowedOrigins: o.AllowedOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Authorization", "Content-Type"},
		MaxAge:         600,
	}).Handler(h)
}

// limit bounds the body size and, except for websockets, the duration of
// each request.
func limit(next http.Handler, maxBody int64, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Header.Get("Upgrade") != "" {
			next.ServeHTTP(w, req)
			return
		}
		if req.ContentLength > maxBody {
			http.Error(w, fmt.Sprintf("request body over %d bytes", maxBody),
				http.StatusRequestEntityTooLarge)
			return
		}
		req.Body = http.MaxBytesReader(w, req.Body, maxBody)
		ctx, cancel := context.WithTimeout(req.Context(), timeout)
		defer cancel()
		next.ServeHTTP(w, req.WithContext(ctx))
	})
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
