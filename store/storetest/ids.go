package storetest

import (
	"math"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// idTests check the outside ids (Wikidata, GeoNames, ISO) and locations
// that linked entities carry: kept, merged, validated, read back by every
// read path, and found by EntityByWikidata.
var idTests = []test{
	{name: "RoundTrip", empty: true, run: testIDsRoundTrip},
	{name: "Merge", empty: true, run: testIDsMerge},
	{name: "EntityByWikidata", empty: true, run: testEntityByWikidata},
	{name: "Invalid", empty: true, run: testIDsInvalid},
}

// linked is a small graph of linked entities, read from two articles:
//
//	l1: Ana Ruiz (Q101) holds office in Valdoria (Q102, GeoNames 7, XV) and
//	    visited Selen (GeoNames 8, at 41.5, -8.25), which lies in Valdoria;
//	    the Harbor talks are not linked.
//	l2: "President Ruiz" (also Q101, another node) holds office in Valdoria;
//	    Valdoria again, unlinked this time.
type linked struct {
	b                  builder
	l1, l2             schema.Batch
	ruiz, pres, valdo  *schema.Entity
	selen, talks, none *schema.Entity
}

func newLinked() *linked {
	l := &linked{b: builder{Fixture: Fixture{Entities: map[string]schema.Entity{},
		Relations: map[string]schema.Relation{}, Articles: map[string]schema.Article{}},
		ents: map[string]*schema.Entity{}, rels: map[string]*schema.Relation{}}}
	fx := &l.b
	l.ruiz = fx.entity("ruiz", schema.Person, "Ana Ruiz", "Ruiz")
	l.ruiz.IDs = schema.ExternalIDs{Wikidata: "Q101"}
	l.pres = fx.entity("pres", schema.Person, "President Ruiz")
	l.pres.IDs = schema.ExternalIDs{Wikidata: "Q101"}
	l.valdo = fx.entity("valdo", schema.Country, "Valdoria")
	l.valdo.Code = "XV"
	l.valdo.IDs = schema.ExternalIDs{Wikidata: "Q102", GeoNames: 7, ISO: "XV"}
	l.selen = fx.entity("selen", schema.Place, "Selen")
	l.selen.IDs = schema.ExternalIDs{GeoNames: 8}
	l.selen.Location = &schema.Location{Lat: 41.5, Lon: -8.25}
	l.talks = fx.entity("talks", schema.Event, "Harbor talks")
	l.talks.Kind = "talks"
	l.none = fx.entity("none", schema.Place, "Null Island")
	l.none.Location = &schema.Location{} // 0°, 0° is a place too

	a1 := fx.article("l1", "Ruiz visits Selen", "2025-03-01", "Wire")
	a2 := fx.article("l2", "Ruiz again", "2025-03-02", "Wire")
	fx.relation("hoRuiz", schema.HoldsOffice, "ruiz", "valdo", "", a1, 0).Role = "President"
	fx.relation("visit", schema.Visited, "ruiz", "selen", "2025-03-01", a1, 60)
	fx.relation("loc", schema.LocatedIn, "selen", "valdo", "", a1, 120)
	fx.relation("attend", schema.Attended, "ruiz", "talks", "2025-03-01", a1, 180)
	fx.relation("locNone", schema.LocatedIn, "none", "valdo", "", a1, 240)
	fx.relation("hoPres", schema.HoldsOffice, "pres", "valdo", "", a2, 0).Role = "President"
	l.l1 = fx.batch(a1, []string{"ruiz", "valdo", "selen", "talks", "none"},
		"hoRuiz", "visit", "loc", "attend", "locNone")
	l.l2 = fx.batch(a2, []string{"pres", "valdo"}, "hoPres")
	l.l2.Entities[1].IDs = schema.ExternalIDs{}
	return l
}

func testIDsRoundTrip(t *testing.T, s store.Store, _ *Fixture) {
	l := newLinked()
	if err := s.Upsert(bg, l.l1); err != nil {
		t.Fatalf("Upsert(l1) = %v", err)
	}
	for _, e := range []*schema.Entity{l.ruiz, l.valdo, l.selen, l.talks, l.none} {
		got, err := s.Entity(bg, e.ID)
		noErr(t, "Entity("+e.Name+")", err)
		equal(t, "Entity("+e.Name+")", got, *e)
	}
	got, err := s.EntitiesByIDs(bg, []string{l.selen.ID, l.valdo.ID})
	noErr(t, "EntitiesByIDs", err)
	equal(t, "EntitiesByIDs(Selen, Valdoria)", got, []schema.Entity{*l.selen, *l.valdo})

	hits, err := s.Search(bg, store.SearchQuery{Text: "Selen"})
	noErr(t, "Search(Selen)", err)
	if len(hits) == 0 {
		t.Fatalf("Search(Selen) found nothing")
	}
	equal(t, "Search(Selen)[0]", hits[0].Entity, *l.selen)
	byName, err := s.EntityByName(bg, "Valdoria")
	noErr(t, "EntityByName(Valdoria)", err)
	equal(t, "EntityByName(Valdoria)", byName, *l.valdo)

	sub, err := s.Neighborhood(bg, store.NeighborhoodQuery{ID: l.selen.ID, Depth: 1})
	noErr(t, "Neighborhood(Selen)", err)
	for _, e := range sub.Entities {
		if e.ID == l.valdo.ID {
			equal(t, "Neighborhood(Selen): Valdoria", e, *l.valdo)
		}
	}
	scanned := map[string]schema.Entity{}
	noErr(t, "ScanEntities", s.ScanEntities(bg, store.EntityFilter{Type: schema.Place},
		func(e schema.Entity) error { scanned[e.ID] = e; return nil }))
	equal(t, "ScanEntities(Place): Selen", scanned[l.selen.ID], *l.selen)
	equal(t, "ScanEntities(Place): Null Island", scanned[l.none.ID], *l.none)

	// A copy: changing the location read does not change the store's.
	got1, err := s.Entity(bg, l.selen.ID)
	noErr(t, "Entity(Selen)", err)
	got1.Location.Lat = 0
	got2, err := s.Entity(bg, l.selen.ID)
	noErr(t, "Entity(Selen) again", err)
	equal(t, "Entity(Selen) after changing a copy", got2.Location, l.selen.Location)
}

// testIDsMerge writes an entity with and without ids: the ids stay, and a
// later write fills in what the first lacked.
func testIDsMerge(t *testing.T, s store.Store, _ *Fixture) {
	l := newLinked()
	if err := s.Upsert(bg, l.l1, l.l2); err != nil {
		t.Fatalf("Upsert(l1, l2) = %v", err)
	}
	got, err := s.Entity(bg, l.valdo.ID)
	noErr(t, "Entity(Valdoria)", err)
	equal(t, "Entity(Valdoria).IDs after an unlinked write", got.IDs, l.valdo.IDs)

	// Selen written first without its ids, then with them.
	bare := l.l1
	bare.Entities = []schema.Entity{*l.selen, *l.valdo}
	bare.Entities[0].IDs, bare.Entities[0].Location = schema.ExternalIDs{}, nil
	bare.Relations = nil
	if err := s.Upsert(bg, bare); err != nil {
		t.Fatalf("Upsert(bare) = %v", err)
	}
	got, err = s.Entity(bg, l.selen.ID)
	noErr(t, "Entity(Selen)", err)
	equal(t, "Entity(Selen) after a bare write", got, *l.selen)

	// Partial ids fill in field by field; the first value of each stays.
	part := bare
	e := *l.valdo
	e.IDs = schema.ExternalIDs{Wikidata: "Q999", GeoNames: 0, ISO: ""}
	part.Entities = []schema.Entity{e}
	noErr(t, "Upsert(other wikidata)", s.Upsert(bg, part))
	got, err = s.Entity(bg, l.valdo.ID)
	noErr(t, "Entity(Valdoria)", err)
	equal(t, "Entity(Valdoria).IDs after another Wikidata id", got.IDs, l.valdo.IDs)
}

func testEntityByWikidata(t *testing.T, s store.Store, _ *Fixture) {
	l := newLinked()
	if err := s.Upsert(bg, l.l1, l.l2); err != nil {
		t.Fatalf("Upsert(l1, l2) = %v", err)
	}
	got, err := s.EntityByWikidata(bg, "Q102")
	noErr(t, "EntityByWikidata(Q102)", err)
	equal(t, "EntityByWikidata(Q102)", got, *l.valdo)

	// Two nodes carry Q101: Ana Ruiz has three relations, President Ruiz one.
	got, err = s.EntityByWikidata(bg, "Q101")
	noErr(t, "EntityByWikidata(Q101)", err)
	equal(t, "EntityByWikidata(Q101).Name", got.Name, l.ruiz.Name)

	_, err = s.EntityByWikidata(bg, "Q103")
	wantErr(t, "EntityByWikidata(Q103)", err, store.ErrNotFound)
	for _, bad := range []string{"", "q102", "Q", "Q0102", "102", "Q102 ", "Q1x"} {
		_, err = s.EntityByWikidata(bg, bad)
		wantErr(t, q("EntityByWikidata(%q)", bad), err, store.ErrInvalidInput)
	}
}

// testIDsInvalid writes malformed ids and locations: each is refused, and
// the batch is not written in part.
func testIDsInvalid(t *testing.T, s store.Store, _ *Fixture) {
	for _, tt := range []struct {
		what string
		set  func(e *schema.Entity)
	}{
		{"wikidata", func(e *schema.Entity) { e.IDs.Wikidata = "Selen" }},
		{"geonames", func(e *schema.Entity) { e.IDs.GeoNames = -8 }},
		{"iso", func(e *schema.Entity) { e.IDs.ISO = "xv" }},
		{"latitude", func(e *schema.Entity) { e.Location = &schema.Location{Lat: 91, Lon: 0} }},
		{"longitude", func(e *schema.Entity) { e.Location = &schema.Location{Lat: 0, Lon: -180.5} }},
		{"NaN", func(e *schema.Entity) { e.Location = &schema.Location{Lat: math.NaN(), Lon: 0} }},
	} {
		l := newLinked()
		tt.set(&l.l1.Entities[2])
		err := s.Upsert(bg, l.l1)
		wantErr(t, "Upsert(bad "+tt.what+")", err, store.ErrInvalidInput)
		_, err = s.Entity(bg, l.ruiz.ID)
		wantErr(t, "Entity(Ana Ruiz) after a refused batch", err, store.ErrNotFound)
	}
}
