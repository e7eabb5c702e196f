package storetest

import (
	"cmp"
	"errors"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var scanTests = []test{
	{name: "Relations", run: testScanRelations},
	{name: "Entities", run: testScanEntities},
	{name: "Stops", run: testScanStops},
}

// testScanRelations checks that a scan yields what the listing does, for
// the filters of testRelationFilters, whatever their page.
func testScanRelations(t *testing.T, s store.Store, fx *Fixture) {
	for _, f := range []store.RelationFilter{
		{},
		{Dated: true, Page: store.Page{First: 2}},
		{Types: []schema.RelationType{schema.HoldsOffice}},
		{Entity: fx.ID("vel"), Direction: store.Out},
		{Entity: fx.ID("bra")},
		{Source: fx.ID("val")},
		{Target: fx.ID("nor")},
		{Between: fx.IDs("vel", "bra", "ost")},
		{Since: "2025-05", Until: "2025-05"},
		{Article: fx.ID("a2")},
		{Entity: "no-such-entity"},
	} {
		list := f
		list.Page = store.Page{First: store.MaxFirst}
		p, err := s.Relations(bg, list)
		noErr(t, q("Relations(%+v)", f), err)
		want := p.Relations
		slices.SortFunc(want, func(a, b schema.Relation) int { return cmp.Compare(a.ID, b.ID) })
		got := []schema.Relation{}
		err = s.ScanRelations(bg, f, func(r schema.Relation) error {
			got = append(got, r)
			return nil
		})
		noErr(t, q("ScanRelations(%+v)", f), err)
		slices.SortFunc(got, func(a, b schema.Relation) int { return cmp.Compare(a.ID, b.ID) })
		equal(t, q("ScanRelations(%+v)", f), got, want)
	}
	err := s.ScanRelations(bg, store.RelationFilter{Since: "2025-13"},
		func(schema.Relation) error { return nil })
	wantErr(t, "ScanRelations(since 2025-13)", err, store.ErrInvalidInput)
}

func testScanEntities(t *testing.T, s store.Store, fx *Fixture) {
	for _, f := range []store.EntityFilter{
		{}, {Type: schema.Country}, {Type: schema.Place, NameStartsWith: "Port"},
	} {
		var got []string
		err := s.ScanEntities(bg, f, func(e schema.Entity) error {
			stored, err := s.Entity(bg, e.ID)
			noErr(t, "Entity("+e.Name+")", err)
			equal(t, "ScanEntities entity "+e.Name, e, stored)
			got = append(got, e.ID)
			return nil
		})
		noErr(t, q("ScanEntities(%+v)", f), err)
		list := f
		list.Page = store.Page{First: store.MaxFirst}
		p, err := s.Entities(bg, list)
		noErr(t, q("Entities(%+v)", f), err)
		var want []string
		for _, e := range p.Entities {
			want = append(want, e.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		equal(t, q("ScanEntities(%+v)", f), got, want)
	}
	err := s.ScanEntities(bg, store.EntityFilter{Type: "Planet"},
		func(schema.Entity) error { return nil })
	wantErr(t, "ScanEntities(type Planet)", err, store.ErrInvalidInput)
}

// testScanStops checks that a scan stops at fn's first error and returns it.
func testScanStops(t *testing.T, s store.Store, fx *Fixture) {
	stop := errors.New("stop")
	n := 0
	err := s.ScanRelations(bg, store.RelationFilter{}, func(schema.Relation) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ScanRelations with a failing fn = %v after %d calls; want stop after 1", err, n)
	}
	n = 0
	err = s.ScanEntities(bg, store.EntityFilter{}, func(schema.Entity) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("ScanEntities with a failing fn = %v after %d calls; want stop after 1", err, n)
	}
}
