package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// fromTgz reads one file from an npm package tarball.
func fromTgz(archive, name string) ([]byte, error) {
	f, err := os.Open(archive)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", archive, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s: no %s inside", archive, name)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", archive, err)
		}
		if h.Name == name {
			return io.ReadAll(tr)
		}
	}
}

// fromZip reads one file from a Python wheel.
func fromZip(archive, name string) ([]byte, error) {
	zr, err := zip.OpenReader(archive)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(rc)
		}
	}
	return nil, fmt.Errorf("%s: no %s inside", archive, name)
}

// table is one output table: a provenance header and rows of fields.
type table struct {
	name    string // file name under kb/data, without .tsv.gz
	source  []string
	licence string
	columns []string
	rows    [][]string
}

func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// write stores the table as gzip TSV with a fixed gzip header, so the same
// inputs give the same bytes.
func (t *table) write(dir string) (int, error) {
	var raw bytes.Buffer
	fmt.Fprintf(&raw, "# table: %s\n", t.name)
	for _, s := range t.source {
		fmt.Fprintf(&raw, "# source: %s\n", s)
	}
	fmt.Fprintf(&raw, "# licence: %s\n", t.licence)
	fmt.Fprintf(&raw, "# generated-by: go run ./kb/internal/gen (make kb)\n")
	fmt.Fprintf(&raw, "# rows: %d\n", len(t.rows))
	fmt.Fprintf(&raw, "%s\n", strings.Join(t.columns, "\t"))
	for _, r := range t.rows {
		if len(r) != len(t.columns) {
			return 0, fmt.Errorf("table %s: row %q has %d fields, want %d", t.name, r, len(r), len(t.columns))
		}
		for i := range r {
			r[i] = clean(r[i])
		}
		raw.WriteString(strings.Join(r, "\t"))
		raw.WriteByte('\n')
	}
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	path := filepath.Join(dir, t.name+".tsv.gz")
	return out.Len(), os.WriteFile(path, out.Bytes(), 0o644)
}

// set is an ordered set of strings, first-seen order, unique by key.
type set struct {
	seen map[string]bool
	list []string
}

func (s *set) add(key, v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || key == "" {
		return false
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if s.seen[key] {
		return false
	}
	s.seen[key] = true
	s.list = append(s.list, v)
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
