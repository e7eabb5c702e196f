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
}

// tokenizer splits text into tokens. It keeps abbreviations ("U.S.",
// "Gen.", "a.m.") and initials ("S.") whole, with their period, and splits a
// possessive "'s" off the word it follows.
type tokenizer struct {
	abbrev map[string]bool // lower case, without the final period
}

// tokens returns the tokens of text[start:end], with offsets in text.
func (tz tokenizer) tokens(text string, start, end int) []token {
	out := make([]token, 0, (end-start)/5+1)
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := tz.wordEnd(text, i, end)
			out = tz.appendWord(out, text, i, j, end)
			i = out[len(out)-1].End
		default:
			out = append(out, newToken(text, i, i+size))
			i += size
		}
	}
	return out
}

// wordEnd returns the end of the word that starts at i: letters, digits and
// inner hyphens, apostrophes, periods (in "U.S." or "3.5") and commas between
// digits ("30,000").
func (tz tokenizer) wordEnd(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
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
func (tz tokenizer) appendWord(out []token, text string, i, j, end int) []token {
	w := text[i:j]
	for _, poss := range []string{"'s", "\u2019s"} {
		if len(w) > len(poss) && strings.HasSuffix(w, poss) {
			k := j - len(poss)
			out = append(out, newToken(text, i, k))
			return append(out, newToken(text, k, j))
		}
	}
	if j < end && text[j] == '.' {
		low := strings.ToLower(w)
		r, _ := utf8.DecodeRuneInString(w)
		initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)
		dotted := strings.Contains(w, ".") && !unicode.IsDigit(r)
		if initial || dotted || tz.abbrev[low] {
			return append(out, newToken(text, i, j+1))
		}
	}
	return append(out, newToken(text, i, j))
}

// newToken makes the token text[i:j].
func newToken(text string, i, j int) token {
	s := text[i:j]
	r, _ := utf8.DecodeRuneInString(s)
	low := s
	if !isLowerASCII(s) {
		low = strings.ToLower(s)
	}
	if strings.ContainsRune(low, '\u2019') {
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
