// Package link is the loader's last stage: it looks the countries, places,
// organizations and people of an extracted batch up in the knowledge base
// (package kb) and gives each it can tell apart its outside ids (Wikidata,
// GeoNames, ISO 3166) and, for a place, its coordinates.
//
// It never changes which entities and relations a batch holds, nor any of
// their other fields: it only fills schema.Entity.IDs and Location, and an
// entity it cannot link without doubt keeps none.
//
// The rules, each a name match and something that agrees with it:
//
//   - a country by its ISO code when the loader set one, else by a name or
//     alias that only one country has;
//   - an organization by a name, abbreviation or alias that only one
//     organization has;
//   - a place by its GeoNames name, else an alternate name that is a
//     spelling of it ("Kiev", not "Africa" for Mahdia): the one within
//     reach of the place the article says it lies in (LOCATED_IN); else,
//     among those in the country it lies in or, failing that, the towns of
//     10,000 people or more in the article's countries, the most populous
//     if it outnumbers its namesakes there tenfold and no city elsewhere
//     is larger; else, by its own name only, a city of 100,000 people or
//     more that outnumbers every namesake tenfold. A name a first-level
//     region has takes only a town in that region ("Kerman", the city in
//     Iran's Kerman province; not Florida, New York, for "Florida") or the
//     capital ("Washington"), by its own name or, for a city of a million,
//     an alternate name ("New York"; not Sabak Bernam for "Sabah"); a
//     name ending like a building's, a feature's or a division's ("State
//     House", "Aral Sea", "Rivers State") or that is a demonym ("Malay")
//     is not a town and is not linked;
//   - a person by name and office: someone in the knowledge base under the
//     person's name whose office on the article's date (any office, for an
//     undated article) is in the country or organization the article says
//     the person holds office in (HOLDS_OFFICE), when only one such person
//     exists; or, whatever the article says, the only person in the
//     knowledge base with that full name (or without its middle initials),
//     in office on the article's date.
//     A surname counts only when it is the person's name ("Biden"; not
//     "Jill Biden" with the alias "Biden"), and with an agreeing office.
package link

import (
	"math"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/schema"
)

// Run returns b with the ids of the entities it links filled in. The
// entities are a new slice; relations and article are b's.
func Run(k *kb.KB, b schema.Batch) schema.Batch {
	l := &linker{k: k, b: b, at: published(b.Article.Published),
		country: map[string]*kb.Country{}, org: map[string]*kb.Org{}, place: map[string]*kb.Place{},
		byID: make(map[string]int, len(b.Entities)), done: map[string]bool{}}
	b.Entities = append([]schema.Entity(nil), b.Entities...)
	l.b = b
	for i, e := range b.Entities {
		l.byID[e.ID] = i
	}
	for _, r := range b.Relations {
		switch r.Type {
		case schema.HoldsOffice:
			l.offices = append(l.offices, r)
		case schema.LocatedIn:
			l.within = append(l.within, r)
		}
	}
	// Countries first: places and people are linked by their countries;
	// a place the article says another lies in is linked before it (see
	// container).
	for _, t := range []schema.EntityType{schema.Country, schema.Organization, schema.Place, schema.Person} {
		for i := range b.Entities {
			if e := &b.Entities[i]; e.Type == t && !l.done[e.ID] {
				l.done[e.ID] = true
				l.link(e)
			}
		}
	}
	return b
}

// published reads an article's date; 0 when it has none.
func published(s string) kb.Date {
	if len(s) > 10 {
		s = s[:10]
	}
	d, err := kb.ParseDate(s)
	if err != nil {
		return 0
	}
	return d
}

type linker struct {
	k       *kb.KB
	b       schema.Batch
	at      kb.Date
	byID    map[string]int
	done    map[string]bool   // the entities linked, or being linked
	offices []schema.Relation // HOLDS_OFFICE
	within  []schema.Relation // LOCATED_IN

	// What each linked entity is, by entity id.
	country map[string]*kb.Country
	org     map[string]*kb.Org
	place   map[string]*kb.Place
}

