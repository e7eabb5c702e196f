package neo4jstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Identity notes and redirects are nodes of their own (schema.IdentityNoteLabel,
// schema.RedirectLabel), linked to nothing, so that an entity left with no
// relation or mention is still deleted with its article; each keeps its
// record as JSON (doc) beside the properties it is found by.
var (
	readIdentity = "MATCH (e:Entity {id: $id})\n" +
		"CALL (e) { OPTIONAL MATCH (n:" + schema.IdentityNoteLabel + " {entity: e.id}) " +
		liveNote + " RETURN collect(n.rule) AS rules }\n" +
		"CALL (e) { OPTIONAL MATCH (n:" + schema.IdentityNoteLabel + " {entity: e.id}) " +
		liveNote + " WITH n ORDER BY n.key LIMIT $first RETURN collect(n.doc) AS docs }\n" +
		"RETURN rules, docs"
	liveNote      = "WHERE n.article = '' OR EXISTS { MATCH (:Article {id: n.article}) }"
	readRedirects = "UNWIND $ids AS id MATCH (r:" + schema.RedirectLabel + " {from: id}) " +
		"RETURN r.doc AS doc ORDER BY r.from, r.article"
	readRedirectsInto = "MATCH (r:" + schema.RedirectLabel + " {into: $id}) RETURN r.doc AS doc"
	putRedirects      = "UNWIND $rows AS row MERGE (r:" + schema.RedirectLabel +
		" {key: row.key}) SET r.from = row.from, r.article = row.article, r.into = row.into, " +
		"r.doc = row.doc"
	dropRedirects = "UNWIND $rows AS key MATCH (r:" + schema.RedirectLabel + " {key: key}) DELETE r"
	putNotes      = "UNWIND $rows AS row MERGE (n:" + schema.IdentityNoteLabel +
		" {key: row.key}) SET n.entity = row.entity, n.article = row.article, n.rule = row.rule, " +
		"n.doc = row.doc"
	readNotesOf = "MATCH (n:" + schema.IdentityNoteLabel + " {entity: $id}) " +
		"WHERE $articles IS NULL OR n.article IN $articles RETURN n.doc AS doc"
	dropArticleNotes = "MATCH (n:" + schema.IdentityNoteLabel + " {article: $id}) DELETE n"

	lockCurated = "UNWIND $rows AS id MATCH (e:Entity {id: id})" + lockOn("e") +
		" RETURN e {.*} AS e"
	readEntities = "UNWIND $rows AS id MATCH (e:Entity {id: id}) RETURN e {.*} AS e"
	readRelsOf   = "UNWIND $ids AS id MATCH (:Entity {id: id})-[r]-(:Entity) " +
		"RETURN DISTINCT " + projectRel("r") + " AS r"
	readMentionsOf = "UNWIND $ids AS id MATCH (a:Article)-[:MENTIONS]->(e:Entity {id: id}) " +
		"RETURN e.id AS e, a.id AS a ORDER BY e, a"
	dropRelations = must(perType(relationTypes(), relType,
		"MATCH ()-[r:%[1]s {id: row}]->() DELETE r"))
	dropMentions = "UNWIND $rows AS row MATCH (a:Article {id: row.article})-[m:MENTIONS]->" +
		"(e:Entity) WHERE e.id IN row.entities DELETE m"
	dropEntities = "UNWIND $rows AS id MATCH (e:Entity {id: id}) DETACH DELETE e"
)

// Identity returns a page of the identity decisions about the entity id;
// see store.Curator.
func (s *Store) Identity(ctx context.Context, id string, first int) (store.IdentityPage, error) {
	if err := store.CheckID("id", id); err != nil {
		return store.IdentityPage{}, fmt.Errorf("neo4j.Identity: %w", err)
	}
	first, err := store.PageSize("first", first, store.DefaultIdentityNotes, store.MaxFirst)
	if err != nil {
		return store.IdentityPage{}, fmt.Errorf("neo4j.Identity: %w", err)
	}
	recs, err := s.read(ctx, readIdentity, map[string]any{"id": id, "first": first})
	if err != nil {
		return store.IdentityPage{}, fmt.Errorf("neo4j.Identity %s: %w", id, err)
	}
	if len(recs) == 0 {
		return store.IdentityPage{}, fmt.Errorf("neo4j.Identity: entity %s: %w", id,
			store.ErrNotFound)
	}
	out := store.IdentityPage{Notes: []schema.IdentityMatch{}, ByRule: map[schema.MatchRule]int{}}
	rules, _ := recs[0].Get("rules")
	for _, r := range strs(map[string]any{"r": rules}, "r") {
		out.ByRule[schema.MatchRule(r)]++
		out.Total++
	}
	docs, _ := recs[0].Get("docs")
	for _, d := range strs(map[string]any{"d": docs}, "d") {
		var m schema.IdentityMatch
		if err := json.Unmarshal([]byte(d), &m); err != nil {
			return store.IdentityPage{}, fmt.Errorf("neo4j.Identity %s: %w", id, err)
		}
		m.Entity = id
		out.Notes = append(out.Notes, m)
	}
	return out, nil
}

// Redirects returns the redirects from ids; see store.Curator.
func (s *Store) Redirects(ctx context.Context, ids []string) ([]schema.Redirect, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("neo4j.Redirects: %w", err)
	}
	out := []schema.Redirect{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, readRedirects, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("neo4j.Redirects: %w", err)
	}
	for _, rec := range recs {
		v, _ := rec.Get("doc")
		d, _ := v.(string)
		var r schema.Redirect
		if err := json.Unmarshal([]byte(d), &r); err != nil {
			return nil, fmt.Errorf("neo4j.Redirects: %w", err)
		}
		out = append(out, r)
	}
	return out, nil
}

