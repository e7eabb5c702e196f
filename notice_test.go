package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// noticeFolders are the folders of shipped data and models: every file in
// them must be named by an entry of NOTICE. A folder that does not exist
// (yet) has no files, and NOTICE may already name files in it.
var noticeFolders = []string{
	"examples/articles",
	"kb/data",
	"syntax/model",
}

// noticeFields are the fields every NOTICE entry must fill.
var noticeFields = []string{"Files", "Source", "Version", "Licence", "Changes"}

// noticeEntry is one shipped data set, model or set of third-party files.
type noticeEntry struct {
	title  string
	fields map[string]string
	files  []string // Files: paths; one ending in / covers the folder below
}

// parseNotice reads the entries after NOTICE's ===== line: blocks separated
// by blank lines, a title line, then "Field: value" lines whose
// continuations are indented.
func parseNotice(text string) ([]noticeEntry, error) {
	_, body, ok := strings.Cut(text, "\n=====")
	if !ok {
		return nil, fmt.Errorf("NOTICE has no ===== line before its entries")
	}
	_, body, _ = strings.Cut(body, "\n")
	var entries []noticeEntry
	var cur *noticeEntry
	last := ""
	sc := bufio.NewScanner(strings.NewReader(body))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			cur = nil
		case cur == nil:
			entries = append(entries, noticeEntry{title: line, fields: map[string]string{}})
			cur = &entries[len(entries)-1]
			last = ""
		case line[0] == ' ' || line[0] == '\t':
			if last == "" {
				return nil, fmt.Errorf("entry %q: continuation line before any field: %q",
					cur.title, line)
			}
			cur.fields[last] += " " + strings.TrimSpace(line)
		default:
			k, v, ok := strings.Cut(line, ":")
			if !ok || strings.Contains(k, " ") {
				return nil, fmt.Errorf("entry %q: want \"Field: value\", got %q", cur.title, line)
			}
			if _, dup := cur.fields[k]; dup {
				return nil, fmt.Errorf("entry %q: field %s twice", cur.title, k)
			}
			cur.fields[k] = strings.TrimSpace(v)
			last = k
		}
	}
	for i := range entries {
		entries[i].files = strings.Fields(entries[i].fields["Files"])
	}
	return entries, nil
}

// checkNotice returns the problems of entries against the shipped files:
// a missing field, a shipped file no entry names or two entries name, and a
// named path that does not exist outside a pending (absent) data folder.
func checkNotice(entries []noticeEntry, shipped []string, exists func(string) bool,
	pending []string,
) []string {
	var problems []string
	for _, e := range entries {
		for _, f := range noticeFields {
			if e.fields[f] == "" {
				problems = append(problems, fmt.Sprintf("entry %q has no %s:", e.title, f))
			}
		}
		for _, p := range e.files {
			if !exists(strings.TrimSuffix(p, "/")) && !under(p, pending) {
				problems = append(problems, fmt.Sprintf(
					"entry %q names %s, which does not exist", e.title, p))
			}
		}
	}
	for _, f := range shipped {
		var by []string
		for _, e := range entries {
			for _, p := range e.files {
				if p == f || strings.HasSuffix(p, "/") && strings.HasPrefix(f, p) {
					by = append(by, e.title)
				}
			}
		}
		switch len(by) {
		case 0:
			problems = append(problems, fmt.Sprintf("%s is shipped but NOTICE does not name it: "+
				"add it to an entry's Files: (with its source, version and licence)", f))
		case 1:
		default:
			problems = append(problems, fmt.Sprintf("%s is named by %d entries: %q", f, len(by), by))
		}
	}
	return problems
}

// under reports whether p lies in one of the folders.
func under(p string, folders []string) bool {
	for _, d := range folders {
		if p == d || p == d+"/" || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}

// shippedFiles returns, slash-separated and relative to the module root, the
// files of the data folders and every file that non-test Go code embeds.
func shippedFiles(t *testing.T) (files, pending []string) {
	t.Helper()
	set := map[string]bool{}
	for _, dir := range noticeFolders {
		if _, err := os.Stat(dir); os.IsNotExist(err) {
			pending = append(pending, dir)
			continue
		}
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				set[filepath.ToSlash(p)] = true
			}
			return err
		})
		if err != nil {
			t.Fatalf("walking %s: %v", dir, err)
		}
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list embedded files: %v", err)
	}
	root, _ := os.Getwd()
	out, err := exec.Command(gobin, "list", "-e",
		"-f", "{{.Dir}}{{range .EmbedFiles}}\t{{.}}{{end}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		rel, err := filepath.Rel(root, f[0])
		if err != nil {
			t.Fatalf("package dir %s: %v", f[0], err)
		}
		for _, name := range f[1:] {
			set[path.Join(filepath.ToSlash(rel), name)] = true
		}
	}
	for f := range set {
		files = append(files, f)
	}
	sort.Strings(files)
	return files, pending
}

// TestNoticeCoversShippedFiles checks NOTICE against the files the project
// ships: the data folders and everything the binary embeds.
func TestNoticeCoversShippedFiles(t *testing.T) {
	text, err := os.ReadFile("NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parseNotice(string(text))
	if err != nil {
		t.Fatal(err)
	}
	files, pending := shippedFiles(t)
	if len(files) == 0 {
		t.Fatal("found no shipped file; the walk or go list is broken")
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	for _, p := range checkNotice(entries, files, exists, pending) {
		t.Error(p)
	}
	t.Logf("%d NOTICE entries cover %d shipped files", len(entries), len(files))
}

// TestCheckNotice shows what the check rejects.
func TestCheckNotice(t *testing.T) {
	const text = `preamble
=====

Tables
Files:    d/a.tsv
          d/sub/
Source:   somewhere
Version:  1
Licence:  MIT
Changes:  none

Model
Files:    new/model.bin d/a.tsv
Source:   trained here
Version:  2
Licence:  CC BY-SA 4.0
`
	entries, err := parseNotice(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || fmt.Sprint(entries[0].files) != "[d/a.tsv d/sub/]" ||
		entries[1].fields["Licence"] != "CC BY-SA 4.0" {
		t.Fatalf("parseNotice = %+v", entries)
	}
	exists := func(p string) bool { return p == "d/a.tsv" || p == "d/sub" }
	got := checkNotice(entries, []string{"d/a.tsv", "d/b.tsv", "d/sub/x.gz"}, exists, []string{"new"})
	want := []string{
		`entry "Model" has no Changes:`,
		"d/a.tsv is named by 2 entries",
		"d/b.tsv is shipped but NOTICE does not name it",
	}
	if len(got) != len(want) {
		t.Fatalf("checkNotice = %q; want %d problems like %q", got, len(want), want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q; want it to start %q", i, got[i], want[i])
		}
	}
	if got := checkNotice(entries[:1], []string{"d/a.tsv"}, exists, nil); len(got) != 0 {
		t.Errorf("checkNotice of a complete entry = %q; want none", got)
	}
	if got := checkNotice(entries[1:], nil, exists, nil); len(got) != 2 {
		t.Errorf("checkNotice with new/ present = %q; want the missing Changes "+
			"and new/model.bin not existing", got)
	}
	if _, err := parseNotice("no entries"); err == nil {
		t.Error("parseNotice without ===== = nil error")
	}
	if _, err := parseNotice("=====\n\nT\nbad line\n"); err == nil {
		t.Error("parseNotice with a line that is no field = nil error")
	}
}
