package articles

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// text reads a .txt or .md article: an optional front matter (a first line
// "---", then "key: value" lines: title, published, url, source, author;
// values may be quoted; other keys are ignored; then "---"), then the body,
// kept byte for byte (a suffix of the file), so offsets in Body map to
// offsets in the file. Without a title, Title is the first non-empty line
// of Body (for Markdown with its leading "#" marks removed).
func (rd *reader) text(r io.Reader, md bool) {
	data, ok := rd.whole(r)
	if !ok {
		return
	}
	if err := checkText(rd.path, data, true); err != nil {
		rd.yield(Article{}, err)
		return
	}
	a := Article{Path: rd.path}
	text := string(data)
	if first, rest, ok := cutLine(text); ok && strings.TrimSpace(first) == "---" {
		fields, body, err := frontMatter(rd.path, rest)
		if err != nil {
			rd.yield(Article{}, err)
			return
		}
		text = body
		a.Title, a.URL, a.Source = fields["title"], fields["url"], fields["source"]
		a.Author = fields["author"]
		setDate(&a, "front matter field published", fields["published"])
	}
	if strings.TrimSpace(text) == "" {
		rd.fail(ErrNoBody, 0, 0, "no article text")
		return
	}
	a.Body = text
	if a.Title == "" {
		a.Title = firstLine(text)
		if md {
			a.Title = strings.TrimSpace(strings.TrimLeft(a.Title, "#"))
		}
	}
	rd.yield(a, nil)
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
// byte base of the input, on line (or, when line is 0, on the line it counts).
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

// frontMatter reads "key: value" lines up to a closing "---" line; text
// starts on line 2 of the file. It returns the fields and the text after.
func frontMatter(path, text string) (map[string]string, string, error) {
	fields := map[string]string{}
	unclosed := &InputError{Path: path, Line: 1, Err: ErrMalformed,
		Reason: `front matter is not closed by a "---" line`}
	for n := 2; ; n++ {
		line, rest, ok := cutLine(text)
		if !ok && line == "" {
			return nil, "", unclosed
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
			return nil, "", unclosed
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
