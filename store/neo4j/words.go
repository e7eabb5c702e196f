package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// wordsChunk is the most words one full-text query of EntitiesByNameWords
// carries: Lucene refuses a query of more than 1,024 clauses.
const wordsChunk = 500

// EntitiesByNameWords returns the entities of type t with one of words in
// their folded name; see store.NameIndex. The full-text index
// schema.EntityNamesIndex finds the candidates, on its aliasText field
// (the folded name and aliases), in one statement per 500 words; the exact
// test, a word of the name, is made here.
func (s *Store) EntitiesByNameWords(ctx context.Context, t schema.EntityType, words []string,
) ([]schema.Entity, error) {
	words, err := store.CheckNameWords(t, words)
	if err != nil {
		return nil, fmt.Errorf("neo4j.EntitiesByNameWords: %w", err)
	}
	l, err := label(t)
	if err != nil {
		return nil, fmt.Errorf("neo4j.EntitiesByNameWords: %w", err)
	}
	query := "CALL db.index.fulltext.queryNodes($index, $q) YIELD node WHERE node:" + l +
		" RETURN node {.*} AS e"
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	byID := map[string]schema.Entity{}
	for start := 0; start < len(words); start += wordsChunk {
		part := words[start:min(start+wordsChunk, len(words))]
		terms := make([]string, len(part))
		for i, w := range part {
			terms[i] = `aliasText:"` + escapeLucene(w) + `"`
		}
		recs, err := s.read(ctx, query, map[string]any{
			"index": schema.EntityNamesIndex, "q": strings.Join(terms, " OR ")})
		if err != nil {
			return nil, fmt.Errorf("neo4j.EntitiesByNameWords: %w", err)
		}
		for _, rec := range recs {
			v, _ := rec.Get("e")
			e := toEntity(v)
			if slices.ContainsFunc(strings.Fields(schema.Fold(e.Name)),
				func(w string) bool { return want[w] }) {
				byID[e.ID] = e
			}
		}
	}
	out := make([]schema.Entity, 0, len(byID))
	for _, e := range byID {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b schema.Entity) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}
