package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/diplograph/diplograph/graph"
)

const ingest = `mutation($in: ArticleInput!) { ingestArticle(input: $in) {
	article { id title } entities relations } }`

var article = map[string]any{
	"title":     "Tanaka invites Mbeki to Kyoto summit",
	"published": "2025-09-02",
	"source":    "Test Wire",
	"url":       "https://example.org/kyoto",
	"body": "Tanaka invites Mbeki to Kyoto summit\n\n" +
		"Japanese Prime Minister Haruto Tanaka on Monday invited South African President " +
		"Thabo Mbeki to the Kyoto climate summit in October. Tanaka also called Mbeki " +
		"to discuss trade.\n",
}

func TestMutationAuth(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		tests := []struct {
			name, key, header, want string
		}{
			{"no key configured", "", "Bearer anything", graph.CodeForbidden},
			{"no header", testKey, "", graph.CodeUnauthenticated},
			{"wrong key", testKey, "Bearer nope", graph.CodeForbidden},
			{"not bearer", testKey, "Basic " + testKey, graph.CodeForbidden},
		}
		for _, tc := range tests {
			a := newAPI(t, st, graph.Options{APIKey: tc.key})
			var hdr []string
			if tc.header != "" {
				hdr = []string{"Authorization", tc.header}
			}
			errs := a.do(ingest, map[string]any{"in": article}, nil, hdr...)
			if code(errs) != tc.want {
				t.Errorf("%s: ingestArticle code = %q (%+v); want %q", tc.name, code(errs), errs,
					tc.want)
			}
			errs = a.do(`mutation($id: ID!) { deleteArticle(id: $id) }`,
				map[string]any{"id": fx.ids["a1"]}, nil, hdr...)
			if code(errs) != tc.want {
				t.Errorf("%s: deleteArticle code = %q; want %q", tc.name, code(errs), tc.want)
			}
		}
	})
}

func TestIngestAndDelete(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{APIKey: testKey})
		auth := []string{"Authorization", "Bearer " + testKey}
		type stats struct {
			Stats struct{ Entities, Relations, Articles int }
		}
		var before, again, after stats
		a.must(`{ stats { entities relations articles } }`, nil, &before)

		var out struct {
			IngestArticle struct {
				Article   struct{ ID, Title string }
				Relations int
			}
		}
		a.must(ingest, map[string]any{"in": article}, &out, auth...)
		if out.IngestArticle.Article.Title != article["title"] {
			t.Fatalf("ingestArticle title = %q; want %q", out.IngestArticle.Article.Title,
				article["title"])
		}
		var found struct{ Search []entityOut }
		a.must(`{ search(query: "Haruto Tanaka", types: [PERSON]) { name } }`, nil, &found)
		if len(found.Search) == 0 || found.Search[0].Name != "Haruto Tanaka" {
			t.Errorf("search after ingest = %v; want Haruto Tanaka first", names(found.Search))
		}
		a.must(`{ stats { entities relations articles } }`, nil, &again)
		a.must(ingest, map[string]any{"in": article}, nil, auth...)
		var twice stats
		a.must(`{ stats { entities relations articles } }`, nil, &twice)
		if twice != again {
			t.Errorf("stats after ingesting twice = %+v; want %+v", twice.Stats, again.Stats)
		}

		var del struct{ DeleteArticle bool }
		a.must(`mutation($id: ID!) { deleteArticle(id: $id) }`,
			map[string]any{"id": out.IngestArticle.Article.ID}, &del, auth...)
		a.must(`{ stats { entities relations articles } }`, nil, &after)
		if !del.DeleteArticle || after != before {
			t.Errorf("stats after delete = %+v; want %+v", after.Stats, before.Stats)
		}
		errs := a.do(`mutation($id: ID!) { deleteArticle(id: $id) }`,
			map[string]any{"id": out.IngestArticle.Article.ID}, nil, auth...)
		if code(errs) != graph.CodeNotFound {
			t.Errorf("deleting twice: code %q; want %q", code(errs), graph.CodeNotFound)
		}
		bad := map[string]any{"title": "Empty", "body": "   "}
		if errs := a.do(ingest, map[string]any{"in": bad}, nil, auth...); code(errs) !=
			graph.CodeBadUserInput {
			t.Errorf("ingesting an empty body: code %q; want %q", code(errs),
				graph.CodeBadUserInput)
		}
	})
}

