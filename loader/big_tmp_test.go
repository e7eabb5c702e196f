package loader

import (
	"os"
	"testing"
)

func TestBigTmp(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("BIGFILE"))
	if err != nil {
		t.Skip()
	}
	x := extractor(t)
	b, err := x.Extract(Document{Title: "Big", Body: string(data), Published: "2025-05-06"})
	t.Logf("entities %d relations %d err %v", len(b.Entities), len(b.Relations), err)
}
