// Package playground serves an offline GraphiQL playground: an HTML page plus the GraphiQL
// and React builds it needs, all embedded in the binary, so that the page loads nothing from
// any host but the one serving it.
//
// Mount the handler under a path prefix with [http.StripPrefix]:
//
//	mux.Handle("/playground/", http.StripPrefix("/playground",
//		playground.Handler("Diplograph", "/graphql")))
//
// The page is then served at /playground/ and its assets under /playground/assets/. The
// vendored files in assets/ are written by web/vendor.sh from the versions pinned in
// web/package-lock.json.
package playground

import (
	"fmt"
	"html/template"
	"net/http"
	"strings"
)

// Tab is an example query that the playground opens in a tab of its own.
type Tab struct {
	// Name titles the tab. GraphiQL titles a tab after the query's operation name, so when
	// Query is an anonymous shorthand query ("{ ... }") and Name is a valid GraphQL name,
	// the page opens it as "query Name { ... }"; otherwise Query is shown as given.
	Name string
	// Query is the GraphQL document shown in the tab's editor.
	Query string
	// Variables is an optional JSON object shown in the tab's variables editor.
	Variables string
}

// DefaultTabs returns the example tabs that the playground opens when given none.
func DefaultTabs() []Tab {
	return []Tab{
		{Name: "Search", Query: `{
  search(query: "Modi", first: 5) {
    id
    name
    type
  }
}`},
		{Name: "Stats", Query: `{
  stats {
    entities
    relations
    articles
  }
}`},
	}
}

// Option configures a playground Handler.
type Option func(*config)

// config holds the settings that the options change.
type config struct {
	tabs        []Tab
	assetPrefix string
	links       []Link
}

// Link is a link the page shows over the playground, to a page on the same host.
type Link struct {
	Text, Href string
}

// WithLink adds a link, such as one to a graph explorer, shown in a corner of the page.
// Handler refuses an href that is not a path on the same host.
func WithLink(text, href string) Option {
	return func(c *config) { c.links = append(c.links, Link{Text: text, Href: href}) }
}

// WithTabs sets the example tabs the page opens, in order; with no tabs it keeps DefaultTabs.
// GraphiQL keeps the user's tabs in the browser's local storage and shows them, rather
// than these, on later visits.
func WithTabs(tabs ...Tab) Option {
	return func(c *config) {
		if len(tabs) > 0 {
			c.tabs = append([]Tab(nil), tabs...)
		}
	}
}

// WithAssetPrefix sets the URL path, such as "/playground/assets", under which the page
// loads its assets. By default it is derived from each request as the path at which the
// handler is mounted followed by "/assets", which suits mounting with http.StripPrefix.
// The prefix must be a path on the same host: Handler refuses anything else.
func WithAssetPrefix(prefix string) Option {
	return func(c *config) { c.assetPrefix = strings.TrimSuffix(prefix, "/") }
}

// Handler returns a handler serving the playground page at "/" and its assets under
// "/assets/". The page is titled title and sends its queries to endpoint, a path on the
// same host such as "/graphql"; Handler returns an error if endpoint or an asset prefix
// is anything else, since the page's Content-Security-Policy lets it connect to its own
// origin only.
func Handler(title, endpoint string, opts ...Option) (http.Handler, error) {
	c := config{tabs: DefaultTabs()}
	for _, opt := range opts {
		opt(&c)
	}
	if err := checkLocalPath("endpoint", endpoint); err != nil {
		return nil, err
	}
	if c.assetPrefix != "" {
		if err := checkLocalPath("asset prefix", c.assetPrefix); err != nil {
			return nil, err
		}
	}
	for _, l := range c.links {
		if err := checkLocalPath("link", l.Href); err != nil {
			return nil, err
		}
	}
	assets, err := loadAssets()
	if err != nil {
		return nil, err
	}
	page, err := template.New("page").Parse(pageHTML)
	if err != nil {
		return nil, fmt.Errorf("playground: page template: %w", err)
	}
	return &handler{
		title:       title,
		endpoint:    endpoint,
		tabs:        pageTabs(c.tabs),
		assetPrefix: c.assetPrefix,
		links:       c.links,
		assets:      assets,
		page:        page,
	}, nil
}

// handler serves the page and its assets.
type handler struct {
	title       string
	endpoint    string
	tabs        []pageTab
	assetPrefix string
	links       []Link
	assets      map[string]*asset
	page        *template.Template
}

// ServeHTTP serves the page at "/", assets under "/assets/", and 404 for anything else.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch path := r.URL.Path; {
	case path == "/" || path == "":
		h.servePage(w, r)
	case strings.HasPrefix(path, "/assets/"):
		a, ok := h.assets[strings.TrimPrefix(path, "/assets/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		a.serve(w, r)
	default:
		http.NotFound(w, r)
	}
}

// checkLocalPath returns an error unless path is a root-relative URL path, one on the
// same host.
func checkLocalPath(what, path string) error {
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") ||
		strings.Contains(path, "\\") {
		return fmt.Errorf("playground: %s must be a path such as /graphql, got %q", what, path)
	}
	return nil
}
