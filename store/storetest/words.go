package storetest

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

func testEntitiesByNameWords(t *testing.T, s store.Store, fx *Fixture) {
	tests := []struct {
		t     schema.EntityType
		words []string
		want  []string // fixture names, in any order
	}{
		{schema.Person, []string{"ostrova"}, []string{"ost"}},
		{schema.Place, []string{"ostrova", "norland"}, []string{"ostp", "pno"}},
		{schema.Person, []string{"velasquez", "brandt", "nobody"}, []string{"vel", "bra"}},
		{schema.Person, []string{"tomas"}, []string{"bra"}},
		// Aliases are not names; a prefix is not a word.
		{schema.Person, []string{"president"}, nil},
		{schema.Person, []string{"velas"}, nil},
		{schema.Organization, []string{"energy"}, []string{"nen"}},
		{schema.Person, nil, nil},
	}
	for _, tt := range tests {
		got, err := s.EntitiesByNameWords(bg, tt.t, tt.words)
		noErr(t, q("EntitiesByNameWords(%s, %q)", tt.t, tt.words), err)
		ids := fx.IDs(tt.want...)
		slices.Sort(ids)
		want, err := s.EntitiesByIDs(bg, ids)
		noErr(t, "EntitiesByIDs", err)
		if !equal(t, q("EntitiesByNameWords(%s, %q)", tt.t, tt.words), got, want) {
			t.Logf("got %v", fx.names(entityIDs(got)))
		}
	}
	bad := []struct {
		t     schema.EntityType
		words []string
	}{
		{schema.Person, []string{"Brandt"}},
		{schema.Person, []string{"tomas brandt"}},
		{schema.Person, []string{""}},
		{"Nope", []string{"brandt"}},
		{schema.Person, make([]string, store.MaxNameWords+1)},
	}
	for _, b := range bad {
		_, err := s.EntitiesByNameWords(bg, b.t, b.words)
		wantErr(t, q("EntitiesByNameWords(%s, %.40q)", b.t, b.words), err, store.ErrInvalidInput)
	}
}
