package loader

import (
	"fmt"
	"strconv"
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

// pairMap parses "key:value" pairs.
func pairMap(s string) map[string]string {
	m := map[string]string{}
	for _, f := range strings.Fields(s) {
		k, v, _ := strings.Cut(f, ":")
		m[k] = v
	}
	return m
}

// intMap parses "key:number" pairs.
func intMap(s string) (map[string]int, error) {
	m := map[string]int{}
	for _, f := range strings.Fields(s) {
		k, v, _ := strings.Cut(f, ":")
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", f, err)
		}
		m[k] = n
	}
	return m, nil
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
