package frames

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

//go:embed frames.txt
var framesFile string

// Frame is one way English states a relation: its triggers, where its two
// roles are in the tree and what they may be.
type Frame struct {
	Name     string
	Relation schema.RelationType
	Cameo    string
	Plover   string
	Verbs    map[string]bool // trigger lemmas read as verbs
	Nouns    map[string]bool // trigger lemmas read as nouns
	Light    map[string]bool // verbs that carry a noun trigger ("hold" talks)
	// Mentions makes every mention of these kinds a trigger at its head
	// word ("the bombing in Lyon"), the role path "self" being the mention.
	Mentions map[schema.EntityType]bool
	Needs    map[string]bool // lemmas one of which the sentence must have
	Unless   map[string]bool // lemmas none of which the sentence may have
	// Blocked lists relations a dependent of the trigger may not have:
	// "called Togo a brother nation" names, it does not phone (xcomp); a
	// relation with "/" and a marker blocks only a clause it marks
	// ("advcl/to": "called on X to release the prisoners").
	Blocked map[string]bool
	// NotFollowed lists words that may not follow the object's mention
	// directly: "called on X to release …" asks, it does not meet, even
	// where the parse hangs the clause elsewhere.
	NotFollowed map[string]bool
	Subject     Role
	Object      Role
	// Reverse frames state the relation from the object's side: "received
	// a call from X" is X's call.
	Reverse bool
	// Sole frames read a construction no surface rule of the loader reads
	// any more: they run in every sentence that holds their trigger, the
	// other frames only where the rules read nothing (In.SoleOnly).
	Sole bool
	// Examples and Counters are the frame's own sentences, checked by the
	// package's tests: each example yields its edges, each counterexample
	// none of this frame's relation.
	Examples []Example
	Counters []Example
	line     int
}

// Role is where one role of a frame is found and what it may be.
type Role struct {
	Paths []string // "subj", "obj", "iobj", "poss", "light", or a preposition
	Kinds map[schema.EntityType]bool
}

// Example is a sentence with its mentions in brackets
// ("[Marta Velasquez|person] visited [Elbonia|country].") and the edges it
// states, as pairs of mention indexes.
type Example struct {
	Text  string
	Edges []ExampleEdge
	Line  int
}

// ExampleEdge is one edge an example states: from mention Src to mention
// Dst, planned or not.
type ExampleEdge struct {
	Src, Dst int
	Planned  bool
}

// Classes are the word classes modality is read with.
type Classes struct {
	Negators map[string]bool // "not", "never": no edge
	Cancel   map[string]bool // a governing verb that undoes: "declined", "cancelled"
	Plan     map[string]bool // a governing verb that makes a plan: "agreed", "plans"
	Future   map[string]bool // auxiliaries of the future: "will"
	Hedge    map[string]bool // auxiliaries that state no act: "could", "might"
	Question map[string]bool // markers of an open question: "whether"
	Planned  map[string]bool // adjectives that make a noun a plan: "planned", "upcoming"
	// Unfulfilled are the auxiliaries (written forms) that put a plan in
	// the past perfect, which says it did not come about: "had".
	Unfulfilled map[string]bool
}

// Set is the frames and word classes of the data file.
type Set struct {
	Frames  []Frame
	Classes Classes
	byVerb  map[string][]int
	byNoun  map[string][]int
	// byMention lists the frames triggered by mentions.
	byMention []int
	// forms are the written forms of every trigger lemma, for Candidate;
	// soleForms those of the sole frames' triggers, for SoleCandidate.
	forms, soleForms map[string]bool
	// irregular lists forms no suffix rule makes ("met" of "meet").
	irregular map[string][]string
}

// Load decodes the embedded frames file; a malformed line fails, naming
// the line.
func Load() (*Set, error) {
	return Parse("frames.txt", framesFile)
}

