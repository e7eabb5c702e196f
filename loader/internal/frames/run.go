package frames

import (
	"slices"
	"strings"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/syntax"
)

// Mention is where an entity is named in the sentence: a span of its
// words, [Start, End).
type Mention struct {
	Start, End int
	Entity     int
	Type       schema.EntityType
	// Group lists the entities a plural stands for ("the two leaders",
	// "they"), Entity being the first; empty for a mention of one.
	Group []int
}

// In is the stage's input: one parsed sentence and its mentions.
// SoleOnly runs only the sole frames (the sentence's other relations were
// read before the stage).
type In struct {
	Parse    *syntax.Parse
	Mentions []Mention
	SoleOnly bool
}

// Edge is a relation the sentence states, between two entities.
type Edge struct {
	Frame    string
	Relation schema.RelationType
	Cameo    string
	Src, Dst int // entities
	Trigger  int // the word that states it
	Planned  bool
}

// Run returns the edges the frames find in one sentence, in the order of
// their triggers, each pair once per relation.
func (s *Set) Run(in In) []Edge {
	p := in.Parse
	if p == nil || len(in.Mentions) < 2 {
		return nil
	}
	var out []Edge
	seen := map[[3]int]bool{}
	var lemmas map[string]bool
	for t := range p.Words {
		w := &p.Words[t]
		lemma := strings.ToLower(w.Lemma)
		var cands []int
		switch w.UPOS {
		case "VERB":
			cands = s.byVerb[lemma]
		case "NOUN":
			cands = s.byNoun[lemma]
		}
		if len(s.byMention) > 0 {
			if m := mentionAt(in, t); m >= 0 && headOf(p, in.Mentions[m]) == t {
				for _, fi := range s.byMention {
					if s.Frames[fi].Mentions[in.Mentions[m].Type] {
						cands = append(cands[:len(cands):len(cands)], fi)
					}
				}
			}
		}
		for _, fi := range cands {
			fr := &s.Frames[fi]
			if in.SoleOnly && !fr.Sole {
				continue
			}
			if len(fr.Needs)+len(fr.Unless) > 0 {
				if lemmas == nil {
					lemmas = map[string]bool{}
					for _, w := range p.Words {
						lemmas[strings.ToLower(w.Lemma)] = true
					}
				}
				if len(fr.Needs) > 0 && !anyIn(fr.Needs, lemmas) || anyIn(fr.Unless, lemmas) {
					continue
				}
			}
			for _, e := range s.apply(fr, in, t, w.UPOS != "VERB") {
				k := [3]int{int(relIndex(e.Relation)), e.Src, e.Dst}
				if !seen[k] {
					seen[k] = true
					out = append(out, e)
				}
			}
		}
	}
	return out
}

// anyIn reports whether a word of set is in lemmas.
func anyIn(set, lemmas map[string]bool) bool {
	for w := range set {
		if lemmas[w] {
			return true
		}
	}
	return false
}

// relIndex numbers relation types for the seen set.
func relIndex(t schema.RelationType) int {
	for i, r := range schema.Relations {
		if r.Type == t {
			return i
		}
	}
	return -1
}

// apply reads frame fr at trigger t.
func (s *Set) apply(fr *Frame, in In, t int, noun bool) []Edge {
	p := in.Parse
	light := -1
	if noun {
		light = s.lightVerb(fr, p, t)
		if light < 0 && len(fr.Light) > 0 && !hasPath(fr.Subject, "poss") && !hasPath(fr.Subject, "by") {
			return nil
		}
	}
	for _, c := range p.Children(t) {
		if fr.Blocked[p.Rel(c)] {
			return nil
		}
		for _, k := range p.ChildrenRel(c, "mark") {
			if fr.Blocked[p.Rel(c)+"/"+strings.ToLower(p.Words[k].Form)] {
				return nil // "advcl/to": "called on X to release …"
			}
		}
	}
	planned, ok := s.modality(p, t, light, noun)
	if !ok {
		return nil
	}
	subj := mentionsOf(in, s.role(in, fr.Subject, t, light, noun), fr.Subject)
	obj := mentionsOf(in, s.role(in, fr.Object, t, light, noun), fr.Object)
	if fr.Reverse {
		subj, obj = obj, subj
	}
	var out []Edge
	for _, a := range subj {
		for _, b := range obj {
			if a == b || followedBy(in, b, fr.NotFollowed) {
				continue
			}
			out = append(out, Edge{Frame: fr.Name, Relation: fr.Relation, Cameo: fr.Cameo,
				Src: a, Dst: b, Trigger: t, Planned: planned})
		}
	}
	return out
}

