package store

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/diplograph/diplograph/schema"
)

// Changes is what an Upsert of some batches writes: each article, entity and
// relation once, already merged across the batches, sorted by id.
type Changes struct {
	Articles  []schema.Article
	Entities  []schema.Entity
	Relations []schema.Relation
	// Mentions maps an article id to the sorted ids of the entities it
	// mentions: those of its batches and the ends of their relations.
	Mentions map[string][]string
	// Identity holds the identity decisions of the batches, each with its
	// batch's article (schema.Batch.Identity).
	Identity []schema.IdentityMatch
}

// Prepare validates batches and merges them into Changes. An empty article,
// entity or relation id, an unknown entity or relation type, an entity
// without a name, a relation without both ends, and evidence that is not
// from the batch's own article are ErrInvalidInput. Evidence without an
// article is given the batch's article.
func Prepare(batches []schema.Batch) (Changes, error) {
	articles := map[string]schema.Article{}
	entities := map[string]schema.Entity{}
	relations := map[string]schema.Relation{}
	mentions := map[string]map[string]bool{}
	var notes []schema.IdentityMatch
	for _, b := range batches {
		a := b.Article
		if err := CheckID("article id", a.ID); err != nil {
			return Changes{}, err
		}
		articles[a.ID] = MergeArticle(articles[a.ID], a)
		if mentions[a.ID] == nil {
			mentions[a.ID] = map[string]bool{}
		}
		for _, e := range b.Entities {
			if err := checkEntity(e); err != nil {
				return Changes{}, fmt.Errorf("article %s: %w", a.ID, err)
			}
			entities[e.ID] = MergeEntity(entities[e.ID], e)
			mentions[a.ID][e.ID] = true
		}
		for _, r := range b.Relations {
			r, err := checkRelation(r, a.ID)
			if err != nil {
				return Changes{}, fmt.Errorf("article %s: %w", a.ID, err)
			}
			relations[r.ID] = MergeRelation(relations[r.ID], r)
			mentions[a.ID][r.Source], mentions[a.ID][r.Target] = true, true
		}
		identity, err := checkIdentity(b.Identity, a.ID)
		if err != nil {
			return Changes{}, fmt.Errorf("article %s: %w", a.ID, err)
		}
		notes = append(notes, identity...)
	}
	c := Changes{
		Articles:  sortedValues(articles, func(a schema.Article) string { return a.ID }),
		Entities:  sortedValues(entities, func(e schema.Entity) string { return e.ID }),
		Relations: sortedValues(relations, func(r schema.Relation) string { return r.ID }),
		Mentions:  map[string][]string{},
		Identity:  notes,
	}
	for id, set := range mentions {
		c.Mentions[id] = slices.Sorted(maps.Keys(set))
	}
	return c, nil
}

// Endpoints returns the sorted ids of the entities that the relations of c
// join but that are not among c.Entities: those the store must already hold.
func (c Changes) Endpoints() []string {
	have := map[string]bool{}
	for _, e := range c.Entities {
		have[e.ID] = true
	}
	need := map[string]bool{}
	for _, r := range c.Relations {
		for _, id := range []string{r.Source, r.Target} {
			if !have[id] {
				need[id] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(need))
}

func checkEntity(e schema.Entity) error {
	switch {
	case e.ID == "":
		return fmt.Errorf("entity %q has no id: %w", e.Name, ErrInvalidInput)
	case !e.Type.Valid():
		return fmt.Errorf("entity %s has type %q: %w", e.ID, e.Type, ErrInvalidInput)
	case schema.Fold(e.Name) == "":
		return fmt.Errorf("entity %s has no name: %w", e.ID, ErrInvalidInput)
	}
	if err := e.IDs.Check(); err != nil {
		return fmt.Errorf("entity %s: %w: %w", e.ID, err, ErrInvalidInput)
	}
	if e.Location != nil {
		if err := e.Location.Check(); err != nil {
			return fmt.Errorf("entity %s: %w: %w", e.ID, err, ErrInvalidInput)
		}
	}
	return nil
}

// checkRelation validates r, read from the article with id article, and
// returns it with that article filled into its evidence.
func checkRelation(r schema.Relation, article string) (schema.Relation, error) {
	switch {
	case r.ID == "":
		return r, fmt.Errorf("relation %s %s→%s has no id: %w",
			r.Type, r.Source, r.Target, ErrInvalidInput)
	case !r.Type.Valid():
		return r, fmt.Errorf("relation %s has type %q: %w", r.ID, r.Type, ErrInvalidInput)
	case r.Source == "" || r.Target == "":
		return r, fmt.Errorf("relation %s lacks an end: %w", r.ID, ErrInvalidInput)
	}
	r.Evidence = slices.Clone(r.Evidence)
	for i := range r.Evidence {
		ev := &r.Evidence[i]
		ev.Article = cmp.Or(ev.Article, article)
		if ev.Article != article {
			return r, fmt.Errorf("relation %s has evidence from article %s: %w",
				r.ID, ev.Article, ErrInvalidInput)
		}
		if ev.Start < 0 || ev.End < ev.Start {
			return r, fmt.Errorf("relation %s has evidence at %d..%d: %w",
				r.ID, ev.Start, ev.End, ErrInvalidInput)
		}
	}
	return r, nil
}

func sortedValues[T any](m map[string]T, id func(T) string) []T {
	out := slices.Collect(maps.Values(m))
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(id(a), id(b)) })
	return out
}

// NewStats returns empty Stats with an entry for every entity and relation
// type of the ontology.
func NewStats() Stats {
	st := Stats{
		ByEntity:  map[schema.EntityType]int{},
		ByRelType: map[schema.RelationType]int{},
	}
	for _, t := range schema.EntityTypes {
		st.ByEntity[t] = 0
	}
	for _, r := range schema.Relations {
		st.ByRelType[r.Type] = 0
	}
	return st
}
