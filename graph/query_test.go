package graph_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

type entityOut struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
}

func names(es []entityOut) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Name
	}
	return out
}

func TestSearch(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		tests := []struct {
			query, types string
			want         string // first hit
		}{
			{"Okafor", "", "Adaeze Okafor"},
			{"adaeze okafor", "", "Adaeze Okafor"},
			{"Lindqvst", "", "Erik Lindqvist"}, // typo
			{"Swe", "[COUNTRY]", "Sweden"},
			{"Baltic", "[AGREEMENT]", "Baltic Trade Accord"},
		}
		for _, tc := range tests {
			var out struct{ Search []entityOut }
			q := fmt.Sprintf(`{ search(query: %q, first: 5) { id name type aliases } }`, tc.query)
			if tc.types != "" {
				q = fmt.Sprintf(`{ search(query: %q, types: %s) { id name type aliases } }`,
					tc.query, tc.types)
			}
			a.must(q, nil, &out)
			if len(out.Search) == 0 || out.Search[0].Name != tc.want {
				t.Errorf("search(%q) = %v; want first %q", tc.query, names(out.Search), tc.want)
			}
		}
	})
}

func TestEntityRelationsWithEvidence(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		var out struct {
			Entity struct {
				Name    string
				Type    string
				Offices []struct {
					Role string
					In   entityOut
				}
				Relations struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Type, Date, Cameo string
							Source, Target    entityOut
							Evidence          []struct {
								Sentence string
								Article  struct{ Title string }
							}
						}
					}
				}
			}
		}
		a.must(`query($n: String) { entity(name: $n) { name type
			... on Person { offices { role in { name } } }
			relations(types: [CALLED, MET], orderBy: DATE_ASC) { totalCount
			  edges { node { type date cameo source { name } target { name }
			    evidence { sentence article { title } } } } } } }`,
			map[string]any{"n": "Okafor"}, &out)
		e := out.Entity
		if e.Name != "Adaeze Okafor" || e.Type != "PERSON" {
			t.Fatalf("entity(name: Okafor) = %q %s; want Adaeze Okafor PERSON", e.Name, e.Type)
		}
		if len(e.Offices) != 1 || e.Offices[0].Role != "President" || e.Offices[0].In.Name != "Nigeria" {
			t.Errorf("offices = %+v; want President of Nigeria", e.Offices)
		}
		if e.Relations.TotalCount != 2 || len(e.Relations.Edges) != 2 {
			t.Fatalf("relations total %d, %d edges; want 2, 2", e.Relations.TotalCount,
				len(e.Relations.Edges))
		}
		call := e.Relations.Edges[0].Node
		if call.Type != "CALLED" || call.Date != "2025-03-03" || call.Cameo != "041" ||
			call.Target.Name != "Erik Lindqvist" {
			t.Errorf("first relation = %+v; want CALLED Lindqvist 2025-03-03 041", call)
		}
		if len(call.Evidence) != 1 || call.Evidence[0].Article.Title != "Okafor phones Lindqvist" {
			t.Errorf("evidence = %+v; want the sentence of article 1", call.Evidence)
		}
	})
}

