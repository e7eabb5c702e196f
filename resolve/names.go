package resolve

import (
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// name is a person's folded name split into given names and surname.
type name struct {
	given   []string
	surname string
}

// parseName splits a canonical person name: the last word is the surname,
// the words before it are given names or initials.
func parseName(s string) name {
	w := strings.Fields(schema.Fold(s))
	if len(w) == 0 {
		return name{}
	}
	return name{given: w[:len(w)-1], surname: w[len(w)-1]}
}

// fits reports whether n and c can be the same person: the same surname,
// and first given names that agree where both have one ("S." fits
// "Subrahmanyam"; "Ana" does not fit "Maria").
func (n name) fits(c name) bool {
	if n.surname != c.surname {
		if n.extends(c) || c.extends(n) {
			return true
		}
		// A surname transliterated two ways ("Melnyk" and "Melnik"), in
		// full names only, whose first given names agree.
		return oneVowelApart(n.surname, c.surname, minVariantSurname) &&
			len(n.given) > 0 && len(c.given) > 0 && givenFits(n.given[0], c.given[0])
	}
	if len(n.given) == 0 || len(c.given) == 0 {
		return true
	}
	return givenFits(n.given[0], c.given[0])
}

// words returns all the words of the name.
func (n name) words() []string { return append(append([]string{}, n.given...), n.surname) }

// extends reports whether n is c with more words after it, c having at
// least two ("Ignacio Valdes Rojas" extends "Ignacio Valdes"): a second
// surname or a patronymic left out.
func (n name) extends(c name) bool {
	nw, cw := n.words(), c.words()
	return len(cw) >= 2 && len(nw) > len(cw) && slices.Equal(nw[:len(cw)], cw)
}

// has reports whether the name contains the word w.
func (n name) has(w string) bool { return slices.Contains(n.words(), w) }

// givenFits reports whether two folded given names agree: equal, the same
// under the common variants of romanisation ("Sergei" and "Sergey",
// "Yevgeny" and "Yevgeniy", "Mikhail" and "Mihail"), or one is the initial
// of the other.
func givenFits(a, b string) bool {
	switch {
	case a == b || len(a) > 3 && len(b) > 3 && romanised(a) == romanised(b):
		return true
	case oneVowelApart(a, b, minVariantGiven):
		return true
	case len(a) == 1:
		return strings.HasPrefix(b, a)
	case len(b) == 1:
		return strings.HasPrefix(a, b)
	}
	return false
}

// key says by which rule and on what n matches the known name c.
func (n name) key(c name) (schema.MatchRule, string) {
	if n.extends(c) || c.extends(n) {
		return schema.RuleNameExtends, fmt.Sprintf("name %q extends %q",
			strings.Join(longer(n, c).words(), " "), strings.Join(shorter(n, c).words(), " "))
	}
	if len(n.given) == 0 || len(c.given) == 0 {
		return schema.RuleSurname, fmt.Sprintf("surname %q, the only person of that surname",
			n.surname)
	}
	return schema.RuleGivenName, fmt.Sprintf("surname %q, given name %q ~ %q", n.surname,
		n.given[0], c.given[0])
}

// longer returns the name with more words; shorter the other.
func longer(a, b name) name {
	if len(a.words()) >= len(b.words()) {
		return a
	}
	return b
}

func shorter(a, b name) name {
	if len(a.words()) >= len(b.words()) {
		return b
	}
	return a
}

// romanisation maps spellings that romanisations of one name differ by to
// one form; the longer are replaced first.
var romanisation = strings.NewReplacer("iy", "i", "ey", "ei", "yi", "i", "kh", "h", "ks", "x",
	"ou", "u", "dzh", "j", "zh", "j", "ph", "f", "y", "i")

// romanised is a folded given name with its romanisation variants
// replaced, for comparison only.
func romanised(s string) string { return romanisation.Replace(s) }

// The shortest surname and given name that may be spelt with one vowel
// changed: a transliteration ("Melnyk" and "Melnik", "Oleksandr" and
// "Aleksandr", "Hashimi" and "Hashemi"). Shorter names differ by a vowel
// too often to be one name ("Khan" and "Khin", "Maria" and "Mario").
const (
	minVariantSurname = 5
	minVariantGiven   = 6
)

// vowels are the letters a transliteration varies (y as in "Melnyk").
const vowels = "aeiouy"

// oneVowelApart reports whether a and b, of at least minLen letters, are
// one vowel apart: the same length, and equal but for one vowel in the
// place of another.
func oneVowelApart(a, b string, minLen int) bool {
	if len(a) != len(b) || len(a) < minLen || a == b {
		return false
	}
	diff := -1
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return strings.IndexByte(vowels, a[diff]) >= 0 && strings.IndexByte(vowels, b[diff]) >= 0
}

// vowelVariants returns the words one vowel apart from w (see
// oneVowelApart), or none when w is shorter than minLen.
func vowelVariants(w string, minLen int) []string {
	if len(w) < minLen {
		return nil
	}
	var out []string
	b := []byte(w)
	for i := range b {
		if strings.IndexByte(vowels, w[i]) < 0 {
			continue
		}
		for j := 0; j < len(vowels); j++ {
			if vowels[j] != w[i] {
				b[i] = vowels[j]
				out = append(out, string(b))
			}
		}
		b[i] = w[i]
	}
	return out
}
