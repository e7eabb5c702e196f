package embedded

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrDamaged marks a database file, or its write-ahead log, that is damaged.
var ErrDamaged = errors.New("database damaged")

// DamageError says what is wrong with the store's files. Open returns it
// and leaves the files as they are.
type DamageError struct {
	File   string // the damaged file, relative to the store's directory
	Detail string // what is wrong with it
}

func (e *DamageError) Error() string {
	return fmt.Sprintf("%s is damaged: %s; refusing to open it rather than serve or "+
		"trim damaged data. The file is left as it is: restore the directory from a backup, "+
		"or move it away and load the articles again", e.File, e.Detail)
}

func (e *DamageError) Unwrap() error { return ErrDamaged }

// Recovery says what Open found and checked.
type Recovery struct {
	// Existed is false for a new store.
	Existed bool
	// Clean is true when the last Close was clean and the file matched the
	// checksum recorded then.
	Clean bool
	// WALFrames is the number of valid frames of write-ahead log left by an
	// unclean stop, which the database applies on open: committed writes
	// that had not yet been checkpointed into the file.
	WALFrames int
	// TornFrames is the number of frames after the last valid one: a write
	// cut short by the stop, never acknowledged.
	TornFrames int
	// Check names the check that was run and Took how long it took.
	Check string
	Took  time.Duration
	// Imported is the number of articles imported from a directory of the
	// store's earlier journal format.
	Imported int
}

// Notable reports whether Open did more than open a cleanly closed store.
func (r Recovery) Notable() bool { return r.Existed && !r.Clean || r.Imported > 0 }

// String says what recovery did, for a log line.
func (r Recovery) String() string {
	var parts []string
	switch {
	case !r.Existed:
		parts = append(parts, "new database")
	case r.Clean:
		parts = append(parts, "closed cleanly")
	default:
		parts = append(parts, fmt.Sprintf("not closed cleanly: %d committed write-ahead-log "+
			"frames applied, %d torn frames of an unacknowledged write ignored",
			r.WALFrames, r.TornFrames))
	}
	if r.Check != "" {
		parts = append(parts, fmt.Sprintf("%s passed in %s", r.Check, r.Took.Round(time.Millisecond)))
	}
	if r.Imported > 0 {
		parts = append(parts, fmt.Sprintf("imported %d articles from the old journal format",
			r.Imported))
	}
	return strings.Join(parts, "; ")
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fileSum returns the size and CRC-32C of the file name.
func fileSum(name string) (int64, uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.CopyBuffer(h, f, make([]byte, 1<<20))
	return n, h.Sum32(), err
}

// sumLine is the content of the checksum record.
func sumLine(size int64, sum uint32) string {
	return fmt.Sprintf("diplograph.db size %d crc32c %08x\n", size, sum)
}

// writeSum records the checksum of the closed database file.
func (s *Store) writeSum() error {
	if _, err := os.Stat(s.path(dbFile + "-wal")); err == nil {
		return nil // the log is still there: no record, the next Open checks
	}
	size, sum, err := fileSum(s.path(dbFile))
	if err != nil {
		return err
	}
	tmp := s.path(sumFile + ".tmp")
	if err := writeFileSynced(tmp, []byte(sumLine(size, sum))); err != nil {
		return err
	}
	if err := os.Rename(tmp, s.path(sumFile)); err != nil {
		return err
	}
	return syncDir(s.dir)
}

// verify checks the files before the database is opened: the database
// against the checksum of its last clean close, or, without one, the
// write-ahead log's frames. quickCheck follows when the close was not clean.
func (s *Store) verify() (Recovery, error) {
	var rec Recovery
	_, err := os.Stat(s.path(dbFile))
	if errors.Is(err, os.ErrNotExist) {
		return rec, nil
	}
	if err != nil {
		return rec, err
	}
	rec.Existed = true
	want, err := os.ReadFile(s.path(sumFile))
	if err == nil {
		start := time.Now()
		if _, werr := os.Stat(s.path(dbFile + "-wal")); werr == nil {
			// A log beside a clean record: a crash after a later Open.
			// Trust neither the record nor the file: check both ways.
			return s.verifyLog(rec)
		}
		size, sum, err := fileSum(s.path(dbFile))
		if err != nil {
			return rec, err
		}
		if got := sumLine(size, sum); got != string(want) {
			return rec, &DamageError{File: dbFile, Detail: fmt.Sprintf(
				"its size and checksum (%d bytes, crc32c %08x) differ from those recorded when "+
					"it was last closed (%s); if it was changed on purpose with another SQLite "+
					"tool, remove %s", size, sum, strings.TrimSpace(string(want)), sumFile)}
		}
		rec.Clean, rec.Check, rec.Took = true, "file checksum", time.Since(start)
		return rec, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return rec, err
	}
	return s.verifyLog(rec)
}

// verifyLog checks the frames of the write-ahead log left by an unclean
// stop.
func (s *Store) verifyLog(rec Recovery) (Recovery, error) {
	f, err := os.Open(s.path(dbFile + "-wal"))
	if errors.Is(err, os.ErrNotExist) {
		return rec, nil
	}
	if err != nil {
		return rec, err
	}
	defer f.Close()
	valid, torn, err := checkWAL(f)
	if err != nil {
		return rec, &DamageError{File: dbFile + "-wal", Detail: err.Error()}
	}
	rec.WALFrames, rec.TornFrames = valid, torn
	return rec, nil
}

// quickCheck runs PRAGMA quick_check on the writer connection.
func (s *Store) quickCheck(rec *Recovery) error {
	start := time.Now()
	rows, err := s.w.Query("PRAGMA quick_check(20)")
	if err != nil {
		if isCorrupt(err) {
			return &DamageError{File: dbFile, Detail: err.Error()}
		}
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return &DamageError{File: dbFile, Detail: err.Error()}
		}
		return err
	}
	if len(problems) > 0 {
		return &DamageError{File: dbFile, Detail: "PRAGMA quick_check found: " +
			strings.Join(problems, "; ")}
	}
	rec.Check, rec.Took = "quick_check", time.Since(start)
	return nil
}

