package store

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

// Limits of the graph queries.
const (
	MaxDepth             = 3
	MaxHops              = 6
	DefaultHops          = 4
	DefaultPaths         = 5
	DefaultNeighborhood  = 50
	MaxNeighborhood      = 500
	DefaultSearchResults = 10
)

// CheckID returns ErrInvalidInput for an empty id called name.
func CheckID(name, id string) error {
	if id == "" {
		return fmt.Errorf("%s is empty: %w", name, ErrInvalidInput)
	}
	return nil
}

// CheckIDs returns ErrInvalidInput if any of ids is empty.
func CheckIDs(name string, ids []string) error {
	for i, id := range ids {
		if id == "" {
			return fmt.Errorf("%s[%d] is empty: %w", name, i, ErrInvalidInput)
		}
	}
	return nil
}

// CheckBatch returns ErrInvalidInput if ids, the ids of one call of a batch
// method, are more than MaxBatch or any of them is empty.
func CheckBatch(ids []string) error {
	if len(ids) > MaxBatch {
		return fmt.Errorf("ids: %d, more than %d: %w", len(ids), MaxBatch, ErrInvalidInput)
	}
	return CheckIDs("ids", ids)
}

// RelationTypes validates ts and returns them sorted without duplicates;
// empty means every type of schema.Relations.
func RelationTypes(ts []schema.RelationType) ([]schema.RelationType, error) {
	if len(ts) == 0 {
		all := make([]schema.RelationType, len(schema.Relations))
		for i, r := range schema.Relations {
			all[i] = r.Type
		}
		ts = all
	}
	for _, t := range ts {
		if !t.Valid() {
			return nil, fmt.Errorf("relation type %q: %w", t, ErrInvalidInput)
		}
	}
	out := slices.Clone(ts)
	slices.Sort(out)
	return slices.Compact(out), nil
}

// checkEntityTypes validates ts; empty means any type.
func checkEntityTypes(ts []schema.EntityType) error {
	for _, t := range ts {
		if !t.Valid() {
			return fmt.Errorf("entity type %q: %w", t, ErrInvalidInput)
		}
	}
	return nil
}

// Normalize validates f and returns it with the folded prefix, and the page
// window it asks for.
func (f EntityFilter) Normalize() (EntityFilter, Span, error) {
	if f.Type != "" {
		if err := checkEntityTypes([]schema.EntityType{f.Type}); err != nil {
			return f, Span{}, err
		}
	}
	f.NameStartsWith = schema.Fold(f.NameStartsWith)
	w, err := f.Page.Span()
	return f, w, err
}

// Normalize validates f and returns it with its defaults filled in (every
// relation type, Both, DateDesc), and the page window it asks for.
func (f RelationFilter) Normalize() (RelationFilter, Span, error) {
	var err error
	if f.Types, err = RelationTypes(f.Types); err != nil {
		return f, Span{}, err
	}
	switch f.Direction {
	case "":
		f.Direction = Both
	case Out, In, Both:
	default:
		return f, Span{}, fmt.Errorf("direction %q: %w", f.Direction, ErrInvalidInput)
	}
	switch f.Order {
	case "":
		f.Order = DateDesc
	case DateAsc, DateDesc:
	default:
		return f, Span{}, fmt.Errorf("order %q: %w", f.Order, ErrInvalidInput)
	}
	if err := CheckIDs("between", f.Between); err != nil {
		return f, Span{}, err
	}
	if err := checkWindow(f.Since, f.Until); err != nil {
		return f, Span{}, err
	}
	w, err := f.Page.Span()
	return f, w, err
}

// Normalize validates f and returns the page window it asks for.
func (f ArticleFilter) Normalize() (ArticleFilter, Span, error) {
	if err := checkWindow(f.Since, f.Until); err != nil {
		return f, Span{}, err
	}
	w, err := f.Page.Span()
	return f, w, err
}

// MaxSearchText bounds the characters of a search query.
const MaxSearchText = 200

// Normalize validates q and returns it with the folded text and the
// defaults filled in. Text that folds to nothing, or longer than
// MaxSearchText, is ErrInvalidInput.
func (q SearchQuery) Normalize() (SearchQuery, error) {
	if n := utf8.RuneCountInString(q.Text); n > MaxSearchText {
		return q, fmt.Errorf("search query is %d characters long, over the limit of %d: %w",
			n, MaxSearchText, ErrInvalidInput)
	}
	q.Text = schema.Fold(q.Text)
	if q.Text == "" {
		return q, fmt.Errorf("search text is empty: %w", ErrInvalidInput)
	}
	if err := checkEntityTypes(q.Types); err != nil {
		return q, err
	}
	var err error
	q.First, err = PageSize("first", q.First, DefaultSearchResults, MaxFirst)
	return q, err
}

// Normalize validates q and returns it with its defaults filled in.
func (q NeighborhoodQuery) Normalize() (NeighborhoodQuery, error) {
	var err error
	if err = CheckID("id", q.ID); err != nil {
		return q, err
	}
	if q.Depth, err = PageSize("depth", q.Depth, 1, MaxDepth); err != nil {
		return q, err
	}
	if q.Limit, err = PageSize("limit", q.Limit, DefaultNeighborhood, MaxNeighborhood); err != nil {
		return q, err
	}
	q.Types, err = RelationTypes(q.Types)
	return q, err
}

// Normalize validates q and returns it with its defaults filled in. From
// and To must differ.
func (q PathQuery) Normalize() (PathQuery, error) {
	var err error
	if err = CheckID("from", q.From); err != nil {
		return q, err
	}
	if err = CheckID("to", q.To); err != nil {
		return q, err
	}
	if q.From == q.To {
		return q, fmt.Errorf("from and to are both %s: %w", q.From, ErrInvalidInput)
	}
	if q.MaxHops, err = PageSize("maxHops", q.MaxHops, DefaultHops, MaxHops); err != nil {
		return q, err
	}
	if q.First, err = PageSize("first", q.First, DefaultPaths, MaxFirst); err != nil {
		return q, err
	}
	q.Types, err = RelationTypes(q.Types)
	return q, err
}

// CheckNameWords validates the words of an EntitiesByNameWords call and
// returns them without repeats, sorted.
func CheckNameWords(t schema.EntityType, words []string) ([]string, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("entity type %q: %w", t, ErrInvalidInput)
	}
	if len(words) > MaxNameWords {
		return nil, fmt.Errorf("%d words, more than %d: %w", len(words), MaxNameWords,
			ErrInvalidInput)
	}
	out := slices.Clone(words)
	for _, w := range out {
		if w == "" || schema.Fold(w) != w || strings.ContainsAny(w, " \t\n") {
			return nil, fmt.Errorf("name word %q is not one folded word: %w", w, ErrInvalidInput)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
