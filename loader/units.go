package loader

import (
	"github.com/diplograph/diplograph/schema"
)

// roleNoun adds an office holder named by a title written in lower case
// ("the prime minister", "Samoa's president", "his Norwegian
// counterpart", "the political adviser in Aravena's office"). Who holds it is
// settled by units (an apposed name) or by coreference.
func (mf mentionFinder) roleNoun(v *sentView, i int, ms []mention, covered []int,
	add *[]mention) bool {
	t := v.Toks[i]
	var role roleInfo
	end := i + 1
	counterpart := false
	switch t.Low {
	case "counterpart", "host":
		counterpart = t.Low == "counterpart"
	default:
		var words []string
		role, words, end = mf.title(v, i, len(v.Toks))
		if len(words) == 0 || v.Toks[end-1].Low[len(v.Toks[end-1].Low)-1] == 's' &&
			v.Toks[end-1].Low != "boss" {
			return false // plural titles are read by plural
		}
		if end < len(v.Toks) {
			switch v.Toks[end-1].Low {
			case "chief", "head", "deputy", "official", "general":
				if n := v.Toks[end]; n.Word && !n.Cap && !prepositions[n.Low] &&
					v.Roles[end].End == 0 {
					return false // "chief guest", "head coach"
				}
			}
		}
	}
	m := newMention(v.Index, i, end, schema.Person, formNominal)
	m.Head, m.Role, m.Leader, m.Counterpart = v.Toks[end-1].Low, role.Name, role.Leader, counterpart
	mf.roleLeft(v, &m, ms, covered)
	mf.roleRight(v, &m, ms, covered)
	if end < len(v.Toks) && v.Toks[end].isPossessive() {
		m.Poss = true
	}
	*add = append(*add, m)
	return true
}

// roleLeft reads what stands before a lower-case title: a determiner, a
// demonym, a possessor ("Samoa's", "the forum's", "his") or an
// organisation ("UN spokesperson"), and widens the mention to take it in.
func (mf mentionFinder) roleLeft(v *sentView, m *mention, ms []mention, covered []int) {
	for k := m.T0 - 1; k >= 0; k-- {
		t := v.Toks[k]
		if t.isPossessive() && k > 0 && covered[k-1] >= 0 {
			p := &ms[covered[k-1]]
			mf.setHolder(m, covered[k-1], p)
			p.Modifier = p.Type == schema.Country || p.Type == schema.Organization
			m.T0 = p.T0
			return
		}
		if c := covered[k]; c >= 0 {
			p := &ms[c]
			switch {
			case p.Form == formPronoun:
				m.RoleRef, m.T0 = c, p.T0
				return
			case p.Type == schema.Country || p.Type == schema.Organization:
				mf.setHolder(m, c, p)
				p.Modifier = true
				m.T0 = p.T0
				continue
			case p.Type == "" && mf.g.rolePrefix[v.Toks[p.T0].Low] && p.T1-p.T0 == 1:
				p.Modifier, p.Type = true, "" // "Presidential spokesperson"
				m.T0 = p.T0
				continue
			case p.Type == "" && p.T1-p.T0 == 1 && isShortUpper(p.Name) && len(p.Name) >= 2:
				m.RoleRef = c // "the RSF commander": an acronym names a body
				return
			}
			return
		}
		if t.Low == "where" {
			mf.whereHolder(v, m, k, ms, covered) // "at the Chilean embassy, where ambassador X"
			return
		}
		if t.Low == "whose" && k >= 2 && v.Toks[k-1].Text == "," && covered[k-2] >= 0 {
			p := &ms[covered[k-2]] // "Eritrea, whose president, …"
			if p.Type == schema.Country || p.Type == schema.Organization {
				mf.setHolder(m, covered[k-2], p)
			}
			return
		}
		switch t.Low {
		case "the", "a", "an", "then", "visiting", "former", "its", "their":
			m.T0 = k
			if t.Low == "the" || t.Low == "a" || t.Low == "an" {
				return
			}
			continue
		}
		return
	}
}

