package frames

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/syntax"
)

var (
	modelOnce sync.Once
	model     *syntax.Model
	modelErr  error
)

func testModel(t *testing.T) *syntax.Model {
	t.Helper()
	modelOnce.Do(func() { model, modelErr = syntax.Load() })
	if modelErr != nil {
		t.Fatal(modelErr)
	}
	return model
}

// input parses an example: its text without brackets, the mentions it
// marks (each its own entity, numbered in order).
func input(t *testing.T, ex Example) In {
	var text strings.Builder
	type span struct{ a, b int }
	var spans []span
	var kinds []string
	rest := ex.Text
	for {
		loc := mentionRe.FindStringSubmatchIndex(rest)
		if loc == nil {
			text.WriteString(rest)
			break
		}
		text.WriteString(rest[:loc[0]])
		a := text.Len()
		text.WriteString(rest[loc[2]:loc[3]])
		spans = append(spans, span{a, text.Len()})
		kinds = append(kinds, rest[loc[4]:loc[5]])
		rest = rest[loc[1]:]
	}
	s := text.String()
	toks := syntax.DefaultSegmenter().Tokens(s, 0, len(s))
	p := testModel(t).ParseSpans(s, toks)
	in := In{Parse: p}
	for i, sp := range spans {
		m := Mention{Start: -1, Entity: i, Type: MentionKind(kinds[i])}
		for k, tk := range toks {
			if tk.Start >= sp.a && tk.End <= sp.b {
				if m.Start < 0 {
					m.Start = k
				}
				m.End = k + 1
			}
		}
		if m.Start < 0 {
			t.Fatalf("line %d: mention %d has no word", ex.Line, i)
		}
		in.Mentions = append(in.Mentions, m)
	}
	return in
}

