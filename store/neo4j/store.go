// Package neo4jstore keeps diplograph's graph in Neo4j 5.
//
// The model: every entity is a node labelled :Entity and its type (for
// example :Entity:Person) with the entity's fields as properties, plus fold
// (its folded name, for ordering and prefixes) and aliasText (its folded
// name and aliases, for the full-text index). Every article is an :Article
// node, with (:Article)-[:MENTIONS]->(:Entity) to each entity of its batches
// and the ends of their relations. Every relation is a relationship of its
// type between its two entities; its evidence is kept on it as four
// parallel lists (evArticle, evSentence, evStart, evEnd), so that reading a
// relation with its evidence is one hop, and deleting an article filters the
// lists of the relations its entities have. Beside a relation's date it
// keeps dateLo and dateHi, the first and last day the date stands for
// (store.DateBounds), and articles keep pubLo and pubHi likewise.
//
// Writes run in managed write transactions: each Upsert first locks the
// nodes it will change, in id order, reads them, merges with the shared
// rules of package store in Go and writes the result back, so concurrent
// writers never lose each other's aliases or evidence. Reads are one Cypher
// query per call. Labels and relationship types are formatted into Cypher
// only from the validated constants of package schema; every value travels
// as a parameter.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var _ store.Store = (*Store)(nil)

// Config says where the Neo4j server is.
type Config struct {
	URI      string // e.g. bolt://127.0.0.1:7687 or neo4j://host
	User     string
	Password string
	Database string // empty: the server's default database
	// RetryTime bounds how long a transaction is retried after transient
	// failures (a lost connection, a database not yet available) before
	// its error is returned; 0 keeps the driver's default of 30 s. A
	// server answering requests under a deadline wants it well inside.
	RetryTime time.Duration
}

// Store is the Neo4j store. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
}

// Open connects to Neo4j, checks that it answers, and creates diplograph's
// constraints and indexes (schema.CypherSetup) where missing. A server that
// cannot be reached, or refuses the credentials, is store.ErrUnavailable.
func Open(ctx context.Context, c Config) (*Store, error) {
	driver, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""),
		func(conf *neo4j.Config) {
			if c.RetryTime > 0 {
				conf.MaxTransactionRetryTime = c.RetryTime
			}
		})
	if err != nil {
		return nil, fmt.Errorf("neo4j.Open %s: %w: %w", c.URI, store.ErrUnavailable, err)
	}
	s := &Store{driver: driver, db: c.Database}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		driver.Close(ctx)
		return nil, fmt.Errorf("neo4j.Open %s: %w: %w", c.URI, store.ErrUnavailable, err)
	}
	for _, stmt := range schema.CypherSetup() {
		if _, err := s.run(ctx, stmt, nil, true); err != nil {
			driver.Close(ctx)
			return nil, fmt.Errorf("neo4j.Open %s: setup: %w", c.URI, err)
		}
	}
	// An index new to a filled database is populated in the background;
	// wait for it, so that no query meets an index not yet online.
	if _, err := s.run(ctx, "CALL db.awaitIndexes(300)", nil, false); err != nil {
		driver.Close(ctx)
		return nil, fmt.Errorf("neo4j.Open %s: waiting for indexes: %w", c.URI, err)
	}
	return s, nil
}

// Ping reports whether the server answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("neo4j.Ping: %w: %w", store.ErrUnavailable, err)
	}
	return nil
}

// Close closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error {
	if err := s.driver.Close(ctx); err != nil {
		return fmt.Errorf("neo4j.Close: %w", err)
	}
	return nil
}

// Wipe deletes every node and relationship of the database, keeping the
// constraints and indexes: for tests and benchmarks. It deletes in
// transactions of 5,000 nodes, so a large graph does not need a heap to
// match.
func (s *Store) Wipe(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx,
		"MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return fmt.Errorf("neo4j.Wipe: %w", mapErr(err))
	}
	return nil
}

// run runs one query in its own managed transaction and returns its
// records; write chooses the writers or the readers.
func (s *Store) run(ctx context.Context, query string, params map[string]any, write bool,
) ([]*neo4j.Record, error) {
	routing := neo4j.ExecuteQueryWithReadersRouting()
	if write {
		routing = neo4j.ExecuteQueryWithWritersRouting()
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, query, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), routing)
	if err != nil {
		return nil, mapErr(err)
	}
	return res.Records, nil
}

// read runs a read query.
func (s *Store) read(ctx context.Context, query string, params map[string]any,
) ([]*neo4j.Record, error) {
	return s.run(ctx, query, params, false)
}

// mapErr turns the driver's errors for an unreachable or refusing server
// into store.ErrUnavailable, keeping the driver's error in the chain.
func mapErr(err error) error {
	if unavailable(err) {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return err
}

func unavailable(err error) bool {
	var conn *neo4j.ConnectivityError
	var limit *neo4j.TransactionExecutionLimit
	var db *neo4j.Neo4jError
	var auth *neo4j.InvalidAuthenticationError
	switch {
	case errors.As(err, &conn), errors.As(err, &auth):
		return true
	case errors.As(err, &limit):
		for _, e := range limit.Errors {
			if unavailable(e) {
				return true
			}
		}
	case errors.As(err, &db):
		return db.Code == "Neo.TransientError.General.DatabaseUnavailable" ||
			db.Code == "Neo.ClientError.Database.DatabaseNotFound" ||
			strings.HasPrefix(db.Code, "Neo.ClientError.Security.")
	}
	return false
}
