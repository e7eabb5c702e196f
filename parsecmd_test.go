package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/syntax"
)

func TestParseText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	text := "Gen. Amara Diallo met the U.S. envoy in Dakar on Monday. They didn't sign.\n\nA second paragraph follows here.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code := parseCmd([]string{path}, nil, &out); code != 0 {
		t.Fatalf("parse exited %d", code)
	}
	sents, err := syntax.ReadCoNLLU(&out)
	if err != nil {
		t.Fatalf("the output is not CoNLL-U: %v", err)
	}
	if len(sents) != 3 {
		t.Fatalf("%d sentences, want 3", len(sents))
	}
	var forms []string
	for _, w := range sents[1].Words {
		forms = append(forms, w.Form)
	}
	if got := strings.Join(forms, " "); got != "They did n't sign ." {
		t.Errorf("second sentence tokens %q", got)
	}
	first := sents[0]
	if first.Words[0].Form != "Gen." || first.Words[5].Form != "U.S." {
		t.Errorf("abbreviations split: %v", first.Words[:6])
	}
	for _, s := range sents {
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
			if w.UPOS == "" || w.Lemma == "" || w.Deprel == "" {
				t.Errorf("word %q lacks a column: %+v", w.Form, w)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %v has %d roots", s.Comments, roots)
		}
	}
}

func TestParseCoNLLUKeepsTokens(t *testing.T) {
	in := "# sent_id = x1\n# text = We don't know.\n" +
		"1\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
		"4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
	var out bytes.Buffer
	if code := parseCmd([]string{"--conllu", "-"}, strings.NewReader(in), &out); code != 0 {
		t.Fatalf("parse --conllu exited %d", code)
	}
	got := out.String()
	for _, want := range []string{"# sent_id = x1\n", "\n2-3\tdon't\t", "\tSpaceAfter=No\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	sents, err := syntax.ReadCoNLLU(strings.NewReader(got))
	if err != nil || len(sents) != 1 || len(sents[0].Words) != 5 {
		t.Fatalf("read back %d sentences, err %v", len(sents), err)
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "b.txt")
	os.WriteFile(bin, []byte("abc\x00def"), 0o644)
	bad := filepath.Join(dir, "b.conllu")
	os.WriteFile(bad, []byte("1\tx\n"), 0o644)
	for _, args := range [][]string{{bin}, {"--conllu", bad}, {filepath.Join(dir, "missing")}, {}} {
		var out bytes.Buffer
		if code := parseCmd(args, strings.NewReader(""), &out); code == 0 {
			t.Errorf("parse %v succeeded", args)
		}
	}
}
