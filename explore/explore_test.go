package explore_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/explore"
)

func TestHandler(t *testing.T) {
	h, err := explore.Handler("/graphql", "/")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/explore", h))
	t.Cleanup(srv.Close)
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, page := get("/explore/")
	csp := resp.Header.Get("Content-Security-Policy")
	if resp.StatusCode != 200 || !strings.Contains(csp, "script-src 'self'") ||
		!strings.Contains(csp, "style-src 'self';") || strings.Contains(page, "://") {
		t.Errorf("GET /explore/ = %d, CSP %q; want 200, scripts and styles from 'self' "+
			"only, no absolute URL in:\n%s", resp.StatusCode, csp, page)
	}
	if !strings.Contains(page, `{"endpoint":"/graphql"}`) {
		t.Errorf("the page does not carry its endpoint:\n%s", page)
	}
	assets := regexp.MustCompile(`(?:src|href)="(assets/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(assets) != 3 {
		t.Errorf("the page loads %d assets; want explore.css, cytoscape.min.js, explore.js", len(assets))
	}
	for _, a := range assets {
		resp, body := get("/explore/" + a[1])
		if resp.StatusCode != 200 || len(body) == 0 ||
			!strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("GET %s = %d (%d bytes, %q); want 200, cached for good", a[1],
				resp.StatusCode, len(body), resp.Header.Get("Cache-Control"))
		}
	}
	for path, want := range map[string]int{"/explore/assets/nope.js": 404, "/explore/x": 404} {
		if resp, _ := get(path); resp.StatusCode != want {
			t.Errorf("GET %s = %d; want %d", path, resp.StatusCode, want)
		}
	}
	resp, err = http.Post(srv.URL+"/explore/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /explore/ = %d; want 405", resp.StatusCode)
	}
	if _, err := explore.Handler("https://elsewhere/graphql", "/"); err == nil {
		t.Error("Handler(an endpoint on another host) = nil error; want one")
	}
}
