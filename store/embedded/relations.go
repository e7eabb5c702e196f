package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Relations lists the relations matching f, with their evidence, in f's
// order: by date (DateDesc: newest first, undated last; DateAsc: oldest
// first, undated last), then by id.
func (s *Store) Relations(ctx context.Context, f store.RelationFilter) (store.RelationPage, error) {
	f, sp, err := f.Normalize()
	if err != nil {
		return store.RelationPage{}, fmt.Errorf("relations: %w", err)
	}
	var page store.RelationPage
	err = s.read(ctx, "relations", func(q querier) error {
		page, err = relations(ctx, q, f, sp)
		return err
	})
	return page, err
}

// RelationsOfEntities returns, for each of ids, the page Relations returns
// for f with Entity set to that id, all read in one transaction.
func (s *Store) RelationsOfEntities(ctx context.Context, ids []string, f store.RelationFilter,
) ([]store.RelationPage, error) {
	f, sp, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("relations of entities: %w", err)
	}
	out := make([]store.RelationPage, len(ids))
	err = s.read(ctx, "relations of entities", func(q querier) error {
		for i, id := range ids {
			f.Entity = id
			var err error
			if out[i], err = relations(ctx, q, f, sp); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// Relation returns the relation with the given id, with its evidence.
func (s *Store) Relation(ctx context.Context, id string) (schema.Relation, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Relation{}, fmt.Errorf("relation: %w", err)
	}
	var r schema.Relation
	err := s.read(ctx, "relation", func(q querier) error {
		rs, _, err := loadRelations(ctx, q, "SELECT rid, date, id, doc FROM relations WHERE id = ?", id)
		if err != nil {
			return err
		}
		if len(rs) == 0 {
			return notFound("relation", id)
		}
		r = rs[0]
		return nil
	})
	return r, err
}

// relationConds returns the conditions on the relations table that select
// the relations of the normalized filter f, and whether any narrows the
// listing beyond its types.
func relationConds(f store.RelationFilter) (conds []string, args []any, narrow bool) {
	add := func(c string, a ...any) {
		conds, args = append(conds, c), append(args, a...)
	}
	if len(f.Types) < len(schema.Relations) {
		types := make([]string, len(f.Types))
		for i, t := range f.Types {
			types[i] = string(t)
		}
		add("type IN (SELECT value FROM json_each(?))", jsonList(types))
	}
	n := len(conds)
	if f.Entity != "" {
		switch f.Direction {
		case store.Out:
			add("source = ?", f.Entity)
		case store.In:
			add("target = ?", f.Entity)
		default:
			// First, so that relations can split it (see bothEnds).
			conds = append([]string{"(source = ? OR target = ?)"}, conds...)
			args = append([]any{f.Entity, f.Entity}, args...)
		}
	}
	if f.Source != "" {
		add("source = ?", f.Source)
	}
	if f.Target != "" {
		add("target = ?", f.Target)
	}
	if f.Between != nil {
		list := jsonList(f.Between)
		add("source IN (SELECT value FROM json_each(?)) AND target IN (SELECT value FROM json_each(?))",
			list, list)
	}
	if f.Dated {
		add("date != ''")
	}
	if wc, wa := dateWindow(f.Since, f.Until); wc != nil {
		conds, args = append(conds, wc...), append(args, wa...)
		// The same window on the date itself, looser, so that the index
		// on date can serve it: a date starts with its year.
		if f.Since != "" {
			add("date >= ?", f.Since[:4])
		}
		if f.Until != "" {
			if y, err := strconv.Atoi(f.Until[:4]); err == nil && y < 9999 {
				add("date < ?", fmt.Sprintf("%04d", y+1))
			}
		}
	}
	if f.Article != "" {
		add("rid IN (SELECT rel FROM evidence WHERE article = ?)", f.Article)
	}
	return conds, args, len(conds) > n
}

// relations returns the page sp of the relations matching the normalized
// filter f.
func relations(ctx context.Context, q querier, f store.RelationFilter, sp store.Span,
) (store.RelationPage, error) {
	page := store.RelationPage{Relations: []schema.Relation{}}
	conds, args, narrow := relationConds(f)
	var err error
	if !narrow {
		page.Total, err = typeTotal(ctx, q, f.Types)
	} else {
		err = q.QueryRowContext(ctx, "SELECT COUNT(*) FROM relations"+whereClause(conds),
			args...).Scan(&page.Total)
	}
	if err != nil {
		return page, err
	}
	order := " ORDER BY date DESC, id"
	if f.Order == store.DateAsc {
		order = " ORDER BY date = '', date, id"
	}
	if k := sp.After; k != nil {
		switch {
		case f.Order != store.DateAsc:
			conds = append(conds, "(date < ? OR date = ? AND id > ?)")
			args = append(args, k.Sort, k.Sort, k.ID)
		case k.Sort == "":
			conds = append(conds, "(date = '' AND id > ?)")
			args = append(args, k.ID)
		default:
			conds = append(conds, "(date = '' OR date > ? OR date = ? AND id > ?)")
			args = append(args, k.Sort, k.Sort, k.ID)
		}
	}
	query := "SELECT rid, date, id, doc FROM relations" + whereClause(conds) + order + " LIMIT ?"
	if f.Entity != "" && f.Direction == store.Both && f.Order != store.DateAsc {
		query, args = bothEnds(conds[1:], args[2:], f.Entity, sp.Limit+1)
	} else {
		args = append(args, sp.Limit+1)
	}
	rs, keys, err := loadRelations(ctx, q, query, args...)
	page.Relations, page.HasNext, page.EndCursor = endPage(append(page.Relations, rs...), keys, sp)
	return page, err
}

// typeTotal returns the number of relations of the given types.
func typeTotal(ctx context.Context, q querier, types []schema.RelationType) (int, error) {
	if len(types) == len(schema.Relations) {
		return countOf(ctx, q, "relation", "")
	}
	list := make([]string, len(types))
	for i, t := range types {
		list[i] = string(t)
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(n), 0) FROM counts
		WHERE kind = 'relation' AND type IN (SELECT value FROM json_each(?))`,
		jsonList(list)).Scan(&n)
	return n, err
}

// loadRelations returns the relations of query's rows of (rid, date, id,
// doc), with their evidence, and their keys.
func loadRelations(ctx context.Context, q querier, query string, args ...any,
) ([]schema.Relation, []store.Key, error) {
	var rs []schema.Relation
	var keys []store.Key
	var rids []int64
	err := scanAll(ctx, q, func(rows *sql.Rows) error {
		var rid int64
		var k store.Key
		var doc string
		if err := rows.Scan(&rid, &k.Sort, &k.ID, &doc); err != nil {
			return err
		}
		r, err := decode[schema.Relation](doc)
		rs, keys, rids = append(rs, r), append(keys, k), append(rids, rid)
		return err
	}, query, args...)
	if err != nil || len(rs) == 0 {
		return rs, keys, err
	}
	return rs, keys, withEvidence(ctx, q, rs, rids)
}

// withEvidence fills in the evidence of rs, whose row ids are rids.
func withEvidence(ctx context.Context, q querier, rs []schema.Relation, rids []int64) error {
	at := make(map[int64]int, len(rids))
	for i, rid := range rids {
		at[rid] = i
	}
	list, _ := json.Marshal(rids)
	return scanAll(ctx, q, func(rows *sql.Rows) error {
		var rid int64
		var ev schema.Evidence
		if err := rows.Scan(&rid, &ev.Article, &ev.Start, &ev.End, &ev.Sentence); err != nil {
			return err
		}
		i, ok := at[rid]
		if !ok {
			return errors.New("evidence of a relation not asked for")
		}
		rs[i].Evidence = append(rs[i].Evidence, ev)
		return nil
	}, `SELECT rel, article, start, "end", sentence FROM evidence
		WHERE rel IN (SELECT value FROM json_each(?)) ORDER BY rel, article, start, "end"`,
		string(list))
}

// bothEnds returns the query of the first n relations of entity at either
// end that also meet conds (args), newest first, as the merge of two index
// scans, one by source and one by target, each stopped at n rows: a hub's
// page reads a page of rows, not all of its relations.
func bothEnds(conds []string, args []any, entity string, n int) (string, []any) {
	arm := func(end string) string {
		return "SELECT * FROM (SELECT rid, date, id, doc FROM relations" +
			whereClause(append([]string{end}, conds...)) +
			" ORDER BY date DESC, id LIMIT ?)"
	}
	query := arm("source = ?") + " UNION ALL " + arm("target = ? AND source != ?") +
		" ORDER BY date DESC, id LIMIT ?"
	out := append([]any{entity}, args...)
	out = append(out, n, entity, entity)
	out = append(out, args...)
	return query, append(out, n, n)
}

// heldOffices is the query of HeldOffices: the offices of each id of a
// JSON list, by the id's place in the list, read off the partial index
// relations_office alone.
var heldOffices = fmt.Sprintf(`SELECT j.key, r.doc FROM json_each(?) j
	JOIN relations r INDEXED BY relations_office ON r.source = j.value AND r.type = '%s'
	ORDER BY j.key, r.date DESC, r.id`, schema.HoldsOffice)

// HeldOffices returns the offices each of ids holds, without evidence, in
// one statement; see store.OfficeIndex.
func (s *Store) HeldOffices(ctx context.Context, ids []string) ([][]schema.Relation, error) {
	if err := store.CheckBatch(ids); err != nil {
		return nil, fmt.Errorf("held offices: %w", err)
	}
	out := make([][]schema.Relation, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := s.read(ctx, "held offices", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var i int
			var doc string
			if err := rows.Scan(&i, &doc); err != nil {
				return err
			}
			if i < 0 || i >= len(ids) {
				return errors.New("an office of an id not asked for")
			}
			if len(out[i]) == store.MaxFirst {
				return nil
			}
			r, err := decode[schema.Relation](doc)
			out[i] = append(out[i], r)
			return err
		}, heldOffices, jsonList(ids))
	})
	return out, err
}
