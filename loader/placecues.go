package loader

import (
	"strings"

	"github.com/diplograph/diplograph/schema"
)

// placeCue reports whether a name with no title is a place rather than a
// person: the words before it ("in", "flew to") or the name itself
// (placeName).
func (d *document) placeCue(r ref, m *mention) bool {
	return d.placeContext(r, m) || d.placeName(r, m)
}

// placeName reports whether a name is a place by what is written in and
// around it. Two capitalised words look like a person's name; a place
// shows itself by its first word ("Lake Chad", "Palacio Santos", "El
// Fasher"), a geographical noun after it ("the Bab el-Mandeb strait"), "the
// town of" before it, an apposition that says what it is ("Bahir Dar, a
// city …") or the dateline. These outweigh a country's possessive before
// it ("Indonesia's North Kalimantan province"), which a preposition does
// not. So does ", in Y province" after it.
func (d *document) placeName(r ref, m *mention) bool {
	v := d.views[r.Sent]
	if m.N1-m.N0 > 1 && d.g.placeFirst[v.Toks[m.N0].Low] {
		return true
	}
	if m.T1 < len(v.Toks) && d.g.geoNouns[v.Toks[m.T1].Low] || d.sharedGeoNoun(v, m.T1) ||
		d.compoundGeoNoun(v, m) {
		return true
	}
	if m.T0 >= 2 && v.Toks[m.T0-1].Low == "of" && d.g.placeOf[v.Toks[m.T0-2].Low] {
		return true // "the resort of Punta del Este"
	}
	if d.placeApposition(v, m.T1) || d.inDivision(v, m.T1) {
		return true
	}
	return d.dl.Place != "" && fold(m.Name) == fold(d.dl.Place)
}

// untitledPlace reports whether a person's name with no title of office
// is to be decided as a possible place, with the lone words.
func (d *document) untitledPlace(r ref, m *mention) bool {
	return m.Role == "" && (d.placeName(r, m) || m.RoleCode == "" && d.placeContext(r, m))
}

// placeApposition reports whether the words from token k are an
// apposition naming a kind of place: ", a town …", ", the capital of …",
// ", a seaside city", ", Fiji's second-largest island".
func (d *document) placeApposition(v *sentView, k int) bool {
	if k+2 >= len(v.Toks) || v.Toks[k].Text != "," {
		return false
	}
	start := k + 2
	if w := v.Toks[k+1].Low; w != "a" && w != "an" && w != "the" {
		// ", Fiji's second-largest island": a country's possessive.
		g := v.Gaz[k+1]
		if g.End == 0 || g.Entry.Kind != gazCountry || g.End >= len(v.Toks) ||
			!v.Toks[g.End].isPossessive() {
			return false
		}
		start = g.End + 1
	}
	for j := start; j < len(v.Toks) && j <= start+2; j++ {
		t := v.Toks[j]
		if d.g.placeOf[t.Low] {
			return true
		}
		if !t.Word || t.Cap {
			return false
		}
	}
	return false
}

// facility reads a name with no title followed by a lower-case noun of a
// building or site ("the Amalia Ferreira clinic", "the Nowina
// colliery"): the name and the noun are a place, not the person or town
// it is called after. A one-word name is kept as the surface form, so that
// the name alone ("Zofiówka was …") finds the place again.
func (mf mentionFinder) facility(v *sentView, r run) (mention, bool) {
	if r.T1 >= len(v.Toks) || v.Toks[r.T1].Cap || !mf.g.facilities[v.Toks[r.T1].Low] ||
		v.Roles[r.T0].End > 0 {
		return mention{}, false
	}
	for i := r.T0; i < r.T1; i++ {
		if v.Gaz[i].End > 0 {
			return mention{}, false // "Nairobi hospital", "Kenyan airport": the place is named
		}
	}
	m := newMention(v.Index, r.T0, r.T1+1, schema.Place, formProper)
	m.Name, m.Head = v.span(r.T0, r.T1+1), v.Toks[r.T1].Low
	if r.T1-r.T0 == 1 {
		m.N1 = r.T1
	}
	if r.T0 > 0 {
		m.Prep = v.Toks[r.T0-1].Low
	}
	return m, true
}

// inDivision reports whether the words from token k say where a place
// lies: ", in Kayes region", ", in the Amhara region".
func (d *document) inDivision(v *sentView, k int) bool {
	if k+2 >= len(v.Toks) || v.Toks[k].Text != "," || v.Toks[k+1].Low != "in" {
		return false
	}
	for j := k + 2; j < len(v.Toks) && j <= k+6; j++ {
		t := v.Toks[j]
		switch {
		case !t.Word:
			return false
		case !t.Cap && d.g.placeOf[t.Low] && j > k+2:
			return true
		}
	}
	return false
}

// sharedGeoNoun reports whether the words from token k give a name the
// plural place noun of the next one: "Ratnapura" in "the Ratnapura and
// Kegalle districts".
func (d *document) sharedGeoNoun(v *sentView, k int) bool {
	if k+2 >= len(v.Toks) || v.Toks[k].Low != "and" {
		return false
	}
	j := k + 1
	for j < len(v.Toks) && j <= k+4 && v.Toks[j].Cap {
		j++
	}
	if j == k+1 || j >= len(v.Toks) {
		return false
	}
	w := v.Toks[j].Low
	return strings.HasSuffix(w, "s") && d.g.geoNouns[w]
}

// compoundGeoNoun reports whether a name after "the" heads a compound
// whose last noun is a place noun, past one lower-case word and an
// acronym in brackets: "the Ambalat seabed block", "the Greater Tortue
// Ahmeyim (GTA) gas field". "the" keeps out a person's name before a verb
// ("Mensah said district officials …").
func (d *document) compoundGeoNoun(v *sentView, m *mention) bool {
	j := m.T0 - 1 // "the offshore Greater Sunrise (GS) gas field"
	if j > 0 && !v.Toks[j].Cap && v.Toks[j].Word && v.Toks[j].Lex&lexStop == 0 {
		j--
	}
	if j < 0 || v.Toks[j].Low != "the" {
		return false
	}
	k := m.T1
	if k+2 < len(v.Toks) && v.Toks[k].Text == "(" && v.Toks[k+2].Text == ")" {
		k += 3
	}
	if k+1 >= len(v.Toks) {
		return false
	}
	t := v.Toks[k]
	if !t.Word || t.Cap || t.Lex&lexStop != 0 {
		return false
	}
	return d.g.geoNouns[t.Low] || d.g.geoNouns[v.Toks[k+1].Low]
}