// MergeEntities merges the entities ids into the first; see store.Curator.
func (s *Store) MergeEntities(ctx context.Context, ids []string) (schema.Entity, error) {
	e, err := s.curate(ctx, ids, func(st store.CurationState, at string,
	) (store.CurationPlan, error) {
		return store.PlanMerge(st, ids, at)
	})
	if err != nil {
		return e, fmt.Errorf("neo4j.MergeEntities: %w", err)
	}
	return e, nil
}

// SplitEntity moves the mentions of id in articles to a new entity; see
// store.Curator.
func (s *Store) SplitEntity(ctx context.Context, id string, articles []string,
) (schema.Entity, error) {
	e, err := s.curate(ctx, []string{id}, func(st store.CurationState, at string,
	) (store.CurationPlan, error) {
		return store.PlanSplit(st, id, articles, at)
	})
	if err != nil {
		return e, fmt.Errorf("neo4j.SplitEntity %s: %w", id, err)
	}
	return e, nil
}

// planError carries a plan's refusal out of the transaction, which is then
// rolled back and not retried.
type planError struct{ error }

func (e planError) Unwrap() error { return e.error }

// curate locks and reads the state of ids, plans with plan and applies the
// plan, in one write transaction.
func (s *Store) curate(ctx context.Context, ids []string,
	plan func(store.CurationState, string) (store.CurationPlan, error),
) (schema.Entity, error) {
	if err := store.CheckCuration("ids", ids); err != nil {
		return schema.Entity{}, err
	}
	at := time.Now().UTC().Format(time.RFC3339Nano)
	var out schema.Entity
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		st, err := curationState(ctx, tx, ids)
		if err != nil {
			return err
		}
		p, err := plan(st, at)
		if err != nil {
			return planError{err}
		}
		out = p.Result
		return applyCuration(ctx, tx, p)
	})
	var pe planError
	if errors.As(err, &pe) {
		return schema.Entity{}, pe.error
	}
	return out, err
}

// curationState locks the entities ids and reads what a curation of them
// needs.
func curationState(ctx context.Context, tx neo4j.ManagedTransaction, ids []string,
) (store.CurationState, error) {
	st := store.CurationState{Mentions: map[string][]string{}}
	rows := make([]any, len(ids))
	for i, id := range ids {
		rows[i] = id
	}
	var err error
	if st.Entities, err = collect(ctx, tx, lockCurated, rows, "e", toEntity); err != nil {
		return st, err
	}
	res, err := tx.Run(ctx, readRelsOf, map[string]any{"ids": ids})
	if err != nil {
		return st, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return st, err
	}
	var more []any
	for _, rec := range recs {
		v, _ := rec.Get("r")
		r := toRelation(v)
		st.Relations = append(st.Relations, r)
		for _, end := range []string{r.Source, r.Target} {
			if _, ok := st.Entities[end]; !ok {
				more = append(more, end)
			}
		}
	}
	others, err := collect(ctx, tx, readEntities, more, "e", toEntity)
	if err != nil {
		return st, err
	}
	for id, e := range others {
		st.Entities[id] = e
	}
	if res, err = tx.Run(ctx, readMentionsOf, map[string]any{"ids": ids}); err != nil {
		return st, err
	}
	if recs, err = res.Collect(ctx); err != nil {
		return st, err
	}
	for _, rec := range recs {
		e, _ := rec.Get("e")
		a, _ := rec.Get("a")
		es, _ := e.(string)
		as, _ := a.(string)
		st.Mentions[es] = append(st.Mentions[es], as)
	}
	return st, nil
}

