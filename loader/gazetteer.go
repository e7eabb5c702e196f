package loader

import (
	"strings"

	"github.com/diplograph/diplograph/kb"
)

// gazKind is what a gazetteer phrase names.
type gazKind uint8

// The kinds of gazetteer phrases.
const (
	gazNone     gazKind = iota
	gazCountry          // "Chile", "Republic of Ghana"
	gazDemonym          // "Chilean", "South African"
	gazCapital          // "Buenos Aires": a place that may stand for its country
	gazPlace            // a province or state: "Bavaria", "Mendoza"
	gazOrg              // "United Nations", "NATO"
	gazRole             // "Prime Minister", "spokesperson"
	gazRegional         // "South American", "West African": of no one country
)

// gazEntry is one meaning of a gazetteer phrase.
type gazEntry struct {
	Kind gazKind
	Code string // ISO alpha-2 code of the country (countries, demonyms, places)
	Name string // canonical name (places, organisations, roles)
	// ExactCase is set for short upper-case aliases ("US", "AU") that match
	// only when written in capitals.
	ExactCase bool
	Leader    bool // a role of a head of state or government
}

// roleInfo describes a title of office.
type roleInfo struct {
	Name   string // "Prime Minister"; "" for courtesy titles ("Mr")
	Leader bool
}

// gazetteer holds every list the extractor looks words up in. It is built
// once by newGazetteer and only read afterwards, so it is safe to share.
type gazetteer struct {
	kb           *kb.KB               // the knowledge base the tables below come from
	phrases      map[string]*gazEntry // folded phrase → meaning
	prefixes     map[string]bool      // folded word prefixes of phrases
	maxWords     int
	countryNames map[string]string // code → canonical name
	capitalOf    map[string]string // code → capital name
	roles        map[string]*roleInfo
	roleFirst    map[string]bool // first words of titles
	rolePrefixes map[string]bool // word prefixes of titles with more words
	rolePrefix   map[string]bool
	orgHeads     map[string]bool
	agreeHeads   map[string]bool
	placeHeads   map[string]bool
	placeFirst   map[string]bool // first words of place names ("Lake")
	geoNouns     map[string]bool // "strait" in "the Bab el-Mandeb strait"
	placeOf      map[string]bool // "town" in "the town of X"
	placeKinds   map[string]bool // "town" in "Kowary, a mining town": any of the three lists
	facilities   map[string]bool // "hospital" in "the Jinnah hospital"
	orgCues      map[string]bool // "group" in "the militant group al-Shabaab"
	corporate    map[string]bool // "Spółka", "GmbH"
	eventHeads   map[string]string
	shared       map[string][]string // folded shared demonym → its country codes
	eventPrefix  map[string]string
	stop         map[string]bool
	postNominals map[string]bool // letters after a name: "KC", "E.G.H."
	months       map[string]int
	weekdays     map[string]int
	connectors   map[string]bool
	// lex gives the word lists each lower-case word is in (token.Lex).
	lex map[string]lexFlag
}

// newGazetteer builds the gazetteer from the knowledge base (countries,
// demonyms, capitals, regions, organisations) and the word lists of this
// package.
func newGazetteer() (*gazetteer, error) {
	g := &gazetteer{
		phrases:      map[string]*gazEntry{},
		prefixes:     map[string]bool{},
		countryNames: map[string]string{},
		capitalOf:    map[string]string{},
		roles:        map[string]*roleInfo{},
		roleFirst:    map[string]bool{},
		rolePrefixes: map[string]bool{},
	}
	var lx lexReader
	g.rolePrefix = lx.words("role-prefixes.txt")
	g.orgHeads = lx.words("org-heads.txt")
	g.agreeHeads = lx.words("agreement-heads.txt")
	g.placeHeads = lx.words("place-heads.txt")
	g.placeFirst = lx.words("place-first-words.txt")
	g.geoNouns = lx.words("geo-nouns.txt")
	g.placeOf = lx.words("place-of-nouns.txt")
	g.placeKinds = union(g.geoNouns, g.placeOf, lx.words("apposition-nouns.txt"))
	g.facilities = lx.words("facility-nouns.txt")
	g.orgCues = lx.words("org-cue-nouns.txt")
	g.corporate = lx.words("corporate-words.txt")
	g.eventHeads = lx.pairs("event-heads.txt")
	g.eventPrefix = lx.pairs("event-prefixes.txt")
	g.stop = lx.words("stop-words.txt")
	g.postNominals = lx.words("post-nominals.txt")
	g.connectors = lx.words("name-connectors.txt")
	g.months = lx.ints("months.txt")
	g.weekdays = lx.ints("weekdays.txt")
	roles := lx.pairs("roles.txt")
	if err := errLexicon(&pkgLex, &lx); err != nil {
		return nil, err
	}
	k, err := kb.Load()
	if err != nil {
		return nil, err
	}
	g.kb = k
	g.loadKBCountries(k)
	if err := g.loadLexicon(); err != nil {
		return nil, err
	}
	g.loadKBPlaces(k)
	g.loadKBOrgs(k)
	g.loadRoles(roles)
	g.loadLex()
	return g, nil
}

