// Package articles reads news articles from what analysts have: text and
// Markdown files, JSON objects and arrays, JSON Lines, CSV and TSV exports,
// saved web pages, RSS, Atom and JSON feeds, any of them gzipped, standard
// input and web addresses. It walks folders (Walk), reads each input as a
// stream of records (Read), and turns every record into an Article or an
// *InputError saying why it cannot be loaded. It knows nothing of
// extraction: package loader turns an Article's text into a graph.
//
// Large inputs are streams: a JSON Lines, CSV or JSON array file is read one
// record at a time with a limit per record (Options.MaxRecord), never whole,
// so memory stays bounded whatever the file's size. Formats that must be
// parsed whole (pages, feeds, text files, one JSON object) are limited by
// Options.MaxBytes, counted after decompression.
package articles

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"
)

// Article is one article read from an input.
type Article struct {
	Title     string // headline
	Body      string // the text a reader sees, paragraphs separated by blank lines
	Published string // publication date as YYYY-MM-DD, or empty
	URL       string // canonical address, when known
	Source    string // outlet or site name, when known
	Author    string // byline, when known
	// Path names where the article came from: "file" for a file holding one
	// article, "file:LINE" for a JSON Lines or CSV record, "file#N" for the
	// Nth item of a JSON array or a feed, and the address for a web page.
	Path string
	// Warnings are problems that did not stop the article from loading,
	// such as a publication date that could not be read.
	Warnings []string
}

// Errors an *InputError wraps, to test with errors.Is.
var (
	// ErrEmpty means a file or record with nothing but white space.
	ErrEmpty = errors.New("empty input")
	// ErrBinary means NUL bytes or mostly non-text bytes.
	ErrBinary = errors.New("binary input")
	// ErrInvalidUTF8 means text that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge means a file over Options.MaxBytes or a record over
	// Options.MaxRecord.
	ErrTooLarge = errors.New("input too large")
	// ErrMalformed means bad JSON, CSV, XML or front matter.
	ErrMalformed = errors.New("malformed input")
	// ErrNoBody means a record or page with no article text.
	ErrNoBody = errors.New("no article body")
	// ErrUnsupported means a kind of input that is not read.
	ErrUnsupported = errors.New("unsupported kind of input")
	// ErrFetch means a web address that could not be fetched.
	ErrFetch = errors.New("fetch failed")
)

// InputError says why an input, or one record of it, is not loaded.
type InputError struct {
	Path   string // the input as given: a path, "-" or an address
	Line   int    // 1-based line where the record starts, or 0
	Item   int    // 1-based item of a JSON array or feed, or 0
	Reason string // what is wrong, for people
	Err    error  // one of the sentinel errors above, or an operating system error
}

// Where returns "path:LINE", "path#ITEM" or "path".
func (e *InputError) Where() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d", e.Path, e.Line)
	case e.Item > 0:
		return fmt.Sprintf("%s#%d", e.Path, e.Item)
	}
	return e.Path
}

// Error returns "where: reason".
func (e *InputError) Error() string { return e.Where() + ": " + e.Reason }

// Unwrap returns Err, so errors.Is(err, ErrBinary) and the like work.
func (e *InputError) Unwrap() error { return e.Err }

// Default limits of Options.
const (
	DefaultMaxBytes  = 32 << 20
	DefaultMaxRecord = 4 << 20
)

// Options tunes reading. Its zero value reads by file extension with the
// default limits and the common field names.
type Options struct {
	// MaxBytes limits a file read whole (text, page, feed, one JSON object),
	// after decompression; DefaultMaxBytes when 0 or less.
	MaxBytes int64
	// MaxRecord limits one record of a stream (a JSON Lines line, a CSV
	// record, an item of a JSON array); DefaultMaxRecord when 0 or less.
	MaxRecord int
	// Kind, when set, reads every input as that kind instead of going by
	// its extension or content.
	Kind Kind
	// Fields maps article fields to the column or key that holds them in
	// CSV, TSV and JSON records (see ParseFieldMap); unmapped fields are
	// found by their common names.
	Fields FieldMap
	// Fetch tunes the loading of web addresses.
	Fetch FetchOptions
	// Stdin is what "-" reads; os.Stdin when nil.
	Stdin io.Reader
	// BytesRead, when set, is increased by the bytes read from each input
	// (before decompression), for progress reports.
	BytesRead *atomic.Int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) maxRecord() int {
	if o.MaxRecord <= 0 {
		return DefaultMaxRecord
	}
	return o.MaxRecord
}
