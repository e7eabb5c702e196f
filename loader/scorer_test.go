package loader

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/diplograph/diplograph/evalset"
)

// scoreFolder scores the gold folder dir with package evalset, the Go port
// of ../shared/eval/score.py (the same figures, checked against it there),
// extracting each article as `diplograph extract --json` does, and logs
// each article's line.
func scoreFolder(t *testing.T, dir string) evalset.Counts {
	t.Helper()
	x := extractor(t)
	rep, err := evalset.ScoreDir(dir, func(path, published string) (evalset.Prediction, error) {
		var p evalset.Prediction
		docs, err := ReadFile(path, ReadOptions{})
		if len(docs) == 0 {
			return p, fmt.Errorf("%s: no article: %v", path, err)
		}
		doc := docs[0]
		doc.Published = published
		b, err := x.Extract(doc)
		if err != nil {
			return p, err
		}
		js, err := EvalJSON(b)
		if err != nil {
			return p, err
		}
		return p, json.Unmarshal(js, &p)
	})
	if err != nil {
		t.Fatalf("scoring %s: %v", dir, err)
	}
	for _, line := range rep.Lines(false) {
		t.Log(line)
	}
	return rep.Totals.Counts
}