func (l *linker) link(e *schema.Entity) {
	switch e.Type {
	case schema.Country:
		if c := l.findCountry(e); c != nil {
			l.country[e.ID] = c
			e.IDs = schema.ExternalIDs{Wikidata: c.Wikidata, GeoNames: c.GeoNames, ISO: c.ISO2}
		}
	case schema.Organization:
		if o := l.findOrg(e); o != nil {
			l.org[e.ID] = o
			e.IDs = schema.ExternalIDs{Wikidata: o.Wikidata}
		}
	case schema.Place:
		if p := l.findPlace(e); p != nil {
			l.place[e.ID] = p
			e.IDs = schema.ExternalIDs{GeoNames: p.GeoNames}
			e.Location = &schema.Location{Lat: p.Lat, Lon: p.Lon}
		}
	case schema.Person:
		if p := l.findPerson(e); p != nil {
			e.IDs = schema.ExternalIDs{Wikidata: p.Wikidata}
		}
	}
	if !valid(e) {
		e.IDs, e.Location = schema.ExternalIDs{}, nil
	}
}

// valid keeps a malformed value from the tables out of the batch, which
// the stores would refuse whole.
func valid(e *schema.Entity) bool {
	return e.IDs.Check() == nil && (e.Location == nil || e.Location.Check() == nil)
}

// names are the entity's name and aliases.
func names(e *schema.Entity) []string {
	return append([]string{e.Name}, e.Aliases...)
}

// findCountry links a country by its code, else by a name only one
// country has.
func (l *linker) findCountry(e *schema.Entity) *kb.Country {
	if e.Code != "" {
		if c := l.k.CountryByCode(e.Code); c != nil {
			return c
		}
	}
	var found *kb.Country
	for _, n := range names(e) {
		for _, c := range l.k.Countries(n) {
			if found != nil && found != c.Country {
				return nil
			}
			found = c.Country
		}
	}
	return found
}

// findOrg links an organization by a name only one organization has.
func (l *linker) findOrg(e *schema.Entity) *kb.Org {
	var found *kb.Org
	for _, n := range names(e) {
		for _, c := range l.k.Lookup(n, l.at) {
			if c.Kind != kb.KindOrg {
				continue
			}
			if found != nil && found != c.Org {
				return nil
			}
			found = c.Org
		}
	}
	return found
}

// Places of a name that are not the most populous are ignored unless the
// article gives a reason: reachKm is how far a place may lie from the
// place it is said to lie in; dominance how many times the population of
// its next namesake the largest place must have to be taken without one;
// town is the population of a place the article's countries back; city
// that of a place taken with nothing in the article to back it; a
// metropolis may be named by an alternate name like a region's.
const (
	reachKm    = 50
	dominance  = 10
	town       = 10000
	city       = 100000
	metropolis = 1000000
)

// findPlace links a place; see the package doc.
func (l *linker) findPlace(e *schema.Entity) *kb.Place {
	if feature(e.Name) || l.demonym(e.Name) {
		return nil
	}
	main, alt := l.placesNamed(e)
	iso, near := l.container(e.ID, map[string]bool{})
	if near != nil {
		for _, p := range append(main, alt...) {
			if distanceKm(p.Lat, p.Lon, near.Lat, near.Lon) <= reachKm {
				return p
			}
		}
		return nil
	}
	cands, byAlternate := main, false
	if len(cands) == 0 {
		cands, byAlternate = alt, true
	}
	where := map[string]bool{}
	if iso != "" {
		where[iso] = true
	} else {
		for _, c := range l.country {
			where[c.ISO2] = true
		}
	}
	// The country it lies in backs a place of any size; the article's
	// countries only a town of some size, as one country (the publisher's)
	// may be in every article and have a hamlet of every common word.
	var in []*kb.Place
	for _, p := range cands {
		if where[p.Country] && (iso != "" || p.Population >= town) {
			in = append(in, p)
		}
	}
	backed := len(in) > 0
	if backed || iso != "" {
		cands = in
	}
	best := dominant(cands)
	switch {
	case best == nil:
		return nil
	case !backed && (byAlternate || best.Population < city):
		return nil
	case backed && iso == "" && outgrown(best, append(main, alt...)):
		return nil
	case !l.regionTown(e, best, where, byAlternate):
		return nil
	}
	return best
}

// outgrown reports whether a city elsewhere of the name is larger than p:
// the article's countries then do not tell which is meant (Odessa, Texas,
// in an article that mentions the United States, or Odesa).
func outgrown(p *kb.Place, all []*kb.Place) bool {
	for _, q := range all {
		if q.Country != p.Country && q.Population >= city && q.Population > p.Population {
			return true
		}
	}
	return false
}

