package graph

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
)

// Errors of authorization, mapped to UNAUTHENTICATED and FORBIDDEN.
var (
	ErrUnauthenticated = errors.New("mutations need an Authorization: Bearer <key> header")
	ErrForbidden       = errors.New("the API key is not accepted")
	ErrNoKey           = errors.New("mutations are disabled: the server has no DIPLOGRAPH_API_KEY")
)

// grant is what the request's credentials allow.
type grant int

const (
	grantNone     grant = iota // no credentials given
	grantDenied                // wrong credentials, or no key configured
	grantWriter                // the configured key
	grantDisabled              // the server has no key: mutations are off
)

const grantKey ctxKey = iota + 100

// Auth returns middleware that checks the bearer key of each request
// against key (compared in constant time) and records the result for the
// mutation resolvers. An empty key disables mutations.
func Auth(key string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			g := grantNone
			h := req.Header.Get("Authorization")
			switch {
			case key == "":
				g = grantDisabled
			case h == "":
			case bearerMatches(h, key):
				g = grantWriter
			default:
				g = grantDenied
			}
			next.ServeHTTP(w, req.WithContext(context.WithValue(req.Context(), grantKey, g)))
		})
	}
}

// bearerMatches reports whether an Authorization header carries key.
func bearerMatches(header, key string) bool {
	tok, ok := strings.CutPrefix(header, "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(key)) == 1
}

// authorize returns nil when the request may run a mutation.
func authorize(ctx context.Context) error {
	g, _ := ctx.Value(grantKey).(grant)
	switch g {
	case grantWriter:
		return nil
	case grantDenied:
		return ErrForbidden
	case grantDisabled:
		return ErrNoKey
	default:
		return ErrUnauthenticated
	}
}