func hasPath(r Role, path string) bool {
	for _, p := range r.Paths {
		if p == path {
			return true
		}
	}
	return false
}

// lightVerb returns the verb that carries noun trigger t ("held talks",
// "paid a visit"), or -1.
func (s *Set) lightVerb(fr *Frame, p *syntax.Parse, t int) int {
	h := p.Head(t)
	if h < 0 || !fr.Light[strings.ToLower(p.Words[h].Lemma)] {
		return -1
	}
	switch r := p.Rel(t); {
	case r == "obj", strings.HasPrefix(r, "nsubj:pass"):
		return h
	}
	return -1
}

// role returns the words that fill role r of a frame triggered at t.
func (s *Set) role(in In, r Role, t, light int, noun bool) []int {
	p := in.Parse
	var out []int
	verb := t
	if noun && light >= 0 {
		verb = light
	}
	passive := p.IsPassive(verb)
	for _, path := range r.Paths {
		switch path {
		case "subj":
			if noun && light < 0 {
				continue
			}
			if passive {
				out = append(out, after(verb, withCase(p, verb, "by", "obl"))...)
			} else if k := subject(p, verb); k >= 0 && k < verb {
				out = append(out, k) // raised through "is expected to meet" too
			}
		case "obj":
			if noun {
				continue
			}
			if passive {
				out = append(out, before(t, p.ChildrenRel(t, "nsubj:pass"))...)
				if len(out) == 0 && p.Rel(t) == "conj" {
					if k := p.Subject(t); k >= 0 && p.Rel(k) == "nsubj:pass" {
						out = append(out, k)
					}
				}
			} else {
				// An object before its verb is a misread relative clause
				// ("which X condemned"): objects follow in English.
				out = append(out, after(t, p.ChildrenRel(t, "obj"))...)
			}
		case "iobj":
			out = append(out, p.ChildrenRel(t, "iobj")...)
		case "self":
			out = append(out, t)
		case "poss":
			if noun {
				out = append(out, p.ChildrenRel(t, "nmod:poss")...)
			}
		default: // a preposition
			if noun {
				out = append(out, withCase(p, t, path, "nmod")...)
				for _, c := range p.ChildrenRel(t, "acl") {
					// "the summit, held in X"
					out = append(out, withCase(p, c, path, "obl")...)
				}
				if light >= 0 {
					out = append(out, withCase(p, light, path, "obl")...)
				}
			} else {
				out = append(out, withCase(p, t, path, "obl")...)
				for _, c := range p.ChildrenRel(t, "obl") {
					// "spoke by phone with X": the phrase hangs on the oblique.
					out = append(out, withCase(p, c, path, "nmod")...)
				}
			}
		}
	}
	var all []int
	for _, k := range out {
		if mentionAt(in, k) < 0 && len(p.ChildrenRel(k, "appos")) == 0 {
			// "called on Monday, and X and Y …": the conjuncts of a
			// word that names no one share no role with it
			all = append(all, k)
			continue
		}
		all = append(all, p.Conjuncts(k)...)
	}
	return all
}

// followedBy reports whether a mention of entity e is followed directly
// by one of words ("called on X to …" when the parse misses the clause).
func followedBy(in In, e int, words map[string]bool) bool {
	if len(words) == 0 {
		return false
	}
	for _, m := range in.Mentions {
		if m.Entity == e && m.End < len(in.Parse.Words) && words[strings.ToLower(in.Parse.Words[m.End].Form)] {
			return true
		}
	}
	return false
}

// after returns the words of ks that follow word t.
func after(t int, ks []int) []int {
	var out []int
	for _, k := range ks {
		if k > t {
			out = append(out, k)
		}
	}
	return out
}

// before returns the words of ks that precede word t.
func before(t int, ks []int) []int {
	var out []int
	for _, k := range ks {
		if k < t {
			out = append(out, k)
		}
	}
	return out
}

