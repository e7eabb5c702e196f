package store

import (
	"errors"
	"reflect"
	"testing"

	"github.com/diplograph/diplograph/schema"
)

func TestValidDate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2025", true}, {"2025-05", true}, {"2025-05-31", true},
		{"", false}, {"25", false}, {"2025-5", false}, {"2025-13", false},
		{"2025-00", false}, {"2025-05-32", false}, {"2025-05-00", false},
		{"2025/05/01", false}, {"2025-05-01T00:00:00Z", false}, {"May 2025", false},
	}
	for _, tt := range tests {
		if got := ValidDate(tt.in); got != tt.want {
			t.Errorf("ValidDate(%q) = %v; want %v", tt.in, got, tt.want)
		}
	}
}

func TestDateInWindow(t *testing.T) {
	tests := []struct {
		d, since, until string
		want            bool
	}{
		{"2025-05", "2025-05-01", "", true},
		{"2025-05", "2025-05-20", "", true}, // the month reaches past the 20th
		{"2025-05", "2025-06-01", "", false},
		{"2025-05", "", "2025-05-01", true},
		{"2025-05", "", "2025-04-30", false},
		{"2025", "2025-12-31", "2025-12-31", true},
		{"2025-05-14T09:00:00Z", "2025-05-14", "2025-05-14", true},
		{"2025-05-14", "2025-05", "2025-05", true},
		{"", "2025", "", false},
		{"", "", "", true},
		{"someday", "", "2030", false},
	}
	for _, tt := range tests {
		if got := DateInWindow(tt.d, tt.since, tt.until); got != tt.want {
			t.Errorf("DateInWindow(%q, %q, %q) = %v; want %v", tt.d, tt.since, tt.until, got,
				tt.want)
		}
	}
}

