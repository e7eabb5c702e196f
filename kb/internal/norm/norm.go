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
// leading "the" dropped, and British spellings of organisation words made
// American ("Organisation" → "organization"). Non-Latin letters are kept.
func Key(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return keyRunes(fold(s))
		}
	}
	return keyASCII(s)
}

// keyASCII is Key for an ASCII string, byte by byte.
func keyASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := true
	single := false // a one-letter word was written
	wordLen := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' || c == '\'' || c == '`':
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
			space = false
			wordLen++
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
			wordLen++
		default:
			if !space {
				b = append(b, ' ')
				space = true
				single = single || wordLen == 1
				wordLen = 0
			}
		}
	}
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	out := string(b)
	if single {
		out = joinInitials(out)
	}
	if len(out) > 4 && out[:4] == "the " {
		out = out[4:]
	}
	return spelling(out)
}

// spellings fold British and American spellings and "co-operation" of the
// words organisations are named with, so that "Organisation" and
// "Organization" give one key.
var spellings = strings.NewReplacer("isation", "ization", "programme", "program", "centre", "center",
	"labour", "labor", "defence", "defense", "co operation", "cooperation")

func spelling(s string) string {
	if strings.Contains(s, "isation") || strings.Contains(s, "programme") || strings.Contains(s, "centre") ||
		strings.Contains(s, "labour") || strings.Contains(s, "defence") || strings.Contains(s, "co operation") {
		return spellings.Replace(s)
	}
	return s
}

func keyRunes(s string) string {
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
	return spelling(out)
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