var (
	kindNames = map[string][]schema.EntityType{
		"person":       {schema.Person},
		"country":      {schema.Country},
		"organization": {schema.Organization},
		"place":        {schema.Place, schema.Country},
		"event":        {schema.Event},
		"agreement":    {schema.Agreement},
		"actor":        {schema.Person, schema.Country, schema.Organization},
	}
	// pathNames are the paths a role may take besides a preposition.
	pathNames = map[string]bool{"subj": true, "obj": true, "iobj": true, "poss": true, "self": true}
	// preps are the prepositions a role's path may name.
	preps    = wordSet("to with from by on upon for at in into of against behind alongside among near outside")
	cameoRe  = regexp.MustCompile(`^[0-9]{2,4}$`)
	nameRe   = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	ploverRe = regexp.MustCompile(`^(-|[A-Z]+(-[a-z]+)?)$`)
)

// Parse decodes a frames file named name.
func Parse(name, text string) (*Set, error) {
	s := &Set{Classes: Classes{}, byVerb: map[string][]int{}, byNoun: map[string][]int{},
		irregular: map[string][]string{}}
	classes := map[string]*map[string]bool{
		"negator": &s.Classes.Negators, "cancel": &s.Classes.Cancel, "plan": &s.Classes.Plan,
		"future": &s.Classes.Future, "hedge": &s.Classes.Hedge, "planned": &s.Classes.Planned,
		"question": &s.Classes.Question, "unfulfilled": &s.Classes.Unfulfilled,
	}
	names := map[string]bool{}
	var fr *Frame
	finish := func() error {
		if fr == nil {
			return nil
		}
		switch {
		case fr.Relation == "":
			return fmt.Errorf("%s:%d: frame %s has no relation", name, fr.line, fr.Name)
		case len(fr.Verbs)+len(fr.Nouns)+len(fr.Mentions) == 0:
			return fmt.Errorf("%s:%d: frame %s has no trigger", name, fr.line, fr.Name)
		case len(fr.Subject.Paths) == 0 || len(fr.Object.Paths) == 0:
			return fmt.Errorf("%s:%d: frame %s needs a subject and an object", name, fr.line, fr.Name)
		case len(fr.Examples) == 0 || len(fr.Counters) == 0:
			return fmt.Errorf("%s:%d: frame %s needs at least one example and one counterexample", name, fr.line, fr.Name)
		case fr.Cameo == "" || fr.Plover == "":
			return fmt.Errorf("%s:%d: frame %s needs its cameo and plover codes", name, fr.line, fr.Name)
		}
		k := len(s.Frames)
		for l := range fr.Verbs {
			s.byVerb[l] = append(s.byVerb[l], k)
		}
		for l := range fr.Nouns {
			s.byNoun[l] = append(s.byNoun[l], k)
		}
		if len(fr.Mentions) > 0 {
			s.byMention = append(s.byMention, k)
		}
		s.Frames = append(s.Frames, *fr)
		fr = nil
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		fail := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: "+format, append([]any{name, n}, a...)...)
		}
		indented := raw != line && (raw[0] == ' ' || raw[0] == '\t')
		if !indented {
			if err := finish(); err != nil {
				return nil, err
			}
			switch key {
			case "class":
				cname, words, _ := strings.Cut(rest, " ")
				m, ok := classes[cname]
				if !ok {
					return nil, fail("unknown word class %q", cname)
				}
				if *m != nil {
					return nil, fail("word class %q given twice", cname)
				}
				*m = wordSet(words)
				if len(*m) == 0 {
					return nil, fail("word class %q is empty", cname)
				}
			case "inflect":
				f := strings.Fields(strings.ToLower(rest))
				if len(f) < 2 {
					return nil, fail("inflect needs a lemma and its forms")
				}
				s.irregular[f[0]] = append(s.irregular[f[0]], f[1:]...)
			case "frame":
				if !nameRe.MatchString(rest) || names[rest] {
					return nil, fail("bad or repeated frame name %q", rest)
				}
				names[rest] = true
				fr = &Frame{Name: rest, line: n}
			default:
				return nil, fail("unknown line %q (want frame or class)", key)
			}
			continue
		}
		if fr == nil {
			return nil, fail("indented line outside a frame")
		}
		switch key {
		case "relation":
			t := schema.RelationType(rest)
			if !t.Valid() {
				return nil, fail("unknown relation type %q", rest)
			}
			fr.Relation = t
		case "cameo":
			if rest != "-" && !cameoRe.MatchString(rest) {
				return nil, fail("bad CAMEO code %q", rest)
			}
			fr.Cameo = rest
		case "plover":
			if !ploverRe.MatchString(rest) {
				return nil, fail("bad PLOVER type %q", rest)
			}
			fr.Plover = rest
		case "verb", "noun", "light", "needs", "unless":
			set := wordSet(rest)
			if len(set) == 0 {
				return nil, fail("%s with no lemma", key)
			}
			switch key {
			case "verb":
				fr.Verbs = set
			case "noun":
				fr.Nouns = set
			case "needs":
				fr.Needs = set
			case "unless":
				fr.Unless = set
			default:
				fr.Light = set
			}
		case "reverse":
			fr.Reverse = true
		case "sole":
			fr.Sole = true
		case "object-not-before":
			fr.NotFollowed = wordSet(rest)
			if len(fr.NotFollowed) == 0 {
				return nil, fail("object-not-before with no word")
			}
		case "blocked-by":
			fr.Blocked = map[string]bool{}
			for _, r := range strings.Fields(rest) {
				fr.Blocked[r] = true
			}
			if len(fr.Blocked) == 0 {
				return nil, fail("blocked-by with no relation")
			}
		case "mention":
			fr.Mentions = map[schema.EntityType]bool{}
			for _, k := range strings.Fields(rest) {
				ts, ok := kindNames[k]
				if !ok {
					return nil, fail("unknown kind %q", k)
				}
				for _, t := range ts {
					fr.Mentions[t] = true
				}
			}
			if len(fr.Mentions) == 0 {
				return nil, fail("mention with no kind")
			}
		case "subject", "object":
			r, err := parseRole(rest)
			if err != nil {
				return nil, fail("%s: %v", key, err)
			}
			if key == "subject" {
				fr.Subject = r
			} else {
				fr.Object = r
			}
		case "example", "counter":
			ex, err := parseExample(rest, key == "example")
			if err != nil {
				return nil, fail("%s: %v", key, err)
			}
			ex.Line = n
			if key == "example" {
				fr.Examples = append(fr.Examples, ex)
			} else {
				fr.Counters = append(fr.Counters, ex)
			}
		default:
			return nil, fail("unknown frame line %q", key)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	for cname, m := range classes {
		if *m == nil {
			return nil, fmt.Errorf("%s: word class %q missing", name, cname)
		}
	}
	s.forms, s.soleForms = map[string]bool{}, map[string]bool{}
	for l := range s.byVerb {
		s.addForms(s.forms, l)
	}
	for l := range s.byNoun {
		s.addForms(s.forms, l)
	}
	for _, fr := range s.Frames {
		if !fr.Sole {
			continue
		}
		for l := range fr.Verbs {
			s.addForms(s.soleForms, l)
		}
		for l := range fr.Nouns {
			s.addForms(s.soleForms, l)
		}
	}
	return s, nil
}

// wordSet splits words on spaces into a set of lower-case words.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// parseRole reads "PATH PATH… : KIND KIND…".
func parseRole(s string) (Role, error) {
	paths, kinds, ok := strings.Cut(s, ":")
	if !ok {
		return Role{}, fmt.Errorf("want PATHS : KINDS, got %q", s)
	}
	r := Role{Kinds: map[schema.EntityType]bool{}}
	for _, p := range strings.Fields(paths) {
		if !pathNames[p] && !preps[p] {
			return Role{}, fmt.Errorf("unknown path %q (subj, obj, iobj, poss or a preposition)", p)
		}
		r.Paths = append(r.Paths, p)
	}
	for _, k := range strings.Fields(kinds) {
		ts, ok := kindNames[k]
		if !ok {
			return Role{}, fmt.Errorf("unknown kind %q", k)
		}
		for _, t := range ts {
			r.Kinds[t] = true
		}
	}
	if len(r.Paths) == 0 || len(r.Kinds) == 0 {
		return Role{}, fmt.Errorf("role needs paths and kinds: %q", s)
	}
	return r, nil
}

var mentionRe = regexp.MustCompile(`\[([^\]|]+)\|([a-z]+)\]`)

// parseExample reads "SENTENCE => 0>1, 2>1 planned" (an example) or
// "SENTENCE" (a counterexample).
func parseExample(s string, example bool) (Example, error) {
	text, edges, has := strings.Cut(s, "=>")
	ex := Example{Text: strings.TrimSpace(text)}
	if len(mentionRe.FindAllString(ex.Text, -1)) < 2 {
		return ex, fmt.Errorf("want at least two [name|kind] mentions in %q", ex.Text)
	}
	for _, m := range mentionRe.FindAllStringSubmatch(ex.Text, -1) {
		if _, ok := kindNames[m[2]]; !ok || m[2] == "actor" {
			return ex, fmt.Errorf("unknown mention kind %q", m[2])
		}
	}
	if example != has {
		if example {
			return ex, fmt.Errorf("an example needs => and its edges")
		}
		return ex, fmt.Errorf("a counterexample states no edges")
	}
	if !example {
		return ex, nil
	}
	for _, e := range strings.Split(edges, ",") {
		f := strings.Fields(e)
		var ee ExampleEdge
		if len(f) == 0 || len(f) > 2 || len(f) == 2 && f[1] != "planned" {
			return ex, fmt.Errorf("bad edge %q (want I>J or I>J planned)", e)
		}
		if _, err := fmt.Sscanf(f[0], "%d>%d", &ee.Src, &ee.Dst); err != nil {
			return ex, fmt.Errorf("bad edge %q: %v", e, err)
		}
		ee.Planned = len(f) == 2
		ex.Edges = append(ex.Edges, ee)
	}
	return ex, nil
}

// MentionKind returns the entity type an example's kind word names.
func MentionKind(word string) schema.EntityType {
	return kindNames[word][0]
}

// addForms adds to forms the written forms of lemma l: the suffixes of English
// verbs and plurals ("visits", "visited", "visiting", "travelled",
// "invites", "invited", "ties", "tied") and the irregular forms of the file.
func (s *Set) addForms(forms map[string]bool, l string) {
	add := func(f ...string) {
		for _, x := range f {
			forms[x] = true
		}
	}
	add(l, l+"s", l+"es", l+"ed", l+"d", l+"ing")
	if stem, ok := strings.CutSuffix(l, "e"); ok {
		add(stem + "ing")
	}
	if stem, ok := strings.CutSuffix(l, "y"); ok {
		add(stem+"ies", stem+"ied")
	}
	if n := len(l); n >= 3 && !strings.ContainsRune("aeiouwxy", rune(l[n-1])) &&
		strings.ContainsRune("aeiou", rune(l[n-2])) {
		last := l[n-1:]
		add(l+last+"ed", l+last+"ing") // "travelled", "stopped"
	}
	add(s.irregular[l]...)
}

// Candidate reports whether a sentence of these lower-case words may hold
// a trigger of a verb or noun frame, so that a sentence with none need not
// be parsed for them.
func (s *Set) Candidate(words []string) bool {
	for _, w := range words {
		if s.forms[w] {
			return true
		}
	}
	return false
}

// SoleCandidate reports whether a sentence of these lower-case words may
// hold a trigger of a sole frame (one that runs where the surface rules
// read a relation too).
func (s *Set) SoleCandidate(words []string) bool {
	for _, w := range words {
		if s.soleForms[w] {
			return true
		}
	}
	return false
}

// MentionTriggered reports whether a frame is triggered by mentions of
// type t.
func (s *Set) MentionTriggered(t schema.EntityType) bool {
	for _, fi := range s.byMention {
		if s.Frames[fi].Mentions[t] {
			return true
		}
	}
	return false
}
