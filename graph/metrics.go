package graph

import (
	"context"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/schema"
)

// Metrics are the API's Prometheus measurements: requests by operation and
// code, their latency, websocket connections, subscriptions and the bytes
// of the caches. Register them with a prometheus.Registerer.
type Metrics struct {
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	conns    prometheus.Gauge
	ingest   *prometheus.CounterVec
	reg      prometheus.Registerer
}

// NewMetrics returns the API's metrics, registered with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "diplograph_graphql_requests_total",
			Help: "GraphQL operations answered, by operation (type and first root field) and code.",
		}, []string{"operation", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "diplograph_graphql_request_seconds",
			Help:    "Time from the start of an operation to its response.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
		}, []string{"operation"}),
		conns: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "diplograph_websocket_connections",
			Help: "Open websocket connections.",
		}),
		ingest: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "diplograph_ingest_total",
			Help: "Articles and relations written, and failed writes, by the load and ingestArticle.",
		}, []string{"kind"}),
		reg: reg,
	}
	reg.MustRegister(m.requests, m.latency, m.conns, m.ingest)
	return m
}

// watch adds gauges reading the handler's caches and the broker.
func (m *Metrics) watch(h *Handler, b *Broker) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "diplograph_query_cache_bytes", Help: "Estimated bytes of parsed documents cached.",
	}, func() float64 { return float64(h.queries.Bytes()) }))
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "diplograph_apq_cache_bytes", Help: "Bytes of automatic persisted queries cached.",
	}, func() float64 { return float64(h.apq.Bytes()) }))
	if b != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "diplograph_subscriptions", Help: "Live relationAdded subscriptions.",
		}, func() float64 { return float64(b.Len()) }))
	}
}

func (m *Metrics) websocketConns(d int) { m.conns.Add(float64(d)) }

// observe is a gqlgen response interceptor counting each response.
func (m *Metrics) observe(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	op, start := "invalid", time.Now()
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		if !oc.Stats.OperationStart.IsZero() {
			start = oc.Stats.OperationStart
		}
		if oc.Operation != nil {
			op = string(oc.Operation.Operation)
			op += ":" + rootField(oc.Operation.SelectionSet)
		}
	}
	code := "OK"
	if resp != nil && len(resp.Errors) > 0 {
		code, _ = resp.Errors[0].Extensions["code"].(string)
		if code == "" {
			code = "ERROR"
		}
	}
	if resp == nil { // the end of a subscription stream
		return resp
	}
	m.requests.WithLabelValues(op, strings.ToUpper(code)).Inc()
	m.latency.WithLabelValues(op).Observe(time.Since(start).Seconds())
	return resp
}

// rootField names the first root field of a selection, a label bounded by
// the schema (operation names are the client's and unbounded).
func rootField(ss ast.SelectionSet) string {
	for _, sel := range ss {
		if f, ok := sel.(*ast.Field); ok {
			if f.Definition == nil {
				return "unknown"
			}
			return f.Name
		}
	}
	return "fragment"
}

// ingested counts the articles and relations of batches written; a nil
// Metrics counts nothing.
func (m *Metrics) ingested(batches []schema.Batch) {
	if m == nil {
		return
	}
	rels := 0
	for _, b := range batches {
		rels += len(b.Relations)
	}
	m.ingest.WithLabelValues("articles").Add(float64(len(batches)))
	m.ingest.WithLabelValues("relations").Add(float64(rels))
}

// ingestFailed counts a failed write.
func (m *Metrics) ingestFailed() {
	if m != nil {
		m.ingest.WithLabelValues("failed_writes").Inc()
	}
}
