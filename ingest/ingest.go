// Package ingest loads article files into a store: it walks the given paths,
// reads each file (loader.ReadFile), extracts a graph batch from every article
// with a bounded pool of workers, one article per job, and writes the batches
// from one goroutine in groups, in the order of the files and of the articles
// in each, so the same input always gives the same writes; the workers go on
// extracting the next group while one is written.
//
// A file that cannot be read, or an article that cannot be extracted, is
// skipped and reported; only a write failure or a cancelled context stops a
// load.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"

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
// distinct ids in the batches written; Files counts the files at least one
// article of which was written.
type Report struct {
	Files, Articles, Entities, Relations int
	Skipped                              []Skip
}

// Skip is a file, a line of a JSONL file or an article that was not loaded,
// and why. Path is "file" or "file:LINE".
type Skip struct {
	Path, Reason string
}

// Options tunes Load. Its zero value uses the defaults.
type Options struct {
	// Workers is how many documents are extracted at once;
	// runtime.GOMAXPROCS(0) when 0 or less.
	Workers int
	// BatchSize is how many articles one Upsert writes; 50 when 0 or less.
	BatchSize int
	// Progress, when set, is called after each file, in file order and from
	// one goroutine, with the number of files done and the total.
	Progress func(done, total int)
	// Read limits the size of the files read.
	Read loader.ReadOptions
}

// DefaultBatchSize is the number of articles one Upsert writes by default.
const DefaultBatchSize = 50

// Load walks paths (loader.Walk), reads and extracts every file and writes
// the batches to w, in the order of the files. Unreadable paths, bad files,
// bad JSONL lines and failed extractions are listed in Report.Skipped and
// the load goes on. Load returns an error only when a write fails or ctx is
// done; the Report then counts what was written before.
func Load(
	ctx context.Context, w Writer, x Extractor, paths []string, opts Options,
) (Report, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	files, errs := loader.Walk(paths)
	var r Report
	for _, err := range errs {
		r.Skipped = append(r.Skipped, skipOf("", err))
	}
	ctx, cancel := context.WithCancel(ctx)
	p := startPool(ctx, x, files, opts)
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
	for done := 0; done < len(files); {
		u, err := p.next(ctx)
		if err != nil {
			return r, fmt.Errorf("ingest.Load: %w", err)
		}
		r.Skipped = append(r.Skipped, u.skipped...)
		if u.ok {
			pending, pendingFiles = append(pending, u.batch), append(pendingFiles, files[u.file])
		}
		for len(pending) >= opts.BatchSize {
			if err := flush(opts.BatchSize); err != nil {
				return r, err
			}
		}
		if u.last {
			done++
			if opts.Progress != nil {
				opts.Progress(done, len(files))
			}
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

// skipOf turns a read error into a Skip; an *loader.InputError gives its
// own path, line and reason, any other error the given path and its text.
func skipOf(path string, err error) Skip {
	var ie *loader.InputError
	if errors.As(err, &ie) {
		if ie.Line > 0 {
			return Skip{Path: fmt.Sprintf("%s:%d", ie.Path, ie.Line), Reason: ie.Reason}
		}
		return Skip{Path: ie.Path, Reason: ie.Reason}
	}
	return Skip{Path: path, Reason: err.Error()}
}

// skipsOf splits what loader.ReadFile returned for path (one error, or an
// errors.Join of one per bad JSONL line) into Skips.
func skipsOf(path string, err error) []Skip {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var skips []Skip
		for _, e := range j.Unwrap() {
			skips = append(skips, skipOf(path, e))
		}
		return skips
	}
	return []Skip{skipOf(path, err)}
}
