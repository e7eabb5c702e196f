package loader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors an *InputError wraps, to test with errors.Is. ReadFile also uses
// the sentinels Extract returns (extract.go), with the same meaning for a
// file: ErrEmpty (nothing but white space), ErrBinary (NUL bytes or mostly
// not text), ErrInvalidUTF8 and ErrTooLarge (over MaxBytes or MaxLine).
var (
	// ErrMalformed means bad JSON, bad front matter or an unreadable field.
	ErrMalformed = errors.New("malformed input")
	// ErrNoBody means a document with no article text.
	ErrNoBody = errors.New("no article body")
	// ErrUnsupported means a file extension ReadFile does not read.
	ErrUnsupported = errors.New("unsupported file type")
)

// Default limits of ReadOptions.
const (
	DefaultMaxBytes = 10 << 20
	DefaultMaxLine  = 1 << 20
)

// ReadOptions limits what ReadFile accepts. Its zero value uses the defaults.
type ReadOptions struct {
	MaxBytes int64 // largest file read; DefaultMaxBytes when 0 or less
	MaxLine  int   // longest JSONL line; DefaultMaxLine when 0 or less
}

// InputError says why a file, or one line of a JSONL file, cannot be read.
// Err is one of the sentinel errors above, possibly wrapping a cause.
type InputError struct {
	Path   string // the file as given
	Line   int    // 1-based line, or 0 when the error is about the whole file
	Reason string // what is wrong, for people
	Err    error
}

// Error returns "path:line: reason".
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Reason)
	}
	return e.Path + ": " + e.Reason
}

// Unwrap returns Err, so errors.Is(err, ErrBinary) and the like work.
func (e *InputError) Unwrap() error { return e.Err }

// supported lists the file extensions ReadFile understands.
var supported = map[string]bool{".txt": true, ".md": true, ".json": true, ".jsonl": true}

// ReadFile reads the articles of one file, chosen by its extension:
//
//   - .txt and .md: one article, with optional front matter: a first line
//     "---", then "key: value" lines (title, published, url, source; values
//     may be quoted; other keys are ignored), then "---". Body is the text
//     after the front matter byte for byte (a suffix of the file, CRLF
//     line ends included), so offsets in Body map to offsets in the file.
//     Without a title field, Title is the first non-empty line of Body
//     (for .md with its leading "#" marks removed); Body keeps that line.
//   - .json: one object with title, body (or text), published, url, source.
//     Without a title, Title is the first non-empty line of the body.
//   - .jsonl: one such object per line; blank lines are skipped and each
//     Document's Path is "file.jsonl:LINE". Bad lines do not stop the
//     others: ReadFile returns the good documents and an errors.Join of
//     one *InputError per bad line.
//
// A leading UTF-8 byte order mark is dropped. Published is normalised to
// YYYY-MM-DD from a date or an RFC 3339 timestamp (the date as written, in
// the timestamp's own offset). Every error is an *InputError naming the
// file, and the line when known.
func ReadFile(path string, opts ReadOptions) ([]Document, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if !supported[ext] {
		return nil, &InputError{Path: path, Err: ErrUnsupported,
			Reason: fmt.Sprintf("unsupported extension %q (want .txt, .md, .json or .jsonl)", ext)}
	}
	data, err := readLimited(path, opts.maxBytes())
	if err != nil {
		return nil, err
	}
	if err := checkText(path, data, ext != ".jsonl"); err != nil {
		return nil, err
	}
	switch ext {
	case ".json":
		d, err := parseJSON(path, 0, data)
		if err != nil {
			return nil, err
		}
		return []Document{d}, nil
	case ".jsonl":
		return parseJSONL(path, data, opts.maxLine())
	default:
		d, err := parseText(path, data, ext == ".md")
		if err != nil {
			return nil, err
		}
		return []Document{d}, nil
	}
}

// maxBytes returns MaxBytes or its default.
func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// maxLine returns MaxLine or its default.
func (o ReadOptions) maxLine() int {
	if o.MaxLine <= 0 {
		return DefaultMaxLine
	}
	return o.MaxLine
}

// readLimited reads at most max+1 bytes of path, failing when there are more.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &InputError{Path: path, Reason: reasonOf(err), Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &InputError{Path: path, Reason: reasonOf(err), Err: err}
	}
	if int64(len(data)) > max {
		return nil, &InputError{Path: path, Err: ErrTooLarge,
			Reason: fmt.Sprintf("file is over the limit of %d bytes", max)}
	}
	return bytes.TrimPrefix(data, []byte("\uFEFF")), nil
}

