package loader

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The loader's word lists live in lexicon/, one file a list, each with a
// header saying what the list is for, where it comes from and its licence.
// Decoding is strict: a malformed line, a repeated entry, a missing file or
// an empty list is an error naming the file and line, and loader.New fails
// with it.

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexiconRead records the lexicon files read so far, so that a test can
// check that no file is left unused.
var lexiconRead sync.Map

// eachLine calls fn with every line of a lexicon file that is neither
// blank nor a comment; an error names the file and line. A line given
// twice or a file with no entries is an error.
func eachLine(name string, fn func(string) error) error {
	return readLines(lexiconFS, name, fn)
}

// readLines is eachLine over the lexicon/ directory of fsys.
func readLines(fsys fs.FS, name string, fn func(string) error) error {
	f, err := fsys.Open("lexicon/" + name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	lexiconRead.Store(name, true)
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if first, ok := seen[line]; ok {
			return fmt.Errorf("lexicon/%s:%d: %q repeats line %d", name, n, line, first)
		}
		seen[line] = n
		if err := fn(line); err != nil {
			return fmt.Errorf("lexicon/%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon/%s: %w", name, err)
	}
	if len(seen) == 0 {
		return fmt.Errorf("lexicon/%s: no entries", name)
	}
	return nil
}

// lexReader reads lexicon files into sets and maps, keeping the first
// error; after an error it reads nothing more. It reads the embedded
// files unless fsys is set.
type lexReader struct {
	fsys fs.FS
	err  error
}

// words reads a list of single words, one a line.
func (r *lexReader) words(name string) map[string]bool {
	m := map[string]bool{}
	r.read(name, func(line string) error {
		if strings.ContainsAny(line, " \t:") {
			return fmt.Errorf("%q: want one word", line)
		}
		m[line] = true
		return nil
	})
	return m
}

// phrases reads a list of words or phrases, one a line, kept as written.
func (r *lexReader) phrases(name string) map[string]bool {
	m := map[string]bool{}
	r.read(name, func(line string) error {
		if strings.Contains(line, ":") || strings.Contains(line, "  ") {
			return fmt.Errorf("%q: want a word or words with one space between", line)
		}
		m[line] = true
		return nil
	})
	return m
}

// quoted reads a list of Go-quoted strings, one a line, in file order.
func (r *lexReader) quoted(name string) []string {
	var out []string
	r.read(name, func(line string) error {
		s, err := strconv.Unquote(line)
		if err != nil || !strings.HasPrefix(line, `"`) || s == "" {
			return fmt.Errorf("%s: want a non-empty double-quoted string", line)
		}
		out = append(out, s)
		return nil
	})
	return out
}

// pairs reads "key:value" lines; the key may hold spaces, neither part may
// be empty and no key may come twice.
func (r *lexReader) pairs(name string) map[string]string {
	m := map[string]string{}
	r.read(name, func(line string) error {
		k, v, ok := strings.Cut(line, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" || strings.Contains(v, ":") {
			return fmt.Errorf("%q: want key:value", line)
		}
		if _, dup := m[k]; dup {
			return fmt.Errorf("%q: key given twice", k)
		}
		m[k] = v
		return nil
	})
	return m
}

// choice reads "key:value" lines whose value is one of values.
func (r *lexReader) choice(name string, values ...string) map[string]string {
	m := map[string]string{}
	r.read(name, func(line string) error {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" || !slices.Contains(values, v) {
			return fmt.Errorf("%q: want key:%s", line, strings.Join(values, "|"))
		}
		if _, dup := m[k]; dup {
			return fmt.Errorf("%q: key given twice", k)
		}
		m[k] = v
		return nil
	})
	return m
}

// ints reads "key:number" lines.
func (r *lexReader) ints(name string) map[string]int {
	m := map[string]int{}
	r.read(name, func(line string) error {
		k, v, ok := strings.Cut(line, ":")
		n, err := strconv.Atoi(v)
		if !ok || k == "" || err != nil {
			return fmt.Errorf("%q: want key:number", line)
		}
		if _, dup := m[k]; dup {
			return fmt.Errorf("%q: key given twice", k)
		}
		m[k] = n
		return nil
	})
	return m
}

func (r *lexReader) read(name string, fn func(string) error) {
	fsys := r.fsys
	if fsys == nil {
		fsys = lexiconFS
	}
	if r.err == nil {
		r.err = readLines(fsys, name, fn)
	}
}

// pkgLex reads the word lists that package-level sets of the rule files
// are built from; newGazetteer reports its error, so that loader.New fails.
var pkgLex lexReader

// errLexicon joins the errors of the lexicon readers.
func errLexicon(rs ...*lexReader) error {
	var errs []error
	for _, r := range rs {
		errs = append(errs, r.err)
	}
	return errors.Join(errs...)
}

// refersBack turns the kind "-" of a noun that only refers back to an
// event (nominal-events.txt) into "".
func refersBack(m map[string]string) map[string]string {
	for k, v := range m {
		if v == "-" {
			m[k] = ""
		}
	}
	return m
}

// severalFlags turns "one"/"several" (nominal-agreements.txt) into whether
// the noun is a plural that refers to several.
func severalFlags(m map[string]string) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v == "several"
	}
	return out
}

// wordsByKey turns "key:word word ..." (telling-verbs.txt) into a set of
// words for each key.
func wordsByKey(m map[string]string) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(m))
	for k, v := range m {
		out[k] = wordSet(v)
	}
	return out
}

// setOf returns the set of the strings of list.
func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}
