package syntax

import "strings"

// Sentences cuts text[start:end] (one paragraph) into sentences of words.
// A sentence ends at ".", "!", "?" or "…" — after any closing quotes or
// brackets that follow at once — when the next word can start a sentence
// (a capital, a digit, an opening quote or bracket). A dotted abbreviation
// ("U.S.") ends one only before a word in Starters ("… in the U.S. The
// talks …"). maxWords > 0 cuts longer runs into pieces.
func (sg Segmenter) Sentences(text string, start, end, maxWords int) [][]Span {
	words := sg.Words(text, start, end)
	var out [][]Span
	add := func(ws []Span) {
		for maxWords > 0 && len(ws) > maxWords {
			out = append(out, ws[:maxWords])
			ws = ws[maxWords:]
		}
		if len(ws) > 0 {
			out = append(out, ws)
		}
	}
	begin := 0
	for i := 0; i < len(words); i++ {
		if !sg.endsAt(text, words, i) {
			continue
		}
		j := i + 1
		for j < len(words) && isCloser(text[words[j].Start:words[j].End]) && words[j].Start == words[j-1].End {
			j++
		}
		if j < len(words) && !startsSentence(text[words[j].Start:words[j].End]) {
			continue
		}
		add(words[begin:j])
		begin, i = j, j-1
	}
	add(words[begin:])
	return out
}

func (sg Segmenter) endsAt(text string, words []Span, i int) bool {
	t := text[words[i].Start:words[i].End]
	switch t {
	case ".", "!", "?", "\u2026":
		return true
	}
	if !strings.HasSuffix(t, ".") || len(t) < 3 || !strings.Contains(t[:len(t)-1], ".") {
		return false
	}
	return i+1 < len(words) && sg.Starters[strings.ToLower(text[words[i+1].Start:words[i+1].End])]
}

func startsSentence(t string) bool {
	switch t {
	case "\"", "\u201c", "'", "\u2018", "(", "[":
		return true
	}
	return firstRuneUpper(t) || firstRuneDigit(t)
}

func isCloser(s string) bool {
	switch s {
	case "\"", "\u201d", "'", "\u2019", ")", "]":
		return true
	}
	return false
}
