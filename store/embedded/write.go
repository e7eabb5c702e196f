package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Upsert merges batches into the store by the rules of store.Prepare and
// store.MergeEntity and friends, in one transaction synced before Upsert
// returns: applied whole or not at all. A relation whose end is in neither
// the batches nor the store is ErrInvalidInput.
func (s *Store) Upsert(ctx context.Context, batches ...schema.Batch) error {
	c, err := store.Prepare(batches)
	if err != nil {
		return fmt.Errorf("upsert: %w", err)
	}
	return s.write(ctx, "upsert", func(w *writer) error { return w.upsert(c) })
}

// DeleteArticle removes the article id, its evidence, and every relation
// and entity left with no evidence; see store.Writer.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	if err := store.CheckID("id", id); err != nil {
		return fmt.Errorf("delete article: %w", err)
	}
	return s.write(ctx, "delete article "+id, func(w *writer) error {
		return w.deleteArticle(id)
	})
}

// write runs fn in one write transaction and commits it.
func (s *Store) write(ctx context.Context, what string, fn func(*writer) error) error {
	if err := s.rlock(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer s.mu.RUnlock()
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return dbErr(what, err)
	}
	defer tx.Rollback()
	w := &writer{ctx: ctx, tx: tx, counts: map[[2]string]int{}, degrees: map[string]int{},
		stmts: map[string]*sql.Stmt{}}
	if err := fn(w); err != nil {
		var se storeError
		if errors.As(err, &se) {
			return fmt.Errorf("%s: %w", what, err)
		}
		return dbErr(what, err)
	}
	if err := w.flushDegrees(); err != nil {
		return dbErr(what, err)
	}
	if err := w.flushCounts(); err != nil {
		return dbErr(what, err)
	}
	if w.names > 0 {
		s.ftsWrites++
		if s.ftsWrites%optimizeEvery == 0 {
			// Fold the full-text index into one segment now and then:
			// each transaction adds one, and a query seeks in every one.
			if _, err := w.exec("INSERT INTO names_fts (names_fts) VALUES ('optimize')"); err != nil {
				return dbErr(what, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return dbErr(what, err)
	}
	return nil
}

// optimizeEvery is how many write transactions that add names pass
// between two foldings of the full-text index.
const optimizeEvery = 16

// storeError marks an error that is the caller's (ErrInvalidInput,
// ErrNotFound), not the database's.
type storeError struct{ error }

func (e storeError) Unwrap() error { return e.error }

// writer is one write transaction. Rows are written a table at a time,
// each set in a few statements of up to valuesRows rows (insertValues),
// and row ids are given in Go, so that an Upsert of many articles costs a
// few statements, not a few per record. The rarer writes that read their
// rows out of one JSON argument (execRows) walk it with jsonb_each, not
// json_each: its value for a row is then SQLite's binary JSON, which ->>
// reads directly, where json_each's would be text that every ->> parses
// again.
type writer struct {
	ctx     context.Context
	tx      *sql.Tx
	counts  map[[2]string]int    // (kind, type) → change
	degrees map[string]int       // entity id → change of its degree
	stmts   map[string]*sql.Stmt // statements prepared in tx
	rids    map[string]int64     // table → the last row id given
	names   int                  // names rows written
}

// stmt returns the statement of query prepared in the transaction, once
// per transaction.
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = st
	return st, nil
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

func (w *writer) query(query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(w.ctx, args...)
}

func (w *writer) queryRow(query string, args ...any) *sql.Row {
	st, err := w.stmt(query)
	if err != nil {
		return w.tx.QueryRowContext(w.ctx, query, args...) // reports the same error
	}
	return st.QueryRowContext(w.ctx, args...)
}

// execRows runs query, which reads the rows of its one argument through
// json_each, with rows encoded as a JSON array; nothing when there are none.
func (w *writer) execRows(query string, rows any, n int) error {
	if n == 0 {
		return nil
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	_, err = w.exec(query, string(b))
	return err
}

// nextRID returns a new row id of table.
func (w *writer) nextRID(table string) (int64, error) {
	if w.rids == nil {
		w.rids = map[string]int64{}
	}
	last, ok := w.rids[table]
	if !ok {
		if err := w.queryRow("SELECT COALESCE(MAX(rid), 0) FROM " + table).Scan(&last); err != nil {
			return 0, err
		}
	}
	w.rids[table] = last + 1
	return last + 1, nil
}

// valuesRows is the most rows one INSERT … VALUES statement writes.
const valuesRows = 100

// insertValues inserts rows, each the values of cols, into table with
// INSERT <verb> INTO table (cols) VALUES (?, …), …, in statements of at
// most valuesRows rows, in order, and returns the result of the last.
//
// The rows are bound as parameters rather than read out of one JSON
// argument: a statement that calls a function (->>, json_extract) might
// fail halfway, so SQLite would first copy every page a multi-row statement
// changes into a statement journal, to undo that statement alone; with no
// function call, no row id bound by value (it must be checked to be an
// integer, another possible failure) and OR ROLLBACK or OR IGNORE for the
// constraints, it needs none. Any failure rolls the whole write back.
func (w *writer) insertValues(verb, table string, cols []string, rows [][]any,
) (sql.Result, error) {
	var res sql.Result
	one := "(" + strings.Repeat("?, ", len(cols)-1) + "?)"
	for start := 0; start < len(rows); start += valuesRows {
		part := rows[start:min(start+valuesRows, len(rows))]
		var q strings.Builder
		q.WriteString("INSERT " + verb + " INTO " + table + " (" + strings.Join(cols, ", ") +
			") VALUES ")
		args := make([]any, 0, len(part)*len(cols))
		for i, r := range part {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString(one)
			args = append(args, r...)
		}
		var err error
		if res, err = w.exec(q.String(), args...); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// insertNumbered inserts rows into table, whose first column is the row id
// rid and whose rows nextRID numbered, first to last in order. When their
// ids follow on from the table's highest, the database numbers them itself,
// as it would these, and no row id is bound (see insertValues); otherwise
// (rows with the highest ids were deleted earlier in the transaction) each
// row's id is bound.
func (w *writer) insertNumbered(table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	first, last := rows[0][0].(int64), rows[len(rows)-1][0].(int64)
	var top int64
	if err := w.queryRow("SELECT COALESCE(MAX(rid), 0) FROM " + table).Scan(&top); err != nil {
		return err
	}
	if top != first-1 {
		_, err := w.insertValues("OR ROLLBACK", table, cols, rows)
		return err
	}
	bare := make([][]any, len(rows))
	for i, r := range rows {
		bare[i] = r[1:]
	}
	res, err := w.insertValues("OR ROLLBACK", table, cols[1:], bare)
	if err != nil {
		return err
	}
	if got, err := res.LastInsertId(); err != nil || got != last {
		return fmt.Errorf("insert into %s: the last row id is %d (%v); want %d", table, got,
			err, last)
	}
	return nil
}

// jsonList returns ids as a JSON array, for IN (SELECT value FROM
// json_each(?)): one statement for any number of ids.
func jsonList(ids []string) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// existing returns the rowid and doc of the records of table with the given
// ids, by id.
func (w *writer) existing(table string, ids []string) (map[string]row, error) {
	out := map[string]row{}
	if len(ids) == 0 {
		return out, nil
	}
	rid := "rid"
	if table == "articles" {
		rid = "0"
	}
	rows, err := w.query("SELECT "+rid+", id, doc FROM "+table+
		" WHERE id IN (SELECT value FROM json_each(?))", jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r row
		var id string
		if err := rows.Scan(&r.rid, &id, &r.doc); err != nil {
			return nil, err
		}
		out[id] = r
	}
	return out, rows.Err()
}

type row struct {
	rid int64
	doc string
}

func (w *writer) upsert(c store.Changes) error {
	if need := c.Endpoints(); len(need) > 0 {
		have, err := w.existing("entities", need)
		if err != nil {
			return err
		}
		var missing []string
		for _, id := range need {
			if _, ok := have[id]; !ok {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			return storeError{fmt.Errorf("relations join unknown entities %s: %w",
				strings.Join(missing, ", "), store.ErrInvalidInput)}
		}
	}
	if err := w.upsertArticles(c.Articles); err != nil {
		return err
	}
	if err := w.upsertEntities(c.Entities); err != nil {
		return err
	}
	if err := w.upsertRelations(c.Relations); err != nil {
		return err
	}
	var mentions [][]any
	for article, ids := range c.Mentions {
		for _, id := range ids {
			mentions = append(mentions, []any{article, id})
		}
	}
	if _, err := w.insertValues("OR IGNORE", "mentions", []string{"article", "entity"},
		mentions); err != nil {
		return err
	}
	return w.putNotes(c.Identity)
}

func (w *writer) upsertArticles(as []schema.Article) error {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	old, err := w.existing("articles", ids)
	if err != nil {
		return err
	}
	var rows [][6]string
	for _, a := range as {
		o, ok := old[a.ID]
		var prev schema.Article
		if ok {
			if err := json.Unmarshal([]byte(o.doc), &prev); err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
		}
		a = store.MergeArticle(prev, a)
		doc, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if ok && string(doc) == o.doc {
			continue
		}
		if !ok {
			w.counts[[2]string{"article", ""}]++
		}
		lo, hi := store.DateBounds(a.Published)
		rows = append(rows, [6]string{a.ID, a.Published, lo, hi, a.Source, string(doc)})
	}
	return w.execRows(`INSERT INTO articles (id, published, lo, hi, source, doc)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5
		FROM jsonb_each(?) WHERE true
		ON CONFLICT (id) DO UPDATE SET published = excluded.published, lo = excluded.lo,
		hi = excluded.hi, source = excluded.source, doc = excluded.doc`, rows, len(rows))
}

func (w *writer) upsertEntities(es []schema.Entity) error {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	old, err := w.existing("entities", ids)
	if err != nil {
		return err
	}
	var inserts [][]any
	var nw namesWriter
	for _, e := range es {
		o, ok := old[e.ID]
		var prev schema.Entity
		if ok {
			if err := json.Unmarshal([]byte(o.doc), &prev); err != nil {
				return fmt.Errorf("entity %s: %w", e.ID, err)
			}
		}
		e = store.MergeEntity(prev, e)
		doc, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if ok && string(doc) == o.doc {
			continue
		}
		rid := o.rid
		if !ok {
			if rid, err = w.nextRID("entities"); err != nil {
				return err
			}
			inserts = append(inserts, []any{rid, e.ID, string(e.Type), schema.Fold(e.Name),
				orNull(e.IDs.Wikidata), string(doc)})
			w.counts[[2]string{"entity", string(e.Type)}]++
		} else {
			if prev.Type != e.Type {
				w.counts[[2]string{"entity", string(prev.Type)}]--
				w.counts[[2]string{"entity", string(e.Type)}]++
			}
			if _, err := w.exec(
				"UPDATE entities SET type = ?, fold = ?, wikidata = ?, doc = ? WHERE rid = ?",
				string(e.Type), schema.Fold(e.Name), orNull(e.IDs.Wikidata), string(doc),
				rid); err != nil {
				return err
			}
		}
		if err := nw.set(w, rid, prev, e, ok); err != nil {
			return err
		}
	}
	if err := w.insertNumbered("entities",
		[]string{"rid", "id", "type", "fold", "wikidata", "doc"}, inserts); err != nil {
		return err
	}
	return nw.flush(w)
}

// orNull is s, or NULL for the empty string.
func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nameRow is one row of the names table.
type nameRow struct {
	fold  string
	alias int
}

// names returns the rows of the names table for e: its folded name, then
// each folded alias that differs from it.
func names(e schema.Entity) []nameRow {
	if e.ID == "" {
		return nil
	}
	out := []nameRow{{schema.Fold(e.Name), 0}}
	for _, a := range e.Aliases {
		f := schema.Fold(a)
		if f != "" && !slices.ContainsFunc(out, func(n nameRow) bool { return n.fold == f }) {
			out = append(out, nameRow{f, 1})
		}
	}
	return out
}

// namesWriter gathers the rows of names, names_fts and vocab that a set of
// entities adds.
type namesWriter struct {
	rows      [][]any // rid, entity rid, fold, alias
	words     []string
	nameWords [][]any // word, entity rid
}

// set makes the names of the entity rid those of e, where they were those
// of prev.
func (nw *namesWriter) set(w *writer, rid int64, prev, e schema.Entity, existed bool) error {
	var before []nameRow
	if existed {
		before = names(prev)
	}
	after := names(e)
	if slices.Equal(before, after) {
		return nil
	}
	if len(before) > 0 {
		if err := w.deleteNames(rid); err != nil {
			return err
		}
	}
	if len(before) == 0 || before[0].fold != after[0].fold {
		if len(before) > 0 {
			if err := w.deleteNameWords(rid, before[0].fold); err != nil {
				return err
			}
		}
		for _, word := range strings.Fields(after[0].fold) {
			nw.nameWords = append(nw.nameWords, []any{word, rid})
		}
	}
	for _, n := range after {
		nrid, err := w.nextRID("names")
		if err != nil {
			return err
		}
		nw.rows = append(nw.rows, []any{nrid, rid, n.fold, n.alias})
		nw.words = append(nw.words, strings.Fields(n.fold)...)
	}
	return nil
}

func (nw *namesWriter) flush(w *writer) error {
	w.names += len(nw.rows)
	if err := w.insertNumbered("names", []string{"rid", "entity", "fold", "alias"},
		nw.rows); err != nil {
		return err
	}
	if err := w.execRows(`INSERT INTO names_fts (rowid, fold)
		SELECT value ->> 0, value ->> 2 FROM jsonb_each(?)`, nw.rows, len(nw.rows)); err != nil {
		return err
	}
	if _, err := w.insertValues("OR IGNORE", "name_words", []string{"word", "entity"},
		nw.nameWords); err != nil {
		return err
	}
	return w.execRows(`INSERT OR IGNORE INTO vocab (word) SELECT value FROM json_each(?)`,
		nw.words, len(nw.words))
}

// deleteNames removes the names of the entity rid and their full-text
// entries.
func (w *writer) deleteNames(rid int64) error {
	if _, err := w.exec(`INSERT INTO names_fts (names_fts, rowid, fold)
		SELECT 'delete', rid, fold FROM names WHERE entity = ?`, rid); err != nil {
		return err
	}
	_, err := w.exec("DELETE FROM names WHERE entity = ?", rid)
	return err
}

// deleteNameWords removes the name words of the entity rid, whose folded
// name is fold.
func (w *writer) deleteNameWords(rid int64, fold string) error {
	_, err := w.exec(`DELETE FROM name_words WHERE entity = ?
		AND word IN (SELECT value FROM json_each(?))`, rid, jsonList(strings.Fields(fold)))
	return err
}

func (w *writer) upsertRelations(rs []schema.Relation) error {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	old, err := w.existing("relations", ids)
	if err != nil {
		return err
	}
	var inserts, evidence [][]any
	for _, r := range rs {
		ev := r.Evidence
		r.Evidence = nil
		o, ok := old[r.ID]
		var prev schema.Relation
		if ok {
			if err := json.Unmarshal([]byte(o.doc), &prev); err != nil {
				return fmt.Errorf("relation %s: %w", r.ID, err)
			}
		}
		r = store.MergeRelation(prev, r)
		doc, err := json.Marshal(r)
		if err != nil {
			return err
		}
		rid := o.rid
		lo, hi := store.DateBounds(r.Date)
		switch {
		case !ok:
			if rid, err = w.nextRID("relations"); err != nil {
				return err
			}
			inserts = append(inserts, []any{rid, r.ID, string(r.Type), r.Source, r.Target,
				r.Date, lo, hi, string(doc)})
			w.counts[[2]string{"relation", string(r.Type)}]++
			w.addDegree(1, r.Source, r.Target)
		case string(doc) != o.doc:
			if _, err := w.exec("UPDATE relations SET date = ?, lo = ?, hi = ?, doc = ? WHERE rid = ?",
				r.Date, lo, hi, string(doc), rid); err != nil {
				return err
			}
		}
		for _, e := range ev {
			evidence = append(evidence, []any{rid, e.Article, e.Start, e.End, e.Sentence})
		}
	}
	if err := w.insertNumbered("relations", []string{"rid", "id", "type", "source", "target",
		"date", "lo", "hi", "doc"}, inserts); err != nil {
		return err
	}
	// In order, so that of two equal pieces of evidence the first is kept,
	// as store.MergeRelation keeps it.
	_, err = w.insertValues("OR IGNORE", "evidence",
		[]string{"rel", "article", "start", `"end"`, "sentence"}, evidence)
	return err
}

// addDegree adds d to the degree of the ends of a relation, once for a
// relation from an entity to itself; flushDegrees writes the sums.
func (w *writer) addDegree(d int, source, target string) {
	w.degrees[source] += d
	if target != source {
		w.degrees[target] += d
	}
}

// flushDegrees writes the changes of degree, before the transaction ends
// or an entity's degree is read.
func (w *writer) flushDegrees() error {
	changes := map[string]int{}
	for id, d := range w.degrees {
		if d != 0 {
			changes[id] = d
		}
	}
	clear(w.degrees)
	return w.execRows(`UPDATE OR ROLLBACK entities SET degree = degree + j.value
		FROM json_each(?) AS j WHERE entities.id = j.key`, changes, len(changes))
}

// flushCounts applies the changes of the totals.
func (w *writer) flushCounts() error {
	for k, n := range w.counts {
		if n == 0 {
			continue
		}
		if _, err := w.exec(`INSERT INTO counts (kind, type, n) VALUES (?, ?, ?)
			ON CONFLICT (kind, type) DO UPDATE SET n = n + excluded.n`, k[0], k[1], n); err != nil {
			return err
		}
	}
	clear(w.counts)
	return nil
}

// strings returns the single text column of query's rows.
func (w *writer) strings(query string, args ...any) ([]string, error) {
	rows, err := w.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// deleteArticle removes the article id, its evidence, the relations left
// without evidence and the entities it mentioned that are left with
// neither a mention nor a relation.
func (w *writer) deleteArticle(id string) error {
	res, err := w.exec("DELETE FROM articles WHERE id = ?", id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return storeError{fmt.Errorf("article %s: %w", id, store.ErrNotFound)}
	}
	w.counts[[2]string{"article", ""}]--
	rels, err := w.strings("SELECT DISTINCT rel FROM evidence WHERE article = ?", id)
	if err != nil {
		return err
	}
	if _, err := w.exec("DELETE FROM evidence WHERE article = ?", id); err != nil {
		return err
	}
	if _, err := w.exec("DELETE FROM identity_notes WHERE article = ?", id); err != nil {
		return err
	}
	for _, rel := range rels {
		var typ, source, target string
		err := w.queryRow(`SELECT type, source, target FROM relations
			WHERE rid = ? AND NOT EXISTS (SELECT 1 FROM evidence WHERE rel = ?)`, rel, rel).
			Scan(&typ, &source, &target)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if _, err := w.exec("DELETE FROM relations WHERE rid = ?", rel); err != nil {
			return err
		}
		w.counts[[2]string{"relation", typ}]--
		w.addDegree(-1, source, target)
	}
	if err := w.flushDegrees(); err != nil {
		return err
	}
	ents, err := w.strings("SELECT entity FROM mentions WHERE article = ?", id)
	if err != nil {
		return err
	}
	if _, err := w.exec("DELETE FROM mentions WHERE article = ?", id); err != nil {
		return err
	}
	for _, eid := range ents {
		var rid int64
		var typ, fold string
		err := w.queryRow(`SELECT rid, type, fold FROM entities WHERE id = ?
			AND degree = 0 AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = ?)`, eid, eid).
			Scan(&rid, &typ, &fold)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if err := w.dropEntity(rid, typ, fold); err != nil {
			return err
		}
	}
	return nil
}

// dropEntity deletes entity rid (of type typ and folded name fold) with its
// names and name words, and counts it out.
func (w *writer) dropEntity(rid int64, typ, fold string) error {
	if err := w.deleteNames(rid); err != nil {
		return err
	}
	if err := w.deleteNameWords(rid, fold); err != nil {
		return err
	}
	if _, err := w.exec("DELETE FROM entities WHERE rid = ?", rid); err != nil {
		return err
	}
	w.counts[[2]string{"entity", typ}]--
	return nil
}
