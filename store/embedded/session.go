package embedded

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// A session is one reader connection with its prepared statements: SQLite
// parses a statement in about as long as it takes to answer a page, so
// each session prepares a query once and runs it again and again. It is a
// database/sql pool of exactly one connection, so that the BEGIN and
// ROLLBACK that frame a read go to the same connection as the statements
// between them; a session serves one read at a time and no query of a
// read may be started while the rows of another are open.
type session struct {
	db    *sql.DB
	stmts map[string]*sql.Stmt
}

// maxStmts bounds the statements a session keeps prepared; the queries are
// built from a filter's parts, so there are few of them.
const maxStmts = 512

func openSession(dsn string) (*session, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	return &session{db: db, stmts: map[string]*sql.Stmt{}}, nil
}

func (ss *session) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := ss.stmts[query]; ok {
		return st, nil
	}
	if len(ss.stmts) >= maxStmts {
		for q, st := range ss.stmts {
			st.Close()
			delete(ss.stmts, q)
		}
	}
	st, err := ss.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	ss.stmts[query] = st
	return st, nil
}

func (ss *session) QueryContext(ctx context.Context, query string, args ...any,
) (*sql.Rows, error) {
	st, err := ss.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (ss *session) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := ss.stmt(ctx, query)
	if err != nil {
		return ss.db.QueryRowContext(ctx, query, args...) // reports the same error
	}
	return st.QueryRowContext(ctx, args...)
}

func (ss *session) exec(ctx context.Context, query string) error {
	st, err := ss.stmt(ctx, query)
	if err == nil {
		_, err = st.ExecContext(ctx)
	}
	return err
}

func (ss *session) close() error {
	for _, st := range ss.stmts {
		st.Close()
	}
	return ss.db.Close()
}

// openSessions opens the reader sessions.
func (s *Store) openSessions() error {
	s.pool = make(chan *session, readers)
	for range readers {
		ss, err := openSession(s.dsn(true))
		if err != nil {
			return err
		}
		s.sessions = append(s.sessions, ss)
		s.pool <- ss
	}
	return nil
}

// read runs fn in one read transaction of a session, so that everything it
// reads is of one moment even while a write commits.
func (s *Store) read(ctx context.Context, what string, fn func(q querier) error) error {
	if err := s.rlock(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer s.mu.RUnlock()
	var ss *session
	select {
	case ss = <-s.pool:
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", what, ctx.Err())
	}
	defer func() { s.pool <- ss }()
	if err := ss.exec(ctx, "BEGIN"); err != nil {
		return dbErr(what, err)
	}
	err := fn(ss)
	// A read changes nothing: roll back, even when ctx is done.
	if rerr := ss.exec(context.Background(), "ROLLBACK"); rerr != nil && err == nil {
		err = rerr
	}
	if err != nil {
		var se storeError
		if errors.As(err, &se) {
			return fmt.Errorf("%s: %w", what, err)
		}
		return dbErr(what, err)
	}
	return nil
}
