package export_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/diplograph/diplograph/export"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store/embedded"
)

// benchGraph fills an embedded store with a graph the size of the State
// Department corpus as loaded (about 10,000 entities, 6,000 relations with
// evidence, 2,000 articles): people holding office in countries, calling
// and meeting each other.
func benchGraph(b *testing.B) *embedded.Store {
	b.Helper()
	st, err := embedded.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close(bg) })
	const articles, people, countries = 2000, 8000, 200
	ent := func(t schema.EntityType, name string) schema.Entity {
		k := schema.EntityKey(t, name)
		return schema.Entity{ID: schema.ID(k), Key: k, Type: t, Name: name}
	}
	var batches []schema.Batch
	for a := range articles {
		art := schema.Article{ID: schema.ID(fmt.Sprint("article:", a)),
			Title: fmt.Sprint("Readout ", a), Published: fmt.Sprintf("2022-%02d-10", a%12+1)}
		p1, p2 := ent(schema.Person, fmt.Sprint("Person ", a*4%people)),
			ent(schema.Person, fmt.Sprint("Person ", (a*4+1)%people))
		c1, c2 := ent(schema.Country, fmt.Sprint("Country ", a%countries)),
			ent(schema.Country, fmt.Sprint("Country ", (a+7)%countries))
		rel := func(t schema.RelationType, s, d schema.Entity, date string) schema.Relation {
			info, _ := schema.Info(t)
			sentence := fmt.Sprintf("%s and %s spoke about trade in article %d.", s.Name, d.Name, a)
			return schema.Relation{ID: schema.ID(schema.RelationKey(t, s.Key, d.Key, date)),
				Type: t, Source: s.ID, Target: d.ID, Date: date, Cameo: info.Cameo,
				Plover: info.Plover, Confidence: 0.8, Evidence: []schema.Evidence{{
					Article: art.ID, Sentence: sentence, End: len(sentence)}}}
		}
		batches = append(batches, schema.Batch{Article: art,
			Entities: []schema.Entity{p1, p2, c1, c2, ent(schema.Event, fmt.Sprint("Talks ", a))},
			Relations: []schema.Relation{rel(schema.Called, p1, p2, art.Published),
				rel(schema.HoldsOffice, p1, c1, ""), rel(schema.HoldsOffice, p2, c2, "")}})
	}
	if err := st.Upsert(bg, batches...); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkExport measures each format over benchGraph, written to
// io.Discard: the cost of the two scans and the encoding.
func BenchmarkExport(b *testing.B) {
	st := benchGraph(b)
	for _, f := range export.Formats {
		b.Run(string(f), func(b *testing.B) {
			var c export.Counts
			for b.Loop() {
				var err error
				if c, err = export.Write(bg, st, f, io.Discard, export.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(c.Nodes), "nodes")
			b.ReportMetric(float64(c.Edges), "edges")
		})
	}
}
