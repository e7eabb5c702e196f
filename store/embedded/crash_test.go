package embedded

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

var bg = context.Background()

// crash drops s as a killed process would: no compaction, no sync beyond
// what each write did, and the directory lock released.
func crash(s *Store) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	s.journal.Close()
	s.release()
}

func mustOpen(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("Open(%s) = %v; want nil", dir, err)
	}
	t.Cleanup(func() { s.Close(bg) })
	return s
}

// loaded returns a store in dir holding the fixture less article a4, and
// what it holds.
func loaded(t *testing.T, dir string) (*Store, storetest.Snapshot) {
	t.Helper()
	s := mustOpen(t, dir)
	fx := storetest.NewFixture()
	storetest.Load(t, s, fx)
	if err := s.DeleteArticle(bg, fx.ID("a4")); err != nil {
		t.Fatalf("DeleteArticle(a4) = %v; want nil", err)
	}
	return s, storetest.Dump(t, s)
}

func TestReopenAfterCrash(t *testing.T) {
	dir := t.TempDir()
	s, want := loaded(t, dir)
	crash(s)
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !equalSnapshots(got, want) {
		t.Errorf("after a crash, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if got := s.Recovery(); got != (Recovery{Records: 2}) {
		t.Errorf("Recovery() = %+v; want 2 records replayed, nothing cut", got)
	}
}

func TestTornTail(t *testing.T) {
	tests := []struct {
		name string
		tear func(t *testing.T, journal string, size int64)
	}{
		{"partial header", func(t *testing.T, journal string, size int64) {
			appendBytes(t, journal, []byte{0x20, 0, 0})
		}},
		{"partial payload", func(t *testing.T, journal string, size int64) {
			frame, _ := frame(op{Delete: "never-written"})
			appendBytes(t, journal, frame[:len(frame)-4])
		}},
		{"checksum mismatch", func(t *testing.T, journal string, size int64) {
			frame, _ := frame(op{Delete: "never-written"})
			frame[len(frame)-2] ^= 0xff
			appendBytes(t, journal, frame)
		}},
		{"huge length", func(t *testing.T, journal string, size int64) {
			appendBytes(t, journal, []byte{0xff, 0xff, 0xff, 0x7f, 1, 2, 3, 4, 5})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, want := loaded(t, dir)
			journal, size := s.journalPath(s.gen), s.size
			crash(s)
			tt.tear(t, journal, size)
			torn := fileSize(t, journal) - size

			s = mustOpen(t, dir)
			if got := storetest.Dump(t, s); !equalSnapshots(got, want) {
				t.Errorf("after a torn write, the store =\n  %+v\nwant\n  %+v", got, want)
			}
			rec := s.Recovery()
			if rec.Records != 2 || rec.Truncated != torn || rec.Reason == "" {
				t.Errorf("Recovery() = %+v; want 2 records and %d bytes cut, with a reason",
					rec, torn)
			}
			if got := fileSize(t, journal); got != size {
				t.Errorf("journal size after recovery = %d; want %d", got, size)
			}
			// The journal takes writes again, and they survive another crash.
			if err := s.DeleteArticle(bg, want.Articles[0].ID); err != nil {
				t.Fatalf("DeleteArticle after recovery = %v; want nil", err)
			}
			crash(s)
			s = mustOpen(t, dir)
			if _, err := s.Article(bg, want.Articles[0].ID); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("Article(deleted after recovery) error = %v; want %v", err,
					store.ErrNotFound)
			}
		})
	}
}

func TestCorruptRecordInTheMiddle(t *testing.T) {
	tests := []struct {
		name string
		at   int // the byte flipped
	}{
		{"payload of the first frame", headerSize + 10},
		{"checksum of the first frame", 5},
		{"length of the first frame", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, _ := loaded(t, dir)
			journal := s.journalPath(s.gen)
			crash(s)
			data, err := os.ReadFile(journal)
			if err != nil {
				t.Fatal(err)
			}
			data[tt.at] ^= 0x04 // one flipped bit; the second frame stays intact
			if err := os.WriteFile(journal, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Open(dir)
			var de *DamageError
			if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open(flipped bit) = %v; want a *DamageError", err)
			}
			if de.Frame != 1 || de.Offset != 0 || !strings.Contains(err.Error(), "frame 1 at byte 0") {
				t.Errorf("error %q; want it to name frame 1 at byte 0", err)
			}
			if got, _ := os.ReadFile(journal); string(got) != string(data) {
				t.Errorf("the damaged journal was changed; want it left as it was")
			}
			kept, _ := os.ReadFile(filepath.Join(dir, de.Copy))
			if de.Copy == "" || string(kept) != string(data) {
				t.Errorf("copy kept aside %q holds %d bytes; want the %d of the journal",
					de.Copy, len(kept), len(data))
			}
			// Opening again refuses again: nothing was trimmed.
			if _, err := Open(dir); !errors.Is(err, ErrDamaged) {
				t.Errorf("second Open = %v; want it refused again", err)
			}
		})
	}
}

func appendBytes(t *testing.T, name string, b []byte) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
}

func fileSize(t *testing.T, name string) int64 {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

func journals(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, journalPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	return names
}
