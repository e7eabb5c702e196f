package syntax

import (
	"os"
	"testing"
	"time"
)

func readTB(t *testing.T, name string) []Sentence {
	f, err := os.Open("../../shared/data/ud-english-ewt/" + name)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	s, err := ReadCoNLLU(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestExpTagger(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	train, dev := readTB(t, "en_ewt-ud-train.conllu"), readTB(t, "en_ewt-ud-dev.conllu")
	t0 := time.Now()
	tg := trainTagger(train, 8, 1)
	t.Logf("trained in %v, %d weights, dict %d", time.Since(t0), tg.model.size(), len(tg.dict))
	pred := make([]Sentence, len(dev))
	for i, s := range dev {
		cls := tg.tag(wordInfos(s.Forms()))
		p := Sentence{Words: append([]Word(nil), s.Words...)}
		for k := range p.Words {
			p.Words[k].UPOS, p.Words[k].XPOS = tg.upos[cls[k]], tg.xpos[cls[k]]
		}
		pred[i] = p
	}
	sc, _ := Score(dev, pred)
	t.Log(sc)
}

func TestExpLemma(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	train, dev := readTB(t, "en_ewt-ud-train.conllu"), readTB(t, "en_ewt-ud-dev.conllu")
	lm := trainLemmatizer(train)
	t.Logf("exact %d lower %d edits %d", len(lm.exact), len(lm.lower), len(lm.edits))
	pred := make([]Sentence, len(dev))
	for i, s := range dev {
		p := Sentence{Words: append([]Word(nil), s.Words...)}
		for k := range p.Words {
			p.Words[k].Lemma = lm.lemma(p.Words[k].Form, p.Words[k].XPOS)
		}
		pred[i] = p
	}
	sc, _ := Score(dev, pred)
	t.Log(sc)
	n := 0
	for i := range dev {
		for k := range dev[i].Words {
			if g, p := dev[i].Words[k], pred[i].Words[k]; g.Lemma != p.Lemma && n < 30 {
				t.Logf("%s/%s gold %s got %s", g.Form, g.XPOS, g.Lemma, p.Lemma)
				n++
			}
		}
	}
}

func TestExpAll(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	train, dev := readTB(t, "en_ewt-ud-train.conllu"), readTB(t, "en_ewt-ud-dev.conllu")
	opt := DefaultTrainOptions
	opt.Logf = func(f string, a ...any) { t.Logf(time.Now().Format("15:04:05 ")+f, a...) }
	m, err := Train(train, opt)
	if err != nil {
		t.Fatal(err)
	}
	pred := make([]Sentence, len(dev))
	for i, s := range dev {
		pred[i] = Sentence{Words: m.Annotate(s.Forms())}
	}
	sc, _ := Score(dev, pred)
	t.Log(sc)
}
