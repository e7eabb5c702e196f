package export

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Lookup finds the entity a query parameter names.
type Lookup interface {
	Entity(ctx context.Context, id string) (schema.Entity, error)
	EntityByName(ctx context.Context, name string) (schema.Entity, error)
}

// Reader is what the export handler reads.
type Reader interface {
	Source
	Lookup
}

// MaxConcurrent is how many exports the handler runs at once; more are
// refused with 429 so that exports cannot crowd out the API.
const MaxConcurrent = 2

// ParseOptions reads the options of an export from its parts as the
// command line and the query string give them: dates, a comma-separated
// list of relation types, and a country by id or name.
func ParseOptions(ctx context.Context, l Lookup, since, until, types, country string,
) (Options, error) {
	o := Options{Since: strings.TrimSpace(since), Until: strings.TrimSpace(until)}
	for _, t := range strings.Split(types, ",") {
		if t = strings.ToUpper(strings.TrimSpace(t)); t == "" {
			continue
		}
		if !schema.RelationType(t).Valid() {
			return o, fmt.Errorf("types: %q is not a relation type: %w", t, store.ErrInvalidInput)
		}
		o.Types = append(o.Types, schema.RelationType(t))
	}
	if country = strings.TrimSpace(country); country != "" {
		e, err := l.Entity(ctx, country)
		if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrInvalidInput) {
			e, err = l.EntityByName(ctx, country)
		}
		if err != nil {
			return o, fmt.Errorf("country %q: %w", country, err)
		}
		if e.Type != schema.Country {
			return o, fmt.Errorf("country %q names a %s, not a country: %w", country,
				strings.ToLower(string(e.Type)), store.ErrInvalidInput)
		}
		o.Country = e.ID
	}
	return o, nil
}

// Handler serves GET {prefix}/{format}?since=&until=&types=&country=,
// streaming the export as a download. Bad parameters are answered 400
// with the reason, an unknown country 404, a busy server 429.
func Handler(r Reader) http.Handler {
	slots := make(chan struct{}, MaxConcurrent)
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method != http.MethodGet && req.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "export: use GET", http.StatusMethodNotAllowed)
			return
		}
		name := req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:]
		f, err := ParseFormat(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		q := req.URL.Query()
		o, err := ParseOptions(req.Context(), r, q.Get("since"), q.Get("until"), q.Get("types"),
			q.Get("country"))
		if err != nil {
			http.Error(w, err.Error(), status(err))
			return
		}
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		default:
			w.Header().Set("Retry-After", "5")
			http.Error(w, "export: too many exports running; retry later",
				http.StatusTooManyRequests)
			return
		}
		sel, err := selectGraph(req.Context(), r, o)
		if err != nil {
			http.Error(w, "export: "+publicMessage(err), status(err))
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.ContentType())
		h.Set("Content-Disposition", `attachment; filename="diplograph.`+f.Ext()+`"`)
		h.Set("X-Content-Type-Options", "nosniff")
		if req.Method == http.MethodHead {
			return
		}
		if _, err := writeSelection(req.Context(), r, f, sel, w); err != nil {
			// The status is sent; the client sees a truncated body.
			slog.ErrorContext(req.Context(), "export", "format", f, "err", err)
		}
	})
}

// status maps an error to an HTTP status.
func status(err error) int {
	switch {
	case errors.Is(err, store.ErrInvalidInput):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// publicMessage is the text of err a client may see.
func publicMessage(err error) string {
	switch status(err) {
	case http.StatusBadRequest, http.StatusNotFound:
		return err.Error()
	case http.StatusServiceUnavailable:
		return "the graph store is unavailable; try again later"
	}
	return "internal error"
}
