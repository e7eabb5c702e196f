package loader

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// scoredNodeTypes are the node types the evaluation contract scores.
var scoredNodeTypes = map[string]bool{"Person": true, "Country": true, "Organization": true,
	"Place": true, "Event": true, "Agreement": true}

// goldFile is a NAME.gold.json of the evaluation contract.
type goldFile struct {
	Article   string `json:"article"`
	Published string `json:"published"`
	Nodes     []struct {
		Key      string   `json:"key"`
		Type     string   `json:"type"`
		Types    []string `json:"types"`
		Names    []string `json:"names"`
		Kind     string   `json:"kind"`
		Date     string   `json:"date"`
		Optional bool     `json:"optional"`
	} `json:"nodes"`
	Edges []struct {
		S         any    `json:"s"`
		Type      string `json:"type"`
		O         any    `json:"o"`
		Optional  bool   `json:"optional"`
		Symmetric bool   `json:"symmetric"`
	} `json:"edges"`
}

// score is what scoreArticle counts, as ../shared/eval/score.py does
// (without dates).
type score struct{ ntp, nfp, nfn, etp, efp, efn int }

// f1 returns the F1 of tp, fp, fn (1 when there is nothing to find).
func f1(tp, fp, fn int) float64 {
	if tp+fp+fn == 0 {
		return 1
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}

var nonAlnum = regexp.MustCompile(`[^0-9a-z]+`)

// normName folds a name as the scorer does.
func normName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) && r != '\'' && r != '\u2019' && r != '`' {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	out := strings.TrimSpace(nonAlnum.ReplaceAllString(b.String(), " "))
	return strings.TrimPrefix(out, "the ")
}

// asList reads a gold "s" or "o": one key or a list of keys.
func asList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, e.(string))
		}
		return out
	}
	return nil
}

// scoreArticle scores extracted nodes and edges against gold.
func scoreArticle(g goldFile, nodes []evalNode, edges []evalEdge) score {
	var sc score
	stop := wordSet("the a an of in on at to for and s")
	words := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.Fields(normName(s)) {
			if !stop[w] {
				out[w] = true
			}
		}
		return out
	}
	idmap, seen := map[string]string{}, map[string]bool{}
	for _, n := range nodes {
		if !scoredNodeTypes[n.Type] {
			continue // as score.py: only the six scored types count (a Quote does not)
		}
		key, rank := "", 9999
		for _, gn := range g.Nodes {
			types := gn.Types
			if len(types) == 0 {
				types = []string{gn.Type}
			}
			if !hasString(types, n.Type) {
				continue
			}
			r := 9999
			all := append([]string{n.Name}, n.Aliases...)
			for i, name := range all {
				for _, gname := range gn.Names {
					if normName(name) == normName(gname) && min(i, 1) < r {
						r = min(i, 1)
					}
				}
			}
			if r == 9999 && (n.Type == "Event" || n.Type == "Agreement") {
				pw := map[string]bool{}
				for _, name := range all {
					for w := range words(name) {
						pw[w] = true
					}
				}
				for _, gname := range gn.Names {
					gw := words(gname)
					ok := len(gw) > 0
					for w := range gw {
						ok = ok && pw[w]
					}
					if ok && 2000-len(gw) < r {
						r = 2000 - len(gw) // the largest matching name first
					}
				}
				if r == 9999 && gn.Date != "" && n.Date == gn.Date && gn.Kind != "" &&
					n.Kind == gn.Kind {
					r = 3000
				}
			}
			if r < rank {
				key, rank = gn.Key, r
			}
		}
		idmap[n.ID] = key
		switch {
		case key == "":
			sc.nfp++
		case optionalNode(g, key):
		case seen[key]:
			sc.nfp++
		default:
			seen[key] = true
			sc.ntp++
		}
	}
	for _, gn := range g.Nodes {
		if !gn.Optional && !seen[gn.Key] {
			sc.nfn++
		}
	}
	matched, triples := map[int]bool{}, map[string]bool{}
	for _, e := range edges {
		if !scored[schemaType(e.Type)] {
			continue
		}
		s, o := idmap[e.Source], idmap[e.Target]
		t := s + "|" + e.Type + "|" + o + e.Source + e.Target
		if s != "" && o != "" {
			t = s + "|" + e.Type + "|" + o
		}
		if triples[t] {
			continue
		}
		triples[t] = true
		if s == "" || o == "" {
			sc.efp++
			continue
		}
		hit := -1
		for i, ge := range g.Edges {
			fwd := ge.Type == e.Type && hasString(asList(ge.S), s) && hasString(asList(ge.O), o)
			rev := ge.Type == e.Type && (ge.Symmetric || e.Type == "MET") &&
				hasString(asList(ge.S), o) && hasString(asList(ge.O), s)
			if (fwd || rev) && (hit < 0 || !ge.Optional && !matched[i]) {
				hit = i
			}
		}
		switch {
		case hit < 0 && (optionalNode(g, s) || optionalNode(g, o)):
		case hit < 0:
			sc.efp++
		case g.Edges[hit].Optional || matched[hit]:
		default:
			matched[hit] = true
			sc.etp++
		}
	}
	for i, ge := range g.Edges {
		if !ge.Optional && !matched[i] {
			sc.efn++
		}
	}
	return sc
}

// optionalNode reports whether gold node key is optional.
func optionalNode(g goldFile, key string) bool {
	for _, n := range g.Nodes {
		if n.Key == key {
			return n.Optional
		}
	}
	return false
}

// scoreFolder extracts every article of a gold folder and returns the
// totals.
func scoreFolder(t *testing.T, dir string) score {
	t.Helper()
	x := extractor(t)
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	var tot score
	for _, path := range golds {
		var g goldFile
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		text, err := os.ReadFile(filepath.Join(dir, g.Article))
		if err != nil {
			t.Fatal(err)
		}
		// As ReadFile does for a .txt file without front matter: the first
		// line is the title and stays in the body.
		title, _ := firstLineSplit(string(text))
		b, err := x.Extract(Document{Title: title, Body: string(text), Published: g.Published})
		if err != nil {
			t.Fatalf("%s: %v", g.Article, err)
		}
		var out evalDoc
		data, _ = EvalJSON(b)
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatal(err)
		}
		sc := scoreArticle(g, out.Nodes, out.Edges)
		t.Logf("%-45s nodes F1 %.2f edges F1 %.2f", g.Article, f1(sc.ntp, sc.nfp, sc.nfn),
			f1(sc.etp, sc.efp, sc.efn))
		tot.ntp, tot.nfp, tot.nfn = tot.ntp+sc.ntp, tot.nfp+sc.nfp, tot.nfn+sc.nfn
		tot.etp, tot.efp, tot.efn = tot.etp+sc.etp, tot.efp+sc.efp, tot.efn+sc.efn
	}
	return tot
}

// firstLineSplit takes the first non-empty line as the title.
func firstLineSplit(text string) (string, string) {
	for {
		line, rest, ok := strings.Cut(text, "\n")
		if strings.TrimSpace(line) != "" || !ok {
			return strings.TrimSpace(line), rest
		}
		text = rest
	}
}
