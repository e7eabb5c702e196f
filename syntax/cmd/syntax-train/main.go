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
	"compress/gzip"
	"encoding/json"
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
	clusters := flag.String("clusters", "", "word cluster table (cmd/syntax-clusters, syntax/model/clusters.tsv.gz); empty for none")
	rareBelow := flag.Int("rare-below", syntax.DefaultTrainOptions.ClusterRareBelow, "parser reads words seen fewer times in train by their cluster")
	clusterFeats := flag.Int("cluster-features", syntax.DefaultTrainOptions.ClusterFeatures, "parser's cluster templates: 0 none, 1 stack and buffer words, 2 also children")
	jkCache := flag.String("jackknife-cache", "", "file keeping the jackknifed training tags between runs (experiments only)")
	parserEpochs := flag.Int("parser-epochs", syntax.DefaultTrainOptions.ParserEpochs, "parser training epochs")
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
	opt.ClusterRareBelow, opt.ClusterFeatures, opt.ParserEpochs = *rareBelow, *clusterFeats, *parserEpochs
	clusterNote := ""
	if *clusters != "" {
		f, err := os.Open(*clusters)
		if err != nil {
			log.Fatalf("syntax-train: %v", err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			log.Fatalf("syntax-train: %s: %v", *clusters, err)
		}
		opt.Clusters, err = syntax.ReadClusters(zr)
		f.Close()
		if err != nil {
			log.Fatalf("syntax-train: %s: %v", *clusters, err)
		}
		clusterNote = fmt.Sprintf(", word clusters of %s (%d words; parser reads words seen fewer than %d times by class; cluster templates level %d)",
			filepath.Base(*clusters), len(opt.Clusters), opt.ClusterRareBelow, opt.ClusterFeatures)
	}
	start := time.Now()
	opt.Logf = func(format string, args ...any) {
		log.Printf("%6.0fs  %s", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}
	if *jkCache != "" {
		opt.Jackknifed = jackknifed(*jkCache, train, opt)
	}
	m, err := syntax.Train(train, opt)
	if err != nil {
		log.Fatalf("syntax-train: %v", err)
	}
	m.Info = fmt.Sprintf("Trained by diplograph's syntax-train on Universal Dependencies English EWT v%s, "+
		"train split (%d sentences; github.com/UniversalDependencies/UD_English-EWT). "+
		"Licence: CC BY-SA 4.0, as the treebank. Settings: tagger epochs %d, parser epochs %d, "+
		"jackknife folds %d, feature min count %d, seed %d, parsers %d, weights below %g pruned%s.",
		*version, len(train), opt.TaggerEpochs, opt.ParserEpochs, opt.Folds, opt.MinCount, opt.Seed,
		len(opt.Parsers), opt.PruneWeight, clusterNote)
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

// jackknifed reads the jackknifed tags from cache, or computes and writes
// them there: experiments that change only the parser skip the fold
// taggers (the tags are the same either way, so the model bytes are too).
func jackknifed(cache string, train []syntax.Sentence, opt syntax.TrainOptions) [][]string {
	if b, err := os.ReadFile(cache); err == nil {
		var jk [][]string
		if err := json.Unmarshal(b, &jk); err != nil {
			log.Fatalf("syntax-train: %s: %v", cache, err)
		}
		opt.Logf("jackknifed tags read from %s", cache)
		return jk
	}
	jk := syntax.Jackknife(train, opt)
	b, err := json.Marshal(jk)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(cache, b, 0o644); err != nil {
		log.Fatalf("syntax-train: %v", err)
	}
	return jk
}
