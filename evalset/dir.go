package evalset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoGold is returned by ScoreDir for a folder without *.gold.json files.
var ErrNoGold = errors.New("no *.gold.json")

// ExtractError reports that the extractor failed on an article; score.py
// stops there and exits with status 2.
type ExtractError struct {
	Article string // the gold file's "article" field
	Err     error
}

// Error returns "ARTICLE: extractor failed: ERR".
func (e *ExtractError) Error() string {
	return fmt.Sprintf("%s: extractor failed: %v", e.Article, e.Err)
}

// Unwrap returns Err.
func (e *ExtractError) Unwrap() error { return e.Err }

// Article is how one article of a gold folder was scored.
type Article struct {
	Name    string  // the gold file's "article" field, as score.py prints it
	Result  Result  // how the prediction fared
	Seconds float64 // time the extractor took
}

// Report is how a gold folder was scored: one Article per gold file, in
// file name order, and their Totals.
type Report struct {
	Articles []Article
	Totals   Totals
}

// Lines returns the per-article lines score.py prints before its TOTAL
// line; with verbose, each is followed by its misses and spurious items.
func (r Report) Lines(verbose bool) []string {
	var lines []string
	for _, a := range r.Articles {
		lines = append(lines, a.Result.Line(a.Name))
		if verbose {
			lines = append(lines, a.Result.Details()...)
		}
	}
	return lines
}

// String returns everything score.py prints to stdout for the folder (its
// verbose form when verbose is set): the article lines, then the TOTAL
// line, each ending in a newline.
func (r Report) String(verbose bool) string {
	lines := append(r.Lines(verbose), r.Totals.Format())
	return strings.Join(lines, "\n") + "\n"
}

// ScoreDir scores every NAME.gold.json in dir, in name order, as score.py
// does: it loads the gold file, calls extract with the article file its
// "article" field names (joined to dir unless absolute) and its
// "published" date, and scores what extract returns. Seconds are the time
// spent in extract. ScoreDir stops at the first gold file that does not
// load and at the first article extract fails on (an *ExtractError),
// returning the articles scored so far with the error.
func ScoreDir(dir string,
	extract func(txtPath, published string) (Prediction, error)) (Report, error) {
	var rep Report
	entries, err := os.ReadDir(dir)
	if err != nil {
		return rep, fmt.Errorf("evalset.ScoreDir: %w", err)
	}
	var golds []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".gold.json") {
			golds = append(golds, e.Name())
		}
	}
	if len(golds) == 0 {
		return rep, fmt.Errorf("%w in %s", ErrNoGold, dir)
	}
	for _, name := range golds {
		g, err := LoadGold(filepath.Join(dir, name))
		if err != nil {
			return rep, err
		}
		art := g.Article
		if !filepath.IsAbs(art) {
			art = filepath.Join(dir, art)
		}
		start := time.Now()
		p, err := extract(art, g.Published)
		spent := time.Since(start).Seconds()
		rep.Totals.Seconds += spent
		if err != nil {
			return rep, &ExtractError{Article: g.Article, Err: err}
		}
		res := Score(g, p)
		rep.Totals.Add(res)
		rep.Articles = append(rep.Articles, Article{Name: g.Article, Result: res, Seconds: spent})
	}
	return rep, nil
}
