package embedded

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/store"
)

// Before the store moved onto SQLite it kept a snapshot file ("snapshot")
// and a journal ("journal.N") of checksummed JSON frames: an 8-byte header
// (payload length and CRC-32C, little-endian) and the payload. Open
// imports such a directory once, in one transaction, and moves the old
// files into legacy-journal/ beside the database, where they stay until
// the user removes them. A damaged frame fails the import and leaves
// everything as it was.

const legacyDir = "legacy-journal"

// legacyFiles returns the old format's files in dir: the snapshot, if
// any, first, then the journals by generation.
func legacyFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var snapshot []string
	var journals []string
	for _, e := range entries {
		switch name := e.Name(); {
		case name == "snapshot":
			snapshot = append(snapshot, name)
		case strings.HasPrefix(name, "journal."):
			if _, err := strconv.ParseUint(strings.TrimPrefix(name, "journal."), 10, 64); err == nil {
				journals = append(journals, name)
			}
		}
	}
	slices.SortFunc(journals, func(a, b string) int {
		x, _ := strconv.ParseUint(strings.TrimPrefix(a, "journal."), 10, 64)
		y, _ := strconv.ParseUint(strings.TrimPrefix(b, "journal."), 10, 64)
		return int(x) - int(y)
	})
	return append(snapshot, journals...), nil
}

// legacyOp is one journal frame.
type legacyOp struct {
	Upsert *store.Changes `json:"upsert,omitempty"`
	Delete string         `json:"delete,omitempty"`
}

// legacySnapshot is the snapshot file's one frame.
type legacySnapshot struct {
	Gen   uint64        `json:"gen"`
	State store.Changes `json:"state"`
}

var errTorn = errors.New("torn frame")

// readLegacyFrame reads the next frame of r into v: io.EOF at a clean end,
// errTorn for a frame cut short at the end, another error for damage.
func readLegacyFrame(r *bufio.Reader, v any) error {
	var h [8]byte
	n, err := io.ReadFull(r, h[:])
	if err == io.EOF {
		return io.EOF
	}
	if err != nil {
		return fmt.Errorf("header of %d bytes: %w", n, errTorn)
	}
	size := binary.LittleEndian.Uint32(h[0:4])
	if size > 1<<30 {
		return fmt.Errorf("frame length %d is not plausible", size)
	}
	payload := make([]byte, size)
	if _, err := io.ReadFull(r, payload); err != nil {
		return fmt.Errorf("payload: %w", errTorn)
	}
	if crc32.Checksum(payload, castagnoli) != binary.LittleEndian.Uint32(h[4:8]) {
		if _, err := r.Peek(1); err == io.EOF {
			return fmt.Errorf("last frame fails its checksum: %w", errTorn)
		}
		return errors.New("frame fails its checksum")
	}
	return json.Unmarshal(payload, v)
}

// importLegacy writes the content of the old files into the database and
// moves them aside. It returns the number of articles the store then holds.
func (s *Store) importLegacy(files []string) (int, error) {
	ctx := context.Background()
	err := s.write(ctx, "import old journal", func(w *writer) error {
		for _, name := range files {
			f, err := os.Open(s.path(name))
			if err != nil {
				return err
			}
			err = importLegacyFile(w, name, bufio.NewReaderSize(f, 1<<20))
			f.Close()
			if err != nil {
				return storeError{fmt.Errorf("%s: %w", name, err)}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("%w; the old files are left as they were: open the directory "+
			"with the diplograph release that wrote it, or move them away and load the "+
			"articles again", err)
	}
	if err := os.MkdirAll(s.path(legacyDir), 0o755); err != nil {
		return 0, err
	}
	for _, name := range files {
		if err := os.Rename(s.path(name), filepath.Join(s.path(legacyDir), name)); err != nil {
			return 0, err
		}
	}
	if err := syncDir(s.dir); err != nil {
		return 0, err
	}
	st, err := s.Stats(ctx)
	return st.Articles, err
}

func importLegacyFile(w *writer, name string, r *bufio.Reader) error {
	if name == "snapshot" {
		var snap legacySnapshot
		if err := readLegacyFrame(r, &snap); err != nil {
			return err
		}
		return w.upsert(snap.State)
	}
	for i := 1; ; i++ {
		var op legacyOp
		err := readLegacyFrame(r, &op)
		if err == io.EOF || errors.Is(err, errTorn) {
			return nil // a write cut short was never acknowledged
		}
		if err != nil {
			return fmt.Errorf("frame %d: %w", i, err)
		}
		switch {
		case op.Upsert != nil:
			err = w.upsert(*op.Upsert)
		case op.Delete != "":
			err = w.deleteArticle(op.Delete)
			if errors.Is(err, store.ErrNotFound) {
				err = nil
			}
		}
		if err != nil {
			return fmt.Errorf("frame %d: %w", i, err)
		}
	}
}
