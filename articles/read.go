package articles

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"sync/atomic"
)

// Read reads the articles of one input in order, calling yield with each
// article or with an *InputError for a record that cannot be loaded (the
// reading goes on), or for an input that cannot be read at all (the last
// call). It stops when yield returns false or ctx is done.
//
// The kind is in.Kind, else opts.Kind, else what the content shows; gzip is
// recognised by its magic bytes. Every error names the input, and the line
// or item when known.
func Read(ctx context.Context, in Input, opts Options, yield func(Article, error) bool) {
	r, kind, closer, err := open(ctx, in, opts)
	if err != nil {
		yield(Article{}, err)
		return
	}
	defer closer()
	rd := reader{ctx: ctx, path: in.Name, opts: opts, yield: yield}
	defer func() {
		// A parser that panics on odd input loses that input, not the load.
		if p := recover(); p != nil {
			rd.fail(ErrMalformed, 0, 0, "the %s reader failed on this input: %v", kind, p)
		}
	}()
	switch kind {
	case JSONL:
		rd.jsonl(r)
	case CSV:
		rd.csv(r, ',')
	case TSV:
		rd.csv(r, '\t')
	case JSON:
		rd.json(r)
	case Feed:
		rd.feed(r)
	case HTML:
		rd.html(r)
	case Text, Markdown:
		rd.text(r, kind == Markdown)
	default:
		yield(Article{}, &InputError{Path: in.Name, Err: ErrUnsupported,
			Reason: fmt.Sprintf("unsupported kind %q", kind)})
	}
}

// All reads inputs one after the other (see Read) as a sequence of articles
// and errors.
func All(ctx context.Context, ins []Input, opts Options) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		stop := false
		for _, in := range ins {
			Read(ctx, in, opts, func(a Article, err error) bool {
				if !yield(a, err) {
					stop = true
				}
				return !stop
			})
			if stop || ctx.Err() != nil {
				return
			}
		}
	}
}

// ReadFile reads every article of one file, by its extension (or opts.Kind):
// the articles read and an *InputError per record or file that is not.
func ReadFile(path string, opts Options) ([]Article, []error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, []error{&InputError{Path: path, Reason: reasonOf(err), Err: err}}
	}
	if info.IsDir() {
		return nil, []error{&InputError{Path: path, Err: ErrUnsupported,
			Reason: "is a folder"}}
	}
	ins, errs := Walk([]string{path}, opts)
	var arts []Article
	for a, err := range All(context.Background(), ins, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

// reader reads the records of one input and hands them to yield.
type reader struct {
	ctx   context.Context
	path  string
	opts  Options
	yield func(Article, error) bool
}

// fail reports an error about the whole input (line and item 0) or a record.
func (rd *reader) fail(err error, line, item int, format string, args ...any) bool {
	return rd.yield(Article{}, &InputError{Path: rd.path, Line: line, Item: item, Err: err,
		Reason: fmt.Sprintf(format, args...)})
}

// done reports whether the reading must stop.
func (rd *reader) done() bool { return rd.ctx.Err() != nil }

// whole reads all of r, failing past opts.MaxBytes; the BOM is dropped.
func (rd *reader) whole(r io.Reader) ([]byte, bool) {
	max := rd.opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		rd.fail(err, 0, 0, "%s", reasonOf(err))
		return nil, false
	}
	if int64(len(data)) > max {
		rd.fail(ErrTooLarge, 0, 0, "over the limit of %d bytes for a %s read whole"+
			" (JSON Lines and CSV are read as streams)", max, "file")
		return nil, false
	}
	return bytes.TrimPrefix(data, []byte("\uFEFF")), true
}

// counter adds the bytes read through it to n.
type counter struct {
	r io.Reader
	n *atomic.Int64
}

func (c counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// open opens an input, undoing gzip, and returns its reader, its kind and a
// function that closes it.
func open(ctx context.Context, in Input, opts Options) (io.Reader, Kind, func(), error) {
	var src io.Reader
	closer := func() {}
	kind := in.Kind
	if kind == "" {
		kind = opts.Kind
	}
	switch {
	case in.Name == "-":
		src = opts.Stdin
		if src == nil {
			src = os.Stdin
		}
	case isURL(in.Name):
		body, k, err := fetch(ctx, in.Name, opts.Fetch)
		if err != nil {
			return nil, "", nil, err
		}
		src, closer = body, func() { body.Close() }
		if kind == "" {
			kind = k
		}
	default:
		f, err := os.Open(in.Name)
		if err != nil {
			return nil, "", nil, &InputError{Path: in.Name, Reason: reasonOf(err), Err: err}
		}
		src, closer = f, func() { f.Close() }
	}
	if opts.BytesRead != nil {
		src = counter{src, opts.BytesRead}
	}
	br := bufio.NewReaderSize(src, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			closer()
			return nil, "", nil, &InputError{Path: in.Name, Err: ErrMalformed,
				Reason: "bad gzip data: " + err.Error()}
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	} else if in.Gzip {
		closer()
		return nil, "", nil, &InputError{Path: in.Name, Err: ErrMalformed,
			Reason: "named .gz but not gzip data"}
	}
	if head, _ := br.Peek(64 << 10); kind == "" {
		kind = sniff(head)
	} else if k := sniff(head); kind == JSON && opts.Kind == "" && (k == Feed || k == JSONL) {
		kind = k // a JSON Feed, or JSON Lines named .json
	}
	return br, kind, closer, nil
}
