// Package norm folds names into lookup keys. The generator and the kb
// package both use it, so a key written at build time and a key computed
// from an article's text agree.
package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that do not decompose into a base letter plus marks.
var special = map[rune]string{
	'ø': "o", 'Ø': "o", 'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// Key folds a name into its lookup key: lower case, diacritics dropped,
// apostrophes and full stops removed ("U.N." → "un", "Sa'ar" → "saar"),
// other punctuation and hyphens turned into single spaces, a run of
// single-letter words joined ("K. P. Sharma Oli" → "kp sharma oli") and a
// leading "the" dropped. Non-Latin letters are kept as they are.
func Key(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = fold(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true // at start: drop leading separators
	for _, r := range s {
		switch {
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʻ' || r == 'ʼ':
			// removed without a gap
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			b.WriteRune(r)
			space = false
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	out := strings.TrimSuffix(b.String(), " ")
	out = joinInitials(out)
	if strings.HasPrefix(out, "the ") {
		out = out[4:]
	}
	return out
}

func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := special[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// joinInitials joins runs of two or more one-letter words: "k p sharma" →
// "kp sharma". A lone initial ("joseph r biden") stays as it is.
func joinInitials(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	words := strings.Split(s, " ")
	changed := false
	out := words[:0:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if utf8.RuneCountInString(w) == 1 && i+1 < len(words) && utf8.RuneCountInString(words[i+1]) == 1 {
			j := i
			var b strings.Builder
			for j < len(words) && utf8.RuneCountInString(words[j]) == 1 {
				b.WriteString(words[j])
				j++
			}
			out = append(out, b.String())
			i = j - 1
			changed = true
			continue
		}
		out = append(out, w)
	}
	if !changed {
		return s
	}
	return strings.Join(out, " ")
}
