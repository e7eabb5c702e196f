package loader

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLexiconFiles checks every word list in lexicon/: it has the
// provenance header, loads, is not empty, holds no entry twice, and New
// reads it.
func TestLexiconFiles(t *testing.T) {
	extractor(t)
	files, err := fs.Glob(lexiconFS, "lexicon/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no lexicon files (%v)", err)
	}
	for _, path := range files {
		name := strings.TrimPrefix(path, "lexicon/")
		data, err := fs.ReadFile(lexiconFS, path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if !strings.HasPrefix(text, "# loader/lexicon/"+name+" — ") {
			t.Errorf("%s: header does not start with the file's path and what it holds", name)
		}
		for _, want := range []string{"# Source:", "Licence: Apache-2.0", "# Format:"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: header lacks %q", name, want)
			}
		}
		keys := map[string]int{}
		n := 0
		err = eachLine(name, func(line string) error {
			n++
			key := line
			if k, _, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, `"`) {
				key = k
			}
			if first, ok := keys[key]; ok {
				t.Errorf("%s: entry %d repeats %q of entry %d", name, n, key, first)
			}
			keys[key] = n
			return nil
		})
		if err != nil {
			t.Errorf("%v", err)
		}
		if n == 0 {
			t.Errorf("%s: empty", name)
		}
		if _, ok := lexiconRead.Load(name); !ok {
			t.Errorf("%s: New never reads it", name)
		}
	}
}

// TestLexiconStrict checks that a malformed list fails with the file and
// line named.
func TestLexiconStrict(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"lexicon/spaced.txt":   file("# a header\nalpha\nbeta gamma\n"),
		"lexicon/twice.txt":    file("alpha\nbeta\nalpha\n"),
		"lexicon/empty.txt":    file("# only a header\n\n"),
		"lexicon/nopair.txt":   file("alpha:one\nbeta\n"),
		"lexicon/nokey.txt":    file(":one\n"),
		"lexicon/keytwice.txt": file("alpha:one\nalpha:two\n"),
		"lexicon/holiday.txt":  file("boxing day:12-26\nmidsummer:6-31x\n"),
		"lexicon/unquoted.txt": file("\"read also\"\nsee also\n"),
		"lexicon/notint.txt":   file("may:5\njune:six\n"),
	}
	for _, c := range []struct {
		name string
		read func(r *lexReader, name string)
		want string
	}{
		{"spaced.txt", func(r *lexReader, n string) { r.words(n) }, "lexicon/spaced.txt:3"},
		{"twice.txt", func(r *lexReader, n string) { r.words(n) }, "lexicon/twice.txt:3"},
		{"empty.txt", func(r *lexReader, n string) { r.words(n) }, "lexicon/empty.txt: no entries"},
		{"nopair.txt", func(r *lexReader, n string) { r.pairs(n) }, "lexicon/nopair.txt:2"},
		{"nokey.txt", func(r *lexReader, n string) { r.pairs(n) }, "lexicon/nokey.txt:1"},
		{"keytwice.txt", func(r *lexReader, n string) { r.pairs(n) }, "lexicon/keytwice.txt:2"},
		{"notint.txt", func(r *lexReader, n string) { r.ints(n) }, "lexicon/notint.txt:2"},
		{"holiday.txt", func(r *lexReader, n string) { readHolidays(r, n) }, "lexicon/holiday.txt:2"},
		{"unquoted.txt", func(r *lexReader, n string) { r.quoted(n) }, "lexicon/unquoted.txt:2"},
		{"missing.txt", func(r *lexReader, n string) { r.words(n) }, "lexicon/missing.txt"},
	} {
		r := &lexReader{fsys: fsys}
		c.read(r, c.name)
		if r.err == nil || !strings.Contains(r.err.Error(), c.want) {
			t.Errorf("%s: error %v, want one naming %q", c.name, r.err, c.want)
		}
		if err := errLexicon(&lexReader{}, r); err == nil {
			t.Errorf("%s: errLexicon drops the error", c.name)
		}
	}
	good := &lexReader{fsys: fstest.MapFS{"lexicon/ok.txt": file("# h\nprime minister:Prime Minister*\n")}}
	if m := good.pairs("ok.txt"); m["prime minister"] != "Prime Minister*" || good.err != nil {
		t.Errorf("pairs = %v, %v", m, good.err)
	}
}

// TestLexiconFailsNew checks that New fails, naming the file, when a word
// list of a rule file could not be read.
func TestLexiconFailsNew(t *testing.T) {
	saved := pkgLex
	defer func() { pkgLex = saved }()
	pkgLex.words("no-such-list.txt")
	if _, err := New(DefaultOptions()); err == nil || !strings.Contains(err.Error(), "lexicon/no-such-list.txt") {
		t.Errorf("New = %v, want an error naming lexicon/no-such-list.txt", err)
	}
}