// roleRight reads a complement after a title ("in Aravena's office", "for
// foreign affairs", "of Ghana") up to the next comma.
func (mf mentionFinder) roleRight(v *sentView, m *mention, ms []mention, covered []int) {
	if m.T1 >= len(v.Toks) {
		return
	}
	switch v.Toks[m.T1].Low {
	case "in", "of", "for", "at", "to":
	default:
		return
	}
	if posted(m.Role) && v.Toks[m.T1].Low != "of" && v.Toks[m.T1].Low != "for" {
		return // "its ambassador in Skopje": where she serves, not whose she is
	}
	for k := m.T1 + 1; k < len(v.Toks) && k < m.T1+7; k++ {
		t := v.Toks[k]
		if t.Text == "," || t.Text == "." || t.Text == ";" {
			return
		}
		if c := covered[k]; c >= 0 {
			p := &ms[c]
			if m.RoleCode == "" && m.RoleOrg < 0 && m.RoleRef < 0 {
				mf.setHolder(m, c, p)
			}
			k = p.T1 - 1
		}
	}
}

// setHolder records mention p (number c) as where the office of m is held.
func (mf mentionFinder) setHolder(m *mention, c int, p *mention) {
	switch {
	case p.Type == schema.Country:
		m.RoleCode = p.Code
	case p.Type == schema.Organization:
		m.RoleOrg = c
	case p.Type == schema.Place && p.Capital:
		m.RoleCode = p.Code
	default:
		if p.RoleCode != "" && p.Form == formNominal {
			m.RoleCode = p.RoleCode
		} else {
			m.RoleRef = c
		}
	}
}