// placesNamed gives the places whose name is one of the entity's names,
// and those with one as an alternate name, each the most populous first.
func (l *linker) placesNamed(e *schema.Entity) (main, alt []*kb.Place) {
	seen := map[int]bool{}
	for _, n := range names(e) {
		key := kb.Key(n)
		for _, p := range l.k.Places(n, "", 0) {
			if seen[p.GeoNames] {
				continue
			}
			seen[p.GeoNames] = true
			switch pk := kb.Key(p.Name); {
			case pk == key:
				main = append(main, p)
			case spelling(key, pk):
				alt = append(alt, p)
			}
		}
	}
	sortByPopulation(main)
	sortByPopulation(alt)
	return main, alt
}

// spelling reports whether alt, an alternate name of the place called
// name (both folded), is a spelling of that name rather than another name
// (a former or a foreign one: Africa for Mahdia): within two edits of it,
// spaces aside ("Hai Phong", "Kiev", "Ulaanbaatar"), or the start of it
// ("New York" for New York City).
func spelling(alt, name string) bool {
	a, n := strings.ReplaceAll(alt, " ", ""), strings.ReplaceAll(name, " ", "")
	return strings.HasPrefix(n, a) || editsWithin(a, n, 2)
}

// editsWithin reports whether a and b are at most max insertions,
// deletions or substitutions of a letter apart.
func editsWithin(a, b string, max int) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra)-len(rb) > max || len(rb)-len(ra) > max {
		return false
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= max
}

// dominant gives the most populous of ps when it outnumbers the next
// tenfold (or is alone) and its population is known; else nil.
func dominant(ps []*kb.Place) *kb.Place {
	switch {
	case len(ps) == 0 || ps[0].Population <= 0:
		return nil
	case len(ps) == 1 || ps[0].Population >= dominance*ps[1].Population:
		return ps[0]
	}
	return nil
}

// demonym reports whether a name is a people's ("Malay"), which the
// knowledge base knows as a country's demonym: not a town.
func (l *linker) demonym(name string) bool {
	for _, c := range l.k.Countries(name) {
		if c.Match == kb.ByDemonym {
			return true
		}
	}
	return false
}

// regionTown reports whether p may be the place for e when a first-level
// region of p's country or of one of where has e's name (Kerman, Sabah,
// New York): p must be its country's capital (Washington) or lie in such
// a region (Kerman, the city in Kerman province; not Florida, New York, for
// Florida) and, if it matched by an alternate name only, be a city of a
// million.
func (l *linker) regionTown(e *schema.Entity, p *kb.Place, where map[string]bool, byAlternate bool) bool {
	relevant, within := false, false
	for _, r := range l.k.Regions(e.Name, "") {
		relevant = relevant || r.Country == p.Country || where[r.Country]
		within = within || r.Code == p.Country+"."+p.Admin1Code
	}
	if !relevant || l.capital(p, e) {
		return true
	}
	return within && (!byAlternate || p.Population >= metropolis)
}

// capital reports whether p is its country's capital, as the knowledge
// base names it or as e does.
func (l *linker) capital(p *kb.Place, e *schema.Entity) bool {
	c := l.k.CountryByCode(p.Country)
	if c == nil || c.Capital == "" {
		return false
	}
	k, name := kb.Key(c.Capital), kb.Key(p.Name)
	return k == name || k == kb.Key(e.Name) || strings.HasPrefix(k, name+" ") // "Washington, D.C."
}

// container gives what the article says a place lies in (LOCATED_IN): a
// linked place, or else a linked country's ISO code.
func (l *linker) container(id string, seen map[string]bool) (iso string, near *kb.Place) {
	if seen[id] {
		return "", nil
	}
	seen[id] = true
	for _, r := range l.within {
		if r.Source != id {
			continue
		}
		if c := l.country[r.Target]; c != nil {
			iso = c.ISO2
			continue
		}
		i, ok := l.byID[r.Target]
		if !ok || l.b.Entities[i].Type != schema.Place {
			continue
		}
		if !l.done[r.Target] { // the place it lies in first
			l.done[r.Target] = true
			l.link(&l.b.Entities[i])
		}
		if p := l.place[r.Target]; p != nil {
			return "", p
		}
		if c, _ := l.container(r.Target, seen); c != "" {
			iso = c
		}
	}
	return iso, nil
}

