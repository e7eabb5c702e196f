package evalset

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// predFrom returns an extract func that reads DIR/NAME.json for NAME.txt
// and records the calls it gets.
func predFrom(t testing.TB, dir string, calls *[]string) func(string, string) (Prediction, error) {
	return func(txt, published string) (Prediction, error) {
		if calls != nil {
			*calls = append(*calls, txt+" "+published)
		}
		name := strings.TrimSuffix(filepath.Base(txt), ".txt")
		return readPred(t, filepath.Join(dir, name+".json")), nil
	}
}

func TestScoreDir(t *testing.T) {
	gold := filepath.Join("testdata", "gold")
	var calls []string
	rep, err := ScoreDir(gold, predFrom(t, filepath.Join("testdata", "pred"), &calls))
	if err != nil {
		t.Fatalf("ScoreDir(%s) error: %v", gold, err)
	}
	wantCalls := []string{
		filepath.Join(gold, "dates.txt") + " 2024-03-07",
		filepath.Join(gold, "events.txt") + " 2024-06-10",
		filepath.Join(gold, "lists.txt") + " 2024-07-05",
		filepath.Join(gold, "names.txt") + " 2024-05-06",
		filepath.Join(gold, "optional.txt") + " 2024-01-16",
		filepath.Join(gold, "symmetric.txt") + " 2024-02-05",
	}
	if !slices.Equal(calls, wantCalls) {
		t.Errorf("ScoreDir extracted %q; want %q", calls, wantCalls)
	}
	rep.Totals.Seconds = 0
	want := "TOTAL 6 articles: nodes P 0.853 R 0.853 F1 0.853 | " +
		"edges P 0.667 R 0.714 F1 0.690 | dates 0.500 | 0.0s"
	if got := rep.Totals.Format(); got != want {
		t.Errorf("Totals.Format() = %q; want %q", got, want)
	}
	wantLine := "lists.txt                                        nodes F1 1.00  " +
		"edges F1 0.86  (edges tp 3 fp 0 fn 1)"
	if got := rep.Lines(false)[2]; got != wantLine {
		t.Errorf("Lines(false)[2] = %q; want %q", got, wantLine)
	}
	if got, want := len(rep.Lines(true)), 6+23; got != want {
		t.Errorf("len(Lines(true)) = %d; want %d", got, want)
	}
}

func TestScoreDirErrors(t *testing.T) {
	failOn := func(txt, published string) (Prediction, error) {
		if filepath.Base(txt) == "events.txt" {
			return Prediction{}, errors.New("boom")
		}
		return Prediction{}, nil
	}
	rep, err := ScoreDir(filepath.Join("testdata", "gold"), failOn)
	var xe *ExtractError
	if !errors.As(err, &xe) || xe.Article != "events.txt" || len(rep.Articles) != 1 {
		t.Errorf("ScoreDir(failing extractor) = %d articles, %v; want 1, "+
			"events.txt: extractor failed: boom", len(rep.Articles), err)
	}
	_, err = ScoreDir(t.TempDir(), failOn)
	if !errors.Is(err, ErrNoGold) {
		t.Errorf("ScoreDir(empty dir) error = %v; want %v", err, ErrNoGold)
	}
	_, err = ScoreDir(filepath.Join("testdata", "badgold"), failOn)
	if !errors.Is(err, ErrUnknownNode) {
		t.Errorf("ScoreDir(badgold) error = %v; want %v", err, ErrUnknownNode)
	}
}

func TestBelow(t *testing.T) {
	// Nodes F1 2/3, edges F1 0, dates 1/2.
	tot := Totals{Counts: Counts{NodeTP: 1, NodeFP: 1, EdgeFN: 1, DateOK: 1, DateAll: 2}}
	tests := []struct {
		node, edge, date float64
		want             []string
	}{
		{0, 0, 0, nil},
		{0.6666666666, 0, 0.5, nil},
		{0.7, 0.1, 0.6, []string{"node-f1", "edge-f1", "date-acc"}},
		{0, 0.1, 0, []string{"edge-f1"}},
	}
	for _, tt := range tests {
		got := tot.Below(tt.node, tt.edge, tt.date)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Below(%v, %v, %v) = %q; want %q", tt.node, tt.edge, tt.date, got, tt.want)
		}
	}
	if got, want := FloorMessage([]string{"node-f1", "edge-f1"}),
		"below the floor: node-f1, edge-f1"; got != want {
		t.Errorf("FloorMessage = %q; want %q", got, want)
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		tp, fp, fn int
		want       string
	}{
		{0, 0, 0, "1.000 1.000 1.000"},
		{0, 2, 0, "0.000 1.000 0.000"},
		{0, 2, 3, "0.000 0.000 0.000"},
		{3, 1, 2, "0.750 0.600 0.667"},
	}
	for _, tt := range tests {
		p, r, f := prf(tt.tp, tt.fp, tt.fn)
		if got := fmt.Sprintf("%.3f %.3f %.3f", p, r, f); got != tt.want {
			t.Errorf("prf(%d, %d, %d) = %s; want %s", tt.tp, tt.fp, tt.fn, got, tt.want)
		}
	}
}
