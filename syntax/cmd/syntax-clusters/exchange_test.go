package main

import "testing"

// TestExchangeSeparatesWordKinds clusters a tiny corpus in which
// determiners, nouns and verbs alternate, and wants each kind in a class
// of its own.
func TestExchangeSeparatesWordKinds(t *testing.T) {
	dets := []string{"the", "a", "this", "that"}
	nouns := []string{"minister", "president", "envoy", "delegation", "council"}
	verbs := []string{"met", "visited", "called", "thanked"}
	var sents [][]string
	for i := 0; i < 400; i++ {
		sents = append(sents, []string{
			dets[i%len(dets)], nouns[i%len(nouns)], verbs[i%len(verbs)],
			dets[(i/3)%len(dets)], nouns[(i/2)%len(nouns)],
		})
	}
	cc, words := countBigrams(sents, 1)
	cl := renumber(exchange(cc, 3, []int{3, 4}, 20, nil), 3)
	class := map[string]int{}
	for i, w := range words {
		class[w] = cl[i]
	}
	for _, group := range [][]string{dets, nouns, verbs} {
		for _, w := range group[1:] {
			if class[w] != class[group[0]] {
				t.Errorf("%q in class %d, %q in class %d", w, class[w], group[0], class[group[0]])
			}
		}
	}
	if class["the"] == class["minister"] || class["minister"] == class["met"] || class["the"] == class["met"] {
		t.Errorf("kinds share a class: %v", class)
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs("one\n\ntwo three\n\n\n\nfour")
	want := [][2]int{{0, 3}, {5, 14}, {18, 22}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