func TestLimits(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{ComplexityLimit: 2000})
		tests := []struct {
			name, query, want string
		}{
			{"first too large", `{ relations(first: 101) { totalCount } }`,
				graph.CodeBadUserInput},
			{"negative first", `{ entities(first: -1) { totalCount } }`, graph.CodeBadUserInput},
			{"bad cursor", `{ relations(after: "not-a-cursor") { totalCount } }`,
				graph.CodeBadUserInput},
			{"depth too large", `{ neighborhood(of: {name: "Erik Lindqvist"}, depth: 9) {
				nodes { id } } }`, graph.CodeBadUserInput},
			{"hops too large", `{ paths(from: {name: "Erik Lindqvist"},
				to: {name: "Sweden"}, maxHops: 7) { length } }`, graph.CodeBadUserInput},
			{"unknown id", `{ neighborhood(of: {id: "no-such-id"}) { nodes { id } } }`,
				graph.CodeNotFound},
			{"unknown name", `{ neighborhood(of: {name: "Nobody Atall"}) { nodes { id } } }`,
				graph.CodeNotFound},
			{"two ways to name", `{ neighborhood(of: {name: "Sweden", id: "x"}) { nodes { id } } }`,
				graph.CodeBadUserInput},
			{"bad wikidata", `{ neighborhood(of: {wikidata: "34"}) { nodes { id } } }`,
				graph.CodeBadUserInput},
			{"too complex", `{ search(query: "a", first: 100) { ... on Person {
				relations(first: 100) { edges { node { source { name } } } } } } }`,
				"COMPLEXITY_LIMIT_EXCEEDED"},
		}
		for _, tc := range tests {
			errs := a.do(tc.query, nil, nil)
			if code(errs) != tc.want {
				t.Errorf("%s: code %q (%+v); want %q", tc.name, code(errs), errs, tc.want)
			}
			for _, e := range errs {
				if strings.Contains(e.Message, "MATCH") || strings.Contains(e.Message, ".go:") {
					t.Errorf("%s: error leaks internals: %q", tc.name, e.Message)
				}
			}
		}
		big := `{"query": "{ stats { entities } }", "pad": "` + strings.Repeat("x", 2<<20) + `"}`
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(big))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		if rec.Code < 400 {
			t.Errorf("a 2 MiB body got status %d; want a 4xx refusal", rec.Code)
		}
	})
}

func TestSubscriptionRelationAdded(t *testing.T) {
	eachStore(t, func(t *testing.T, st graph.Store, fx fixture) {
		a := newAPI(t, st, graph.Options{APIKey: testKey})
		srv := httptest.NewServer(a.h)
		defer srv.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"),
			&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			t.Fatalf("websocket dial: %v", err)
		}
		defer c.CloseNow()
		send := func(v map[string]any) {
			if err := wsjson.Write(ctx, c, v); err != nil {
				t.Fatalf("websocket write: %v", err)
			}
		}
		type msg struct {
			Type    string          `json:"type"`
			Payload json.RawMessage `json:"payload"`
		}
		recv := func() msg {
			for {
				var m msg
				if err := wsjson.Read(ctx, c, &m); err != nil {
					t.Fatalf("websocket read: %v", err)
				}
				if m.Type != "ping" && m.Type != "pong" {
					return m
				}
			}
		}
		send(map[string]any{"type": "connection_init"})
		if m := recv(); m.Type != "connection_ack" {
			t.Fatalf("got %q; want connection_ack", m.Type)
		}
		send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
			"query": `subscription { relationAdded(types: [INVITED]) { type source { name } } }`,
		}})
		time.Sleep(100 * time.Millisecond) // let the subscription register
		a.must(ingest, map[string]any{"in": article}, nil, "Authorization", "Bearer "+testKey)
		m := recv()
		if m.Type != "next" {
			t.Fatalf("got %q %s; want next", m.Type, m.Payload)
		}
		var p struct {
			Data struct {
				RelationAdded struct {
					Type   string
					Source struct{ Name string }
				}
			}
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil {
			t.Fatalf("payload %s: %v", m.Payload, err)
		}
		if got := p.Data.RelationAdded; got.Type != "INVITED" || got.Source.Name != "Haruto Tanaka" {
			t.Errorf("relationAdded = %+v; want INVITED from Haruto Tanaka", got)
		}
	})
}