func edgeStrings(es []Edge, rel string) []string {
	var out []string
	for _, e := range es {
		if string(e.Relation) != rel {
			continue
		}
		s := fmt.Sprintf("%d>%d", e.Src, e.Dst)
		if e.Planned {
			s += " planned"
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func conllu(p *syntax.Parse) string {
	var b strings.Builder
	for i, w := range p.Words {
		fmt.Fprintf(&b, "  %d %s %s %s %d %s\n", i, w.Form, w.Lemma, w.UPOS, w.Head-1, w.Deprel)
	}
	return b.String()
}

// TestFrameExamples runs every frame's examples and counterexamples through
// the parser and the whole set of frames.
func TestFrameExamples(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range set.Frames {
		t.Run(fr.Name, func(t *testing.T) {
			for _, ex := range fr.Examples {
				in := input(t, ex)
				var want []string
				for _, e := range ex.Edges {
					s := fmt.Sprintf("%d>%d", e.Src, e.Dst)
					if e.Planned {
						s += " planned"
					}
					want = append(want, s)
				}
				slices.Sort(want)
				got := edgeStrings(set.Run(in), string(fr.Relation))
				if !slices.Equal(got, want) {
					t.Errorf("frames.txt:%d: %s\n got %v, want %v\n%s", ex.Line, ex.Text, got, want, conllu(in.Parse))
				}
			}
			for _, ex := range fr.Counters {
				in := input(t, ex)
				if got := edgeStrings(set.Run(in), string(fr.Relation)); len(got) > 0 {
					t.Errorf("frames.txt:%d: counterexample %s\n got %v\n%s", ex.Line, ex.Text, got, conllu(in.Parse))
				}
			}
		})
	}
}

// TestMalformedFramesFail checks that the decoder names the line of a
// mistake.
func TestMalformedFramesFail(t *testing.T) {
	good := "class negator not\nclass cancel decline\nclass plan plan\nclass future will\nclass hedge could\nclass planned planned\nclass question whether\nclass unfulfilled had\n"
	frame := "frame f\n  relation MET\n  cameo 040\n  plover CONSULT\n  verb meet\n  subject subj : actor\n  object obj : actor\n  example [A B|person] met [C D|person]. => 0>1\n  counter [A B|person] did not meet [C D|person].\n"
	if _, err := Parse("t", good+frame); err != nil {
		t.Fatalf("good file: %v", err)
	}
	for _, tc := range []struct{ name, text, want string }{
		{"unknown relation", strings.Replace(frame, "MET", "GREETED", 1), "t:10: unknown relation"},
		{"typo in key", strings.Replace(frame, "verb", "verbs", 1), "t:13: unknown frame line"},
		{"unknown path", strings.Replace(frame, "obj :", "object :", 1), "t:15: object: unknown path"},
		{"unknown kind", strings.Replace(frame, "subj : actor", "subj : people", 1), "unknown kind"},
		{"no counterexample", strings.Replace(frame, "  counter [A B|person] did not meet [C D|person].\n", "", 1), "needs at least one example and one counterexample"},
		{"bad edge", strings.Replace(frame, "0>1", "0-1", 1), "bad edge"},
		{"repeated frame", frame + frame, "repeated frame name"},
		{"empty object-not-before", strings.Replace(frame, "  verb meet\n", "  verb meet\n  object-not-before\n", 1), "t:14: object-not-before with no word"},
		{"unknown class", "class nope x\n" + frame, "unknown word class"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t", good+tc.text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, err := Parse("t", frame); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing classes: got %v", err)
	}
	if _, err := Parse("t", strings.Replace(good, "class unfulfilled had\n", "", 1)+frame); err == nil ||
		!strings.Contains(err.Error(), `word class "unfulfilled" missing`) {
		t.Errorf("one missing class: got %v", err)
	}
}

// TestFrameCodesAgreeWithSchema checks every frame's CAMEO and PLOVER codes
// against its relation type's in schema, the one source of truth.
func TestFrameCodesAgreeWithSchema(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range set.Frames {
		info, _ := schema.Info(fr.Relation)
		want := [2]string{info.Cameo, info.Plover}
		for i := range want {
			if want[i] == "" {
				want[i] = "-"
			}
		}
		if got := [2]string{fr.Cameo, fr.Plover}; got != want {
			t.Errorf("frame %s (%s): codes %v, schema says %v", fr.Name, fr.Relation, got, want)
		}
	}
}

// TestCandidateCoversExamples checks that every example of every frame
// passes the surface filter, so that no sentence a frame reads goes
// unparsed.
func TestCandidateCoversExamples(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range set.Frames {
		if len(fr.Mentions) > 0 {
			continue
		}
		for _, ex := range fr.Examples {
			text := mentionRe.ReplaceAllString(ex.Text, "$1")
			var words []string
			for _, sp := range syntax.DefaultSegmenter().Tokens(text, 0, len(text)) {
				words = append(words, strings.ToLower(text[sp.Start:sp.End]))
			}
			if !set.Candidate(words) {
				t.Errorf("frames.txt:%d: no trigger form found in %q", ex.Line, text)
			}
		}
	}
	if set.Candidate([]string{"the", "weather", "was", "fine"}) {
		t.Error("a sentence with no trigger is a candidate")
	}
}

// TestSoleFrames checks that a sentence the surface rules read runs only
// the sole frames, and that only their triggers make it a candidate.
func TestSoleFrames(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := parseExample("[Tomas Reyes|person] called on [Ana Ortiz|person] and met [Marta Velasquez|person]. => 0>1, 0>2", true)
	if err != nil {
		t.Fatal(err)
	}
	in := input(t, ex)
	if got := edgeStrings(set.Run(in), "MET"); len(got) != 2 {
		t.Fatalf("all frames: got %v, want two meetings", got)
	}
	in.SoleOnly = true
	got := edgeStrings(set.Run(in), "MET")
	if len(got) != 1 || got[0] != "0>1" {
		t.Errorf("sole frames only: got %v, want [0>1] (the call on Ortiz; meeting Velasquez is a rule's)", got)
	}
	if !set.SoleCandidate([]string{"she", "called", "on", "him"}) {
		t.Error("a sole trigger's form is no sole candidate")
	}
	if set.SoleCandidate([]string{"she", "met", "him"}) {
		t.Error("a trigger of a frame that is not sole is a sole candidate")
	}
}
