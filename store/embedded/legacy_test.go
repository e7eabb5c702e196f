package embedded

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/storetest"
)

// legacyFrame encodes v as a frame of the earlier journal format.
func legacyFrame(t *testing.T, v any) []byte {
	t.Helper()
	payload, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8, 8+len(payload))
	binary.LittleEndian.PutUint32(buf[0:4], uint32(len(payload)))
	binary.LittleEndian.PutUint32(buf[4:8], crc32.Checksum(payload, castagnoli))
	return append(buf, payload...)
}

// legacyDirectory writes a directory of the earlier format: a snapshot of
// the fixture's first two articles, then a journal adding the other two
// and deleting a4, then a torn frame.
func legacyDirectory(t *testing.T) (string, storetest.Snapshot) {
	t.Helper()
	fx := storetest.NewFixture()
	snap, err := store.Prepare(fx.Batches[:2])
	if err != nil {
		t.Fatal(err)
	}
	rest, err := store.Prepare(fx.Batches[2:])
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "snapshot"),
		legacyFrame(t, legacySnapshot{Gen: 3, State: snap}), 0o644); err != nil {
		t.Fatal(err)
	}
	var journal []byte
	journal = append(journal, legacyFrame(t, legacyOp{Upsert: &rest})...)
	journal = append(journal, legacyFrame(t, legacyOp{Delete: fx.ID("a4")})...)
	torn := legacyFrame(t, legacyOp{Delete: fx.ID("a1")})
	journal = append(journal, torn[:len(torn)-3]...)
	if err := os.WriteFile(filepath.Join(dir, "journal.3"), journal, 0o644); err != nil {
		t.Fatal(err)
	}
	// What the same writes give in a new store.
	want, _ := loaded(t, t.TempDir())
	return dir, storetest.Dump(t, want)
}

func TestImportLegacyJournal(t *testing.T) {
	dir, want := legacyDirectory(t)
	s := mustOpen(t, dir)
	if got := storetest.Dump(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after the import, the store =\n  %+v\nwant\n  %+v", got, want)
	}
	if rec := s.Recovery(); rec.Imported != 3 || !rec.Notable() ||
		!strings.Contains(rec.String(), "imported 3 articles") {
		t.Errorf("Recovery() = %+v (%s); want 3 articles imported", rec, rec)
	}
	for _, name := range []string{"snapshot", "journal.3"} {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still in the directory (%v); want it moved aside", name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, legacyDir, name)); err != nil {
			t.Errorf("%s was not kept in %s: %v", name, legacyDir, err)
		}
	}
	// Imported once: the next open finds only the database.
	if err := s.Close(bg); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir)
	if rec := s.Recovery(); rec.Imported != 0 || !rec.Clean {
		t.Errorf("second Recovery() = %+v; want a clean open, nothing imported", rec)
	}
}

func TestImportDamagedLegacyJournal(t *testing.T) {
	dir, _ := legacyDirectory(t)
	journal := filepath.Join(dir, "journal.3")
	data := flip(t, journal, 20) // inside the first frame; the second is intact
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), "journal.3: frame 1: frame fails its checksum") ||
		!strings.Contains(err.Error(), "load the articles again") {
		t.Fatalf("Open(damaged old journal) = %v; want the frame named and what to do", err)
	}
	if got, _ := os.ReadFile(journal); string(got) != string(data) {
		t.Errorf("the damaged journal was changed; want it left as it was")
	}
	// Nothing half-imported: the next open tries again, and fails again.
	if _, err := Open(dir); err == nil {
		t.Errorf("second Open(damaged old journal) = nil; want it refused again")
	}
}