// loadRoles adds the titles of office, given as title → role ("-" for
// none, "*" after a leader's).
func (g *gazetteer) loadRoles(roles map[string]string) {
	for key, val := range roles {
		leader := strings.HasSuffix(val, "*")
		val = strings.TrimSuffix(val, "*")
		if val == "-" {
			val = ""
		}
		key = strings.ToLower(key)
		g.roles[key] = &roleInfo{Name: val, Leader: leader}
		words := strings.Fields(key)
		g.roleFirst[words[0]] = true
		for i := 1; i < len(words); i++ {
			g.rolePrefixes[strings.Join(words[:i], " ")] = true
		}
	}
}

// loadLex fills lex from the word lists of the gazetteer and the package.
func (g *gazetteer) loadLex() {
	g.lex = map[string]lexFlag{}
	mark := func(f lexFlag, words map[string]bool) {
		for w, ok := range words {
			if ok {
				g.lex[w] |= f
			}
		}
	}
	mark(lexRoleFirst, g.roleFirst)
	// The words mentionFinder.nominals starts at, besides titles: its
	// pronouns, plurals, event, agreement, place and organisation nouns.
	mark(lexNominal, wordSet("he him his she her himself herself its they them their two both "+
		"counterpart host capital"))
	mark(lexNominal, g.orgHeads)
	mark(lexNominal, g.rolePrefix)
	for w := range nominalEvents {
		g.lex[w] |= lexNominal
	}
	for w := range pluralCounts {
		g.lex[w] |= lexNominal
	}
	for w := range nominalAgreements {
		g.lex[w] |= lexNominal
	}
	for w := range g.months {
		g.lex[w] |= lexMonth
	}
	for w := range g.weekdays {
		g.lex[w] |= lexWeekday
	}
	mark(lexStop, g.stop)
	mark(lexPostNominal, g.postNominals)
	for key, e := range g.phrases {
		if e.Kind == gazDemonym && !strings.Contains(key, " ") {
			g.lex[key] |= lexDemonym
		}
	}
	mark(lexModal, negators)
	mark(lexModal, hedges)
	mark(lexCancel, cancellers)
}

// addFrames marks the first words of the trigger frames in lex.
func (g *gazetteer) addFrames(p *patterns) {
	for w := range p.byFirst {
		g.lex[w] |= lexFrame
	}
}

// add records a phrase; an existing meaning of the same phrase wins.
func (g *gazetteer) add(name string, e gazEntry) {
	key := foldPhrase(name)
	if key == "" {
		return
	}
	if old, ok := g.phrases[key]; ok && old.Kind != gazPlace {
		return
	}
	e.ExactCase = isShortUpper(name)
	g.phrases[key] = &e
	if n := strings.Count(key, " ") + 1; n > g.maxWords {
		g.maxWords = n
	}
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			g.prefixes[key[:i]] = true
		}
	}
	if strings.HasPrefix(key, "the ") {
		g.add(name[4:], e)
	}
}

// addWeak records a phrase unless it already means something.
func (g *gazetteer) addWeak(name string, e gazEntry) {
	if _, ok := g.phrases[foldPhrase(name)]; ok {
		return
	}
	g.add(name, e)
}

// lookup returns the meaning of a folded phrase.
func (g *gazetteer) lookup(key string) (gazEntry, bool) {
	if e, ok := g.phrases[key]; ok {
		return *e, true
	}
	return gazEntry{}, false
}
