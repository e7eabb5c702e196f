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
	w := &writer{ctx: ctx, tx: tx, counts: map[[2]string]int{}}
	if err := fn(w); err != nil {
		var se storeError
		if errors.As(err, &se) {
			return fmt.Errorf("%s: %w", what, err)
		}
		return dbErr(what, err)
	}
	if err := w.flushCounts(); err != nil {
		return dbErr(what, err)
	}
	if err := tx.Commit(); err != nil {
		return dbErr(what, err)
	}
	return nil
}

// storeError marks an error that is the caller's (ErrInvalidInput,
// ErrNotFound), not the database's.
type storeError struct{ error }

func (e storeError) Unwrap() error { return e.error }

// writer is one write transaction.
type writer struct {
	ctx    context.Context
	tx     *sql.Tx
	counts map[[2]string]int // (kind, type) → change
}

func (w *writer) exec(query string, args ...any) (sql.Result, error) {
	return w.tx.ExecContext(w.ctx, query, args...)
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
	rows, err := w.tx.QueryContext(w.ctx, "SELECT "+rid+", id, doc FROM "+table+
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
	for article, ids := range c.Mentions {
		for _, id := range ids {
			if _, err := w.exec("INSERT OR IGNORE INTO mentions (article, entity) VALUES (?, ?)",
				article, id); err != nil {
				return err
			}
		}
	}
	return nil
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
		if _, err := w.exec(`INSERT INTO articles (id, published, lo, hi, source, doc)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET published = excluded.published,
			lo = excluded.lo, hi = excluded.hi, source = excluded.source, doc = excluded.doc`,
			a.ID, a.Published, lo, hi, a.Source, string(doc)); err != nil {
			return err
		}
	}
	return nil
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
			res, err := w.exec("INSERT INTO entities (id, type, fold, doc) VALUES (?, ?, ?, ?)",
				e.ID, string(e.Type), schema.Fold(e.Name), string(doc))
			if err != nil {
				return err
			}
			if rid, err = res.LastInsertId(); err != nil {
				return err
			}
			w.counts[[2]string{"entity", string(e.Type)}]++
		} else {
			if prev.Type != e.Type {
				w.counts[[2]string{"entity", string(prev.Type)}]--
				w.counts[[2]string{"entity", string(e.Type)}]++
			}
			if _, err := w.exec("UPDATE entities SET type = ?, fold = ?, doc = ? WHERE rid = ?",
				string(e.Type), schema.Fold(e.Name), string(doc), rid); err != nil {
				return err
			}
		}
		if err := w.setNames(rid, prev, e, ok); err != nil {
			return err
		}
	}
	return nil
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

// setNames makes the names rows of the entity rid those of e, where they
// were those of prev.
func (w *writer) setNames(rid int64, prev, e schema.Entity, existed bool) error {
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
	for _, n := range after {
		res, err := w.exec("INSERT INTO names (entity, fold, alias) VALUES (?, ?, ?)",
			rid, n.fold, n.alias)
		if err != nil {
			return err
		}
		nrid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := w.exec("INSERT INTO names_fts (rowid, fold) VALUES (?, ?)",
			nrid, n.fold); err != nil {
			return err
		}
		for _, word := range strings.Fields(n.fold) {
			if _, err := w.exec("INSERT OR IGNORE INTO vocab (word) VALUES (?)", word); err != nil {
				return err
			}
		}
	}
	return nil
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

func (w *writer) upsertRelations(rs []schema.Relation) error {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	old, err := w.existing("relations", ids)
	if err != nil {
		return err
	}
	for _, r := range rs {
		evidence := r.Evidence
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
			res, err := w.exec(`INSERT INTO relations (id, type, source, target, date, lo, hi, doc)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, string(r.Type), r.Source, r.Target,
				r.Date, lo, hi, string(doc))
			if err != nil {
				return err
			}
			if rid, err = res.LastInsertId(); err != nil {
				return err
			}
			w.counts[[2]string{"relation", string(r.Type)}]++
			if err := w.addDegree(1, r.Source, r.Target); err != nil {
				return err
			}
		case string(doc) != o.doc:
			if _, err := w.exec("UPDATE relations SET date = ?, lo = ?, hi = ?, doc = ? WHERE rid = ?",
				r.Date, lo, hi, string(doc), rid); err != nil {
				return err
			}
		}
		for _, ev := range evidence {
			if _, err := w.exec(`INSERT OR IGNORE INTO evidence (rel, article, start, "end", sentence)
				VALUES (?, ?, ?, ?, ?)`, rid, ev.Article, ev.Start, ev.End, ev.Sentence); err != nil {
				return err
			}
		}
	}
	return nil
}

// addDegree adds d to the degree of the ends of a relation, once for a
// relation from an entity to itself.
func (w *writer) addDegree(d int, source, target string) error {
	ends := []string{source}
	if target != source {
		ends = append(ends, target)
	}
	for _, id := range ends {
		if _, err := w.exec("UPDATE entities SET degree = degree + ? WHERE id = ?", d, id); err != nil {
			return err
		}
	}
	return nil
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
	return nil
}

// strings returns the single text column of query's rows.
func (w *writer) strings(query string, args ...any) ([]string, error) {
	rows, err := w.tx.QueryContext(w.ctx, query, args...)
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
	for _, rel := range rels {
		var typ, source, target string
		err := w.tx.QueryRowContext(w.ctx, `SELECT type, source, target FROM relations
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
		if err := w.addDegree(-1, source, target); err != nil {
			return err
		}
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
		var typ string
		err := w.tx.QueryRowContext(w.ctx, `SELECT rid, type FROM entities WHERE id = ?
			AND degree = 0 AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = ?)`, eid, eid).
			Scan(&rid, &typ)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if err := w.deleteNames(rid); err != nil {
			return err
		}
		if _, err := w.exec("DELETE FROM entities WHERE rid = ?", rid); err != nil {
			return err
		}
		w.counts[[2]string{"entity", typ}]--
	}
	return nil
}
