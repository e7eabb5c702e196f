package playground

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"time"
)

// assetFS holds the vendored GraphiQL and React builds and the playground's own small files.
//
//go:embed assets
var assetFS embed.FS

// asset is one embedded file, ready to serve.
type asset struct {
	name        string
	data        []byte
	contentType string
	// version is a digest of data; the page adds it to the asset's URL as ?v= so that the
	// URL changes whenever the content does, which makes long caching safe.
	version string
}

// loadAssets reads every embedded asset and its digest, keyed by file name.
func loadAssets() (map[string]*asset, error) {
	entries, err := fs.ReadDir(assetFS, "assets")
	if err != nil {
		return nil, fmt.Errorf("playground: reading embedded assets: %w", err)
	}
	assets := make(map[string]*asset, len(entries))
	for _, e := range entries {
		data, err := assetFS.ReadFile("assets/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("playground: reading embedded asset %s: %w", e.Name(), err)
		}
		sum := sha256.Sum256(data)
		assets[e.Name()] = &asset{
			name:        e.Name(),
			data:        data,
			contentType: contentType(e.Name()),
			version:     hex.EncodeToString(sum[:8]),
		}
	}
	return assets, nil
}

// contentType returns the Content-Type to serve the named file with.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// serve writes the asset. A request for the current version (?v=) may be cached for a year;
// any other request must be revalidated, which the ETag makes cheap.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+a.version+`"`)
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, a.name, time.Time{}, bytes.NewReader(a.data))
}

// url returns the asset's URL under prefix, with its version.
func (a *asset) url(prefix string) string {
	return prefix + "/" + a.name + "?v=" + a.version
}
