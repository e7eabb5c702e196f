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
