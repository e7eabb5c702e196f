package loader

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
		opts ReadOptions
		want []Document
	}{
		{"plain.txt", ReadOptions{}, []Document{{
			Title: "Kenya and Tanzania agree border post",
			Body: "\n\nKenya and Tanzania agree border post\n\n" +
				"NAIROBI, May 2 - Kenya and Tanzania agreed on Friday " +
				"to open a joint border post.\n",
			Path: in("plain.txt"),
		}}},
		{"front.txt", ReadOptions{}, []Document{{
			Title:     `Chile and Peru sign "Pacific" fisheries pact`,
			Body:      "LIMA, March 5 - Chile and Peru signed a fisheries pact on Tuesday.\n",
			Published: "2024-03-05", URL: "https://example.org/chile-peru",
			Source: "Example Wire", Path: in("front.txt"),
		}}},
		{"crlf.txt", ReadOptions{}, []Document{{
			Title:     "Fiji hosts forum",
			Body:      "SUVA, Nov 7 - Fiji hosted the forum.\r\nLeaders attended.\r\n",
			Published: "2023-11-07", Path: in("crlf.txt"),
		}}},
		{"headline.md", ReadOptions{}, []Document{{
			Title: "Ghana president visits Accra market",
			Body: "\n# Ghana president visits Accra market\n\n" +
				"ACCRA, Jan 9 - The president visited the market.\n",
			Source: "Example Wire", Path: in("headline.md"),
		}}},
		{"bom.txt", ReadOptions{}, []Document{{
			Title: "Laos and Thailand open bridge", Body: "Laos and Thailand open bridge\n",
			Path: in("bom.txt"),
		}}},
		{"article.json", ReadOptions{}, []Document{{
			Title:     "Senegal and Mali hold talks",
			Body:      "DAKAR, June 1 - Senegal and Mali held talks on Sunday.",
			Published: "2024-06-02", URL: "https://example.org/senegal-mali",
			Source: "Example Wire", Path: in("article.json"),
		}}},
		{"text.json", ReadOptions{}, []Document{{
			Title:     "Vietnam hosts ASEAN ministers",
			Body:      "\nVietnam hosts ASEAN ministers\nHANOI - Ministers met.",
			Published: "2024-07-20", Path: in("text.json"),
		}}},
		{"articles.jsonl", ReadOptions{}, []Document{
			{Title: "Samoa and Tonga meet", Body: "APIA - Samoa and Tonga met.",
				Published: "2024-02-01", Path: in("articles.jsonl") + ":1"},
			{Title: "Bolivia invites Paraguay", Body: "LA PAZ - Bolivia invited Paraguay.",
				Source: "Example Wire", Path: in("articles.jsonl") + ":3"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadFile(in(tt.name), tt.opts)
			if err != nil {
				t.Fatalf("ReadFile(%q) error = %v; want nil", tt.name, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ReadFile(%q) =\n%#v\nwant\n%#v", tt.name, got, tt.want)
			}
		})
	}
}

// TestReadFileBodyOffsets checks that Body is the file's text after the front
// matter byte for byte, so offsets into Body plus the front matter's length
// are offsets into the file.
func TestReadFileBodyOffsets(t *testing.T) {
	for _, name := range []string{"front.txt", "crlf.txt", "headline.md", "plain.txt"} {
		data, err := os.ReadFile(in(name))
		if err != nil {
			t.Fatal(err)
		}
		docs, err := ReadFile(in(name), ReadOptions{})
		if err != nil || len(docs) != 1 {
			t.Fatalf("ReadFile(%q) = %d docs, %v; want 1, nil", name, len(docs), err)
		}
		if got := string(data); !strings.HasSuffix(got, docs[0].Body) {
			t.Errorf("ReadFile(%q).Body = %q; want a suffix of the file %q",
				name, docs[0].Body, got)
		}
	}
}

func TestReadFileInputErrors(t *testing.T) {
	tests := []struct {
		name string
		opts ReadOptions
		want error  // sentinel
		line int    // line of the *InputError
		msg  string // part of the message
	}{
		{"empty.txt", ReadOptions{}, ErrEmpty, 0, "file is empty"},
		{"blank.md", ReadOptions{}, ErrEmpty, 0, "file is empty"},
		{"binary.txt", ReadOptions{}, ErrBinary, 0, "NUL byte at offset 4"},
		{"noise.md", ReadOptions{}, ErrBinary, 0, "bytes are not text"},
		{"latin1.txt", ReadOptions{}, ErrInvalidUTF8, 2, "invalid UTF-8 at byte offset 12"},
		{"malformed.json", ReadOptions{}, ErrMalformed, 0, "malformed JSON at line 3"},
		{"array.json", ReadOptions{}, ErrMalformed, 0, "want one JSON object"},
		{"wrongtype.json", ReadOptions{}, ErrMalformed, 0, "field title: want a string"},
		{"nobody.json", ReadOptions{}, ErrNoBody, 0, `want a "body" or "text" field`},
		{"nobody.txt", ReadOptions{}, ErrNoBody, 0, "no article text"},
		{"unclosed.txt", ReadOptions{}, ErrMalformed, 1, "front matter is not closed"},
		{"unclosed2.txt", ReadOptions{}, ErrMalformed, 1, "front matter is not closed"},
		{"badkey.txt", ReadOptions{}, ErrMalformed, 3, `"this line has no colon"`},
		{"baddate.txt", ReadOptions{}, ErrMalformed, 0, `published: cannot parse "last Tuesday"`},
		{"plain.txt", ReadOptions{MaxBytes: 10}, ErrTooLarge, 0, "over the limit of 10 bytes"},
		{"articles.jsonl", ReadOptions{MaxLine: 20}, ErrTooLarge, 1, "over the limit of 20"},
		{"notes.csv", ReadOptions{}, ErrUnsupported, 0, `unsupported extension ".csv"`},
		{"missing.txt", ReadOptions{}, fs.ErrNotExist, 0, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := in(tt.name)
			docs, err := ReadFile(path, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ReadFile(%q) error = %v; want %v", tt.name, err, tt.want)
			}
			if tt.name != "articles.jsonl" && docs != nil {
				t.Errorf("ReadFile(%q) = %v; want no documents", tt.name, docs)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("ReadFile(%q) error %T; want an *InputError", tt.name, err)
			}
			if ie.Path != path || ie.Line != tt.line {
				t.Errorf("ReadFile(%q) error at %s:%d; want %s:%d",
					tt.name, ie.Path, ie.Line, path, tt.line)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.msg) || !strings.HasPrefix(msg, path) {
				t.Errorf("ReadFile(%q) error = %q; want it to start with %q and contain %q",
					tt.name, msg, path, tt.msg)
			}
		})
	}
}

