package export_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store/embedded"
)

// TestExportsCarryIDs checks that every format carries linked entities'
// outside ids and places' coordinates, and that networkx reads them with
// their types.
func TestExportsCarryIDs(t *testing.T) {
	st, err := embedded.Open(t.TempDir())
	if err != nil {
		t.Fatalf("embedded.Open: %v", err)
	}
	t.Cleanup(func() { st.Close(bg) })
	ent := func(typ schema.EntityType, name string) schema.Entity {
		key := schema.EntityKey(typ, name)
		return schema.Entity{ID: schema.ID(key), Key: key, Type: typ, Name: name}
	}
	se := ent(schema.Country, "Sweden")
	se.Code, se.IDs = "SE", schema.ExternalIDs{Wikidata: "Q34", GeoNames: 2661886, ISO: "SE"}
	oslo := ent(schema.Place, "Oslo")
	oslo.IDs, oslo.Location = schema.ExternalIDs{GeoNames: 3143244}, &schema.Location{Lat: 59.91273, Lon: -10.5}
	berg := ent(schema.Person, "Ingrid Berg")
	a := schema.Article{ID: schema.ID("article:ids"), Title: "Berg in Oslo", Published: "2025-07-01"}
	s := "Ingrid Berg of Sweden arrived in Oslo."
	rel := func(typ schema.RelationType, src, dst schema.Entity) schema.Relation {
		return schema.Relation{ID: schema.ID(schema.RelationKey(typ, src.Key, dst.Key, "2025-07-01")),
			Type: typ, Source: src.ID, Target: dst.ID, Date: "2025-07-01",
			Evidence: []schema.Evidence{{Article: a.ID, Sentence: s, Start: 0, End: len(s)}}}
	}
	if err := st.Upsert(bg, schema.Batch{Article: a, Entities: []schema.Entity{se, oslo, berg},
		Relations: []schema.Relation{rel(schema.Visited, berg, oslo), rel(schema.Visited, se, oslo)}}); err != nil {
		t.Fatalf("Upsert = %v", err)
	}

	var buf bytes.Buffer
	if _, err := export.Write(bg, st, export.CSV, &buf, export.Options{}); err != nil {
		t.Fatalf("Write(csv) = %v", err)
	}
	nodes := string(unzip(t, buf.Bytes())["nodes.csv"])
	for _, want := range []string{
		"wikidata,geonames:long,location:point{crs:WGS-84}",
		"Sweden,,,,SE,2025-07-01,2025-07-01,Q34,2661886,\n",
		"Oslo,,,,,2025-07-01,2025-07-01,,3143244,\"{latitude:59.91273,longitude:-10.5}\"\n",
		"Ingrid Berg,,,,,2025-07-01,2025-07-01,,,\n",
	} {
		if !strings.Contains(nodes, want) {
			t.Errorf("nodes.csv has no %q:\n%s", want, nodes)
		}
	}
	buf.Reset()
	if _, err := export.Write(bg, st, export.JSONL, &buf, export.Options{}); err != nil {
		t.Fatalf("Write(jsonl) = %v", err)
	}
	if !strings.Contains(buf.String(), `"source":{"id":"`+se.ID+`","name":"Sweden","type":"COUNTRY","wikidata":"Q34"}`) {
		t.Errorf("the JSONL facts name no Wikidata id for Sweden:\n%s", buf.String())
	}

	py := python(t)
	for _, f := range []export.Format{export.GEXF, export.GraphML, export.Cytoscape} {
		path, _ := exportFile(t, st, f, export.Options{})
		rb := read(t, py, f, path)
		got := func(id string) string {
			n := rb.Nodes[id]
			return fmt.Sprintf("%v %v %v %v", n["wikidata"], n["geonames"], n["latitude"], n["longitude"])
		}
		for _, c := range []struct{ id, want string }{
			{se.ID, "Q34 2.661886e+06 <nil> <nil>"},
			{oslo.ID, "<nil> 3.143244e+06 59.91273 -10.5"},
			{berg.ID, "<nil> <nil> <nil> <nil>"},
		} {
			if g := got(c.id); g != c.want {
				data, _ := os.ReadFile(path)
				t.Errorf("%s: node %s reads back as %s; want %s\n%s", f, c.id, g, c.want, data)
			}
		}
	}
}
