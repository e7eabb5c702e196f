package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/diplograph/diplograph/syntax"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/loader/internal/frames"
	"github.com/diplograph/diplograph/loader/internal/link"
	"github.com/diplograph/diplograph/schema"
)

// Errors returned by Extract, wrapped with the document's path or title.
var (
	ErrEmpty       = errors.New("empty article body")
	ErrInvalidUTF8 = errors.New("article is not valid UTF-8")
	ErrBinary      = errors.New("article holds binary data (NUL bytes)")
	ErrTooLarge    = errors.New("article body too large")
	ErrInternal    = errors.New("internal extractor error")
)

// Options configures an Extractor. The zero value is not useful: start from
// DefaultOptions.
type Options struct {
	// MaxBytes is the largest body Extract accepts (default 10 MiB).
	MaxBytes int
	// MaxSentenceTokens cuts longer sentences (tables, run-on text) into
	// pieces of this many tokens, to bound the time spent on each (default
	// 200).
	MaxSentenceTokens int
	// PartSentences bounds how far coreference and the other
	// article-wide stages look: a body of more sentences (a digest, a
	// transcript) is read in parts of about this many, each on its own, and
	// their entities are merged by key (default 400; news articles have far
	// fewer). It keeps the time linear in the size of the body.
	PartSentences int
	// MinConfidence drops relations read with less confidence (default 0).
	MinConfidence float64
	// Extra keeps relation types the evaluation does not score (DISCUSSED)
	// in the batch (default true).
	Extra bool
}

// DefaultOptions returns the options used by `diplograph extract`.
func DefaultOptions() Options {
	return Options{MaxBytes: 10 << 20, MaxSentenceTokens: 200, PartSentences: 400, Extra: true}
}

// Extractor turns articles into graph batches. It is built once by New,
// which loads the gazetteers and patterns, and is safe for concurrent use.
type Extractor struct {
	opts  Options
	g     *gazetteer
	clean cleaner
	split splitter
	mf    mentionFinder
	p     patterns
	pool  *sync.Pool // of *workspace
	kb    *kb.KB     // for the outside ids of the last stage (link)
	syn   *syntax.Model
	fr    *frames.Set
}

// New returns an Extractor with the given options; a zero MaxBytes,
// MaxSentenceTokens or PartSentences takes the default.
func New(opts Options) (*Extractor, error) {
	def := DefaultOptions()
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = def.MaxBytes
	}
	if opts.MaxSentenceTokens <= 0 {
		opts.MaxSentenceTokens = def.MaxSentenceTokens
	}
	if opts.PartSentences <= 0 {
		opts.PartSentences = def.PartSentences
	}
	if opts.MinConfidence < 0 || opts.MinConfidence > 1 {
		return nil, fmt.Errorf("loader.New: MinConfidence %v not in [0,1]", opts.MinConfidence)
	}
	g, err := newGazetteer()
	if err != nil {
		return nil, fmt.Errorf("loader.New: %w", err)
	}
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("loader.New: %w", err)
	}
	syn, err := syntax.Load()
	if err != nil {
		return nil, fmt.Errorf("loader.New: %w", err)
	}
	fr, err := frames.Load()
	if err != nil {
		return nil, fmt.Errorf("loader.New: %w", err)
	}
	tz := tokenizer{seg: syntax.DefaultSegmenter()}
	p := newPatterns()
	g.addFrames(&p)
	return &Extractor{
		pool:  &sync.Pool{},
		opts:  opts,
		g:     g,
		clean: newCleaner(),
		split: splitter{tz: tz, maxTokens: opts.MaxSentenceTokens},
		mf:    mentionFinder{g: g},
		p:     p,
		kb:    k,
		syn:   syn,
		fr:    fr,
	}, nil
}

// Extract reads one article and returns its entities and relations. It
// returns an error wrapping ErrEmpty, ErrInvalidUTF8, ErrBinary or
// ErrTooLarge for a body it cannot read.
func (x *Extractor) Extract(doc Document) (b schema.Batch, err error) {
	name := doc.Path
	if name == "" {
		name = fmt.Sprintf("%.40q", doc.Title)
	}
	if err := x.check(doc); err != nil {
		return schema.Batch{}, fmt.Errorf("loader.Extract %s: %w", name, err)
	}
	defer func() {
		if r := recover(); r != nil {
			b, err = schema.Batch{}, fmt.Errorf("loader.Extract %s: %w: %v", name, ErrInternal, r)
		}
	}()
	return link.Run(x.kb, x.run(doc)), nil
}

