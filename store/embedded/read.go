package embedded

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// querier is a reader session or a write transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// scanAll calls fn for each row of query.
func scanAll(ctx context.Context, q querier, fn func(*sql.Rows) error, query string, args ...any,
) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func decode[T any](doc string) (T, error) {
	var v T
	err := json.Unmarshal([]byte(doc), &v)
	return v, err
}

func notFound(what, id string) error {
	return storeError{fmt.Errorf("%s %s: %w", what, id, store.ErrNotFound)}
}

// Entity returns the entity with the given id.
func (s *Store) Entity(ctx context.Context, id string) (schema.Entity, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Entity{}, fmt.Errorf("entity: %w", err)
	}
	return byID[schema.Entity](ctx, s, "entity", "entities", id)
}

// byID reads the record of one id from table (entities or articles); what
// names it in errors.
func byID[T any](ctx context.Context, s *Store, what, table, id string) (T, error) {
	var v T
	err := s.read(ctx, what, func(q querier) error {
		var doc string
		err := q.QueryRowContext(ctx, "SELECT doc FROM "+table+" WHERE id = ?", id).Scan(&doc)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(what, id)
		}
		if err != nil {
			return err
		}
		v, err = decode[T](doc)
		return err
	})
	return v, err
}

// entitiesByID returns the entities of ids that exist, by id.
func entitiesByID(ctx context.Context, q querier, ids []string) (map[string]schema.Entity, error) {
	out := map[string]schema.Entity{}
	if len(ids) == 0 {
		return out, nil
	}
	err := scanAll(ctx, q, func(rows *sql.Rows) error {
		var doc string
		if err := rows.Scan(&doc); err != nil {
			return err
		}
		e, err := decode[schema.Entity](doc)
		out[e.ID] = e
		return err
	}, "SELECT doc FROM entities WHERE id IN (SELECT value FROM json_each(?))", jsonList(ids))
	return out, err
}

// EntitiesByIDs returns the entities with the given ids that exist, in the
// order asked.
func (s *Store) EntitiesByIDs(ctx context.Context, ids []string) ([]schema.Entity, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	out := []schema.Entity{}
	err := s.read(ctx, "entities", func(q querier) error {
		byID, err := entitiesByID(ctx, q, ids)
		for _, id := range ids {
			if e, ok := byID[id]; ok {
				out = append(out, store.CloneEntity(e))
			}
		}
		return err
	})
	return out, err
}

// candidates returns the entities of query's rows of (doc, degree) as
// ranking candidates.
func candidates(ctx context.Context, q querier, query string, args ...any,
) ([]store.Candidate, error) {
	var out []store.Candidate
	err := scanAll(ctx, q, func(rows *sql.Rows) error {
		var doc string
		var degree int
		if err := rows.Scan(&doc, &degree); err != nil {
			return err
		}
		e, err := decode[schema.Entity](doc)
		out = append(out, store.Candidate{Entity: e, Relations: degree})
		return err
	}, query, args...)
	return out, err
}

// EntityByName returns the entity whose name or alias folds like name; see
// store.PickByName.
func (s *Store) EntityByName(ctx context.Context, name string) (schema.Entity, error) {
	f := schema.Fold(name)
	if f == "" {
		return schema.Entity{}, fmt.Errorf("entity by name %q: name is empty: %w",
			name, store.ErrInvalidInput)
	}
	var e schema.Entity
	err := s.read(ctx, "entity by name", func(q querier) error {
		cands, err := candidates(ctx, q, `SELECT DISTINCT e.doc, e.degree FROM names n
			JOIN entities e ON e.rid = n.entity WHERE n.fold = ?`, f)
		if err != nil {
			return err
		}
		var ok bool
		if e, ok = store.PickByName(name, cands); !ok {
			return storeError{fmt.Errorf("%q: %w", name, store.ErrNotFound)}
		}
		return nil
	})
	return e, err
}

// prefixEnd returns the least string above every string that starts with
// p: p and a byte no UTF-8 text holds.
func prefixEnd(p string) string { return p + "\xff" }

// entityConds are the SQL conditions and arguments of an entity filter's
// type and name prefix.
func entityConds(f store.EntityFilter) (conds []string, args []any) {
	if f.Type != "" {
		conds, args = append(conds, "type = ?"), append(args, string(f.Type))
	}
	if f.NameStartsWith != "" {
		conds = append(conds, "fold >= ? AND fold < ?")
		args = append(args, f.NameStartsWith, prefixEnd(f.NameStartsWith))
	}
	return conds, args
}

