package articles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// containers are the keys of a JSON object whose array holds the articles
// ({"articles": [...]} and its kin), compared folded.
var containers = map[string]bool{
	"articles": true, "items": true, "data": true, "results": true, "entries": true,
	"posts": true, "stories": true, "documents": true, "docs": true, "records": true,
	"news": true,
}

// errLimit is what limitReader returns past its limit.
var errLimit = errors.New("over the limit")

// limitReader fails once more than max bytes were read since the last reset.
type limitReader struct {
	r     io.Reader
	n     int64
	max   int64
	hit   bool
	total int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n > l.max {
		l.hit = true
		return 0, errLimit
	}
	n, err := l.r.Read(p[:min(len(p), 32<<10)])
	l.n += int64(n)
	l.total += int64(n)
	return n, err
}

// reset starts a new record with a limit of max bytes; the decoder reads
// ahead at most its buffer, so the slack keeps a record that fits from
// tripping the limit.
func (l *limitReader) reset(max int64) { l.n, l.max = 0, max+64<<10 }

// json reads a .json file: one article object, an array of them, or an
// object whose "articles" (or "items", "data", "results"…) array holds
// them. Arrays are streams: one item at a time, each within MaxRecord.
func (rd *reader) json(r io.Reader) {
	lim := &limitReader{r: r}
	lim.reset(rd.opts.maxBytes())
	dec := json.NewDecoder(lim)
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			rd.fail(ErrEmpty, 0, 0, "file is empty")
			return
		}
		rd.jsonError(err, lim, 0)
		return
	}
	switch tok {
	case json.Delim('['):
		rd.jsonArray(dec, lim)
		return
	case json.Delim('{'):
	default:
		rd.fail(ErrMalformed, 0, 0, "want a JSON object or array, got %v", tok)
		return
	}
	obj := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			rd.jsonError(err, lim, 0)
			return
		}
		key, _ := tok.(string)
		if containers[fold(key)] {
			if t, err := dec.Token(); err == nil && t == json.Delim('[') {
				rd.jsonArray(dec, lim)
				return
			} else if err != nil {
				rd.jsonError(err, lim, 0)
				return
			} else if t == json.Delim('{') {
				rd.fail(ErrMalformed, 0, 0, "key %q holds an object, not an array of articles", key)
				return
			} else {
				b, _ := json.Marshal(t)
				obj[key] = b
				continue
			}
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			rd.jsonError(err, lim, 0)
			return
		}
		obj[key] = v
	}
	if _, err := dec.Token(); err != nil {
		rd.jsonError(err, lim, 0)
		return
	}
	// More values after the object: a stream of objects (JSON Lines whose
	// first line is too long to be told from content, or concatenated
	// JSON); each is an item, and nothing after the first is dropped.
	stream := dec.More()
	item := 0
	if stream {
		item = 1
	}
	a, err := rd.record(obj, 0, item)
	if !rd.yield(a, err) || !stream {
		return
	}
	rd.jsonItems(dec, lim, 2)
}

// jsonArray streams the items of an array whose "[" was read.
func (rd *reader) jsonArray(dec *json.Decoder, lim *limitReader) {
	rd.jsonItems(dec, lim, 1)
}

// jsonItems streams the values left in an array or at the top level,
// numbering them from first.
func (rd *reader) jsonItems(dec *json.Decoder, lim *limitReader, first int) {
	max := rd.opts.maxRecord()
	for item := first; dec.More(); item++ {
		if rd.done() {
			return
		}
		lim.reset(int64(max))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			rd.jsonError(err, lim, item)
			return
		}
		if size := len(raw); size > max {
			if !rd.fail(ErrTooLarge, 0, item, "item is %d bytes, over the limit of %d", size, max) {
				return
			}
			continue
		}
		var m map[string]json.RawMessage
		if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
			if !rd.fail(ErrMalformed, 0, item, "want an article object, got %.20s", t) {
				return
			}
			continue
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			if !rd.fail(ErrMalformed, 0, item, "malformed JSON: %v", err) {
				return
			}
			continue
		}
		a, err := rd.record(m, 0, item)
		if !rd.yield(a, err) {
			return
		}
	}
}

// jsonError reports a decoding error that ends the reading of the file.
func (rd *reader) jsonError(err error, lim *limitReader, item int) {
	var se *json.SyntaxError
	switch {
	case lim.hit && item > 0:
		rd.fail(ErrTooLarge, 0, item, "item is over the limit of %d bytes; the rest of the "+
			"file is not read", rd.opts.maxRecord())
	case lim.hit:
		rd.fail(ErrTooLarge, 0, 0, "over the limit of %d bytes for a JSON object",
			rd.opts.maxBytes())
	case errors.As(err, &se):
		rd.fail(fmt.Errorf("%w: %w", ErrMalformed, err), 0, item,
			"malformed JSON at byte offset %d: %v", se.Offset, err)
	case errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF:
		rd.fail(ErrMalformed, 0, item, "malformed JSON: unexpected end of JSON input")
	default:
		rd.fail(fmt.Errorf("%w: %w", ErrMalformed, err), 0, item, "malformed JSON: %v", err)
	}
}

// record turns one JSON object into an article.
func (rd *reader) record(m map[string]json.RawMessage, line, item int) (Article, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	where := &InputError{Path: rd.path, Line: line, Item: item}
	cols, err := rd.opts.Fields.columns(keys)
	if err != nil {
		where.Err, where.Reason = ErrNoBody, err.Error()
		return Article{}, where
	}
	path := where.Where()
	if line == 0 && item == 0 {
		path = rd.path
	}
	a, ok := fromFields(path, func(f string) string {
		if c, ok := cols[f]; ok {
			return rawString(m[c])
		}
		return ""
	})
	if !ok {
		where.Err, where.Reason = ErrNoBody, noBody(cols, keys)
		return Article{}, where
	}
	return a, nil
}

// rawString returns the text of a JSON value (see valueString), decoding
// only the values of the fields used.
func rawString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		return ""
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return ""
	}
	return valueString(v)
}

// valueString returns a JSON value as text: a string as is, a number as
// written, a list as its texts joined by ", ", an object by its "rendered",
// "name", "text", "value" or "href" member (as WordPress and JSON-LD write).
func valueString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case []any:
		var parts []string
		for _, x := range v {
			if s := strings.TrimSpace(valueString(x)); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"rendered", "name", "text", "value", "href", "url"} {
			if x, ok := v[k]; ok {
				return valueString(x)
			}
		}
	}
	return ""
}
