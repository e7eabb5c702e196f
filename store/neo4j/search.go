package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// searchCandidates bounds the full-text candidates a search ranks.
const searchCandidates = 1000

// searchHead finds the candidates of a search with the full-text index (see
// luceneQuery) and gives each the tier store.MatchTier gives its best name
// or alias, as far as it can be told in Cypher: exact (4), prefix (3) and
// word (2) matches exactly; every other candidate is 1, a possible typo
// match that only store.EntityTier can confirm. It ends with rows, a list
// of {e, tier}.
var searchHead = "CALL db.index.fulltext.queryNodes('" + schema.EntityNamesIndex +
	"', $q, {limit: $limit}) YIELD node AS e\n" +
	"WITH e WHERE size($types) = 0 OR e.type IN $types\n" +
	"WITH e, split(e.aliasText, '\\n') AS names\n" +
	"WITH e, CASE\n" +
	"  WHEN $text IN names THEN 4\n" +
	"  WHEN any(n IN names WHERE n STARTS WITH $text) THEN 3\n" +
	"  WHEN any(n IN names WHERE all(w IN $words WHERE\n" +
	"    any(x IN split(n, ' ') WHERE x STARTS WITH w))) THEN 2\n" +
	"  ELSE 1 END AS tier\n" +
	"WITH collect({e: e, tier: tier}) AS rows\n"

// searchTail ranks the rows: the page of the exact, prefix and word
// matches, projected with the plan (top), and, only when they do not fill
// the page, the possible typo matches in rank order (rest).
const searchTail = `CALL (rows) {
  UNWIND rows AS row WITH row WHERE row.tier >= 2
  WITH row.e AS e, row.tier AS tier
  WITH e, tier, %[1]s AS n ORDER BY tier DESC, n DESC, e.fold, e.id LIMIT $first
  RETURN collect({x: %[2]s, tier: tier}) AS top
}
CALL (rows, top) {
  WITH rows WHERE size(top) < $first
  UNWIND rows AS row WITH row WHERE row.tier = 1
  WITH row.e AS e
  WITH e, %[1]s AS n ORDER BY n DESC, e.fold, e.id
  RETURN collect(e {.*}) AS rest
}
RETURN top, rest`

// FetchSearch ranks entities as store.Rank does — best tier first, then
// most relations, then by folded name and id — in one statement that
// returns the page only, each hit with what p asks below it. Possible typo
// matches, needed only when better matches do not fill the page, are
// confirmed in Go; what p asks below those is read by a second statement.
func (s *Store) FetchSearch(ctx context.Context, q store.SearchQuery, p store.EntityPlan,
) ([]store.Hit, store.Fetched, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, store.Fetched{}, fmt.Errorf("neo4j.FetchSearch: %w", err)
	}
	types := []string{}
	for _, t := range q.Types {
		types = append(types, string(t))
	}
	c := newCompiler()
	proj, err := c.entity("e", &p)
	if err != nil {
		return nil, store.Fetched{}, fmt.Errorf("neo4j.FetchSearch: %w", err)
	}
	for k, v := range map[string]any{"q": luceneQuery(q.Text), "limit": searchCandidates,
		"types": types, "text": q.Text, "words": strings.Fields(q.Text), "first": q.First} {
		c.params[k] = v
	}
	query := searchHead + fmt.Sprintf(searchTail, entityDegree, proj)
	recs, err := s.read(ctx, query, c.params)
	if err != nil {
		return nil, store.Fetched{}, fmt.Errorf("neo4j.FetchSearch %q: %w", q.Text, err)
	}
	rec := first(recs)
	d := newDecoder()
	hits := []store.Hit{}
	top, _ := get(rec, "top").([]any)
	for _, v := range top {
		m := asMap(v)
		tier, _ := m["tier"].(int64)
		hits = append(hits, store.Hit{Entity: d.entity(m["x"], &p), Score: float64(tier)})
	}
	var typos []string
	rest, _ := get(rec, "rest").([]any)
	for _, v := range rest {
		if len(hits) >= q.First {
			break
		}
		e := toEntity(v)
		if store.EntityTier(q.Text, e) == store.TypoMatch {
			hits = append(hits, store.Hit{Entity: e, Score: float64(store.TypoMatch)})
			d.f.Entities[e.ID] = e
			typos = append(typos, e.ID)
		}
	}
	if len(typos) > 0 && !p.Empty() {
		more, err := s.Expand(ctx, store.Want{Entities: typos, Entity: &p})
		if err != nil {
			return nil, store.Fetched{}, fmt.Errorf("neo4j.FetchSearch %q: %w", q.Text, err)
		}
		d.f.Merge(more)
	}
	return hits, d.f, nil
}
