package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// fileResult is what one file gave: its batches in document order and what
// was skipped.
type fileResult struct {
	batches []schema.Batch
	skipped []Skip
}

// pool reads and extracts files on a bounded number of goroutines and hands
// the results back in file order. At most 2×Workers files are in flight or
// waiting to be taken, so memory stays bounded however slow the writer is.
type pool struct {
	slots  []chan fileResult // slots[i] receives the result of file i
	tokens chan struct{}     // one per file started and not yet taken
	wg     sync.WaitGroup
}

// startPool starts reading files; it stops early when ctx is done.
func startPool(ctx context.Context, x Extractor, files []string, opts Options) *pool {
	p := &pool{
		slots:  make([]chan fileResult, len(files)),
		tokens: make(chan struct{}, 2*opts.Workers),
	}
	for i := range p.slots {
		p.slots[i] = make(chan fileResult, 1)
	}
	jobs := make(chan int)
	p.wg.Go(func() {
		defer close(jobs)
		for i := range files {
			select {
			case p.tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	for range min(opts.Workers, len(files)) {
		p.wg.Go(func() {
			for i := range jobs {
				p.slots[i] <- readFile(ctx, x, files[i], opts.Read)
			}
		})
	}
	return p
}

// next waits for the result of file i; files must be taken in order.
func (p *pool) next(ctx context.Context, i int) (fileResult, error) {
	if err := ctx.Err(); err != nil {
		return fileResult{}, err
	}
	select {
	case res := <-p.slots[i]:
		<-p.tokens
		return res, nil
	case <-ctx.Done():
		return fileResult{}, ctx.Err()
	}
}

// wait waits for the pool's goroutines, which end once ctx is done or every
// file is read.
func (p *pool) wait() { p.wg.Wait() }

// readFile reads one file and extracts each of its documents.
func readFile(ctx context.Context, x Extractor, path string, opts loader.ReadOptions) fileResult {
	if reason := notRegular(path); reason != "" {
		return fileResult{skipped: []Skip{{Path: path, Reason: reason}}}
	}
	docs, err := loader.ReadFile(path, opts)
	res := fileResult{skipped: skipsOf(path, err)}
	for _, d := range docs {
		if ctx.Err() != nil {
			break
		}
		b, err := extract(x, d)
		if err != nil {
			res.skipped = append(res.skipped, Skip{Path: d.Path, Reason: err.Error()})
			continue
		}
		if b.Article.Path == "" {
			b.Article.Path = d.Path
		}
		res.batches = append(res.batches, b)
	}
	return res
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

// notRegular says why path is not a regular file (after symlinks) that can
// be read without blocking, or "" when it is one. Opening a named pipe
// waits for a writer, and a device or socket is no article.
func notRegular(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return "" // ReadFile reports it
	}
	switch m := info.Mode(); {
	case m.IsRegular():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return "not a regular file: a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "not a regular file: a socket"
	case m&fs.ModeDevice != 0:
		return "not a regular file: a device"
	case m.IsDir():
		return "not a regular file: a directory"
	default:
		return "not a regular file (" + m.Type().String() + ")"
	}
}
