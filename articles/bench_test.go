package articles

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// benchRead reads data as one input of kind k per iteration and reports
// articles/s.
func benchRead(b *testing.B, data []byte, k Kind) {
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		opts := Options{Kind: k, Stdin: strings.NewReader(string(data))}
		Read(context.Background(), Input{Name: "-", Kind: k}, opts,
			func(a Article, err error) bool {
				if err != nil {
					b.Fatal(err)
				}
				n++
				return true
			})
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReadJSONL reads 2,000 JSON Lines records of about 5 KB each, the
// shape of the real press-release corpus.
func BenchmarkReadJSONL(b *testing.B) {
	var sb strings.Builder
	body := strings.Repeat("Ministers from Kenya and Ghana met in Accra on Monday. ", 90)
	for i := range 2000 {
		fmt.Fprintf(&sb, `{"title": "Talks %d", "body": %q, "published": "2025-03-%02d", `+
			`"url": "https://example.org/%d", "source": "Example Wire"}`+"\n",
			i, body, i%28+1, i)
	}
	benchRead(b, []byte(sb.String()), JSONL)
}

// BenchmarkReadPage extracts the saved news page fixture.
func BenchmarkReadPage(b *testing.B) {
	data, err := os.ReadFile(format("news-page.html"))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, data, HTML)
}

// BenchmarkReadFeed reads the Atom feed fixture (three items).
func BenchmarkReadFeed(b *testing.B) {
	data, err := os.ReadFile(format("feed.atom"))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, data, Feed)
}
