package embedded

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// An entity's outside ids and location are kept in its record (doc); its
// Wikidata id is also the column wikidata, indexed (entities_wikidata), so
// that EntityByWikidata seeks it.

// byWikidataQuery reads the entities with a Wikidata id, with their
// degrees, through the index entities_wikidata.
const byWikidataQuery = "SELECT doc, degree FROM entities WHERE wikidata = ?"

// EntityByWikidata returns the entity with the Wikidata id qid; when
// several carry it, the one with the most relations, then the lowest id
// (store.PickMostRelated).
func (s *Store) EntityByWikidata(ctx context.Context, qid string) (schema.Entity, error) {
	if !schema.IsWikidataID(qid) {
		return schema.Entity{}, fmt.Errorf("entity by wikidata %q: not a Wikidata item id like Q30: %w",
			qid, store.ErrInvalidInput)
	}
	var e schema.Entity
	err := s.read(ctx, "entity by wikidata", func(q querier) error {
		cands, err := candidates(ctx, q, byWikidataQuery, qid)
		if err != nil {
			return err
		}
		c, ok := store.PickMostRelated(cands)
		if !ok {
			return storeError{fmt.Errorf("wikidata %s: %w", qid, store.ErrNotFound)}
		}
		e = c.Entity
		return nil
	})
	return e, err
}
