package neo4jstore

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// The functions here turn the maps that queries return into records, and
// records into the property maps that writes set. A missing or mistyped
// value reads as its zero value.

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func list(m map[string]any, k string) []any {
	l, _ := m[k].([]any)
	return l
}

func strs(m map[string]any, k string) []string {
	var out []string
	for _, v := range list(m, k) {
		s, _ := v.(string)
		out = append(out, s)
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func toEntity(v any) schema.Entity {
	m := asMap(v)
	return schema.Entity{
		ID: str(m, "id"), Key: str(m, "key"), Type: schema.EntityType(str(m, "type")),
		Name: str(m, "name"), Aliases: strs(m, "aliases"),
		Kind: str(m, "kind"), Date: str(m, "date"), Code: str(m, "code"),
		IDs: externalIDs(m), Location: location(m),
	}
}

func entityProps(e schema.Entity) map[string]any {
	folds := []string{schema.Fold(e.Name)}
	for _, a := range e.Aliases {
		folds = append(folds, schema.Fold(a))
	}
	return map[string]any{
		"id": e.ID, "key": e.Key, "type": string(e.Type), "name": e.Name,
		"aliases": nonNil(e.Aliases), "kind": e.Kind, "date": e.Date, "code": e.Code,
		"fold": folds[0], "aliasText": strings.Join(folds, "\n"),
		"wikidata": orNil(e.IDs.Wikidata), "geonames": orNil(int64(e.IDs.GeoNames)),
		"iso": orNil(e.IDs.ISO), "location": point(e.Location),
	}
}

func toArticle(v any) schema.Article {
	m := asMap(v)
	return schema.Article{
		ID: str(m, "id"), Title: str(m, "title"), Published: str(m, "published"),
		URL: str(m, "url"), Source: str(m, "source"), Path: str(m, "path"),
	}
}

func articleProps(a schema.Article) map[string]any {
	lo, hi := store.DateBounds(a.Published)
	return map[string]any{
		"id": a.ID, "title": a.Title, "published": a.Published, "url": a.URL,
		"source": a.Source, "path": a.Path, "pubLo": lo, "pubHi": hi,
	}
}

func toRelation(v any) schema.Relation {
	m := asMap(v)
	conf, _ := m["confidence"].(float64)
	r := schema.Relation{
		ID: str(m, "id"), Type: schema.RelationType(str(m, "type")),
		Source: str(m, "source"), Target: str(m, "target"),
		Date: str(m, "date"), Status: str(m, "status"), Role: str(m, "role"),
		Confidence: conf, Cameo: str(m, "cameo"), Plover: str(m, "plover"),
	}
	arts, sents := strs(m, "evArticle"), strs(m, "evSentence")
	starts, ends := list(m, "evStart"), list(m, "evEnd")
	for i := range arts {
		if i >= len(sents) || i >= len(starts) || i >= len(ends) {
			break
		}
		start, _ := starts[i].(int64)
		end, _ := ends[i].(int64)
		r.Evidence = append(r.Evidence, schema.Evidence{Article: arts[i], Sentence: sents[i],
			Start: int(start), End: int(end)})
	}
	slices.SortFunc(r.Evidence, store.CompareEvidence)
	return r
}

func relationProps(r schema.Relation) map[string]any {
	lo, hi := store.DateBounds(r.Date)
	n := len(r.Evidence)
	arts, sents := make([]string, n), make([]string, n)
	starts, ends := make([]int64, n), make([]int64, n)
	for i, ev := range r.Evidence {
		arts[i], sents[i] = ev.Article, ev.Sentence
		starts[i], ends[i] = int64(ev.Start), int64(ev.End)
	}
	return map[string]any{
		"id": r.ID, "date": r.Date, "dateLo": lo, "dateHi": hi, "status": r.Status,
		"role": r.Role, "confidence": r.Confidence, "cameo": r.Cameo, "plover": r.Plover,
		"evArticle": arts, "evSentence": sents, "evStart": starts, "evEnd": ends,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