// Entities lists entities by folded name then id, optionally of one type
// and with a folded name prefix.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) (store.EntityPage, error) {
	f, sp, err := f.Normalize()
	if err != nil {
		return store.EntityPage{}, fmt.Errorf("entities: %w", err)
	}
	where, args := entityConds(f)
	page := store.EntityPage{Entities: []schema.Entity{}}
	err = s.read(ctx, "entities", func(q querier) error {
		var err error
		if f.NameStartsWith == "" {
			page.Total, err = countOf(ctx, q, "entity", string(f.Type))
		} else {
			err = q.QueryRowContext(ctx, "SELECT COUNT(*) FROM entities WHERE "+
				strings.Join(where, " AND "), args...).Scan(&page.Total)
		}
		if err != nil {
			return err
		}
		cond, cargs := where, args
		if sp.After != nil {
			cond = append(cond, "(fold, id) > (?, ?)")
			cargs = append(cargs, sp.After.Sort, sp.After.ID)
		}
		var keys []store.Key
		page.Entities, keys, err = keyedDocs[schema.Entity](ctx, q,
			"SELECT fold, id, doc FROM entities"+whereClause(cond)+
				" ORDER BY fold, id LIMIT ?", append(cargs, sp.Limit+1)...)
		page.Entities, page.HasNext, page.EndCursor = endPage(page.Entities, keys, sp)
		return err
	})
	return page, err
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// countOf returns the total of kind (entity, relation, article) of type t,
// or of every type when t is empty, from the counts table.
func countOf(ctx context.Context, q querier, kind, t string) (int, error) {
	var n int
	var err error
	if t == "" {
		err = q.QueryRowContext(ctx, "SELECT COALESCE(SUM(n), 0) FROM counts WHERE kind = ?",
			kind).Scan(&n)
	} else {
		err = q.QueryRowContext(ctx,
			"SELECT COALESCE(SUM(n), 0) FROM counts WHERE kind = ? AND type = ?", kind, t).Scan(&n)
	}
	return n, err
}

// EntitiesByNameWords returns the entities of type t with one of words as a
// whole word of their folded name; see store.NameIndex.
func (s *Store) EntitiesByNameWords(ctx context.Context, t schema.EntityType, words []string,
) ([]schema.Entity, error) {
	words, err := store.CheckNameWords(t, words)
	if err != nil {
		return nil, fmt.Errorf("entities by name words: %w", err)
	}
	out := []schema.Entity{}
	if len(words) == 0 {
		return out, nil
	}
	err = s.read(ctx, "entities by name words", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var doc string
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			e, err := decode[schema.Entity](doc)
			out = append(out, e)
			return err
		}, byNameWordsQuery, string(t), jsonList(words))
	})
	return out, err
}

// byNameWordsQuery reads the entities of a type (?) with one of the words
// of a JSON list (?) in their name: the words' rows of name_words, then
// each entity by row id. The type test is made on each row found ("+"
// keeps it off the type index, which would read every entity of the type
// and so grow with the store).
const byNameWordsQuery = `SELECT e.doc FROM entities e WHERE +e.type = ? AND e.rid IN (
	SELECT entity FROM name_words WHERE word IN (SELECT value FROM json_each(?)))
	ORDER BY e.id`

// ftsNames returns the row ids of the names that the FTS5 query match
// selects, as a JSON array. The full-text query stands alone: SQLite
// prepares a statement with a MATCH parameter anew for each value, which
// costs little for this one and much for a join.
func ftsNames(ctx context.Context, q querier, match string) (string, error) {
	var ids []int64
	err := scanAll(ctx, q, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		ids = append(ids, id)
		return err
	}, "SELECT rowid FROM names_fts WHERE names_fts MATCH ?", match)
	if err != nil || len(ids) == 0 {
		return "", err
	}
	b, err := json.Marshal(ids)
	return string(b), err
}

// ftsTerm quotes a word as an FTS5 string.
func ftsTerm(w string) string { return `"` + strings.ReplaceAll(w, `"`, `""`) + `"` }

// Article returns the article with the given id.
func (s *Store) Article(ctx context.Context, id string) (schema.Article, error) {
	if err := store.CheckID("id", id); err != nil {
		return schema.Article{}, fmt.Errorf("article: %w", err)
	}
	return byID[schema.Article](ctx, s, "article", "articles", id)
}

// ArticlesByIDs returns the articles with the given ids that exist, in the
// order asked.
func (s *Store) ArticlesByIDs(ctx context.Context, ids []string) ([]schema.Article, error) {
	if err := store.CheckIDs("ids", ids); err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	out := []schema.Article{}
	err := s.read(ctx, "articles", func(q querier) error {
		byID := map[string]schema.Article{}
		err := scanAll(ctx, q, func(rows *sql.Rows) error {
			var doc string
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			a, err := decode[schema.Article](doc)
			byID[a.ID] = a
			return err
		}, "SELECT doc FROM articles WHERE id IN (SELECT value FROM json_each(?))", jsonList(ids))
		for _, id := range ids {
			if a, ok := byID[id]; ok {
				out = append(out, a)
			}
		}
		return err
	})
	return out, err
}

