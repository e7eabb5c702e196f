package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract measures one extraction of a 500-word wire story.
func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	doc := Document{Title: title, Body: body, Published: "2024-04-10"}
	x := extractor(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractLarge measures a long body (the article repeated), to
// show that time grows linearly with size.
func BenchmarkExtractLarge(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat(string(data)+"\n", 100)
	doc := Document{Title: "Large", Body: body, Published: "2024-04-10"}
	x := extractor(b)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := x.Extract(doc); err != nil {
			b.Fatal(err)
		}
	}
}
