package syntax

import (
	"bytes"
	"strings"
	"testing"
)

// TestTrainReproducible trains twice on a slice of the treebank, with word
// clusters read by the tagger and the parser, and requires the same model
// bytes, and checks that the model reads back to the same analyses.
func TestTrainReproducible(t *testing.T) {
	sents := readTreebank(t, "dev")[:120]
	classes := map[string]int{}
	for i, s := range sents {
		for k, w := range s.Words {
			classes[strings.ToLower(w.Form)] = (i + k) % 7
		}
	}
	opt := TrainOptions{TaggerEpochs: 1, ParserEpochs: 2, Folds: 2, MinCount: 1, Seed: 7,
		Parsers:  []ParserSpec{{Seed: 1, Explore: 0.9}, {Reverse: true, Seed: 2, Explore: 0.9}, {Seed: 3, Explore: 0.8}},
		Clusters: classes, ClusterRareBelow: 2, ClusterFeatures: 1}
	var files [2][]byte
	var first *Model
	for i := range files {
		m, err := Train(sents, opt)
		if err != nil {
			t.Fatal(err)
		}
		m.Info = "test"
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		files[i] = buf.Bytes()
		first = m
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatalf("two trainings gave different bytes (%d and %d)", len(files[0]), len(files[1]))
	}
	back, err := ReadModel(bytes.NewReader(files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.clusters) != len(first.clusters) || !back.tagger.clusters || back.parsers[0].clusters != 1 {
		t.Fatalf("read back: %d clustered words (trained %d), tagger clusters %v, parser cluster level %d",
			len(back.clusters), len(first.clusters), back.tagger.clusters, back.parsers[0].clusters)
	}
	same, total := 0, 0
	for _, s := range sents[:50] {
		a, b := first.Annotate(s.Forms()), back.Annotate(s.Forms())
		for k := range a {
			total++
			if a[k] == b[k] {
				same++
			}
		}
	}
	// Weights are quantised in the file: allow a rare tie to flip.
	if same < total*99/100 {
		t.Errorf("the model read back agrees on %d of %d words", same, total)
	}
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gzipOf("not a model")} {
		if _, err := ReadModel(bytes.NewReader(in)); err == nil {
			t.Errorf("ReadModel(%q) succeeded", in)
		}
	}
}
