package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/resolve"
)

const (
	mergeQ = `mutation($ids: [ID!]!) { mergeEntities(ids: $ids) { id name aliases type } }`
	splitQ = `mutation($id: ID!, $as: [ID!]!) { splitEntity(id: $id, articleIds: $as) {
		id name type } }`
	identityQ = `query($id: ID!) { entity(id: $id) { id identity { key reason decisions
		matchedOn(first: 5) { rule on name from fromKey article { id title } evidence articles
		at } } } }`
	statsQ = `{ stats { entities relations articles } }`
)

type identityOut struct {
	Entity *struct {
		ID       string
		Identity struct {
			Key, Reason string
			Decisions   int
			MatchedOn   []struct {
				Rule, On, Name, From string
				FromKey              *string
				Article              *struct{ ID, Title string }
				Evidence             *string
				Articles             []string
				At                   *string
			}
		}
	}
}

type statsOut struct {
	Stats struct{ Entities, Relations, Articles int }
}

func TestCurationNeedsAKey(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		for _, tc := range []struct {
			name, key, header, want string
		}{
			{"no header", testKey, "", graph.CodeUnauthenticated},
			{"wrong key", testKey, "Bearer nope", graph.CodeForbidden},
			{"no key configured", "", "Bearer " + testKey, graph.CodeForbidden},
		} {
			a := newAPI(t, st, graph.Options{APIKey: tc.key})
			var hdr []string
			if tc.header != "" {
				hdr = []string{"Authorization", tc.header}
			}
			ids := []string{fx.ids["Erik Lindqvist"], fx.ids["Ingrid Berg"]}
			if errs := a.do(mergeQ, map[string]any{"ids": ids}, nil, hdr...); code(errs) != tc.want {
				t.Errorf("%s: mergeEntities code = %q; want %q", tc.name, code(errs), tc.want)
			}
			errs := a.do(splitQ, map[string]any{"id": fx.ids["Adaeze Okafor"],
				"as": []string{fx.ids["a2"]}}, nil, hdr...)
			if code(errs) != tc.want {
				t.Errorf("%s: splitEntity code = %q; want %q", tc.name, code(errs), tc.want)
			}
		}
		a := newAPI(t, st, graph.Options{})
		var got struct{ Entity *entityOut }
		a.must(`query($id: ID!) { entity(id: $id) { id } }`,
			map[string]any{"id": fx.ids["Ingrid Berg"]}, &got)
		if got.Entity == nil {
			t.Errorf("Ingrid Berg is gone after refused merges")
		}
	})
}

