package embedded

import (
	"maps"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// set is a set of ids.
type set map[string]struct{}

func (s set) add(id string) { s[id] = struct{}{} }

func (s set) has(id string) bool { _, ok := s[id]; return ok }

func (s set) sorted() []string { return slices.Sorted(maps.Keys(s)) }

// index maps a key to a set of ids.
type index map[string]set

func (x index) add(key, id string) {
	if x[key] == nil {
		x[key] = set{}
	}
	x[key].add(id)
}

func (x index) remove(key, id string) {
	delete(x[key], id)
	if len(x[key]) == 0 {
		delete(x, key)
	}
}

// state is everything the store holds: the records, kept in the normal form
// of the merge rules, and the indexes derived from them. It is not safe for
// concurrent use; Store guards it.
type state struct {
	articles  map[string]schema.Article
	entities  map[string]schema.Entity
	relations map[string]schema.Relation
	mentions  index // article id → ids of the entities of its batches

	mentionedBy index // entity id → ids of the articles that mention it
	byFold      index // folded name or alias → entity ids
	byWord      index // word of a folded name → entity ids
	byEntity    index // entity id → ids of the relations it is an end of
	byArticle   index // article id → ids of the relations with its evidence
}

func newState() *state {
	return &state{
		articles:    map[string]schema.Article{},
		entities:    map[string]schema.Entity{},
		relations:   map[string]schema.Relation{},
		mentions:    index{},
		mentionedBy: index{},
		byFold:      index{},
		byWord:      index{},
		byEntity:    index{},
		byArticle:   index{},
	}
}

// missing returns the ids among ids that name no entity.
func (s *state) missing(ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := s.entities[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

// upsert merges c into s. The ends of c's relations must exist in s or c.
func (s *state) upsert(c store.Changes) {
	for _, a := range c.Articles {
		s.articles[a.ID] = store.MergeArticle(s.articles[a.ID], a)
	}
	for _, e := range c.Entities {
		old, ok := s.entities[e.ID]
		if ok {
			s.unindexEntity(old)
		}
		e = store.MergeEntity(old, e)
		s.entities[e.ID] = e
		s.indexEntity(e)
	}
	for _, r := range c.Relations {
		// Only the new evidence is indexed: the old is already, and a
		// relation told by thousands of articles must not cost thousands
		// of index writes per Upsert.
		for _, ev := range r.Evidence {
			s.byArticle.add(ev.Article, r.ID)
		}
		r = store.MergeRelation(s.relations[r.ID], r)
		s.relations[r.ID] = r
		s.byEntity.add(r.Source, r.ID)
		s.byEntity.add(r.Target, r.ID)
	}
	for article, ids := range c.Mentions {
		for _, id := range ids {
			s.mentions.add(article, id)
			s.mentionedBy.add(id, article)
		}
	}
}

// deleteArticle removes the article id, its evidence, the relations left
// without evidence and the entities left with neither a mention nor a
// relation. It reports false when there is no such article.
func (s *state) deleteArticle(id string) bool {
	if _, ok := s.articles[id]; !ok {
		return false
	}
	delete(s.articles, id)
	for rid := range s.byArticle[id] {
		r := s.relations[rid]
		r.Evidence = slices.DeleteFunc(slices.Clone(r.Evidence), func(ev schema.Evidence) bool {
			return ev.Article == id
		})
		if len(r.Evidence) > 0 {
			s.relations[rid] = r
			continue
		}
		delete(s.relations, rid)
		s.byEntity.remove(r.Source, rid)
		s.byEntity.remove(r.Target, rid)
	}
	delete(s.byArticle, id)
	for eid := range s.mentions[id] {
		s.mentionedBy.remove(eid, id)
	}
	for eid := range s.mentions[id] {
		if len(s.mentionedBy[eid]) == 0 && len(s.byEntity[eid]) == 0 {
			s.unindexEntity(s.entities[eid])
			delete(s.entities, eid)
		}
	}
	delete(s.mentions, id)
	return true
}

func (s *state) indexEntity(e schema.Entity) {
	s.byFold.add(schema.Fold(e.Name), e.ID)
	for _, w := range strings.Fields(schema.Fold(e.Name)) {
		s.byWord.add(w, e.ID)
	}
	for _, a := range e.Aliases {
		s.byFold.add(schema.Fold(a), e.ID)
	}
}

func (s *state) unindexEntity(e schema.Entity) {
	s.byFold.remove(schema.Fold(e.Name), e.ID)
	for _, w := range strings.Fields(schema.Fold(e.Name)) {
		s.byWord.remove(w, e.ID)
	}
	for _, a := range e.Aliases {
		s.byFold.remove(schema.Fold(a), e.ID)
	}
}

// changes returns the whole of s as Changes, from which upsert into an
// empty state rebuilds it: the form of a snapshot.
func (s *state) changes() store.Changes {
	c := store.Changes{Mentions: map[string][]string{}}
	for _, id := range slices.Sorted(maps.Keys(s.articles)) {
		c.Articles = append(c.Articles, s.articles[id])
	}
	for _, id := range slices.Sorted(maps.Keys(s.entities)) {
		c.Entities = append(c.Entities, s.entities[id])
	}
	for _, id := range slices.Sorted(maps.Keys(s.relations)) {
		c.Relations = append(c.Relations, s.relations[id])
	}
	for id, ids := range s.mentions {
		c.Mentions[id] = ids.sorted()
	}
	return c
}

// degree returns the number of relations entity id is an end of.
func (s *state) degree(id string) int { return len(s.byEntity[id]) }
