package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word, number or punctuation mark of the body, with its byte
// offsets in Document.Body.
type token struct {
	Text  string // as written
	Low   string // lower case, curly apostrophes made straight
	Start int
	End   int
	Cap   bool // starts with an upper-case letter
	Word  bool // starts with a letter or a digit
	Digit bool // starts with a digit
	// Lex says in which word lists Low is, so that the stages test a bit
	// instead of looking the word up again; set by mentionFinder.views.
	Lex lexFlag
}

// lexFlag marks the word lists a lower-case word is in.
type lexFlag uint16

// The word lists of lexFlag.
const (
	lexRoleFirst lexFlag = 1 << iota // first word of a title of office
	lexNominal                       // a word mentionFinder.nominals reads
	lexMonth                         // a month name
	lexWeekday                       // a weekday name
	lexStop                          // a stop word: never part of a name
	lexModal                         // a negator or a hedge
	lexCancel                        // a word that cancels a visit
	lexFrame                         // the first word of a trigger frame
	lexDemonym                       // a one-word demonym: "Bangladeshi"
)

// tokenizer splits text into tokens. It keeps abbreviations ("U.S.",
// "Gen.", "a.m.") and initials ("S.") whole, with their period, and splits a
// possessive "'s" off the word it follows.
type tokenizer struct {
	abbrev map[string]bool // lower case, without the final period
}

// tokens returns the tokens of text[start:end], with offsets in text.
func (tz tokenizer) tokens(text string, start, end int) []token {
	out := make([]token, 0, (end-start)/5+1)
	lw := lowerer{text: text, start: start, low: asciiLower(text[start:end])}
	i := start
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII fast path: the same cases as below.
			switch {
			case asciiSpace[c]:
				i++
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				j := tz.wordEnd(text, i, end)
				out = tz.appendWord(out, lw, i, j, end)
				i = out[len(out)-1].End
			default:
				out = append(out, lw.token(i, i+1))
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := tz.wordEnd(text, i, end)
			out = tz.appendWord(out, lw, i, j, end)
			i = out[len(out)-1].End
		default:
			out = append(out, lw.token(i, i+size))
			i += size
		}
	}
	return out
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true,
	'\r': true, ' ': true}

// asciiLower returns s with its ASCII capitals made lower case, bytes at
// the same offsets; s itself when it has none.
func asciiLower(s string) string {
	k := 0
	for k < len(s) && (s[k] < 'A' || s[k] > 'Z') {
		k++
	}
	if k == len(s) {
		return s
	}
	b := []byte(s)
	for i := k; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// lowerer makes tokens of text, taking the lower-case form of ASCII tokens
// from low (text[start:] lowered once) so that they cost no allocation.
type lowerer struct {
	text  string
	start int
	low   string
}

// lower returns text[i:j] in lower case, and whether it is ASCII.
func (lw lowerer) lower(i, j int) (string, bool) {
	s := lw.text[i:j]
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return strings.ToLower(s), false
		}
	}
	return lw.low[i-lw.start : j-lw.start], true
}

// wordEnd returns the end of the word that starts at i: letters, digits and
// inner hyphens, apostrophes, periods (in "U.S." or "3.5") and commas between
// digits ("30,000").
func (tz tokenizer) wordEnd(text string, i, end int) int {
	j := i
	for j < end {
		r, size := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[j:end])
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if r == '-' || r == '\'' || r == '\u2019' || r == '.' || r == ',' || r == '\u2011' {
			k := j + size
			if k < end {
				n, _ := utf8.DecodeRuneInString(text[k:end])
				inner := unicode.IsLetter(n) || unicode.IsDigit(n)
				if r == ',' || r == '.' {
					p, _ := utf8.DecodeLastRuneInString(text[i:j])
					inner = unicode.IsDigit(p) && unicode.IsDigit(n) ||
						r == '.' && isDottedAbbrev(text[i:j], n)
				}
				if inner {
					j = k
					continue
				}
			}
		}
		break
	}
	return j
}

// isDottedAbbrev reports whether a period after word (followed by rune n)
// is inside a dotted abbreviation such as "U.S" or "a.m".
func isDottedAbbrev(word string, n rune) bool {
	last := word
	if k := strings.LastIndexByte(word, '.'); k >= 0 {
		last = word[k+1:]
	}
	return utf8.RuneCountInString(last) == 1 && unicode.IsLetter(n)
}

// appendWord appends the word text[i:j], splitting off a possessive and
// taking in a final period when the word is an abbreviation or an initial.
func (tz tokenizer) appendWord(out []token, lw lowerer, i, j, end int) []token {
	text := lw.text
	w := text[i:j]
	for _, poss := range [...]string{"'s", "\u2019s"} {
		if len(w) > len(poss) && strings.HasSuffix(w, poss) {
			k := j - len(poss)
			out = append(out, lw.token(i, k))
			return append(out, lw.token(k, j))
		}
	}
	if j < end && text[j] == '.' {
		r, _ := utf8.DecodeRuneInString(w)
		initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)
		dotted := strings.Contains(w, ".") && !unicode.IsDigit(r)
		if low, _ := lw.lower(i, j); initial || dotted || tz.abbrev[low] && !blankTo(text, j+1, end) {
			return append(out, lw.token(i, j+1))
		}
	}
	return append(out, lw.token(i, j))
}

// blankTo reports whether text[i:end] is only white space. A title's
// abbreviation ("Sen.", "Gen.") stands before a name, so one ending a
// paragraph is a word with a full stop: "met Senate President Hun Sen."
func blankTo(text string, i, end int) bool {
	return strings.TrimSpace(text[i:end]) == ""
}

// token makes the token text[i:j].
func (lw lowerer) token(i, j int) token {
	s := lw.text[i:j]
	r, _ := utf8.DecodeRuneInString(s)
	low, ascii := lw.lower(i, j)
	if !ascii && strings.ContainsRune(low, '\u2019') {
		low = strings.ReplaceAll(low, "\u2019", "'")
	}
	return token{
		Text: s, Low: low, Start: i, End: j,
		Cap:   unicode.IsUpper(r),
		Word:  unicode.IsLetter(r) || unicode.IsDigit(r),
		Digit: unicode.IsDigit(r),
	}
}

// isPossessive reports whether t is a possessive marker ("'s" or a lone
// apostrophe after a plural).
func (t token) isPossessive() bool {
	return t.Low == "'s" || t.Low == "'"
}
