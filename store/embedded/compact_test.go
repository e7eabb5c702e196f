package embedded

import (
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

func equalSnapshots(a, b storetest.Snapshot) bool { return reflect.DeepEqual(a, b) }

func TestCompactThenCrash(t *testing.T) {
	dir := t.TempDir()
	s, _ := loaded(t, dir)
	if err := s.Compact(); err != nil {
		t.Fatalf("Compact = %v; want nil", err)
	}
	fx := storetest.NewFixture()
	if err := s.DeleteArticle(bg, fx.ID("a3")); err != nil {
		t.Fatalf("DeleteArticle(a3) = %v", err)
	}
	want := storetest.Dump(t, s)
	crash(s)
	if got := journals(t, dir); !reflect.DeepEqual(got, []string{"journal.1"}) {
		t.Errorf("journals after Compact = %v; want [journal.1]", got)
	}
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !equalSnapshots(got, want) {
		t.Errorf("after Compact and a crash, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if got := s.Recovery(); got != (Recovery{Records: 1}) {
		t.Errorf("Recovery() = %+v; want the one record written after Compact", got)
	}
}

// TestCrashInsideCompaction stops a compaction after the new snapshot is in
// place but before the new journal is: the old journal must not be replayed
// over a snapshot that already holds it.
func TestCrashInsideCompaction(t *testing.T) {
	dir := t.TempDir()
	s, want := loaded(t, dir)
	buf, err := frame(snapshot{Gen: s.gen + 1, State: s.st.changes()})
	if err != nil {
		t.Fatal(err)
	}
	if err := writeFileSynced(s.path(snapshotTemp), buf); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(s.path(snapshotTemp), s.path(snapshotFile)); err != nil {
		t.Fatal(err)
	}
	crash(s)
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !equalSnapshots(got, want) {
		t.Errorf("after a crash inside Compact, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if got := s.Recovery(); got != (Recovery{}) {
		t.Errorf("Recovery() = %+v; want nothing replayed", got)
	}
	if got := journals(t, dir); !reflect.DeepEqual(got, []string{"journal.1"}) {
		t.Errorf("journals = %v; want [journal.1]", got)
	}
}

func TestCloseCompactsAndReopens(t *testing.T) {
	dir := t.TempDir()
	s, want := loaded(t, dir)
	if err := s.Close(bg); err != nil {
		t.Fatalf("Close = %v; want nil", err)
	}
	if err := s.Close(bg); err != nil {
		t.Errorf("Close again = %v; want nil", err)
	}
	if _, err := s.Stats(bg); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Stats after Close error = %v; want %v", err, store.ErrUnavailable)
	}
	if err := s.Ping(bg); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Ping after Close error = %v; want %v", err, store.ErrUnavailable)
	}
	// A leftover temporary snapshot, as a crash inside Compact leaves, is
	// ignored.
	if err := os.WriteFile(s.path(snapshotTemp), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !equalSnapshots(got, want) {
		t.Errorf("after Close and Open, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if got := s.Recovery(); got != (Recovery{}) {
		t.Errorf("Recovery() = %+v; want an empty journal", got)
	}
	if _, err := os.Stat(s.path(snapshotTemp)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Stat(snapshot.tmp) error = %v; want it removed", err)
	}
}

func TestSecondOpenRefused(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	if _, err := Open(dir); !errors.Is(err, ErrLocked) {
		t.Errorf("second Open(%s) error = %v; want %v", dir, err, ErrLocked)
	}
	if err := s.Close(bg); err != nil {
		t.Fatalf("Close = %v", err)
	}
	mustOpen(t, dir)
}

func TestDamagedSnapshotFailsOpen(t *testing.T) {
	dir := t.TempDir()
	s, _ := loaded(t, dir)
	if err := s.Close(bg); err != nil {
		t.Fatalf("Close = %v", err)
	}
	if err := os.WriteFile(s.path(snapshotFile), []byte("not a snapshot"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err == nil {
		t.Errorf("Open(damaged snapshot) = nil error; want one")
	}
}
