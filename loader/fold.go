package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// fold folds a word or phrase for look-ups: schema.Fold.
func fold(s string) string { return schema.Fold(s) }

// foldPhrase folds a phrase word by word, as the words of a text are
// folded, so that "U.N. Security Council" gives "un security council".
func foldPhrase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return joinFolds(words)
}

// foldWord folds one word; a dotted abbreviation loses its inner spaces
// ("U.S." gives "us", not "u s").
func foldWord(w string) string {
	f := fold(w)
	if strings.Count(w, ".") >= 1 && strings.IndexByte(f, ' ') > 0 && isDotted(w) {
		return strings.ReplaceAll(f, " ", "")
	}
	return f
}

// isDotted reports whether w is made of single letters each followed by a
// period ("U.S.", "U.N", "K.P.").
func isDotted(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n != 1 {
				return false
			}
			n = 0
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			n++
			if n > 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// joinFolds joins the folded forms of words with single spaces.
func joinFolds(folds []string) string {
	n := 0
	for _, f := range folds {
		n += len(f) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range folds {
		if f == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}
