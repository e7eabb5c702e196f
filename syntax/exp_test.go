package syntax

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
	"time"
)

func readTB(t testing.TB, name string) []Sentence {
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

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func TestExpAll(t *testing.T) {
	if os.Getenv("EXP") == "" {
		t.Skip()
	}
	train, dev := readTB(t, "en_ewt-ud-train.conllu"), readTB(t, "en_ewt-ud-dev.conllu")
	opt := DefaultTrainOptions
	opt.ParserEpochs = envInt("EPOCHS", opt.ParserEpochs)
	opt.MinCount = envInt("MINCOUNT", opt.MinCount)
	if k := envInt("ONLY", -1); k >= 0 {
		opt.Parsers = opt.Parsers[k : k+1]
	}
	opt.Logf = func(f string, a ...any) { t.Logf(time.Now().Format("15:04:05 ")+f, a...) }
	const cache = "/tmp/syntax-jk.json"
	if b, err := os.ReadFile(cache); err == nil {
		json.Unmarshal(b, &opt.Jackknifed)
	} else {
		opt.Jackknifed = Jackknife(train, opt)
		b, _ := json.Marshal(opt.Jackknifed)
		os.WriteFile(cache, b, 0o644)
	}
	m, err := Train(train, opt)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := Score(dev, m.AnnotateAll(dev))
	t.Log("dev ", sc)
	if os.Getenv("SAVE") != "" {
		f, _ := os.Create(os.Getenv("SAVE"))
		m.Write(f)
		f.Close()
	}
}

func TestExpTagger(t *testing.T) {
	if os.Getenv("EXPTAG") == "" {
		t.Skip()
	}
	train := readTB(t, "en_ewt-ud-train.conllu")
	t0 := time.Now()
	tg := trainTagger(train, envInt("TEPOCHS", 8), 1)
	t.Logf("trained in %v, %d weights, dict %d", time.Since(t0), tg.model.size(), len(tg.dict))
	lm := trainLemmatizer(train)
	for _, split := range []string{"dev", "test"} {
		dev := readTB(t, "en_ewt-ud-"+split+".conllu")
		pred := make([]Sentence, len(dev))
		for i, s := range dev {
			cls := tg.tag(wordInfos(s.Forms()))
			p := Sentence{Words: append([]Word(nil), s.Words...)}
			for k := range p.Words {
				p.Words[k].UPOS, p.Words[k].XPOS = tg.upos[cls[k]], tg.xpos[cls[k]]
				p.Words[k].Lemma = lm.lemma(p.Words[k].Form, p.Words[k].XPOS)
			}
			pred[i] = p
		}
		sc, _ := Score(dev, pred)
		t.Log(split, sc)
		if f, err := os.Create("/tmp/pred-" + split + ".conllu"); err == nil {
			WriteCoNLLU(f, pred)
			f.Close()
		}
	}
}

func TestExpLemmaPred(t *testing.T) {
	if os.Getenv("EXPLEM") == "" {
		t.Skip()
	}
	train := readTB(t, "en_ewt-ud-train.conllu")
	lm := trainLemmatizer(train)
	t.Logf("exact %d lower %d edits %d any %d", len(lm.exact), len(lm.lower), len(lm.edits), len(lm.any))
	for _, split := range []string{"dev", "test"} {
		gold := readTB(t, "en_ewt-ud-"+split+".conllu")
		f, _ := os.Open("/tmp/pred-" + split + ".conllu")
		pred, _ := ReadCoNLLU(f)
		f.Close()
		for i := range pred {
			for k := range pred[i].Words {
				w := &pred[i].Words[k]
				w.Lemma = lm.lemma(w.Form, w.XPOS)
				w.Deps = gold[i].Words[k].Lemma + "|" + gold[i].Words[k].XPOS
			}
		}
		sc, _ := Score(gold, pred)
		t.Log(split, sc)
		if f, err := os.Create("/tmp/lem-" + split + ".conllu"); err == nil {
			WriteCoNLLU(f, pred)
			f.Close()
		}
	}
}
