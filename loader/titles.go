package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// titleAntecedent resolves a title with no name to the latest person whose
// office fits it: same country when one is given, and a title sharing the
// head word (any leader for "leader", a leader of another country for
// "host").
func (d *document) titleAntecedent(r ref, m *mention) int {
	code := m.RoleCode
	if m.Head == "host" || m.Counterpart {
		return d.hostOf(r, m)
	}
	if k := d.principal(r, m); k >= 0 {
		return k
	}
	for s := r.Sent; s >= 0 && s >= r.Sent-12; s-- {
		ms := d.mentions[s]
		for i := len(ms) - 1; i >= 0; i-- {
			x := &ms[i]
			if s == r.Sent && x.T0 >= m.T0 || x.Entity < 0 || x.Form == formPronoun {
				continue
			}
			e := &d.entities[x.Entity]
			if e.Type != schema.Person || x.Modifier {
				continue
			}
			if d.titleFits(m, x, e, code) {
				return x.Entity
			}
		}
	}
	return -1
}

// principal resolves a bare title written with a capital after "the" ("The
// Secretary condemned …", "the Minister thanked …"), as official readouts
// name the one whose office issues them: the first person of the article
// whose office fits the title, even where a later holder of such a title
// is nearer ("Secretary Reyes thanked the Secretary": the first one). A
// small-letter title ("the minister") is left to the latest fitting
// person.
func (d *document) principal(r ref, m *mention) int {
	toks := d.views[r.Sent].Toks
	if m.RoleCode != "" || m.Abbrev || m.T0 == 0 || toks[m.T0-1].Low != "the" || !toks[m.T0].Cap {
		return -1
	}
	for s := 0; s <= r.Sent; s++ {
		for i := range d.mentions[s] {
			x := &d.mentions[s][i]
			if s == r.Sent && x.T0 >= m.T0 || x.Entity < 0 || x.Form != formProper || x.Modifier {
				continue
			}
			if e := &d.entities[x.Entity]; e.Type == schema.Person && d.titleFits(m, x, e, "") {
				return x.Entity
			}
		}
	}
	return -1
}

// hostOf resolves "his host" or "his counterpart" with no name: the latest
// leader of another country than the possessor's.
func (d *document) hostOf(r ref, m *mention) int {
	guest := -1
	if m.RoleRef >= 0 {
		guest = d.mentions[r.Sent][m.RoleRef].Entity
	}
	if guest < 0 {
		return -1
	}
	gcode := d.entities[guest].RoleCode
	for s := r.Sent; s >= 0 && s >= r.Sent-6; s-- {
		ms := d.mentions[s]
		for i := len(ms) - 1; i >= 0; i-- {
			x := &ms[i]
			if s == r.Sent && x.T0 >= m.T0 || x.Entity < 0 || x.Entity == guest || x.Modifier {
				continue
			}
			e := &d.entities[x.Entity]
			if e.Type == schema.Person && e.Leader && e.RoleCode != gcode {
				return x.Entity
			}
		}
	}
	return -1
}

// officeOf returns the country, title and leadership that the mentions of
// person e give so far.
func (d *document) officeOf(e *entity) (string, string, bool) {
	code, role, leader := "", "", false
	for _, r := range e.Mentions {
		x := d.m(r)
		if code == "" {
			code = x.RoleCode
		}
		if role == "" {
			role = x.Role
		}
		leader = leader || x.Leader
	}
	return code, role, leader
}

// titleFits reports whether person mention x (of entity e) fits title m.
func (d *document) titleFits(m, x *mention, e *entity, code string) bool {
	xcode, xrole, leader := e.RoleCode, e.Role, e.Leader
	if xcode == "" && xrole == "" {
		xcode, xrole, leader = d.officeOf(e)
	}
	if code != "" && xcode != code {
		return false
	}
	role := strings.ToLower(xrole)
	switch m.Head {
	case "leader", "host":
		return leader && (m.Head != "host" || code == "")
	case "counterpart":
		return false
	}
	if role == "" {
		return false
	}
	if mr := strings.ToLower(m.Role); m.Abbrev && strings.Contains(mr, " ") {
		// "EAM" names the External Affairs Minister's office, not any
		// minister's: an abbreviation stands for one office only
		if !strings.Contains(role, mr) {
			return false
		}
	}
	if mq, eq := qualifier(strings.ToLower(m.Role)), qualifier(role); mq != "" && mq != eq || mq == "" && eq != "" && m.Leader {
		return false // "the vice president" is not the president, nor "the president" his deputy
	}
	return strings.Contains(role, m.Head) || m.Head == "president" && leader && code != ""
}

// qualifier returns the word that makes a title a second office of its
// kind ("vice president", "deputy prime minister", "assistant
// secretary"), or "".
func qualifier(role string) string {
	for _, w := range strings.Fields(role) {
		switch w = strings.TrimSuffix(w, "-"); w {
		case "vice", "deputy", "assistant", "under", "acting", "first", "second", "junior", "associate":
			return w
		}
		if strings.HasPrefix(w, "vice-") || strings.HasPrefix(w, "deputy-") || strings.HasPrefix(w, "under-") {
			return w[:strings.IndexByte(w, '-')]
		}
	}
	return ""
}
