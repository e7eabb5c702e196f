package syntax

import (
	"fmt"
	"strings"
)

// ParseSpans analyses one sentence given as token spans of text (Universal
// Dependencies tokens, as Segmenter.Tokens returns them).
func (m *Model) ParseSpans(text string, spans []Span) *Parse {
	forms := make([]string, len(spans))
	for i, s := range spans {
		forms[i] = text[s.Start:s.End]
	}
	p := NewParse(m.Annotate(forms))
	p.Spans = spans
	return p
}

// ParseText cuts text into paragraphs (at blank lines) and sentences, and
// returns each sentence analysed, as CoNLL-U with "sent_id" and "text"
// comments and SpaceAfter=No where a token touches the next.
func (m *Model) ParseText(text string) []Sentence {
	seg := DefaultSegmenter()
	var out []Sentence
	for _, para := range paragraphs(text) {
		for _, words := range seg.Sentences(text, para.Start, para.End, 0) {
			var spans []Span
			for _, w := range words {
				spans = append(spans, SplitWord(text, w.Start, w.End)...)
			}
			p := m.ParseSpans(text, spans)
			first, last := spans[0].Start, spans[len(spans)-1].End
			s := Sentence{Words: p.Words, Comments: []string{
				fmt.Sprintf("# sent_id = %d", len(out)+1),
				"# text = " + strings.Join(strings.Fields(text[first:last]), " "),
			}}
			for i := range s.Words {
				if i+1 < len(spans) && spans[i+1].Start == spans[i].End {
					s.Words[i].Misc = "SpaceAfter=No"
				}
			}
			out = append(out, s)
		}
	}
	return out
}

// paragraphs returns the spans of text between blank lines.
func paragraphs(text string) []Span {
	var out []Span
	start := -1
	lineStart := 0
	for lineStart <= len(text) {
		end := strings.IndexByte(text[lineStart:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += lineStart
		}
		blank := strings.TrimSpace(text[lineStart:end]) == ""
		switch {
		case blank && start >= 0:
			out = append(out, Span{start, lineStart})
			start = -1
		case !blank && start < 0:
			start = lineStart
		}
		lineStart = end + 1
	}
	if start >= 0 {
		out = append(out, Span{start, len(text)})
	}
	return out
}
