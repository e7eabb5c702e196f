package export

import (
	"strconv"

	"github.com/diplograph/diplograph/schema"
)

// Every format carries a linked entity's outside ids (wikidata, geonames)
// and a place's coordinates (latitude, longitude; in the CSV a Neo4j
// point, as the Neo4j store keeps it), empty or absent when unknown.

// geonames is the entity's GeoNames id as text, "" when none.
func geonames(e schema.Entity) string {
	if e.IDs.GeoNames == 0 {
		return ""
	}
	return strconv.Itoa(e.IDs.GeoNames)
}

// coordinates are the entity's latitude and longitude as text, "" when
// unknown.
func coordinates(e schema.Entity) (lat, lon string) {
	if e.Location == nil {
		return "", ""
	}
	return strconv.FormatFloat(e.Location.Lat, 'f', -1, 64), strconv.FormatFloat(e.Location.Lon, 'f', -1, 64)
}

func lat(e schema.Entity) *float64 {
	if e.Location == nil {
		return nil
	}
	return &e.Location.Lat
}

func lon(e schema.Entity) *float64 {
	if e.Location == nil {
		return nil
	}
	return &e.Location.Lon
}
