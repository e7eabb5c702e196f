package graph

import (
	"context"
	"encoding/json"
	"math"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
)

// A root resolver turns its field's selection set into a store plan (see
// store.EntityPlan) so that the store reads the field and everything below
// it at once; the resolvers below then find what they need among what was
// read (prefetch.go). A part of the selection a plan cannot say — an
// argument that does not validate, say — is left out, and its resolver asks
// the store itself and reports the store's error.

// Type conditions under which the fields of an entity, a relation and an
// article are collected.
var (
	entityTypes = []string{"Entity", "Node", "Person", "Country", "Organization", "Place",
		"Event", "Agreement", "Quote"}
	relationTypes = []string{"Relation", "Node"}
	articleTypes  = []string{"Article", "Node"}
)

// planner builds the plans of one operation's selections.
type planner struct{ op *graphql.OperationContext }

// plannerFor returns the planner of ctx's operation and the selection set
// of the field being resolved; ok is false outside an operation.
func plannerFor(ctx context.Context) (planner, ast.SelectionSet, bool) {
	if !graphql.HasOperationContext(ctx) {
		return planner{}, nil, false
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return planner{}, nil, false
	}
	return planner{op: graphql.GetOperationContext(ctx)}, fc.Field.Selections, true
}

func (p planner) fields(sel ast.SelectionSet, types []string) []graphql.CollectedField {
	if p.op == nil {
		return nil
	}
	return graphql.CollectFields(p.op, sel, types)
}

func (p planner) args(f graphql.CollectedField) map[string]any {
	return f.ArgumentMap(p.op.Variables)
}

// entity returns the plan of the entities selected by sel.
func (p planner) entity(sel ast.SelectionSet) *store.EntityPlan {
	out := &store.EntityPlan{}
	for _, f := range p.fields(sel, entityTypes) {
		a := p.args(f)
		switch f.Name {
		case "relations":
			rf := store.RelationFilter{
				Types: relTypes(a["types"]), Direction: store.Direction(str(a["direction"])),
				Since: str(a["since"]), Until: str(a["until"]),
				Order: store.Order(str(a["orderBy"])), Page: pageArgs(a),
			}
			total, node := p.connection(f.Selections)
			out.Relations = addRelations(out.Relations, rf, total, p.relation(node))
		case "mentions":
			af := store.ArticleFilter{Page: pageArgs(a)}
			total, node := p.connection(f.Selections)
			out.Mentions = addMentions(out.Mentions, af, total, p.article(node))
		case "offices":
			var in ast.SelectionSet
			for _, g := range p.fields(f.Selections, []string{"Office"}) {
				if g.Name == "in" {
					in = append(in, g.Selections...)
				}
			}
			out.Relations = addRelations(out.Relations, endsFilter(schema.HoldsOffice, store.Out),
				false, store.RelationPlan{Target: p.entity(in)})
		case "place":
			out.Relations = addRelations(out.Relations, endsFilter(schema.OccurredIn, store.Out),
				false, store.RelationPlan{Target: p.entity(f.Selections)})
		case "participants", "signatories", "speakers":
			t := map[string]schema.RelationType{"participants": schema.Attended,
				"signatories": schema.Signed, "speakers": schema.Said}[f.Name]
			out.Relations = addRelations(out.Relations, endsFilter(t, store.In),
				false, store.RelationPlan{Source: p.entity(f.Selections)})
		}
	}
	return out
}

// relation returns the plan of the relations selected by sel.
func (p planner) relation(sel ast.SelectionSet) store.RelationPlan {
	var out store.RelationPlan
	for _, f := range p.fields(sel, relationTypes) {
		switch f.Name {
		case "source":
			out.Source = mergeEntity(out.Source, p.entity(f.Selections))
		case "target":
			out.Target = mergeEntity(out.Target, p.entity(f.Selections))
		case "evidence":
			for _, g := range p.fields(f.Selections, []string{"Evidence"}) {
				if g.Name == "article" {
					out.Articles = mergeArticle(out.Articles, p.article(g.Selections))
				}
			}
		}
	}
	return out
}

// article returns the plan of the articles selected by sel.
func (p planner) article(sel ast.SelectionSet) *store.ArticlePlan {
	out := &store.ArticlePlan{}
	for _, f := range p.fields(sel, articleTypes) {
		switch f.Name {
		case "entities":
			out.Entities = mergeEntity(out.Entities, p.entity(f.Selections))
		case "relations":
			total, node := p.connection(f.Selections)
			out.Relations = addRelations(out.Relations,
				store.RelationFilter{Page: pageArgs(p.args(f))}, total, p.relation(node))
		}
	}
	return out
}