// subject returns the subject of a verb as syntax.Parse.Subject does,
// except that a verb coordinated with an earlier one takes that one's
// subject only when no noun stands right before it: in "X arrived and met
// Y" the subject is shared, but a noun before the verb ("…, while the
// commissioner, Y, pledged") is its own subject the parse failed to
// attach, and no subject is better than the wrong one.
func subject(p *syntax.Parse, verb int) int {
	for steps := 0; verb >= 0 && steps < 8; steps++ {
		for _, c := range p.Children(verb) {
			if r := p.Rel(c); r == "nsubj" || strings.HasPrefix(r, "nsubj:") || r == "csubj" {
				return c
			}
		}
		switch r := p.Rel(verb); {
		case r == "conj":
			if nounBefore(p, verb) {
				return -1
			}
			verb = p.Head(verb)
		case r == "xcomp":
			h := p.Head(verb)
			if h >= 0 {
				if o := p.ChildrenRel(h, "obj"); len(o) > 0 {
					return o[0] // object control: "urged X to attend"
				}
			}
			verb = h
		default:
			return -1
		}
	}
	return -1
}

// nounBefore reports whether a noun, name or pronoun stands before verb
// with only auxiliaries, adverbs and particles between.
func nounBefore(p *syntax.Parse, verb int) bool {
	for k := verb - 1; k >= 0; k-- {
		switch p.Words[k].UPOS {
		case "AUX", "ADV", "PART":
			continue
		case "NOUN", "PROPN", "PRON":
			return true
		}
		return false
	}
	return false
}

// withCase returns the dependents of i of relation rel (or its subtypes)
// whose case marker is prep.
func withCase(p *syntax.Parse, i int, prep, rel string) []int {
	var out []int
	for _, c := range p.Children(i) {
		r := p.Rel(c)
		if (r == rel || strings.HasPrefix(r, rel+":")) && r != "nmod:poss" && p.Case(c) == prep {
			out = append(out, c)
		}
	}
	return out
}

