package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraph is a stretch of the body that holds article text: a line that is
// not page furniture, with a dateline cut off its front. Start and End are
// byte offsets in Document.Body.
type paragraph struct {
	Start, End int
}

// dateline is what a wire-service dateline ("ACCRA, May 30 (Reuters) -")
// tells: where the story was filed and, when given, the day.
type dateline struct {
	Place  string // "Accra"
	Region string // "Ghana" in "ACCRA, Ghana, May 30 -", or ""
	Date   string // "May 30" as written, resolved later
}

// cleaner finds the article text in a body: it drops page furniture
// ("Advertisement", "Read also| …", newsletter prompts, share bars, photo
// captions, bylines) and reads datelines. It never rewrites the text, so
// every offset it returns points into Document.Body.
type cleaner struct {
	prefixes []string // lower-case line starts that mark furniture
	// shortPrefixes mark furniture only on a short line with no final
	// period ("Updated 5 May 2025").
	shortPrefixes []string
	exact         map[string]bool
}

// The furniture patterns (lexicon/furniture-*.txt).
var (
	furniturePrefixes      = pkgLex.quoted("furniture-prefixes.txt")
	furnitureShortPrefixes = pkgLex.quoted("furniture-short-prefixes.txt")
	furnitureLines         = setOf(pkgLex.quoted("furniture-lines.txt"))
	furnitureListHeaders   = setOf(pkgLex.quoted("furniture-list-headers.txt"))
)

// newCleaner returns the cleaner with the built-in furniture patterns.
func newCleaner() cleaner {
	return cleaner{
		prefixes:      furniturePrefixes,
		shortPrefixes: furnitureShortPrefixes,
		exact:         furnitureLines,
	}
}

// paragraphs returns the article paragraphs of body and the dateline, if the
// first paragraph has one. A first line that repeats the headline (title)
// is left out: headlines are written in title case and say nothing the
// article does not. A paragraph is a line, or in text wrapped at a fixed
// width a run of lines up to a blank line.
func (c cleaner) paragraphs(body, title string) ([]paragraph, dateline) {
	var out []paragraph
	var dl dateline
	lines := lineSpans(body)
	wrapped := c.hardWrapped(body, lines)
	headline := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(title), "# "))
	joined := false // the last line kept may take in the next one
	list := false   // inside a list of links under "Related stories", "Most read"
	for _, ln := range lines {
		s, e := ln[0], ln[1]
		if e > s && len(out) == 0 && headline != "" &&
			strings.TrimSpace(strings.TrimLeft(body[s:e], "# ")) == headline {
			headline = "" // the headline, repeated as the first line
			continue
		}
		if list && e > s && linkLine(body[s:e]) {
			continue
		}
		list = e > s && c.listHeader(body[s:e])
		if e <= s || list || c.furniture(body[s:e]) {
			joined = false
			continue
		}
		if len(out) == 0 && dl.Place == "" {
			var skip int
			dl, skip = readDateline(body[s:e])
			s += skip
		}
		switch {
		case e <= s:
		case joined:
			out[len(out)-1].End = e
		default:
			out = append(out, paragraph{Start: s, End: e})
		}
		joined = wrapped
	}
	return out, dl
}

// listHeader reports whether a line heads a list of links to other
// stories ("Related stories", "MOST READ", "Read more:").
func (c cleaner) listHeader(line string) bool {
	low := strings.ToLower(strings.TrimRight(strings.TrimSpace(line), " :|"))
	return furnitureListHeaders[low]
}

// linkLine reports whether a line under a list header is one of its links:
// a bullet, or a short headline with no closing full stop.
func linkLine(line string) bool {
	t := strings.TrimSpace(line)
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "• ") {
		return true
	}
	return len(t) < 120 && !strings.HasSuffix(t, ".")
}

// lineSpans returns the lines of body as [start, end) offsets, white space
// trimmed; a blank line has start == end.
func lineSpans(body string) [][2]int {
	var out [][2]int
	for start := 0; start <= len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		s, e := trimSpan(body, start, end)
		out = append(out, [2]int{s, e})
		start = end + 1
	}
	return out
}

// hardWrapped reports whether body is wrapped at a fixed width, so that a
// line break is not the end of a paragraph: at least two long lines of
// article text run on into the next line without ending a sentence.
func (c cleaner) hardWrapped(body string, lines [][2]int) bool {
	n := 0
	for i := 0; i+1 < len(lines) && n < 2; i++ {
		s, e := lines[i][0], lines[i][1]
		ns, ne := lines[i+1][0], lines[i+1][1]
		if e-s < 50 || ne <= ns || endsSentence(body[s:e]) || c.furniture(body[s:e]) ||
			c.furniture(body[ns:ne]) {
			continue
		}
		n++
	}
	return n >= 2
}

// endsSentence reports whether a line ends as a sentence or a quotation
// does.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:;\"')]\u201d\u2019\u2026", r)
}

