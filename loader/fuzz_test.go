package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph/schema"
)

// FuzzExtract checks that Extract never panics, returns only its documented
// errors, and keeps evidence inside the body, whatever the input.
func FuzzExtract(f *testing.F) {
	f.Add("On Monday, Chilean President Tomás Aravena called Prime Minister Carvalho.",
		"2025-05-05")
	f.Add("ACCRA, May 30 - Ghana's Ama Owusu and Senegal's Moussa Diallo, "+
		"who, the two, their, signed the documents.\nAdvertisement\n", "2022-05-30")
	f.Add("\"He said,\" ... U.S. U.N. S. K.P. Gen. 3.5 30,000 May 7-10, 2025-13-45", "")
	f.Add("the two leaders, both sides; his host's counterpart, its, and, of the", "bad")
	if data, err := os.ReadFile(filepath.Join("testdata", "bench-article.txt")); err == nil {
		f.Add(string(data), "2024-04-10")
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, body, published string) {
		b, err := x.Extract(Document{Title: "Fuzz", Body: body, Published: published})
		if err != nil {
			known := errors.Is(err, ErrEmpty) || errors.Is(err, ErrInvalidUTF8) ||
				errors.Is(err, ErrBinary) || errors.Is(err, ErrTooLarge)
			if !known {
				t.Fatalf("Extract(%q) = unexpected error %v", body, err)
			}
			if utf8.ValidString(body) && !strings.ContainsRune(body, 0) &&
				strings.TrimSpace(body) != "" {
				t.Fatalf("Extract(%q) = %v for a readable body", body, err)
			}
			return
		}
		for _, r := range b.Relations {
			for _, ev := range r.Evidence {
				if ev.Start < 0 || ev.End > len(body) || ev.Start > ev.End ||
					schema.OneLine(body[ev.Start:ev.End]) != ev.Sentence {
					t.Fatalf("evidence [%d,%d) outside body %q", ev.Start, ev.End, body)
				}
			}
		}
		if _, err := EvalJSON(b); err != nil {
			t.Fatalf("EvalJSON: %v", err)
		}
	})
}
