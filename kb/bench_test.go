package kb

import (
	"runtime"
	"testing"
)

// BenchmarkLoad parses the embedded tables and builds the indexes, as the
// first Load does; it reports the heap the knowledge base keeps.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var k *KB
	for i := 0; i < b.N; i++ {
		var err error
		if k, err = load(dataFS); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	k = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	k, _ = load(dataFS)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(k)
}

// BenchmarkLookup times the lookups a loader makes per name, after Load.
func BenchmarkLookup(b *testing.B) {
	k := mustLoad(b)
	d := Date(20241202)
	for _, c := range []struct {
		name string
		fn   func()
	}{
		{"Country", func() { k.Country("Emirati") }},
		{"Place", func() { k.Place("Hai Phong", "Vietnam") }},
		{"PlaceMiss", func() { k.Place("Xqzzyville", "") }},
		{"Org", func() { k.Org("OAS") }},
		{"OfficeHolder", func() { k.OfficeHolder("prime minister", "Nepal", d) }},
		{"OfficesOf", func() { k.OfficesOf("Oli", d) }},
		{"Lookup", func() { k.Lookup("Moscow", d) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				c.fn()
			}
		})
	}
}
