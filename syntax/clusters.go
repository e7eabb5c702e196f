package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word clusters (model/clusters.tsv.gz, made by cmd/syntax-clusters from
// unannotated text) put words that occur in similar contexts into one of a
// few hundred classes: "putin", "macron" and "zelenskyy" share one, "said",
// "noted" and "warned" another. A word the treebank has rarely or never
// seen still has a class, learned from 2 million words of text, and the
// tagger and parser read it where they have no weights for the word
// itself.
//
// clusterTable maps a lower-case word to its class plus one; the
// rareInTrain bit marks words the parser's training treebank had fewer
// than ClusterRareBelow times, which the parser reads by class only.
type clusterTable map[string]uint16

const rareInTrain = 0x8000

// ReadClusters reads a cluster table: "#" comment lines, then one
// "word<TAB>class" line per word, classes from 0 to 32766.
func ReadClusters(r io.Reader) (map[string]int, error) {
	out := map[string]int{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		word, class, ok := strings.Cut(t, "\t")
		c, err := strconv.Atoi(class)
		if !ok || err != nil || c < 0 || c >= rareInTrain-1 || word == "" {
			return nil, fmt.Errorf("clusters: line %d: want word<TAB>class (0-%d), got %q", line, rareInTrain-2, t)
		}
		if _, dup := out[word]; dup {
			return nil, fmt.Errorf("clusters: line %d: %q listed twice", line, word)
		}
		out[word] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("clusters: no word")
	}
	return out, nil
}

// newClusterTable builds the table of a model from the classes and the
// training sentences.
func newClusterTable(classes map[string]int, sents []Sentence, rareBelow int) clusterTable {
	if classes == nil {
		return nil
	}
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			count[strings.ToLower(w.Form)]++
		}
	}
	ct := make(clusterTable, len(classes))
	for w, c := range classes {
		v := uint16(c + 1)
		if count[w] < rareBelow {
			v |= rareInTrain
		}
		ct[w] = v
	}
	return ct
}

const noCluster = 0xc1a55

// wordInfos computes the words' views, with their classes: cluster, the
// value the tagger's cluster features read, and pword, the value of the
// word in the parser's features.
func (ct clusterTable) wordInfos(forms []string) []wordInfo {
	ws := wordInfos(forms)
	for i := range ws {
		w := &ws[i]
		w.cluster, w.pword = noCluster, w.hLower
		if v, ok := ct[w.lower]; ok {
			w.cluster = mix(uint64(v&^rareInTrain) ^ 0xc1a55000)
			if v&rareInTrain != 0 {
				w.pword = w.cluster
			}
		}
	}
	return ws
}
