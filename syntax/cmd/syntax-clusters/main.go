// Command syntax-clusters learns word clusters from unannotated English
// text and writes the table the syntax model's features read for rare and
// unknown words:
//
//	go run ./syntax/cmd/syntax-clusters -treebank ../shared/data/ud-english-ewt \
//	    -corpus ../shared/corpora/state-dept-press-releases/press-releases-2021-2022.jsonl \
//	    -out syntax/model/clusters.tsv.gz
//
// The text is the words of UD English EWT's train split (its forms only,
// not its annotation) and the bodies of the State Department press
// releases, cut into sentences and tokens by the syntax package's own
// segmenter, lower-cased. Words seen at least -min-count times are put
// into -k classes by the exchange algorithm (exchange.go). The run is
// deterministic: the same inputs give the same bytes.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/diplograph/diplograph/syntax"
)

func main() {
	treebank := flag.String("treebank", "../shared/data/ud-english-ewt", "folder of en_ewt-ud-train.conllu")
	corpus := flag.String("corpus", "../shared/corpora/state-dept-press-releases/press-releases-2021-2022.jsonl",
		"JSONL file of articles with a \"body\" field")
	out := flag.String("out", "syntax/model/clusters.tsv.gz", "table to write")
	k := flag.Int("k", 256, "number of classes")
	minCount := flag.Int("min-count", 3, "least count of a clustered word")
	passes := flag.Int("passes", 15, "most exchange passes")
	flag.Parse()
	log.SetFlags(0)
	start := time.Now()
	logf := func(format string, args ...any) {
		log.Printf("%6.1fs  %s", time.Since(start).Seconds(), fmt.Sprintf(format, args...))
	}

	var sents [][]string
	f, err := os.Open(filepath.Join(*treebank, "en_ewt-ud-train.conllu"))
	if err != nil {
		log.Fatalf("syntax-clusters: %v", err)
	}
	tb, err := syntax.ReadCoNLLU(f)
	f.Close()
	if err != nil {
		log.Fatalf("syntax-clusters: %v", err)
	}
	for _, s := range tb {
		sents = append(sents, s.Forms())
	}
	nTree := len(sents)
	articles, err := readBodies(*corpus)
	if err != nil {
		log.Fatalf("syntax-clusters: %s: %v", *corpus, err)
	}
	seg := syntax.DefaultSegmenter()
	for _, body := range articles {
		for _, para := range paragraphs(body) {
			for _, words := range seg.Sentences(body, para[0], para[1], 0) {
				var forms []string
				for _, w := range words {
					for _, t := range syntax.SplitWord(body, w.Start, w.End) {
						forms = append(forms, body[t.Start:t.End])
					}
				}
				sents = append(sents, forms)
			}
		}
	}
	nTokens := 0
	for _, s := range sents {
		nTokens += len(s)
	}
	logf("%d treebank sentences, %d articles, %d sentences, %d tokens", nTree, len(articles), len(sents), nTokens)

	cc, words := countBigrams(sents, *minCount)
	logf("%d words seen %d times or more", cc.nFree, *minCount)
	rare, boundary := *k, *k+1
	cl := exchange(cc, *k, []int{rare, boundary}, *passes, logf)
	cl = renumber(cl, *k)

	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# diplograph word clusters: lower-cased word, TAB, class (0-%d), most frequent words first.\n", *k-1)
	fmt.Fprintf(w, "# Made by syntax/cmd/syntax-clusters (`make model`): exchange algorithm, class bigram model,\n")
	fmt.Fprintf(w, "# %d classes, words seen %d times or more in %d tokens.\n", *k, *minCount, nTokens)
	fmt.Fprintf(w, "# Sources: the word forms of UD English EWT v2.16 train (CC BY-SA 4.0, Universal Dependencies;\n")
	fmt.Fprintf(w, "# no annotation is used) and the bodies of %d U.S. Department of State press releases,\n", len(articles))
	fmt.Fprintf(w, "# 2021-2022 (public domain; ../shared/corpora/state-dept-press-releases).\n")
	fmt.Fprintf(w, "# Licence: CC BY-SA 4.0, as the treebank.\n")
	for i, word := range words {
		fmt.Fprintf(w, "%s\t%d\n", word, cl[i])
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatalf("syntax-clusters: %v", err)
	}
	logf("wrote %s (%d words, %.0f KB)", *out, len(words), float64(buf.Len())/1e3)
}

func readBodies(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		var a struct {
			Body string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, a.Body)
	}
	return out, sc.Err()
}

// paragraphs returns the [start, end) byte ranges of text between blank
// lines.
func paragraphs(text string) [][2]int {
	var out [][2]int
	start := 0
	for start < len(text) {
		end := strings.Index(text[start:], "\n\n")
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, [2]int{start, end})
		}
		start = end + 2
	}
	return out
}

// countBigrams counts the lower-cased words and their bigrams. The words
// seen minCount times or more come first, most frequent first (ties in
// byte order); every other word is one "rare" word, and the sentence
// boundary another.
func countBigrams(sents [][]string, minCount int) (*corpusCounts, []string) {
	freq := map[string]int64{}
	for _, s := range sents {
		for _, f := range s {
			freq[strings.ToLower(f)]++
		}
	}
	var words []string
	for w, n := range freq {
		if n >= int64(minCount) {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	id := make(map[string]int32, len(words))
	for i, w := range words {
		id[w] = int32(i)
	}
	nFree := len(words)
	rare, boundary := int32(nFree), int32(nFree+1)
	nw := nFree + 2
	type pair struct{ a, b int32 }
	counts := map[pair]int64{}
	for _, s := range sents {
		prev := boundary
		for _, f := range s {
			cur, ok := id[strings.ToLower(f)]
			if !ok {
				cur = rare
			}
			counts[pair{prev, cur}]++
			prev = cur
		}
		counts[pair{prev, boundary}]++
	}
	cc := &corpusCounts{nFree: nFree, prev: make([][]wordCount, nw), next: make([][]wordCount, nw),
		self: make([]int64, nw), freq: make([]int64, nw)}
	pairs := make([]pair, 0, len(counts))
	for p := range counts {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	for _, p := range pairs {
		n := counts[p]
		cc.freq[p.b] += n
		if p.a == p.b {
			cc.self[p.a] += n
			continue
		}
		cc.next[p.a] = append(cc.next[p.a], wordCount{p.b, n})
		cc.prev[p.b] = append(cc.prev[p.b], wordCount{p.a, n})
	}
	return cc, words
}
