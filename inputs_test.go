package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/store/embedded"
)

// capture runs f with os.Stdin reading stdin and returns what it printed on
// stdout and stderr.
func capture(t *testing.T, stdin string, f func()) (stdout, stderr string) {
	t.Helper()
	oldIn, oldOut, oldErr := os.Stdin, os.Stdout, os.Stderr
	defer func() { os.Stdin, os.Stdout, os.Stderr = oldIn, oldOut, oldErr }()
	inR, inW, _ := os.Pipe()
	outR, outW, _ := os.Pipe()
	errR, errW, _ := os.Pipe()
	os.Stdin, os.Stdout, os.Stderr = inR, outW, errW
	go func() { io.WriteString(inW, stdin); inW.Close() }()
	outc, errc := make(chan string), make(chan string)
	go func() { b, _ := io.ReadAll(outR); outc <- string(b) }()
	go func() { b, _ := io.ReadAll(errR); errc <- string(b) }()
	f()
	outW.Close()
	errW.Close()
	return <-outc, <-errc
}

const twoArticles = `{"headline": "Kenya and Ghana meet", "content": "President Ana Ruiz met ` +
	`Prime Minister Tomas Vidal in Nairobi on Monday.", "date": "Mon, 10 Mar 2025 18:00:00 GMT"}
{"headline": "Chile and Peru talk", "content": "Foreign Minister Ana Ruiz visited Lima on ` +
	`Tuesday.", "date": "March 11, 2025"}
`

func TestExtractInputs(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "two.ndjson")
	os.WriteFile(jsonl, []byte(twoArticles), 0o644)
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		titles []string // of the JSON objects printed, one per line unless one
		stderr string
	}{
		{"jsonl prints one object per line", []string{jsonl}, "", 0,
			[]string{"Kenya and Ghana meet", "Chile and Peru talk"}, ""},
		{"--index picks a record", []string{"--index", "2", jsonl}, "", 0,
			[]string{"Chile and Peru talk"}, ""},
		{"--index past the end", []string{"--index", "3", jsonl}, "", 1, nil, "no record 3 (it has 2)"},
		{"stdin", []string{"-"}, twoArticles, 0,
			[]string{"Kenya and Ghana meet", "Chile and Peru talk"}, ""},
		{"--published is validated", []string{"--published", "notadate", jsonl}, "", 2, nil,
			`--published: cannot read "notadate" as a date`},
		{"--published in a feed's form", []string{"--published", "Tue, 01 Apr 2025 10:00:00 GMT",
			"--index", "1", jsonl}, "", 0, []string{"Kenya and Ghana meet"}, ""},
		{"an unknown --format", []string{"--format", "pdf", jsonl}, "", 2, nil,
			`--format: unknown kind "pdf"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var code int
			out, errOut := capture(t, tt.stdin, func() {
				code = run(context.Background(), append([]string{"extract", "--json"}, tt.args...))
			})
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Fatalf("extract %q = %d, stderr %q; want %d and %q", tt.args, code, errOut,
					tt.code, tt.stderr)
			}
			var titles []string
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(tt.titles) == 1 {
				lines = []string{out}
			}
			for _, l := range lines {
				if strings.TrimSpace(l) == "" {
					continue
				}
				var doc struct {
					Article struct{ Title, Published string }
				}
				if err := json.Unmarshal([]byte(l), &doc); err != nil {
					t.Fatalf("output line %q: %v", l, err)
				}
				titles = append(titles, doc.Article.Title)
				if strings.Contains(tt.name, "feed's form") && doc.Article.Published != "2025-04-01" {
					t.Errorf("published = %q; want 2025-04-01", doc.Article.Published)
				}
			}
			if strings.Join(titles, "|") != strings.Join(tt.titles, "|") {
				t.Errorf("titles = %q; want %q", titles, tt.titles)
			}
		})
	}
}

// TestLoadKinds loads a folder of a saved page, a feed, a CSV export and a
// photo: the articles load, the photo is listed with its reason and makes
// the status 1, and an unreadable date is a warning, not a skip.
func TestLoadKinds(t *testing.T) {
	withEmbedded(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	copyFile := func(from, to string) {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, to), b, 0o644)
	}
	copyFile("articles/testdata/formats/news-page.html", "page.html")
	copyFile("articles/testdata/formats/feed.atom", "feed.atom")
	os.WriteFile(filepath.Join(in, "export.csv"), []byte("Headline,Copy,Day\n"+
		"Laos and Thailand open bridge,VIENTIANE - Laos and Thailand opened a bridge.,"+
		"last Tuesday\n"), 0o644)
	os.WriteFile(filepath.Join(in, "photo.jpg"), []byte("\xff\xd8\xff"), 0o644)
	var code int
	out, errOut := capture(t, "", func() {
		code = run(context.Background(), []string{"load", "--data", filepath.Join(dir, "data"),
			"--map", "body=Copy,published=Day", in})
	})
	if code != 1 {
		t.Errorf("load exited %d; want 1 for the photo", code)
	}
	for _, want := range []string{
		"skipped " + filepath.Join(in, "photo.jpg") + `: unsupported kind of file ".jpg"`,
		"warning " + filepath.Join(in, "export.csv") + `:2: published: cannot read ` +
			`"last Tuesday" as a date; loaded without a publication date`,
		"warning " + filepath.Join(in, "feed.atom") + "#3: pubDate",
		"1 inputs or records not loaded",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "loaded 5 articles from 3 files") {
		t.Errorf("stdout = %q; want 5 articles from 3 files", out)
	}
}

// cancelling is a writer that cancels its context after its first write,
// as Ctrl-C would in the middle of a load.
type cancelling struct {
	*embedded.Store
	cancel context.CancelFunc
}

func (c cancelling) Upsert(ctx context.Context, b ...schema.Batch) error {
	defer c.cancel()
	return c.Store.Upsert(ctx, b...)
}

// TestLoadInterrupted checks that a load stopped midway prints one line
// saying what was written and exits 130, with no internal error.
func TestLoadInterrupted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "many.jsonl")
	var b bytes.Buffer
	for i := range 60 {
		fmt.Fprintf(&b, `{"title": "Talks %d", "body": "President Ana Ruiz met Prime `+
			`Minister Tomas Vidal in Nairobi on Monday for talks number %d."}`+"\n", i, i)
	}
	os.WriteFile(path, b.Bytes(), 0o644)
	st, err := embedded.Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	x, err := newExtractor()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var code int
	out, errOut := capture(t, "", func() {
		code = loadWith(ctx, cancelling{st, cancel}, x, []string{path}, articles.Options{})
	})
	if code != 130 {
		t.Errorf("interrupted load exited %d; want 130", code)
	}
	want := "interrupted: wrote 50 articles from 1 inputs"
	if !strings.Contains(errOut, want) || strings.Contains(errOut, "context canceled") ||
		out != "" {
		t.Errorf("stdout %q, stderr %q; want only a line starting %q", out, errOut, want)
	}
}
