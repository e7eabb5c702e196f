package loader

import "github.com/diplograph/diplograph/schema"

// orgName reads a name with no title that its words or the noun before it
// say is an organisation's: a company word inside it ("Grupo …", "…
// Spółka …", "… GmbH"), or a noun of organisations just before it or
// apposed ("the militant group al-Shabaab", "the operator, …").
func (mf mentionFinder) orgName(v *sentView, r run) (mention, bool) {
	if v.Roles[r.T0].End > 0 || v.Gaz[r.T0].End > 0 {
		return mention{}, false
	}
	found := false
	for i := r.T0; i < r.T1; i++ {
		if mf.g.corporate[v.Toks[i].Low] {
			found = true
		}
	}
	if k := r.T0 - 1; !found && k >= 0 {
		if v.Toks[k].Text == "," && k > 0 {
			k--
		}
		t := v.Toks[k]
		found = !t.Cap && mf.g.orgCues[t.Low] && (k == r.T0-1 || mf.determined(v, k))
	}
	if !found {
		return mention{}, false
	}
	m := newMention(v.Index, r.T0, r.T1, schema.Organization, formProper)
	m.Name = v.span(r.T0, r.T1)
	if r.T0 > 0 {
		m.Prep = v.Toks[r.T0-1].Low
	}
	if r.T1 < len(v.Toks) && v.Toks[r.T1].isPossessive() {
		m.Poss = true
	}
	return m, true
}

// determined reports whether the noun at token k has a definite
// determiner or a possessive before it ("the operator", "the mine's
// operator"), as a noun apposed to a name has.
func (mf mentionFinder) determined(v *sentView, k int) bool {
	if k == 0 {
		return false
	}
	p := v.Toks[k-1]
	return p.Low == "the" || p.Low == "its" || p.Low == "their" || p.isPossessive()
}
