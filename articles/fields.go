package articles

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// FieldMap maps an article field (title, body, published, url, source,
// author) to the CSV column or JSON key that holds it.
type FieldMap map[string]string

// commonNames lists, per article field, the column and key names recognised
// without a map, best first; names are compared folded (lower case, letters
// and digits only), so "Published At" and "published_at" are one name.
var commonNames = map[string][]string{
	"title": {"title", "headline", "heading", "subject"},
	"body": {"body", "text", "content", "articlebody", "articletext", "fulltext", "maintext",
		"story", "contenthtml", "contenttext", "html", "description", "summary"},
	"published": {"published", "publishedat", "publishdate", "publicationdate", "datepublished",
		"pubdate", "date", "datetime", "time", "timestamp", "createdat", "created", "updated"},
	"url":    {"url", "link", "canonicalurl", "permalink", "href", "sourceurl", "articleurl", "uri"},
	"source": {"source", "sitename", "site", "publisher", "outlet", "feed", "domain", "newspaper"},
	"author": {"author", "authors", "byline", "creator", "writer"},
}

// fieldOrder is the order of the article fields, for messages.
var fieldOrder = []string{"title", "body", "published", "url", "source", "author"}

// ParseFieldMap reads "field=name,field=name" (as given to --map): each
// field is an article field and each name the column or key holding it.
func ParseFieldMap(s string) (FieldMap, error) {
	m := FieldMap{}
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, fmt.Errorf("map entry %q: want FIELD=NAME", part)
		}
		if _, known := commonNames[k]; !known {
			return nil, fmt.Errorf("map entry %q: unknown article field %q (want one of %s)",
				part, k, strings.Join(fieldOrder, ", "))
		}
		if _, dup := m[k]; dup {
			return nil, fmt.Errorf("map entry %q: field %q mapped twice", part, k)
		}
		m[k] = v
	}
	return m, nil
}

// fold returns a name in lower case with letters and digits only.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// columns decides, for a record's names (a CSV header or a JSON object's
// keys), which name holds each article field: the mapped one, else the
// first common name present. It fails when a mapped name is absent.
func (m FieldMap) columns(names []string) (map[string]string, error) {
	byFold := map[string]string{}
	for _, n := range names {
		if _, dup := byFold[fold(n)]; !dup {
			byFold[fold(n)] = n
		}
	}
	cols := map[string]string{}
	taken := map[string]bool{}
	for _, f := range fieldOrder {
		if want, ok := m[f]; ok {
			n, found := byFold[fold(want)]
			if !found {
				return nil, fmt.Errorf("--map %s=%s: no %q among %s", f, want, want,
					quoteList(names))
			}
			cols[f], taken[n] = n, true
		}
	}
	for _, f := range fieldOrder {
		if _, ok := cols[f]; ok {
			continue
		}
		for _, c := range commonNames[f] {
			if n, found := byFold[c]; found && !taken[n] {
				cols[f], taken[n] = n, true
				break
			}
		}
	}
	return cols, nil
}

// quoteList returns names quoted and sorted, at most 12 of them.
func quoteList(names []string) string {
	s := append([]string(nil), names...)
	sort.Strings(s)
	more := ""
	if len(s) > 12 {
		s, more = s[:12], fmt.Sprintf(" and %d more", len(s)-12)
	}
	for i := range s {
		s[i] = fmt.Sprintf("%q", s[i])
	}
	return strings.Join(s, ", ") + more
}

// noBody is the reason for a record without article text.
func noBody(cols map[string]string, names []string) string {
	if n, ok := cols["body"]; ok {
		return fmt.Sprintf("no article text (its %q is empty)", n)
	}
	return fmt.Sprintf("no article text: none of %s is a body field (name one with "+
		"--map body=NAME; recognised: body, text, content…)", quoteList(names))
}

// fromFields builds an article from the field values of one record; a body
// that is HTML goes through the page extraction, so markup never reaches
// the text. It returns ok false when the record has no body.
func fromFields(path string, get func(field string) string) (Article, bool) {
	a := Article{Path: path,
		Title: strings.TrimSpace(get("title")), URL: strings.TrimSpace(get("url")),
		Source: strings.TrimSpace(get("source")), Author: strings.TrimSpace(get("author")),
	}
	body := get("body")
	if looksHTML(body) {
		body = fragmentText(body)
		a.Title = htmlTitleText(a.Title)
	}
	if strings.TrimSpace(body) == "" {
		return Article{}, false
	}
	a.Body = body
	if a.Title == "" {
		a.Title = firstLine(body)
	}
	setDate(&a, "published", get("published"))
	return a, true
}
