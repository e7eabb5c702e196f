package loader

import (
	"slices"

	"github.com/diplograph/diplograph/schema"
)

// foldIndex returns the entities other than persons by folded name and
// alias, built on first use; the first entity of a name wins.
func (d *document) foldIndex() map[string]int {
	if d.byFold != nil {
		return d.byFold
	}
	d.byFold = map[string]int{}
	for k := range d.entities {
		e := &d.entities[k]
		if e.Type == schema.Person || e.Dropped {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if _, ok := d.byFold[fold(n)]; !ok {
				d.byFold[fold(n)] = k
			}
		}
	}
	return d.byFold
}

// entityEndingAt returns the entity of the proper mention that ends at
// token t of sentence s, or -1.
func (d *document) entityEndingAt(s, t int) int {
	for _, m := range d.mentions[s] {
		if m.T1 == t && m.Entity >= 0 && m.Form == formProper {
			return m.Entity
		}
	}
	return -1
}

// acronyms makes an all-capital word in brackets after a name an alias of
// that name ("Lake Chad Basin Commission (LCBC)").
func (d *document) acronyms() {
	d.eachMention(func(r ref, m *mention) {
		if m.Entity < 0 || m.Form != formProper {
			return
		}
		e := &d.entities[m.Entity]
		if e.Type == schema.Person || e.Type == schema.Country {
			return
		}
		for _, x := range d.mentions[r.Sent] {
			if x.Entity >= 0 && x.Entity != m.Entity && x.T0 == m.T1+1 &&
				d.views[r.Sent].Toks[m.T1].Text == "(" && isShortUpper(x.Name) {
				d.merge(m.Entity, x.Entity)
			}
		}
	})
	d.acronymEntities()
}

// acronymEntities folds an organisation named only by an acronym ("SICA
// Secretary-General …", made before the lone words were read) into the
// entity that took that acronym in brackets.
func (d *document) acronymEntities() {
	for a := range d.entities {
		e := &d.entities[a]
		if e.Dropped || e.Type != schema.Organization || !isShortUpper(e.Name) {
			continue
		}
		for b := range d.entities {
			x := &d.entities[b]
			if b != a && !x.Dropped && x.Type == schema.Organization && hasString(x.Aliases, e.Name) {
				d.merge(b, a)
				break
			}
		}
	}
}

// merge folds entity b into entity a.
func (d *document) merge(a, b int) {
	if a == b || d.entities[b].Dropped {
		return
	}
	eb := &d.entities[b]
	for _, r := range eb.Mentions {
		d.m(r).Entity = a
	}
	ea := &d.entities[a]
	ea.Mentions = append(ea.Mentions, eb.Mentions...)
	for _, n := range append([]string{eb.Name}, eb.Aliases...) {
		if n != ea.Name && !hasString(ea.Aliases, n) {
			ea.Aliases = append(ea.Aliases, n)
		}
	}
	eb.Mentions, eb.Dropped = nil, true
}

// sharedDemonyms decides what an adjective two countries share stands for
// ("Congolese": the DR Congo or the Republic of the Congo): the dateline's
// country if it is one of them ("KINSHASA, March 13"), else the only one
// of them the article names, else the usual reading.
func (d *document) sharedDemonyms() {
	named := map[string]bool{}
	d.eachMention(func(r ref, m *mention) {
		if m.Type == schema.Country && m.Form == formProper {
			named[m.Code] = true
		}
	})
	d.eachMention(func(r ref, m *mention) {
		if m.Form != formDemonym {
			return
		}
		codes := d.g.shared[fold(d.views[r.Sent].span(m.T0, m.T1))]
		if len(codes) == 0 {
			return
		}
		old := m.Code
		m.Code = d.sharedCode(codes, named)
		m.Name = d.g.countryNames[m.Code]
		for i := range d.mentions[r.Sent] {
			// "Congolese President …": the title took the first reading.
			if x := &d.mentions[r.Sent][i]; x.RoleCode == old && x.T0 <= m.T0 && m.T1 <= x.T1 {
				x.RoleCode = m.Code
			}
		}
	})
}

// sharedCode picks one of codes, as sharedDemonyms says.
func (d *document) sharedCode(codes []string, named map[string]bool) string {
	for _, name := range []string{d.dl.Region, d.dl.Place} {
		if e, ok := d.g.lookup(fold(name)); ok && name != "" && slices.Contains(codes, e.Code) {
			return e.Code
		}
	}
	only := ""
	for _, c := range codes {
		if named[c] {
			if only != "" {
				return codes[0]
			}
			only = c
		}
	}
	if only != "" {
		return only
	}
	return codes[0]
}
