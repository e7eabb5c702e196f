package graph

import (
	"context"
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// storeMetrics count the calls of a Store by method and outcome, and time
// them.
type storeMetrics struct {
	calls   *prometheus.CounterVec
	seconds *prometheus.HistogramVec
}

// Instrument returns st with every call counted and timed in m (calls by
// method and outcome: ok, not_found, bad_input, unavailable, error); a nil
// m returns st itself.
func (m *Metrics) Instrument(st Store) Store {
	if m == nil {
		return st
	}
	sm := &storeMetrics{
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "diplograph_store_calls_total",
			Help: "Store calls by method and outcome.",
		}, []string{"method", "outcome"}),
		seconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "diplograph_store_call_seconds",
			Help:    "Time of one store call.",
			Buckets: prometheus.ExponentialBuckets(0.0001, 3, 10),
		}, []string{"method"}),
	}
	m.reg.MustRegister(sm.calls, sm.seconds)
	return &instrumented{Store: st, st: st, m: sm}
}

func (sm *storeMetrics) done(method string, start time.Time, err error) {
	outcome := "ok"
	switch {
	case err == nil:
	case errors.Is(err, store.ErrNotFound):
		outcome = "not_found"
	case errors.Is(err, store.ErrInvalidInput):
		outcome = "bad_input"
	case errors.Is(err, store.ErrUnavailable):
		outcome = "unavailable"
	default:
		outcome = "error"
	}
	sm.calls.WithLabelValues(method, outcome).Inc()
	sm.seconds.WithLabelValues(method).Observe(time.Since(start).Seconds())
}

// call runs f as the store method named method, measured.
func call[T any](sm *storeMetrics, method string, f func() (T, error)) (T, error) {
	start := time.Now()
	v, err := f()
	sm.done(method, start, err)
	return v, err
}

// instrumented is a Store whose calls are measured; methods it does not
// override (added to Store since) pass through unmeasured.
type instrumented struct {
	Store
	st Store
	m  *storeMetrics
}

var _ Store = (*instrumented)(nil)

func (s *instrumented) Upsert(ctx context.Context, batches ...schema.Batch) error {
	_, err := call(s.m, "Upsert", func() (struct{}, error) {
		return struct{}{}, s.st.Upsert(ctx, batches...)
	})
	return err
}

func (s *instrumented) DeleteArticle(ctx context.Context, id string) error {
	_, err := call(s.m, "DeleteArticle", func() (struct{}, error) {
		return struct{}{}, s.st.DeleteArticle(ctx, id)
	})
	return err
}

func (s *instrumented) Entity(ctx context.Context, id string) (schema.Entity, error) {
	return call(s.m, "Entity", func() (schema.Entity, error) { return s.st.Entity(ctx, id) })
}

func (s *instrumented) EntitiesByIDs(ctx context.Context, ids []string) ([]schema.Entity, error) {
	return call(s.m, "EntitiesByIDs", func() ([]schema.Entity, error) {
		return s.st.EntitiesByIDs(ctx, ids)
	})
}

func (s *instrumented) EntityByName(ctx context.Context, name string) (schema.Entity, error) {
	return call(s.m, "EntityByName", func() (schema.Entity, error) {
		return s.st.EntityByName(ctx, name)
	})
}

func (s *instrumented) EntityByWikidata(ctx context.Context, qid string) (schema.Entity, error) {
	return call(s.m, "EntityByWikidata", func() (schema.Entity, error) {
		return s.st.EntityByWikidata(ctx, qid)
	})
}

func (s *instrumented) Entities(ctx context.Context, f store.EntityFilter,
) (store.EntityPage, error) {
	return call(s.m, "Entities", func() (store.EntityPage, error) { return s.st.Entities(ctx, f) })
}

func (s *instrumented) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	return call(s.m, "Search", func() ([]store.Hit, error) { return s.st.Search(ctx, q) })
}

func (s *instrumented) Relations(ctx context.Context, f store.RelationFilter,
) (store.RelationPage, error) {
	return call(s.m, "Relations", func() (store.RelationPage, error) {
		return s.st.Relations(ctx, f)
	})
}

func (s *instrumented) RelationsOfEntities(ctx context.Context, ids []string,
	f store.RelationFilter,
) ([]store.RelationPage, error) {
	return call(s.m, "RelationsOfEntities", func() ([]store.RelationPage, error) {
		return s.st.RelationsOfEntities(ctx, ids, f)
	})
}

func (s *instrumented) Relation(ctx context.Context, id string) (schema.Relation, error) {
	return call(s.m, "Relation", func() (schema.Relation, error) { return s.st.Relation(ctx, id) })
}

func (s *instrumented) Article(ctx context.Context, id string) (schema.Article, error) {
	return call(s.m, "Article", func() (schema.Article, error) { return s.st.Article(ctx, id) })
}

func (s *instrumented) ArticlesByIDs(ctx context.Context, ids []string,
) ([]schema.Article, error) {
	return call(s.m, "ArticlesByIDs", func() ([]schema.Article, error) {
		return s.st.ArticlesByIDs(ctx, ids)
	})
}

func (s *instrumented) ArticleEntities(ctx context.Context, id string) ([]schema.Entity, error) {
	return call(s.m, "ArticleEntities", func() ([]schema.Entity, error) {
		return s.st.ArticleEntities(ctx, id)
	})
}

func (s *instrumented) Articles(ctx context.Context, f store.ArticleFilter,
) (store.ArticlePage, error) {
	return call(s.m, "Articles", func() (store.ArticlePage, error) {
		return s.st.Articles(ctx, f)
	})
}

func (s *instrumented) ArticlesOfEntities(ctx context.Context, ids []string,
	f store.ArticleFilter,
) ([]store.ArticlePage, error) {
	return call(s.m, "ArticlesOfEntities", func() ([]store.ArticlePage, error) {
		return s.st.ArticlesOfEntities(ctx, ids, f)
	})
}

func (s *instrumented) Neighborhood(ctx context.Context, q store.NeighborhoodQuery,
) (store.Subgraph, error) {
	return call(s.m, "Neighborhood", func() (store.Subgraph, error) {
		return s.st.Neighborhood(ctx, q)
	})
}

func (s *instrumented) Paths(ctx context.Context, q store.PathQuery) ([]store.Path, error) {
	return call(s.m, "Paths", func() ([]store.Path, error) { return s.st.Paths(ctx, q) })
}

func (s *instrumented) Stats(ctx context.Context) (store.Stats, error) {
	return call(s.m, "Stats", func() (store.Stats, error) { return s.st.Stats(ctx) })
}
