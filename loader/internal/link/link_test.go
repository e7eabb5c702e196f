package link

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/schema"
)

func mustKB(t testing.TB) *kb.KB {
	t.Helper()
	k, err := kb.Load()
	if err != nil {
		t.Fatalf("kb.Load: %v", err)
	}
	return k
}

// article builds a batch from a compact description: entities as
// "Type:Name" (a country may add "=CODE", any entity "|Alias|Alias") and
// relations as "Name|TYPE|Name".
func article(published string, entities []string, relations ...string) schema.Batch {
	b := schema.Batch{Article: schema.Article{ID: "a", Published: published}}
	byName := map[string]string{}
	for _, s := range entities {
		t, rest, _ := strings.Cut(s, ":")
		parts := strings.Split(rest, "|")
		name, code, _ := strings.Cut(parts[0], "=")
		key := schema.EntityKey(schema.EntityType(t), name)
		b.Entities = append(b.Entities, schema.Entity{ID: schema.ID(key), Key: key,
			Type: schema.EntityType(t), Name: name, Aliases: parts[1:], Code: code})
		byName[name] = schema.ID(key)
	}
	for _, s := range relations {
		f := strings.Split(s, "|")
		b.Relations = append(b.Relations, schema.Relation{ID: s, Type: schema.RelationType(f[1]),
			Source: byName[f[0]], Target: byName[f[2]]})
	}
	return b
}

