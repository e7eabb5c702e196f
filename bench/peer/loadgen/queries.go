package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// A query is one of the benchmark's requests, as each kind of server asks
// it, with a function that reduces an answer to a form both kinds share so
// that answers can be compared.
type query struct {
	name string
	// request returns the GraphQL request for the i-th sample, for a
	// diplograph server or, when peer, for the @neo4j/graphql server.
	request func(i int, peer bool) map[string]any
	// canon reduces the data of an answer to a comparable value.
	canon func(data map[string]any, peer bool) any
}

// samples are the values the queries are asked with.
type samples struct {
	names   []string    // entity names, each the name of one entity only
	terms   []string    // search texts
	windows [][2]string // since, until
}

// The selections of a relation, alike on both sides.
const (
	relationFields = `id type date source { id name type } target { id name type }`
	evidenceFields = `evidence { sentence start end article { id title } }`
)

func queries(s samples) []query {
	return []query{
		{
			name: "entity+20 relations",
			request: func(i int, peer bool) map[string]any {
				name := s.names[i%len(s.names)]
				if peer {
					return gql(`query($fold: String!) { entities(where: {fold: {eq: $fold}},
						limit: 1) { id name relationCount relations(first: 20) { `+
						relationFields+` `+evidenceFields+` } } }`,
						map[string]any{"fold": schema.Fold(name)})
				}
				return gql(`query($name: String!) { entity(name: $name) { id name
					relations(first: 20) { totalCount edges { node { `+relationFields+` `+
					evidenceFields+` } } } } }`, map[string]any{"name": name})
			},
			canon: func(data map[string]any, peer bool) any {
				e := asMap(data["entity"])
				total, rels := e["relations"], any(nil)
				if peer {
					es, _ := data["entities"].([]any)
					if len(es) == 0 {
						return nil
					}
					e = asMap(es[0])
					total, rels = e["relationCount"], e["relations"]
				} else {
					total, rels = asMap(total)["totalCount"], nodes(total)
				}
				return []any{e["id"], e["name"], num(total), canonRelations(rels)}
			},
		},
		{
			name: "name search",
			request: func(i int, peer bool) map[string]any {
				t := s.terms[i%len(s.terms)]
				if peer {
					f := schema.Fold(t)
					return gql(`query($lucene: String!, $text: String!, $words: [String!]!) {
						searchNames(lucene: $lucene, text: $text, words: $words, first: 10) {
						id name type } }`, map[string]any{"lucene": luceneQuery(f), "text": f,
						"words": strings.Fields(f)})
				}
				return gql(`query($q: String!) { search(query: $q, first: 10) { id name type } }`,
					map[string]any{"q": t})
			},
			canon: func(data map[string]any, peer bool) any {
				if peer {
					return canonEnds(data["searchNames"])
				}
				return data["search"]
			},
		},
		{
			name: "dated relations",
			request: func(i int, peer bool) map[string]any {
				w := s.windows[i%len(s.windows)]
				if peer {
					lo, _ := store.DateBounds(w[0])
					_, hi := store.DateBounds(w[1])
					return gql(`query($since: String!, $until: String!) {
						datedRelations(since: $since, until: $until, first: 20) { `+
						relationFields+` }
						datedRelationCount(since: $since, until: $until) }`,
						map[string]any{"since": lo, "until": hi})
				}
				return gql(`query($since: Date!, $until: Date!) { relations(since: $since,
					until: $until, first: 20) { totalCount edges { node { `+relationFields+
					` } } } }`, map[string]any{"since": w[0], "until": w[1]})
			},
			canon: func(data map[string]any, peer bool) any {
				if peer {
					return []any{num(data["datedRelationCount"]),
						canonRelations(data["datedRelations"])}
				}
				c := data["relations"]
				return []any{num(asMap(c)["totalCount"]), canonRelations(nodes(c))}
			},
		},
	}
}

func gql(q string, vars map[string]any) map[string]any {
	return map[string]any{"query": q, "variables": vars}
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// num reads a JSON number as an int, whichever way it was decoded.
func num(v any) any {
	if n, ok := v.(json.Number); ok {
		i, _ := n.Int64()
		return i
	}
	return v
}

// nodes returns the nodes of a connection.
func nodes(conn any) []any {
	var out []any
	edges, _ := asMap(conn)["edges"].([]any)
	for _, e := range edges {
		out = append(out, asMap(e)["node"])
	}
	return out
}

// canonRelations returns relations with their evidence in one order; the
// peer returns evidence as stored and diplograph sorted.
func canonRelations(v any) any {
	rels, _ := v.([]any)
	out := make([]any, 0, len(rels))
	for _, r := range rels {
		m := asMap(r)
		if ev, ok := m["evidence"].([]any); ok {
			ev = slices.Clone(ev)
			slices.SortFunc(ev, func(a, b any) int {
				return cmp.Compare(fmt.Sprint(asMap(a)["article"], num(asMap(a)["start"])),
					fmt.Sprint(asMap(b)["article"], num(asMap(b)["start"])))
			})
			for i, e := range ev {
				em := asMap(e)
				ev[i] = map[string]any{"sentence": em["sentence"], "start": num(em["start"]),
					"end": num(em["end"]), "article": em["article"]}
			}
			m = map[string]any{"id": m["id"], "type": m["type"], "date": m["date"],
				"source": m["source"], "target": m["target"], "evidence": ev}
		}
		m["source"], m["target"] = canonEnd(m["source"]), canonEnd(m["target"])
		if d, ok := m["date"].(string); ok && d == "" {
			m["date"] = nil // diplograph's null for an unknown date
		}
		out = append(out, m)
	}
	return out
}

// luceneSpecial are the characters Lucene's query parser gives a meaning.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// luceneQuery is the full-text query of a folded search text as diplograph
// sends it (store/neo4j): each word boosted, as a prefix, and fuzzy.
func luceneQuery(folded string) string {
	var terms []string
	words := strings.Fields(folded)
	for _, w := range words[:min(len(words), 16)] {
		var b strings.Builder
		for _, r := range w {
			if strings.ContainsRune(luceneSpecial, r) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		e := b.String()
		terms = append(terms, e+"^3", e+"*")
		if n := store.MaxEdits(w); n > 0 {
			terms = append(terms, fmt.Sprintf("%s~%d", e, n))
		}
	}
	return strings.Join(terms, " OR ")
}

// canonEnd writes an entity's type as the API's enum does: the store keeps
// "Person", diplograph answers PERSON.
func canonEnd(v any) any {
	m := asMap(v)
	if m == nil {
		return v
	}
	out := map[string]any{}
	for k, x := range m {
		out[k] = x
	}
	if t, ok := out["type"].(string); ok {
		out["type"] = strings.ToUpper(t)
	}
	return out
}

func canonEnds(v any) any {
	l, _ := v.([]any)
	out := make([]any, len(l))
	for i, x := range l {
		out[i] = canonEnd(x)
	}
	return out
}
