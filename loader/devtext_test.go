package loader

import (
	"github.com/diplograph/diplograph/evalset"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// devWindow is how many words in a row the package may share with a
// development article before the words count as copied.
const devWindow = 8

// readSets are the annotated sets of testdata whose articles or misses the
// team has read: development sets now, quoted nowhere in the package. The
// sets still unread (blind4, blind7, blind8) are left out so that no one reads
// them through this test's messages.
var readSets = []string{"heldout", "blind2", "blind3", "blind5", "blind6"}

// quoted finds string literals and “curly-quoted” text.
var quoted = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|“[^”\n]*”`)

// TestNoDevText checks that the package's code, comments and golden test
// files quote no development article (../shared/eval/dev beside the
// repository, when it is there, and the read sets of testdata): no quoted phrase of five words or more
// and no run of devWindow words comes from one. Examples must be invented,
// so that the tests show the rules work on text the rules were not fitted
// to. Of the word lists (lexicon/*.txt) only the headers are checked: the
// entries are real words and names, not examples; the scored articles of
// testdata are left out.
func TestNoDevText(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "eval", "dev")
	devs, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(devs) == 0 {
		t.Skipf("no development set at %s", dir)
	}
	for _, set := range readSets {
		arts, _ := filepath.Glob(filepath.Join("testdata", set, "*.txt"))
		devs = append(devs, arts...)
	}
	var dev strings.Builder
	grams := map[string]bool{}
	for _, f := range devs {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := evalset.Fold(string(data))
		dev.WriteString(" " + text + " ")
		w := strings.Fields(text)
		for i := 0; i+devWindow <= len(w); i++ {
			grams[strings.Join(w[i:i+devWindow], " ")] = true
		}
	}
	files, _ := filepath.Glob("*.go")
	golden, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	lists, _ := filepath.Glob(filepath.Join("lexicon", "*.txt"))
	for _, f := range append(append(files, golden...), lists...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		header := strings.HasSuffix(f, ".txt")
		for n, line := range strings.Split(string(data), "\n") {
			if header && !strings.HasPrefix(line, "#") {
				continue
			}
			for _, q := range quoted.FindAllString(line, -1) {
				if nq := evalset.Fold(q); len(strings.Fields(nq)) >= 5 &&
					strings.Contains(dev.String(), " "+nq+" ") {
					t.Errorf("%s:%d quotes a development article: %s", f, n+1, q)
				}
			}
			w := strings.Fields(evalset.Fold(line))
			for i := 0; i+devWindow <= len(w); i++ {
				if g := strings.Join(w[i:i+devWindow], " "); grams[g] {
					t.Errorf("%s:%d shares %q with a development article", f, n+1, g)
					break
				}
			}
		}
	}
}
