// Package explore serves diplograph's graph explorer: one HTML page with
// Cytoscape.js and the page's own script and style, all embedded in the
// binary, so that it loads nothing from any host but the one serving it.
// The page asks the GraphQL API for what it draws: search as you type,
// a node's neighbourhood on click, paths between two names, the evidence
// of an edge, and lets the user filter by type and date, colour by type or
// country, roll people up into their countries and download the view as
// PNG or GEXF.
//
//	mux.Handle("/explore/", http.StripPrefix("/explore", explore.Handler("/graphql")))
//
// The vendored files in assets/ are written by web/vendor.sh from the
// versions pinned in web/package-lock.json.
package explore

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed assets
var assetFS embed.FS

// asset is one embedded file; version is a digest of it, added to its URL
// so that the URL changes with the content and may be cached long.
type asset struct {
	name, contentType, version string
	data                       []byte
}

// pageHTML is the explorer page. Its settings travel as a JSON data block,
// which browsers never execute, so that script-src stays 'self'. The style
// sheet carries the id under which Cytoscape.js would otherwise inject an
// inline <style> (which style-src 'self' forbids), and holds its one rule.
const pageHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>diplograph explorer</title>
<link rel="stylesheet" href="{{.Asset "explore.css"}}" id="__________cytoscape_stylesheet">
<script type="application/json" id="explore-config">{{.Config}}</script>
<script defer src="{{.Asset "cytoscape.min.js"}}"></script>
<script defer src="{{.Asset "explore.js"}}"></script>
</head>
<body>
<header>
  <strong>diplograph explorer</strong>
  <span class="search"><input id="search" type="search" placeholder="Search a name…"
    autocomplete="off" aria-label="Search a name"><ul id="hits" role="listbox"></ul></span>
  <span class="pathform">Connect <input id="from" placeholder="from" aria-label="from">
    and <input id="to" placeholder="to" aria-label="to">
    <button id="findpath" type="button">Find path</button></span>
  <a href="{{.Playground}}">GraphQL playground</a>
</header>
<main>
  <aside id="controls">
    <fieldset><legend>Relation types</legend><div id="types"></div></fieldset>
    <fieldset><legend>Dates</legend>
      <label>from <input id="t0" type="range" min="0" max="0" value="0"></label>
      <label>to <input id="t1" type="range" min="0" max="0" value="0"></label>
      <div id="window">all dates</div>
      <label><input id="undated" type="checkbox" checked> undated relations</label>
    </fieldset>
    <fieldset><legend>View</legend>
      <label>colour by <select id="colorby"><option value="type">type</option>
        <option value="country">country</option></select></label>
      <label><input id="rollup" type="checkbox"> roll up to countries</label>
      <button id="clear" type="button">Clear</button>
      <button id="png" type="button">Download PNG</button>
      <button id="gexf" type="button">Download GEXF</button>
    </fieldset>
    <div id="status" role="status">Search a name to start.</div>
  </aside>
  <div id="cy" aria-label="graph"></div>
  <aside id="evidence"><h2>Evidence</h2><div id="evidence-body">Click an edge to see the
    sentences it was read from, or a node to expand it.</div></aside>
</main>
</body>
</html>
`

// config is what explore.js reads from the page.
type config struct {
	Endpoint string `json:"endpoint"`
}

// Handler returns a handler serving the explorer page at "/" and its
// assets under "/assets/"; the page sends its queries to endpoint and
// links to the playground at playground, both paths on the same host.
func Handler(endpoint, playground string) (http.Handler, error) {
	for _, p := range []string{endpoint, playground} {
		if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
			return nil, fmt.Errorf("explore: %q is not a path on this host", p)
		}
	}
	assets := map[string]*asset{}
	entries, err := fs.ReadDir(assetFS, "assets")
	if err != nil {
		return nil, fmt.Errorf("explore: %w", err)
	}
	for _, e := range entries {
		data, err := assetFS.ReadFile("assets/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("explore: %w", err)
		}
		sum := sha256.Sum256(data)
		assets[e.Name()] = &asset{name: e.Name(), data: data,
			contentType: contentType(e.Name()), version: hex.EncodeToString(sum[:8])}
	}
	page, err := template.New("page").Parse(pageHTML)
	if err != nil {
		return nil, fmt.Errorf("explore: page: %w", err)
	}
	return &handler{assets: assets, page: page, config: config{Endpoint: endpoint},
		playground: playground}, nil
}

type handler struct {
	assets     map[string]*asset
	page       *template.Template
	config     config
	playground string
}

// contentSecurityPolicy lets the page load scripts and styles from its own
// origin only and connect only to it; images may be blob: and data: URLs,
// which the PNG download makes.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
	"frame-ancestors 'self'"

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/" || p == "":
		h.servePage(w, r)
	case strings.HasPrefix(p, "/assets/"):
		a, ok := h.assets[strings.TrimPrefix(p, "/assets/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		hd := w.Header()
		hd.Set("Content-Type", a.contentType)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("ETag", `"`+a.version+`"`)
		if r.URL.Query().Get("v") == a.version {
			hd.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			hd.Set("Cache-Control", "no-cache")
		}
		http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.data))
	default:
		http.NotFound(w, r)
	}
}

// pageData is what pageHTML is executed with.
type pageData struct {
	Config     config
	Playground string
	assets     map[string]*asset
}

// Asset returns the versioned URL of an embedded asset, relative to the
// page (which is served at the mount path with its trailing slash).
func (d pageData) Asset(name string) (string, error) {
	a, ok := d.assets[name]
	if !ok {
		return "", fmt.Errorf("explore: no embedded asset %q", name)
	}
	return "assets/" + a.name + "?v=" + a.version, nil
}

func (h *handler) servePage(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	err := h.page.Execute(&buf, pageData{Config: h.config,
		Playground: h.playground, assets: h.assets})
	if err != nil {
		http.Error(w, "explore: "+err.Error(), http.StatusInternalServerError)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", contentSecurityPolicy)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// contentType returns the Content-Type of an asset file.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return "application/octet-stream"
}
