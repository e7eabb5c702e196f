package syntax

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestNewsGolden parses the invented news sentences of testdata/news.golden
// and checks the heads, relations and read-API answers written there.
func TestNewsGolden(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/news.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		knownMisses, fixed []string
		p                  *Parse
		text               string
		sents              int
		checks             int
		failures           []string
	)
	find := func(ref string) int {
		form, nth := ref, 1
		if k := strings.LastIndexByte(ref, '#'); k > 0 {
			form = ref[:k]
			nth, _ = strconv.Atoi(ref[k+1:])
		}
		for i, w := range p.Words {
			if w.Form == form {
				if nth--; nth == 0 {
					return i
				}
			}
		}
		t.Fatalf("%q: no word %q", text, ref)
		return -1
	}
	forms := func(idx []int) string {
		var out []string
		for _, i := range idx {
			out = append(out, p.Words[i].Form)
		}
		return strings.Join(out, " ")
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, ">") {
			text = strings.TrimSpace(line[1:])
			seg := DefaultSegmenter()
			var spans []Span
			for _, w := range seg.Words(text, 0, len(text)) {
				spans = append(spans, SplitWord(text, w.Start, w.End)...)
			}
			p = m.ParseSpans(text, spans)
			sents++
			continue
		}
		checks++
		known := strings.HasPrefix(line, "!")
		line = strings.TrimSpace(strings.TrimPrefix(line, "!"))
		missed := false
		fail := func(got string) {
			missed = true
			if known {
				knownMisses = append(knownMisses, text+"\n    want: "+line+"\n    got:  "+got)
			} else {
				failures = append(failures, text+"\n    want: "+line+"\n    got:  "+got)
			}
		}
		func() {
			fields := strings.Fields(line)
			if eq := slices.Index(fields, "="); eq >= 0 {
				want := strings.Join(fields[eq+1:], " ")
				w := find(fields[1])
				var got string
				switch fields[0] {
				case "subject":
					if s := p.Subject(w); s >= 0 {
						got = p.Words[s].Form
					}
				case "objects":
					got = forms(p.Objects(w))
				case "conjuncts":
					got = forms(p.Conjuncts(w))
				case "name":
					s, e := p.NameSpan(w)
					got = forms(seq(s, e))
				case "agent":
					if a := p.Agent(w); a >= 0 {
						got = p.Words[a].Form
					}
				default:
					t.Fatalf("unknown check %q", line)
				}
				if got != want {
					fail(got)
				}
				return
			}
			switch {
			case fields[0] == "passive":
				if !p.IsPassive(find(fields[1])) {
					fail("not passive")
				}
			case len(fields) == 2 && fields[1] == "root":
				if d := find(fields[0]); p.Head(d) != -1 {
					fail(p.Rel(d) + " of " + p.Words[p.Head(d)].Form)
				}
			case len(fields) == 3:
				d, h := find(fields[0]), find(fields[2])
				if p.Head(d) != h || p.Rel(d) != fields[1] {
					head := "ROOT"
					if p.Head(d) >= 0 {
						head = p.Words[p.Head(d)].Form
					}
					fail(p.Rel(d) + " of " + head)
				}
			default:
				t.Fatalf("malformed line %q", line)
			}
		}()
		if known && !missed {
			fixed = append(fixed, text+": "+line)
		}
	}
	if sents < 30 {
		t.Fatalf("only %d sentences", sents)
	}
	for _, f := range failures {
		t.Error(f)
	}
	for _, f := range fixed {
		t.Errorf("a known miss is now right (remove its '!'): %s", f)
	}
	for _, f := range knownMisses {
		t.Log("known miss: " + f)
	}
	t.Logf("%d sentences, %d checks: %d right, %d known misses, %d new failures",
		sents, checks, checks-len(knownMisses)-len(failures), len(knownMisses), len(failures))
}

func seq(s, e int) []int {
	var out []int
	for i := s; i < e; i++ {
		out = append(out, i)
	}
	return out
}
