package embedded

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Search ranks entities as store.Rank does — best tier first, then most
// relations, then folded name and id — but reads each tier through an
// index, best first, and stops once the page is full: exact and prefix
// matches from the B-tree of folded names, word matches from the FTS5
// index with its prefix tables, and, only when those leave the page short,
// near misses: the words of the vocabulary within the edit distance, looked
// up in the FTS5 index.
func (s *Store) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	hits := []store.Hit{}
	err = s.read(ctx, "search", func(qr querier) error {
		sr := searcher{ctx: ctx, q: qr, query: q, seen: map[string]bool{}}
		return sr.run(&hits)
	})
	return hits, err
}

type searcher struct {
	ctx   context.Context
	q     querier
	query store.SearchQuery
	seen  map[string]bool // ids of entities already ranked
}

// ranked is one candidate: its entity, relation count and folded name.
type ranked struct {
	store.Candidate
	fold string
}

func (sr *searcher) run(hits *[]store.Hit) error {
	text := sr.query.Text
	end := prefixEnd(text)
	words := strings.Fields(text)
	prefixes := make([]string, len(words))
	for i, w := range words {
		prefixes[i] = ftsTerm(w) + "*"
	}
	tiers := []struct {
		tier  store.Tier
		where string
		args  []any
	}{
		{store.ExactMatch, "e.rid IN (SELECT entity FROM names WHERE fold = ?)", []any{text}},
		{store.PrefixMatch, "e.rid IN (SELECT entity FROM names WHERE fold > ? AND fold < ?)",
			[]any{text, end}},
		{store.WordMatch, byNames, []any{strings.Join(prefixes, " AND ")}},
	}
	for _, t := range tiers {
		need := sr.query.First - len(*hits)
		if need <= 0 {
			return nil
		}
		if t.where == byNames {
			names, err := ftsNames(sr.ctx, sr.q, t.args[0].(string))
			if err != nil {
				return err
			}
			if names == "" {
				continue
			}
			t.args[0] = names
		}
		cands, err := sr.fetch(t.where, t.args, need)
		if err != nil {
			return err
		}
		sr.add(hits, t.tier, cands, need)
	}
	if need := sr.query.First - len(*hits); need > 0 {
		cands, err := sr.typos(words)
		if err != nil {
			return err
		}
		sr.add(hits, store.TypoMatch, cands, need)
	}
	return nil
}

// add appends the first need candidates whose best tier is tier, in rank
// order, to hits.
func (sr *searcher) add(hits *[]store.Hit, tier store.Tier, cands []ranked, need int) {
	var keep []ranked
	for _, c := range cands {
		if sr.seen[c.Entity.ID] || store.EntityTier(sr.query.Text, c.Entity) != tier {
			continue
		}
		keep = append(keep, c)
	}
	slices.SortFunc(keep, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.Relations, a.Relations), cmp.Compare(a.fold, b.fold),
			cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
	for _, c := range keep[:min(len(keep), need)] {
		sr.seen[c.Entity.ID] = true
		*hits = append(*hits, store.Hit{Entity: c.Entity, Score: float64(tier)})
	}
}

// fetch returns the candidates that where selects among the entities of the
// asked types, in rank order, up to the need-th that is not already ranked.
func (sr *searcher) fetch(where string, args []any, need int) ([]ranked, error) {
	conds := []string{where}
	if len(sr.query.Types) > 0 {
		types := make([]string, len(sr.query.Types))
		for i, t := range sr.query.Types {
			types[i] = string(t)
		}
		conds = append(conds, "e.type IN (SELECT value FROM json_each(?))")
		args = append(args, jsonList(types))
	}
	rows, err := sr.q.QueryContext(sr.ctx, "SELECT e.doc, e.degree, e.fold FROM entities e"+
		whereClause(conds)+" ORDER BY e.degree DESC, e.fold, e.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ranked
	fresh := 0
	for rows.Next() {
		var doc string
		var c ranked
		if err := rows.Scan(&doc, &c.Relations, &c.fold); err != nil {
			return nil, err
		}
		// Rows come in rank order, and every candidate not yet ranked is
		// of this tier (the better tiers were read out before): enough.
		if fresh >= need {
			break
		}
		e, err := decode[schema.Entity](doc)
		if err != nil {
			return nil, err
		}
		c.Entity = e
		out = append(out, c)
		if !sr.seen[e.ID] && store.EntityTier(sr.query.Text, e) != store.NoMatch {
			fresh++
		}
	}
	return out, rows.Err()
}

// typos returns the candidates of the near-miss tier: entities with a name
// or alias in which every word of the text is the prefix of a word or
// within store.MaxEdits of one.
func (sr *searcher) typos(words []string) ([]ranked, error) {
	var groups []string
	for _, w := range words {
		alts := []string{ftsTerm(w) + "*"}
		if k := store.MaxEdits(w); k > 0 {
			n := utf8.RuneCountInString(w)
			err := scanAll(sr.ctx, sr.q, func(rows *sql.Rows) error {
				var x string
				if err := rows.Scan(&x); err != nil {
					return err
				}
				if store.Distance(w, x, k) <= k {
					alts = append(alts, ftsTerm(x))
				}
				return nil
			}, "SELECT word FROM vocab WHERE length(word) BETWEEN ? AND ?", n-k, n+k)
			if err != nil {
				return nil, err
			}
		}
		groups = append(groups, "("+strings.Join(alts, " OR ")+")")
	}
	names, err := ftsNames(sr.ctx, sr.q, strings.Join(groups, " AND "))
	if err != nil || names == "" {
		return nil, err
	}
	return sr.fetch(byNames, []any{names}, 1<<30)
}

// byNames selects the entities of the names whose row ids are in a JSON
// array, as ftsNames gives them.
const byNames = `e.rid IN (SELECT entity FROM names WHERE rid IN (SELECT value FROM json_each(?)))`
