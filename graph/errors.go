package graph

import (
	"context"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"unicode/utf8"

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
	switch {
	case !public:
		slog.ErrorContext(ctx, "graphql", "path", e.Path.String(), "err", err)
		e.Message = messageFor(code)
	case code == CodeBadUserInput:
		e.Message = publicMessage(err, store.ErrInvalidInput)
	case code == CodeNotFound:
		e.Message = publicMessage(err, store.ErrNotFound)
	default:
		e.Message = clip(e.Message)
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
	case errors.Is(err, ErrTooManySubscriptions):
		return CodeLimit, true
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

// publicMessage is the message shown for a client's mistake: the text of
// the error in err's chain that wraps sentinel itself, which says what was
// wrong, without the wrappers that name Go functions, without the
// sentinel's own words, and clipped so that long input is not echoed
// back. A gqlgen argument error keeps the argument's path it starts with.
func publicMessage(err, sentinel error) string {
	prefix := ""
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err != nil {
		prefix = strings.TrimSuffix(gqlErr.Message, gqlErr.Err.Error())
		prefix = strings.TrimPrefix(prefix, "input: ")
		if prefix == "" && len(gqlErr.Path) > 0 {
			prefix = gqlErr.Path.String() + ": " // the field, or the input field, at fault
		}
		err = gqlErr.Err
	}
	inner := innermost(err, sentinel)
	msg := inner.Error()
	if inner != sentinel {
		msg = strings.Replace(msg, ": "+sentinel.Error(), "", 1)
	}
	msg = goName.ReplaceAllString(msg, "")
	return clip(prefix + msg)
}

// innermost returns the error of err's chain that wraps sentinel directly,
// or err when none does.
func innermost(err, sentinel error) error {
	found := err
	for e := err; e != nil; {
		var next error
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			next = u.Unwrap()
			if next == sentinel {
				return e
			}
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				if x == sentinel {
					found = e
				} else if errors.Is(x, sentinel) {
					next = x
				}
			}
		}
		e = next
	}
	return found
}

// goName matches a Go package-qualified name with what follows it up to
// its colon ("embedded.Entities first=5: "), the prefix store errors are
// wrapped in for logs.
var goName = regexp.MustCompile(`\b(embedded|neo4j|store|graph|ingest|resolve)\.[A-Z]\w*[^:]*: `)

// maxMessage bounds the characters of an error message shown to a client.
const maxMessage = 200

// clip shortens s to maxMessage characters, marking the cut.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxMessage {
		return s
	}
	r := []rune(s)
	return string(r[:maxMessage]) + "…"
}