// reasonOf returns the message of err without the path an *fs.PathError adds.
func reasonOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// checkText rejects empty and binary data, and invalid UTF-8 when utf is set.
func checkText(path string, data []byte, utf bool) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &InputError{Path: path, Err: ErrEmpty, Reason: "file is empty"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &InputError{Path: path, Err: ErrBinary,
			Reason: fmt.Sprintf("binary file (NUL byte at offset %d)", i)}
	}
	sample, odd := data[:min(len(data), 8192)], 0
	for i := 0; i < len(sample); {
		r, n := utf8.DecodeRune(sample[i:])
		invalid := r == utf8.RuneError && n == 1 && len(sample)-i >= utf8.UTFMax
		control := r < 0x20 && !strings.ContainsRune("\t\n\r\f\v", r) || r == 0x7f
		if invalid || control {
			odd++
		}
		i += n
	}
	if odd*10 > len(sample) {
		return &InputError{Path: path, Err: ErrBinary,
			Reason: fmt.Sprintf("binary file (%d of the first %d bytes are not text)",
				odd, len(sample))}
	}
	if utf {
		return checkUTF8(path, 0, 0, data)
	}
	return nil
}

// checkUTF8 reports the first invalid UTF-8 byte of data, which starts at
// byte base of the file, on line (or, when line is 0, on the line it counts).
func checkUTF8(path string, line, base int, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		i += n
	}
	if line == 0 {
		line = bytes.Count(data[:i], []byte("\n")) + 1
	}
	return &InputError{Path: path, Line: line, Err: ErrInvalidUTF8,
		Reason: fmt.Sprintf("invalid UTF-8 at byte offset %d", base+i)}
}

// parseText reads a .txt or .md article with optional front matter.
func parseText(path string, data []byte, md bool) (Document, error) {
	d := Document{Path: path}
	text := string(data)
	if first, rest, ok := cutLine(text); ok && strings.TrimSpace(first) == "---" {
		fields, body, err := frontMatter(path, rest)
		if err != nil {
			return Document{}, err
		}
		text = body
		d.Title, d.URL, d.Source = fields["title"], fields["url"], fields["source"]
		if d.Published, err = normDate(fields["published"]); err != nil {
			return Document{}, &InputError{Path: path, Err: ErrMalformed,
				Reason: "front matter field published: " + err.Error()}
		}
	}
	if strings.TrimSpace(text) == "" {
		return Document{}, &InputError{Path: path, Err: ErrNoBody, Reason: "no article text"}
	}
	d.Body = text
	if d.Title == "" {
		d.Title = firstLine(text)
		if md {
			d.Title = strings.TrimSpace(strings.TrimLeft(d.Title, "#"))
		}
	}
	return d, nil
}

// frontMatter reads "key: value" lines up to a closing "---" line; text
// starts on line 2 of the file. It returns the fields and the text after.
func frontMatter(path, text string) (map[string]string, string, error) {
	fields := map[string]string{}
	for n := 2; ; n++ {
		line, rest, ok := cutLine(text)
		if !ok && line == "" {
			return nil, "", &InputError{Path: path, Line: 1, Err: ErrMalformed,
				Reason: `front matter is not closed by a "---" line`}
		}
		text, line = rest, strings.TrimSpace(line)
		if line == "---" {
			return fields, text, nil
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok && !hasFence(rest) {
			return nil, "", &InputError{Path: path, Line: 1, Err: ErrMalformed,
				Reason: `front matter is not closed by a "---" line`}
		}
		if !ok {
			return nil, "", &InputError{Path: path, Line: n, Err: ErrMalformed,
				Reason: fmt.Sprintf(`front matter line %q is not "key: value"`, line)}
		}
		fields[strings.ToLower(strings.TrimSpace(k))] = unquote(strings.TrimSpace(v))
	}
}

// hasFence reports whether text has a "---" line.
func hasFence(text string) bool {
	for text != "" {
		var line string
		if line, text, _ = cutLine(text); strings.TrimSpace(line) == "---" {
			return true
		}
	}
	return false
}

// cutLine splits s after its first line; line has no "\n" or "\r\n".
func cutLine(s string) (line, rest string, found bool) {
	line, rest, found = strings.Cut(s, "\n")
	return strings.TrimSuffix(line, "\r"), rest, found
}

// unquote removes the double or single quotes around a front matter value.
func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		if s, err := strconv.Unquote(v); err == nil {
			return s
		}
	}
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// firstLine returns the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for s != "" {
		var line string
		line, s, _ = cutLine(s)
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// normDate returns s as YYYY-MM-DD; s is empty, a date or an RFC 3339 time.
func normDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("cannot parse %q as a date (want YYYY-MM-DD or RFC 3339)", s)
}

