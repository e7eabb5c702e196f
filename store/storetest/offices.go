package storetest

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var officeTests = []test{
	{name: "AsListed", run: testHeldOfficesAsListed},
	{name: "Order", run: testHeldOfficesOrder},
	{name: "Invalid", run: testHeldOfficesInvalid},
}

// testHeldOfficesAsListed checks that HeldOffices gives each entity the
// page of its outgoing HOLDS_OFFICE relations that Relations lists, less
// the evidence.
func testHeldOfficesAsListed(t *testing.T, s store.Store, fx *Fixture) {
	ids := fx.batchIDs()
	got, err := s.HeldOffices(bg, ids)
	noErr(t, "HeldOffices", err)
	if !equal(t, "len(HeldOffices)", len(got), len(ids)) {
		return
	}
	n := 0
	for i, id := range ids {
		page, err := s.Relations(bg, store.RelationFilter{Entity: id, Direction: store.Out,
			Types: []schema.RelationType{schema.HoldsOffice}, Page: store.Page{First: store.MaxFirst}})
		noErr(t, q("Relations(offices of %s)", fx.names([]string{id})), err)
		var want []schema.Relation
		for _, r := range page.Relations {
			r.Evidence = nil
			want = append(want, r)
		}
		n += len(want)
		equal(t, q("HeldOffices[%s]", fx.names([]string{id})), got[i], want)
	}
	// vel, bra, ost and vel asked twice.
	equal(t, "offices found", n, 4)
}

// testHeldOfficesOrder checks the order of several offices of one person:
// newest first, undated last, then by id.
func testHeldOfficesOrder(t *testing.T, s store.Store, fx *Fixture) {
	vel, val, nor := fx.Entities["vel"], fx.Entities["val"], fx.Entities["nor"]
	a := schema.Article{ID: schema.ID("article:storetest-offices"), Title: "Offices",
		Published: "2025-06-01", Source: "Wire"}
	office := func(to schema.Entity, date, role string) schema.Relation {
		return schema.Relation{ID: schema.ID(schema.RelationKey(schema.HoldsOffice, vel.Key,
			to.Key, date)), Type: schema.HoldsOffice, Source: vel.ID, Target: to.ID,
			Date: date, Role: role, Confidence: 0.7,
			Evidence: []schema.Evidence{evidence(a, len(date))}}
	}
	older, newer := office(nor, "2020", "Envoy"), office(nor, "2024-03", "Minister")
	b := schema.Batch{Article: a, Entities: []schema.Entity{vel, val, nor},
		Relations: []schema.Relation{older, newer, office(val, "2022", "Governor")}}
	noErr(t, "Upsert(offices)", s.Upsert(bg, b))
	got, err := s.HeldOffices(bg, fx.IDs("vel", "val"))
	noErr(t, "HeldOffices", err)
	if !equal(t, "len(HeldOffices)", len(got), 2) {
		return
	}
	var roles []string
	for _, r := range got[0] {
		roles = append(roles, r.Role)
		if r.Evidence != nil {
			t.Errorf("HeldOffices[vel] %s has evidence %v; want none", r.Role, r.Evidence)
		}
	}
	equal(t, "roles of vel, in order", roles,
		[]string{"Minister", "Governor", "Envoy", "President"})
	equal(t, "offices of val", len(got[1]), 0)
}

func testHeldOfficesInvalid(t *testing.T, s store.Store, fx *Fixture) {
	tooMany := make([]string, store.MaxBatch+1)
	for i := range tooMany {
		tooMany[i] = fx.ID("vel")
	}
	for _, ids := range [][]string{{fx.ID("vel"), ""}, tooMany} {
		_, err := s.HeldOffices(bg, ids)
		wantErr(t, q("HeldOffices(%d ids)", len(ids)), err, store.ErrInvalidInput)
	}
	got, err := s.HeldOffices(bg, nil)
	noErr(t, "HeldOffices(no ids)", err)
	equal(t, "HeldOffices(no ids)", got, [][]schema.Relation{})
}
