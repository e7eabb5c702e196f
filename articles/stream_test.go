package articles

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// TestLargeGzippedJSONL generates 60 MB of JSON Lines (30,000 articles of
// 2 KB, a few bad lines among them), gzips it, and reads it as a stream:
// every good article comes back in order with its line, each bad line is
// reported, the bytes read reach the file's size, and the heap stays far
// below the file's size.
func TestLargeGzippedJSONL(t *testing.T) {
	const articles, bodySize = 30000, 2000
	path := filepath.Join(t.TempDir(), "big.jsonl.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	w := bufio.NewWriter(zw)
	words := strings.Fields("the ministers met again in the capital and spoke at length " +
		"about trade border security fisheries water rights visas grain ports rail " +
		"elections refugees debt aid talks summit accord envoy delegation")
	rng := rand.New(rand.NewPCG(1, 2))
	fillers := make([]string, 97) // 194 KB of text, more than gzip's 32 KB window
	for i := range fillers {
		var b strings.Builder
		for b.Len() < bodySize {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		fillers[i] = b.String()
	}
	bad := map[int]bool{777: true, 15000: true, 29999: true}
	raw := 0
	for i := 1; i <= articles; i++ {
		line := fmt.Sprintf(`{"headline": "Meeting %d", "content": "Kenya and Ghana met, `+
			`round %d. %s.", "date": "Mon, 10 Mar 2025 18:00:00 GMT"}`+"\n", i, i, fillers[i%len(fillers)])
		if bad[i] {
			line = fmt.Sprintf(`{"headline": "Broken %d", "content": `+"\n", i)
		}
		raw += len(line)
		w.WriteString(line)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	f.Close()
	info, _ := os.Stat(path)
	if raw < 60<<20 {
		t.Fatalf("generated %d bytes; want 60 MB", raw)
	}

	var read atomic.Int64
	opts := Options{BytesRead: &read}
	ins, errs := Walk([]string{path}, opts)
	if len(ins) != 1 || len(errs) != 0 || ins[0].Kind != JSONL || !ins[0].Gzip {
		t.Fatalf("Walk = %+v, %v; want one gzipped JSONL input", ins, errs)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc // the libraries' own tables, before reading
	var n, peak uint64
	var badLines []string
	next := 1
	for a, err := range All(context.Background(), ins, opts) {
		if err != nil {
			badLines = append(badLines, err.(*InputError).Where())
			continue
		}
		if bad[next] {
			next++
		}
		if want := fmt.Sprintf("%s:%d", path, next); a.Path != want ||
			a.Title != fmt.Sprintf("Meeting %d", next) || a.Published != "2025-03-10" {
			t.Fatalf("article %d = %s %q %s; want %s", n+1, a.Path, a.Title, a.Published, want)
		}
		next++
		if n++; n%3000 == 0 {
			runtime.GC() // what is still held, not garbage awaiting collection
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
	}
	if n != articles-3 {
		t.Errorf("read %d articles; want %d", n, articles-3)
	}
	want := []string{path + ":777", path + ":15000", path + ":29999"}
	if fmt.Sprint(badLines) != fmt.Sprint(want) {
		t.Errorf("bad lines = %q; want %q", badLines, want)
	}
	if read.Load() != info.Size() {
		t.Errorf("BytesRead = %d; want the file's %d", read.Load(), info.Size())
	}
	if grown := int64(peak) - int64(base); grown > 8<<20 {
		t.Errorf("the heap grew by %d MB reading a %d MB file; want under 8 MB",
			grown>>20, raw>>20)
	}
	t.Logf("%d MB of JSONL (%d MB gzipped): %d articles, heap %d MB before, %d MB at most",
		raw>>20, info.Size()>>20, n, base>>20, peak>>20)
}

// TestRecordLimits checks that a record over MaxRecord is reported and
// passed over.
func TestRecordLimits(t *testing.T) {
	long := strings.Repeat("x", 300)
	dir := t.TempDir()
	files := map[string]string{
		"a.jsonl": `{"body": "short one"}` + "\n" + `{"body": "` + long + `"}` + "\n" +
			`{"body": "short two"}` + "\n",
		"b.json": `[{"body": "short one"}, {"body": "` + long + `"}, {"body": "short two"}]`,
		"c.csv":  "body\nshort one\n" + long + "\nshort two\n",
	}
	want := map[string][2]string{
		"a.jsonl": {"short one|short two", "a.jsonl:2: line is 312 bytes, over the limit of 200"},
		"b.json":  {"short one|short two", "b.json#2: item is 312 bytes, over the limit of 200"},
		"c.csv":   {"short one|short two", "c.csv:3: record is 300 bytes, over the limit of 200"},
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	for name := range files {
		arts, errs := ReadFile(filepath.Join(dir, name), Options{MaxRecord: 200})
		var bodies []string
		for _, a := range arts {
			bodies = append(bodies, a.Body)
		}
		got := strings.Join(bodies, "|")
		if got != want[name][0] {
			t.Errorf("%s: bodies %q; want %q", name, got, want[name][0])
		}
		if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) ||
			!strings.HasSuffix(errs[0].Error(), want[name][1]) {
			t.Errorf("%s: errors %v; want one ending %q", name, errs, want[name][1])
		}
	}
}

// TestStdinAndSniffing reads "-" in each kind, found from the content.
func TestStdinAndSniffing(t *testing.T) {
	gz := func(s string) string {
		var b strings.Builder
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.String()
	}
	feed, _ := os.ReadFile(format("feed.atom"))
	page, _ := os.ReadFile(format("news-page.html"))
	tests := []struct {
		name, in string
		titles   string
	}{
		{"text", "Fiji hosts forum\n\nSUVA - Fiji hosted the forum.", "Fiji hosts forum"},
		{"jsonl", `{"title": "A", "body": "a"}` + "\n" + `{"title": "B", "body": "b"}`, "A|B"},
		{"json", `{"title": "A", "body": "a"}`, "A"},
		{"array", `[{"title": "A", "body": "a"}, {"title": "B", "body": "b"}]`, "A|B"},
		{"feed", string(feed), "Chile and Peru sign fisheries pact|Fiji hosts Pacific forum|" +
			"Undated note"},
		{"page", string(page), "Ghana and Togo agree to reopen border crossing"},
		{"gzipped jsonl", gz(`{"title": "A", "body": "a"}` + "\n" + `{"title": "B", "body": "b"}`),
			"A|B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Stdin: strings.NewReader(tt.in)}
			ins, _ := Walk([]string{"-"}, opts)
			var titles []string
			for a, err := range All(context.Background(), ins, opts) {
				if err != nil {
					t.Fatalf("reading stdin: %v", err)
				}
				titles = append(titles, a.Title)
			}
			if got := strings.Join(titles, "|"); got != tt.titles {
				t.Errorf("titles = %q; want %q", got, tt.titles)
			}
		})
	}
	csvOpts := Options{Kind: CSV, Stdin: strings.NewReader("headline,text\nA,a\n")}
	ins, _ := Walk([]string{"-"}, csvOpts)
	for a, err := range All(context.Background(), ins, csvOpts) {
		if err != nil || a.Title != "A" || a.Path != "-:2" {
			t.Errorf("stdin as CSV = %+v, %v; want A at -:2", a, err)
		}
	}
}

// TestWalkSkipsWhatIsNotRead checks that a folder's named pipe, unknown
// kinds and a file named .gz that is not gzip are reported, not read.
func TestWalkSkipsWhatIsNotRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Kenya and Ghana met."), 0o644)
	os.WriteFile(filepath.Join(dir, "photo.jpg"), []byte("\xff\xd8\xff"), 0o644)
	os.WriteFile(filepath.Join(dir, "notgz.jsonl.gz"), []byte(`{"body": "x"}`), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("hidden"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	ins, errs := Walk([]string{dir}, Options{})
	var names []string
	for _, in := range ins {
		names = append(names, filepath.Base(in.Name))
	}
	if got := strings.Join(names, " "); got != "a.txt notgz.jsonl.gz" {
		t.Errorf("Walk inputs = %q; want a.txt notgz.jsonl.gz", got)
	}
	wantErrs := []string{"photo.jpg: unsupported kind of file \".jpg\"",
		"pipe.txt: not a regular file: a named pipe (FIFO)"}
	if len(errs) != len(wantErrs) {
		t.Fatalf("Walk errors = %v; want %q", errs, wantErrs)
	}
	for i, err := range errs {
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), wantErrs[i]) {
			t.Errorf("Walk error %d = %v; want %q", i, err, wantErrs[i])
		}
	}
	_, errs = ReadFile(filepath.Join(dir, "notgz.jsonl.gz"), Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "named .gz but not gzip data") {
		t.Errorf("ReadFile(notgz.jsonl.gz) errors = %v; want not gzip data", errs)
	}
}

// TestJSONStreamAfterObject checks that objects following the first one on
// standard input are read, not dropped, when the first line is too long to
// show JSON Lines in the bytes looked at.
func TestJSONStreamAfterObject(t *testing.T) {
	long := strings.Repeat("Kenya and Ghana met. ", 3500) // a 73 KB first line
	in := `{"title": "A", "body": "` + long + `"}` + "\n" + `{"title": "B", "body": "b"}` +
		"\n" + `{"title": "C", "body": "c"}` + "\n"
	opts := Options{Stdin: strings.NewReader(in)}
	ins, _ := Walk([]string{"-"}, opts)
	var got []string
	for a, err := range All(context.Background(), ins, opts) {
		if err != nil {
			t.Fatalf("reading: %v", err)
		}
		got = append(got, a.Title+" "+a.Path)
	}
	if want := "A -#1|B -#2|C -#3"; strings.Join(got, "|") != want {
		t.Errorf("articles = %q; want %q", strings.Join(got, "|"), want)
	}
}
