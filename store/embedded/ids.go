package embedded

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// EntityByWikidata returns the entity with the Wikidata id qid; see
// store.PickMostRelated. It scans the entities: few queries name a
// Wikidata id, and a scan of a large graph's names costs a millisecond.
func (s *Store) EntityByWikidata(ctx context.Context, qid string) (schema.Entity, error) {
	if !schema.IsWikidataID(qid) {
		return schema.Entity{}, fmt.Errorf("embedded.EntityByWikidata %q: not a Wikidata item id like Q30: %w",
			qid, store.ErrInvalidInput)
	}
	if err := s.rlock(ctx, "EntityByWikidata"); err != nil {
		return schema.Entity{}, err
	}
	defer s.mu.RUnlock()
	var cands []store.Candidate
	for id, e := range s.st.entities {
		if e.IDs.Wikidata == qid {
			cands = append(cands, s.candidate(id))
		}
	}
	c, ok := store.PickMostRelated(cands)
	if !ok {
		return schema.Entity{}, fmt.Errorf("embedded.EntityByWikidata %s: %w", qid, store.ErrNotFound)
	}
	return c.Entity, nil
}
