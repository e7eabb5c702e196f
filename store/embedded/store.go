// Package embedded is diplograph's zero-setup store: the whole graph in
// memory, indexed, and persisted under one directory so that it survives a
// crash.
//
// Every write is appended to a journal (journal.N) as a checksummed frame
// and synced before Upsert or DeleteArticle returns. Open replays the
// journal over the last snapshot (snapshot); a torn or corrupt tail, left
// by a crash in the middle of a write, is cut away and reported by
// Recovery. A corrupt frame followed by intact ones is damage to
// acknowledged writes, not a torn write: Open refuses it with a
// *DamageError naming the frame and its offset, and keeps a copy of the
// journal aside (damaged-journal.N.TIME). When the journal grows past a bound,
// and on Close, the state is compacted into a new snapshot, written to a
// temporary file, synced and renamed over the old one, and a fresh journal
// of the next generation is started. A lock file (LOCK, flock) keeps a
// second process from opening the same directory.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/diplograph/diplograph/store"
)

var _ store.Store = (*Store)(nil)

// ErrLocked means another process, or another Store of this one, has the
// directory open.
var ErrLocked = errors.New("directory is in use by another store")

// compactAt is the journal size past which a write compacts the state.
const compactAt = 64 << 20

// Store is the embedded store. It is safe for concurrent use; readers run in
// parallel and writers one at a time.
type Store struct {
	dir  string
	lock *os.File

	mu       sync.RWMutex
	st       *state
	journal  *os.File
	size     int64  // bytes of journal written and synced
	gen      uint64 // generation of the snapshot the journal continues
	recovery Recovery
	broken   error // set when the journal could not be restored after a failed write
	closed   bool
}

// Open opens the store kept in dir, creating dir if needed. It fails with
// ErrLocked when the directory is already open.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("embedded.Open %s: %w", dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("embedded.Open %s: %w", dir, err)
	}
	s := &Store{dir: dir, lock: lock, st: newState()}
	if err := s.load(); err != nil {
		s.release()
		return nil, fmt.Errorf("embedded.Open %s: %w", dir, err)
	}
	return s, nil
}

// lockDir takes the exclusive lock on dir's LOCK file without waiting.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, "LOCK"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, ErrLocked
		}
		return nil, fmt.Errorf("lock: %w", err)
	}
	return f, nil
}

// load reads the snapshot and replays the journal that continues it.
func (s *Store) load() error {
	os.Remove(s.path(snapshotTemp))
	if err := s.readSnapshot(); err != nil {
		return err
	}
	f, err := os.OpenFile(s.journalPath(s.gen), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return err
	}
	if s.recovery, err = replay(f, s.st); err != nil {
		f.Close()
		var de *DamageError
		if errors.As(err, &de) {
			de.Journal = filepath.Base(de.Journal)
			de.Copy = s.keepAside(de.Journal)
		}
		return fmt.Errorf("journal: %w", err)
	}
	s.journal = f
	s.size, err = f.Seek(0, 1)
	if err != nil {
		return err
	}
	if err := syncDir(s.dir); err != nil {
		return err
	}
	return s.removeStaleJournals()
}

// keepAside copies the damaged journal name to damaged-NAME.UNIXTIME,
// which no later compaction removes, and returns the copy's name ("" if
// the copy failed).
func (s *Store) keepAside(name string) string {
	data, err := os.ReadFile(s.path(name))
	if err != nil {
		return ""
	}
	aside := fmt.Sprintf("damaged-%s.%d", name, time.Now().Unix())
	if writeFileSynced(s.path(aside), data) != nil {
		return ""
	}
	return aside
}

// Recovery reports what Open found in the journal: how many records it
// replayed and whether it cut away a torn tail.
func (s *Store) Recovery() Recovery {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.recovery
}

// Ping reports whether the store is open.
func (s *Store) Ping(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return fmt.Errorf("embedded.Ping: closed: %w", store.ErrUnavailable)
	}
	return nil
}

// Close compacts the journal into a snapshot, when it holds anything, and
// releases the directory. Calls after the first do nothing.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	var err error
	if s.size > 0 && s.broken == nil {
		err = s.compact()
	}
	if cerr := s.journal.Close(); err == nil {
		err = cerr
	}
	s.release()
	if err != nil {
		return fmt.Errorf("embedded.Close %s: %w", s.dir, err)
	}
	return nil
}

// release drops the directory lock.
func (s *Store) release() {
	unlockFile(s.lock)
	s.lock.Close()
}

// usable returns the error a call must fail with when the store cannot
// serve it.
func (s *Store) usable(op string) error {
	if s.closed {
		return fmt.Errorf("embedded.%s: closed: %w", op, store.ErrUnavailable)
	}
	return nil
}
