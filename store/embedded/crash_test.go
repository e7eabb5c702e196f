package embedded

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

var bg = context.Background()

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

// crashCopy copies the files of the open store s as they are on disk now
// into a new directory: what a process killed at this moment leaves (each
// acknowledged write is synced in the log; nothing is checkpointed or
// closed).
func crashCopy(t *testing.T, s *Store) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{dbFile, dbFile + "-wal"} {
		data, err := os.ReadFile(s.path(name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReopenAfterCrash(t *testing.T) {
	s, want := loaded(t, t.TempDir())
	dir := crashCopy(t, s)
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after a crash, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	rec := s.Recovery()
	if !rec.Existed || rec.Clean || rec.WALFrames == 0 || rec.TornFrames != 0 ||
		rec.Check != "quick_check" || !rec.Notable() {
		t.Errorf("Recovery() = %+v; want an unclean stop with log frames, checked by quick_check",
			rec)
	}
	if !strings.Contains(rec.String(), "not closed cleanly") {
		t.Errorf("Recovery().String() = %q; want it to say the close was not clean", rec)
	}
}

func TestCleanCloseAndReopen(t *testing.T) {
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
	if _, err := os.Stat(filepath.Join(dir, dbFile+"-wal")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the write-ahead log is still there after Close (%v)", err)
	}
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after Close and Open, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if rec := s.Recovery(); !rec.Clean || rec.Check != "file checksum" || rec.Notable() {
		t.Errorf("Recovery() = %+v; want a clean close, checked by the file checksum", rec)
	}
	if _, err := os.Stat(filepath.Join(dir, sumFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the checksum record is still there while the store is open (%v)", err)
	}
}

// flip flips one bit of the byte at offset at of the file name.
func flip(t *testing.T, name string, at int64) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if at < 0 {
		at += int64(len(data))
	}
	data[at] ^= 0x04
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return data
}

// refused checks that Open(dir) fails with a *DamageError naming file and
// saying want, leaves the files as they were, and fails again.
func refused(t *testing.T, dir, file, want string) {
	t.Helper()
	before := map[string]string{}
	for _, name := range []string{dbFile, dbFile + "-wal"} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		before[name] = string(data)
	}
	_, err := Open(dir)
	var de *DamageError
	if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open(damaged) = %v; want a *DamageError", err)
	}
	if de.File != file || !strings.Contains(err.Error(), want) {
		t.Errorf("Open(damaged) = %q; want it to name %s and say %q", err, file, want)
	}
	for name, data := range before {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != data {
			t.Errorf("%s was changed by the refused Open; want it left as it was", name)
		}
	}
	if _, err := Open(dir); !errors.Is(err, ErrDamaged) {
		t.Errorf("second Open = %v; want it refused again", err)
	}
}

// TestFlippedBitAfterCleanClose: any bit of the file changed while the
// store was closed is caught by the checksum of the clean close.
func TestFlippedBitAfterCleanClose(t *testing.T) {
	for _, at := range []int64{100, 5000, -100} {
		t.Run(fmt.Sprint(at), func(t *testing.T) {
			dir := t.TempDir()
			s, _ := loaded(t, dir)
			if err := s.Close(bg); err != nil {
				t.Fatal(err)
			}
			flip(t, filepath.Join(dir, dbFile), at)
			refused(t, dir, dbFile, "differ from those recorded when it was last closed")
		})
	}
}

// TestDamagedFileAfterCrash: after an unclean stop there is no checksum to
// compare; a damaged b-tree is caught by quick_check.
func TestDamagedFileAfterCrash(t *testing.T) {
	dir := t.TempDir()
	s, _ := loaded(t, dir)
	if err := s.Close(bg); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, sumFile)); err != nil {
		t.Fatal(err)
	}
	// Page 2's b-tree page header: its page type byte.
	data, err := os.ReadFile(filepath.Join(dir, dbFile))
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int64(data[16])<<8 | int64(data[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	data[pageSize] = 0x01 // not a b-tree page type
	if err := os.WriteFile(filepath.Join(dir, dbFile), data, 0o644); err != nil {
		t.Fatal(err)
	}
	refused(t, dir, dbFile, "")
}

// walFrame returns the size of one frame of the log in dir.
func walFrame(t *testing.T, dir string) int64 {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, dbFile+"-wal"))
	if err != nil || len(data) < walHeader {
		t.Fatalf("read log: %v (%d bytes)", err, len(data))
	}
	return walFrameHeader + int64(data[8])<<24 | int64(data[9])<<16 | int64(data[10])<<8 |
		int64(data[11])
}