// mentionsOf returns the entities named at words ks that role r admits:
// the mention a word lies in, else the one in apposition to it ("the
// foreign minister, Marta Velasquez").
func mentionsOf(in In, ks []int, r Role) []int {
	var out []int
	add := func(m int) bool {
		if m < 0 || !r.Kinds[in.Mentions[m].Type] {
			return false
		}
		ents := in.Mentions[m].Group
		if len(ents) == 0 {
			ents = []int{in.Mentions[m].Entity}
		}
		for _, x := range ents {
			if !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
		return true
	}
	apposed := func(k int) bool {
		for _, c := range in.Parse.ChildrenRel(k, "appos") {
			found := false
			for _, x := range in.Parse.Conjuncts(c) {
				found = add(mentionAt(in, x)) || found
			}
			if found {
				return true
			}
		}
		return false
	}
	for _, k := range ks {
		if m := mentionAt(in, k); m >= 0 && len(in.Mentions[m].Group) > 0 && apposed(k) {
			continue // "the two ministers, A and B": the names say who
		}
		if add(mentionAt(in, k)) {
			continue
		}
		apposed(k)
	}
	return out
}

// headOf returns the word of mention m whose head lies outside it.
func headOf(p *syntax.Parse, m Mention) int {
	for k := m.Start; k < m.End; k++ {
		if h := p.Head(k); h < m.Start || h >= m.End {
			return k
		}
	}
	return m.End - 1
}

// mentionAt returns the mention that word k lies in, or -1.
func mentionAt(in In, k int) int {
	for i, m := range in.Mentions {
		if m.Start <= k && k < m.End {
			return i
		}
	}
	return -1
}

// undoneAbove reports whether the clause of verb v is undone by what
// stands around it: a verb that cancels the phrase v hangs in ("called off
// a trip to X, where he was due to attend Y"), or a later clause joined to
// it that cancels ("was to arrive on Monday, but cancelled the trip").
func (s *Set) undoneAbove(p *syntax.Parse, v int) bool {
	for _, c := range p.ChildrenRel(v, "conj") {
		if c > v && s.cancels(p, c) {
			return true
		}
	}
	k := v
	for steps := 0; steps < 6; steps++ {
		r := p.Rel(k)
		switch {
		case r == "acl", strings.HasPrefix(r, "acl:"), r == "nmod", strings.HasPrefix(r, "nmod:"),
			r == "obj", r == "obl", strings.HasPrefix(r, "obl:"):
		default:
			return false
		}
		k = p.Head(k)
		if k < 0 {
			return false
		}
		if p.Words[k].UPOS == "VERB" {
			return s.cancels(p, k)
		}
	}
	return false
}

// cancels reports whether verb v undoes what it governs: a lemma of the
// cancel class ("declined"), or a phrasal verb written there with its
// particle ("call_off").
func (s *Set) cancels(p *syntax.Parse, v int) bool {
	l := strings.ToLower(p.Words[v].Lemma)
	if s.Classes.Cancel[l] {
		return true
	}
	for _, c := range p.ChildrenRel(v, "compound:prt") {
		if s.Classes.Cancel[l+"_"+strings.ToLower(p.Words[c].Lemma)] {
			return true
		}
	}
	return false
}

// negator reports whether word k negates its head: "not", "never", or
// an adverb a negator modifies ("no longer").
func (s *Set) negator(p *syntax.Parse, k int) bool {
	if s.Classes.Negators[strings.ToLower(p.Words[k].Lemma)] {
		return true
	}
	for _, c := range p.Children(k) {
		if s.Classes.Negators[strings.ToLower(p.Words[c].Lemma)] {
			return true
		}
	}
	return false
}

// modality reads whether the act at trigger t (carried by light verb
// light, or -1) is planned, happened, or stated as no act at all (ok
// false): negated, hedged, or under a verb that undoes it ("declined to
// visit", "cancelled the visit").
func (s *Set) modality(p *syntax.Parse, t, light int, noun bool) (planned, ok bool) {
	c := &s.Classes
	if noun {
		for _, k := range p.Children(t) {
			l := strings.ToLower(p.Words[k].Lemma)
			switch {
			case p.Rel(k) == "det" && c.Negators[l]:
				return false, false // "no meeting"
			case p.Rel(k) == "amod" && c.Planned[l]:
				planned = true // "the planned visit"
			}
		}
	}
	v := t
	if light >= 0 {
		v = light
	} else if noun {
		// A noun on its own: what governs it ("cancelled the visit").
		h := p.Head(t)
		if h < 0 || p.Words[h].UPOS != "VERB" {
			return planned, true
		}
		l := strings.ToLower(p.Words[h].Lemma)
		if s.cancels(p, h) {
			return false, false
		}
		if c.Plan[l] {
			planned = true
		}
		v = h
	}
	viaConj := false
	for steps := 0; v >= 0 && steps < 8; steps++ {
		for _, k := range p.Children(v) {
			l := strings.ToLower(p.Words[k].Lemma)
			switch r := p.Rel(k); {
			case viaConj:
				if strings.HasPrefix(r, "aux") && c.Future[l] {
					planned = true // "will travel to X and meet Y"
				}
			case (r == "advmod" || r == "neg" || strings.HasPrefix(r, "aux")) && s.negator(p, k):
				return false, false
			case strings.HasPrefix(r, "aux") && c.Hedge[l], r == "mark" && c.Question[l]:
				return false, false // "could sign", "whether she would sign"
			case strings.HasPrefix(r, "aux") && c.Future[l]:
				planned = true
			}
		}
		r := p.Rel(v)
		if r != "xcomp" && r != "conj" {
			if s.undoneAbove(p, v) {
				return false, false
			}
			break
		}
		h := p.Head(v)
		if h < 0 {
			break
		}
		l := strings.ToLower(p.Words[h].Lemma)
		viaConj = r == "conj"
		if r == "xcomp" {
			if s.cancels(p, h) {
				return false, false
			}
			if c.Plan[l] {
				for _, k := range p.Children(h) {
					if strings.HasPrefix(p.Rel(k), "aux") && c.Unfulfilled[strings.ToLower(p.Words[k].Form)] {
						return false, false // "had been expected to fly", "had planned to visit"
					}
				}
				planned = true
			}
		}
		v = h
	}
	return planned, true
}
