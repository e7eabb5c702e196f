package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/wikidata"
)

// maxCandidates is the most entities an ambiguous or unknown name lists.
const maxCandidates = 8

// ref returns the entity an EntityRef names: by id, by Wikidata id, or by a
// name or alias that exactly one entity has. An unknown name is
// ErrNotFound with the nearest names; a name several entities share is
// ErrInvalidInput listing them; a ref with other than one field set is
// ErrInvalidInput.
func (r *Resolver) ref(ctx context.Context, arg string, ref model.EntityRef,
) (schema.Entity, error) {
	set := 0
	for _, p := range []*string{ref.ID, ref.Name, ref.Wikidata} {
		if p != nil {
			set++
		}
	}
	if set != 1 {
		return schema.Entity{}, fmt.Errorf("%s: set exactly one of id, name and wikidata, not %d: %w",
			arg, set, store.ErrInvalidInput)
	}
	switch {
	case ref.ID != nil:
		e, err := r.Store.Entity(ctx, *ref.ID)
		if err != nil {
			return e, fmt.Errorf("%s: no entity with id %q: %w", arg, *ref.ID, err)
		}
		return e, nil
	case ref.Wikidata != nil:
		return r.byWikidata(ctx, arg, strings.TrimSpace(*ref.Wikidata))
	}
	return r.byName(ctx, arg, *ref.Name)
}

// byWikidata finds the entity with a Wikidata id: the stored entity that
// carries it (linked by the loader), else wikidataFallback's.
func (r *Resolver) byWikidata(ctx context.Context, arg, id string) (schema.Entity, error) {
	if err := checkWikidata(arg, id); err != nil {
		return schema.Entity{}, err
	}
	e, err := r.Store.EntityByWikidata(ctx, id)
	if err == nil {
		return e, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return e, fmt.Errorf("%s: wikidata %s: %w", arg, id, err)
	}
	return r.wikidataFallback(ctx, arg, id)
}

// checkWikidata checks that the argument arg, id, is a Wikidata item id.
func checkWikidata(arg, id string) error {
	if !schema.IsWikidataID(id) {
		return fmt.Errorf("%s: wikidata %q is not a Wikidata item id like Q1033: %w",
			arg, id, store.ErrInvalidInput)
	}
	return nil
}

// wikidataFallback finds the entity with a Wikidata id that no stored
// entity carries (a graph loaded before linking) through the wikidata
// table: a country by its ISO code, then any item by its label.
func (r *Resolver) wikidataFallback(ctx context.Context, arg, id string) (schema.Entity, error) {
	it, ok := wikidata.Lookup(id)
	if !ok {
		return schema.Entity{}, fmt.Errorf("%s: no entity carries wikidata %s, nor is it a country "+
			"or leader this server knows; name the entity instead: %w", arg, id, store.ErrNotFound)
	}
	if it.ISO != "" {
		e, err := r.Store.Entity(ctx, schema.ID(schema.EntityKey(schema.Country, it.ISO)))
		if err == nil {
			return e, nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return e, fmt.Errorf("%s: wikidata %s: %w", arg, id, err)
		}
	}
	return r.byName(ctx, fmt.Sprintf("%s (wikidata %s)", arg, id), it.Label, it.Type)
}

// byName finds the one entity, of one of types when any are given, whose
// name, or else alias, folds like name.
func (r *Resolver) byName(ctx context.Context, arg, name string, types ...schema.EntityType,
) (schema.Entity, error) {
	f := schema.Fold(name)
	if f == "" {
		return schema.Entity{}, fmt.Errorf("%s: name %q is empty: %w", arg, name, store.ErrInvalidInput)
	}
	hits, err := r.Store.Search(ctx, store.SearchQuery{Text: name, Types: types,
		First: 2 * maxCandidates})
	if err != nil {
		return schema.Entity{}, fmt.Errorf("%s: name %q: %w", arg, name, err)
	}
	var byName, byAlias []schema.Entity
	for _, h := range hits {
		switch {
		case schema.Fold(h.Entity.Name) == f:
			byName = append(byName, h.Entity)
		case store.EntityTier(f, h.Entity) == store.ExactMatch:
			byAlias = append(byAlias, h.Entity)
		}
	}
	exact := byName
	if len(exact) == 0 {
		exact = byAlias
	}
	switch {
	case len(exact) == 1:
		return exact[0], nil
	case len(exact) > 1:
		return schema.Entity{}, fmt.Errorf("%s: name %q is ambiguous; give the id of one of %s: %w",
			arg, name, candidates(exact), store.ErrInvalidInput)
	}
	var near []schema.Entity
	for _, h := range hits {
		near = append(near, h.Entity)
	}
	msg := fmt.Sprintf("%s: no entity is named %q", arg, name)
	if len(near) > 0 {
		msg += "; near names: " + candidates(near)
	}
	return schema.Entity{}, fmt.Errorf("%s: %w", msg, store.ErrNotFound)
}

// candidates renders entities for an error message: name, type and id.
func candidates(es []schema.Entity) string {
	parts := make([]string, 0, min(len(es), maxCandidates)+1)
	for _, e := range es[:min(len(es), maxCandidates)] {
		parts = append(parts, fmt.Sprintf("%s (%s, id %s)", e.Name,
			strings.ToUpper(string(e.Type)), e.ID))
	}
	if len(es) > maxCandidates {
		parts = append(parts, fmt.Sprintf("and %d more", len(es)-maxCandidates))
	}
	return strings.Join(parts, ", ")
}

// refs resolves a list of EntityRefs to entity ids, in order.
func (r *Resolver) refs(ctx context.Context, arg string, rs []model.EntityRef) ([]string, error) {
	if rs == nil {
		return nil, nil
	}
	ids := make([]string, len(rs))
	for i, x := range rs {
		e, err := r.ref(ctx, fmt.Sprintf("%s[%d]", arg, i), x)
		if err != nil {
			return nil, err
		}
		ids[i] = e.ID
	}
	return ids, nil
}

// optRef resolves an optional EntityRef to an id, "" when absent.
func (r *Resolver) optRef(ctx context.Context, arg string, ref *model.EntityRef) (string, error) {
	if ref == nil {
		return "", nil
	}
	e, err := r.ref(ctx, arg, *ref)
	return e.ID, err
}
