package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// persistedQueries is automatic persisted queries (the Apollo protocol:
// extensions.persistedQuery.sha256Hash) over a cache bounded in bytes. A
// query sent with its hash is registered only once it has parsed and
// validated, so the cache holds documents the server can run, never
// arbitrary strings.
type persistedQueries struct {
	cache *byteCache[string]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = persistedQueries{}

// pendingAPQ is the registration waiting for validation, kept in the
// operation's stats.
type pendingAPQ struct{ hash, query string }

const apqStatsKey = "diplograph.apq"

func (persistedQueries) ExtensionName() string                   { return "PersistedQueries" }
func (persistedQueries) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters fills in the query of a known hash, or checks
// that a sent query matches its hash.
func (a persistedQueries) MutateOperationParameters(ctx context.Context, p *graphql.RawParams,
) *gqlerror.Error {
	ext, ok := p.Extensions["persistedQuery"].(map[string]any)
	if !ok {
		if p.Extensions["persistedQuery"] != nil {
			return gqlerror.Errorf("extensions.persistedQuery must be an object")
		}
		return nil
	}
	hash, _ := ext["sha256Hash"].(string)
	if !isVersionOne(ext["version"]) {
		return gqlerror.Errorf("extensions.persistedQuery.version must be 1")
	}
	if p.Query == "" {
		q, ok := a.cache.Get(ctx, hash)
		if !ok {
			e := gqlerror.Errorf("PersistedQueryNotFound")
			errcode.Set(e, "PERSISTED_QUERY_NOT_FOUND")
			return e
		}
		p.Query = q
		return nil
	}
	sum := sha256.Sum256([]byte(p.Query))
	if hex.EncodeToString(sum[:]) != hash {
		return gqlerror.Errorf("extensions.persistedQuery.sha256Hash does not match the query")
	}
	if graphql.HasOperationContext(ctx) {
		oc := graphql.GetOperationContext(ctx)
		oc.Stats.SetExtension(apqStatsKey, &pendingAPQ{hash: hash, query: p.Query})
	}
	return nil
}

// MutateOperationContext registers a query sent with its hash, now that it
// has parsed and validated.
func (a persistedQueries) MutateOperationContext(ctx context.Context,
	oc *graphql.OperationContext,
) *gqlerror.Error {
	if p, ok := oc.Stats.GetExtension(apqStatsKey).(*pendingAPQ); ok {
		a.cache.Add(ctx, p.hash, p.query)
	}
	return nil
}

// isVersionOne reports whether v, decoded from JSON, is the number 1.
func isVersionOne(v any) bool {
	switch n := v.(type) {
	case float64:
		return n == 1
	case int64:
		return n == 1
	case int:
		return n == 1
	case interface{ String() string }: // json.Number
		return n.String() == "1"
	}
	return false
}
