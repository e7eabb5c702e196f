// Command syntax-train trains the syntax model from Universal Dependencies
// English EWT and writes it where the syntax package embeds it:
//
//	go run ./syntax/cmd/syntax-train -treebank ../shared/data/ud-english-ewt \
//	    -out syntax/model/en_ewt.model.gz
//
// Training is deterministic (fixed seed, sorted tables): the same treebank
// gives the same bytes. After training it reports the model's scores on the
// treebank's dev and test files.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/diplograph/diplograph/syntax"
)

func main() {
	treebank := flag.String("treebank", "../shared/data/ud-english-ewt", "folder of en_ewt-ud-{train,dev,test}.conllu")
	out := flag.String("out", "syntax/model/en_ewt.model.gz", "model file to write")
	version := flag.String("version", "2.16", "treebank version, recorded in the model")
	flag.Parse()
	log.SetFlags(0)
	read := func(split string) []syntax.Sentence {
		path := filepath.Join(*treebank, "en_ewt-ud-"+split+".conllu")
		f, err := os.Open(path)
		if err != nil {
			log.Fatalf("syntax-train: %v", err)
		}
		defer f.Close()
		s, err := syntax.ReadCoNLLU(f)
		if err != nil {
			log.Fatalf("syntax-train: %s: %v", path, err)
		}
		return s
	}
	train := read("train")
	opt := syntax.DefaultTrainOptions
	start := time.Now()
	opt.Logf = func(format string, args ...any) {
		log.Printf("%6.0fs  %s", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	m, err := syntax.Train(train, opt)
	if err != nil {
		log.Fatalf("syntax-train: %v", err)
	}
	m.Info = fmt.Sprintf("Trained by diplograph's syntax-train on Universal Dependencies English EWT v%s, "+
		"train split (%d sentences; github.com/UniversalDependencies/UD_English-EWT). "+
		"Licence: CC BY-SA 4.0, as the treebank. Settings: tagger epochs %d, parser epochs %d, "+
		"jackknife folds %d, feature min count %d, seed %d, parsers %d, weights below %g pruned.",
		*version, len(train), opt.TaggerEpochs, opt.ParserEpochs, opt.Folds, opt.MinCount, opt.Seed,
		len(opt.Parsers), opt.PruneWeight)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		log.Fatalf("syntax-train: %v", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatalf("syntax-train: %v", err)
	}
	log.Printf("wrote %s (%.1f MB)", *out, float64(buf.Len())/1e6)
	// Score what was written, as the package will load it.
	loaded, err := syntax.ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		log.Fatalf("syntax-train: reading back: %v", err)
	}
	for _, split := range []string{"dev", "test"} {
		gold := read(split)
		sc, err := syntax.Score(gold, loaded.AnnotateAll(gold))
		if err != nil {
			log.Fatalf("syntax-train: %v", err)
		}
		log.Printf("%-4s %v", split, sc)
	}
}
