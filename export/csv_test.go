package export_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/store/embedded"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

// The Cypher that loads the CSV files as `neo4j-admin database import`
// would: the :ID, :LABEL, :START_ID, :END_ID and :TYPE columns, typed
// columns converted, arrays split at ';'.
const (
	loadNodes = "LOAD CSV WITH HEADERS FROM $url AS row\n" +
		"CREATE (n:Imported {id: row.`id:ID`, name: row.name,\n" +
		"  labels: split(row.`:LABEL`, ';'), aliases: split(row.`aliases:string[]`, ';')})"
	loadRels = "LOAD CSV WITH HEADERS FROM $url AS row\n" +
		"MATCH (a:Imported {id: row.`:START_ID`}), (b:Imported {id: row.`:END_ID`})\n" +
		"CREATE (a)-[:IMPORTED {type: row.`:TYPE`, id: row.id,\n" +
		"  confidence: toFloat(row.`confidence:double`), evidence: toInteger(row.`evidence:int`)}]->(b)"
	countImported = "MATCH (n:Imported) WITH count(n) AS nodes, " +
		"sum(CASE WHEN 'Person' IN n.labels THEN 1 ELSE 0 END) AS people\n" +
		"OPTIONAL MATCH (:Imported)-[r:IMPORTED]->(:Imported)\n" +
		"RETURN nodes, people, count(r) AS rels, sum(r.evidence) AS evidence"
)

// TestCSVImportRoundTrip exports the fixture from each store to the
// neo4j-admin CSV layout, loads the files into the real Neo4j with LOAD CSV
// (served over HTTP, as Neo4j reads them), and checks the counts against
// the store's.
func TestCSVImportRoundTrip(t *testing.T) {
	emb, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatalf("embedded.Open: %v", err)
	}
	t.Cleanup(func() { emb.Close(bg) })
	storetest.Load(t, emb, storetest.NewFixture())
	neo := neo4jtest.Open(t) // empties the database and holds it for this test
	storetest.Load(t, neo, storetest.NewFixture())

	cfg, _ := neo4jtest.Config()
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drv.Close(bg) })
	run := func(q string, params map[string]any) *neo4j.EagerResult {
		t.Helper()
		res, err := neo4j.ExecuteQuery(bg, drv, q, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(cfg.Database))
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res
	}
	for _, src := range []struct {
		name string
		st   store.Store
	}{{"embedded", emb}, {"neo4j", neo}} {
		var buf bytes.Buffer
		c, err := export.Write(bg, src.st, export.CSV, &buf, export.Options{})
		if err != nil {
			t.Fatalf("Write(csv) from %s = %v", src.name, err)
		}
		files := unzip(t, buf.Bytes())
		for _, name := range []string{"nodes.csv", "relationships.csv", "IMPORT.txt"} {
			if _, ok := files[name]; !ok {
				t.Fatalf("the CSV archive from %s has no %s", src.name, name)
			}
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write(files[r.URL.Path[1:]])
		}))
		run("MATCH (n:Imported) DETACH DELETE n", nil)
		run(loadNodes, map[string]any{"url": srv.URL + "/nodes.csv"})
		run(loadRels, map[string]any{"url": srv.URL + "/relationships.csv"})
		srv.Close()
		rec := run(countImported, nil).Records[0]
		var got []int64
		for _, k := range []string{"nodes", "people", "rels", "evidence"} {
			v, _ := rec.Get(k)
			n, _ := v.(int64)
			got = append(got, n)
		}
		stats, err := src.st.Stats(bg)
		if err != nil {
			t.Fatal(err)
		}
		evidence := 0
		err = src.st.ScanRelations(bg, store.RelationFilter{}, func(r schema.Relation) error {
			evidence += len(r.Evidence)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []int64{int64(stats.Entities), int64(stats.ByEntity[schema.Person]),
			int64(stats.Relations), int64(evidence)}
		for i, what := range []string{"nodes", "people", "relationships", "evidence sentences"} {
			if got[i] != want[i] {
				t.Errorf("from %s: imported %s = %d; want the store's %d", src.name, what,
					got[i], want[i])
			}
		}
		if c.Nodes != stats.Entities || c.Edges != stats.Relations {
			t.Errorf("Write(csv) from %s counted %+v; want %d nodes, %d edges", src.name, c,
				stats.Entities, stats.Relations)
		}
	}
}

func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the CSV export is not a zip archive: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
