package syntax

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

func TestReadClusters(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     map[string]int
		err      string
	}{
		{"words", "# header\n# Licence: x\nthe\t0\nminister\t12\n\n", map[string]int{"the": 0, "minister": 12}, ""},
		{"no tab", "the 0\n", nil, "line 1"},
		{"not a number", "the\tzero\n", nil, "line 1"},
		{"negative", "# h\nthe\t-1\n", nil, "line 2"},
		{"too large", "the\t40000\n", nil, "line 1"},
		{"empty word", "\t3\n", nil, "line 1"},
		{"twice", "the\t1\nthe\t2\n", nil, "listed twice"},
		{"nothing", "# only a header\n", nil, "no word"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ReadClusters(strings.NewReader(c.in))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err %v, want one naming %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for w, k := range c.want {
				if got[w] != k {
					t.Errorf("%q: class %d, want %d", w, got[w], k)
				}
			}
		})
	}
}

// TestClusterBackoff checks what the parser reads for a word: its form when
// training saw it often, its class when training saw it rarely, and its form
// (with no class) when the table does not know it.
func TestClusterBackoff(t *testing.T) {
	train := []Sentence{{Words: []Word{{Form: "The"}, {Form: "minister"}, {Form: "spoke"}}},
		{Words: []Word{{Form: "the"}, {Form: "envoy"}, {Form: "spoke"}}},
		{Words: []Word{{Form: "the"}, {Form: "minister"}, {Form: "left"}}},
		{Words: []Word{{Form: "a"}, {Form: "Minister"}}}}
	ct := newClusterTable(map[string]int{"the": 0, "minister": 1, "envoy": 1, "emissary": 1, "spoke": 2}, train, 3)
	ws := ct.wordInfos([]string{"THE", "Emissary", "envoy", "minister", "zxq"})
	if ws[0].pword != ws[0].hLower || ws[0].cluster == noCluster {
		t.Errorf("frequent word: the parser should read its form and the tagger its class")
	}
	if ws[1].pword != ws[1].cluster || ws[1].cluster == noCluster {
		t.Errorf("word unseen in training: the parser should read its class")
	}
	if ws[2].pword != ws[1].pword || ws[3].pword == ws[1].pword {
		t.Errorf("rare words of one class should read alike, a word seen 3 times by its form")
	}
	if ws[4].pword != ws[4].hLower || ws[4].cluster != noCluster {
		t.Errorf("a word the table lacks keeps its form and has no class")
	}
	var none clusterTable
	if w := none.wordInfos([]string{"envoy"})[0]; w.pword != w.hLower || w.cluster != noCluster {
		t.Errorf("without a table every word is read by its form")
	}
}

// TestCommittedClusters reads the committed cluster table: its header names
// its sources and licence, it holds thousands of words, and a committed
// model trained with clusters (`make model-clusters`) carries the same
// classes.
func TestCommittedClusters(t *testing.T) {
	f, err := os.Open("model/clusters.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var header strings.Builder
	sc := bufio.NewScanner(zr)
	var body strings.Builder
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			header.WriteString(sc.Text() + "\n")
		} else {
			body.WriteString(sc.Text() + "\n")
		}
	}
	for _, want := range []string{"Sources:", "UD English EWT", "press releases", "Licence: CC BY-SA 4.0", "syntax-clusters"} {
		if !strings.Contains(header.String(), want) {
			t.Errorf("the table's header lacks %q", want)
		}
	}
	classes, err := ReadClusters(strings.NewReader(body.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(classes) < 10000 {
		t.Errorf("the table has %d words", len(classes))
	}
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if m.clusters == nil {
		t.Log("the committed model was trained without clusters")
		return
	}
	if len(m.clusters) != len(classes) {
		t.Fatalf("the model has %d clustered words, the table %d", len(m.clusters), len(classes))
	}
	for w, c := range classes {
		if v, ok := m.clusters[w]; !ok || int(v&^rareInTrain) != c+1 {
			t.Fatalf("%q: class %d in the table, %d in the model", w, c, int(v&^rareInTrain)-1)
		}
	}
}
