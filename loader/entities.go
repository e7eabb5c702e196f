package loader

import (
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

// hasFold reports whether one of names folds to f.
func hasFold(names []string, f string) bool {
	for _, n := range names {
		if fold(n) == f {
			return true
		}
	}
	return false
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
