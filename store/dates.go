package store

import "fmt"

// Dates in diplograph are ISO 8601 calendar dates that may be partial:
// "2025", "2025-05" or "2025-05-14". A partial date stands for the whole
// period it names, so it is compared as a range: "2025-05" runs from
// "2025-05-01" to "2025-05-31".
//
// A date D matches a window [since, until] when the two ranges overlap:
// D's last day is on or after since's first day, and D's first day is on or
// before until's last day. So "2025-05" matches since="2025-05-20" (the month
// reaches past the 20th) and until="2025-05-01"; "2025" matches any window
// that touches 2025. An empty since or until leaves that side open, and an
// undated value never matches a window that has either side set.
//
// The bounds are plain strings, so both stores compare them as strings: the
// embedded store in Go, the Neo4j store through the dateLo and dateHi
// properties it keeps beside each date.

// ValidDate reports whether s is YYYY, YYYY-MM or YYYY-MM-DD with a month in
// 01..12 and a day in 01..31.
func ValidDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) >= 7 && !inRange(s[5:7], "01", "12") {
		return false
	}
	return len(s) < 10 || inRange(s[8:10], "01", "31")
}

func inRange(s, lo, hi string) bool { return s >= lo && s <= hi }

// DateBounds returns the first and last day a date stands for, as
// YYYY-MM-DD strings. Only the leading date of s is read, so a timestamp
// such as "2025-05-14T09:00:00Z" counts as its day. It returns two empty
// strings when s does not start with a valid date.
func DateBounds(s string) (lo, hi string) {
	d := leadingDate(s)
	switch len(d) {
	case 4:
		return d + "-01-01", d + "-12-31"
	case 7:
		return d + "-01", d + "-31"
	case 10:
		return d, d
	}
	return "", ""
}

// leadingDate returns the longest valid date that s starts with, if any.
func leadingDate(s string) string {
	for _, n := range []int{10, 7, 4} {
		if len(s) >= n && ValidDate(s[:n]) && (len(s) == n || s[n] < '0' || s[n] > '9') {
			return s[:n]
		}
	}
	return ""
}

// DateInWindow reports whether the date d overlaps [since, until] as
// described above. since and until must be valid or empty.
func DateInWindow(d, since, until string) bool {
	if since == "" && until == "" {
		return true
	}
	lo, hi := DateBounds(d)
	if lo == "" {
		return false
	}
	return WindowHolds(lo, hi, since, until)
}

// WindowHolds reports whether the day range [lo, hi] overlaps [since, until].
func WindowHolds(lo, hi, since, until string) bool {
	sinceLo, _ := DateBounds(since)
	_, untilHi := DateBounds(until)
	return (since == "" || hi >= sinceLo) && (until == "" || lo <= untilHi)
}

// checkWindow validates a since/until pair.
func checkWindow(since, until string) error {
	for _, d := range []struct{ name, value string }{{"since", since}, {"until", until}} {
		if d.value != "" && !ValidDate(d.value) {
			return fmt.Errorf("%s %q is not YYYY[-MM[-DD]]: %w", d.name, d.value, ErrInvalidInput)
		}
	}
	sinceLo, _ := DateBounds(since)
	_, untilHi := DateBounds(until)
	if since != "" && until != "" && sinceLo > untilHi {
		return fmt.Errorf("since %q is after until %q: %w", since, until, ErrInvalidInput)
	}
	return nil
}
