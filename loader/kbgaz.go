package loader

import (
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph/kb"
)

// The gazetteer's countries, demonyms, capitals, first-level regions and
// international organisations come from the knowledge base (package kb);
// the few places and bodies it does not hold are word lists in lexicon/.

// loadKBCountries adds every country's names and variants, its demonyms
// (with the plurals of nationality nouns: "Kenyans"), its capital and the
// other seats that stand for it ("Washington", "The Hague"). A demonym two
// sovereign countries share ("Congolese") is read as the first until the
// article says otherwise (document.sharedDemonyms); one a territory shares
// with a sovereign country is the country's.
func (g *gazetteer) loadKBCountries(k *kb.KB) {
	// A word some source lists among a country's names that is a demonym
	// ("Jordanian") is read as the demonym; an abbreviation that is both
	// ("U.S.") stays a name.
	demonym := map[string]bool{}
	for c := range k.AllCountries() {
		for _, d := range c.Demonyms {
			if !strings.Contains(d, ".") && !isShortUpper(d) {
				demonym[foldPhrase(d)] = true
			}
		}
	}
	for c := range k.AllCountries() {
		g.countryNames[c.ISO2] = c.Name
		for _, n := range c.Names {
			if n == c.Name || n == c.Official || !demonym[foldPhrase(n)] {
				g.add(n, gazEntry{Kind: gazCountry, Code: c.ISO2})
			}
		}
	}
	g.shared = map[string][]string{}
	for c := range k.AllCountries() {
		for _, d := range c.Demonyms {
			var codes []string
			for _, cand := range k.Countries(d) {
				if cand.Match == kb.ByDemonym && cand.Country.Sovereign && !slices.Contains(codes, cand.Country.ISO2) {
					codes = append(codes, cand.Country.ISO2)
				}
			}
			// A territory's demonym that a sovereign country also has
			// ("Dutch" of the Caribbean Netherlands) is the country's.
			code := c.ISO2
			if len(codes) > 0 {
				code = codes[0]
			}
			if len(codes) > 1 {
				g.shared[fold(d)] = codes
			}
			for _, form := range append([]string{d}, demonymPlural(d)...) {
				g.add(form, gazEntry{Kind: gazDemonym, Code: code, Name: d})
			}
		}
	}
	for c := range k.AllCountries() {
		capital := strings.TrimSuffix(c.Capital, " D.C.")
		if capital != "" {
			g.capitalOf[c.ISO2] = capital
		}
		for _, name := range append([]string{capital}, c.Seats...) {
			if name != "" {
				g.add(name, gazEntry{Kind: gazCapital, Code: c.ISO2, Name: name})
			}
		}
	}
}

// demonymPlural gives the plural of a nationality noun by the English rule
// ("Kenyan" → "Kenyans", "Iraqi" → "Iraqis"); adjectives that are no nouns
// ("French", "Japanese", "Swiss") have none.
func demonymPlural(d string) []string {
	for _, suffix := range []string{"sh", "ch", "ese", "s", "x", "z", "."} {
		if strings.HasSuffix(d, suffix) {
			return nil
		}
	}
	if strings.ContainsAny(d, " -") && !strings.HasSuffix(d, "an") && !strings.HasSuffix(d, "er") {
		return nil
	}
	return []string{d + "s"}
}

// loadKBPlaces adds the first-level regions ("Bavaria", "Mendoza"), unless
// the name already means something else.
func (g *gazetteer) loadKBPlaces(k *kb.KB) {
	for r := range k.AllRegions() {
		if len(r.Name) < 4 || g.stop[strings.ToLower(r.Name)] || !isCapitalised(r.Name) {
			continue
		}
		g.addWeak(r.Name, gazEntry{Kind: gazPlace, Code: r.Country, Name: r.Name})
	}
}

// loadKBOrgs adds the international organisations and armed groups by
// name, abbreviation and alias. An alias that is the organisation's name
// and more ("African Union Commission" of the African Union) names one of
// its bodies, which the article may keep apart from it: it is left out.
func (g *gazetteer) loadKBOrgs(k *kb.KB) {
	for o := range k.AllOrgs() {
		e := gazEntry{Kind: gazOrg, Name: o.Name}
		g.add(o.Name, e)
		for _, a := range o.Abbrevs {
			g.add(a, e)
		}
		for _, a := range o.Aliases {
			if !strings.HasPrefix(foldPhrase(a), foldPhrase(o.Name)+" ") {
				g.add(a, e)
			}
		}
	}
}

// loadLexicon adds the word lists of lexicon/: places no country table
// holds, regional adjectives, national bodies.
func (g *gazetteer) loadLexicon() error {
	err := eachLine("places.txt", func(line string) error {
		code, names, ok := strings.Cut(line, " ")
		if !ok || names == "" {
			return fmt.Errorf("want a country code (or -) and names")
		}
		if code == "-" {
			code = ""
		}
		for _, name := range strings.Split(names, "|") {
			// A territory the knowledge base lists as a country but the
			// list as a place ("Western Sahara") is a place.
			if e, ok := g.phrases[foldPhrase(name)]; ok && e.Kind == gazCountry {
				delete(g.phrases, foldPhrase(name))
			}
			g.add(name, gazEntry{Kind: gazPlace, Code: code, Name: name})
		}
		return nil
	})
	if err == nil {
		err = eachLine("regional.txt", func(line string) error {
			g.add(line, gazEntry{Kind: gazRegional, Name: line})
			return nil
		})
	}
	if err == nil {
		err = eachLine("bodies.txt", func(line string) error {
			names := strings.Split(line, "|")
			for _, n := range names {
				g.add(n, gazEntry{Kind: gazOrg, Name: names[0]})
			}
			return nil
		})
	}
	return err
}
