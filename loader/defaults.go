package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// memory is what the relations read so far tell about the ones to come:
// who each actor last called, the last agreement signed.
type memory struct {
	callee     map[int]int // caller → last callee
	lastCallee int
	lastSigned int
}

// remember notes a relation for later defaults.
func (d *document) remember(t schema.RelationType, s, o int) {
	switch t {
	case schema.Called:
		d.mem.callee[s] = o
		d.mem.lastCallee = o
	case schema.Signed:
		d.mem.lastSigned = o
	}
}

// defaultObject returns the object an action with none written has: the
// person a caller called ("sent his sympathies"), the one everybody
// called ("rang as well"), the agreement being signed, the event being
// held. Other actions with no object have none.
func (d *document) defaultObject(t schema.RelationType, subj []int, s int, intrans bool) []int {
	switch t {
	case schema.Condoled:
		for _, x := range subj {
			if o, ok := d.mem.callee[x]; ok {
				return []int{o}
			}
		}
		if d.mem.lastCallee >= 0 {
			return []int{d.mem.lastCallee}
		}
	case schema.Supported:
		if intrans {
			return d.calleeCountry(subj)
		}
	case schema.Called:
		if intrans && d.mem.lastCallee >= 0 && !hasInt(subj, d.mem.lastCallee) {
			return []int{d.mem.lastCallee}
		}
	case schema.Signed:
		if intrans && d.mem.lastSigned >= 0 {
			return []int{d.mem.lastSigned}
		}
	case schema.Attended:
		if intrans {
			if e := d.mainEvent(); e >= 0 {
				return []int{e}
			}
		}
	}
	return nil
}

// calleeCountry returns the country of the one the subjects called, or
// the one called: "offered to send helicopters" after a call is help for
// the country of the person called.
func (d *document) calleeCountry(subj []int) []int {
	for _, x := range subj {
		o, ok := d.mem.callee[x]
		if !ok {
			continue
		}
		if c := d.entities[o].RoleCode; c != "" {
			if k := d.countryEntity(c); k >= 0 {
				return []int{k}
			}
		}
		return []int{o}
	}
	return nil
}

// mainEvent returns the gathering the article is about: the most mentioned
// summit, meeting, conference or talks, or -1.
func (d *document) mainEvent() int {
	if d.main != -2 {
		return d.main
	}
	d.main = d.findMainEvent()
	return d.main
}

