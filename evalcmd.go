package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/diplograph/diplograph/evalset"
	"github.com/diplograph/diplograph/loader"
)

// evalCmd is `diplograph eval`: it extracts every article of a gold folder
// in-process and scores it as ../shared/eval/score.py does, printing the
// same lines and the same figures (only the seconds differ: no process is
// started per article). The status is 0; 1 when a floor is not met or a
// gold file cannot be read; 2 on bad usage or when extraction fails, where
// score.py stops too.
func evalCmd(args []string) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: diplograph eval --gold DIR [--verbose] "+
			"[--min-node-f1 F] [--min-edge-f1 F] [--min-date-acc F]\n\n"+
			"Scores the extractor against NAME.gold.json files as ../shared/eval/score.py "+
			"does.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	gold := fs.String("gold", "",
		"folder of NAME.gold.json files and the articles they name (required)")
	verbose := fs.Bool("verbose", false, "list every miss and every spurious item")
	fs.BoolVar(verbose, "v", false, "short for --verbose")
	minNode := fs.Float64("min-node-f1", 0, "exit 1 when node F1 is below this")
	minEdge := fs.Float64("min-edge-f1", 0, "exit 1 when edge F1 is below this")
	minDate := fs.Float64("min-date-acc", 0, "exit 1 when date accuracy is below this")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *gold == "" || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	// The extractor is built on the first article, so that its set-up counts
	// in the seconds and its failure stops the run as score.py would.
	var x *loader.Extractor
	rep, err := evalset.ScoreDir(*gold, func(path, published string) (evalset.Prediction, error) {
		if x == nil {
			var err error
			if x, err = newExtractor(); err != nil {
				return evalset.Prediction{}, err
			}
		}
		return predict(x, path, published)
	})
	for _, line := range rep.Lines(*verbose) {
		fmt.Println(line)
	}
	var xe *evalset.ExtractError
	if errors.As(err, &xe) {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if err != nil {
		return fail(err)
	}
	fmt.Println(rep.Totals.Format())
	if short := rep.Totals.Below(*minNode, *minEdge, *minDate); len(short) > 0 {
		fmt.Fprintln(os.Stderr, evalset.FloorMessage(short))
		return 1
	}
	return 0
}

// predict extracts the article at path as `diplograph extract --json
// --published DATE PATH` does and reads back its evaluation JSON.
func predict(x *loader.Extractor, path, published string) (evalset.Prediction, error) {
	var p evalset.Prediction
	docs, err := loader.ReadFile(path, loader.ReadOptions{})
	if len(docs) == 0 {
		if err == nil {
			err = fmt.Errorf("%s: no article in file", path)
		}
		return p, err
	}
	doc := docs[0]
	if published != "" {
		doc.Published = published
	}
	b, err := x.Extract(doc)
	if err != nil {
		return p, fmt.Errorf("%s: %w", path, err)
	}
	js, err := loader.EvalJSON(b)
	if err != nil {
		return p, fmt.Errorf("%s: evaluation JSON: %w", path, err)
	}
	if err := json.Unmarshal(js, &p); err != nil {
		return p, fmt.Errorf("%s: reading the evaluation JSON back: %w", path, err)
	}
	return p, nil
}
