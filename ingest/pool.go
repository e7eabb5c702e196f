package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// job is one record of an input: an article to extract or a record that
// could not be read. Its result arrives on done.
type job struct {
	input   string           // the input it came from
	article articles.Article // when skip is nil
	skip    *Skip            // a record or input that was not read
	done    chan result
}

// result is what one job gave: a batch, or why the article was skipped.
type result struct {
	batch schema.Batch
	skip  *Skip
}

// pipeline reads the inputs in order on one goroutine, extracts the articles
// on Workers goroutines and hands the results back in reading order. At most
// BatchSize+2×Workers records are read and not yet taken: enough for the
// workers to extract the next group while the writer writes one, and memory
// stays bounded whatever the size of an input and however slow the writer is.
type pipeline struct {
	order chan *job // every job, in reading order
	wg    sync.WaitGroup
}

// startPipeline starts reading ins; it stops early when ctx is done.
func startPipeline(ctx context.Context, x Extractor, ins []articles.Input, opts Options,
) *pipeline {
	p := &pipeline{order: make(chan *job, opts.BatchSize+2*opts.Workers)}
	jobs := make(chan *job)
	p.wg.Go(func() {
		defer close(p.order)
		defer close(jobs)
		for _, in := range ins {
			articles.Read(ctx, in, opts.Read, func(a articles.Article, err error) bool {
				j := &job{input: in.Name, article: a, done: make(chan result, 1)}
				if err != nil {
					s := skipOf(in.Name, err)
					j.skip = &s
				}
				select {
				case p.order <- j:
				case <-ctx.Done():
					return false
				}
				if j.skip != nil {
					j.done <- result{skip: j.skip}
					return true
				}
				select {
				case jobs <- j:
					return true
				case <-ctx.Done():
					return false
				}
			})
			if ctx.Err() != nil {
				return
			}
		}
	})
	for range opts.Workers {
		p.wg.Go(func() {
			for j := range jobs {
				j.done <- extractJob(ctx, x, j)
			}
		})
	}
	return p
}

// next returns the next job in reading order with its result; ok is false
// once every input is read.
func (p *pipeline) next(ctx context.Context) (j *job, res result, ok bool, err error) {
	if err := ctx.Err(); err != nil {
		return nil, result{}, false, err
	}
	select {
	case j, ok = <-p.order:
	case <-ctx.Done():
		return nil, result{}, false, ctx.Err()
	}
	if !ok {
		return nil, result{}, false, ctx.Err()
	}
	select {
	case res = <-j.done:
		return j, res, true, nil
	case <-ctx.Done():
		return nil, result{}, false, ctx.Err()
	}
}

// wait waits for the pipeline's goroutines, which end once ctx is done or
// every input is read; the jobs left in order are dropped.
func (p *pipeline) wait() {
	go func() {
		for range p.order {
		}
	}()
	p.wg.Wait()
}

// extractJob extracts the article of j.
func extractJob(ctx context.Context, x Extractor, j *job) result {
	if ctx.Err() != nil {
		return result{skip: &Skip{Path: j.article.Path, Reason: "interrupted"}}
	}
	d := loader.DocumentOf(j.article)
	b, err := extract(x, d)
	if err != nil {
		return result{skip: &Skip{Path: d.Path, Reason: err.Error()}}
	}
	if b.Article.Path == "" {
		b.Article.Path = d.Path
	}
	return result{batch: b}
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

// skipOf turns a read error into a Skip; an *articles.InputError gives its
// own place and reason, any other error the given path and its text.
func skipOf(path string, err error) Skip {
	var ie *articles.InputError
	if errors.As(err, &ie) {
		return Skip{Path: ie.Where(), Reason: ie.Reason}
	}
	return Skip{Path: path, Reason: err.Error()}
}
