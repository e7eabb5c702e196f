package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// maxTimeline is the most relations a timeline returns.
const maxTimeline = 500

// node finds any node by id: an entity, a relation or an article.
func (r *Resolver) node(ctx context.Context, id string) (model.Node, error) {
	e, err := r.Store.Entity(ctx, id)
	if err == nil {
		return model.FromEntity(e), nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("node %s: %w", id, err)
	}
	rel, err := r.Store.Relation(ctx, id)
	if err == nil {
		return &rel, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("node %s: %w", id, err)
	}
	a, err := nullIfNotFound(r.Store.Article(ctx, id))
	if err != nil || a.ID == "" {
		return nil, err
	}
	return &a, nil
}

// entity finds an entity by id, by name or by Wikidata id, exactly one of
// them given, with what the selection asks below it; null when absent. A
// Wikidata id no stored entity carries is looked up as an EntityRef's is
// (see wikidataFallback).
func (r *Resolver) entity(ctx context.Context, id, name, wikidata string) (model.Entity, error) {
	by := store.EntityLookup{ID: id, Name: strings.TrimSpace(name),
		Wikidata: strings.TrimSpace(wikidata)}
	set := 0
	for _, s := range []string{by.ID, by.Name, by.Wikidata} {
		if s != "" {
			set++
		}
	}
	if set != 1 {
		return nil, fmt.Errorf("entity needs one of id, name and wikidata, not %d: %w", set,
			store.ErrInvalidInput)
	}
	if by.Wikidata != "" {
		if err := checkWikidata("wikidata", by.Wikidata); err != nil {
			return nil, err
		}
	}
	p, sel, _ := plannerFor(ctx)
	plan := *p.entity(sel)
	e, f, err := r.fetcher().FetchEntity(ctx, by, plan)
	if by.Wikidata != "" && errors.Is(err, store.ErrNotFound) {
		// A graph loaded before linking: find the entity another way, then
		// read it with its plan.
		var found schema.Entity
		if found, err = r.wikidataFallback(ctx, "wikidata", by.Wikidata); err == nil {
			e, f, err = r.fetcher().FetchEntity(ctx, store.EntityLookup{ID: found.ID}, plan)
		}
	}
	if e, err = nullIfNotFound(e, err); err != nil || e.ID == "" {
		return nil, err
	}
	keep(ctx, f)
	return model.FromEntity(e), nil
}

// timeline lists the dated relations among actors, oldest first.
func (r *Resolver) timeline(ctx context.Context, actors []string, since, until string,
	types []schema.RelationType,
) ([]schema.Relation, error) {
	if len(actors) == 0 {
		return nil, fmt.Errorf("timeline needs at least one actor: %w", store.ErrInvalidInput)
	}
	f := store.RelationFilter{
		Types: types, Between: actors, Since: since, Until: until, Dated: true,
		Order: store.DateAsc, Page: store.Page{First: store.MaxFirst},
	}
	if len(actors) == 1 {
		f.Between, f.Entity = nil, actors[0]
	}
	var out []schema.Relation
	for len(out) < maxTimeline {
		p, err := r.Store.Relations(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		out = append(out, p.Relations...)
		if !p.HasNext {
			break
		}
		f.After = p.EndCursor
	}
	return out, nil
}

// statsModel turns store counts into the GraphQL Stats, types in
// ontology order.
func statsModel(st store.Stats) *model.Stats {
	out := &model.Stats{
		Entities: st.Entities, Relations: st.Relations, Articles: st.Articles,
		ByEntityType: []model.TypeCount{}, ByRelationType: []model.TypeCount{},
	}
	for _, t := range schema.EntityTypes {
		if n := st.ByEntity[t]; n > 0 {
			out.ByEntityType = append(out.ByEntityType, model.TypeCount{Type: string(t), Count: n})
		}
	}
	for _, info := range schema.Relations {
		if n := st.ByRelType[info.Type]; n > 0 {
			out.ByRelationType = append(out.ByRelationType,
				model.TypeCount{Type: string(info.Type), Count: n})
		}
	}
	return out
}

// ingest runs the loader on an article given over the API and stores it.
func (r *Resolver) ingest(ctx context.Context, in model.ArticleInput) (*model.IngestResult, error) {
	if err := authorize(ctx); err != nil {
		return nil, err
	}
	doc := loader.Document{
		Title: strings.TrimSpace(in.Title), Body: in.Body, Published: deref(in.Published),
		URL: deref(in.URL), Source: deref(in.Source), Path: "api",
	}
	if doc.Title == "" {
		return nil, fmt.Errorf("ingestArticle: title is empty: %w", store.ErrInvalidInput)
	}
	b, err := r.Extractor.Extract(doc)
	if err != nil {
		return nil, fmt.Errorf("ingestArticle %q: %w: %w", doc.Title, store.ErrInvalidInput, err)
	}
	if err := r.Upsert(ctx, b); err != nil {
		return nil, fmt.Errorf("ingestArticle %q: %w", doc.Title, err)
	}
	return &model.IngestResult{
		Article: &b.Article, Entities: len(b.Entities), Relations: len(b.Relations),
	}, nil
}