// isCorrupt reports whether err is SQLite's report of a damaged file.
func isCorrupt(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return true
		}
	}
	return false
}

// The write-ahead log (https://sqlite.org/fileformat2.html#walformat) is a
// 32-byte header and frames of a 24-byte header and one page. Each frame's
// checksum continues the one before it, so SQLite stops reading at the
// first frame that fails: after damage in the middle of the log, every
// later committed write would be silently dropped. checkWAL finds that
// case and refuses it.
const (
	walHeader      = 32
	walFrameHeader = 24
)

// checkWAL returns the number of valid frames of the log r and of the
// frames after them that are torn or stale. It fails when a frame that
// fails its checksum is followed by a frame of the same log generation
// that passes its own: damage, not a write cut short.
func checkWAL(f *os.File) (valid, torn int, err error) {
	r := bufio.NewReaderSize(f, 1<<20)
	hdr := make([]byte, walHeader)
	if _, err := io.ReadFull(r, hdr); err != nil {
		return 0, 0, nil // an empty or torn header: no frame was ever committed in it
	}
	var order binary.ByteOrder
	switch binary.BigEndian.Uint32(hdr[0:4]) {
	case 0x377f0682:
		order = binary.LittleEndian
	case 0x377f0683:
		order = binary.BigEndian
	default:
		return 0, 0, fmt.Errorf("the log header has no valid magic number")
	}
	pageSize := int(binary.BigEndian.Uint32(hdr[8:12]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return 0, 0, fmt.Errorf("the log header gives page size %d", pageSize)
	}
	s0, s1 := walChecksum(order, hdr[:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(hdr[24:28]) || s1 != binary.BigEndian.Uint32(hdr[28:32]) {
		return 0, 0, fmt.Errorf("the log header fails its checksum")
	}
	salt := hdr[16:24]
	frame := make([]byte, walFrameHeader+pageSize)
	bad := -1 // the first frame that failed
	for i := 0; ; i++ {
		if _, err := io.ReadFull(r, frame); err != nil {
			if bad < 0 && err == io.ErrUnexpectedEOF {
				torn++
			}
			return valid, torn, nil
		}
		if string(frame[8:16]) != string(salt) {
			// A frame of an earlier generation of the log: the end.
			if bad < 0 {
				torn++
			}
			continue
		}
		want0, want1 := binary.BigEndian.Uint32(frame[16:20]), binary.BigEndian.Uint32(frame[20:24])
		c0, c1 := walChecksum(order, frame[:8], s0, s1)
		c0, c1 = walChecksum(order, frame[walFrameHeader:], c0, c1)
		ok := c0 == want0 && c1 == want1
		switch {
		case ok && bad < 0:
			valid++
		case ok:
			return valid, torn, fmt.Errorf("frame %d at byte %d fails its checksum, "+
				"but frame %d at byte %d after it is intact: committed writes follow the damage",
				bad+1, walHeader+bad*len(frame), i+1, walHeader+i*len(frame))
		case bad < 0:
			bad = i
			torn++
		default:
			torn++
		}
		// The chain goes on from the checksum the frame carries, so that
		// an intact frame after a damaged one still verifies.
		s0, s1 = want0, want1
	}
}

// walChecksum continues SQLite's log checksum (s0, s1) over b.
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}

func writeFileSynced(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeSynced removes name, if it exists, durably.
func removeSynced(name string) error {
	err := os.Remove(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(name))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
