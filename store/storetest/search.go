package storetest

import (
	"testing"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

var searchTests = []test{
	{name: "Ranking", run: testSearchRanking},
	{name: "Invalid", run: testSearchInvalid},
}

func testSearchRanking(t *testing.T, s store.Store, fx *Fixture) {
	tests := []struct {
		q      store.SearchQuery
		want   []string
		scores []store.Tier
	}{
		// Exact, then prefix, then word, then a typo (Nordland is one edit
		// away).
		{store.SearchQuery{Text: "Norland"}, []string{"nor", "nen", "pno", "ndl"},
			[]store.Tier{store.ExactMatch, store.PrefixMatch, store.WordMatch, store.TypoMatch}},
		{store.SearchQuery{Text: "norland", Types: []schema.EntityType{schema.Place}},
			[]string{"pno", "ndl"}, []store.Tier{store.WordMatch, store.TypoMatch}},
		{store.SearchQuery{Text: "norland", First: 2}, []string{"nor", "nen"},
			[]store.Tier{store.ExactMatch, store.PrefixMatch}},
		// Two exact matches: the one with more relations first.
		{store.SearchQuery{Text: "ostrova"}, []string{"ost", "ostp"},
			[]store.Tier{store.ExactMatch, store.ExactMatch}},
		{store.SearchQuery{Text: "Selen"}, []string{"acc", "pse"},
			[]store.Tier{store.PrefixMatch, store.WordMatch}},
		{store.SearchQuery{Text: "velasqez"}, []string{"vel"}, []store.Tier{store.TypoMatch}},
		{store.SearchQuery{Text: "Amara Velásquez"}, []string{"vel"},
			[]store.Tier{store.ExactMatch}},
		{store.SearchQuery{Text: "president vel"}, []string{"vel"},
			[]store.Tier{store.PrefixMatch}},
		{store.SearchQuery{Text: "brandt tomas"}, []string{"bra"}, []store.Tier{store.WordMatch}},
		{store.SearchQuery{Text: "harbr atack"}, []string{"hat"}, []store.Tier{store.TypoMatch}},
		{store.SearchQuery{Text: "Valdoria", Types: []schema.EntityType{schema.Person}},
			[]string{}, []store.Tier{}},
		{store.SearchQuery{Text: "xylophone"}, []string{}, []store.Tier{}},
	}
	for _, tt := range tests {
		hits, err := s.Search(bg, tt.q)
		noErr(t, q("Search(%+v)", tt.q), err)
		var ids []string
		scores := []store.Tier{}
		for _, h := range hits {
			ids = append(ids, h.Entity.ID)
			scores = append(scores, store.Tier(h.Score))
		}
		fx.sameIDs(t, q("Search(%+v)", tt.q), append([]string{}, ids...), tt.want...)
		equal(t, q("Search(%+v) scores", tt.q), scores, tt.scores)
	}
	hits, err := s.Search(bg, store.SearchQuery{Text: "Brandt"})
	noErr(t, "Search(Brandt)", err)
	if len(hits) != 1 {
		t.Fatalf("Search(Brandt) = %v; want one hit", hits)
	}
	equal(t, "Search(Brandt)[0].Entity", hits[0].Entity, fx.Entities["bra"])
}

func testSearchInvalid(t *testing.T, s store.Store, fx *Fixture) {
	for _, sq := range []store.SearchQuery{
		{Text: ""},
		{Text: " ?! "},
		{Text: "norland", First: store.MaxFirst + 1},
		{Text: "norland", First: -3},
		{Text: "norland", Types: []schema.EntityType{"Planet"}},
	} {
		_, err := s.Search(bg, sq)
		wantErr(t, q("Search(%+v)", sq), err, store.ErrInvalidInput)
	}
}
