package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// An entity's outside ids are the properties wikidata (indexed, see
// schema.CypherSetup), geonames and iso, absent when unknown; a place's
// location is a WGS 84 point property, so that Cypher's point.distance and
// the point index serve it.

// wgs84 is the spatial reference id of WGS 84 longitude and latitude.
const wgs84 = 4326

// EntityByWikidata returns the entity with the Wikidata id qid; when
// several carry it, the one with the most relations, then the lowest id,
// picked in the database through the index entity_wikidata (see
// fetchEntityByWikidata).
func (s *Store) EntityByWikidata(ctx context.Context, qid string) (schema.Entity, error) {
	if !schema.IsWikidataID(qid) {
		return schema.Entity{}, fmt.Errorf("neo4j.EntityByWikidata %q: not a Wikidata item id like Q30: %w",
			qid, store.ErrInvalidInput)
	}
	e, _, err := s.FetchEntity(ctx, store.EntityLookup{Wikidata: qid}, store.EntityPlan{})
	if err != nil {
		return schema.Entity{}, fmt.Errorf("neo4j.EntityByWikidata %s: %w", qid, err)
	}
	return e, nil
}

// orNil is v, or nil for the zero value: a property set to nil is absent.
func orNil[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

func externalIDs(m map[string]any) schema.ExternalIDs {
	g, _ := m["geonames"].(int64)
	return schema.ExternalIDs{Wikidata: str(m, "wikidata"), GeoNames: int(g), ISO: str(m, "iso")}
}

func point(l *schema.Location) any {
	if l == nil {
		return nil
	}
	return dbtype.Point2D{X: l.Lon, Y: l.Lat, SpatialRefId: wgs84}
}

func location(m map[string]any) *schema.Location {
	p, ok := m["location"].(dbtype.Point2D)
	if !ok {
		return nil
	}
	return &schema.Location{Lat: p.Y, Lon: p.X}
}
