package articles

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Kind is a kind of input: how its bytes become articles.
type Kind string

// The kinds of input Read understands.
const (
	Text     Kind = "txt"   // one article, optional front matter
	Markdown Kind = "md"    // as Text, the title's "#" marks dropped
	JSON     Kind = "json"  // one object, an array, {"articles": [...]} or a JSON Feed
	JSONL    Kind = "jsonl" // one JSON object per line
	CSV      Kind = "csv"   // a header row, then one article per record
	TSV      Kind = "tsv"   // as CSV, separated by tabs
	HTML     Kind = "html"  // a saved web page
	Feed     Kind = "feed"  // RSS, Atom or JSON Feed
)

// extensions maps file extensions (without ".gz") to their kind.
var extensions = map[string]Kind{
	".txt": Text, ".text": Text, ".md": Markdown, ".markdown": Markdown,
	".json": JSON, ".jsonl": JSONL, ".ndjson": JSONL, ".jsonlines": JSONL,
	".csv": CSV, ".tsv": TSV, ".tab": TSV,
	".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
	".rss": Feed, ".atom": Feed, ".xml": Feed, ".rdf": Feed,
}

// ParseKind returns the kind named s ("txt", "md", "json", "jsonl", "csv",
// "tsv", "html", "feed", or an extension such as ".ndjson" or "rss").
func ParseKind(s string) (Kind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if k, ok := extensions["."+strings.TrimPrefix(s, ".")]; ok {
		return k, nil
	}
	for _, k := range []Kind{Text, Markdown, JSON, JSONL, CSV, TSV, HTML, Feed} {
		if s == string(k) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q (want one of %s)", s, KindNames())
}

// KindNames lists the kinds and extensions understood, for messages.
func KindNames() string {
	var exts []string
	for e := range extensions {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	return strings.Join(exts, " ") + " (each also gzipped, .gz)"
}

// kindOfName returns the kind of a file name by its extension, whether it is
// gzipped, and false when the extension is not one Read understands.
func kindOfName(name string) (k Kind, gz bool, ok bool) {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".gz" || ext == ".gzip" {
		gz = true
		name = name[:len(name)-len(ext)]
		ext = strings.ToLower(filepath.Ext(name))
	}
	k, ok = extensions[ext]
	return k, gz, ok
}

// sniff guesses the kind of data from its first bytes (at most 64 KiB are
// looked at): feeds and pages by their first element, JSON Lines by a
// first line holding a whole object followed by another, JSON by its first
// character, anything else as text.
func sniff(head []byte) Kind {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	lower := bytes.ToLower(t[:min(len(t), 2048)])
	switch {
	case len(t) == 0:
		return Text
	case t[0] == '<':
		for _, m := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if bytes.Contains(lower, []byte(m)) {
				return Feed
			}
		}
		return HTML
	case t[0] == '[':
		return JSON
	case t[0] == '{':
		if bytes.Contains(lower, []byte("jsonfeed.org/version")) {
			return Feed
		}
		if line, rest, ok := bytes.Cut(t, []byte("\n")); ok &&
			bytes.HasSuffix(bytes.TrimSpace(line), []byte("}")) &&
			bytes.HasPrefix(bytes.TrimSpace(rest), []byte("{")) {
			return JSONL
		}
		return JSON
	}
	return Text
}

// kindOfContentType returns the kind a web server's Content-Type names, or ""
// when it names none in particular.
func kindOfContentType(ct string) Kind {
	ct = strings.ToLower(ct)
	switch {
	case strings.Contains(ct, "rss"), strings.Contains(ct, "atom"),
		strings.Contains(ct, "feed+json"):
		return Feed
	case strings.Contains(ct, "html"):
		return HTML
	case strings.Contains(ct, "ndjson"), strings.Contains(ct, "jsonl"):
		return JSONL
	case strings.Contains(ct, "csv"):
		return CSV
	case strings.Contains(ct, "tab-separated"):
		return TSV
	case strings.Contains(ct, "markdown"):
		return Markdown
	}
	return ""
}
