package store

import "cmp"

// PickMostRelated returns the candidate with the most relations, then the
// lowest id: which of several entities sharing an outside id
// (EntityByWikidata) a lookup gives. ok is false for none.
func PickMostRelated(cands []Candidate) (e Candidate, ok bool) {
	for i, c := range cands {
		if i == 0 || cmp.Or(cmp.Compare(e.Relations, c.Relations), cmp.Compare(c.Entity.ID, e.Entity.ID)) < 0 {
			e = c
		}
	}
	if len(cands) == 0 {
		return Candidate{}, false
	}
	e.Entity = CloneEntity(e.Entity)
	return e, true
}
