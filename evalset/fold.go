package evalset

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s as score.py's norm compares names: NFKD-decomposed, with
// combining marks dropped, lower case, without apostrophes (’ ' `), each
// run of other characters outside [0-9a-z] turned into one space, trimmed,
// and without a leading "the ". Fold("The Côte d’Ivoire") is
// "cote divoire".
func Fold(s string) string {
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	gap := false
	for i, r := range d {
		if norm.NFKD.PropertiesString(d[i:]).CCC() != 0 {
			continue
		}
		r = unicode.ToLower(r)
		switch {
		case r == '\u2019' || r == '\'' || r == '`':
		case r >= '0' && r <= '9' || r >= 'a' && r <= 'z':
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// words returns the folded words of s that are not stop words.
func words(s string) map[string]bool {
	ws := map[string]bool{}
	for _, w := range strings.Fields(Fold(s)) {
		if !stop[w] {
			ws[w] = true
		}
	}
	return ws
}

// subset reports whether every word of a is in b.
func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// pyRepr quotes s as Python's repr does, so that messages read like
// score.py's: 'Putin', "O'Brien", 'line\n'.
func pyRepr(s string) string {
	q := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteRune(q)
	for _, r := range s {
		switch {
		case r == q || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f || unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// pyList prints a list of strings as Python's str of a list does.
func pyList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = pyRepr(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// head returns the first n characters (code points) of s.
func head(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