// trimSpan narrows [s, e) of text to leave out surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// furniture reports whether a line is page furniture rather than article
// text.
func (c cleaner) furniture(line string) bool {
	line = strings.TrimSpace(line)
	long := len(line) > 160
	if long {
		line = line[:160] // furniture is short; its start is enough
	}
	low := strings.ToLower(line)
	low = strings.TrimRight(low, " .:|")
	low = strings.TrimSpace(strings.Trim(low, "-–— ")) // "- Advertisement -"
	if c.exact[low] {
		return true
	}
	for _, p := range c.prefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	if strings.Contains(low, "| follow us") || strings.Contains(low, "subscribe to our") {
		return true
	}
	words := countWords(low, 9)
	if words <= 6 && strings.HasPrefix(low, "by ") && !strings.ContainsAny(low, ".!?") {
		return true // byline
	}
	if words <= 8 && !strings.HasSuffix(strings.TrimSpace(line), ".") {
		for _, p := range c.shortPrefixes {
			if strings.HasPrefix(low, p) {
				return true // "Updated: 12:30 GMT", "Image source, Getty Images"
			}
		}
	}
	return !long && strings.Count(line, "|") >= 2 && !strings.ContainsAny(line, ".!?")
}

// countWords returns the number of words strings.Fields would find in s,
// counting no further than max.
func countWords(s string, max int) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			if n++; n >= max {
				return n
			}
		}
		in = !space
	}
	return n
}

// readDateline reads a dateline at the start of a paragraph ("ACCRA, May
// 30 -", "WASHINGTON (Reuters) —", "GENEVA, March 3 (AP) --") and returns
// it with the number of bytes it takes, or zero.
func readDateline(p string) (dateline, int) {
	i := 0
	for i < len(p) {
		r, size := utf8.DecodeRuneInString(p[i:])
		if unicode.IsUpper(r) || r == ' ' || r == '-' || r == '.' || r == '\'' {
			i += size
			continue
		}
		break
	}
	if j := strings.Index(p[:i], " -"); j > 0 {
		i = j // "MUSCAT - Sultan …": the capitals after the dash are the text's
	}
	place := strings.TrimSpace(p[:i])
	letters := 0
	for _, r := range place {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	mixed := false // "Dhaka, Jan 23 (IANS)": a place in title case
	if letters < 2 || i < len(p) && p[i] != ',' && p[i] != ' ' && p[i] != '(' {
		if i = titlePlace(p); i == 0 {
			return dateline{}, 0
		}
		place, mixed = p[:i], true
	} else if letters < 3 || i == 0 {
		return dateline{}, 0
	}
	rest := p[i:]
	date := ""
	if strings.HasPrefix(rest, ",") {
		k := strings.IndexAny(rest, "(-\u2013\u2014")
		if k < 0 || k > 30 {
			return dateline{}, 0
		}
		date = strings.TrimSpace(rest[1:k])
		rest = rest[k:]
	}
	region := ""
	if c := strings.LastIndexByte(date, ','); c >= 0 {
		region, date = strings.TrimSpace(date[:c]), strings.TrimSpace(date[c+1:])
	} else if !strings.ContainsAny(date, "0123456789") {
		region, date = date, "" // "KIGALI, Rwanda (AP) -"
	}
	rest = strings.TrimLeft(rest, " ")
	agency := false
	if strings.HasPrefix(rest, "(") {
		k := strings.IndexByte(rest, ')')
		if k < 0 || k > 30 {
			return dateline{}, 0
		}
		rest, agency = strings.TrimLeft(rest[k+1:], " "), true
	}
	if mixed && (!agency || !startsWithDigitDate(date)) {
		return dateline{}, 0 // a title-case place needs a date and an agency
	}
	dash := 0
	for _, d := range []string{"--", "-", "\u2013", "\u2014"} {
		if strings.HasPrefix(rest, d) {
			dash = len(d)
			break
		}
	}
	if dash == 0 && !mixed {
		return dateline{}, 0
	}
	rest = strings.TrimLeft(rest[dash:], " ")
	return dateline{Place: titleCase(place), Region: region, Date: date}, len(p) - len(rest)
}

// titlePlace returns the length of a place written in title case at the
// start of p and followed by a comma ("Dhaka, Jan 23 (IANS)", "New Delhi,
// …"): at most three capitalised words of letters, or zero.
func titlePlace(p string) int {
	c := strings.IndexByte(p, ',')
	if c <= 0 || c > 30 {
		return 0
	}
	words := strings.Fields(p[:c])
	if len(words) == 0 || len(words) > 3 {
		return 0
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return 0
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' {
				return 0
			}
		}
	}
	return c
}

// startsWithDigitDate reports whether a dateline's date is a month and a
// day ("Jan 23", "April 4").
func startsWithDigitDate(date string) bool {
	f := strings.Fields(date)
	return len(f) == 2 && f[1] != "" && f[1][0] >= '0' && f[1][0] <= '9'
}

// titleCase turns "BUENOS AIRES" into "Buenos Aires" and "AL-SABAH" into
// "Al-Sabah": a capital at the start of each word and after a hyphen or an
// apostrophe, small letters elsewhere.
func titleCase(s string) string {
	rs := []rune(strings.Join(strings.Fields(strings.ToLower(s)), " "))
	for i := range rs {
		if i == 0 || rs[i-1] == ' ' || rs[i-1] == '-' || rs[i-1] == '\'' {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}
