package graph_test

import (
	"context"
	"encoding/json"
	"reflect"
	"sync"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
)

// planStore is the embedded store with the plan of its last FetchEntity
// kept, read level by level.
type planStore struct {
	graph.Store
	mu   sync.Mutex
	plan store.EntityPlan
}

func (p *planStore) FetchEntity(ctx context.Context, by store.EntityLookup, plan store.EntityPlan,
) (schema.Entity, store.Fetched, error) {
	p.mu.Lock()
	p.plan = plan
	p.mu.Unlock()
	return store.LevelFetcher(p.Store).FetchEntity(ctx, by, plan)
}

func (p *planStore) FetchSearch(ctx context.Context, q store.SearchQuery, plan store.EntityPlan,
) ([]store.Hit, store.Fetched, error) {
	return store.LevelFetcher(p.Store).FetchSearch(ctx, q, plan)
}

func (p *planStore) FetchEntities(ctx context.Context, f store.EntityFilter, plan store.EntityPlan,
) (store.EntityPage, store.Fetched, error) {
	return store.LevelFetcher(p.Store).FetchEntities(ctx, f, plan)
}

func (p *planStore) FetchRelations(ctx context.Context, f store.RelationFilter,
	plan store.RelationPlan,
) (store.RelationPage, store.Fetched, error) {
	return store.LevelFetcher(p.Store).FetchRelations(ctx, f, plan)
}

func (p *planStore) FetchArticles(ctx context.Context, f store.ArticleFilter,
	plan store.ArticlePlan,
) (store.ArticlePage, store.Fetched, error) {
	return store.LevelFetcher(p.Store).FetchArticles(ctx, f, plan)
}

func (p *planStore) Expand(ctx context.Context, w store.Want) (store.Fetched, error) {
	return store.LevelFetcher(p.Store).Expand(ctx, w)
}

// TestPlanFromSelection checks the plan an entity's selection becomes:
// arguments with their defaults and variables, fragments and type
// conditions, the ends behind offices and participants, totals only where
// asked, and a listing whose arguments do not validate left out (its
// resolver then reports the error).
func TestPlanFromSelection(t *testing.T) {
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatalf("embedded.Open: %v", err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	fx := newFixture()
	if err := st.Upsert(context.Background(), fx.batches...); err != nil {
		t.Fatalf("Upsert fixture: %v", err)
	}
	ps := &planStore{Store: st}
	a := newAPI(t, ps, graph.Options{})
	entity := &store.EntityPlan{}
	tests := []struct {
		name, query string
		vars        map[string]any
		want        store.EntityPlan
		wantCode    string
	}{
		{"fields only", `{ entity(name: "Okafor") { name aliases } }`, nil,
			store.EntityPlan{}, ""},
		{"relations with their ends and evidence",
			`{ entity(name: "Okafor") { relations(types: [MET], first: 5) { totalCount
				edges { node { source { name } evidence { article { title } } } } } } }`, nil,
			store.EntityPlan{Relations: []store.RelationsPlan{{
				Filter: store.RelationFilter{Types: []schema.RelationType{schema.Met},
					Direction: store.Both, Order: store.DateDesc, Page: store.Page{First: 5}},
				Total: true,
				Each:  store.RelationPlan{Source: entity, Articles: &store.ArticlePlan{}},
			}}}, ""},
		{"fragments, variables and ends",
			`query($n: Int) { entity(name: "Okafor") { ... on Person { offices { in { name } } }
				...M } }
			fragment M on Entity { mentions(first: $n) { edges { node { title } } } }`,
			map[string]any{"n": 3},
			store.EntityPlan{
				Relations: []store.RelationsPlan{{Filter: store.RelationFilter{
					Types: []schema.RelationType{schema.HoldsOffice}, Direction: store.Out,
					Page: store.Page{First: store.MaxFirst}},
					Each: store.RelationPlan{Target: entity}}},
				Mentions: []store.MentionsPlan{{Filter: store.ArticleFilter{
					Page: store.Page{First: 3}}, Each: store.ArticlePlan{}}},
			}, ""},
		{"a page too large is left out",
			`{ entity(name: "Okafor") { relations(first: 1000) { totalCount } } }`, nil,
			store.EntityPlan{}, "BAD_USER_INPUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data json.RawMessage
			errs := a.do(tt.query, tt.vars, &data)
			if got := code(errs); got != tt.wantCode {
				t.Fatalf("errors = %v; want code %q", errs, tt.wantCode)
			}
			ps.mu.Lock()
			got := ps.plan
			ps.mu.Unlock()
			if !reflect.DeepEqual(got, tt.want) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(tt.want)
				t.Errorf("plan =\n  %s\nwant\n  %s", g, w)
			}
		})
	}
}
