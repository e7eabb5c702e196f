package embedded

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/store"
)

// File names under the store's directory.
const (
	snapshotFile  = "snapshot"
	snapshotTemp  = "snapshot.tmp"
	journalPrefix = "journal."
)

func (s *Store) path(name string) string { return filepath.Join(s.dir, name) }

func (s *Store) journalPath(gen uint64) string {
	return s.path(journalPrefix + strconv.FormatUint(gen, 10))
}

// readSnapshot loads the snapshot, if there is one, into the empty state.
// A damaged snapshot is an error: it was written whole and renamed into
// place, so damage means the disk failed.
func (s *Store) readSnapshot() error {
	f, err := os.Open(s.path(snapshotFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	var snap snapshot
	if _, err := readFrame(bufio.NewReaderSize(f, 1<<20), &snap); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	s.gen = snap.Gen
	s.st.upsert(snap.State)
	return nil
}

// appendOp writes o to the journal and syncs it. On failure it cuts the
// journal back to its last good size, so that no partial frame hides the
// writes that follow; if even that fails, the store refuses further writes.
func (s *Store) appendOp(o op) error {
	if s.broken != nil {
		return fmt.Errorf("journal unusable since an earlier failure: %w: %w",
			store.ErrUnavailable, s.broken)
	}
	buf, err := frame(o)
	if err != nil {
		return err
	}
	_, err = s.journal.Write(buf)
	if err == nil {
		err = s.journal.Sync()
	}
	if err != nil {
		if terr := s.restoreJournal(); terr != nil {
			s.broken = terr
		}
		// A failed write or sync (a full disk, an I/O error) is the
		// store's, not the caller's: the API answers UNAVAILABLE.
		return fmt.Errorf("journal write: %w: %w", store.ErrUnavailable, err)
	}
	s.size += int64(len(buf))
	return nil
}

func (s *Store) restoreJournal() error {
	if err := s.journal.Truncate(s.size); err != nil {
		return err
	}
	if _, err := s.journal.Seek(s.size, io.SeekStart); err != nil {
		return err
	}
	return s.journal.Sync()
}

// compact writes the state as the snapshot of the next generation and
// starts that generation's empty journal. A crash at any step leaves either
// the old snapshot with its journal or the new snapshot with an empty or
// missing journal, and Open recovers both.
func (s *Store) compact() error {
	next := s.gen + 1
	buf, err := frame(snapshot{Gen: next, State: s.st.changes()})
	if err != nil {
		return err
	}
	if err := writeFileSynced(s.path(snapshotTemp), buf); err != nil {
		return err
	}
	if err := os.Rename(s.path(snapshotTemp), s.path(snapshotFile)); err != nil {
		return err
	}
	// From here the snapshot is the next generation's: a write to the old
	// journal would be lost on reopen, so a failure stops further writes.
	if err := s.startJournal(next); err != nil {
		s.broken = err
		return err
	}
	return s.removeStaleJournals()
}

// startJournal makes the empty journal of generation gen the current one.
func (s *Store) startJournal(gen uint64) error {
	if err := syncDir(s.dir); err != nil {
		return err
	}
	journal, err := os.OpenFile(s.journalPath(gen), os.O_CREATE|os.O_RDWR|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	old := s.journal
	s.journal, s.gen, s.size = journal, gen, 0
	old.Close()
	return syncDir(s.dir)
}

// Compact folds the journal into a new snapshot now, rather than when the
// journal has grown or the store closes.
func (s *Store) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.usable("Compact"); err != nil {
		return err
	}
	if err := s.compact(); err != nil {
		return fmt.Errorf("embedded.Compact %s: %w", s.dir, err)
	}
	return nil
}

// removeStaleJournals deletes the journals of other generations than the
// current one: those a compaction replaced.
func (s *Store) removeStaleJournals() error {
	names, err := os.ReadDir(s.dir)
	if err != nil {
		return err
	}
	current := filepath.Base(s.journalPath(s.gen))
	for _, n := range names {
		if strings.HasPrefix(n.Name(), journalPrefix) && n.Name() != current {
			if err := os.Remove(s.path(n.Name())); err != nil {
				return err
			}
		}
	}
	return nil
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

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
