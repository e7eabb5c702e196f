package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/store"
)

// Relations lists the relations matching f, with their evidence, in f's
// order (see the embedded store), in one query. The query starts from the
// most selective thing f names — an entity, an end, an article — and each
// other field that is set adds a fixed condition on a parameter.
func (s *Store) Relations(ctx context.Context, f store.RelationFilter) (store.RelationPage, error) {
	f, span, err := f.Normalize()
	if err != nil {
		return store.RelationPage{}, fmt.Errorf("neo4j.Relations: %w", err)
	}
	query, params, err := relationsQuery(f)
	if err != nil {
		return store.RelationPage{}, fmt.Errorf("neo4j.Relations: %w", err)
	}
	recs, err := s.read(ctx, query, spanParams(span, params))
	if err != nil {
		return store.RelationPage{}, fmt.Errorf("neo4j.Relations: %w", err)
	}
	l := pageOf(recs)
	rels, next, end := decode(l, span, toRelation)
	return store.RelationPage{Relations: rels, Total: l.total, HasNext: next, EndCursor: end}, nil
}

// RelationsOfEntities returns, for each of ids, the page Relations returns
// for f with Entity set to that id, in one query: the query of Relations
// run in a subquery once per id.
func (s *Store) RelationsOfEntities(ctx context.Context, ids []string, f store.RelationFilter,
) ([]store.RelationPage, error) {
	f, span, err := f.Normalize()
	if err == nil {
		err = store.CheckBatch(ids)
	}
	if err != nil {
		return nil, fmt.Errorf("neo4j.RelationsOfEntities: %w", err)
	}
	if len(ids) == 0 {
		return []store.RelationPage{}, nil
	}
	body, params, err := relationsBody(f, "eid")
	if err != nil {
		return nil, fmt.Errorf("neo4j.RelationsOfEntities: %w", err)
	}
	params["ids"] = ids
	recs, err := s.read(ctx, perID(body), spanParams(span, params))
	if err != nil {
		return nil, fmt.Errorf("neo4j.RelationsOfEntities: %w", err)
	}
	out := make([]store.RelationPage, len(ids))
	for i, l := range pagesOf(recs, len(ids)) {
		rels, next, end := decode(l, span, toRelation)
		out[i] = store.RelationPage{Relations: rels, Total: l.total, HasNext: next, EndCursor: end}
	}
	return out, nil
}

// perID wraps the query body of one listing, which reads the entity id
// from the variable eid and returns total and page, into the query that
// runs it for each of $ids and returns the index i of each id beside.
func perID(body string) string {
	return "UNWIND range(0, size($ids) - 1) AS i\n" +
		"WITH i, $ids[i] AS eid\n" +
		"CALL (eid) {\n" + body + "\n}\n" +
		"RETURN i, total, page"
}

// relationsQuery builds the query of a normalized filter from fixed
// fragments; every value of f is a parameter.
func relationsQuery(f store.RelationFilter) (string, map[string]any, error) {
	entity := ""
	if f.Entity != "" {
		entity = "$entity"
	}
	query, params, err := relationsBody(f, entity)
	if err != nil {
		return "", nil, err
	}
	params["entity"] = f.Entity
	return query, params, nil
}

// relationsBody builds the query of a normalized filter, with f.Entity
// replaced by the Cypher expression entity (none when empty).
func relationsBody(f store.RelationFilter, entity string) (string, map[string]any, error) {
	match, params, err := relationsMatch(f, entity)
	if err != nil {
		return "", nil, err
	}
	var b strings.Builder
	b.WriteString(match)
	if f.Order == store.DateAsc {
		b.WriteString("WITH r ORDER BY r.date = '', r.date, r.id\n")
	} else {
		b.WriteString("WITH r ORDER BY r.date DESC, r.id\n")
	}
	b.WriteString("WITH collect(r) AS items\n" +
		"RETURN size(items) AS total, [x IN items[$skip..$end] | " + projectRel("x") + "] AS page")
	return b.String(), params, nil
}

