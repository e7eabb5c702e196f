package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/diplograph/diplograph/store"
)

// Codes carried in extensions.code.
const (
	CodeNotFound        = "NOT_FOUND"
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeUnavailable     = "UNAVAILABLE"
	CodeTimeout         = "TIMEOUT"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
)

// PresentError is the one error presenter: it maps wrapped domain errors to
// GraphQL codes. Client mistakes keep their message (it names the argument
// and why); anything else is logged and answered with a bare message, so no
// Cypher, path or stack trace reaches a client.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		return gqlErr // parse and validation errors from gqlgen itself
	}
	e := graphql.DefaultErrorPresenter(ctx, err)
	code, public := classify(err)
	if !public {
		slog.ErrorContext(ctx, "graphql", "path", e.Path.String(), "err", err)
		e.Message = messageFor(code)
	}
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
	return e
}

// classify returns the code of err and whether its message may be shown.
func classify(err error) (code string, public bool) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return CodeNotFound, true
	case errors.Is(err, store.ErrInvalidInput):
		return CodeBadUserInput, true
	case errors.Is(err, ErrUnauthenticated):
		return CodeUnauthenticated, true
	case errors.Is(err, ErrForbidden), errors.Is(err, ErrNoKey):
		return CodeForbidden, true
	case errors.Is(err, store.ErrUnavailable):
		return CodeUnavailable, false
	case errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout, false
	default:
		return CodeInternal, false
	}
}

// messageFor is the message shown for an error whose text stays private.
func messageFor(code string) string {
	switch code {
	case CodeUnavailable:
		return "the graph store is unavailable; try again later"
	case CodeTimeout:
		return "the request took too long and was stopped"
	default:
		return "internal error"
	}
}

// Recover turns a panic in a resolver into an internal error without
// crashing the server or leaking the stack.
func Recover(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "graphql panic", "panic", p)
	return errors.New("internal error")
}