// featureWords are the last words of names of buildings, grounds,
// facilities, natural features and divisions: a place so named is not the
// town GeoNames may list under the same words ("White House", "Aral Sea").
var featureWords = map[string]bool{
	"airport": true, "area": true, "avenue": true, "base": true, "basin": true,
	"border": true, "bridge": true, "building": true, "camp": true, "canal": true, "castle": true,
	"cathedral": true, "center": true, "centre": true, "church": true, "coast": true,
	"compound": true, "corridor": true, "county": true, "crossing": true, "dam": true,
	"delta": true, "desert": true, "district": true, "embassy": true, "gardens": true,
	"gulf": true, "hall": true, "harbor": true, "harbour": true, "highway": true, "hospital": true,
	"hotel": true, "house": true, "island": true, "islands": true, "lake": true, "market": true,
	"mine": true, "mosque": true, "mountain": true, "mountains": true, "museum": true,
	"ocean": true, "palace": true, "park": true, "peninsula": true, "plain": true, "plant": true,
	"plateau": true, "port": true, "province": true, "refinery": true, "region": true,
	"river": true, "road": true, "sea": true, "square": true, "stadium": true, "state": true,
	"station": true, "strait": true, "street": true, "temple": true, "terminal": true,
	"university": true, "valley": true, "zone": true,
}

// feature reports whether a name of two words or more ends with a feature
// word.
func feature(name string) bool {
	f := strings.Fields(schema.Fold(name))
	return len(f) > 1 && featureWords[f[len(f)-1]]
}

func sortByPopulation(ps []*kb.Place) {
	// Insertion sort: a name has few places, and ties keep Places' order.
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Population > ps[j-1].Population; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// distanceKm is the great-circle distance between two points in degrees.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) +
		math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// findPerson links a person; see the package doc.
func (l *linker) findPerson(e *schema.Entity) *kb.Person {
	var full, inOffice []*kb.Person // by full name or alias; by any name, in office on the date
	current := map[*kb.Person]bool{}
	// A surname counts only when the person's own name is one ("Biden",
	// "Special Envoy Kim" is not): "Jill Biden", alias "Biden", is not
	// Joe Biden.
	surnames := false
	for i, n := range withoutInitials(names(e)) {
		for _, c := range l.k.Lookup(n, l.at) {
			if c.Kind != kb.KindPerson {
				continue
			}
			if i == 0 && c.Match == kb.BySurname {
				surnames = true // "Biden", "President Biden"
			}
			if c.Match != kb.BySurname {
				full = addPerson(full, c.Person)
			}
			if len(c.Offices) > 0 && (c.Match != kb.BySurname || surnames) {
				inOffice = addPerson(inOffice, c.Person)
				current[c.Person] = true
			}
		}
	}
	// The only person of that full name, in office on the date.
	if len(full) == 1 && current[full[0]] {
		return full[0]
	}
	// Someone whose office agrees with the article's.
	where := l.officesOf(e.ID)
	if len(where) == 0 {
		return nil
	}
	if p := l.agreeing(inOffice, where, true); p != nil {
		return p
	}
	return l.agreeing(full, where, false)
}

// withoutInitials gives ns and, after them, each name of three words or
// more without its middle initials ("Antony J. Blinken" → "Antony
// Blinken"), as the knowledge base records few names with them.
func withoutInitials(ns []string) []string {
	out := slices.Clone(ns)
	for _, n := range ns {
		w := strings.Fields(n)
		if len(w) < 3 {
			continue
		}
		kept := []string{w[0]}
		for _, x := range w[1 : len(w)-1] {
			if len(strings.TrimRight(x, ".")) > 1 {
				kept = append(kept, x)
			}
		}
		if len(kept)+1 < len(w) {
			out = append(out, strings.Join(append(kept, w[len(w)-1]), " "))
		}
	}
	return out
}

// agreeing gives the one person among ps with an office in one of where,
// on the article's date when onDate, else at any time; nil for none or
// several.
func (l *linker) agreeing(ps []*kb.Person, where map[any]bool, onDate bool) *kb.Person {
	var found *kb.Person
	for _, p := range ps {
		for _, o := range l.k.Offices(p) {
			if onDate && !o.Current(l.at) {
				continue
			}
			if o.Country != nil && where[o.Country] || o.Org != nil && where[o.Org] {
				if found != nil && found != p {
					return nil
				}
				found = p
				break
			}
		}
	}
	return found
}

// officesOf gives the linked countries and organizations the article says
// the person holds office in.
func (l *linker) officesOf(id string) map[any]bool {
	out := map[any]bool{}
	for _, r := range l.offices {
		if r.Source != id {
			continue
		}
		if c := l.country[r.Target]; c != nil {
			out[c] = true
		}
		if o := l.org[r.Target]; o != nil {
			out[o] = true
		}
	}
	return out
}

func addPerson(ps []*kb.Person, p *kb.Person) []*kb.Person {
	for _, x := range ps {
		if x == p {
			return ps
		}
	}
	return append(ps, p)
}
