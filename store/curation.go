package store

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// Curator is the identity side of a store: the decisions that made each
// entity what it is, and a curator's corrections. Both stores implement it
// (store/embedded/curation.go, store/neo4j/curation.go) by the plans of
// PlanMerge and PlanSplit.
type Curator interface {
	// Identity returns the first decisions about the entity id (see
	// schema.IdentityMatch) in the order of their NoteKey: curators' first,
	// oldest first, then the resolver's by article; and how many there are,
	// in all and by rule. first is 1..MaxFirst, 0 meaning
	// DefaultIdentityNotes. Decisions about articles since deleted are left
	// out. An entity with none has none; an unknown id is ErrNotFound.
	Identity(ctx context.Context, id string, first int) (IdentityPage, error)
	// Redirects returns the curators' redirects whose From is one of ids
	// (at most MaxBatch), sorted by From then Article.
	Redirects(ctx context.Context, ids []string) ([]schema.Redirect, error)
	// MergeEntities makes the entities ids one: the first is kept, with
	// the names of the others as aliases and all of their relations,
	// evidence and mentions; the others are removed, and later loads point
	// their mentions at the first (a Redirect each). Fewer than two ids, an
	// id twice, an unknown id or ids of two types is ErrInvalidInput, and
	// nothing changes. It returns the merged entity.
	MergeEntities(ctx context.Context, ids []string) (schema.Entity, error)
	// SplitEntity moves the mentions of the entity id in the articles
	// articleIDs, and the relations (or the part of their evidence) read
	// from those articles, to a new entity of the same type and name, and
	// returns it; later loads of those articles point their mentions at it.
	// An unknown id, no article, an article twice, an article that does not
	// mention the entity, or every article that does is ErrInvalidInput,
	// and nothing changes.
	SplitEntity(ctx context.Context, id string, articleIDs []string) (schema.Entity, error)
}

// DefaultIdentityNotes is the page size of Identity when none is given.
const DefaultIdentityNotes = 20

// IdentityPage is a page of an entity's identity decisions.
type IdentityPage struct {
	Notes []schema.IdentityMatch
	// Total counts every decision of the entity; ByRule counts them by rule.
	Total  int
	ByRule map[schema.MatchRule]int
}

// CurationState is what a store holds about the entities a curation
// touches, read in the transaction that applies it.
type CurationState struct {
	// Entities are the curated entities and the other ends of their
	// relations, by id.
	Entities map[string]schema.Entity
	// Relations are the relations with an end among the curated entities,
	// with their evidence.
	Relations []schema.Relation
	// Mentions maps each curated entity to the articles that mention it.
	Mentions map[string][]string
}

// CurationPlan is what a store writes to apply a curation, in the
// transaction that read its state, in this order: drop the relations,
// mentions and entities, upsert Changes as Upsert does, repoint the
// redirects, store the new redirects, move the notes and add Notes.
type CurationPlan struct {
	// Result is the entity merged into, or the new entity of a split.
	Result schema.Entity
	// DropRelations are removed whole, with their evidence.
	DropRelations []schema.Relation
	// DropMentions maps an article to the entities it no longer mentions.
	DropMentions map[string][]string
	// DropEntities are removed (their relations and mentions are dropped
	// or moved already).
	DropEntities []string
	// Changes are upserted as by Upsert, merged with what is stored.
	Changes Changes
	// Repoint maps the ids entities were merged away from to the entity
	// stored redirects into them now point at; a redirect left pointing at
	// its own From is removed.
	Repoint map[string]schema.Entity
	// Redirects are stored, replacing any of the same From and Article.
	Redirects []schema.Redirect
	// MoveNotes are identity notes that now concern another entity.
	MoveNotes []NoteMove
	// Notes are the curator's decisions, stored.
	Notes []schema.IdentityMatch
}

// NoteMove moves the identity notes of entity From, those of Articles
// (every note when Articles is nil), to entity Into.
type NoteMove struct {
	From, Into string
	Articles   []string
}

// CheckCuration returns ErrInvalidInput for ids that no curation can take:
// an empty or unknown-shaped id, an id twice, or more than MaxBatch ids.
func CheckCuration(what string, ids []string) error {
	if len(ids) > MaxBatch {
		return fmt.Errorf("%s: %d ids; at most %d: %w", what, len(ids), MaxBatch, ErrInvalidInput)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if err := CheckID(what, id); err != nil {
			return err
		}
		if seen[id] {
			return fmt.Errorf("%s: %s is given twice: %w", what, id, ErrInvalidInput)
		}
		seen[id] = true
	}
	return nil
}

