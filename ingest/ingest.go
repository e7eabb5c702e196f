// Package ingest loads articles into a store: it reads the given paths as a
// stream of articles (package articles), extracts a graph batch from every
// article with a bounded pool of workers, and writes the batches in groups,
// in reading order, so the same input always gives the same writes.
//
// An input or record that cannot be read, or an article that cannot be
// extracted, is skipped and reported; only a write failure or a cancelled context stops a
// load.
package ingest

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// Writer is the part of a store that Load needs; store.Store fulfils it.
// Upsert must be idempotent, so loading the same files twice changes nothing.
type Writer interface {
	Upsert(ctx context.Context, batches ...schema.Batch) error
}

// Extractor turns one document into a batch; loader's Extractor fulfils it.
// Load calls Extract from several goroutines at once.
type Extractor interface {
	Extract(loader.Document) (schema.Batch, error)
}

// Report says what a Load did. Articles, Entities and Relations count the
// distinct ids in the batches written; Files counts the inputs at least one
// article of which was written.
type Report struct {
	Files, Articles, Entities, Relations int
	Skipped                              []Skip
	// Warnings are problems with articles that were loaded all the same,
	// such as an unreadable publication date.
	Warnings []Skip
}

// Skip is an input, a record or an article that was not loaded, and why.
// Path is "file", "file:LINE" or "file#ITEM" (articles.InputError.Where).
type Skip struct {
	Path, Reason string
}

// Progress is what a Load has done so far.
type Progress struct {
	Articles  int   // articles extracted and written or about to be
	Skipped   int   // inputs, records and articles not loaded
	BytesRead int64 // bytes read from the inputs (compressed bytes for .gz)
	// BytesTotal is the size of all inputs, or -1 when some size is unknown
	// (standard input, a web address).
	BytesTotal int64
}

// Options tunes Load. Its zero value uses the defaults.
type Options struct {
	// Workers is how many articles are extracted at once;
	// runtime.GOMAXPROCS(0) when 0 or less.
	Workers int
	// BatchSize is how many articles one Upsert writes; 50 when 0 or less.
	BatchSize int
	// Progress, when set, is called after each record, in reading order and
	// from one goroutine.
	Progress func(Progress)
	// Read tunes the reading of the inputs (kinds, limits, field map).
	Read articles.Options
}

// DefaultBatchSize is the number of articles one Upsert writes by default.
const DefaultBatchSize = 50

// Load reads the articles of paths (articles.Walk, then articles.Read: files,
// folders, "-" and web addresses), extracts them and writes the batches to
// w, in reading order. Unreadable paths, bad files, bad records and failed
// extractions are listed in Report.Skipped and the load goes on. Load
// returns an error only when a write fails or ctx is done; the Report then
// counts what was written before.
func Load(
	ctx context.Context, w Writer, x Extractor, paths []string, opts Options,
) (Report, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	ins, errs := articles.Walk(paths, opts.Read)
	var r Report
	for _, err := range errs {
		r.Skipped = append(r.Skipped, skipOf("", err))
	}
	prog := Progress{Skipped: len(r.Skipped)}
	for _, in := range ins {
		if in.Size < 0 || prog.BytesTotal < 0 {
			prog.BytesTotal = -1
			continue
		}
		prog.BytesTotal += in.Size
	}
	var read atomic.Int64
	opts.Read.BytesRead = &read
	ctx, cancel := context.WithCancel(ctx)
	p := startPipeline(ctx, x, ins, opts)
	defer func() { cancel(); p.wait() }()
	c := counter{articles: map[string]bool{}, entities: map[string]bool{},
		relations: map[string]bool{}, files: map[string]bool{}}
	var pending []schema.Batch
	var pendingFiles []string
	flush := func(n int) error {
		if err := w.Upsert(ctx, pending[:n]...); err != nil {
			return fmt.Errorf("ingest.Load: write %d articles: %w", n, err)
		}
		c.add(&r, pending[:n], pendingFiles[:n])
		pending, pendingFiles = pending[n:], pendingFiles[n:]
		return nil
	}
	for {
		j, res, ok, err := p.next(ctx)
		if err != nil {
			return r, fmt.Errorf("ingest.Load: %w", err)
		}
		if !ok {
			break
		}
		if res.skip != nil {
			r.Skipped = append(r.Skipped, *res.skip)
			prog.Skipped++
		} else {
			prog.Articles++
			for _, warn := range j.article.Warnings {
				r.Warnings = append(r.Warnings, Skip{Path: j.article.Path, Reason: warn})
			}
			pending, pendingFiles = append(pending, res.batch), append(pendingFiles, j.input)
		}
		for len(pending) >= opts.BatchSize {
			if err := flush(opts.BatchSize); err != nil {
				return r, err
			}
		}
		if opts.Progress != nil {
			prog.BytesRead = read.Load()
			opts.Progress(prog)
		}
	}
	if len(pending) > 0 {
		if err := flush(len(pending)); err != nil {
			return r, err
		}
	}
	return r, nil
}

// counter keeps the distinct ids written, for Report.
type counter struct {
	articles, entities, relations, files map[string]bool
}

// add counts batches, read from files, as written.
func (c *counter) add(r *Report, batches []schema.Batch, files []string) {
	for i, b := range batches {
		c.files[files[i]] = true
		c.articles[b.Article.ID] = true
		for _, e := range b.Entities {
			c.entities[e.ID] = true
		}
		for _, rel := range b.Relations {
			c.relations[rel.ID] = true
		}
	}
	r.Files, r.Articles = len(c.files), len(c.articles)
	r.Entities, r.Relations = len(c.entities), len(c.relations)
}
