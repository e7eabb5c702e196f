package neo4jstore

import (
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// Cypher cannot take a label or a relationship type as a parameter, so the
// functions here format them into query text; they accept only the
// constants of package schema, checked again here, never caller text.

// typePattern returns "A|B|C" for a relationship pattern of the given
// relation types; empty means every type of schema.Relations.
func typePattern(ts []schema.RelationType) (string, error) {
	ts, err := store.RelationTypes(ts)
	if err != nil {
		return "", err
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = string(t)
	}
	return strings.Join(parts, "|"), nil
}

// relType returns t for a relationship pattern, if it is a relation type.
func relType(t schema.RelationType) (string, error) {
	if !t.Valid() {
		return "", fmt.Errorf("relation type %q: %w", t, store.ErrInvalidInput)
	}
	return string(t), nil
}

// label returns t as a node label, if it is an entity type.
func label(t schema.EntityType) (string, error) {
	if !t.Valid() {
		return "", fmt.Errorf("entity type %q: %w", t, store.ErrInvalidInput)
	}
	return string(t), nil
}

// projectRel returns the map expression a relationship variable v is read
// as: its properties with its type and the ids of its ends.
func projectRel(v string) string {
	return fmt.Sprintf("%[1]s {.*, type: type(%[1]s), source: startNode(%[1]s).id, "+
		"target: endNode(%[1]s).id}", v)
}

// relationByID is the query of one relation by id: a union of one index
// seek per relation type, since a relationship index covers one type.
var relationByID = func() string {
	var parts []string
	for _, r := range schema.Relations {
		parts = append(parts, fmt.Sprintf("MATCH ()-[r:%s {id: $id}]->() RETURN r", r.Type))
	}
	return "CALL () { " + strings.Join(parts, " UNION ALL ") + " }\n" +
		"RETURN " + projectRel("r") + " AS r LIMIT 1"
}()

// luceneSpecial are the characters Lucene's query parser gives a meaning.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// escapeLucene escapes the Lucene query syntax in s.
func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// maxSearchWords is the most words of a search text sent to Lucene.
const maxSearchWords = 16

// luceneQuery returns the full-text query that finds the candidates of a
// search for the folded text: for each word, the word itself (boosted), the
// words it starts, and the words within store.MaxEdits of it. Every entity
// store.Rank would rank matches at least one of these terms.
func luceneQuery(folded string) string {
	var terms []string
	words := strings.Fields(folded)
	// Every tier needs every word to match, so the first words alone still
	// find every candidate; the cap keeps Lucene under its clause limit.
	for _, w := range words[:min(len(words), maxSearchWords)] {
		e := escapeLucene(w)
		terms = append(terms, e+"^3", e+"*")
		if n := store.MaxEdits(w); n > 0 {
			terms = append(terms, fmt.Sprintf("%s~%d", e, n))
		}
	}
	return strings.Join(terms, " OR ")
}

// phraseQuery returns the full-text query of the folded text as a phrase.
func phraseQuery(folded string) string {
	return `"` + escapeLucene(folded) + `"`
}
