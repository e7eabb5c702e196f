package store

import (
	"context"
	"encoding/json"

	"github.com/diplograph/diplograph/schema"
)

// A plan says what a query reads below the records a root field returns:
// the API builds it from the GraphQL selection, so that a store can read a
// root field and everything under it at once (store/neo4j compiles a plan
// into one Cypher statement) instead of one call per level or per record.

// EntityPlan is what to read of each entity beyond its own fields.
type EntityPlan struct {
	Relations []RelationsPlan // listings of its relations (Filter.Entity is ignored)
	Mentions  []MentionsPlan  // listings of the articles that mention it
}

// RelationsPlan is one listing of relations and what to read of each. For
// an entity, Filter.Entity is ignored; for an article, Filter.Article.
type RelationsPlan struct {
	Filter RelationFilter
	// Total says whether the listing's total is wanted; without it a page's
	// Total may be 0.
	Total bool
	Each  RelationPlan
}

// MentionsPlan is one listing of articles and what to read of each.
type MentionsPlan struct {
	Filter ArticleFilter // Entity is ignored
	Total  bool
	Each   ArticlePlan
}

// RelationPlan is what to read of each relation: its ends and the articles
// of its evidence, each only when not nil.
type RelationPlan struct {
	Source, Target *EntityPlan
	Articles       *ArticlePlan
}

// ArticlePlan is what to read of each article: the entities it mentions
// (when not nil) and listings of its relations (Filter.Article is ignored).
type ArticlePlan struct {
	Entities  *EntityPlan
	Relations []RelationsPlan
}

// Empty reports whether p reads nothing beyond the entity.
func (p *EntityPlan) Empty() bool {
	return p == nil || len(p.Relations) == 0 && len(p.Mentions) == 0
}

// Empty reports whether p reads nothing beyond the relation.
func (p RelationPlan) Empty() bool {
	return p.Source == nil && p.Target == nil && p.Articles == nil
}

// Empty reports whether p reads nothing beyond the article.
func (p *ArticlePlan) Empty() bool {
	return p == nil || p.Entities == nil && len(p.Relations) == 0
}

// ListKey names one listing read ahead: the id of the entity or article it
// belongs to and its filter, normalized and encoded (see RelationsKey).
type ListKey struct {
	Owner  string
	Filter string
}

// RelationsKey returns the key of the listing of the relations of the
// entity (or, for ofArticle, the article) owner that f selects. Two
// spellings of one filter share a key; a filter that does not validate is
// ErrInvalidInput.
func RelationsKey(owner string, ofArticle bool, f RelationFilter) (ListKey, error) {
	f.Entity = ""
	f, _, err := f.Normalize()
	if err != nil {
		return ListKey{}, err
	}
	if ofArticle {
		// An article's listing is the filter's with Article set to it; the
		// mark keeps it apart from an entity's.
		f.Article = "\x00article"
	}
	b, _ := json.Marshal(f)
	return ListKey{Owner: owner, Filter: string(b)}, nil
}

// MentionsKey returns the key of the listing of the articles that mention
// owner and that f selects.
func MentionsKey(owner string, f ArticleFilter) (ListKey, error) {
	f.Entity = ""
	f, _, err := f.Normalize()
	if err != nil {
		return ListKey{}, err
	}
	b, _ := json.Marshal(f)
	return ListKey{Owner: owner, Filter: string(b)}, nil
}

// Fetched holds what a plan read: records by id and listings by key.
// Relations of a listing carry their evidence.
type Fetched struct {
	Entities  map[string]schema.Entity
	Articles  map[string]schema.Article
	Relations map[ListKey]RelationPage
	Mentions  map[ListKey]ArticlePage
	// ArticleEntities holds the ids of the entities each article mentions,
	// by folded name then id.
	ArticleEntities map[string][]string
}

// NewFetched returns an empty Fetched ready to fill.
func NewFetched() Fetched {
	return Fetched{
		Entities: map[string]schema.Entity{}, Articles: map[string]schema.Article{},
		Relations: map[ListKey]RelationPage{}, Mentions: map[ListKey]ArticlePage{},
		ArticleEntities: map[string][]string{},
	}
}

// Merge adds what o holds to f.
func (f Fetched) Merge(o Fetched) {
	for k, v := range o.Entities {
		f.Entities[k] = v
	}
	for k, v := range o.Articles {
		f.Articles[k] = v
	}
	for k, v := range o.Relations {
		f.Relations[k] = v
	}
	for k, v := range o.Mentions {
		f.Mentions[k] = v
	}
	for k, v := range o.ArticleEntities {
		f.ArticleEntities[k] = v
	}
}

// Want asks for plans below records already read: Entities with Entity
// (when not nil) and Articles with Article.
type Want struct {
	Entities []string
	Entity   *EntityPlan
	Articles []string
	Article  *ArticlePlan
}

// EntityLookup names one entity: by ID when it is set, else by Wikidata
// id, else by Name.
type EntityLookup struct {
	ID, Wikidata, Name string
}

// Fetcher reads a root field with what its plan asks below it. store/neo4j
// implements it with one statement per call; FetcherOf gives any Reader
// one that reads level by level with the Reader's batch methods.
type Fetcher interface {
	// FetchEntity reads the entity by names: its ID or else the one
	// EntityByWikidata picks for Wikidata or else the one EntityByName
	// picks for Name.
	FetchEntity(ctx context.Context, by EntityLookup, p EntityPlan) (schema.Entity, Fetched, error)
	FetchSearch(ctx context.Context, q SearchQuery, p EntityPlan) ([]Hit, Fetched, error)
	FetchEntities(ctx context.Context, f EntityFilter, p EntityPlan) (EntityPage, Fetched, error)
	FetchRelations(ctx context.Context, f RelationFilter, p RelationPlan,
	) (RelationPage, Fetched, error)
	FetchArticles(ctx context.Context, f ArticleFilter, p ArticlePlan,
	) (ArticlePage, Fetched, error)
	// Expand reads what w asks below records read by other means.
	Expand(ctx context.Context, w Want) (Fetched, error)
}

// FetcherOf returns r's own Fetcher or, if it has none, one made of r's
// Reader methods.
func FetcherOf(r Reader) Fetcher {
	if f, ok := r.(Fetcher); ok {
		return f
	}
	return levelFetcher{r}
}

// LevelFetcher returns the Fetcher made of r's Reader methods, even if r
// has one of its own.
func LevelFetcher(r Reader) Fetcher { return levelFetcher{r} }
