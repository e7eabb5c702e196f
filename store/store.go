// Package store defines what diplograph keeps and how it is asked for it:
// the Store contract, its query and page types and its errors. The two
// implementations live in store/embedded (the zero-setup default) and
// store/neo4j; store/storetest is the one contract suite both must pass.
package store

import (
	"context"
	"errors"

	"github.com/diplograph/diplograph/schema"
)

// Errors returned by every Store, wrapped with context; test with errors.Is.
var (
	// ErrNotFound means the asked-for entity, relation or article is absent.
	ErrNotFound = errors.New("not found")
	// ErrInvalidInput means an argument is out of range or malformed.
	ErrInvalidInput = errors.New("invalid input")
	// ErrUnavailable means the backing database cannot be reached.
	ErrUnavailable = errors.New("store unavailable")
)

// MaxFirst is the largest page size a Store serves.
const MaxFirst = 100

// MaxBatch is the most ids one call of a batch method (RelationsOfEntities,
// ArticlesOfEntities) takes.
const MaxBatch = 1000

// Store is the contract both backends fulfil. Implementations are safe for
// concurrent use and return copies the caller may keep.
type Store interface {
	Writer
	Reader
	NameIndex
	OfficeIndex
	Curator
	// Ping reports whether the backing database is reachable.
	Ping(ctx context.Context) error
	// Close releases the store's resources.
	Close(ctx context.Context) error
}

// Writer is what the loader needs. Upsert is idempotent: writing the same
// batch twice leaves the store as after the first write.
type Writer interface {
	Upsert(ctx context.Context, batches ...schema.Batch) error
	// DeleteArticle removes an article, its evidence, and every relation and
	// entity left with no evidence. It returns ErrNotFound for an unknown id.
	DeleteArticle(ctx context.Context, id string) error
}

// Reader is what the API needs.
type Reader interface {
	// Entity returns the entity with the given id.
	Entity(ctx context.Context, id string) (schema.Entity, error)
	// EntitiesByIDs returns the entities with the given ids that exist, in
	// the order asked; for batching.
	EntitiesByIDs(ctx context.Context, ids []string) ([]schema.Entity, error)
	// EntityByName returns the entity whose name or alias folds to the same
	// text as name (schema.Fold), preferring a name match, then the entity
	// with the most relations.
	EntityByName(ctx context.Context, name string) (schema.Entity, error)
	// EntityByWikidata returns the entity whose Wikidata id is qid; when
	// several carry it (two names of one person), the one with the most
	// relations, then the lowest id. A qid not of the form Q123 is
	// ErrInvalidInput.
	EntityByWikidata(ctx context.Context, qid string) (schema.Entity, error)
	// Entities lists entities by name, optionally of one type and with a
	// name prefix (folded).
	Entities(ctx context.Context, f EntityFilter) (EntityPage, error)
	// Search ranks entities by name and aliases: exact matches first, then
	// prefix matches, then word matches, then near misses (typos).
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	// Relations lists relations matching f, with their evidence.
	Relations(ctx context.Context, f RelationFilter) (RelationPage, error)
	// RelationsOfEntities returns, for each of ids, the page Relations
	// returns for f with Entity set to that id: result i belongs to ids[i],
	// in one round trip. f.Entity is ignored; an empty id, or more than
	// MaxBatch ids, is ErrInvalidInput. For batching.
	RelationsOfEntities(ctx context.Context, ids []string, f RelationFilter,
	) ([]RelationPage, error)
	// Relation returns the relation with the given id, with its evidence.
	Relation(ctx context.Context, id string) (schema.Relation, error)
	// Article returns the article with the given id.
	Article(ctx context.Context, id string) (schema.Article, error)
	// ArticlesByIDs returns the articles with the given ids that exist, in
	// the order asked; for batching.
	ArticlesByIDs(ctx context.Context, ids []string) ([]schema.Article, error)
	// ArticleEntities returns every entity an article mentions, by name.
	ArticleEntities(ctx context.Context, id string) ([]schema.Entity, error)
	// Articles lists articles, newest first.
	Articles(ctx context.Context, f ArticleFilter) (ArticlePage, error)
	// ArticlesOfEntities returns, for each of ids, the page Articles returns
	// for f with Entity set to that id: result i belongs to ids[i], in one
	// round trip. f.Entity is ignored; ids are checked as by
	// RelationsOfEntities. For batching.
	ArticlesOfEntities(ctx context.Context, ids []string, f ArticleFilter,
	) ([]ArticlePage, error)
	// Neighborhood returns the entities within depth hops of id and the
	// relations among them.
	Neighborhood(ctx context.Context, q NeighborhoodQuery) (Subgraph, error)
	// Paths returns shortest paths between two entities.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	// Stats counts entities, relations and articles.
	Stats(ctx context.Context) (Stats, error)
	Scanner
}

// Scanner streams what a store holds, unpaged, for exports and aggregates.
// Both methods call fn once per item in no set order, stop at fn's first
// error and return it, and never hold a lock while fn runs: a slow fn
// (a client reading an export) delays no writer.
type Scanner interface {
	// ScanEntities calls fn with every entity of f.Type (any when empty)
	// whose folded name starts with f.NameStartsWith; f.Page is ignored.
	ScanEntities(ctx context.Context, f EntityFilter, fn func(schema.Entity) error) error
	// ScanRelations calls fn with every relation matching f, with its
	// evidence, as Relations would list them; f.Page and f.Order are ignored.
	ScanRelations(ctx context.Context, f RelationFilter, fn func(schema.Relation) error) error
}

// OfficeIndex reads the offices people hold, without the evidence or the
// totals a listing carries: the resolver's look-up of the offices of every
// person a group of articles may name.
type OfficeIndex interface {
	// HeldOffices returns, for each of ids (result i belongs to ids[i]),
	// the HOLDS_OFFICE relations that entity is the source of, the first
	// MaxFirst in the default order (newest first, undated last, then by
	// id), without their evidence; an unknown id has none. An empty id, or
	// more than MaxBatch ids, is ErrInvalidInput.
	HeldOffices(ctx context.Context, ids []string) ([][]schema.Relation, error)
}

// MaxNameWords is the most words one EntitiesByNameWords call takes.
const MaxNameWords = MaxBatch

// NameIndex finds entities by the words of their names through an index,
// never by ranking every entity: the lookup cross-article resolution makes
// once per group of articles.
type NameIndex interface {
	// EntitiesByNameWords returns every entity of type t whose folded name
	// (schema.Fold, split by strings.Fields; not its aliases) has one of
	// words as a whole word, sorted by id. Each word must be one folded
	// word; an empty or unfolded word, an unknown type, or more than
	// MaxNameWords words is ErrInvalidInput. No words is no entities.
	EntitiesByNameWords(ctx context.Context, t schema.EntityType, words []string,
	) ([]schema.Entity, error)
}
