package model

import (
	"fmt"
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/diplograph/diplograph/store"
)

// MarshalDate writes a Date scalar: an ISO 8601 date string, or null for
// an unknown date (the empty string).
func MarshalDate(s string) graphql.Marshaler {
	if s == "" {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(s))
	})
}

// UnmarshalDate reads a Date scalar and rejects anything but YYYY, YYYY-MM
// or YYYY-MM-DD.
func UnmarshalDate(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("Date must be a string, got %T: %w", v, store.ErrInvalidInput)
	}
	if !store.ValidDate(s) {
		return "", fmt.Errorf("Date %q is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD): %w",
			s, store.ErrInvalidInput)
	}
	return s, nil
}