// applyCuration writes p in the order store.CurationPlan gives.
func applyCuration(ctx context.Context, tx neo4j.ManagedTransaction, p store.CurationPlan) error {
	if len(p.DropRelations) > 0 {
		ids := map[schema.RelationType][]any{}
		for _, r := range p.DropRelations {
			ids[r.Type] = append(ids[r.Type], r.ID)
		}
		if err := run(ctx, tx, dropRelations, byType(relationTypes(), ids)); err != nil {
			return err
		}
	}
	var mentions []any
	for article, ids := range p.DropMentions {
		mentions = append(mentions, map[string]any{"article": article, "entities": ids})
	}
	if err := exec(ctx, tx, dropMentions, mentions); err != nil {
		return err
	}
	var gone []any
	for _, id := range p.DropEntities {
		gone = append(gone, id)
	}
	if err := exec(ctx, tx, dropEntities, gone); err != nil {
		return err
	}
	if err := upsert(ctx, tx, p.Changes); err != nil {
		return err
	}
	var redirects []schema.Redirect
	for from, into := range p.Repoint {
		docs, err := docsOf(ctx, tx, readRedirectsInto, map[string]any{"id": from})
		if err != nil {
			return err
		}
		for _, d := range docs {
			var r schema.Redirect
			if err := json.Unmarshal([]byte(d), &r); err != nil {
				return err
			}
			r.Into = into
			redirects = append(redirects, r)
		}
	}
	if err := writeRedirects(ctx, tx, append(redirects, p.Redirects...)); err != nil {
		return err
	}
	notes := p.Notes
	for _, m := range p.MoveNotes {
		var articles any
		if m.Articles != nil {
			articles = m.Articles
		}
		docs, err := docsOf(ctx, tx, readNotesOf, map[string]any{"id": m.From,
			"articles": articles})
		if err != nil {
			return err
		}
		for _, d := range docs {
			var n schema.IdentityMatch
			if err := json.Unmarshal([]byte(d), &n); err != nil {
				return err
			}
			n.Entity = m.Into
			notes = append(notes, n)
		}
	}
	return writeNotes(ctx, tx, notes)
}

// docsOf runs query and returns its doc column.
func docsOf(ctx context.Context, tx neo4j.ManagedTransaction, query string,
	params map[string]any,
) ([]string, error) {
	res, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, rec := range recs {
		v, _ := rec.Get("doc")
		d, _ := v.(string)
		out = append(out, d)
	}
	return out, nil
}

// writeRedirects stores rs in order, each replacing the redirect of the
// same from and article; one into its own from is removed instead.
func writeRedirects(ctx context.Context, tx neo4j.ManagedTransaction, rs []schema.Redirect,
) error {
	var put, drop []any
	for _, r := range rs {
		key := r.From + "|" + r.Article
		if r.Into.ID == r.From {
			drop = append(drop, key)
			continue
		}
		doc, err := json.Marshal(r)
		if err != nil {
			return err
		}
		put = append(put, map[string]any{"key": key, "from": r.From, "article": r.Article,
			"into": r.Into.ID, "doc": string(doc)})
	}
	if err := exec(ctx, tx, putRedirects, put); err != nil {
		return err
	}
	return exec(ctx, tx, dropRedirects, drop)
}

// writeNotes stores identity notes, each replacing the note of its key.
func writeNotes(ctx context.Context, tx neo4j.ManagedTransaction,
	notes []schema.IdentityMatch,
) error {
	rows := make([]any, 0, len(notes))
	for _, n := range notes {
		doc, err := json.Marshal(n)
		if err != nil {
			return err
		}
		article := n.Article
		if n.At != "" {
			article = ""
		}
		rows = append(rows, map[string]any{"key": n.NoteKey(), "entity": n.Entity,
			"article": article, "rule": string(n.Rule), "doc": string(doc)})
	}
	return exec(ctx, tx, putNotes, rows)
}