// check validates a document before extraction.
func (x *Extractor) check(doc Document) error {
	switch {
	case len(doc.Body) > x.opts.MaxBytes:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(doc.Body), x.opts.MaxBytes)
	case !utf8.ValidString(doc.Body) || !utf8.ValidString(doc.Title):
		return ErrInvalidUTF8
	case strings.IndexByte(doc.Body, 0) >= 0 || strings.IndexByte(doc.Title, 0) >= 0:
		return ErrBinary
	case strings.TrimSpace(doc.Body) == "":
		return ErrEmpty
	}
	return nil
}

// articleID returns the id of a document's article: from its URL when set,
// else from its title and body, so the same article always gets one id.
func articleID(doc Document) string {
	if doc.URL != "" {
		return schema.ID("article:" + doc.URL)
	}
	h := sha256.New()
	for _, s := range [...]string{doc.Title, "\n", doc.Body} {
		var buf [4096]byte // hash.Hash takes bytes: copy, do not convert the body
		for s != "" {
			n := copy(buf[:], s)
			h.Write(buf[:n])
			s = s[n:]
		}
	}
	return schema.ID("article:" + hex.EncodeToString(h.Sum(nil)))
}

// run is the pipeline: clean, sentences, mentions, coreference, dates,
// relations, resolve. A long body is read in parts of whole paragraphs
// (whole sentences for a paragraph longer than a part).
func (x *Extractor) run(doc Document) schema.Batch {
	paras, dl := x.clean.paragraphs(doc.Body, doc.Title)
	a := newAssembler(doc, articleID(doc))
	ws := x.getWorkspace()
	defer x.putWorkspace(ws)
	read := func(sents []sentence) {
		d := x.analyse(doc, sents, dl, ws)
		a.add(d)
		ws.entities = d.entities[:0]
	}
	var part []sentence
	for pi, p := range paras {
		sents := x.split.paragraph(doc.Body, p, pi)
		if len(part) > 0 && len(part)+len(sents) > x.opts.PartSentences {
			read(part)
			part = nil
		}
		for len(sents) > x.opts.PartSentences {
			read(sents[:x.opts.PartSentences])
			sents = sents[x.opts.PartSentences:]
		}
		part = append(part, sents...)
	}
	if len(part) > 0 {
		read(part)
	}
	return a.b
}

// analyse runs every stage but the last on the sentences of a document,
// in workspace ws; the document is good until ws is used again.
func (x *Extractor) analyse(doc Document, sents []sentence, dl dateline, ws *workspace) *document {
	views := x.mf.views(doc.Body, sents, ws)
	ws.mentions = resize(ws.mentions, len(sents))
	mentions := ws.mentions
	ws.ments = ws.ments[:0]
	for i := range sents {
		mentions[i] = x.mf.find(views[i], ws)
	}
	dc := newDateContext(x.g, doc.Published, dl)
	parses := map[*sentView]*syntax.Parse{}
	parse := func(v *sentView) *syntax.Parse {
		p, ok := parses[v]
		if !ok {
			p = x.parse(doc.Body, v)
			parses[v] = p
		}
		return p
	}
	dc.parse = parse
	d := &document{
		g: x.g, body: doc.Body, sents: sents, views: views, mentions: mentions,
		dates: dc.sentenceDates(views), dc: dc, dl: dl, opts: x.opts, p: &x.p, parse: parse, frames: x.fr,
		mem:  memory{callee: map[int]int{}, lastCallee: -1, lastSigned: -1},
		main: -2, signed: -2, ws: ws,
	}
	d.entities = ws.entities[:0]
	d.corefer()
	d.relate()
	return d
}

// parse returns the dependency parse of sentence v of body.
func (x *Extractor) parse(body string, v *sentView) *syntax.Parse {
	spans := make([]syntax.Span, len(v.Toks))
	for i, t := range v.Toks {
		spans[i] = syntax.Span{Start: t.Start, End: t.End}
	}
	return x.syn.ParseSpans(body, spans)
}
