package loader

import (
	"github.com/diplograph/diplograph/syntax"
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
	lexRoleFirst   lexFlag = 1 << iota // first word of a title of office
	lexNominal                         // a word mentionFinder.nominals reads
	lexMonth                           // a month name
	lexWeekday                         // a weekday name
	lexStop                            // a stop word: never part of a name
	lexModal                           // a negator or a hedge
	lexCancel                          // a word that cancels a visit
	lexFrame                           // the first word of a trigger frame
	lexDemonym                         // a one-word demonym: "Bangladeshi"
	lexPostNominal                     // letters written after a name: "KC", "E.G.H."
)

// tokenizer splits text into tokens with the parser's segmenter
// (syntax.Segmenter), so that the loader and the parser read the same
// words: abbreviations ("U.S.", "Gen.", "a.m.") and initials ("S.") keep
// their period, a possessive "'s" is a token of its own.
type tokenizer struct {
	seg syntax.Segmenter
}

// tokens returns the tokens of text[start:end], with offsets in text.
func (tz tokenizer) tokens(text string, start, end int) []token {
	return tz.wrap(text, start, end, tz.seg.Words(text, start, end))
}

// wrap makes tokens of the spans of text[start:end].
func (tz tokenizer) wrap(text string, start, end int, spans []syntax.Span) []token {
	out := make([]token, len(spans))
	lw := lowerer{text: text, start: start, low: asciiLower(text[start:end])}
	for k, sp := range spans {
		out[k] = lw.token(sp.Start, sp.End)
	}
	return out
}

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
