package articles

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// feed reads an RSS, Atom or JSON Feed document with gofeed: each item is an
// article ("file#N"), its HTML content (or, when it has none, its
// description) through the same extraction as a page, its date from
// pubDate, published or updated in any form feeds write, its source the
// feed's title.
func (rd *reader) feed(r io.Reader) {
	data, ok := rd.whole(r)
	if !ok {
		return
	}
	if len(bytes.TrimSpace(data)) == 0 {
		rd.fail(ErrEmpty, 0, 0, "file is empty")
		return
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		rd.fail(ErrMalformed, 0, 0, "not a readable RSS, Atom or JSON feed: %v", err)
		return
	}
	if len(f.Items) == 0 {
		rd.fail(ErrNoBody, 0, 0, "the feed has no items")
		return
	}
	source := htmlTitleText(f.Title)
	for i, it := range f.Items {
		if rd.done() {
			return
		}
		a, ok := itemArticle(it, source)
		a.Path = rd.path + "#" + strconv.Itoa(i+1)
		if !ok {
			if !rd.fail(ErrNoBody, 0, i+1, "feed item %q has no text", it.Title) {
				return
			}
			continue
		}
		if !rd.yield(a, nil) {
			return
		}
	}
}

// itemArticle turns a feed item into an article; ok is false when it has no text.
func itemArticle(it *gofeed.Item, source string) (Article, bool) {
	a := Article{Title: htmlTitleText(it.Title), URL: strings.TrimSpace(it.Link), Source: source}
	for _, content := range []string{it.Content, it.Description} {
		text := content
		if looksHTML(content) {
			text = fragmentText(content)
		} else {
			text = htmlTitleText(content)
		}
		if strings.TrimSpace(text) != "" {
			a.Body = text
			break
		}
	}
	if a.Body == "" {
		return a, false
	}
	if a.Title == "" {
		a.Title = firstLine(a.Body)
	}
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	a.Author = strings.Join(names, ", ")
	// The date as written, in its own zone (gofeed's parsed times are UTC).
	switch {
	case it.Published != "":
		setDate(&a, "pubDate", it.Published)
	case it.Updated != "":
		setDate(&a, "updated", it.Updated)
	}
	if a.Published == "" && it.PublishedParsed != nil {
		a.Published = it.PublishedParsed.Format(time.DateOnly)
		a.Warnings = nil
	}
	return a, true
}
