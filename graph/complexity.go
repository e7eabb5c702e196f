package graph

import (
	"github.com/diplograph/diplograph/graph/generated"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/schema"
)

// Per-field costs: a list costs its page size times what each item asks
// for, plus one for the store call, so deep nesting of wide lists is
// refused before it runs.
const (
	defaultPage   = 20
	listOverhead  = 1
	pathCost      = 10 // a shortest-path search is dearer than a lookup
	timelineItems = 100
)

// paged is the cost of a list of first items of the given child cost.
func paged(child int, first *int, def int) int {
	n := def
	if first != nil && *first > 0 {
		n = *first
	}
	return listOverhead + n*max(child, 1)
}

// relationsCost prices every Entity.relations field alike.
func relationsCost(c int, _ []schema.RelationType, _ *model.Direction, _, _ *string,
	first *int, _ *string, _ *model.RelationOrder,
) int {
	return paged(c, first, defaultPage)
}

// mentionsCost prices every Entity.mentions field alike.
func mentionsCost(c int, first *int, _ *string) int { return paged(c, first, defaultPage) }

// fixedList prices a list field with no page argument, of up to n items.
func fixedList(n int) func(int) int {
	return func(c int) int { return paged(c, nil, n) }
}

// complexity returns the cost functions of the schema.
func complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	c.Person.Relations, c.Person.Mentions = relationsCost, mentionsCost
	c.Country.Relations, c.Country.Mentions = relationsCost, mentionsCost
	c.Organization.Relations, c.Organization.Mentions = relationsCost, mentionsCost
	c.Place.Relations, c.Place.Mentions = relationsCost, mentionsCost
	c.Event.Relations, c.Event.Mentions = relationsCost, mentionsCost
	c.Agreement.Relations, c.Agreement.Mentions = relationsCost, mentionsCost
	c.Identity.MatchedOn = func(ch int, first *int) int { return paged(ch, first, defaultPage) }
	c.Person.Offices = fixedList(5)
	c.Event.Participants = fixedList(defaultPage)
	c.Agreement.Signatories = fixedList(defaultPage)
	c.Article.Entities = fixedList(defaultPage)
	c.Article.Relations = mentionsCost
	c.Query.Search = func(ch int, _ string, _ []schema.EntityType, first *int) int {
		return paged(ch, first, 10)
	}
	c.Query.Entities = func(ch int, _ *schema.EntityType, _ *string, first *int, _ *string) int {
		return paged(ch, first, defaultPage)
	}
	c.Query.Relations = func(ch int, _ []schema.RelationType, _, _ *model.EntityRef,
		_, _ []model.EntityRef, _, _, _ *string, first *int, _ *string, _ *model.RelationOrder,
	) int {
		return paged(ch, first, defaultPage)
	}
	c.Query.Articles = func(ch int, _, _, _ *string, first *int, _ *string) int {
		return paged(ch, first, defaultPage)
	}
	c.Query.Neighborhood = func(ch int, _ model.EntityRef, _ *int, _ []schema.RelationType,
		lim *int,
	) int {
		return paged(ch, lim, 50)
	}
	c.Query.Paths = func(ch int, _, _ model.EntityRef, _ *int, _ []schema.RelationType,
		first *int,
	) int {
		return pathCost + paged(ch, first, 5)
	}
	c.Query.Timeline = func(ch int, _ []model.EntityRef, _, _ *string, _ []schema.RelationType,
	) int {
		return paged(ch, nil, timelineItems)
	}
	return c
}
