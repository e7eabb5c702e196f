package ingest

import (
	"context"
	"fmt"
	"sync"

	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// unit is one document of a file to extract, or, for a file that gave no
// document, none; the pool hands units back in the order of the files and
// of the documents in each.
type unit struct {
	file    int              // index of the file
	doc     *loader.Document // nil when the file gave no document
	last    bool             // the last unit of its file
	batch   schema.Batch     // the extracted batch, when ok
	ok      bool
	skipped []Skip // what was skipped: the file's read errors, on its first unit
}

// pool reads files one after another and extracts their documents on a
// bounded number of goroutines, one document per job, so one big JSONL file
// keeps every worker busy; it hands the results back in order. At most
// BatchSize+2×Workers documents are in flight or waiting to be taken, beside
// the documents of the file being read: enough for the workers to extract
// the next group while the writer writes one, and memory stays bounded
// however slow the writer is.
type pool struct {
	ring   []chan unit   // unit k is handed back through ring[k%len(ring)]
	tokens chan struct{} // one per unit started and not yet taken
	taken  int           // units taken so far
	wg     sync.WaitGroup
}

// startPool starts reading files; it stops early when ctx is done.
func startPool(ctx context.Context, x Extractor, files []string, opts Options) *pool {
	ahead := opts.BatchSize + 2*opts.Workers
	p := &pool{ring: make([]chan unit, ahead), tokens: make(chan struct{}, ahead)}
	for i := range p.ring {
		p.ring[i] = make(chan unit, 1)
	}
	type job struct {
		k int
		u unit
	}
	jobs := make(chan job)
	p.wg.Go(func() {
		defer close(jobs)
		k := 0
		emit := func(u unit) bool {
			select {
			case p.tokens <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- job{k, u}:
				k++
				return true
			case <-ctx.Done():
				return false
			}
		}
		for i, path := range files {
			docs, err := loader.ReadFile(path, opts.Read)
			skipped := skipsOf(path, err)
			if len(docs) == 0 {
				if !emit(unit{file: i, last: true, skipped: skipped}) {
					return
				}
				continue
			}
			for j := range docs {
				u := unit{file: i, doc: &docs[j], last: j == len(docs)-1}
				if j == 0 {
					u.skipped = skipped
				}
				if !emit(u) {
					return
				}
			}
		}
	})
	for range opts.Workers {
		p.wg.Go(func() {
			for j := range jobs {
				p.ring[j.k%len(p.ring)] <- extractUnit(ctx, x, j.u)
			}
		})
	}
	return p
}

// next waits for the next unit in order. The caller stops after the last
// unit of the last file.
func (p *pool) next(ctx context.Context) (unit, error) {
	if err := ctx.Err(); err != nil {
		return unit{}, err
	}
	select {
	case u := <-p.ring[p.taken%len(p.ring)]:
		<-p.tokens
		p.taken++
		return u, nil
	case <-ctx.Done():
		return unit{}, ctx.Err()
	}
}

// wait waits for the pool's goroutines, which end once ctx is done or every
// file is read.
func (p *pool) wait() { p.wg.Wait() }

// extractUnit extracts the document of u, if any, into u.
func extractUnit(ctx context.Context, x Extractor, u unit) unit {
	if u.doc == nil || ctx.Err() != nil {
		return u
	}
	b, err := extract(x, *u.doc)
	if err != nil {
		u.skipped = append(u.skipped, Skip{Path: u.doc.Path, Reason: err.Error()})
	} else {
		if b.Article.Path == "" {
			b.Article.Path = u.doc.Path
		}
		u.batch, u.ok = b, true
	}
	u.doc = nil
	return u
}

// extract runs x on d, turning a panic of the extractor into an error so one
// odd article cannot stop a load.
func extract(x Extractor, d loader.Document) (b schema.Batch, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("extraction panicked: %v", p)
		}
	}()
	if b, err = x.Extract(d); err != nil {
		return schema.Batch{}, fmt.Errorf("extraction failed: %w", err)
	}
	return b, nil
}