// findMainEvent computes mainEvent.
func (d *document) findMainEvent() int {
	best, bestN := -1, 0
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Event || e.Dropped {
			continue
		}
		if !isGathering(e.Kind) {
			continue
		}
		n := len(e.Mentions) * 2
		if e.Kind == "summit" || e.Kind == "meeting" {
			n++
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	return best
}

// mentionEntities returns the entities mention a of sentence s stands for:
// its entity, or for a plural the members it refers back to ("the two
// leaders", "the two countries", "the documents").
func (d *document) mentionEntities(s, a int) []int {
	x := &d.mentions[s][a]
	if x.Form != formPlural {
		if x.Entity < 0 {
			return nil
		}
		return []int{x.Entity}
	}
	switch x.Type {
	case schema.Agreement:
		return d.nearbyAgreements(s)
	case schema.Person, schema.Country:
		return d.recentPair(s, x)
	case "":
		if x.Head == "they" || x.Head == "their" || x.Head == "them" {
			return d.lastGroup(s)
		}
	}
	return nil
}

// lastGroup returns the group that "they" most likely stands for: the
// several actors who did something together in the sentence before ("The
// two rulers condemned the attack. … they offered their condolences").
func (d *document) lastGroup(s int) []int {
	if s == 0 {
		return nil
	}
	var out []int
	for _, r := range d.rels {
		if r.Sent != s-1 || r.Type == schema.HoldsOffice || r.Type == schema.LocatedIn ||
			r.Type == schema.OccurredIn || hasInt(out, r.Src) {
			continue
		}
		if t := d.entities[r.Src].Type; t == schema.Person || t == schema.Country {
			out = append(out, r.Src)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// nearbyAgreements returns the named agreements first mentioned in sentence
// s or the next one ("The documents were signed … They comprise an
// Agreement on …").
func (d *document) nearbyAgreements(s int) []int {
	var out []int
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type != schema.Agreement || e.Dropped || e.Generic || len(e.Mentions) == 0 {
			continue
		}
		if f := e.Mentions[0].Sent; f == s || f == s+1 {
			out = append(out, k)
		}
	}
	return out
}

// recentPair returns the two entities of plural x's type mentioned last
// before it; for "leaders" it prefers heads of state or government.
func (d *document) recentPair(s int, x *mention) []int {
	want := x.Number
	if want == 0 {
		want = 2
	}
	mod := ""
	if x.T1-2 >= x.T0 {
		mod = d.views[s].Toks[x.T1-2].Low // "the two foreign ministers"
	}
	if want == 2 && x.Type == schema.Person {
		if pair := d.lastActingPair(s, x.Head, mod); pair != nil {
			return pair
		}
	}
	if want == 2 && x.Type == schema.Country && d.home != "" && d.away != "" {
		// "the two countries" of a story between two are its two countries
		a, b := d.countryEntity(d.home), d.countryEntity(d.away)
		if a >= 0 && b >= 0 {
			return []int{a, b}
		}
	}
	for pass := 0; pass < 2; pass++ {
		var out []int
		for k := s; k >= 0 && k >= s-8 && len(out) < want; k-- {
			ms := d.mentions[k]
			for i := len(ms) - 1; i >= 0 && len(out) < want; i-- {
				m := &ms[i]
				if k == s && m.T0 >= x.T0 || m.Entity < 0 || m.Form == formPlural {
					continue
				}
				e := &d.entities[m.Entity]
				if e.Type != x.Type || hasInt(out, m.Entity) {
					continue
				}
				if x.Type == schema.Country && m.Modifier && m.Form == formDemonym {
					continue
				}
				if pass == 0 && !pluralFits(x.Head, mod, e) {
					continue
				}
				out = append(out, m.Entity)
			}
		}
		if len(out) == want {
			return out
		}
	}
	return nil
}

// pluralFits reports whether person e may be one of "the two <mod>
// <head>": the presidents are presidents, the foreign ministers hold that
// portfolio, the leaders and rulers are heads of state or government.
func pluralFits(head, mod string, e *entity) bool {
	role := strings.ToLower(e.Role)
	switch head {
	case "leaders", "heads", "rulers", "monarchs":
		return e.Leader
	case "presidents":
		return strings.Contains(role, "president") && !strings.Contains(role, "vice")
	case "premiers":
		return strings.Contains(role, "prime minister") || strings.Contains(role, "premier")
	case "kings", "emirs":
		return strings.Contains(role, strings.TrimSuffix(head, "s"))
	case "ministers":
		if mod != "" && mod != "two" && mod != "both" && mod != "the" {
			return portfolio(e.Role) == portfolio(mod+" minister")
		}
		return strings.Contains(role, "minister")
	}
	return true
}

// lastActingPair returns the two people who dealt with each other most
// (met, called, invited) before sentence s and fit the plural's title,
// the latest pair on a tie: "Martin and Frieden met … Both leaders
// condemned …".
func (d *document) lastActingPair(s int, head, mod string) []int {
	type pair struct{ a, b int }
	score := map[pair]int{}
	var order []pair
	for _, r := range d.rels {
		switch r.Type {
		case schema.Met, schema.Called, schema.Invited:
		default:
			continue
		}
		if r.Sent > s {
			continue
		}
		a, b := &d.entities[r.Src], &d.entities[r.Dst]
		if a.Type != schema.Person || b.Type != schema.Person || !pluralFits(head, mod, a) ||
			!pluralFits(head, mod, b) {
			continue
		}
		p := pair{min(r.Src, r.Dst), max(r.Src, r.Dst)}
		score[p]++
		order = append(order, p)
	}
	best, bestN := pair{-1, -1}, 0
	for _, p := range order {
		if score[p] >= bestN {
			best, bestN = p, score[p]
		}
	}
	if bestN == 0 {
		return nil
	}
	return []int{best.a, best.b}
}