func TestMergeEntities(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{APIKey: testKey})
		auth := []string{"Authorization", "Bearer " + testKey}
		lind, berg := fx.ids["Erik Lindqvist"], fx.ids["Ingrid Berg"]
		var before statsOut
		a.must(statsQ, nil, &before)

		for _, tc := range []struct {
			name string
			ids  []string
			want string // in the message
		}{
			{"one id", []string{lind}, "two or more"},
			{"two types", []string{lind, fx.ids["Sweden"]}, "one type"},
			{"unknown id", []string{lind, "00000000-0000-5000-8000-000000000000"},
				"no entity has id"},
			{"an id twice", []string{lind, berg, lind}, "twice"},
		} {
			errs := a.do(mergeQ, map[string]any{"ids": tc.ids}, nil, auth...)
			if code(errs) != graph.CodeBadUserInput || !strings.Contains(errs[0].Message, tc.want) {
				t.Errorf("mergeEntities(%s) = %+v; want %s naming %q", tc.name, errs,
					graph.CodeBadUserInput, tc.want)
			}
		}
		var same statsOut
		a.must(statsQ, nil, &same)
		if same != before {
			t.Errorf("stats after refused merges = %+v; want %+v", same, before)
		}

		var out struct{ MergeEntities entityOut }
		a.must(mergeQ, map[string]any{"ids": []string{lind, berg}}, &out, auth...)
		if out.MergeEntities.ID != lind || !slices.Contains(out.MergeEntities.Aliases,
			"Ingrid Berg") {
			t.Errorf("mergeEntities = %+v; want Erik Lindqvist with alias Ingrid Berg",
				out.MergeEntities)
		}
		var gone identityOut
		a.must(identityQ, map[string]any{"id": berg}, &gone)
		if gone.Entity != nil {
			t.Errorf("entity(Ingrid Berg) after the merge = %+v; want null", gone.Entity)
		}
		var rels struct {
			Entity struct{ Relations struct{ TotalCount int } }
		}
		a.must(`query($id: ID!) { entity(id: $id) { relations { totalCount } } }`,
			map[string]any{"id": lind}, &rels)
		// Three relations of each, of which the offices of both in Sweden,
		// undated, become one with the evidence of both.
		if rels.Entity.Relations.TotalCount != 5 {
			t.Errorf("relations of the merged entity = %d; want 5",
				rels.Entity.Relations.TotalCount)
		}
		var id identityOut
		a.must(identityQ, map[string]any{"id": lind}, &id)
		m := id.Entity.Identity.MatchedOn
		if len(m) != 1 || m[0].Rule != "CURATOR_MERGE" || m[0].From != berg ||
			m[0].Name != "Ingrid Berg" || m[0].At == nil || m[0].Article != nil {
			t.Errorf("identity.matchedOn = %+v; want one CURATOR_MERGE from Ingrid Berg", m)
		}
		if id.Entity.Identity.Key != "person:erik lindqvist" || id.Entity.Identity.Decisions != 1 ||
			!strings.Contains(id.Entity.Identity.Reason, "1 CURATOR_MERGE") {
			t.Errorf("identity = %+v; want the key and the merge in the reason",
				id.Entity.Identity)
		}
	})
}

func TestSplitEntity(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{APIKey: testKey})
		auth := []string{"Authorization", "Bearer " + testKey}
		okafor, a1, a2 := fx.ids["Adaeze Okafor"], fx.ids["a1"], fx.ids["a2"]
		var before statsOut
		a.must(statsQ, nil, &before)
		for _, tc := range []struct {
			name     string
			id       string
			articles []string
			want     string
		}{
			{"every article", okafor, []string{a1, a2}, "leave it at least one"},
			{"no article", okafor, []string{}, "at least one article"},
			{"not mentioned", fx.ids["Erik Lindqvist"], []string{a2}, "does not mention"},
			{"unknown entity", "00000000-0000-5000-8000-000000000000", []string{a1},
				"no entity has id"},
		} {
			errs := a.do(splitQ, map[string]any{"id": tc.id, "as": tc.articles}, nil, auth...)
			if code(errs) != graph.CodeBadUserInput || !strings.Contains(errs[0].Message, tc.want) {
				t.Errorf("splitEntity(%s) = %+v; want %s naming %q", tc.name, errs,
					graph.CodeBadUserInput, tc.want)
			}
		}
		var same statsOut
		a.must(statsQ, nil, &same)
		if same != before {
			t.Errorf("stats after refused splits = %+v; want %+v", same, before)
		}

		var out struct{ SplitEntity entityOut }
		a.must(splitQ, map[string]any{"id": okafor, "as": []string{a2}}, &out, auth...)
		n := out.SplitEntity
		if n.ID == okafor || n.Name != "Adaeze Okafor" || n.Type != "PERSON" {
			t.Fatalf("splitEntity = %+v; want a new PERSON Adaeze Okafor", n)
		}
		mentions := func(id string) []string {
			var m struct {
				Entity struct {
					Mentions struct {
						Edges []struct{ Node struct{ ID string } }
					}
				}
			}
			a.must(`query($id: ID!) { entity(id: $id) { mentions { edges { node { id } } } } }`,
				map[string]any{"id": id}, &m)
			var out []string
			for _, e := range m.Entity.Mentions.Edges {
				out = append(out, e.Node.ID)
			}
			return out
		}
		if got := mentions(okafor); !slices.Equal(got, []string{a1}) {
			t.Errorf("mentions of Okafor after the split = %v; want [a1]", got)
		}
		if got := mentions(n.ID); !slices.Equal(got, []string{a2}) {
			t.Errorf("mentions of the new entity = %v; want [a2]", got)
		}
		var id identityOut
		a.must(identityQ, map[string]any{"id": n.ID}, &id)
		m := id.Entity.Identity.MatchedOn
		if len(m) != 1 || m[0].Rule != "CURATOR_SPLIT" || m[0].From != okafor ||
			!slices.Equal(m[0].Articles, []string{a2}) {
			t.Errorf("identity.matchedOn of the new entity = %+v; want a CURATOR_SPLIT of a2", m)
		}
	})
}

