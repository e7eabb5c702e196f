package syntax

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// lemmatizer gives a word's lemma from its form and Penn tag: the
// treebank's own lemma when the pair was seen in training, otherwise an
// edit learned from words of the same tag sharing the longest suffix
// ("studies"/NNS → strip "ies", add "y").
type lemmatizer struct {
	exact map[string]string // form + "\t" + xpos
	lower map[string]string // lower form + "\t" + xpos
	edits map[string]string // xpos + "\t" + lower suffix → edit
	// any gives the lemma of a form seen in training with (nearly) one
	// lemma only, whatever its tag: a word the tagger mistags keeps its lemma
	// ("fled" read as a participle is still "flee").
	any map[string]string
}

const lemmaMaxSuffix = 5

// anyMinShare is the share of a form's occurrences its most frequent lemma
// must have to be its lemma whatever the tag.
const anyMinShare = 0.9

// edit is encoded as "<case><strip>|<append>", case 'k' (keep the form's
// case) or 'l' (lower case), strip a count of runes.
func lemmaEdit(form, lemma string) string {
	low := strings.ToLower(form)
	mode := byte('l')
	src := low
	if strings.HasPrefix(lemma, form[:min(len(form), 1)]) && firstRuneUpper(form) && firstRuneUpper(lemma) {
		mode = 'k'
		src = form
	}
	// Longest common prefix in runes.
	sr, lr := []rune(src), []rune(lemma)
	p := 0
	for p < len(sr) && p < len(lr) && sr[p] == lr[p] {
		p++
	}
	return string(mode) + strconv.Itoa(len(sr)-p) + "|" + string(lr[p:])
}

func applyEdit(form, edit string) (string, bool) {
	if len(edit) < 3 {
		return "", false
	}
	src := form
	if edit[0] == 'l' {
		src = strings.ToLower(form)
	}
	bar := strings.IndexByte(edit, '|')
	n, err := strconv.Atoi(edit[1:bar])
	if err != nil {
		return "", false
	}
	r := []rune(src)
	if n > len(r) {
		return "", false
	}
	return string(r[:len(r)-n]) + edit[bar+1:], true
}

func trainLemmatizer(sents []Sentence) *lemmatizer {
	type key struct{ k, v string }
	exact, lower, edits := map[key]int{}, map[key]int{}, map[key]int{}
	lemmasOf := map[string]map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			exact[key{w.Form + "\t" + w.XPOS, w.Lemma}]++
			if lemmasOf[w.Form] == nil {
				lemmasOf[w.Form] = map[string]int{}
			}
			lemmasOf[w.Form][w.Lemma]++
			lower[key{strings.ToLower(w.Form) + "\t" + w.XPOS, w.Lemma}]++
			e := lemmaEdit(w.Form, w.Lemma)
			low := []rune(strings.ToLower(w.Form))
			for k := 1; k <= lemmaMaxSuffix && k <= len(low); k++ {
				edits[key{w.XPOS + "\t" + string(low[len(low)-k:]), e}]++
			}
			edits[key{w.XPOS + "\t", e}]++
		}
	}
	best := func(m map[key]int) map[string]string {
		type cand struct {
			v string
			n int
		}
		b := map[string]cand{}
		for kv, n := range m {
			c, ok := b[kv.k]
			if !ok || n > c.n || n == c.n && kv.v < c.v {
				b[kv.k] = cand{kv.v, n}
			}
		}
		out := make(map[string]string, len(b))
		for k, c := range b {
			out[k] = c.v
		}
		return out
	}
	// A suffix edit seen once may be the quirk of one word ("duped" must
	// not teach "uped" → "u"): long suffixes need two words behind them.
	suffixWords := map[string]int{}
	for kv, n := range edits {
		suffixWords[kv.k] += n
	}
	for kv := range edits {
		if tab := strings.IndexByte(kv.k, '\t'); utf8.RuneCountInString(kv.k[tab+1:]) >= 3 && suffixWords[kv.k] < 2 {
			delete(edits, kv)
		}
	}
	lm := &lemmatizer{exact: best(exact), lower: best(lower), edits: best(edits), any: map[string]string{}}
	for form, ls := range lemmasOf {
		total, top, topN := 0, "", 0
		for l, n := range ls {
			total += n
			if n > topN || n == topN && l < top {
				top, topN = l, n
			}
		}
		if float64(topN) >= anyMinShare*float64(total) {
			lm.any[form] = top
		}
	}
	// Keep a lower-case entry only where it says something the edits do
	// not: the model stays small.
	for k, v := range lm.lower {
		tab := strings.IndexByte(k, '\t')
		if lm.byEdit(k[:tab], k[tab+1:]) == v {
			delete(lm.lower, k)
		}
	}
	for k, v := range lm.exact {
		tab := strings.IndexByte(k, '\t')
		if lm.untagged(k[:tab], k[tab+1:]) == v {
			delete(lm.exact, k)
		}
	}
	return lm
}

// Lemma returns the lemma of form tagged xpos.
func (lm *lemmatizer) lemma(form, xpos string) string {
	if l, ok := lm.exact[form+"\t"+xpos]; ok {
		return l
	}
	return lm.untagged(form, xpos)
}

// untagged is the lemma when (form, xpos) itself was not kept: the form's
// only lemma if it had one, else the lower-case form's, else an edit.
func (lm *lemmatizer) untagged(form, xpos string) string {
	if l, ok := lm.any[form]; ok {
		return l
	}
	return lm.fallback(form, xpos)
}

func (lm *lemmatizer) fallback(form, xpos string) string {
	if l, ok := lm.lower[strings.ToLower(form)+"\t"+xpos]; ok {
		return l
	}
	return lm.byEdit(form, xpos)
}

func (lm *lemmatizer) byEdit(form, xpos string) string {
	switch {
	case xpos == "ADD" || xpos == "GW":
		// Addresses (e-mail, web) are their own lemma.
		return form
	case xpos == "CD" && strings.Trim(form, "0123456789,.") == "" && strings.Contains(form, ","):
		// "30,000" → "30000", as the treebank writes numbers' lemmas.
		return strings.ReplaceAll(form, ",", "")
	}
	low := []rune(strings.ToLower(form))
	for k := min(lemmaMaxSuffix, len(low)); k >= 0; k-- {
		if e, ok := lm.edits[xpos+"\t"+string(low[len(low)-k:])]; ok {
			if l, ok := applyEdit(form, e); ok && utf8.RuneCountInString(l) > 0 {
				return l
			}
		}
	}
	return form
}