// jsonArticle is the shape of a .json file and of a .jsonl line.
type jsonArticle struct {
	Title     string `json:"title"`
	Body      string `json:"body"`
	Text      string `json:"text"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

// parseJSON reads one article object; line is its line in a JSONL file, or 0.
func parseJSON(path string, line int, data []byte) (Document, error) {
	bad := func(err error, format string, args ...any) error {
		return &InputError{Path: path, Line: line, Err: err, Reason: fmt.Sprintf(format, args...)}
	}
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return Document{}, bad(ErrMalformed, "want one JSON object, got %q…", t[:min(len(t), 10)])
	}
	var a jsonArticle
	if err := json.Unmarshal(data, &a); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se) && line == 0:
			l := bytes.Count(data[:se.Offset], []byte("\n")) + 1
			return Document{}, bad(fmt.Errorf("%w: %w", ErrMalformed, err),
				"malformed JSON at line %d, byte offset %d: %v", l, se.Offset, err)
		case errors.As(err, &se):
			return Document{}, bad(fmt.Errorf("%w: %w", ErrMalformed, err),
				"malformed JSON at column %d: %v", se.Offset, err)
		case errors.As(err, &te):
			return Document{}, bad(fmt.Errorf("%w: %w", ErrMalformed, err),
				"field %s: want a %s, got a JSON %s", te.Field, te.Type, te.Value)
		}
		return Document{}, bad(fmt.Errorf("%w: %w", ErrMalformed, err), "malformed JSON: %v", err)
	}
	if a.Body == "" {
		a.Body = a.Text
	}
	if strings.TrimSpace(a.Body) == "" {
		return Document{}, bad(ErrNoBody, `no article text (want a "body" or "text" field)`)
	}
	published, err := normDate(strings.TrimSpace(a.Published))
	if err != nil {
		return Document{}, bad(ErrMalformed, "field published: %v", err)
	}
	if a.Title = strings.TrimSpace(a.Title); a.Title == "" {
		a.Title = firstLine(a.Body)
	}
	return Document{Title: a.Title, Body: a.Body, Published: published,
		URL: strings.TrimSpace(a.URL), Source: strings.TrimSpace(a.Source), Path: path}, nil
}

// parseJSONL reads one article per non-blank line, keeping the good ones.
func parseJSONL(path string, data []byte, maxLine int) ([]Document, error) {
	var docs []Document
	var errs []error
	for n, off := 1, 0; off < len(data); n++ {
		raw, _, _ := bytes.Cut(data[off:], []byte("\n"))
		start := off
		off += len(raw) + 1
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		if len(raw) > maxLine {
			errs = append(errs, &InputError{Path: path, Line: n, Err: ErrTooLarge,
				Reason: fmt.Sprintf("line is %d bytes, over the limit of %d", len(raw), maxLine)})
			continue
		}
		if err := checkUTF8(path, n, start, raw); err != nil {
			errs = append(errs, err)
			continue
		}
		d, err := parseJSON(path, n, raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		d.Path = fmt.Sprintf("%s:%d", path, n)
		docs = append(docs, d)
	}
	return docs, errors.Join(errs...)
}

// Walk expands paths into the files to read: a folder gives its files with
// a supported extension (.txt, .md, .json, .jsonl), recursively and sorted,
// skipping hidden files and folders; a file is kept as given. Each file is
// listed once. A path that cannot be read gives an *InputError naming it,
// and the others are still walked.
func Walk(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[filepath.Clean(p)] {
			seen[filepath.Clean(p)] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, &InputError{Path: root, Reason: reasonOf(err), Err: err})
			continue
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &InputError{Path: p, Reason: reasonOf(err), Err: err})
				return nil
			}
			hidden := p != root && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case !d.IsDir() && !hidden && supported[strings.ToLower(filepath.Ext(p))]:
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &InputError{Path: root, Reason: reasonOf(err), Err: err})
		}
	}
	return files, errs
}
