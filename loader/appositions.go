package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// pairedOffices reads "the Chilean and Peruvian leaders, Tomás Aravena
// and Ana Torres": each name holds the office in the country named in
// the same place of its list.
func (mf mentionFinder) pairedOffices(v *sentView, ms []mention) {
	for a := range ms {
		x := &ms[a]
		if x.Form != formDemonym && x.Type != schema.Country || x.T1+1 >= len(v.Toks) ||
			v.Toks[x.T1].Low != "and" {
			continue
		}
		b := mentionStartingAt(ms, x.T1+1, schema.Country)
		if b < 0 {
			continue
		}
		k := ms[b].T1
		for k < len(v.Toks) && k < ms[b].T1+3 && v.Toks[k].Text != "," {
			k++
		}
		switch v.Toks[k-1].Low {
		case "leaders", "presidents", "ministers", "premiers", "counterparts":
		default:
			continue
		}
		if k+1 >= len(v.Toks) || v.Toks[k].Text != "," {
			continue
		}
		p := mentionAt(ms, k+1)
		if p < 0 || ms[p].T1+1 >= len(v.Toks) || v.Toks[ms[p].T1].Low != "and" {
			continue
		}
		q := mentionAt(ms, ms[p].T1+1)
		if q < 0 || ms[p].RoleCode != "" || ms[q].RoleCode != "" {
			continue
		}
		role := strings.TrimSuffix(v.Toks[k-1].Text, "s")
		for _, pr := range [][2]int{{p, a}, {q, b}} {
			m := &ms[pr[0]]
			m.Type, m.RoleCode, m.Role = schema.Person, ms[pr[1]].Code, role
			m.Leader = role == "leader" || role == "president" || role == "premier"
		}
		x.Modifier, ms[b].Modifier = true, true
	}
}

// headsOf reads "X, who heads Niger's transitional council" and "X, who
// chairs the Y": the body X leads (or, with none named, the country) is
// where X holds office.
func (mf mentionFinder) headsOf(v *sentView, ms []mention) {
	for a := range ms {
		p := &ms[a]
		if p.Form != formProper || p.Modifier || p.Type != schema.Person && p.Type != "" ||
			p.RoleCode != "" || p.RoleOrg >= 0 || p.T1+2 >= len(v.Toks) ||
			v.Toks[p.T1].Text != "," || v.Toks[p.T1+1].Low != "who" {
			continue
		}
		if !leadVerbs[v.Toks[p.T1+2].Low] {
			continue
		}
		code := ""
		for k := p.T1 + 3; k < len(v.Toks) && k < p.T1+9; k++ {
			b := mentionStartingAt(ms, k, schema.Organization)
			if b < 0 {
				b = mentionStartingAt(ms, k, schema.Country)
			}
			if b < 0 {
				if t := v.Toks[k]; t.Text == "," || t.Text == ";" || t.Text == "." {
					break
				}
				continue
			}
			if ms[b].Type == schema.Organization {
				p.RoleOrg, p.Type = b, schema.Person
				break
			}
			if code == "" {
				code = ms[b].Code
			}
			k = ms[b].T1 - 1
		}
		if p.RoleOrg < 0 && code != "" {
			p.RoleCode, p.Type = code, schema.Person
		}
	}
}

// mentionStartingAt returns the mention of type t that starts at token k,
// or -1.
func mentionStartingAt(ms []mention, k int, t schema.EntityType) int {
	for i, m := range ms {
		if m.T0 == k && m.Type == t {
			return i
		}
	}
	return -1
}

// whereHolder reads "the Chilean embassy, where ambassador X": the country
// of the embassy is where the office is held.
func (mf mentionFinder) whereHolder(v *sentView, m *mention, k int, ms []mention,
	covered []int) {
	if k < 3 || v.Toks[k-1].Text != "," {
		return
	}
	switch v.Toks[k-2].Low {
	case "embassy", "consulate", "mission", "ministry", "office":
	default:
		return
	}
	if c := covered[k-3]; c >= 0 && ms[c].Type == schema.Country {
		m.RoleCode = ms[c].Code
	}
}

// leadVerbs are verbs of leading a body: "X, who heads the Y"
// (lexicon/lead-verbs.txt).
var leadVerbs = pkgLex.words("lead-verbs.txt")
