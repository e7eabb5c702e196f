package articles

import (
	"bytes"
	"html"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// page reads a saved web page: trafilatura finds the main text (leaving out
// menus, advertisements, scripts, captions, comments, tables and related
// links) and the metadata of <meta> tags, OpenGraph and JSON-LD: title,
// publication date, author, site name and canonical address.
func (rd *reader) html(r io.Reader) {
	data, ok := rd.whole(r)
	if !ok {
		return
	}
	if len(bytes.TrimSpace(data)) == 0 {
		rd.fail(ErrEmpty, 0, 0, "file is empty")
		return
	}
	a, err := pageArticle(data, "", rd.path)
	if err != nil {
		rd.yield(Article{}, err)
		return
	}
	rd.yield(a, nil)
}

// pageArticle extracts the article of an HTML page; contentType, when known,
// names its character set.
func pageArticle(data []byte, contentType, path string) (Article, error) {
	var r io.Reader = bytes.NewReader(data)
	if cr, err := charset.NewReader(r, contentType); err == nil {
		r = cr
	}
	res, err := trafilatura.Extract(r, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		ExcludeTables:   true,
		HtmlDateMode:    trafilatura.Fast,
	})
	if err != nil {
		return Article{}, &InputError{Path: path, Err: ErrNoBody,
			Reason: "no article text found in the page: " + err.Error()}
	}
	a := Article{Path: path, Body: paragraphs(res.ContentNode),
		Title:  strings.TrimSpace(res.Metadata.Title),
		URL:    strings.TrimSpace(res.Metadata.URL),
		Source: strings.TrimSpace(res.Metadata.Sitename),
		Author: strings.TrimSpace(res.Metadata.Author),
	}
	if strings.TrimSpace(a.Body) == "" {
		return Article{}, &InputError{Path: path, Err: ErrNoBody,
			Reason: "no article text found in the page"}
	}
	if !res.Metadata.Date.IsZero() {
		a.Published = res.Metadata.Date.Format(time.DateOnly)
	}
	if a.Title == "" {
		a.Title = firstLine(a.Body)
	}
	return a, nil
}

// fragmentText returns the text of an HTML fragment (a feed item's content,
// an HTML body field of a record) through the same extraction as a page.
func fragmentText(s string) string {
	doc := "<html><body><article>" + s + "</article></body></html>"
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = 1 // a short item is still an item: no whole-page rescue
	res, err := trafilatura.Extract(strings.NewReader(doc), trafilatura.Options{
		Config:          cfg,
		ExcludeComments: true,
		ExcludeTables:   true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil || res.ContentNode == nil {
		return ""
	}
	return paragraphs(res.ContentNode)
}

// markup matches an HTML tag that a plain-text field would not hold.
var markup = regexp.MustCompile(`(?i)</?(p|div|br|span|a|em|strong|b|i|h[1-6]|ul|ol|li|` +
	`figure|figcaption|img|blockquote|article|section|table)(\s[^<>]*)?/?>`)

// looksHTML reports whether s is HTML rather than plain text.
func looksHTML(s string) bool {
	return markup.MatchString(s[:min(len(s), 64<<10)])
}

// htmlTitleText returns the text of a title that may hold markup or
// character references ("Fiji hosts <em>Pacific</em> forum").
func htmlTitleText(s string) string {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(html.UnescapeString(s))
	}
	nodes, err := nethtml.ParseFragment(strings.NewReader(s), &nethtml.Node{
		Type: nethtml.ElementNode, Data: "h1", DataAtom: atom.H1})
	if err != nil {
		return strings.TrimSpace(html.UnescapeString(s))
	}
	var parts []string
	for _, n := range nodes {
		parts = append(parts, paragraphs(n))
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// blocks are the elements that start a new paragraph in paragraphs.
var blocks = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "body": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"ul": true, "ol": true, "li": true, "list": true, "item": true, "dl": true, "dt": true,
	"dd": true, "blockquote": true, "quote": true, "pre": true, "table": true, "tr": true,
	"br": true, "hr": true, "lb": true, "header": true, "footer": true, "figure": true,
}

// paragraphs renders the extractor's cleaned content tree as text: the text
// of each block element (paragraph, heading, list item, quotation) on its
// own, white space collapsed, blocks separated by a blank line.
func paragraphs(n *nethtml.Node) string {
	if n == nil {
		return ""
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(*nethtml.Node)
	walk = func(n *nethtml.Node) {
		switch n.Type {
		case nethtml.TextNode:
			cur.WriteString(n.Data)
			return
		case nethtml.ElementNode, nethtml.DocumentNode:
		default:
			return
		}
		block := blocks[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(out, "\n\n")
}