// PlanMerge plans MergeEntities of ids over st, decided at the time at
// (RFC 3339).
func PlanMerge(st CurationState, ids []string, at string) (CurationPlan, error) {
	if len(ids) < 2 {
		return CurationPlan{}, fmt.Errorf("ids: merging needs two or more entities, got %d: %w",
			len(ids), ErrInvalidInput)
	}
	if err := CheckCuration("ids", ids); err != nil {
		return CurationPlan{}, err
	}
	for _, id := range ids {
		if st.Entities[id].ID == "" {
			return CurationPlan{}, fmt.Errorf("ids: no entity has id %s: %w", id, ErrInvalidInput)
		}
	}
	keep := st.Entities[ids[0]]
	gone := map[string]bool{}
	p := CurationPlan{DropMentions: map[string][]string{}, Repoint: map[string]schema.Entity{}}
	merged := keep
	for _, id := range ids[1:] {
		e := st.Entities[id]
		if e.Type != keep.Type {
			return CurationPlan{}, fmt.Errorf("ids: %s is a %s and %s a %s; only entities of "+
				"one type can be merged: %w", keep.ID, keep.Type, id, e.Type, ErrInvalidInput)
		}
		gone[id] = true
		merged = MergeEntity(merged, e)
		p.DropEntities = append(p.DropEntities, id)
		p.Redirects = append(p.Redirects, schema.Redirect{From: id, Into: redirectTarget(keep)})
		p.MoveNotes = append(p.MoveNotes, NoteMove{From: id, Into: keep.ID})
		p.Notes = append(p.Notes, schema.IdentityMatch{
			Entity: keep.ID, Rule: schema.RuleCuratorMerge, Name: e.Name, From: id,
			FromKey: e.Key, At: at,
			On: fmt.Sprintf("a curator merged %q (%s) into %q", e.Name, e.Key, keep.Name),
		})
		for _, a := range st.Mentions[id] {
			p.DropMentions[a] = append(p.DropMentions[a], id)
		}
	}
	for id := range gone {
		p.Repoint[id] = redirectTarget(keep)
	}
	p.Result = merged
	p.Changes = Changes{Entities: []schema.Entity{merged}, Mentions: map[string][]string{}}
	for a := range p.DropMentions {
		p.Changes.Mentions[a] = []string{keep.ID}
	}
	key := func(id string) string {
		if gone[id] {
			return keep.Key
		}
		return st.Entities[id].Key
	}
	moved := map[string]schema.Relation{}
	for _, r := range st.Relations {
		if !gone[r.Source] && !gone[r.Target] {
			continue
		}
		p.DropRelations = append(p.DropRelations, r)
		r = CloneRelation(r)
		r.ID = schema.ID(schema.RelationKey(r.Type, key(r.Source), key(r.Target), r.Date))
		if gone[r.Source] {
			r.Source = keep.ID
		}
		if gone[r.Target] {
			r.Target = keep.ID
		}
		moved[r.ID] = MergeRelation(moved[r.ID], r)
	}
	p.Changes.Relations = sortedValues(moved, func(r schema.Relation) string { return r.ID })
	return p, nil
}