// TestCurationSurvivesIngest: a curator's merge and split hold when the
// same articles are ingested again, and the resolver's merges are told by
// Entity.identity.
func TestCurationSurvivesIngest(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{APIKey: testKey})
		a.r.Merger = resolve.New(st.(resolve.Index), st)
		auth := []string{"Authorization", "Bearer " + testKey}
		doc := func(title, body string) map[string]any {
			return map[string]any{"in": map[string]any{"title": title,
				"published": "2025-09-02", "body": title + "\n\n" + body}}
		}
		first := doc("Tanaka calls Mbeki", "Japanese Prime Minister Haruto Tanaka called "+
			"South African President Thabo Mbeki on Monday to discuss trade.")
		second := doc("Tanaka visits Pretoria", "Prime Minister Tanaka travelled to Pretoria "+
			"on Tuesday, where he met President Mbeki.")
		var in1, in2 struct {
			IngestArticle struct{ Article struct{ ID string } }
		}
		a.must(ingest, first, &in1, auth...)
		a.must(ingest, second, &in2, auth...)
		var who struct{ Entity struct{ ID string } }
		a.must(`{ entity(name: "Haruto Tanaka") { id } }`, nil, &who)
		tanaka := who.Entity.ID
		var id identityOut
		a.must(identityQ, map[string]any{"id": tanaka}, &id)
		m := id.Entity.Identity.MatchedOn
		if len(m) != 1 || m[0].Rule != "SURNAME" || m[0].Name != "Tanaka" ||
			m[0].Article == nil || m[0].Article.Title != "Tanaka visits Pretoria" ||
			m[0].Evidence == nil || !strings.Contains(*m[0].Evidence, "Pretoria") {
			t.Fatalf("identity of Haruto Tanaka = %+v; want the surname merge of the second "+
				"article", m)
		}

		// The curator says the second article's Tanaka is someone else.
		var split struct{ SplitEntity entityOut }
		a.must(splitQ, map[string]any{"id": tanaka, "as": []string{in2.IngestArticle.Article.ID}},
			&split, auth...)
		var after statsOut
		a.must(statsQ, nil, &after)
		a.must(ingest, second, nil, auth...)
		a.must(ingest, first, nil, auth...)
		var again statsOut
		a.must(statsQ, nil, &again)
		if again != after {
			t.Errorf("stats after ingesting again = %+v; want %+v (the split kept)", again, after)
		}
		var rels struct {
			Relations struct {
				Edges []struct {
					Node struct{ Source struct{ ID string } }
				}
			}
		}
		a.must(`query($a: ID!) { relations(article: $a, types: [MET]) { edges { node {
			source { id } } } } }`, map[string]any{"a": in2.IngestArticle.Article.ID}, &rels)
		for _, e := range rels.Relations.Edges {
			if e.Node.Source.ID == tanaka {
				t.Errorf("the second article's meeting is Haruto Tanaka's again after re-ingest")
			}
		}

		// The curator merges them back.
		a.must(mergeQ, map[string]any{"ids": []string{tanaka, split.SplitEntity.ID}}, nil,
			auth...)
		a.must(statsQ, nil, &after)
		a.must(ingest, second, nil, auth...)
		a.must(statsQ, nil, &again)
		if again != after {
			t.Errorf("stats after ingesting again = %+v; want %+v (the merge kept)", again, after)
		}
		var gone identityOut
		a.must(identityQ, map[string]any{"id": split.SplitEntity.ID}, &gone)
		if gone.Entity != nil {
			t.Errorf("the split entity is back after re-ingest: %+v", gone.Entity)
		}
	})
}