// connection reads the selection of a connection: whether its total is
// asked for and the selection of its nodes.
func (p planner) connection(sel ast.SelectionSet) (total bool, node ast.SelectionSet) {
	for _, f := range p.fields(sel, nil) {
		switch f.Name {
		case "totalCount":
			total = true
		case "edges":
			for _, g := range p.fields(f.Selections, nil) {
				if g.Name == "node" {
					node = append(node, g.Selections...)
				}
			}
		}
	}
	return total, node
}

// endsFilter is the filter of the relations behind an entity's offices,
// place, participants, signatories and speakers (see Resolver.ends).
func endsFilter(t schema.RelationType, dir store.Direction) store.RelationFilter {
	return store.RelationFilter{Types: []schema.RelationType{t}, Direction: dir,
		Page: store.Page{First: store.MaxFirst}}
}

// addRelations adds a listing to ls, merged into the one with the same
// filter if there is one; a filter that does not validate is left out.
func addRelations(ls []store.RelationsPlan, f store.RelationFilter, total bool,
	each store.RelationPlan,
) []store.RelationsPlan {
	k, err := store.RelationsKey("", false, f)
	if err != nil {
		return ls
	}
	for i := range ls {
		if k2, _ := store.RelationsKey("", false, ls[i].Filter); k2 == k {
			ls[i].Total = ls[i].Total || total
			ls[i].Each = mergeRelation(ls[i].Each, each)
			return ls
		}
	}
	return append(ls, store.RelationsPlan{Filter: f, Total: total, Each: each})
}

// addMentions is addRelations for listings of articles.
func addMentions(ls []store.MentionsPlan, f store.ArticleFilter, total bool,
	each *store.ArticlePlan,
) []store.MentionsPlan {
	k, err := store.MentionsKey("", f)
	if err != nil {
		return ls
	}
	for i := range ls {
		if k2, _ := store.MentionsKey("", ls[i].Filter); k2 == k {
			ls[i].Total = ls[i].Total || total
			ls[i].Each = *mergeArticle(&ls[i].Each, each)
			return ls
		}
	}
	return append(ls, store.MentionsPlan{Filter: f, Total: total, Each: *each})
}

// mergeEntity returns a plan that reads what a and b read; nil is none.
func mergeEntity(a, b *store.EntityPlan) *store.EntityPlan {
	if a == nil || b == nil {
		if a == nil {
			return b
		}
		return a
	}
	out := &store.EntityPlan{}
	for _, l := range append(append([]store.RelationsPlan{}, a.Relations...), b.Relations...) {
		out.Relations = addRelations(out.Relations, l.Filter, l.Total, l.Each)
	}
	for _, l := range append(append([]store.MentionsPlan{}, a.Mentions...), b.Mentions...) {
		out.Mentions = addMentions(out.Mentions, l.Filter, l.Total, &l.Each)
	}
	return out
}

func mergeRelation(a, b store.RelationPlan) store.RelationPlan {
	return store.RelationPlan{Source: mergeEntity(a.Source, b.Source),
		Target: mergeEntity(a.Target, b.Target), Articles: mergeArticle(a.Articles, b.Articles)}
}

func mergeArticle(a, b *store.ArticlePlan) *store.ArticlePlan {
	if a == nil || b == nil {
		if a == nil {
			return b
		}
		return a
	}
	out := &store.ArticlePlan{Entities: mergeEntity(a.Entities, b.Entities)}
	for _, l := range append(append([]store.RelationsPlan{}, a.Relations...), b.Relations...) {
		out.Relations = addRelations(out.Relations, l.Filter, l.Total, l.Each)
	}
	return out
}

// pageArgs reads the first and after arguments.
func pageArgs(a map[string]any) store.Page {
	n, ok := toInt(a["first"])
	if !ok {
		n = -1 // fails validation, so the listing is left out
	}
	if a["first"] == nil {
		n = 0
	}
	return store.Page{First: n, After: str(a["after"])}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func relTypes(v any) []schema.RelationType {
	l, _ := v.([]any)
	var out []schema.RelationType
	for _, x := range l {
		out = append(out, schema.RelationType(str(x)))
	}
	return out
}

// toInt reads an Int argument as a literal or a variable gives it.
func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), n >= math.MinInt32 && n <= math.MaxInt32
	case float64:
		return int(n), n == math.Trunc(n) && math.Abs(n) <= math.MaxInt32
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil && i >= math.MinInt32 && i <= math.MaxInt32
	}
	return 0, false
}