// PlanSplit plans SplitEntity of id and articles over st, decided at the
// time at (RFC 3339).
func PlanSplit(st CurationState, id string, articles []string, at string) (CurationPlan, error) {
	if err := CheckID("id", id); err != nil {
		return CurationPlan{}, err
	}
	e := st.Entities[id]
	if e.ID == "" {
		return CurationPlan{}, fmt.Errorf("id: no entity has id %s: %w", id, ErrInvalidInput)
	}
	if len(articles) == 0 {
		return CurationPlan{}, fmt.Errorf("articleIds: name at least one article to split off: %w",
			ErrInvalidInput)
	}
	if err := CheckCuration("articleIds", articles); err != nil {
		return CurationPlan{}, err
	}
	moving := map[string]bool{}
	for _, a := range articles {
		if !slices.Contains(st.Mentions[id], a) {
			return CurationPlan{}, fmt.Errorf("articleIds: article %s does not mention entity %s "+
				"(%s): %w", a, id, e.Name, ErrInvalidInput)
		}
		moving[a] = true
	}
	if len(moving) == len(st.Mentions[id]) {
		return CurationPlan{}, fmt.Errorf("articleIds: these are all the %d articles that mention "+
			"%s (%s); a split must leave it at least one: %w", len(moving), id, e.Name,
			ErrInvalidInput)
	}
	sorted := slices.Sorted(maps.Keys(moving))
	n := schema.Entity{Key: e.Key + "#split " + at, Type: e.Type, Name: e.Name, Kind: e.Kind,
		Date: e.Date, Code: e.Code}
	n.ID = schema.ID(n.Key)
	p := CurationPlan{Result: n, DropMentions: map[string][]string{},
		Changes: Changes{Entities: []schema.Entity{n}, Mentions: map[string][]string{}}}
	for _, a := range sorted {
		p.DropMentions[a] = []string{id}
		p.Changes.Mentions[a] = []string{n.ID}
		p.Redirects = append(p.Redirects, schema.Redirect{From: id, Article: a,
			Into: redirectTarget(n)})
	}
	p.MoveNotes = []NoteMove{{From: id, Into: n.ID, Articles: sorted}}
	on := fmt.Sprintf("a curator split the mentions of %d article(s) off %q (%s)",
		len(sorted), e.Name, e.Key)
	p.Notes = []schema.IdentityMatch{
		{Entity: n.ID, Rule: schema.RuleCuratorSplit, Name: e.Name, From: id, FromKey: e.Key,
			Articles: sorted, At: at, On: on},
		{Entity: id, Rule: schema.RuleCuratorSplit, Name: n.Name, From: n.ID, FromKey: n.Key,
			Articles: sorted, At: at, On: on + " into a new entity"},
	}
	key := func(x string) string {
		if x == id {
			return n.Key
		}
		return st.Entities[x].Key
	}
	var moved []schema.Relation
	for _, r := range st.Relations {
		if r.Source != id && r.Target != id {
			continue
		}
		var in, out []schema.Evidence
		for _, ev := range r.Evidence {
			if moving[ev.Article] {
				in = append(in, ev)
			} else {
				out = append(out, ev)
			}
		}
		if len(in) == 0 {
			continue
		}
		p.DropRelations = append(p.DropRelations, r)
		if len(out) > 0 {
			kept := CloneRelation(r)
			kept.Evidence = out
			moved = append(moved, kept)
		}
		r = CloneRelation(r)
		r.Evidence = in
		r.ID = schema.ID(schema.RelationKey(r.Type, key(r.Source), key(r.Target), r.Date))
		if r.Source == id {
			r.Source = n.ID
		}
		if r.Target == id {
			r.Target = n.ID
		}
		moved = append(moved, r)
	}
	slices.SortFunc(moved, func(a, b schema.Relation) int { return cmp.Compare(a.ID, b.ID) })
	p.Changes.Relations = moved
	return p, nil
}

// redirectTarget is the part of e a redirect keeps.
func redirectTarget(e schema.Entity) schema.Entity {
	return schema.Entity{ID: e.ID, Key: e.Key, Type: e.Type, Name: e.Name}
}

// checkIdentity validates the identity notes of a batch read from article
// and returns them with the article filled in.
func checkIdentity(notes []schema.IdentityMatch, article string) ([]schema.IdentityMatch, error) {
	out := make([]schema.IdentityMatch, 0, len(notes))
	for _, m := range notes {
		m.Article = cmp.Or(m.Article, article)
		switch {
		case m.Entity == "" || m.From == "":
			return nil, fmt.Errorf("identity note %q lacks its entity or its from: %w", m.Name,
				ErrInvalidInput)
		case !m.Rule.Valid():
			return nil, fmt.Errorf("identity note of %s has rule %q: %w", m.Entity, m.Rule,
				ErrInvalidInput)
		case m.Article != article || m.At != "":
			return nil, fmt.Errorf("identity note of %s is not a load's of article %s: %w",
				m.Entity, article, ErrInvalidInput)
		}
		out = append(out, m)
	}
	return out, nil
}

// IdentityReason says in one sentence what makes e one entity: its key, the
// number of articles that mention it and its decisions by rule (p).
func IdentityReason(e schema.Entity, articles int, p IdentityPage) string {
	var b strings.Builder
	fmt.Fprintf(&b, "key %q", e.Key)
	switch articles {
	case 0:
	case 1:
		b.WriteString(", mentioned by 1 article")
	default:
		fmt.Fprintf(&b, ", mentioned by %d articles", articles)
	}
	if p.Total == 0 {
		if articles > 1 {
			b.WriteString(", whose mentions all have this key")
		}
		return b.String()
	}
	var parts []string
	for _, r := range schema.MatchRules {
		if p.ByRule[r] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.ByRule[r], r))
		}
	}
	fmt.Fprintf(&b, "; decisions: %s", strings.Join(parts, ", "))
	return b.String()
}
