package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/ingest"
	"github.com/diplograph/diplograph/loader"
)

// readFlags adds the flags that tune how inputs are read (--format, --map,
// --timeout, --max-record) and returns a function giving the options.
func readFlags(fs *flag.FlagSet) func() (articles.Options, error) {
	format := fs.String("format", "", "read every input as this kind: txt, md, json, jsonl, "+
		"csv, tsv, html or feed (default: by extension, or by content for - and addresses)")
	fieldMap := fs.String("map", "", "CSV/JSON columns of article fields, e.g. "+
		"title=headline,body=content,published=date (fields: title, body, published, url, "+
		"source, author)")
	timeout := fs.Duration("timeout", articles.DefaultFetchTimeout,
		"time limit of fetching one web address")
	maxRecord := fs.Int("max-record", articles.DefaultMaxRecord,
		"largest record of a JSON Lines, CSV or JSON array input, in bytes")
	return func() (articles.Options, error) {
		o := articles.Options{MaxRecord: *maxRecord, Fetch: articles.FetchOptions{Timeout: *timeout}}
		if *format != "" {
			k, err := articles.ParseKind(*format)
			if err != nil {
				return o, fmt.Errorf("--format: %w", err)
			}
			o.Kind = k
		}
		if *fieldMap != "" {
			m, err := articles.ParseFieldMap(*fieldMap)
			if err != nil {
				return o, fmt.Errorf("--map: %w", err)
			}
			o.Fields = m
		}
		return o, nil
	}
}

// progressReporter shows a load's progress on w: a bar with the article count
// and rate, the bytes read and the time left when w is a terminal, and one
// plain line every interval otherwise.
type progressReporter struct {
	w        io.Writer
	bar      *progressbar.ProgressBar
	start    time.Time
	last     time.Time
	interval time.Duration
	lastSeen ingest.Progress
}

// newProgress returns a reporter for stderr.
func newProgress() *progressReporter {
	return &progressReporter{w: os.Stderr, start: time.Now(), last: time.Now(),
		interval: 5 * time.Second}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// update shows p; it is called after every record.
func (r *progressReporter) update(p ingest.Progress) {
	r.lastSeen = p
	if !isTerminal(r.w) {
		if time.Since(r.last) >= r.interval {
			r.last = time.Now()
			fmt.Fprintln(r.w, r.line(p))
		}
		return
	}
	if r.bar == nil {
		max := p.BytesTotal
		if max <= 0 {
			max = -1
		}
		r.bar = progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(r.w), progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionSetWidth(24), progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth())
	}
	r.bar.Describe(fmt.Sprintf("%d articles, %.1f/s", p.Articles, r.rate(p)))
	r.bar.Set64(p.BytesRead)
}

// rate returns the articles loaded per second so far.
func (r *progressReporter) rate(p ingest.Progress) float64 {
	s := time.Since(r.start).Seconds()
	if s <= 0 {
		return 0
	}
	return float64(p.Articles) / s
}

// line is the plain progress line: articles, rate, share of the input read
// and the time left at that pace.
func (r *progressReporter) line(p ingest.Progress) string {
	s := fmt.Sprintf("progress: %d articles (%d skipped), %.1f articles/s",
		p.Articles, p.Skipped, r.rate(p))
	if p.BytesTotal > 0 && p.BytesRead > 0 {
		frac := float64(p.BytesRead) / float64(p.BytesTotal)
		left := time.Duration(float64(time.Since(r.start)) * (1 - frac) / frac)
		s += fmt.Sprintf(", %.0f%% of %.1f MB read, about %v left", 100*frac,
			float64(p.BytesTotal)/1e6, left.Round(time.Second))
	}
	return s
}

// done clears the bar, whether the load finished or was interrupted.
func (r *progressReporter) done() {
	if r.bar != nil {
		r.bar.Clear()
	}
}

// extracted is the evaluation JSON of one record, or why it has none.
type extracted struct {
	js  []byte
	err error
}

// extractInput prints the evaluation JSON of the articles of one input (see
// extractCmd); records that cannot be read or extracted are reported on
// stderr and make the status 1.
func extractInput(ctx context.Context, x *loader.Extractor, name string,
	ro articles.Options, published string, index int,
) int {
	ins, errs := articles.Walk([]string{name}, ro)
	for _, err := range errs {
		return fail(err)
	}
	status, record := 0, 0
	var first *extracted // held until a second record shows the input holds several
	emit := func(e extracted, oneLine bool) {
		if e.err != nil {
			fmt.Fprintln(os.Stderr, "skipped", e.err)
			status = 1
			return
		}
		if oneLine {
			var b bytes.Buffer
			if json.Compact(&b, e.js) == nil {
				e.js = b.Bytes()
			}
		}
		fmt.Println(string(e.js))
	}
	for a, err := range articles.All(ctx, ins, ro) {
		var ie *articles.InputError
		if err != nil && errors.As(err, &ie) && ie.Line == 0 && ie.Item == 0 {
			return fail(err) // the whole input is unreadable
		}
		record++
		if index > 0 && record != index {
			continue
		}
		e := extracted{err: err}
		if err == nil {
			e.js, e.err = extractJSON(x, a, published)
		}
		switch {
		case index > 0:
			if e.err != nil {
				return fail(e.err)
			}
			emit(e, false)
			return 0
		case record == 1:
			first = &e
		case record == 2:
			emit(*first, true)
			emit(e, true)
		default:
			emit(e, true)
		}
	}
	switch {
	case ctx.Err() != nil:
		fmt.Fprintf(os.Stderr, "interrupted after %d records\n", record)
		return 130
	case index > 0:
		return fail(fmt.Errorf("%s: no record %d (it has %d)", name, index, record))
	case record == 0:
		return fail(fmt.Errorf("%s: no article in the input", name))
	case record == 1:
		emit(*first, false)
	}
	return status
}

// extractJSON extracts one article to its evaluation JSON.
func extractJSON(x *loader.Extractor, a articles.Article, published string) ([]byte, error) {
	doc := loader.DocumentOf(a)
	if published != "" {
		doc.Published = published
	}
	b, err := x.Extract(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Path, err)
	}
	return loader.EvalJSON(b)
}
