package embedded

import (
	"errors"
	"os"
	"testing"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

// TestFailedWriteIsUnavailable: a journal write that fails (a full disk,
// here a journal that refuses writes) is store.ErrUnavailable, which the
// API answers as UNAVAILABLE, not as an internal error.
func TestFailedWriteIsUnavailable(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	ro, err := os.Open(s.journalPath(s.gen))
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	good := s.journal
	s.journal = ro
	s.mu.Unlock()
	fx := storetest.NewFixture()
	err = s.Upsert(bg, fx.Batches...)
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Upsert on a journal that refuses writes = %v; want %v", err,
			store.ErrUnavailable)
	}
	s.mu.Lock()
	s.journal = good
	s.mu.Unlock()
	ro.Close()
}