// TestReadFileJSONLBadLines checks that bad lines of a JSONL file are
// reported one by one while the good documents are still returned.
func TestReadFileJSONLBadLines(t *testing.T) {
	tests := []struct {
		name      string
		wantPaths []string
		wantLines []int
		wantErrs  []error
	}{
		{"mixed.jsonl", []string{":1", ":3"}, []int{2, 4, 5},
			[]error{ErrMalformed, ErrNoBody, ErrMalformed}},
		{"badutf8.jsonl", []string{":1"}, []int{2}, []error{ErrInvalidUTF8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := in(tt.name)
			docs, err := ReadFile(path, ReadOptions{})
			var paths []string
			for _, d := range docs {
				paths = append(paths, strings.TrimPrefix(d.Path, path))
			}
			if !reflect.DeepEqual(paths, tt.wantPaths) {
				t.Errorf("ReadFile(%q) paths = %q; want %q", tt.name, paths, tt.wantPaths)
			}
			joined, ok := err.(interface{ Unwrap() []error })
			if !ok {
				t.Fatalf("ReadFile(%q) error = %#v; want an errors.Join", tt.name, err)
			}
			var lines []int
			for i, e := range joined.Unwrap() {
				var ie *InputError
				if !errors.As(e, &ie) || !errors.Is(e, tt.wantErrs[i]) {
					t.Errorf("error %d = %v; want an *InputError of %v", i, e, tt.wantErrs[i])
					continue
				}
				lines = append(lines, ie.Line)
			}
			if !reflect.DeepEqual(lines, tt.wantLines) {
				t.Errorf("ReadFile(%q) error lines = %v; want %v (%v)",
					tt.name, lines, tt.wantLines, err)
			}
		})
	}
	_, err := ReadFile(in("badutf8.jsonl"), ReadOptions{})
	want := "badutf8.jsonl:2: invalid UTF-8 at byte offset 48"
	if !strings.HasSuffix(err.Error(), want) {
		t.Errorf("ReadFile(badutf8.jsonl) error = %q; want it to end with %q", err, want)
	}
}

func TestWalk(t *testing.T) {
	root := in("walk")
	tests := []struct {
		name  string
		paths []string
		want  []string
		errs  int
	}{
		{"folder", []string{root}, []string{"A.TXT", "sub/a.json", "sub/b.md",
			"sub/deeper/c.jsonl", "z.txt"}, 0},
		{"file and folder once each", []string{root + "/z.txt", root + "/sub", root + "/sub/b.md"},
			[]string{"z.txt", "sub/a.json", "sub/b.md", "sub/deeper/c.jsonl"}, 0},
		{"explicit file kept", []string{root + "/sub/skip.csv"}, []string{"sub/skip.csv"}, 0},
		{"missing path", []string{root + "/nope", root + "/sub/deeper"},
			[]string{"sub/deeper/c.jsonl"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, errs := Walk(tt.paths)
			var got []string
			for _, f := range files {
				rel, err := filepath.Rel(root, f)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, filepath.ToSlash(rel))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Walk(%q) = %q; want %q", tt.paths, got, tt.want)
			}
			if len(errs) != tt.errs {
				t.Fatalf("Walk(%q) errors = %v; want %d", tt.paths, errs, tt.errs)
			}
			for _, err := range errs {
				if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "nope") {
					t.Errorf("Walk error = %v; want one naming the missing path", err)
				}
			}
		})
	}
}
