package export_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/storetest"
)

// heldStore is a real store whose entity scans wait until release is
// closed, to keep exports running.
type heldStore struct {
	*embedded.Store
	started chan struct{}
	release chan struct{}
}

func (h *heldStore) ScanEntities(ctx context.Context, f store.EntityFilter,
	fn func(schema.Entity) error,
) error {
	h.started <- struct{}{}
	<-h.release
	return h.Store.ScanEntities(ctx, f, fn)
}

// TestHandlerRefusesWhenBusy checks that exports past MaxConcurrent are
// refused with 429 at once, and that the held ones then complete.
func TestHandlerRefusesWhenBusy(t *testing.T) {
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(bg) })
	storetest.Load(t, st, storetest.NewFixture())
	h := &heldStore{Store: st, started: make(chan struct{}, export.MaxConcurrent),
		release: make(chan struct{})}
	srv := httptest.NewServer(http.StripPrefix("/export", export.Handler(h)))
	t.Cleanup(srv.Close)

	done := make(chan int, export.MaxConcurrent)
	for range export.MaxConcurrent {
		go func() {
			resp, err := http.Get(srv.URL + "/export/gexf")
			if err != nil {
				done <- 0
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			done <- resp.StatusCode
		}()
	}
	for range export.MaxConcurrent {
		<-h.started
	}
	resp, err := http.Get(srv.URL + "/export/graphml")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(string(body), "too many exports") {
		t.Errorf("an export past the limit = %d %q; want 429 with Retry-After",
			resp.StatusCode, body)
	}
	close(h.release)
	for range export.MaxConcurrent {
		if code := <-done; code != http.StatusOK {
			t.Errorf("a held export ended %d; want 200", code)
		}
	}
}
