package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a CoNLL-U sentence: the ten columns, with
// ID and Head as numbers (Head 0 is the root, -1 not yet known).
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// Sentence is one CoNLL-U sentence: its comment lines, its syntactic words
// (IDs 1..n) and the lines it carries that are not words of the basic
// tree — multiword token ranges ("3-4") and empty nodes ("5.1") — kept as
// written, each placed before the word whose ID it precedes.
type Sentence struct {
	Comments []string
	Words    []Word
	Extra    []ExtraLine
}

// ExtraLine is a multiword-token or empty-node line, kept verbatim. Before
// is the index in Words of the word it is printed before (len(Words) for
// the end).
type ExtraLine struct {
	Before int
	Line   string
}

// Forms returns the word forms of s.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// ReadCoNLLU reads every sentence of a CoNLL-U stream. A malformed line is
// an error naming its line number.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	var out []Sentence
	var cur Sentence
	n := 0
	flush := func() {
		if len(cur.Words) > 0 || len(cur.Comments) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		switch {
		case line == "":
			flush()
			continue
		case strings.HasPrefix(line, "#"):
			cur.Comments = append(cur.Comments, line)
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d columns, want 10", n, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			cur.Extra = append(cur.Extra, ExtraLine{Before: len(cur.Words), Line: line})
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu line %d: word ID %q, want %d", n, cols[0], len(cur.Words)+1)
		}
		head := -1
		if cols[6] != "_" {
			if head, err = strconv.Atoi(cols[6]); err != nil || head < 0 {
				return nil, fmt.Errorf("conllu line %d: head %q is not a word ID", n, cols[6])
			}
		}
		cur.Words = append(cur.Words, Word{ID: id, Form: cols[1], Lemma: cols[2], UPOS: cols[3],
			XPOS: cols[4], Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu line %d: %w", n+1, err)
	}
	flush()
	for i, s := range out {
		for _, w := range s.Words {
			if w.Head > len(s.Words) {
				return nil, fmt.Errorf("conllu sentence %d: word %d has head %d beyond the sentence", i+1, w.ID, w.Head)
			}
		}
	}
	return out, nil
}

// WriteCoNLLU writes sentences in CoNLL-U, one blank line after each.
func WriteCoNLLU(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		e := 0
		for i, wd := range s.Words {
			for e < len(s.Extra) && s.Extra[e].Before <= i {
				bw.WriteString(s.Extra[e].Line)
				bw.WriteByte('\n')
				e++
			}
			head := "_"
			if wd.Head >= 0 {
				head = strconv.Itoa(wd.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", wd.ID, blank(wd.Form), blank(wd.Lemma),
				blank(wd.UPOS), blank(wd.XPOS), blank(wd.Feats), head, blank(wd.Deprel), blank(wd.Deps), blank(wd.Misc))
		}
		for ; e < len(s.Extra); e++ {
			bw.WriteString(s.Extra[e].Line)
			bw.WriteByte('\n')
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func blank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
