package loader

import (
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// placePreps are words before a name that make it a place ("in Coimbra").
var placePreps = pkgLex.words("place-prepositions.txt")

// motionWords are words after which "to X" names a destination.
var motionWords = pkgLex.words("motion-words.txt")

// corefer groups mentions into entities: proper names first (so a surname
// finds the full name even when it comes first), then lone words,
// nominals, pronouns, and last the offices people hold.
func (d *document) corefer() {
	d.sharedDemonyms()
	keys := map[string]int{}
	d.eachMention(func(r ref, m *mention) {
		if m.Form == formProper || m.Form == formDemonym {
			d.properEntity(r, m, keys)
		}
	})
	d.eachMention(func(r ref, m *mention) {
		// "in San Francisco", "toured North Kivu", "Lake Chad"
		deferred := m.Type == schema.Person && (d.untitledPlace(r, m) || d.nicknameCue(r, m))
		if m.Entity < 0 && (m.Type == "" || deferred) && m.Form == formProper && !m.Modifier {
			d.loneWord(r, m, keys)
		}
	})
	d.acronyms()
	d.eventDates()
	d.eachMention(func(r ref, m *mention) {
		if m.Entity < 0 && m.Form == formNominal && m.Type != schema.Person {
			d.nominalEntity(r, m, keys)
		}
	})
	d.eventDates()
	// Possessives that say whose an office is ("his vice president") first,
	// then offices, then the other pronouns and titles in text order.
	d.eachMention(func(r ref, m *mention) {
		if m.RoleRef >= 0 {
			x := &d.mentions[r.Sent][m.RoleRef]
			if x.Entity < 0 && x.Form == formPronoun {
				d.refer(ref{r.Sent, m.RoleRef}, x)
			}
		}
	})
	d.offices()
	d.eachMention(func(r ref, m *mention) {
		if m.Entity < 0 && (m.Form == formPronoun || m.Form == formNominal) {
			d.refer(r, m)
		}
	})
	d.leadTitles()
	d.companyOffices()
	d.agreementYears()
}

// agreementYears dates an agreement by the year written in its name ("the
// 1995 Dayton Agreement", "the 1994 peace treaty").
func (d *document) agreementYears() {
	d.eachMention(func(r ref, m *mention) {
		if m.Type != schema.Agreement || m.Year == "" || m.Entity < 0 {
			return
		}
		if e := &d.entities[m.Entity]; e.Date == "" {
			e.Date = m.Year
		}
	})
}

// eachMention calls f for every mention in text order.
func (d *document) eachMention(f func(r ref, m *mention)) {
	for s := range d.mentions {
		for i := range d.mentions[s] {
			f(ref{s, i}, &d.mentions[s][i])
		}
	}
}

// properEntity finds or makes the entity of a proper or demonym mention.
func (d *document) properEntity(r ref, m *mention, keys map[string]int) {
	switch m.Type {
	case schema.Country:
		d.keyed(r, "country:"+strings.ToLower(m.Code), m.Name, keys)
	case schema.Organization, schema.Place, schema.Agreement:
		name := m.Name
		if m.Type == schema.Agreement && m.Year != "" {
			name = strings.TrimSpace(strings.TrimPrefix(name, m.Year))
		}
		d.keyed(r, string(m.Type)+":"+fold(name), m.Name, keys)
	case schema.Event:
		d.eventEntity(r, eventCore(m.Name), keys)
	case schema.Person:
		if m.N1-m.N0 > 1 || m.Role != "" || m.RoleCode != "" {
			if d.untitledPlace(r, m) && m.N1-m.N0 > 1 || d.nicknameCue(r, m) {
				return // decided with the lone words: "in New Caledonia", "known as Tok Mat"
			}
			d.personEntity(r, m, true)
		}
	}
}

// keyed attaches mention r to the entity with key, making it if needed.
func (d *document) keyed(r ref, key, name string, keys map[string]int) {
	if k, ok := keys[key]; ok {
		d.attach(r, k)
		return
	}
	keys[key] = d.newEntity(r, d.m(r).Type, name)
}

// eventEntity attaches a named event to the entity of its key. A name
// with a year or number before it ("2030 World Cup", "13th … Meeting") is
// also filed without them, so that the short name written later ("the
// World Cup") finds it, unless two events share the short name.
func (d *document) eventEntity(r ref, core string, keys map[string]int) {
	name := d.m(r).Name
	if rest, ok := cutEdition(core); ok {
		d.keyed(r, "event:"+core, name, keys)
		short, k := "short:"+rest, d.m(r).Entity
		if old, seen := keys[short]; !seen {
			keys[short] = k
		} else if old != k {
			keys[short] = -1
		}
		return
	}
	if _, ok := keys["event:"+core]; !ok {
		if k, ok := keys["short:"+core]; ok && k >= 0 {
			keys["event:"+core] = k
		}
	}
	d.keyed(r, "event:"+core, name, keys)
}

// cutEdition returns a folded event name without the year or ordinal it
// starts with ("2030 world cup" → "world cup").
func cutEdition(core string) (string, bool) {
	first, rest, ok := strings.Cut(core, " ")
	if !ok || first == "" || first[0] < '0' || first[0] > '9' {
		return "", false
	}
	if len(first) == 4 && isDigits(first) || isOrdinal(first) {
		return rest, true
	}
	return "", false
}

// isDigits reports whether s is made of ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// eventCore folds an event name and drops generic trailing nouns, so that
// "Independence Day celebration" and "Independence Day" share a key.
func eventCore(name string) string {
	f := fold(name)
	if strings.HasPrefix(f, "cop") {
		if w := strings.Fields(f); isCOP(strings.ToUpper(w[0])) {
			return w[0]
		}
	}
	for _, w := range []string{" celebrations", " celebration", " festivities", " ceremony"} {
		f = strings.TrimSuffix(f, w)
	}
	return strings.TrimPrefix(f, "the ")
}

// nameWords returns the folded words of a person's name without connector
// words.
func (d *document) nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(fold(name)) {
		if !d.g.connectors[w] {
			out = append(out, w)
		}
	}
	return out
}