// ids renders the ids Run gave the batch's entities, one "Name: ids" each,
// linked entities only.
func ids(b schema.Batch) string {
	var out []string
	for _, e := range b.Entities {
		if e.IDs == (schema.ExternalIDs{}) && e.Location == nil {
			continue
		}
		s := e.Name + ":"
		if e.IDs.Wikidata != "" {
			s += " " + e.IDs.Wikidata
		}
		if e.IDs.GeoNames != 0 {
			s += fmt.Sprintf(" geonames %d", e.IDs.GeoNames)
		}
		if e.IDs.ISO != "" {
			s += " " + e.IDs.ISO
		}
		if e.Location != nil {
			s += fmt.Sprintf(" at %.2f,%.2f", e.Location.Lat, e.Location.Lon)
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestRun(t *testing.T) {
	k := mustKB(t)
	for _, tt := range []struct {
		name      string
		published string
		entities  []string
		relations []string
		want      string
	}{
		{"a country by code, another by name", "", []string{"Country:Kenya=KE", "Country:Sierra Leone"}, nil,
			"Kenya: Q114 geonames 192950 KE; Sierra Leone: Q1044 geonames 2403846 SL"},
		{"an organization by name or abbreviation", "",
			[]string{"Organization:Organization of American States|OAS", "Organization:ECOWAS", "Organization:Kenya Air Force"}, nil,
			"Organization of American States: Q123759; ECOWAS: Q193272"},
		{"a city with no namesake near its size", "", []string{"Place:Nairobi", "Place:Kowloon"}, nil,
			"Nairobi: geonames 184745 at -1.28,36.82; Kowloon: geonames 1819609 at 22.32,114.18"},
		{"cities of one name and like sizes: none", "", []string{"Place:Cambridge"}, nil, ""},
		{"one of many Springfields in the country named: none", "",
			[]string{"Place:Springfield", "Country:United States=US"}, []string{"Springfield|LOCATED_IN|United States"},
			"United States: Q30 geonames 6252001 US"},
		{"an alternate name, backed by the article's country", "",
			[]string{"Place:Hai Phong", "Country:Vietnam=VN"}, nil,
			"Hai Phong: geonames 1581298 at 20.86,106.68; Vietnam: Q881 geonames 1562822 VN"},
		{"an alternate name with nothing to back it: none", "", []string{"Place:Hai Phong"}, nil, ""},
		{"a district within reach of the city it lies in", "",
			[]string{"Place:San Isidro", "Place:Lima"}, []string{"San Isidro|LOCATED_IN|Lima"},
			"San Isidro: geonames 3929631 at -12.10,-77.04; Lima: geonames 3936456 at -12.04,-77.03"},
		{"namesakes of like size and nothing to choose: none", "", []string{"Place:San Isidro"}, nil, ""},
		{"buildings, features and demonyms are not towns", "",
			[]string{"Place:White House", "Place:Aral Sea", "Place:Malay", "Country:Malaysia=MY"}, nil,
			"Malaysia: Q833 geonames 1733045 MY"},
		{"a first-level region's name: not a town elsewhere by an alternate name", "",
			[]string{"Place:Sabah", "Country:Malaysia=MY"}, nil, "Malaysia: Q833 geonames 1733045 MY"},
		{"the only person of the name, in office on the date", "2022-05-01",
			[]string{"Person:Joe Biden|Biden"}, nil, "Joe Biden: Q6279"},
		{"a full name with a middle initial", "2021-05-20",
			[]string{"Person:Antony J. Blinken"}, nil, "Antony J. Blinken: Q7821917"},
		{"out of office on the date and no office in the article: none", "2010-01-01",
			[]string{"Person:Emmanuel Macron|Macron"}, nil, ""},
		{"no date: the office the article gives agrees with one the person held", "",
			[]string{"Person:Antony Blinken", "Country:United States=US"},
			[]string{"Antony Blinken|HOLDS_OFFICE|United States"}, "Antony Blinken: Q7821917; United States: Q30 geonames 6252001 US"},
		{"no date and no office: none", "", []string{"Person:Antony Blinken"}, nil, ""},
		{"a surname alone: none", "2022-05-01", []string{"Person:Blinken"}, nil, ""},
		{"a surname and an agreeing office", "2022-05-01",
			[]string{"Person:Blinken", "Country:United States=US"},
			[]string{"Blinken|HOLDS_OFFICE|United States"}, "Blinken: Q7821917; United States: Q30 geonames 6252001 US"},
		{"a title and a surname, and an agreeing office", "2022-05-01",
			[]string{"Person:President Biden", "Country:United States=US"},
			[]string{"President Biden|HOLDS_OFFICE|United States"}, "President Biden: Q6279; United States: Q30 geonames 6252001 US"},
		{"another person of the surname: none", "2022-05-01",
			[]string{"Person:Jill Biden|Biden", "Country:United States=US"},
			[]string{"Jill Biden|HOLDS_OFFICE|United States"}, "United States: Q30 geonames 6252001 US"},
		{"a surname and an office that disagrees: none", "2022-05-01",
			[]string{"Person:Blinken", "Country:Egypt=EG"},
			[]string{"Blinken|HOLDS_OFFICE|Egypt"}, "Egypt: Q79 geonames 357994 EG"},
		{"two holders of one surname in the office's country: none", "2022-03-01",
			[]string{"Person:Nahyan", "Country:United Arab Emirates=AE"},
			[]string{"Nahyan|HOLDS_OFFICE|United Arab Emirates"}, "United Arab Emirates: Q878 geonames 290557 AE"},
		{"a head of an organization", "2023-06-01",
			[]string{"Person:Guterres", "Organization:United Nations|UN"},
			[]string{"Guterres|HOLDS_OFFICE|United Nations"}, "Guterres: Q311440; United Nations: Q1065"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := article(tt.published, tt.entities, tt.relations...)
			got := Run(k, in)
			if s := ids(got); s != tt.want {
				t.Errorf("Run =\n  %s\nwant\n  %s", s, tt.want)
			}
			if s := ids(in); s != "" {
				t.Errorf("Run changed its input: %s", s)
			}
		})
	}
}

// TestRunChangesOnlyIDs checks that linking leaves every other field of
// every entity, and the relations and article, as they were.
func TestRunChangesOnlyIDs(t *testing.T) {
	k := mustKB(t)
	in := article("2022-05-01",
		[]string{"Person:Joe Biden|Biden|President Biden", "Country:United States=US", "Place:Washington",
			"Event:summit", "Organization:NATO"},
		"Joe Biden|HOLDS_OFFICE|United States", "Washington|LOCATED_IN|United States", "Joe Biden|ATTENDED|summit")
	in.Entities[3].Kind, in.Entities[3].Date = "summit", "2022-06"
	out := Run(k, in)
	if len(out.Entities) != len(in.Entities) {
		t.Fatalf("Run gave %d entities; want %d", len(out.Entities), len(in.Entities))
	}
	linked := 0
	for i, e := range out.Entities {
		if e.IDs != (schema.ExternalIDs{}) {
			linked++
		}
		e.IDs, e.Location = schema.ExternalIDs{}, nil
		if !reflect.DeepEqual(e, in.Entities[i]) {
			t.Errorf("entity %d = %+v; want %+v apart from ids", i, e, in.Entities[i])
		}
	}
	if linked != 4 {
		t.Errorf("%d entities linked (%s); want 4", linked, ids(out))
	}
	if !reflect.DeepEqual(out.Relations, in.Relations) || out.Article != in.Article {
		t.Errorf("Run changed the relations or the article")
	}
}

func BenchmarkRun(b *testing.B) {
	k := mustKB(b)
	in := article("2022-05-01",
		[]string{"Person:Joe Biden|Biden", "Person:Antony Blinken|Blinken", "Person:Dmytro Kuleba|Kuleba",
			"Country:United States=US", "Country:Ukraine=UA", "Country:Russia=RU", "Place:Kyiv", "Place:Washington",
			"Place:Lviv", "Organization:NATO", "Organization:European Union|EU", "Event:summit"},
		"Joe Biden|HOLDS_OFFICE|United States", "Antony Blinken|HOLDS_OFFICE|United States",
		"Dmytro Kuleba|HOLDS_OFFICE|Ukraine", "Kyiv|LOCATED_IN|Ukraine")
	b.ReportAllocs()
	for b.Loop() {
		Run(k, in)
	}
}