func TestRelationsPaging(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		type page struct {
			Relations struct {
				TotalCount int
				PageInfo   struct {
					HasNextPage bool
					EndCursor   string
				}
				Edges []struct {
					Cursor string
					Node   struct{ ID string }
				}
			}
		}
		var seen []string
		after := ""
		for i := 0; i < 10; i++ {
			var p page
			vars := map[string]any{"after": after}
			if after == "" {
				vars["after"] = nil
			}
			a.must(`query($after: String) { relations(first: 3, after: $after) {
				totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
				vars, &p)
			for _, e := range p.Relations.Edges {
				seen = append(seen, e.Node.ID)
			}
			if p.Relations.TotalCount != 8 {
				t.Fatalf("totalCount = %d; want 8", p.Relations.TotalCount)
			}
			if !p.Relations.PageInfo.HasNextPage {
				break
			}
			after = p.Relations.PageInfo.EndCursor
		}
		sorted := slices.Clone(seen)
		slices.Sort(sorted)
		if len(seen) != 8 || len(slices.Compact(sorted)) != 8 {
			t.Errorf("paged through %d relations (%d distinct); want 8 distinct", len(seen),
				len(slices.Compact(sorted)))
		}
	})
}

func TestRelationsFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		tests := []struct {
			name string
			args string
			want int
		}{
			{"types", `types: [HOLDS_OFFICE]`, 3},
			{"since", `since: "2025-06"`, 3},
			{"until", `until: "2025-03-31"`, 2},
			{"source", fmt.Sprintf(`source: {id: %q}`, fx.ids["Adaeze Okafor"]), 3},
			{"source by name", `source: {name: "Adaeze Okafor"}`, 3},
			{"target", fmt.Sprintf(`target: {id: %q}`, fx.ids["Sweden"]), 2},
			{"between", fmt.Sprintf(`between: [{id: %q}, {name: "Lindqvist"}]`,
				fx.ids["Adaeze Okafor"]), 1},
			{"article", fmt.Sprintf(`article: %q`, fx.ids["a2"]), 4},
		}
		for _, tc := range tests {
			var out struct{ Relations struct{ TotalCount int } }
			a.must(fmt.Sprintf(`{ relations(%s) { totalCount } }`, tc.args), nil, &out)
			if out.Relations.TotalCount != tc.want {
				t.Errorf("relations(%s) totalCount = %d; want %d", tc.name,
					out.Relations.TotalCount, tc.want)
			}
		}
	})
}

func TestPathsNeighborhoodTimeline(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		var paths struct {
			Paths []struct {
				Length int
				Nodes  []entityOut
			}
		}
		a.must(`query($a: ID!) { paths(from: {id: $a}, to: {name: "Erik Lindqvist"},
			maxHops: 4) { length nodes { name } } }`,
			map[string]any{"a": fx.ids["Ingrid Berg"]}, &paths)
		if len(paths.Paths) == 0 || paths.Paths[0].Length != 2 {
			t.Fatalf("paths(Berg → Lindqvist) = %+v; want length 2", paths.Paths)
		}
		for _, p := range paths.Paths {
			if p.Length != 2 || len(p.Nodes) != 3 {
				t.Errorf("path %+v; want 2 hops over 3 nodes", p)
			}
		}
		var nb struct {
			Neighborhood struct {
				Nodes     []entityOut
				Relations []struct{ Type string }
			}
		}
		a.must(`query($of: EntityRef!) { neighborhood(of: $of, depth: 1) {
			nodes { name } relations { type } } }`,
			map[string]any{"of": map[string]any{"name": "Lindqvist"}}, &nb)
		got := names(nb.Neighborhood.Nodes)
		slices.Sort(got)
		want := []string{"Adaeze Okafor", "Erik Lindqvist", "Kaduna attack", "Sweden"}
		if !slices.Equal(got, want) {
			t.Errorf("neighborhood(Lindqvist) nodes = %v; want %v", got, want)
		}
		var tl struct {
			Timeline []struct{ Type, Date string }
		}
		a.must(`query($id: ID) { timeline(actors: [{id: $id}, {name: "Erik Lindqvist"},
			{name: "Ingrid Berg"}]) { type date } }`,
			map[string]any{"id": fx.ids["Adaeze Okafor"]}, &tl)
		if len(tl.Timeline) != 2 || tl.Timeline[0].Type != "CALLED" ||
			tl.Timeline[1].Type != "MET" {
			t.Errorf("timeline = %+v; want CALLED then MET", tl.Timeline)
		}
	})
}

func TestNodeAndStats(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		var out struct {
			Node  map[string]any
			Stats struct{ Entities, Relations, Articles int }
		}
		a.must(`query($id: ID!) { node(id: $id) { id ... on Article { title } }
			stats { entities relations articles } }`, map[string]any{"id": fx.ids["a2"]}, &out)
		if out.Node["title"] != "Ministers meet in Oslo" {
			t.Errorf("node(article 2) = %v; want its title", out.Node)
		}
		if out.Stats.Entities != 8 || out.Stats.Relations != 8 || out.Stats.Articles != 2 {
			t.Errorf("stats = %+v; want 8 entities, 8 relations, 2 articles", out.Stats)
		}
		var missing struct{ Entity *entityOut }
		a.must(`{ entity(name: "Nobody At All") { name } }`, nil, &missing)
		if missing.Entity != nil {
			t.Errorf("entity(name: Nobody At All) = %+v; want null", missing.Entity)
		}
	})
}

func TestArticlesAndEntities(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{})
		tests := []struct {
			args string
			want []string
		}{
			{``, []string{"Ministers meet in Oslo", "Okafor phones Lindqvist"}},
			{`since: "2025-04"`, []string{"Ministers meet in Oslo"}},
			{`until: "2025-03"`, []string{"Okafor phones Lindqvist"}},
			{`source: "Example Wire"`, []string{"Okafor phones Lindqvist"}},
		}
		for _, tc := range tests {
			var out struct {
				Articles struct {
					TotalCount int
					Edges      []struct{ Node struct{ Title string } }
				}
			}
			q := `{ articles { totalCount edges { node { title } } } }`
			if tc.args != "" {
				q = fmt.Sprintf(`{ articles(%s) { totalCount edges { node { title } } } }`, tc.args)
			}
			a.must(q, nil, &out)
			var got []string
			for _, e := range out.Articles.Edges {
				got = append(got, e.Node.Title)
			}
			if !slices.Equal(got, tc.want) || out.Articles.TotalCount != len(tc.want) {
				t.Errorf("articles(%s) = %v (total %d); want %v", tc.args, got,
					out.Articles.TotalCount, tc.want)
			}
		}
		var ents struct {
			Entities struct {
				TotalCount int
				Edges      []struct{ Node entityOut }
			}
		}
		a.must(`{ entities(type: PERSON, nameStartsWith: "e", first: 5) {
			totalCount edges { node { name type } } } }`, nil, &ents)
		if ents.Entities.TotalCount != 1 || ents.Entities.Edges[0].Node.Name != "Erik Lindqvist" {
			t.Errorf("entities(PERSON, e) = %+v; want Erik Lindqvist only", ents.Entities)
		}
	})
}
