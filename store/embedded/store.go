// Package embedded is diplograph's zero-setup store: the graph kept in one
// SQLite database file (modernc.org/sqlite, pure Go) under a directory, so
// that it survives a crash and serves from disk with bounded memory.
//
// The database runs in write-ahead-log mode with synchronous=FULL: Upsert
// and DeleteArticle each commit one transaction, synced before they
// return, so a killed process loses nothing acknowledged. Readers use their
// own connections and see a consistent snapshot while a write goes on.
// Names and aliases are indexed by a B-tree (exact and prefix matches) and
// an FTS5 index with prefix tables (word matches); dates, types, endpoints,
// evidence articles and mentions have B-tree indexes; neighbourhoods and
// paths walk the indexed adjacency breadth first. Listings page with keyset
// cursors (see cursor.go), stable while articles are being written.
//
// A damaged file is refused, never trimmed: Close checkpoints the log into
// the database file and records the file's size and CRC-32C beside it
// (diplograph.db.sum); Open verifies them, and after an unclean stop, when
// there is no such record, checks the write-ahead log's frame checksums
// (a damaged frame followed by intact ones is damage, not a torn write)
// and runs PRAGMA quick_check. Open then fails with a *DamageError that
// says what is wrong and how to recover, and Recovery reports what Open
// found. A lock file (LOCK, flock) keeps a second process from opening the
// same directory.
package embedded

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"github.com/diplograph/diplograph/store"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

var _ store.Store = (*Store)(nil)

// ErrLocked means another process, or another Store of this one, has the
// directory open.
var ErrLocked = errors.New("directory is in use by another store")

// File names under the store's directory.
const (
	dbFile  = "diplograph.db"
	sumFile = "diplograph.db.sum"
)

// readers is the most reader connections; each has its own page cache.
const readers = 4

// Page cache sizes, in KiB (SQLite's negative cache_size).
const (
	writerCacheKiB = 32 << 10
	readerCacheKiB = 8 << 10
)

// Store is the embedded store. It is safe for concurrent use; readers run in
// parallel and writers one at a time.
type Store struct {
	dir  string
	lock *os.File

	w        *sql.DB       // the one writer connection
	sessions []*session    // reader connections (query_only)
	pool     chan *session // the sessions not in use

	wmu       sync.Mutex // one write transaction at a time
	ftsWrites int        // write transactions that added names; under wmu

	mu       sync.RWMutex // guards closed; held shared by every call
	closed   bool
	recovery Recovery
}

// Open opens the store kept in dir, creating dir if needed. It fails with
// ErrLocked when the directory is already open, and with a *DamageError
// (errors.Is ErrDamaged) when the database file is damaged.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	s := &Store{dir: dir, lock: lock}
	if err := s.open(); err != nil {
		s.shut()
		s.release()
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return s, nil
}

// open checks the file, opens the connections and creates the schema.
func (s *Store) open() error {
	os.Remove(s.path(sumFile + ".tmp")) // left by a crash inside Close
	legacy, err := legacyFiles(s.dir)
	if err != nil {
		return err
	}
	rec, err := s.verify()
	if err != nil {
		return err
	}
	s.recovery = rec
	if s.w, err = sql.Open("sqlite", s.dsn(false)); err != nil {
		return err
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetMaxIdleConns(1)
	s.w.SetConnMaxLifetime(0)
	if !rec.Clean && rec.Existed {
		if err := s.quickCheck(&s.recovery); err != nil {
			return err
		}
	}
	if err := s.createSchema(); err != nil {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	// From here on the file changes: the record of the last clean close no
	// longer describes it.
	if err := removeSynced(s.path(sumFile)); err != nil {
		return err
	}
	if err := s.openSessions(); err != nil {
		return err
	}
	if len(legacy) > 0 {
		n, err := s.importLegacy(legacy)
		if err != nil {
			return err
		}
		s.recovery.Imported = n
	}
	return nil
}

// dsn returns the data source name of the database with the pragmas every
// connection sets.
func (s *Store) dsn(reader bool) string {
	q := url.Values{}
	pragmas := []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(FULL)",
		"foreign_keys(OFF)", "temp_store(MEMORY)"}
	if reader {
		pragmas = append(pragmas, "query_only(1)", fmt.Sprintf("cache_size(-%d)", readerCacheKiB))
	} else {
		pragmas = append(pragmas, fmt.Sprintf("cache_size(-%d)", writerCacheKiB))
		q.Set("_txlock", "immediate")
		pragmas = append(pragmas, "wal_autocheckpoint(8192)")
	}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	return "file:" + s.path(dbFile) + "?" + q.Encode()
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

func (s *Store) path(name string) string { return filepath.Join(s.dir, name) }

// Recovery reports what Open found: whether the last close was clean and
// how the file was checked.
func (s *Store) Recovery() Recovery {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.recovery
}

// Ping reports whether the store is open and its database answers.
func (s *Store) Ping(ctx context.Context) error {
	return s.read(ctx, "ping", func(q querier) error {
		var one int
		return q.QueryRowContext(ctx, "SELECT 1").Scan(&one)
	})
}

// Close checkpoints the write-ahead log into the database file, records
// the file's checksum for the next Open and releases the directory. Calls
// after the first do nothing.
func (s *Store) Close(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.wmu.Lock()
	defer s.wmu.Unlock()
	var err error
	// One full-text segment for the next Open's readers.
	if _, cerr := s.w.Exec("INSERT INTO names_fts (names_fts) VALUES ('optimize')"); cerr != nil {
		err = cerr
	}
	if _, cerr := s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); cerr != nil && err == nil {
		err = cerr
	}
	if cerr := s.shut(); err == nil {
		err = cerr
	}
	if err == nil {
		err = s.writeSum()
	}
	s.release()
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.dir, err)
	}
	return nil
}

// shut closes the connections, readers first so that the writer's close
// is the last and removes the write-ahead log.
func (s *Store) shut() error {
	var err error
	for _, ss := range s.sessions {
		if cerr := ss.close(); err == nil {
			err = cerr
		}
	}
	if s.w != nil {
		if cerr := s.w.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// release drops the directory lock.
func (s *Store) release() {
	unlockFile(s.lock)
	s.lock.Close()
}

// rlock takes the shared lock for a call and reports whether the store can
// serve it; on nil the caller must s.mu.RUnlock.
func (s *Store) rlock(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return fmt.Errorf("store closed: %w", store.ErrUnavailable)
	}
	return nil
}

// dbErr wraps an error of the database engine: the caller's cancellation
// stays what it is, anything else is the store's (ErrUnavailable), and a
// damaged file is also ErrDamaged.
func dbErr(what string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s: %w", what, err)
	case isCorrupt(err):
		return fmt.Errorf("%s: %w: %w: %w", what, store.ErrUnavailable, ErrDamaged, err)
	}
	return fmt.Errorf("%s: %w: %w", what, store.ErrUnavailable, err)
}
