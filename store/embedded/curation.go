package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// curationDDL creates the tables of identity, in a new file and in one of
// the current version written before they existed.
var curationDDL = []string{
	// identity_notes holds each entity's identity decisions
	// (schema.IdentityMatch), filed under schema.IdentityMatch.NoteKey.
	`CREATE TABLE IF NOT EXISTS identity_notes (
		key     TEXT PRIMARY KEY,
		entity  TEXT NOT NULL,
		article TEXT NOT NULL, -- '' for a curator's decision
		doc     TEXT NOT NULL
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS identity_notes_entity ON identity_notes (entity)`,
	`CREATE INDEX IF NOT EXISTS identity_notes_article ON identity_notes (article, entity)`,
	// redirects holds the curators' decisions later loads follow
	// (schema.Redirect); article is '' for every article.
	`CREATE TABLE IF NOT EXISTS redirects (
		from_id TEXT NOT NULL,
		article TEXT NOT NULL,
		into_id TEXT NOT NULL,
		doc     TEXT NOT NULL, -- the schema.Redirect
		PRIMARY KEY (from_id, article)
	) WITHOUT ROWID`,
	`CREATE INDEX IF NOT EXISTS redirects_into ON redirects (into_id)`,
}

// createCuration creates the tables of curationDDL, and the indexes of
// addedDDL, where missing.
func (s *Store) createCuration() error {
	for _, stmt := range append(slices.Clone(curationDDL), addedDDL...) {
		if _, err := s.w.Exec(stmt); err != nil {
			return fmt.Errorf("create identity tables: %w", err)
		}
	}
	return nil
}

// Identity returns a page of the identity decisions about the entity id;
// see store.Curator.
func (s *Store) Identity(ctx context.Context, id string, first int) (store.IdentityPage, error) {
	if err := store.CheckID("id", id); err != nil {
		return store.IdentityPage{}, fmt.Errorf("identity: %w", err)
	}
	first, err := store.PageSize("first", first, store.DefaultIdentityNotes, store.MaxFirst)
	if err != nil {
		return store.IdentityPage{}, fmt.Errorf("identity: %w", err)
	}
	out := store.IdentityPage{Notes: []schema.IdentityMatch{}, ByRule: map[schema.MatchRule]int{}}
	const live = `n.entity = ? AND (n.article = '' OR
		EXISTS (SELECT 1 FROM articles a WHERE a.id = n.article))`
	err = s.read(ctx, "identity", func(q querier) error {
		var one int
		err := q.QueryRowContext(ctx, "SELECT 1 FROM entities WHERE id = ?", id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("entity", id)
		}
		if err != nil {
			return err
		}
		err = scanAll(ctx, q, func(rows *sql.Rows) error {
			var rule string
			var n int
			if err := rows.Scan(&rule, &n); err != nil {
				return err
			}
			out.ByRule[schema.MatchRule(rule)] += n
			out.Total += n
			return nil
		}, "SELECT n.doc ->> '$.rule', count(*) FROM identity_notes n WHERE "+live+
			" GROUP BY 1", id)
		if err != nil {
			return err
		}
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var doc string
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			m, err := decode[schema.IdentityMatch](doc)
			m.Entity = id
			out.Notes = append(out.Notes, m)
			return err
		}, "SELECT n.doc FROM identity_notes n WHERE "+live+" ORDER BY n.key LIMIT ?", id, first)
	})
	return out, err
}

// Redirects returns the redirects from ids; see store.Curator.
func (s *Store) Redirects(ctx context.Context, ids []string) ([]schema.Redirect, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("redirects: %w", err)
	}
	out := []schema.Redirect{}
	err := s.read(ctx, "redirects", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var doc string
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			r, err := decode[schema.Redirect](doc)
			out = append(out, r)
			return err
		}, `SELECT doc FROM redirects WHERE from_id IN (SELECT value FROM json_each(?))
			ORDER BY from_id, article`, jsonList(ids))
	})
	return out, err
}

// MergeEntities merges the entities ids into the first; see store.Curator.
func (s *Store) MergeEntities(ctx context.Context, ids []string) (schema.Entity, error) {
	return s.curate(ctx, "merge entities", ids, func(st store.CurationState, at string,
	) (store.CurationPlan, error) {
		return store.PlanMerge(st, ids, at)
	})
}

