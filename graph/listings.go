package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/diplograph/diplograph/store"
)

// listKey names one listing of an entity's relations or mentions in a
// loader: the entity id and its filter, normalized (so that two spellings
// of one filter share a key) and encoded as JSON (so that the key is
// comparable). The filter's Entity is always empty.
type listKey struct {
	id     string
	filter string
}

// relationsKey returns the key of the relations of id that f selects.
func relationsKey(id string, f store.RelationFilter) (listKey, error) {
	f.Entity = ""
	f, _, err := f.Normalize()
	if err != nil {
		return listKey{}, err
	}
	return encodeKey(id, f)
}

// mentionsKey returns the key of the articles mentioning id that f selects.
func mentionsKey(id string, f store.ArticleFilter) (listKey, error) {
	f.Entity = ""
	f, _, err := f.Normalize()
	if err != nil {
		return listKey{}, err
	}
	return encodeKey(id, f)
}

func encodeKey[F any](id string, f F) (listKey, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return listKey{}, fmt.Errorf("filter of %s: %w", id, err)
	}
	return listKey{id: id, filter: string(b)}, nil
}

// byFilter returns the fetch function of a listing loader: it groups the
// keys of a batch by filter and calls batch, a store batch method, once
// per distinct filter, the calls running concurrently. A failed call fails
// the keys of its filter only.
func byFilter[F, P any](batch func(ctx context.Context, ids []string, f F) ([]P, error),
) func(ctx context.Context, keys []listKey) ([]P, []error) {
	return func(ctx context.Context, keys []listKey) ([]P, []error) {
		groups := map[string][]int{} // filter → positions of its keys
		for i, k := range keys {
			groups[k.filter] = append(groups[k.filter], i)
		}
		pages := make([]P, len(keys))
		errs := make([]error, len(keys))
		var wg sync.WaitGroup
		for filter, at := range groups {
			wg.Go(func() {
				ps, err := fetchGroup(ctx, batch, keys, filter, at)
				for j, i := range at {
					if err != nil {
						errs[i] = err
						continue
					}
					pages[i] = ps[j]
				}
			})
		}
		wg.Wait()
		return pages, errs
	}
}

// fetchGroup calls batch for the keys at the positions at, which share
// filter, and returns their pages in the same order.
func fetchGroup[F, P any](ctx context.Context,
	batch func(ctx context.Context, ids []string, f F) ([]P, error),
	keys []listKey, filter string, at []int,
) ([]P, error) {
	var f F
	if err := json.Unmarshal([]byte(filter), &f); err != nil {
		return nil, fmt.Errorf("decoding filter %s: %w", filter, err)
	}
	ids := make([]string, len(at))
	for j, i := range at {
		ids[j] = keys[i].id
	}
	ps, err := batch(ctx, ids, f)
	if err == nil && len(ps) != len(ids) {
		err = fmt.Errorf("%d pages for %d ids", len(ps), len(ids))
	}
	return ps, err
}

// loadRelations returns the relations of entity id that f selects through
// the operation's loader; f.Entity is ignored.
func loadRelations(ctx context.Context, s Store, id string, f store.RelationFilter,
) (store.RelationPage, error) {
	k, err := relationsKey(id, f)
	if err != nil {
		return store.RelationPage{}, err
	}
	return loadersFor(ctx, s).relations.Load(ctx, k)
}

// loadMentions returns the articles mentioning entity id that f selects
// through the operation's loader; f.Entity is ignored.
func loadMentions(ctx context.Context, s Store, id string, f store.ArticleFilter,
) (store.ArticlePage, error) {
	k, err := mentionsKey(id, f)
	if err != nil {
		return store.ArticlePage{}, err
	}
	return loadersFor(ctx, s).mentions.Load(ctx, k)
}