// units joins office holders to the names apposed to them ("Samoa's
// president, Tuala Fiame Leota"; "Erik Sandvik, the New Zealand prime
// minister"; "Chile's Tomás Aravena") so each person is one mention
// with its office.
func (mf mentionFinder) units(v *sentView, ms []mention) []mention {
	for a := range ms {
		m := &ms[a]
		if m.Type != schema.Person || m.Form != formNominal || m.Modifier {
			continue
		}
		// A title followed by a name, with or without a comma.
		k := m.T1
		if k+3 < len(v.Toks) && v.Toks[k].Low == "at" && v.Toks[k+1].Low == "the" &&
			v.Toks[k+2].Low == "time" {
			k += 3 // "his Norwegian counterpart at the time, Ingrid Dahl"
		}
		if k+2 < len(v.Toks) && v.Toks[k].Low == "of" {
			j := k + 1
			if v.Toks[j].Low == "the" {
				j++
			}
			if p := mentionAt(ms, j); p >= 0 && (ms[p].Type == schema.Organization ||
				ms[p].Type == schema.Country) && ms[p].T1 < len(v.Toks) && v.Toks[ms[p].T1].Text == "," {
				k = ms[p].T1 // "the secretary-general of the Andean Community, Lucía Ortega"
				if m.RoleCode == "" && m.RoleOrg < 0 && m.RoleRef < 0 {
					mf.setHolder(m, p, &ms[p]) // "The King of Eswatini, Mswati III"
				}
			}
		}
		if posted(m.Role) && k+2 < len(v.Toks) && (v.Toks[k].Low == "in" || v.Toks[k].Low == "to") {
			if p := mentionAt(ms, k+1); p >= 0 && ms[p].Type == schema.Place {
				k = ms[p].T1 // "its ambassador in Skopje, Vesna Radić"
			}
		}
		comma := k < len(v.Toks) && v.Toks[k].Text == ","
		if comma {
			k++
		}
		if b := mentionAt(ms, k); b >= 0 && ms[b].Form == formProper &&
			(ms[b].Type == schema.Person || ms[b].Type == "") &&
			(ms[b].Role == "" || ms[b].RoleCode == "" && ms[b].RoleOrg < 0 && comma) {
			p := &ms[b]
			if p.Role == "" {
				takeOffice(p, m)
			} else { // "his Bahraini counterpart, Sheikh Rashid": the title keeps its place
				p.RoleCode, p.RoleOrg, p.RoleRef = m.RoleCode, m.RoleOrg, m.RoleRef
				p.Counterpart = m.Counterpart
			}
			p.Type = schema.Person
			p.T0 = m.T0
			m.Modifier, m.Type = true, ""
			continue
		}
		// A name followed by a comma and a title ("X, the Secretary General
		// of the OAS").
		comma = m.T0 >= 2 && v.Toks[m.T0-1].Text == ","
		if !comma && m.T0 >= 3 && v.Toks[m.T0-1].Low == "the" && v.Toks[m.T0-2].Text == "," {
			comma, m.T0 = true, m.T0-1
		}
		// "Casa Verde, the governor's lodge": a title with a
		// possessive after it owns what the apposition names.
		if comma && !(m.T1 < len(v.Toks) && v.Toks[m.T1].isPossessive()) {
			if b := mentionEndingAt(ms, m.T0-1); b >= 0 && ms[b].Form == formProper &&
				(ms[b].Type == schema.Person || ms[b].Type == "") {
				p := &ms[b]
				if p.Role == "" {
					takeOffice(p, m)
				}
				p.Type = schema.Person
				p.T1 = m.T1
				m.Modifier, m.Type = true, ""
			}
		}
	}
	mf.pairedOffices(v, ms)
	mf.headsOf(v, ms)
	// "Chile's Tomás Aravena", "Ghana's Foreign Minister …".
	for a := range ms {
		c := &ms[a]
		if !c.Poss || c.Modifier || (c.Type != schema.Country && c.Type != schema.Organization) {
			continue
		}
		b := mentionAt(ms, c.T1+1)
		if b < 0 || ms[b].Form != formProper || ms[b].Type != schema.Person && ms[b].Type != "" {
			continue
		}
		p := &ms[b]
		if p.RoleCode != "" || p.RoleOrg >= 0 {
			continue
		}
		if c.Type == schema.Country {
			p.RoleCode = c.Code
		} else {
			p.RoleOrg = a
		}
		p.T0, c.Modifier = c.T0, true
		if p.N1-p.N0 > 1 {
			p.Type = schema.Person // a lone word ("Norway's Sami minority") stays unsure
		}
	}
	return ms
}

// takeOffice copies the office of title mention m onto person p.
func takeOffice(p, m *mention) {
	p.Role, p.Leader, p.Counterpart = m.Role, m.Leader, m.Counterpart
	if m.RoleCode != "" {
		p.RoleCode = m.RoleCode
	}
	if m.RoleOrg >= 0 {
		p.RoleOrg = m.RoleOrg
	}
	if m.RoleRef >= 0 {
		p.RoleRef = m.RoleRef
	}
}

// mentionAt returns the index of the non-modifier mention that starts at
// token t, or -1.
func mentionAt(ms []mention, t int) int {
	for i, m := range ms {
		if m.T0 == t && !m.Modifier {
			return i
		}
	}
	return -1
}

// mentionEndingAt returns the index of the non-modifier mention that ends at
// token t, or -1.
func mentionEndingAt(ms []mention, t int) int {
	for i, m := range ms {
		if m.T1 == t && !m.Modifier && m.Type != "" || m.T1 == t && m.Form == formProper &&
			!m.Modifier {
			return i
		}
	}
	return -1
}

// posted reports whether a role is held abroad, so that a place after "in",
// "at" or "to" is where its holder serves, not the country they serve.
func posted(role string) bool {
	return postedRoles[role]
}

// postedRoles are the roles held abroad (lexicon/posted-roles.txt).
var postedRoles = pkgLex.phrases("posted-roles.txt")
