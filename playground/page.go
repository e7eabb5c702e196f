package playground

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// pageHTML is the playground page. It holds no inline script: the settings travel as a JSON
// data block, which browsers never execute, and assets/playground.js reads them.
const pageHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" href="{{.Asset "favicon.svg"}}" type="image/svg+xml">
<link rel="stylesheet" href="{{.Asset "graphiql.min.css"}}">
<link rel="stylesheet" href="{{.Asset "playground.css"}}">
<script type="application/json" id="playground-config">{{.Config}}</script>
<script defer src="{{.Asset "react.production.min.js"}}"></script>
<script defer src="{{.Asset "react-dom.production.min.js"}}"></script>
<script defer src="{{.Asset "graphiql.min.js"}}"></script>
<script defer src="{{.Asset "playground.js"}}"></script>
</head>
<body>
<div id="graphiql"><noscript>The GraphQL playground needs JavaScript.</noscript></div>
{{range .Links}}<a class="playground-link" href="{{.Href}}">{{.Text}}</a>
{{end}}</body>
</html>
`

// contentSecurityPolicy returns the page's policy: scripts, styles and images come from its
// own origin only, and it connects only to that origin. Fonts and a few images are data: URLs
// inside graphiql.min.css. The one <style> element that GraphiQL creates (to lock scrolling
// while a dialog is open) carries styleNonce, which playground.js hands to it.
func contentSecurityPolicy(styleNonce string) string {
	return "default-src 'none'; script-src 'self'; style-src 'self' 'nonce-" + styleNonce + "'; " +
		"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
		"base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
}

// newNonce returns a fresh random CSP nonce.
func newNonce() string {
	return rand.Text()
}

// pageTab is a tab as GraphiQL's defaultTabs takes it.
type pageTab struct {
	Query     string `json:"query"`
	Variables string `json:"variables,omitempty"`
}

// pageConfig is the JSON that assets/playground.js reads from the page.
type pageConfig struct {
	Endpoint   string    `json:"endpoint"`
	Tabs       []pageTab `json:"tabs"`
	StyleNonce string    `json:"styleNonce"`
}

// pageData is what pageHTML is executed with.
type pageData struct {
	Title  string
	Links  []Link
	Config pageConfig
	prefix string
	assets map[string]*asset
}

// Asset returns the versioned URL of the named asset.
func (d pageData) Asset(name string) (string, error) {
	a, ok := d.assets[name]
	if !ok {
		return "", fmt.Errorf("playground: no embedded asset %q", name)
	}
	return a.url(d.prefix), nil
}

// servePage writes the playground page.
func (h *handler) servePage(w http.ResponseWriter, r *http.Request) {
	prefix := h.assetPrefix
	if prefix == "" {
		prefix = mountPath(r) + "/assets"
	}
	nonce := newNonce()
	var buf bytes.Buffer
	err := h.page.Execute(&buf, pageData{
		Title:  h.title,
		Links:  h.links,
		Config: pageConfig{Endpoint: h.endpoint, Tabs: h.tabs, StyleNonce: nonce},
		prefix: prefix,
		assets: h.assets,
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", contentSecurityPolicy(nonce))
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// mountPath returns the URL path at which the handler is mounted: the part of the requested
// path that http.StripPrefix removed, or "" when none was or it cannot be told.
func mountPath(r *http.Request) string {
	u, err := url.ParseRequestURI(r.RequestURI)
	if err != nil {
		return ""
	}
	full, rest := u.EscapedPath(), r.URL.EscapedPath()
	mount, ok := strings.CutSuffix(full, rest)
	if !ok || !strings.HasPrefix(mount, "/") || strings.HasPrefix(mount, "//") {
		return ""
	}
	return strings.TrimSuffix(mount, "/")
}

// pageTabs turns tabs into GraphiQL's form, naming each anonymous query after its tab.
func pageTabs(tabs []Tab) []pageTab {
	out := make([]pageTab, len(tabs))
	for i, t := range tabs {
		q := strings.TrimSpace(t.Query)
		if strings.HasPrefix(q, "{") && isName(t.Name) {
			q = "query " + t.Name + " " + q
		}
		out[i] = pageTab{Query: q, Variables: t.Variables}
	}
	return out
}

// isName reports whether s is a GraphQL name: /[_A-Za-z][_0-9A-Za-z]*/.
func isName(s string) bool {
	for i, c := range s {
		letter := c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}
