package articles

import (
	"fmt"
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// ParseDate returns the calendar date of s as YYYY-MM-DD. s may be in any
// of the forms feeds and content systems write: ISO 8601 and RFC 3339
// ("2025-03-10", "2025-03-10T18:00:00Z", "2025-03-10 18:00:00"), RFC 1123
// and RFC 822 ("Mon, 10 Mar 2025 18:00:00 GMT"), "March 10, 2025",
// "10 March 2025", "2025/03/10", with or without time and zone, and unix
// seconds or milliseconds. A time keeps the date written in its own zone.
// Day and month orders that cannot be told apart ("03/04/2025") are an
// error rather than a guess, and so is a year before 1800 or after 2200.
// An empty s gives "" and no error.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	t, err := dateparse.ParseStrict(s)
	if err != nil {
		return "", fmt.Errorf("cannot read %q as a date", s)
	}
	if y := t.Year(); y < 1800 || y > 2200 {
		return "", fmt.Errorf("cannot read %q as a date (year %d)", s, y)
	}
	return t.Format(time.DateOnly), nil
}

// setDate sets a.Published from s, or warns that it cannot.
func setDate(a *Article, field, s string) {
	d, err := ParseDate(s)
	if err != nil {
		a.Warnings = append(a.Warnings,
			fmt.Sprintf("%s: %v; loaded without a publication date", field, err))
		return
	}
	a.Published = d
}