// relationsMatch builds the part of the query of a normalized filter that
// binds r, s and t to each matching relation and its ends.
func relationsMatch(f store.RelationFilter, entity string) (string, map[string]any, error) {
	types, err := typePattern(f.Types)
	if err != nil {
		return "", nil, err
	}
	rel := "-[r:" + types + "]-"
	sinceLo, _ := store.DateBounds(f.Since)
	_, untilHi := store.DateBounds(f.Until)
	params := map[string]any{"source": f.Source, "target": f.Target,
		"between": f.Between, "since": sinceLo, "until": untilHi, "article": f.Article}

	var b strings.Builder
	switch {
	case entity != "" && f.Direction == store.Out:
		b.WriteString("MATCH (s:Entity {id: " + entity + "})" + rel + ">(t:Entity)\n")
	case entity != "" && f.Direction == store.In:
		b.WriteString("MATCH (s:Entity)" + rel + ">(t:Entity {id: " + entity + "})\n")
	case entity != "":
		b.WriteString("MATCH (:Entity {id: " + entity + "})" + rel + "(:Entity)\n" +
			"WITH DISTINCT r WITH r, startNode(r) AS s, endNode(r) AS t\n")
	case f.Source != "":
		b.WriteString("MATCH (s:Entity {id: $source})" + rel + ">(t:Entity)\n")
	case f.Target != "":
		b.WriteString("MATCH (s:Entity)" + rel + ">(t:Entity {id: $target})\n")
	case f.Article != "":
		b.WriteString("MATCH (:Article {id: $article})-[:MENTIONS]->(s:Entity)" + rel +
			">(t:Entity)\n")
	default:
		b.WriteString("MATCH (s:Entity)" + rel + ">(t:Entity)\n")
	}
	var conds []string
	add := func(set bool, cond string) {
		if set {
			conds = append(conds, cond)
		}
	}
	add(f.Source != "", "s.id = $source")
	add(f.Target != "", "t.id = $target")
	add(f.Between != nil, "s.id IN $between AND t.id IN $between")
	add(f.Since != "", "r.dateLo <> '' AND r.dateHi >= $since")
	add(f.Until != "", "r.dateLo <> '' AND r.dateLo <= $until")
	add(f.Article != "", "$article IN r.evArticle")
	add(f.Dated, "r.date <> ''")
	if len(conds) > 0 {
		b.WriteString("WITH r, s, t WHERE " + strings.Join(conds, " AND ") + "\n")
	}
	return b.String(), params, nil
}

// spanParams adds the bounds of span to params as $skip and $end.
func spanParams(span store.Span, params map[string]any) map[string]any {
	params["skip"], params["end"] = span.Offset, span.Offset+span.Limit
	return params
}

// listing is the total and the page of items of one listing.
type listing struct {
	total int
	items []any
}

// pagesOf reads the i, total and page columns of a query made by perID into
// n listings, listing i from the record whose i is i.
func pagesOf(recs []*neo4j.Record, n int) []listing {
	out := make([]listing, n)
	for _, rec := range recs {
		i, _ := get(rec, "i").(int64)
		if i < 0 || int(i) >= n {
			continue
		}
		out[i] = pageOf([]*neo4j.Record{rec})
	}
	return out
}

// pageOf reads the total and page columns of a listing query.
func pageOf(recs []*neo4j.Record) listing {
	if len(recs) == 0 {
		return listing{}
	}
	total, _ := get(recs[0], "total").(int64)
	page, _ := get(recs[0], "page").([]any)
	return listing{total: int(total), items: page}
}

// decode converts the items of l with conv and works out whether more
// follow the page and the cursor that continues it.
func decode[T any](l listing, span store.Span, conv func(any) T) (
	items []T, hasNext bool, end string,
) {
	items = make([]T, 0, len(l.items))
	for _, v := range l.items {
		items = append(items, conv(v))
	}
	hasNext, end = span.Next(len(items), l.total)
	return items, hasNext, end
}
