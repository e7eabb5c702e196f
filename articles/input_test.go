package articles

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// in names a fixture of testdata/input.
func in(name string) string { return filepath.Join("testdata", "input", name) }

func TestReadFile(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want []Article
	}{
		{"plain.txt", Options{}, []Article{{
			Title: "Kenya and Tanzania agree border post",
			Body: "\n\nKenya and Tanzania agree border post\n\n" +
				"NAIROBI, May 2 - Kenya and Tanzania agreed on Friday " +
				"to open a joint border post.\n",
			Path: in("plain.txt"),
		}}},
		{"front.txt", Options{}, []Article{{
			Title:     `Chile and Peru sign "Pacific" fisheries pact`,
			Body:      "LIMA, March 5 - Chile and Peru signed a fisheries pact on Tuesday.\n",
			Published: "2024-03-05", URL: "https://example.org/chile-peru",
			Source: "Example Wire", Path: in("front.txt"),
		}}},
		{"crlf.txt", Options{}, []Article{{
			Title:     "Fiji hosts forum",
			Body:      "SUVA, Nov 7 - Fiji hosted the forum.\r\nLeaders attended.\r\n",
			Published: "2023-11-07", Path: in("crlf.txt"),
		}}},
		{"headline.md", Options{}, []Article{{
			Title: "Ghana president visits Accra market",
			Body: "\n# Ghana president visits Accra market\n\n" +
				"ACCRA, Jan 9 - The president visited the market.\n",
			Source: "Example Wire", Path: in("headline.md"),
		}}},
		{"bom.txt", Options{}, []Article{{
			Title: "Laos and Thailand open bridge", Body: "Laos and Thailand open bridge\n",
			Path: in("bom.txt"),
		}}},
		{"baddate.txt", Options{}, []Article{{
			Title: "Bad date", Body: "Leaders met.\n", Path: in("baddate.txt"),
			Warnings: []string{`front matter field published: cannot read "last Tuesday" ` +
				"as a date; loaded without a publication date"},
		}}},
		{"article.json", Options{}, []Article{{
			Title:     "Senegal and Mali hold talks",
			Body:      "DAKAR, June 1 - Senegal and Mali held talks on Sunday.",
			Published: "2024-06-02", URL: "https://example.org/senegal-mali",
			Source: "Example Wire", Path: in("article.json"),
		}}},
		{"text.json", Options{}, []Article{{
			Title:     "Vietnam hosts ASEAN ministers",
			Body:      "\nVietnam hosts ASEAN ministers\nHANOI - Ministers met.",
			Published: "2024-07-20", Path: in("text.json"),
		}}},
		{"array.json", Options{}, []Article{{Title: "A", Body: "B", Path: in("array.json") + "#1"}}},
		{"wrongtype.json", Options{}, []Article{{Title: "5", Body: "Text",
			Path: in("wrongtype.json")}}},
		{"articles.jsonl", Options{}, []Article{
			{Title: "Samoa and Tonga meet", Body: "APIA - Samoa and Tonga met.",
				Published: "2024-02-01", Path: in("articles.jsonl") + ":1"},
			{Title: "Bolivia invites Paraguay", Body: "LA PAZ - Bolivia invited Paraguay.",
				Source: "Example Wire", Path: in("articles.jsonl") + ":3"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := ReadFile(in(tt.name), tt.opts)
			if len(errs) != 0 {
				t.Fatalf("ReadFile(%q) errors = %v; want none", tt.name, errs)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReadFile(%q) =\n%#v\nwant\n%#v", tt.name, got, tt.want)
			}
		})
	}
}

// TestReadFileBodyOffsets checks that Body is the file's text after the front
// matter byte for byte, so offsets in it map to offsets in the file.
func TestReadFileBodyOffsets(t *testing.T) {
	for _, name := range []string{"plain.txt", "front.txt", "crlf.txt", "headline.md"} {
		data, err := os.ReadFile(in(name))
		if err != nil {
			t.Fatal(err)
		}
		arts, errs := ReadFile(in(name), Options{})
		if len(arts) != 1 || len(errs) != 0 {
			t.Fatalf("ReadFile(%q) = %d articles, %v; want 1, none", name, len(arts), errs)
		}
		if !strings.HasSuffix(string(data), arts[0].Body) {
			t.Errorf("ReadFile(%q).Body = %q; want a suffix of the file %q",
				name, arts[0].Body, data)
		}
	}
}

func TestReadFileInputErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want error  // errors.Is target
		line int    // line of the *InputError
		msg  string // in the message
	}{
		{"empty.txt", Options{}, ErrEmpty, 0, "file is empty"},
		{"blank.md", Options{}, ErrEmpty, 0, "file is empty"},
		{"binary.txt", Options{}, ErrBinary, 0, "NUL byte at offset 4"},
		{"noise.md", Options{}, ErrBinary, 0, "bytes are not text"},
		{"latin1.txt", Options{}, ErrInvalidUTF8, 2, "invalid UTF-8 at byte offset 12"},
		{"malformed.json", Options{}, ErrMalformed, 0, "malformed JSON at byte offset 40"},
		{"nobody.json", Options{}, ErrNoBody, 0, `no article text (its "body" is empty)`},
		{"nobody.txt", Options{}, ErrNoBody, 0, "no article text"},
		{"unclosed.txt", Options{}, ErrMalformed, 1, "front matter is not closed"},
		{"unclosed2.txt", Options{}, ErrMalformed, 1, "front matter is not closed"},
		{"badkey.txt", Options{}, ErrMalformed, 3, `"this line has no colon"`},
		{"plain.txt", Options{MaxBytes: 10}, ErrTooLarge, 0, "over the limit of 10 bytes"},
		{"articles.jsonl", Options{MaxRecord: 20}, ErrTooLarge, 1, "over the limit of 20"},
		{"notes.csv", Options{}, ErrMalformed, 1, `none of "a", "b" is a body field`},
		{"missing.txt", Options{}, fs.ErrNotExist, 0, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := in(tt.name)
			arts, errs := ReadFile(path, tt.opts)
			if len(errs) == 0 || !errors.Is(errs[0], tt.want) {
				t.Fatalf("ReadFile(%q) errors = %v; want %v", tt.name, errs, tt.want)
			}
			if len(arts) != 0 {
				t.Errorf("ReadFile(%q) = %v; want no articles", tt.name, arts)
			}
			var ie *InputError
			if !errors.As(errs[0], &ie) {
				t.Fatalf("ReadFile(%q) error %T; want an *InputError", tt.name, errs[0])
			}
			if ie.Path != path || ie.Line != tt.line {
				t.Errorf("ReadFile(%q) error at %s:%d; want %s:%d",
					tt.name, ie.Path, ie.Line, path, tt.line)
			}
			if !strings.HasPrefix(ie.Error(), path) || !strings.Contains(ie.Error(), tt.msg) {
				t.Errorf("ReadFile(%q) error = %q; want it to start with %q and contain %q",
					tt.name, ie.Error(), path, tt.msg)
			}
		})
	}
}

// TestReadFileJSONLBadLines checks that bad lines of a JSONL file are
// reported one by one while the good articles are still returned.
func TestReadFileJSONLBadLines(t *testing.T) {
	tests := []struct {
		name      string
		wantPaths []string
		wantLines []int
		wantErrs  []error
	}{
		{"mixed.jsonl", []string{":1", ":3", ":5"}, []int{2, 4},
			[]error{ErrMalformed, ErrNoBody}},
		{"badutf8.jsonl", []string{":1"}, []int{2}, []error{ErrInvalidUTF8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := in(tt.name)
			arts, errs := ReadFile(path, Options{})
			var paths []string
			for _, a := range arts {
				paths = append(paths, strings.TrimPrefix(a.Path, path))
			}
			if !reflect.DeepEqual(paths, tt.wantPaths) {
				t.Errorf("ReadFile(%q) paths = %q; want %q", tt.name, paths, tt.wantPaths)
			}
			var lines []int
			for i, e := range errs {
				var ie *InputError
				if i >= len(tt.wantErrs) || !errors.As(e, &ie) || !errors.Is(e, tt.wantErrs[i]) {
					t.Errorf("error %d = %v; want an *InputError of %v", i, e, tt.wantErrs)
					continue
				}
				lines = append(lines, ie.Line)
			}
			if !reflect.DeepEqual(lines, tt.wantLines) {
				t.Errorf("ReadFile(%q) error lines = %v; want %v (%v)",
					tt.name, lines, tt.wantLines, errs)
			}
		})
	}
	_, errs := ReadFile(in("badutf8.jsonl"), Options{})
	want := "badutf8.jsonl:2: invalid UTF-8 at byte offset 48"
	if len(errs) != 1 || !strings.HasSuffix(errs[0].Error(), want) {
		t.Errorf("ReadFile(badutf8.jsonl) errors = %q; want one ending with %q", errs, want)
	}
}

func TestWalk(t *testing.T) {
	root := in("walk")
	tests := []struct {
		name  string
		paths []string
		want  []string
		errs  []string // in the messages, one per error
	}{
		{"folder", []string{root}, []string{"A.TXT", "sub/a.json", "sub/b.md",
			"sub/deeper/c.jsonl", "sub/skip.csv", "z.txt"}, nil},
		{"file and folder once each", []string{root + "/z.txt", root + "/sub", root + "/sub/b.md"},
			[]string{"z.txt", "sub/a.json", "sub/b.md", "sub/deeper/c.jsonl", "sub/skip.csv"}, nil},
		{"missing path", []string{root + "/nope", root + "/sub/deeper"},
			[]string{"sub/deeper/c.jsonl"}, []string{"nope: no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, errs := Walk(tt.paths, Options{})
			var got []string
			for _, in := range ins {
				rel, err := filepath.Rel(root, in.Name)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, filepath.ToSlash(rel))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Walk(%q) = %q; want %q", tt.paths, got, tt.want)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("Walk(%q) errors = %v; want %q", tt.paths, errs, tt.errs)
			}
			for i, err := range errs {
				if !strings.Contains(err.Error(), tt.errs[i]) {
					t.Errorf("Walk error %d = %v; want one containing %q", i, err, tt.errs[i])
				}
			}
		})
	}
}