// SplitEntity moves the mentions of id in articles to a new entity; see
// store.Curator.
func (s *Store) SplitEntity(ctx context.Context, id string, articles []string,
) (schema.Entity, error) {
	return s.curate(ctx, "split entity "+id, []string{id}, func(st store.CurationState,
		at string,
	) (store.CurationPlan, error) {
		return store.PlanSplit(st, id, articles, at)
	})
}

// curate reads the state of ids, plans with plan and applies the plan, in
// one write transaction.
func (s *Store) curate(ctx context.Context, what string, ids []string,
	plan func(store.CurationState, string) (store.CurationPlan, error),
) (schema.Entity, error) {
	if err := store.CheckCuration("ids", ids); err != nil {
		return schema.Entity{}, fmt.Errorf("%s: %w", what, err)
	}
	var out schema.Entity
	err := s.write(ctx, what, func(w *writer) error {
		st, err := w.curationState(ids)
		if err != nil {
			return err
		}
		p, err := plan(st, time.Now().UTC().Format(time.RFC3339Nano))
		if err != nil {
			return storeError{err}
		}
		out = p.Result
		return w.applyCuration(p)
	})
	return out, err
}

// curationState reads what a curation of ids needs.
func (w *writer) curationState(ids []string) (store.CurationState, error) {
	st := store.CurationState{Entities: map[string]schema.Entity{},
		Mentions: map[string][]string{}}
	if err := w.entityDocs(ids, st.Entities); err != nil {
		return st, err
	}
	rows, err := w.query(`SELECT rid, doc FROM relations
		WHERE source IN (SELECT value FROM json_each(?1))
		OR target IN (SELECT value FROM json_each(?1)) ORDER BY id`, jsonList(ids))
	if err != nil {
		return st, err
	}
	var rids []int64
	for rows.Next() {
		var rid int64
		var doc string
		if err := rows.Scan(&rid, &doc); err != nil {
			rows.Close()
			return st, err
		}
		r, err := decode[schema.Relation](doc)
		if err != nil {
			rows.Close()
			return st, err
		}
		rids = append(rids, rid)
		st.Relations = append(st.Relations, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	ends := map[string]bool{}
	for i := range st.Relations {
		r := &st.Relations[i]
		if r.Evidence, err = w.evidence(rids[i]); err != nil {
			return st, err
		}
		ends[r.Source], ends[r.Target] = true, true
	}
	var more []string
	for id := range ends {
		if _, ok := st.Entities[id]; !ok {
			more = append(more, id)
		}
	}
	if err := w.entityDocs(more, st.Entities); err != nil {
		return st, err
	}
	rows, err = w.query(`SELECT entity, article FROM mentions
		WHERE entity IN (SELECT value FROM json_each(?)) ORDER BY entity, article`, jsonList(ids))
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var e, a string
		if err := rows.Scan(&e, &a); err != nil {
			return st, err
		}
		st.Mentions[e] = append(st.Mentions[e], a)
	}
	return st, rows.Err()
}

// entityDocs reads the entities of ids into into.
func (w *writer) entityDocs(ids []string, into map[string]schema.Entity) error {
	old, err := w.existing("entities", ids)
	if err != nil {
		return err
	}
	for id, r := range old {
		e, err := decode[schema.Entity](r.doc)
		if err != nil {
			return fmt.Errorf("entity %s: %w", id, err)
		}
		into[id] = e
	}
	return nil
}

// evidence reads the evidence of the relation rid, in store order.
func (w *writer) evidence(rid int64) ([]schema.Evidence, error) {
	rows, err := w.query(`SELECT article, start, "end", sentence FROM evidence
		WHERE rel = ? ORDER BY article, start, "end"`, rid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []schema.Evidence
	for rows.Next() {
		var ev schema.Evidence
		if err := rows.Scan(&ev.Article, &ev.Start, &ev.End, &ev.Sentence); err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	return out, rows.Err()
}

// applyCuration writes p in the order store.CurationPlan gives.
func (w *writer) applyCuration(p store.CurationPlan) error {
	for _, r := range p.DropRelations {
		var rid int64
		if err := w.queryRow("SELECT rid FROM relations WHERE id = ?", r.ID).Scan(&rid); err != nil {
			return err
		}
		if _, err := w.exec("DELETE FROM evidence WHERE rel = ?", rid); err != nil {
			return err
		}
		if _, err := w.exec("DELETE FROM relations WHERE rid = ?", rid); err != nil {
			return err
		}
		w.counts[[2]string{"relation", string(r.Type)}]--
		w.addDegree(-1, r.Source, r.Target)
	}
	for article, ids := range p.DropMentions {
		if _, err := w.exec(`DELETE FROM mentions WHERE article = ?
			AND entity IN (SELECT value FROM json_each(?))`, article, jsonList(ids)); err != nil {
			return err
		}
	}
	if err := w.flushDegrees(); err != nil {
		return err
	}
	for _, id := range p.DropEntities {
		var rid int64
		var typ, fold string
		err := w.queryRow("SELECT rid, type, fold FROM entities WHERE id = ?", id).
			Scan(&rid, &typ, &fold)
		if err != nil {
			return err
		}
		if err := w.dropEntity(rid, typ, fold); err != nil {
			return err
		}
	}
	if err := w.upsert(p.Changes); err != nil {
		return err
	}
	for from, into := range p.Repoint {
		rows, err := w.strings("SELECT doc FROM redirects WHERE into_id = ?", from)
		if err != nil {
			return err
		}
		for _, doc := range rows {
			r, err := decode[schema.Redirect](doc)
			if err != nil {
				return err
			}
			r.Into = into
			if err := w.putRedirect(r); err != nil {
				return err
			}
		}
	}
	for _, r := range p.Redirects {
		if err := w.putRedirect(r); err != nil {
			return err
		}
	}
	for _, m := range p.MoveNotes {
		if err := w.moveNotes(m); err != nil {
			return err
		}
	}
	return w.putNotes(p.Notes)
}

// putRedirect stores r, replacing the redirect of the same from and
// article; a redirect into its own from is removed instead.
func (w *writer) putRedirect(r schema.Redirect) error {
	if r.Into.ID == r.From {
		_, err := w.exec("DELETE FROM redirects WHERE from_id = ? AND article = ?",
			r.From, r.Article)
		return err
	}
	doc, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = w.exec(`INSERT INTO redirects (from_id, article, into_id, doc) VALUES (?, ?, ?, ?)
		ON CONFLICT (from_id, article) DO UPDATE SET into_id = excluded.into_id,
		doc = excluded.doc`, r.From, r.Article, r.Into.ID, string(doc))
	return err
}

// moveNotes files the notes m names under its new entity.
func (w *writer) moveNotes(m store.NoteMove) error {
	query := "SELECT key, doc FROM identity_notes WHERE entity = ?"
	args := []any{m.From}
	if m.Articles != nil {
		query += " AND article IN (SELECT value FROM json_each(?))"
		args = append(args, jsonList(m.Articles))
	}
	rows, err := w.query(query, args...)
	if err != nil {
		return err
	}
	var notes []schema.IdentityMatch
	for rows.Next() {
		var key, doc string
		if err := rows.Scan(&key, &doc); err != nil {
			rows.Close()
			return err
		}
		n, err := decode[schema.IdentityMatch](doc)
		if err != nil {
			rows.Close()
			return err
		}
		n.Entity = m.Into
		notes = append(notes, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return w.putNotes(notes)
}

// putNotes stores identity notes, each replacing the note of its key.
func (w *writer) putNotes(notes []schema.IdentityMatch) error {
	rows := make([][4]string, 0, len(notes))
	for _, n := range notes {
		doc, err := json.Marshal(n)
		if err != nil {
			return err
		}
		article := n.Article
		if n.At != "" {
			article = ""
		}
		rows = append(rows, [4]string{n.NoteKey(), n.Entity, article, string(doc)})
	}
	return w.execRows(`INSERT INTO identity_notes (key, entity, article, doc)
		SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM jsonb_each(?) WHERE true
		ON CONFLICT (key) DO UPDATE SET entity = excluded.entity, article = excluded.article,
		doc = excluded.doc`, rows, len(rows))
}
