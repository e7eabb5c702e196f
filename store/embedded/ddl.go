package embedded

import (
	"fmt"
)

// schemaVersion is stored in PRAGMA user_version; Open refuses a file of
// another version rather than misread it.
const schemaVersion = 1

// ddl creates the tables and indexes. Records are kept whole as JSON (doc),
// so that every field of schema.Entity, schema.Relation and schema.Article
// flows through, with the columns that queries filter and sort on beside
// them. Text compares byte by byte (SQLite's BINARY collation), as Go
// compares strings, so both stores sort alike.
var ddl = []string{
	`CREATE TABLE IF NOT EXISTS articles (
		id        TEXT PRIMARY KEY,
		published TEXT NOT NULL,
		lo        TEXT NOT NULL, -- first and last day of published (store.DateBounds)
		hi        TEXT NOT NULL,
		source    TEXT NOT NULL,
		doc       TEXT NOT NULL
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS articles_order ON articles (published DESC, id)`,

	`CREATE TABLE IF NOT EXISTS entities (
		rid    INTEGER PRIMARY KEY,
		id     TEXT NOT NULL UNIQUE,
		type   TEXT NOT NULL,
		fold   TEXT NOT NULL, -- schema.Fold(name)
		degree INTEGER NOT NULL DEFAULT 0, -- relations it is an end of
		wikidata TEXT, -- the Wikidata id of doc's externalIds; NULL when none
		doc    TEXT NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS entities_fold ON entities (fold, id)`,
	`CREATE INDEX IF NOT EXISTS entities_type ON entities (type, fold, id)`,
	// Few entities are linked: the index holds only those that are.
	`CREATE INDEX IF NOT EXISTS entities_wikidata ON entities (wikidata, id)
		WHERE wikidata IS NOT NULL`,

	// names holds the folded name (alias = 0) and each folded alias of an
	// entity; names_fts indexes their words, with prefix tables.
	`CREATE TABLE IF NOT EXISTS names (
		rid    INTEGER PRIMARY KEY,
		entity INTEGER NOT NULL, -- entities.rid
		fold   TEXT NOT NULL,
		alias  INTEGER NOT NULL
	)`,
	`CREATE INDEX IF NOT EXISTS names_fold ON names (fold)`,
	`CREATE INDEX IF NOT EXISTS names_entity ON names (entity)`,
	`CREATE VIRTUAL TABLE IF NOT EXISTS names_fts USING fts5 (
		fold, content='names', content_rowid='rid',
		tokenize='unicode61 remove_diacritics 0', prefix='2 3'
	)`,
	// Merge segments once two of a level exist, so that a query seeks in
	// few of them although every write transaction adds one.
	`INSERT INTO names_fts (names_fts, rank) VALUES ('automerge', 2)`,
	// name_words holds each word of each entity's folded name (not its
	// aliases), for the resolver's look-up by name words
	// (store.NameIndex).
	`CREATE TABLE IF NOT EXISTS name_words (
		word   TEXT NOT NULL,
		entity INTEGER NOT NULL, -- entities.rid
		PRIMARY KEY (word, entity)
	) WITHOUT ROWID`,
	// vocab is every word of a name or alias ever written, for the typo
	// tier of search.
	`CREATE TABLE IF NOT EXISTS vocab (word TEXT PRIMARY KEY) WITHOUT ROWID`,

	`CREATE TABLE IF NOT EXISTS relations (
		rid    INTEGER PRIMARY KEY,
		id     TEXT NOT NULL UNIQUE,
		type   TEXT NOT NULL,
		source TEXT NOT NULL,
		target TEXT NOT NULL,
		date   TEXT NOT NULL,
		lo     TEXT NOT NULL,
		hi     TEXT NOT NULL,
		doc    TEXT NOT NULL -- the relation without its evidence
	)`,
	// In the order of the default listing (newest first, then id), so that
	// a page is read off the index; lo and hi make the date index cover
	// the count of a date window.
	`CREATE INDEX IF NOT EXISTS relations_source ON relations (source, date DESC, id)`,
	`CREATE INDEX IF NOT EXISTS relations_target ON relations (target, date DESC, id)`,
	`CREATE INDEX IF NOT EXISTS relations_date ON relations (date DESC, id, lo, hi)`,

	`CREATE TABLE IF NOT EXISTS evidence (
		rel      INTEGER NOT NULL, -- relations.rid
		article  TEXT NOT NULL,
		start    INTEGER NOT NULL,
		"end"    INTEGER NOT NULL,
		sentence TEXT NOT NULL,
		PRIMARY KEY (rel, article, start, "end")
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article, rel)`,

	`CREATE TABLE IF NOT EXISTS mentions (
		article TEXT NOT NULL,
		entity  TEXT NOT NULL,
		PRIMARY KEY (article, entity)
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity, article)`,

	// counts keeps the totals Stats and unfiltered listings report.
	`CREATE TABLE IF NOT EXISTS counts (
		kind TEXT NOT NULL, -- entity, relation or article
		type TEXT NOT NULL, -- the entity or relation type; '' for articles
		n    INTEGER NOT NULL,
		PRIMARY KEY (kind, type)
	) WITHOUT ROWID`,
}

// addedDDL creates the indexes added since files of this version were
// first written: every Open creates those missing, in a new file too
// (createCuration).
var addedDDL = []string{
	// The offices people hold (HeldOffices), in the listing's order and
	// with their records, so that the index alone answers: the resolver
	// reads them for every person a group of articles may name, a person's
	// other relations grow with the corpus, and offices are few.
	`CREATE INDEX IF NOT EXISTS relations_office ON relations (source, date DESC, id, doc)
		WHERE type = 'HOLDS_OFFICE'`,
}

// createSchema creates the schema in a new file and checks the version of
// an existing one.
func (s *Store) createSchema() error {
	var version int
	if err := s.w.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		if isCorrupt(err) {
			return &DamageError{File: dbFile, Detail: err.Error()}
		}
		return err
	}
	switch version {
	case schemaVersion:
		return s.createCuration()
	case 0:
	default:
		return fmt.Errorf("%s has schema version %d; this diplograph reads version %d",
			dbFile, version, schemaVersion)
	}
	tx, err := s.w.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, stmt := range ddl {
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return s.createCuration()
}
