package articles_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/articles"
	"github.com/diplograph/diplograph/loader"
)

// corpus is the real press-release corpus beside the project (read by tests only).
const corpus = "../../shared/corpora/state-dept-press-releases"

// needCorpus returns the corpus files matching pattern, skipping the test
// when the corpus is absent, except in CI where it must be there.
func needCorpus(t *testing.T, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpus, pattern))
	if len(files) == 0 {
		if os.Getenv("CI") != "" {
			t.Fatalf("no %s in %s: CI runs with ../shared beside the project", pattern, corpus)
		}
		t.Skipf("no %s in %s", pattern, corpus)
	}
	return files
}

// feedItem is what the feed says of an item, read with a plain XML
// look at <item> blocks, to check the reader against.
var (
	itemRE  = regexp.MustCompile(`(?s)<item>(.*?)</item>`)
	titleRE = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
	linkRE  = regexp.MustCompile(`(?s)<link>(.*?)</link>`)
	dateRE  = regexp.MustCompile(`<pubDate>\w{3}, (\d{2}) (\w{3}) (\d{4})`)
	markRE  = regexp.MustCompile(`</?[a-zA-Z][^>]*>|&[a-z]+;|&#\d+;`)
)

// TestRealFeeds reads the three snapshots of the State Department's press
// release feed: every item loads, with the feed's title, link and date,
// and text free of markup, and the loader's evidence sentences are clean.
func TestRealFeeds(t *testing.T) {
	x, err := loader.New(loader.DefaultOptions())
	if err != nil {
		t.Fatalf("loader.New: %v", err)
	}
	months := map[string]string{"Jan": "01", "Feb": "02", "Mar": "03", "Apr": "04",
		"May": "05", "Jun": "06", "Jul": "07", "Aug": "08", "Sep": "09", "Oct": "10",
		"Nov": "11", "Dec": "12"}
	known := corpusTitles(t)
	matched, same := 0, 0
	for _, path := range needCorpus(t, "*.rss") {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		items := itemRE.FindAllStringSubmatch(string(raw), -1)
		arts, errs := articles.ReadFile(path, articles.Options{})
		if len(errs) != 0 || len(arts) != len(items) || len(arts) == 0 {
			t.Fatalf("%s: %d articles, errors %v; want all %d items", path, len(arts), errs,
				len(items))
		}
		for i, a := range arts {
			item := items[i][1]
			title := strings.NewReplacer("&#8211;", "–", "&#8217;", "’", "&amp;", "&",
				"&#8220;", "“", "&#8221;", "”").Replace(titleRE.FindStringSubmatch(item)[1])
			d := dateRE.FindStringSubmatch(item)
			want := d[3] + "-" + months[d[2]] + "-" + d[1]
			link := strings.TrimSpace(linkRE.FindStringSubmatch(item)[1])
			if a.Title != title || a.Published != want || a.URL != link {
				t.Errorf("%s = %q %s %s; want %q %s %s", a.Path, a.Title, a.Published, a.URL,
					title, want, link)
			}
			if a.Source != "Press Releases – United States Department of State" {
				t.Errorf("%s source = %q", a.Path, a.Source)
			}
			if m := markRE.FindString(a.Body); m != "" || len(a.Body) < 100 {
				t.Errorf("%s body holds markup %q or is short: %.200q", a.Path, m, a.Body)
			}
			if body, ok := known[link]; ok {
				matched++
				if norm(body) == norm(a.Body) {
					same++
				}
				if firstPara(body) != firstPara(a.Body) {
					t.Errorf("%s first paragraph = %q; the corpus has %q", a.Path,
						firstPara(a.Body), firstPara(body))
				}
			}
			b, err := x.Extract(loader.DocumentOf(a))
			if err != nil {
				t.Errorf("%s: Extract: %v", a.Path, err)
				continue
			}
			for _, r := range b.Relations {
				for _, ev := range r.Evidence {
					if m := markRE.FindString(ev.Sentence); m != "" {
						t.Errorf("%s: evidence %q holds markup %q", a.Path, ev.Sentence, m)
					}
				}
			}
		}
	}
	// The corpus took its text from the same feed HTML another way: nearly
	// every body must agree word for word.
	if matched < 25 || same*10 < matched*9 {
		t.Errorf("%d feed items are in the corpus JSONL, %d with the same text; want 25+, 90%%",
			matched, same)
	}
	t.Logf("%d feed items are also in the corpus JSONL, %d with the same text", matched, same)
}

// corpusTitles returns the corpus JSONL's bodies by URL.
func corpusTitles(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(needCorpus(t, "*.jsonl")[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		var r struct{ URL, Body string }
		if json.Unmarshal(sc.Bytes(), &r) == nil {
			out[r.URL] = r.Body
		}
	}
	return out
}

// firstPara returns the first paragraph of s, white space collapsed.
func firstPara(s string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(s), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }
