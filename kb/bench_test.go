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
