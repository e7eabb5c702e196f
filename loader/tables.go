package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordSet parses a space-separated word list.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// union returns a set of the words of all the sets.
func union(sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for w, ok := range s {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}

// isShortUpper reports whether s is an upper-case acronym of at most five
// letters ("US", "AU", "NATO").
func isShortUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0 && n <= 5
}

// isCapitalised reports whether s starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