// ArticleEntities returns every entity the article id mentions, by folded
// name then id. An unknown article is ErrNotFound.
func (s *Store) ArticleEntities(ctx context.Context, id string) ([]schema.Entity, error) {
	if err := store.CheckID("id", id); err != nil {
		return nil, fmt.Errorf("article entities: %w", err)
	}
	out := []schema.Entity{}
	err := s.read(ctx, "article entities", func(q querier) error {
		var one int
		err := q.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ?", id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("article", id)
		}
		if err != nil {
			return err
		}
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var doc string
			if err := rows.Scan(&doc); err != nil {
				return err
			}
			e, err := decode[schema.Entity](doc)
			out = append(out, e)
			return err
		}, `SELECT e.doc FROM mentions m JOIN entities e ON e.id = m.entity
			WHERE m.article = ? ORDER BY e.fold, e.id`, id)
	})
	return out, err
}

// Articles lists articles newest first (undated last), then by id.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) (store.ArticlePage, error) {
	f, sp, err := f.Normalize()
	if err != nil {
		return store.ArticlePage{}, fmt.Errorf("articles: %w", err)
	}
	var page store.ArticlePage
	err = s.read(ctx, "articles", func(q querier) error {
		page, err = articles(ctx, q, f, sp)
		return err
	})
	return page, err
}

// ArticlesOfEntities returns, for each of ids, the page Articles returns for
// f with Entity set to that id, all read in one transaction.
func (s *Store) ArticlesOfEntities(ctx context.Context, ids []string, f store.ArticleFilter,
) ([]store.ArticlePage, error) {
	f, sp, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("articles of entities: %w", err)
	}
	out := make([]store.ArticlePage, len(ids))
	err = s.read(ctx, "articles of entities", func(q querier) error {
		for i, id := range ids {
			f.Entity = id
			var err error
			if out[i], err = articles(ctx, q, f, sp); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// dateWindow returns the conditions that keep the rows whose day range
// (columns lo, hi) overlaps [since, until]; see store.DateInWindow.
func dateWindow(since, until string) ([]string, []any) {
	if since == "" && until == "" {
		return nil, nil
	}
	conds := []string{"lo != ''"}
	var args []any
	if since != "" {
		lo, _ := store.DateBounds(since)
		conds, args = append(conds, "hi >= ?"), append(args, lo)
	}
	if until != "" {
		_, hi := store.DateBounds(until)
		conds, args = append(conds, "lo <= ?"), append(args, hi)
	}
	return conds, args
}

// articles returns the page sp of the articles matching the normalized
// filter f.
func articles(ctx context.Context, q querier, f store.ArticleFilter, sp store.Span,
) (store.ArticlePage, error) {
	page := store.ArticlePage{Articles: []schema.Article{}}
	conds, args := dateWindow(f.Since, f.Until)
	if f.Source != "" {
		conds, args = append(conds, "source = ?"), append(args, f.Source)
	}
	if f.Entity != "" {
		conds = append(conds, "id IN (SELECT article FROM mentions WHERE entity = ?)")
		args = append(args, f.Entity)
	}
	var err error
	if len(conds) == 0 {
		page.Total, err = countOf(ctx, q, "article", "")
	} else {
		err = q.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles"+whereClause(conds),
			args...).Scan(&page.Total)
	}
	if err != nil {
		return page, err
	}
	if k := sp.After; k != nil {
		conds = append(conds, "(published < ? OR published = ? AND id > ?)")
		args = append(args, k.Sort, k.Sort, k.ID)
	}
	var keys []store.Key
	page.Articles, keys, err = keyedDocs[schema.Article](ctx, q,
		"SELECT published, id, doc FROM articles"+whereClause(conds)+
			" ORDER BY published DESC, id LIMIT ?", append(args, sp.Limit+1)...)
	page.Articles, page.HasNext, page.EndCursor = endPage(page.Articles, keys, sp)
	return page, err
}

// Stats counts entities, relations and articles; every type of the
// ontology has an entry, zero or not.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.NewStats()
	err := s.read(ctx, "stats", func(q querier) error {
		return scanAll(ctx, q, func(rows *sql.Rows) error {
			var kind, t string
			var n int
			if err := rows.Scan(&kind, &t, &n); err != nil {
				return err
			}
			switch kind {
			case "entity":
				st.Entities += n
				st.ByEntity[schema.EntityType(t)] += n
			case "relation":
				st.Relations += n
				st.ByRelType[schema.RelationType(t)] += n
			case "article":
				st.Articles += n
			}
			return nil
		}, "SELECT kind, type, n FROM counts")
	})
	return st, err
}

// keyedDocs reads rows of (sort key, id, JSON record) — a keyset page's
// query — into the records and their keys, in order.
func keyedDocs[T any](ctx context.Context, q querier, query string, args ...any) ([]T, []store.Key, error) {
	var out []T
	var keys []store.Key
	err := scanAll(ctx, q, func(rows *sql.Rows) error {
		var k store.Key
		var doc string
		if err := rows.Scan(&k.Sort, &k.ID, &doc); err != nil {
			return err
		}
		v, err := decode[T](doc)
		out = append(out, v)
		keys = append(keys, k)
		return err
	}, query, args...)
	return out, keys, err
}
