package store

import (
	"cmp"
	"slices"

	"github.com/diplograph/diplograph/schema"
)

// The merge rules below are how both stores combine a record they hold
// with the same record written again. Each rule is associative and
// idempotent, so writing a batch twice, or two batches in either grouping,
// leaves the same record.

// MergeEntity returns old combined with e, two records of one entity id. The
// first name is kept; the other names and every alias become the aliases,
// in order of first appearance, without any that fold (schema.Fold) like the
// name or an earlier alias. Key, type, kind, date, code, each outside id
// and the location are filled in when old lacks them. A zero old yields e in that normal form.
func MergeEntity(old, e schema.Entity) schema.Entity {
	out := old
	if out.ID == "" {
		out.ID = e.ID
	}
	out.Key = cmp.Or(out.Key, e.Key)
	out.Type = cmp.Or(out.Type, e.Type)
	out.Name = cmp.Or(out.Name, e.Name)
	out.Kind = cmp.Or(out.Kind, e.Kind)
	out.Date = cmp.Or(out.Date, e.Date)
	out.Code = cmp.Or(out.Code, e.Code)
	out.IDs.Wikidata = cmp.Or(out.IDs.Wikidata, e.IDs.Wikidata)
	out.IDs.GeoNames = cmp.Or(out.IDs.GeoNames, e.IDs.GeoNames)
	out.IDs.ISO = cmp.Or(out.IDs.ISO, e.IDs.ISO)
	if out.Location == nil && e.Location != nil {
		l := *e.Location
		out.Location = &l
	}

	seen := map[string]bool{schema.Fold(out.Name): true, "": true}
	var aliases []string
	for _, list := range [][]string{old.Aliases, {e.Name}, e.Aliases} {
		for _, a := range list {
			if f := schema.Fold(a); !seen[f] {
				seen[f] = true
				aliases = append(aliases, a)
			}
		}
	}
	out.Aliases = aliases
	return out
}

// MergeRelation returns old combined with r, two records of one relation
// id. Type and ends are kept; the evidence is the union of both, one per
// (article, start, end), sorted by those; the confidence is the higher one;
// date, status, role and the event codes are filled in when old lacks them.
// A zero old yields r in that normal form.
func MergeRelation(old, r schema.Relation) schema.Relation {
	out := old
	if out.ID == "" {
		out.ID = r.ID
	}
	out.Type = cmp.Or(out.Type, r.Type)
	if out.Source == "" && out.Target == "" {
		out.Source, out.Target = r.Source, r.Target
	}
	out.Date = cmp.Or(out.Date, r.Date)
	out.Status = cmp.Or(out.Status, r.Status)
	out.Role = cmp.Or(out.Role, r.Role)
	out.Cameo = cmp.Or(out.Cameo, r.Cameo)
	out.Plover = cmp.Or(out.Plover, r.Plover)
	out.Confidence = max(out.Confidence, r.Confidence)

	out.Evidence = mergeEvidence(old.Evidence, r.Evidence)
	return out
}

// mergeEvidence returns the union of a and b, sorted by CompareEvidence,
// one per (article, start, end), the first of equals kept. A store's
// evidence is already in that form, so the usual case, a little new
// evidence for a relation that has much, costs one pass over the old.
func mergeEvidence(a, b []schema.Evidence) []schema.Evidence {
	if !slices.IsSortedFunc(a, CompareEvidence) {
		a = slices.Clone(a)
		slices.SortStableFunc(a, CompareEvidence)
	}
	if !slices.IsSortedFunc(b, CompareEvidence) {
		b = slices.Clone(b)
		slices.SortStableFunc(b, CompareEvidence)
	}
	out := make([]schema.Evidence, 0, len(a)+len(b))
	push := func(ev schema.Evidence) {
		if len(out) == 0 || CompareEvidence(out[len(out)-1], ev) != 0 {
			out = append(out, ev)
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j == len(b) || i < len(a) && CompareEvidence(a[i], b[j]) <= 0 {
			push(a[i])
			i++
		} else {
			push(b[j])
			j++
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// CompareEvidence orders evidence by article, start and end: the identity
// of a piece of evidence.
func CompareEvidence(a, b schema.Evidence) int {
	return cmp.Or(
		cmp.Compare(a.Article, b.Article),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
	)
}

// MergeArticle returns old combined with a, two records of one article id:
// each field of old is kept, and filled in from a when empty.
func MergeArticle(old, a schema.Article) schema.Article {
	return schema.Article{
		ID:        cmp.Or(old.ID, a.ID),
		Title:     cmp.Or(old.Title, a.Title),
		Published: cmp.Or(old.Published, a.Published),
		URL:       cmp.Or(old.URL, a.URL),
		Source:    cmp.Or(old.Source, a.Source),
		Path:      cmp.Or(old.Path, a.Path),
	}
}

// CloneEntity returns a copy of e that shares no memory with it.
func CloneEntity(e schema.Entity) schema.Entity {
	e.Aliases = slices.Clone(e.Aliases)
	if e.Location != nil {
		l := *e.Location
		e.Location = &l
	}
	return e
}

// CloneRelation returns a copy of r that shares no memory with it.
func CloneRelation(r schema.Relation) schema.Relation {
	r.Evidence = slices.Clone(r.Evidence)
	return r
}

// CompareEntities orders entities by folded name, then id: the order of
// every entity listing.
func CompareEntities(a, b schema.Entity) int {
	return cmp.Or(cmp.Compare(schema.Fold(a.Name), schema.Fold(b.Name)), cmp.Compare(a.ID, b.ID))
}
