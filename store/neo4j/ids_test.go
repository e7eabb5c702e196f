package neo4jstore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
)

// TestIDProperties checks how Neo4j holds outside ids, for Cypher users:
// wikidata a string found through the index entity_wikidata, geonames an
// integer, iso a string, location a WGS 84 point that point.distance reads,
// and no property at all where an entity has no id.
func TestIDProperties(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	a := schema.Article{ID: schema.ID("article:ids"), Title: "Ids", Published: "2025-01-02"}
	country := schema.Entity{ID: schema.ID("country:xv"), Key: "country:xv", Type: schema.Country,
		Name: "Valdoria", Code: "XV", IDs: schema.ExternalIDs{Wikidata: "Q102", GeoNames: 7, ISO: "XV"}}
	place := schema.Entity{ID: schema.ID("place:selen"), Key: "place:selen", Type: schema.Place,
		Name: "Selen", IDs: schema.ExternalIDs{GeoNames: 8},
		Location: &schema.Location{Lat: 48.8566, Lon: 2.3522}}
	bare := schema.Entity{ID: schema.ID("place:bare"), Key: "place:bare", Type: schema.Place, Name: "Bare"}
	if err := s.Upsert(ctx, schema.Batch{Article: a,
		Entities: []schema.Entity{country, place, bare}}); err != nil {
		t.Fatalf("Upsert = %v", err)
	}

	c, _ := neo4jtest.Config()
	drv, err := neo4j.NewDriverWithContext(c.URI, neo4j.BasicAuth(c.User, c.Password, ""))
	if err != nil {
		t.Fatalf("driver: %v", err)
	}
	defer drv.Close(ctx)
	run := func(q string, params map[string]any) *neo4j.EagerResult {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, drv, q, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(c.Database), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res
	}

	res := run(`MATCH (n:Entity) WHERE n.id IN $ids
RETURN n.name, valueType(n.wikidata), valueType(n.geonames), valueType(n.iso),
  valueType(n.location), n.location.srid,
  round(point.distance(n.location, point({latitude: 48.8566, longitude: 2.4522})) / 100) * 100
ORDER BY n.name`, map[string]any{"ids": []any{country.ID, place.ID, bare.ID}})
	var got []string
	for _, r := range res.Records {
		var parts []string
		for _, v := range r.Values {
			parts = append(parts, strings.TrimSuffix(fmt.Sprint(v), " NOT NULL"))
		}
		got = append(got, strings.Join(parts, " | "))
	}
	// Selen lies 7.3 km west of the point asked for (0.1° of longitude at
	// 48.9° north).
	want := []string{
		"Bare | NULL | NULL | NULL | NULL | <nil> | <nil>",
		"Selen | NULL | INTEGER | NULL | POINT | 4326 | 7300",
		"Valdoria | STRING | INTEGER | STRING | NULL | <nil> | <nil>",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("properties =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	res = run("EXPLAIN MATCH (n:"+schema.EntityLabel+" {wikidata: $q}) RETURN n", map[string]any{"q": "Q102"})
	if plan := describe(res.Summary.Plan(), ""); !strings.Contains(plan, "NodeIndexSeek") ||
		!strings.Contains(plan, "wikidata") {
		t.Errorf("a lookup by wikidata is planned as\n%s\nwant a NodeIndexSeek on wikidata", plan)
	}
}

// describe renders a query plan, one operator a line with its details.
func describe(p neo4j.Plan, indent string) string {
	if p == nil {
		return ""
	}
	out := fmt.Sprintf("%s%s %v\n", indent, p.Operator(), p.Arguments()["Details"])
	for _, c := range p.Children() {
		out += describe(c, indent+"  ")
	}
	return out
}