func TestPageSpan(t *testing.T) {
	k := Key{Sort: "2025-05-01", ID: "relation:x"}
	tests := []struct {
		p       Page
		want    Span
		invalid bool
	}{
		{Page{}, Span{nil, DefaultFirst}, false},
		{Page{First: 7, After: Cursor(k)}, Span{&k, 7}, false},
		{Page{First: MaxFirst}, Span{nil, MaxFirst}, false},
		{Page{First: MaxFirst + 1}, Span{}, true},
		{Page{First: -1}, Span{}, true},
		{Page{After: "!!"}, Span{}, true},
		{Page{After: "b2ZmOi0x"}, Span{}, true},        // "off:-1", the old offsets
		{Page{After: "azE6WyJ4IiwiIl0"}, Span{}, true}, // k1:["x",""], no id
	}
	for _, tt := range tests {
		got, err := tt.p.Span()
		if tt.invalid {
			if !errors.Is(err, ErrInvalidInput) {
				t.Errorf("%+v.Span() error = %v; want %v", tt.p, err, ErrInvalidInput)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%+v.Span() = %v, %v; want %v, nil", tt.p, got, err, tt.want)
		}
	}
}

func TestSlice(t *testing.T) {
	items := []Key{{"2025", "b"}, {"2024-05", "a"}, {"2024-05", "c"}, {"", "d"}}
	order := RelationOrder(DateDesc)
	tests := []struct {
		after    *Key
		limit    int
		want     []Key
		wantNext bool
	}{
		{nil, 2, items[:2], true},
		{&items[1], 2, items[2:], false},
		{&Key{"2024-05", "b"}, 1, items[2:3], true}, // gone since: the next one
		{&items[3], 5, []Key{}, false},
	}
	for _, tt := range tests {
		got, next, end := Slice(items, Span{After: tt.after, Limit: tt.limit},
			func(k Key) Key { return k }, order)
		wantEnd := ""
		if len(tt.want) > 0 {
			wantEnd = Cursor(tt.want[len(tt.want)-1])
		}
		if !reflect.DeepEqual(got, tt.want) || next != tt.wantNext || end != wantEnd {
			t.Errorf("Slice(after %v, %d) = %v, %v, %q; want %v, %v, %q", tt.after, tt.limit,
				got, next, end, tt.want, tt.wantNext, wantEnd)
		}
	}
}

func TestMatchTier(t *testing.T) {
	tests := []struct {
		q, n string
		want Tier
	}{
		{"norland", "norland", ExactMatch},
		{"norland", "norland energy", PrefixMatch},
		{"norland", "port norland", WordMatch},
		{"port nor", "port norland", PrefixMatch},
		{"nor port", "port norland", WordMatch},
		{"norland", "nordland", TypoMatch},
		{"putn", "vladimir putin", TypoMatch},
		{"merkle", "angela merkel", TypoMatch},  // a swap is one edit
		{"xi jinpeng", "xi jinping", TypoMatch}, // short words exact, long ones near
		{"xo", "xi", NoMatch},                   // two letters allow no typo
		{"paris", "prague", NoMatch},            // too far
		{"emanuel macorn", "emmanuel macron", TypoMatch},
		{"", "x", NoMatch},
	}
	for _, tt := range tests {
		if got := MatchTier(tt.q, tt.n); got != tt.want {
			t.Errorf("MatchTier(%q, %q) = %v; want %v", tt.q, tt.n, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		bound int
		want  int
	}{
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // past the bound: bound+1
		{"merkel", "merkle", 2, 1},
		{"", "abc", 3, 3},
		{"são", "sao", 1, 1},
		{"abc", "abc", 0, 0},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b, tt.bound); got != tt.want {
			t.Errorf("Distance(%q, %q, %d) = %d; want %d", tt.a, tt.b, tt.bound, got, tt.want)
		}
	}
}

func TestMergeEntityIsAssociative(t *testing.T) {
	a := schema.Entity{ID: "x", Type: schema.Country, Name: "France", Aliases: []string{"FR"}}
	b := schema.Entity{ID: "x", Name: "French Republic", Aliases: []string{"france", "Gaul"},
		Code: "FR"}
	c := schema.Entity{ID: "x", Name: "République française", Aliases: []string{"Gaul", "FRA"}}
	left := MergeEntity(MergeEntity(MergeEntity(schema.Entity{}, a), b), c)
	bc := MergeEntity(MergeEntity(schema.Entity{}, b), c)
	right := MergeEntity(MergeEntity(schema.Entity{}, a), bc)
	want := schema.Entity{ID: "x", Type: schema.Country, Name: "France", Code: "FR",
		Aliases: []string{"FR", "French Republic", "Gaul", "République française", "FRA"}}
	if !reflect.DeepEqual(left, want) || !reflect.DeepEqual(right, want) {
		t.Errorf("merges = %+v and %+v; want %+v", left, right, want)
	}
	if again := MergeEntity(want, c); !reflect.DeepEqual(again, want) {
		t.Errorf("MergeEntity(merged, c) = %+v; want it unchanged", again)
	}
}

func TestMergeRelation(t *testing.T) {
	ev := func(a string, s int) schema.Evidence {
		return schema.Evidence{Article: a, Sentence: a, Start: s, End: s + 5}
	}
	old := schema.Relation{ID: "r", Type: schema.Met, Source: "a", Target: "b",
		Confidence: 0.5, Evidence: []schema.Evidence{ev("2", 0), ev("1", 9)}}
	r := schema.Relation{ID: "r", Type: schema.Met, Source: "b", Target: "a", Date: "2025",
		Status: "planned", Confidence: 0.7, Evidence: []schema.Evidence{ev("1", 9), ev("1", 2)}}
	want := schema.Relation{ID: "r", Type: schema.Met, Source: "a", Target: "b", Date: "2025",
		Status: "planned", Confidence: 0.7,
		Evidence: []schema.Evidence{ev("1", 2), ev("1", 9), ev("2", 0)}}
	if got := MergeRelation(old, r); !reflect.DeepEqual(got, want) {
		t.Errorf("MergeRelation = %+v; want %+v", got, want)
	}
}

func TestPrepare(t *testing.T) {
	vel := schema.Entity{ID: "v", Type: schema.Person, Name: "Velasquez"}
	bra := schema.Entity{ID: "b", Type: schema.Person, Name: "Brandt"}
	r := schema.Relation{ID: "r", Type: schema.Called, Source: "v", Target: "k",
		Evidence: []schema.Evidence{{Sentence: "s", End: 1}}}
	c, err := Prepare([]schema.Batch{
		{Article: schema.Article{ID: "a1"}, Entities: []schema.Entity{vel, bra},
			Relations: []schema.Relation{r}},
		{Article: schema.Article{ID: "a1", Title: "T"}, Entities: []schema.Entity{vel}},
	})
	if err != nil {
		t.Fatalf("Prepare = %v; want nil", err)
	}
	if len(c.Articles) != 1 || c.Articles[0].Title != "T" || len(c.Entities) != 2 {
		t.Errorf("Prepare = %+v; want one article titled T and two entities", c)
	}
	if got := c.Relations[0].Evidence[0].Article; got != "a1" {
		t.Errorf("evidence article = %q; want the batch's, a1", got)
	}
	if got := c.Mentions["a1"]; !reflect.DeepEqual(got, []string{"b", "k", "v"}) {
		t.Errorf("Mentions[a1] = %v; want [b k v]", got)
	}
	if got := c.Endpoints(); !reflect.DeepEqual(got, []string{"k"}) {
		t.Errorf("Endpoints() = %v; want [k]", got)
	}
}
