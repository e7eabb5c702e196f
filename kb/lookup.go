package kb

import (
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

// Key folds a name the way the knowledge base indexes it.
func Key(name string) string { return norm.Key(name) }

// CountryByCode finds a country by its ISO 3166-1 alpha-2 or alpha-3 code
// (any case).
func (k *KB) CountryByCode(code string) *Country {
	return k.countryByISO[strings.ToUpper(strings.TrimSpace(code))]
}

// Country finds a country by name, recorded variant, demonym or ISO code.
// A code matches only when written in capitals ("US", "GBR"), so the word
// "us" is not the United States. A name shared by two countries (the
// demonym "Korean") gives the first recorded and ok; Countries gives all.
func (k *KB) Country(name string) (c *Country, m Match, ok bool) {
	t := strings.TrimSpace(name)
	if (len(t) == 2 || len(t) == 3) && strings.ToUpper(t) == t {
		if c := k.countryByISO[t]; c != nil {
			return c, ByCode, true
		}
	}
	key := norm.Key(name)
	if !shortOK(name, key) {
		return nil, "", false
	}
	if hs := k.countryKey[key]; len(hs) > 0 {
		return hs[0].c, hs[0].match, true
	}
	return nil, "", false
}

// Countries gives every country a name may refer to, best first.
func (k *KB) Countries(name string) []Candidate {
	return k.countriesOf(name, norm.Key(name), nil)
}

// countriesOf is Countries for a name already folded to key, appending to out.
func (k *KB) countriesOf(name, key string, out []Candidate) []Candidate {
	base := len(out)
	t := strings.TrimSpace(name)
	if (len(t) == 2 || len(t) == 3) && strings.ToUpper(t) == t {
		if c := k.countryByISO[t]; c != nil {
			out = append(out, countryCandidate(c, ByCode, t))
		}
	}
	if !shortOK(name, key) {
		return out
	}
	for _, h := range k.countryKey[key] {
		if len(out) > base && out[base].Country == h.c {
			continue
		}
		out = append(out, countryCandidate(h.c, h.match, h.name))
	}
	return out
}

func countryCandidate(c *Country, m Match, matched string) Candidate {
	return Candidate{Kind: KindCountry, Name: c.Name, IDs: c.IDs(), Match: m, Matched: matched, Country: c}
}

// shortOK reports whether a name may be looked up: a key of three letters
// or fewer ("us", "un", "who") counts only when written with a capital
// ("US", "U.N.", "WHO"), lest a common word become an entity.
func shortOK(name, key string) bool {
	if len(key) > 3 {
		return true
	}
	for _, r := range name {
		if r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// CountryOfCapital finds the country whose capital is name ("Moscow").
func (k *KB) CountryOfCapital(name string) *Country {
	if cs := k.capitalKey[norm.Key(name)]; len(cs) > 0 {
		return cs[0]
	}
	return nil
}

// Places gives the places called name (name or alternate name), those in
// countryHint first (a country name, demonym or code; "" for none), then by
// population, largest first. At most limit places (limit ≤ 0: all).
func (k *KB) Places(name, countryHint string, limit int) []*Place {
	return k.placesOf(norm.Key(name), countryHint, limit)
}

// placesOf is Places for a name already folded to key.
func (k *KB) placesOf(key, countryHint string, limit int) []*Place {
	head, ok := k.placeKey[key]
	if !ok {
		return nil
	}
	hint := k.hintISO(countryHint)
	var out []*Place
	full := func() bool { return limit > 0 && len(out) >= limit }
	if hint != "" {
		for e := head; e >= 0 && !full(); e = k.placePost[e+1] {
			if p := &k.places[k.placePost[e]]; p.Country == hint {
				out = append(out, p)
			}
		}
	}
	for e := head; e >= 0 && !full(); e = k.placePost[e+1] {
		if p := &k.places[k.placePost[e]]; hint == "" || p.Country != hint {
			out = append(out, p)
		}
	}
	return out
}

// Place is the most likely place called name: in countryHint if there is
// one there, else the most populous.
func (k *KB) Place(name, countryHint string) (*Place, bool) {
	ps := k.Places(name, countryHint, 1)
	if len(ps) == 0 {
		return nil, false
	}
	return ps[0], true
}

// PlaceByID finds a place by its GeoNames id.
func (k *KB) PlaceByID(geonames int) *Place {
	i := sort.Search(len(k.places), func(i int) bool { return k.places[i].GeoNames >= geonames })
	if i < len(k.places) && k.places[i].GeoNames == geonames {
		return &k.places[i]
	}
	return nil
}

func (k *KB) hintISO(hint string) string {
	if hint == "" {
		return ""
	}
	if c, _, ok := k.Country(hint); ok {
		return c.ISO2
	}
	if c := k.CountryByCode(hint); c != nil {
		return c.ISO2
	}
	return ""
}

// Regions gives the first-level regions called name, those in countryHint
// first.
func (k *KB) Regions(name, countryHint string) []*Region {
	rs := k.regionKey[norm.Key(name)]
	hint := k.hintISO(countryHint)
	if hint == "" || len(rs) < 2 {
		return rs
	}
	out := make([]*Region, 0, len(rs))
	for _, r := range rs {
		if r.Country == hint {
			out = append(out, r)
		}
	}
	for _, r := range rs {
		if r.Country != hint {
			out = append(out, r)
		}
	}
	return out
}

// Org finds an international organisation by name, abbreviation or alias.
func (k *KB) Org(name string) (o *Org, m Match, ok bool) {
	key := norm.Key(name)
	if !shortOK(name, key) {
		return nil, "", false
	}
	hs := k.orgKey[key]
	if len(hs) == 0 {
		return nil, "", false
	}
	return hs[0].o, hs[0].match, true
}

// Wikidata finds the country, organisation or person with a Wikidata id
// ("Q1065"); ok is false when the knowledge base has none.
func (k *KB) Wikidata(qid string) (c Candidate, ok bool) {
	switch e := k.byQID[strings.TrimSpace(qid)].(type) {
	case *Country:
		return countryCandidate(e, ByID, qid), true
	case *Org:
		return Candidate{Kind: KindOrg, Name: e.Name, IDs: e.IDs(), Match: ByID, Matched: qid, Org: e}, true
	case *Person:
		return Candidate{Kind: KindPerson, Name: e.Name, IDs: e.IDs(), Match: ByID, Matched: qid, Person: e}, true
	}
	return Candidate{}, false
}

// roleWords maps the words of a title, folded, to the roles it may name and
// a word the office's title must then contain ("" for none).
var roleWords = map[string]struct {
	roles []Role
	title string
}{
	"head of state":                {[]Role{HeadOfState}, ""},
	"head of government":           {[]Role{HeadOfGovernment}, ""},
	"prime minister":               {[]Role{HeadOfGovernment}, ""},
	"premier":                      {[]Role{HeadOfGovernment}, ""},
	"chancellor":                   {[]Role{HeadOfGovernment}, ""},
	"taoiseach":                    {[]Role{HeadOfGovernment}, ""},
	"president":                    {[]Role{HeadOfState, HeadOfGovernment, OrgHead}, "president"},
	"king":                         {[]Role{HeadOfState}, "king"},
	"queen":                        {[]Role{HeadOfState}, "queen"},
	"emperor":                      {[]Role{HeadOfState}, "emperor"},
	"emir":                         {[]Role{HeadOfState}, "mir"},
	"amir":                         {[]Role{HeadOfState}, "mir"},
	"sultan":                       {[]Role{HeadOfState}, "sultan"},
	"monarch":                      {[]Role{HeadOfState}, ""},
	"supreme leader":               {[]Role{HeadOfState}, "supreme leader"},
	"foreign minister":             {[]Role{ForeignMinister}, ""},
	"foreign secretary":            {[]Role{ForeignMinister}, ""},
	"minister of foreign affairs":  {[]Role{ForeignMinister}, ""},
	"minister for foreign affairs": {[]Role{ForeignMinister}, ""},
	"external affairs minister":    {[]Role{ForeignMinister}, ""},
	"secretary of state":           {[]Role{ForeignMinister}, "secretary of state"},
	"top diplomat":                 {[]Role{ForeignMinister}, ""},
	"secretary general":            {[]Role{OrgHead}, "secretary"},
	"director general":             {[]Role{OrgHead}, "director"},
	"chief":                        {[]Role{OrgHead}, ""},
	"head":                         {[]Role{OrgHead}, ""},
	"chair":                        {[]Role{OrgHead}, ""},
	"chairman":                     {[]Role{OrgHead}, ""},
	"chairperson":                  {[]Role{OrgHead}, ""},
	"deputy secretary general":     {[]Role{OrgDeputy}, "deputy"},
	"minister":                     {[]Role{ForeignMinister, GovernmentMember}, ""},
	"vice president":               {[]Role{VicePresident}, ""},
	"crown prince":                 {[]Role{Heir}, ""},
	"heir":                         {[]Role{Heir}, ""},
	"heir apparent":                {[]Role{Heir}, ""},
	"government":                   {[]Role{GovernmentMember}, ""},
}

// rolesOf reads a role: a Role code ("head-of-government") or the words of
// a title ("prime minister", "Secretary-General").
func rolesOf(role string) ([]Role, string, bool) {
	switch r := Role(role); r {
	case HeadOfState, HeadOfGovernment, ForeignMinister, OrgHead, OrgDeputy, OrgOfficer, GovernmentMember, VicePresident, Heir:
		return []Role{r}, "", true
	}
	w, ok := roleWords[norm.Key(role)]
	return w.roles, w.title, ok
}

// OfficeHolder gives who held role in where on date d: role is a Role code
// or the words of a title ("prime minister", "president", "foreign
// minister", "secretary-general"); where is a country (name, demonym, code)
// or an organisation (name, abbreviation). The holders are the latest
// starting first; one person holding two matching roles (a president who is
// head of state and of government) comes once. nil when the role or the
// place is unknown or no one recorded held it then.
func (k *KB) OfficeHolder(role, where string, d Date) []*Office {
	roles, titleWord, ok := rolesOf(role)
	if !ok {
		return nil
	}
	var keys [2]string
	if c, _, ok := k.Country(where); ok {
		keys[0] = c.ISO2
	} else if c := k.CountryByCode(where); c != nil {
		keys[0] = c.ISO2
	}
	if o, _, ok := k.Org(where); ok {
		keys[1] = o.key
	}
	var out []*Office
	for _, key := range keys {
		if key == "" {
			continue
		}
		for _, r := range roles {
			for _, o := range k.officesAt[officeKey{key, r}] {
				if !o.Current(d) || heldBy(out, o.Person) {
					continue
				}
				if titleWord != "" && (o.Org == nil || titleWord != "president") && !strings.Contains(o.titleKey, titleWord) {
					continue
				}
				out = append(out, o)
			}
		}
	}
	sortOffices(out)
	return out
}

func heldBy(os []*Office, p *Person) bool {
	for _, o := range os {
		if o.Person == p {
			return true
		}
	}
	return false
}

// hasTitle reports whether the office is one of roles (any when nil) and,
// for a national office, its title has titleWord.
func (o *Office) hasTitle(roles []Role, titleWord string) bool {
	if roles == nil {
		return true
	}
	return hasRole(roles, o.Role) && (titleWord == "" || o.Org != nil || strings.Contains(o.titleKey, titleWord))
}

func hasRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// sortOffices puts the latest start first.
func sortOffices(os []*Office) {
	sort.SliceStable(os, func(i, j int) bool { return os[i].Start > os[j].Start })
}

// compareHome orders two offices by how likely their country is the
// holder's own: a sovereign country's (or an organisation's) before a
// dependent territory's, whose head of state is often another country's;
// then the more populous country (France before Andorra for its co-prince,
// the United Kingdom before Canada for their king).
func compareHome(a, b *Office) int {
	sa, sb := a.Country == nil || a.Country.Sovereign, b.Country == nil || b.Country.Sovereign
	if sa != sb {
		if sa {
			return -1
		}
		return 1
	}
	if a.Country != nil && b.Country != nil && a.Country.Population != b.Country.Population {
		if a.Country.Population > b.Country.Population {
			return -1
		}
		return 1
	}
	return 0
}

// HeldOffice is an office a name matched, with the evidence.
type HeldOffice struct {
	*Office
	Match   Match
	Matched string
}

// OfficesOf gives the offices held on date d by the people whose name,
// alias or surname is name. A title before the name ("President Biden",
// "Prime Minister Oli") restricts the offices to those it names. Full-name
// matches come before surname matches; within each, the latest start first.
func (k *KB) OfficesOf(name string, d Date) []HeldOffice {
	hits, roles, titleWord := k.personHits(norm.Key(name))
	var out []HeldOffice
	for _, h := range hits {
		for _, i := range h.p.offices {
			o := k.offices[i]
			if !o.Current(d) {
				continue
			}
			if !o.hasTitle(roles, titleWord) {
				continue
			}
			out = append(out, HeldOffice{Office: o, Match: h.match, Matched: h.name})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := out[i].Match == BySurname, out[j].Match == BySurname
		if si != sj {
			return sj
		}
		if c := compareHome(out[i].Office, out[j].Office); c != 0 {
			return c < 0
		}
		return out[i].Start > out[j].Start
	})
	return out
}

// personHits finds the people a folded name may be. A title before the
// name ("prime minister oli") is read off and returned as roles and the
// word the office's title must contain.
func (k *KB) personHits(key string) (hits []personHit, roles []Role, titleWord string) {
	if hits = k.personKey[key]; len(hits) > 0 {
		return hits, nil, ""
	}
	words := strings.Fields(key)
	for n := min(len(words)-1, 4); n >= 1; n-- {
		if rs, tw, ok := rolesOf(strings.Join(words[:n], " ")); ok {
			if h := k.personKey[strings.Join(words[n:], " ")]; len(h) > 0 {
				return h, rs, tw
			}
		}
	}
	return nil, nil, ""
}

// People gives the people whose name, alias or surname is name, with no
// regard to date.
func (k *KB) People(name string) []*Person {
	var out []*Person
	for _, h := range k.personKey[norm.Key(name)] {
		out = append(out, h.p)
	}
	return out
}

// Offices gives every recorded office of a person, earliest first.
func (k *KB) Offices(p *Person) []*Office {
	out := make([]*Office, 0, len(p.offices))
	for _, i := range p.offices {
		out = append(out, k.offices[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// Lookup gives every entity name may refer to on date d (for people, their
// offices on that date): countries (by name, variant, demonym, code or
// capital), organisations, people, first-level regions and places (at most
// five, the most populous first). The order is by evidence: a country's or
// organisation's own name or abbreviation, then a person in office on d
// under the full name, then regions and towns over 100,000 people, then
// aliases, demonyms and capitals, then people by surname, then smaller
// places and alternate names.
func (k *KB) Lookup(name string, d Date) []Candidate {
	key := norm.Key(name)
	out := k.countriesOf(name, key, make([]Candidate, 0, 8))
	if cs := k.capitalKey[key]; len(cs) > 0 {
		out = append(out, countryCandidate(cs[0], ByCapital, cs[0].Capital))
	}
	if !shortOK(name, key) {
		return out
	}
	for _, h := range k.orgKey[key] {
		out = append(out, Candidate{Kind: KindOrg, Name: h.o.Name, IDs: h.o.IDs(), Match: h.match, Matched: h.name, Org: h.o})
	}
	hits, roles, titleWord := k.personHits(key)
	for _, h := range hits {
		c := Candidate{Kind: KindPerson, Name: h.p.Name, IDs: h.p.IDs(), Match: h.match, Matched: h.name, Person: h.p}
		for _, i := range h.p.offices {
			if o := k.offices[i]; o.Current(d) && o.hasTitle(roles, titleWord) {
				c.Offices = append(c.Offices, o)
			}
		}
		sort.SliceStable(c.Offices, func(i, j int) bool { return compareHome(c.Offices[i], c.Offices[j]) < 0 })
		if h.match == BySurname && len(c.Offices) == 0 {
			continue // a bare surname says little about someone out of office
		}
		out = append(out, c)
	}
	for _, r := range k.regionKey[key] {
		out = append(out, Candidate{Kind: KindRegion, Name: r.Name, IDs: r.IDs(), Match: ByName, Matched: r.Name, Region: r})
	}
	for _, p := range k.placesOf(key, "", 5) {
		m := ByName
		if !strings.EqualFold(p.Name, name) && norm.Key(p.Name) != key {
			m = ByAlternate
		}
		out = append(out, Candidate{Kind: KindPlace, Name: p.Name, IDs: p.IDs(), Match: m, Matched: name, Place: p})
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return rank(&a) - rank(&b) })
	return out
}

func rank(c *Candidate) int {
	inOffice := c.Kind == KindPerson && len(c.Offices) > 0
	switch {
	case (c.Kind == KindCountry || c.Kind == KindOrg) && (c.Match == ByName || c.Match == ByAbbrev || c.Match == ByCode):
		return 0
	case inOffice && c.Match != BySurname:
		return 1
	case c.Kind == KindRegion || c.Kind == KindPlace && c.Match == ByName && c.Place.Population >= 100000:
		return 2
	case c.Kind == KindCountry || c.Kind == KindOrg:
		return 3
	case inOffice:
		return 4
	case c.Kind == KindPerson:
		return 5
	case c.Kind == KindPlace && c.Match == ByName:
		return 6
	}
	return 7
}

// Stats counts the loaded entities.
type Stats struct {
	Countries, Places, PlaceNames, Regions, Orgs, People, Offices int
}

// Stats of the loaded knowledge base.
func (k *KB) Stats() Stats {
	return Stats{Countries: len(k.countries), Places: len(k.places), PlaceNames: len(k.placeKey), Regions: len(k.regions),
		Orgs: len(k.orgs), People: len(k.people), Offices: len(k.offices)}
}

// Provenance gives each table's header: source, version, licence.
func (k *KB) Provenance() map[string]string {
	out := make(map[string]string, len(k.headers))
	for t, h := range k.headers {
		out[t] = h
	}
	return out
}
