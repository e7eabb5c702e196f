package syntax

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

const sampleCoNLLU = `# sent_id = 1
# text = They don't agree.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	agree	agree	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

func TestCoNLLURoundTrip(t *testing.T) {
	// Fix the sample's heads (written by hand above) and round-trip it.
	in := strings.Replace(sampleCoNLLU, "1\tThey\tthey\tPRON\tPRP\t_\t3", "1\tThey\tthey\tPRON\tPRP\t_\t4", 1)
	sents, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Words) != 5 || len(sents[0].Extra) != 1 {
		t.Fatalf("read %+v", sents)
	}
	var buf bytes.Buffer
	if err := WriteCoNLLU(&buf, sents); err != nil {
		t.Fatal(err)
	}
	if buf.String() != in {
		t.Errorf("round trip changed the file:\n%s\nwant:\n%s", buf.String(), in)
	}
}

func TestCoNLLUErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1\tx\tx\tX\tX\t_\t0\troot\t_\n", "line 1: 9 columns"},
		{"2\tx\tx\tX\tX\t_\t0\troot\t_\t_\n", "line 1: word ID \"2\", want 1"},
		{"1\tx\tx\tX\tX\t_\tz\troot\t_\t_\n", "line 1: head \"z\""},
		{"1\tx\tx\tX\tX\t_\t5\troot\t_\t_\n", "head 5 beyond the sentence"},
	} {
		_, err := ReadCoNLLU(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadCoNLLU(%q) = %v, want an error with %q", c.in, err, c.want)
		}
	}
}

func TestSplitWord(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"don't", "do|n't"}, {"can't", "ca|n't"}, {"won’t", "wo|n’t"}, {"cannot", "can|not"},
		{"we'll", "we|'ll"}, {"they're", "they|'re"}, {"I'm", "I|'m"},
		{"Al-Zaman", "Al|-|Zaman"}, {"el-Sisi", "el|-|Sisi"}, {"2021-2022", "2021|-|2022"},
		{"e-mail", "e-mail"}, {"non-profit", "non-profit"}, {"co-operate", "co-operate"},
		{"well-known", "well|-|known"}, {"U.S.", "U.S."}, {"O'Brien", "O'Brien"},
		{"Guinea-Bissau", "Guinea|-|Bissau"}, {"self-defence", "self|-|defence"},
	} {
		var parts []string
		for _, sp := range SplitWord(c.in, 0, len(c.in)) {
			parts = append(parts, c.in[sp.Start:sp.End])
		}
		if got := strings.Join(parts, "|"); got != c.want {
			t.Errorf("SplitWord(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	seg := DefaultSegmenter()
	for _, c := range []struct{ in, want string }{
		{"Gen. Haddad met the U.S. envoy. They spoke.", "Gen. Haddad met the U.S. envoy .|They spoke ."},
		{"It rose in the U.S. The talks ended.", "It rose in the U.S.|The talks ended ."},
		{`"We agree," he said. B. Tsogt replied.`, `" We agree , " he said .|B. Tsogt replied .`},
		{"Talks begin Jan. 5 in Doha.", "Talks begin Jan. 5 in Doha ."},
		{"He met Hun Sen.", "He met Hun Sen ."},
		{"Egypt's envoy left.", "Egypt 's envoy left ."},
	} {
		var sents []string
		for _, s := range seg.Sentences(c.in, 0, len(c.in), 0) {
			var ws []string
			for _, w := range s {
				ws = append(ws, c.in[w.Start:w.End])
			}
			sents = append(sents, strings.Join(ws, " "))
		}
		if got := strings.Join(sents, "|"); got != c.want {
			t.Errorf("Sentences(%q) = %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestLemmaEdits(t *testing.T) {
	for _, c := range []struct{ form, lemma string }{
		{"studies", "study"}, {"Talks", "talk"}, {"met", "meet"}, {"Kenya", "Kenya"}, {"went", "go"},
	} {
		e := lemmaEdit(c.form, c.lemma)
		if got, ok := applyEdit(c.form, e); !ok || got != c.lemma {
			t.Errorf("edit %q of %q gives %q, want %q", e, c.form, got, c.lemma)
		}
	}
}

func gzipOf(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	zw.Close()
	return buf.Bytes()
}

func TestWordInfoViews(t *testing.T) {
	for _, f := range []string{"McCain", "2021", "U.S.", "a", "Éire-Nua", "the", "naïveté", "--"} {
		wi := newWordInfo(f)
		if wi.shape != hashString(shapeOf(f)) {
			t.Errorf("%q: shape hash differs from the shape's", f)
		}
		low := []rune(strings.ToLower(f))
		for k := 1; k <= 4; k++ {
			want := hashString(strings.ToLower(f)) ^ uint64(k)
			if len(low) >= k {
				want = hashString(string(low[len(low)-k:])) ^ uint64(k)
			}
			if wi.suf[k-1] != want {
				t.Errorf("%q: suffix %d differs", f, k)
			}
		}
		for k := 1; k <= 3; k++ {
			want := hashString(strings.ToLower(f)) ^ uint64(k<<8)
			if len(low) >= k {
				want = hashString(string(low[:k])) ^ uint64(k<<8)
			}
			if wi.pre[k-1] != want {
				t.Errorf("%q: prefix %d differs", f, k)
			}
		}
	}
}