// personEntity attaches a person mention to the person whose name holds
// all its words (or whose words it holds), else makes a new person. With
// create false it only attaches.
func (d *document) personEntity(r ref, m *mention, create bool) bool {
	words := d.nameWords(m.Name)
	if len(words) == 0 {
		return false
	}
	best, bestScore := -1, 0
	for _, k := range d.personCandidates(words) {
		e := &d.entities[k]
		ew := e.words
		if fatherOnly(m.Name, e.Name) || fatherOnly(e.Name, m.Name) {
			continue // "Abdullah II" is not "Hussein bin Abdullah II"
		}
		score := 0
		switch {
		case slices.Equal(words, ew):
			score = 4
		case subsetWords(words, ew) && (len(words) > 1 || words[0] == ew[len(ew)-1]):
			score = 3
		case subsetWords(ew, words) && len(ew) > 1:
			score = 3
		case subsetWords(words, ew):
			score = 2
		}
		if score > bestScore || score == bestScore && score > 0 {
			best, bestScore = k, score
		}
	}
	if best >= 0 {
		d.attach(r, best)
		if e := &d.entities[best]; len(words) > len(e.words) {
			e.Aliases = append(e.Aliases, e.Name)
			e.Name, e.words = m.Name, words
			d.indexPerson(best)
		}
		return true
	}
	if !create {
		return false
	}
	k := d.newEntity(r, schema.Person, m.Name)
	d.entities[k].words = words
	d.indexPerson(k)
	return true
}

// indexPerson files person k under each word of its name.
func (d *document) indexPerson(k int) {
	if d.byWord == nil {
		d.byWord = map[string][]int{}
	}
	for _, w := range d.entities[k].words {
		if !hasInt(d.byWord[w], k) {
			d.byWord[w] = append(d.byWord[w], k)
		}
	}
}

// personCandidates returns, in entity order, the persons sharing a word
// with a name.
func (d *document) personCandidates(words []string) []int {
	var out []int
	for _, w := range words {
		for _, k := range d.byWord[w] {
			if !hasInt(out, k) {
				out = append(out, k)
			}
		}
	}
	sort.Ints(out)
	return out
}

// subsetWords reports whether every word of a is in b.
func subsetWords(a, b []string) bool {
	for _, w := range a {
		if !hasString(b, w) {
			return false
		}
	}
	return true
}

// fatherOnly reports whether every word of name a stands after "bin",
// "ibn" or "bint" in the longer name b: the father a patronymic names, not
// the person ("Abdullah II" in "Al Hussein bin Abdullah II"). "bin Salman"
// itself is a short form of the son's name.
func fatherOnly(a, b string) bool {
	if !hasPatronymic(b) {
		return false // most names: no need to fold them
	}
	aw, bw := strings.Fields(fold(a)), strings.Fields(fold(b))
	if len(aw) == 0 || len(aw) >= len(bw) || isPatronymic(aw[0]) {
		return false
	}
	if (aw[0] == "al" || aw[0] == "el") && slices.Equal(aw, bw[len(bw)-len(aw):]) {
		return false // "Al Busaidi" ends "Badr bin Hamad Al Busaidi": the family's name
	}
	for i, w := range bw {
		if isPatronymic(w) {
			return subsetWords(aw, bw[i+1:]) && !subsetWords(aw, bw[:i])
		}
	}
	return false
}

// isPatronymic reports whether a folded word links a name to the
// father's: "bin", "ibn", "bint".
func isPatronymic(w string) bool {
	return w == "bin" || w == "ibn" || w == "bint"
}

// hasPatronymic reports whether a name as written holds "bin", "ibn" or
// "bint" as a word, without allocating.
func hasPatronymic(name string) bool {
	for _, w := range [...]string{" bin ", " ibn ", " bint ", " Bin ", " Ibn ", " Bint "} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}
