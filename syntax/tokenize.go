package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a token's byte offsets in the text it was cut from.
type Span struct{ Start, End int }

// Segmenter cuts text into words the way the loader reads them, and
// ParseTokens refines those into Universal Dependencies tokens: a word is
// a run of letters and digits with inner hyphens, apostrophes, periods
// ("U.S.", "3.5") and commas between digits ("30,000"); abbreviations
// and initials keep their final period ("Gen.", "S."); a possessive "'s"
// is a word of its own; every other character that is not a space is a
// word by itself.
type Segmenter struct {
	// Abbrev lists lower-case words, without their period, that keep a
	// final period ("gen", "st").
	Abbrev map[string]bool
	// Starters lists lower-case words that begin a sentence after a
	// dotted abbreviation ("the", "he").
	Starters map[string]bool
}

// Words returns the words of text[start:end], with offsets in text.
func (sg Segmenter) Words(text string, start, end int) []Span {
	out := make([]Span, 0, (end-start)/5+1)
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiSpace[c]:
				i++
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				out = sg.appendWord(out, text, i, wordEnd(text, i, end), end)
				i = out[len(out)-1].End
			default:
				out = append(out, Span{i, i + 1})
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = sg.appendWord(out, text, i, wordEnd(text, i, end), end)
			i = out[len(out)-1].End
		default:
			out = append(out, Span{i, i + size})
			i += size
		}
	}
	return out
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// wordEnd returns the end of the word that starts at i.
func wordEnd(text string, i, end int) int {
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
func (sg Segmenter) appendWord(out []Span, text string, i, j, end int) []Span {
	w := text[i:j]
	for _, poss := range [...]string{"'s", "\u2019s"} {
		if len(w) > len(poss) && strings.HasSuffix(w, poss) {
			k := j - len(poss)
			return append(out, Span{i, k}, Span{k, j})
		}
	}
	if j < end && text[j] == '.' {
		r, _ := utf8.DecodeRuneInString(w)
		initial := utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)
		dotted := strings.Contains(w, ".") && !unicode.IsDigit(r)
		if initial || dotted || sg.Abbrev[strings.ToLower(w)] && strings.TrimSpace(text[j+1:end]) != "" {
			return append(out, Span{i, j + 1})
		}
	}
	return append(out, Span{i, j})
}

// keptPrefixes are the prefixes Universal Dependencies English keeps
// joined to the word after their hyphen ("e-mail", "non-profit",
// "co-operate"); any other hyphen is a token of its own ("Al - Zaman",
// "well - known").
var keptPrefixes = map[string]bool{"e": true, "non": true, "pre": true, "anti": true, "mid": true,
	"re": true, "post": true, "co": true, "over": true, "pro": true, "multi": true, "ex": true,
	"sub": true, "semi": true, "cross": true, "neo": true, "counter": true, "intra": true,
	"socio": true, "micro": true, "vice": true, "un": true, "psycho": true, "inter": true}

// clitics are the endings Universal Dependencies English splits off a
// word: "don't" → "do" "n't", "we'll" → "we" "'ll".
var clitics = []string{"n't", "n\u2019t", "'re", "\u2019re", "'ve", "\u2019ve", "'ll", "\u2019ll",
	"'d", "\u2019d", "'m", "\u2019m", "'s", "\u2019s"}

// SplitWord returns the Universal Dependencies tokens of the word
// text[start:end]: clitics and hyphens split off ("can't" → "ca" "n't",
// "Al-Zaman" → "Al" "-" "Zaman", but "e-mail" whole), "cannot" → "can"
// "not"; most words are one token.
func SplitWord(text string, start, end int) []Span {
	w := text[start:end]
	low := strings.ToLower(w)
	if low == "cannot" {
		return []Span{{start, start + 3}, {start + 3, end}}
	}
	for _, c := range clitics {
		if len(low) > len(c) && strings.HasSuffix(low, c) {
			// "can't" → "ca" "n't", as the treebank writes it.
			k := end - len(c)
			return append(SplitWord(text, start, k), Span{k, end})
		}
	}
	if !strings.ContainsAny(w, "-\u2011") {
		return []Span{{start, end}}
	}
	var out []Span
	i := start
	first := true
	for i < end {
		j := i
		for j < end && text[j] != '-' && !strings.HasPrefix(text[j:end], "\u2011") {
			j++
		}
		if j == end {
			out = append(out, Span{i, end})
			break
		}
		if first && keptPrefixes[strings.ToLower(text[i:j])] && !strings.ContainsAny(text[j+1:end], "-\u2011") {
			return []Span{{start, end}}
		}
		first = false
		hy := 1
		if text[j] != '-' {
			hy = len("\u2011")
		}
		if j > i {
			out = append(out, Span{i, j})
		}
		out = append(out, Span{j, j + hy})
		i = j + hy
	}
	return out
}

// Tokens returns the Universal Dependencies tokens of text[start:end]: its
// words, each split by SplitWord.
func (sg Segmenter) Tokens(text string, start, end int) []Span {
	var out []Span
	for _, w := range sg.Words(text, start, end) {
		out = append(out, SplitWord(text, w.Start, w.End)...)
	}
	return out
}
