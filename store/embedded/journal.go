package embedded

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"

	"github.com/diplograph/diplograph/store"
)

// The journal and the snapshot are sequences of frames. A frame is an
// 8-byte header — the payload's length and its CRC-32 (Castagnoli), both
// little-endian uint32 — followed by the payload, a JSON document.
const (
	headerSize = 8
	// maxFrame bounds a payload, so a garbled length is seen as corrupt
	// rather than read as a huge allocation.
	maxFrame = 1 << 30
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// errCorrupt marks a frame that is torn or fails its checksum.
var errCorrupt = errors.New("corrupt frame")

// op is one journal record: the Changes of one Upsert, or one deleted
// article.
type op struct {
	Upsert *store.Changes `json:"upsert,omitempty"`
	Delete string         `json:"delete,omitempty"`
}

// snapshot is the content of the snapshot file: the whole state, and the
// generation of the journal that continues it.
type snapshot struct {
	Gen   uint64        `json:"gen"`
	State store.Changes `json:"state"`
}

// frame returns v encoded as one frame.
func frame(v any) ([]byte, error) {
	payload, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(payload) > maxFrame {
		return nil, fmt.Errorf("record of %d bytes exceeds %d", len(payload), maxFrame)
	}
	buf := make([]byte, headerSize, headerSize+len(payload))
	binary.LittleEndian.PutUint32(buf[0:4], uint32(len(payload)))
	binary.LittleEndian.PutUint32(buf[4:8], crc32.Checksum(payload, crcTable))
	return append(buf, payload...), nil
}

// readFrame reads the next frame of r into v. It returns io.EOF at a clean
// end and an error wrapping errCorrupt for a torn or garbled frame.
func readFrame(r io.Reader, v any) (int64, error) {
	var h [headerSize]byte
	n, err := io.ReadFull(r, h[:])
	if err == io.EOF {
		return 0, io.EOF
	}
	if err != nil {
		return 0, fmt.Errorf("header of %d bytes: %w", n, errCorrupt)
	}
	size := binary.LittleEndian.Uint32(h[0:4])
	if size > maxFrame {
		return 0, fmt.Errorf("length %d: %w", size, errCorrupt)
	}
	payload := make([]byte, size)
	if n, err := io.ReadFull(r, payload); err != nil {
		return 0, fmt.Errorf("payload of %d of %d bytes: %w", n, size, errCorrupt)
	}
	if crc32.Checksum(payload, crcTable) != binary.LittleEndian.Uint32(h[4:8]) {
		return 0, fmt.Errorf("checksum mismatch: %w", errCorrupt)
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return 0, fmt.Errorf("%v: %w", err, errCorrupt)
	}
	return headerSize + int64(size), nil
}

// Recovery says what Open found in the journal.
type Recovery struct {
	// Records is the number of journal records replayed.
	Records int
	// Truncated is the number of bytes of torn or corrupt tail cut away;
	// they held writes that had not been acknowledged as committed, unless
	// the disk itself was damaged.
	Truncated int64
	// Reason says why the tail was cut; empty when nothing was.
	Reason string
}

// ErrDamaged marks a journal damaged in the middle (see DamageError).
var ErrDamaged = errors.New("journal damaged in the middle")

// DamageError is a journal frame that is corrupt while intact frames follow
// it: not a torn last write but damage to acknowledged data, which Open
// refuses rather than drop the frames after it.
type DamageError struct {
	Journal string // the journal file
	Frame   int    // the damaged frame, counted from 1
	Offset  int64  // its byte offset
	Next    int64  // the offset of the first intact frame after it
	Cause   error  // what is wrong with the frame
	Copy    string // where a copy of the damaged journal was kept, if any
}

func (e *DamageError) Error() string {
	msg := fmt.Sprintf("%s: frame %d at byte %d is damaged (%v) and intact frames follow "+
		"from byte %d; refusing to open rather than drop acknowledged writes", e.Journal,
		e.Frame, e.Offset, e.Cause, e.Next)
	if e.Copy != "" {
		msg += "; a copy is kept as " + e.Copy
	}
	return msg + "; restore the journal from a backup, or move it away to open the store " +
		"as of its last snapshot"
}

func (e *DamageError) Unwrap() error { return ErrDamaged }

// intactAfter returns the offset of the first whole, checksummed frame
// that starts after the corrupt one at bad, or -1 when what follows is
// only a torn tail. Frames hold JSON objects, so only offsets whose
// payload starts with '{' are tried.
func intactAfter(f *os.File, bad int64) (int64, error) {
	info, err := f.Stat()
	if err != nil {
		return -1, err
	}
	rest := make([]byte, info.Size()-bad)
	if _, err := f.ReadAt(rest, bad); err != nil && err != io.EOF {
		return -1, err
	}
	for i := 1; i+headerSize < len(rest); i++ {
		if rest[i+headerSize] != '{' {
			continue
		}
		size := int(binary.LittleEndian.Uint32(rest[i : i+4]))
		end := i + headerSize + size
		if size == 0 || end > len(rest) {
			continue
		}
		if crc32.Checksum(rest[i+headerSize:end], crcTable) == binary.LittleEndian.Uint32(
			rest[i+4:i+8]) {
			return bad + int64(i), nil
		}
	}
	return -1, nil
}

// String says what recovery did, for a log line.
func (r Recovery) String() string {
	if r.Reason == "" {
		return fmt.Sprintf("replayed %d journal records", r.Records)
	}
	return fmt.Sprintf("replayed %d journal records; cut %d bytes of torn tail (%s)",
		r.Records, r.Truncated, r.Reason)
}

// replay applies every whole record of the journal f to st, cuts away a
// torn or corrupt tail, and leaves f positioned at its end.
func replay(f *os.File, st *state) (Recovery, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return Recovery{}, err
	}
	var rec Recovery
	r := bufio.NewReaderSize(f, 1<<20)
	var good int64
	for {
		var o op
		n, err := readFrame(r, &o)
		if err == io.EOF {
			break
		}
		if errors.Is(err, errCorrupt) {
			next, derr := intactAfter(f, good)
			if derr != nil {
				return rec, derr
			}
			if next >= 0 {
				return rec, &DamageError{Journal: f.Name(), Frame: rec.Records + 1,
					Offset: good, Next: next, Cause: err}
			}
			rec.Reason = fmt.Sprintf("record %d at byte %d: %v", rec.Records+1, good, err)
			break
		}
		if err != nil {
			return rec, err
		}
		switch {
		case o.Upsert != nil:
			st.upsert(*o.Upsert)
		case o.Delete != "":
			st.deleteArticle(o.Delete)
		}
		rec.Records++
		good += n
	}
	if rec.Reason != "" {
		info, err := f.Stat()
		if err != nil {
			return rec, err
		}
		rec.Truncated = info.Size() - good
		if err := f.Truncate(good); err != nil {
			return rec, err
		}
		if err := f.Sync(); err != nil {
			return rec, err
		}
	}
	_, err := f.Seek(good, io.SeekStart)
	return rec, err
}