// TestFlippedBitInTheLog: a damaged frame of the log followed by intact
// ones would make SQLite drop every later committed write without a word;
// Open refuses it instead, naming the frame.
func TestFlippedBitInTheLog(t *testing.T) {
	s, _ := loaded(t, t.TempDir())
	dir := crashCopy(t, s)
	flip(t, filepath.Join(dir, dbFile+"-wal"), walHeader+walFrameHeader+100) // frame 1's page
	refused(t, dir, dbFile+"-wal", "frame 1 at byte 32 fails its checksum")
}

// TestTornLogTail: a frame cut short at the end of the log is a write that
// was never acknowledged; Open applies the frames before it and says so.
func TestTornLogTail(t *testing.T) {
	s, want := loaded(t, t.TempDir())
	dir := crashCopy(t, s)
	frame := walFrame(t, dir)
	f, err := os.OpenFile(filepath.Join(dir, dbFile+"-wal"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(make([]byte, frame/2)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s = mustOpen(t, dir)
	if got := storetest.Dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after a torn write, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if rec := s.Recovery(); rec.TornFrames != 1 || rec.WALFrames == 0 {
		t.Errorf("Recovery() = %+v; want one torn frame", rec)
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

// TestFailedWriteIsUnavailable: a write the database cannot make (a full
// disk, here a file capped at its size) is store.ErrUnavailable, which the
// API answers as UNAVAILABLE; it changes nothing, and reads go on.
func TestFailedWriteIsUnavailable(t *testing.T) {
	s, want := loaded(t, t.TempDir())
	if _, err := s.w.Exec("PRAGMA max_page_count = 1"); err != nil {
		t.Fatal(err)
	}
	big := schema.Batch{Article: schema.Article{ID: "article:big",
		Title: strings.Repeat("long title ", 10000)}}
	err := s.Upsert(bg, big)
	if !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Upsert on a full file = %v; want %v", err, store.ErrUnavailable)
	}
	if got := storetest.Dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after a failed write, the store =\n  %+v\nwant\n  %+v", got, want)
	}
}

// The kill -9 test runs a child process (this test binary) that loads
// articles one Upsert at a time and prints the id of each once Upsert has
// returned; the parent kills it mid-ingest and checks that every article
// acknowledged is in the store.
const childEnv = "DIPLOGRAPH_EMBEDDED_CRASH_CHILD"

func TestKillMidIngestLosesNothingAcknowledged(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		return // the child runs in TestMain
	}
	if testing.Short() {
		t.Skip("runs a child process")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	lines := bufio.NewScanner(out)
	deadline := time.After(60 * time.Second)
	for len(acked) < 40 && lines.Scan() {
		acked = append(acked, lines.Text())
		select {
		case <-deadline:
			t.Fatalf("the child acknowledged only %d articles in 60 s", len(acked))
		default:
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	// Acknowledgements in the pipe when the kill landed count too.
	rest, _ := io.ReadAll(out)
	for _, l := range strings.Fields(string(rest)) {
		acked = append(acked, l)
	}
	cmd.Wait()
	if len(acked) < 40 {
		t.Fatalf("the child acknowledged %d articles; want at least 40 before the kill", len(acked))
	}
	s := mustOpen(t, dir)
	got, err := s.ArticlesByIDs(bg, acked)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(acked) {
		t.Errorf("after kill -9, %d of %d acknowledged articles are in the store",
			len(got), len(acked))
	}
	if rec := s.Recovery(); rec.Clean || !rec.Notable() {
		t.Errorf("Recovery() = %+v; want an unclean stop reported", rec)
	}
}

// crashChild is the child of TestKillMidIngestLosesNothingAcknowledged: it
// writes articles until it is killed.
func crashChild(dir string) {
	s, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	fx := storetest.NewFixture()
	for i := 0; ; i++ {
		b := fx.Batches[i%len(fx.Batches)]
		b.Article.ID = schema.ID(fmt.Sprintf("crash-article-%d", i))
		for j := range b.Relations {
			b.Relations[j].Evidence = nil
		}
		if err := s.Upsert(bg, b); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(2)
		}
		fmt.Println(b.Article.ID)
	}
}

func TestMain(m *testing.M) {
	if dir := os.Getenv(childEnv); dir != "" {
		crashChild(dir)
	}
	os.Exit(m.Run())
}
