package kb

import (
	"bytes"
	"compress/gzip"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func mustLoad(t testing.TB) *KB {
	t.Helper()
	k, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return k
}

func day(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// names joins the holders' names, for failure messages.
func names(os []*Office) string {
	var s []string
	for _, o := range os {
		s = append(s, o.Person.Name+" ("+o.Title+", "+o.Start.String()+".."+o.End.String()+")")
	}
	return strings.Join(s, "; ")
}

func TestOfficeHolder(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		role, where, date string
		want              string // a word of the first holder's name
		qid               string // the first holder's Wikidata id, when the sources give it
	}{
		// Heads of government who changed in 2022–2025, in several countries.
		{"prime minister", "United Kingdom", "2022-08-01", "Johnson", "Q180589"},
		{"prime minister", "UK", "2022-10-01", "Truss", "Q272201"},
		{"prime minister", "British", "2023-06-01", "Sunak", ""},
		{"prime minister", "GB", "2024-12-01", "Starmer", ""},
		{"prime minister", "Nepal", "2024-12-02", "Oli", ""},
		{"prime minister", "Nepal", "2023-06-01", "Dahal", ""},
		{"prime minister", "Japan", "2022-06-01", "Kishida", ""},
		{"prime minister", "Japan", "2024-12-01", "Ishiba", ""},
		{"prime minister", "Japanese", "2025-11-01", "Takaichi", ""},
		{"prime minister", "France", "2023-06-01", "Borne", ""},
		{"prime minister", "France", "2024-03-01", "Attal", ""},
		{"prime minister", "France", "2024-10-01", "Barnier", ""},
		{"prime minister", "Thailand", "2024-01-15", "Thawisin", ""},
		{"prime minister", "Thai", "2024-10-01", "Shinawatra", ""},
		{"prime minister", "Israel", "2022-03-01", "Bennett", ""},
		{"prime minister", "Israel", "2022-09-01", "Lapid", ""},
		{"prime minister", "Israel", "2023-06-01", "Netanyahu", ""},
		{"chancellor", "Germany", "2025-06-01", "Merz", ""},
		{"head-of-government", "Germany", "2023-06-01", "Scholz", "Q61053"},
		// Heads of state, by title.
		{"president", "United States", "2022-05-01", "Biden", "Q6279"},
		{"president", "US", "2025-03-01", "Trump", ""},
		{"president", "United States", "2019-05-01", "Trump", ""},
		{"king", "United Kingdom", "2023-05-06", "Charles", "Q43274"},
		{"president", "Emirati", "2024-01-01", "Zayed", ""},
		{"president", "Brazil", "2024-01-01", "Lula", ""},
		// Vice presidents and heirs, from the same Factbook lines.
		{"vice president", "United States", "2023-01-01", "Harris", ""},
		{"vice president", "United States", "2025-06-01", "Vance", ""},
		{"crown prince", "Saudi Arabia", "2023-01-01", "Bin Salman", ""},
		// Foreign ministers.
		{"secretary of state", "United States", "2024-06-01", "Blinken", "Q7821917"},
		{"foreign minister", "United States", "2025-06-01", "Rubio", ""},
		{"foreign secretary", "UK", "2024-01-15", "Cameron", ""},
		{"foreign minister", "China", "2023-05-01", "Qin", ""},
		{"foreign minister", "China", "2024-05-01", "Wang", "Q701801"},
		{"foreign minister", "Russia", "2023-01-01", "Lavrov", "Q58217"},
		// Heads of international organisations.
		{"secretary-general", "United Nations", "2015-06-01", "Ban", "Q1253"},
		{"secretary-general", "UN", "2024-06-01", "Guterres", "Q311440"},
		{"secretary general", "NATO", "2025-03-01", "Rutte", "Q57792"},
		{"secretary general", "NATO", "2023-03-01", "Stoltenberg", ""},
		{"secretary-general", "ASEAN", "2024-03-01", "Kao", ""},
		{"secretary general", "Organization of American States", "2024-03-01", "Almagro", ""},
		{"director-general", "WTO", "2022-03-01", "Okonjo-Iweala", "Q289350"},
		{"org-head", "African Union", "2025-06-01", "Youssouf", ""},
	} {
		got := k.OfficeHolder(c.role, c.where, day(t, c.date))
		if len(got) == 0 || !strings.Contains(got[0].Person.Name+" "+strings.Join(got[0].Person.Aliases, " "), c.want) {
			t.Errorf("OfficeHolder(%q, %q, %s) = %s; want %s first", c.role, c.where, c.date, names(got), c.want)
			continue
		}
		if c.qid != "" && got[0].Person.Wikidata != c.qid {
			t.Errorf("OfficeHolder(%q, %q, %s): %s has Wikidata %q; want %q", c.role, c.where, c.date, got[0].Person.Name, got[0].Person.Wikidata, c.qid)
		}
	}
	for _, c := range []struct{ role, where string }{
		{"prime minister", "Atlantis"}, {"grand vizier", "France"}, {"", "France"},
	} {
		if got := k.OfficeHolder(c.role, c.where, day(t, "2024-01-01")); got != nil {
			t.Errorf("OfficeHolder(%q, %q) = %s; want none", c.role, c.where, names(got))
		}
	}
}

func TestOfficesOf(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		name, date string
		country    string // ISO2 of the first office's country, or the organisation's name
		role       Role
		match      Match
	}{
		{"President Biden", "2022-05-01", "US", "", BySurname},
		{"Joe Biden", "2023-01-01", "US", "", ByName},
		{"Biden", "2023-01-01", "US", "", BySurname},
		{"Oli", "2024-12-02", "NP", HeadOfGovernment, BySurname},
		{"K.P. Sharma Oli", "2024-12-02", "NP", HeadOfGovernment, ByAlias},
		{"Prime Minister Oli", "2024-12-02", "NP", HeadOfGovernment, BySurname},
		{"MBS", "2024-01-01", "SA", HeadOfGovernment, ByAlias},
		{"MBZ", "2024-01-01", "AE", HeadOfState, ByAlias},
		{"AMLO", "2023-01-01", "MX", "", ByAlias},
		{"Lula", "2024-01-01", "BR", "", BySurname},
		{"Xi Jinping", "2023-01-01", "CN", HeadOfState, ByName},
		{"Emmanuel Macron", "2023-01-01", "FR", HeadOfState, ByName},
		{"King Charles", "2023-06-01", "GB", HeadOfState, BySurname},
		{"Antonio Guterres", "2023-01-01", "United Nations", OrgHead, ByName},
		{"Baerbock", "2023-01-01", "DE", ForeignMinister, BySurname},
		{"Baerbock", "2025-10-01", "United Nations General Assembly", OrgHead, BySurname},
		// PETRARCH2's dated government members, to 2014.
		{"Hillary Clinton", "2010-06-01", "US", GovernmentMember, ByName},
		{"Hillary Rodham Clinton", "2010-06-01", "US", GovernmentMember, ByAlias},
		{"Sergei Lavrov", "2012-06-01", "RU", ForeignMinister, ByAlias},
	} {
		got := k.OfficesOf(c.name, day(t, c.date))
		if len(got) == 0 {
			t.Errorf("OfficesOf(%q, %s) = none; want an office in %s", c.name, c.date, c.country)
			continue
		}
		o := got[0]
		where := o.Where()
		if o.Country != nil {
			where = o.Country.ISO2
		}
		if where != c.country || (c.role != "" && o.Role != c.role) || o.Match != c.match {
			t.Errorf("OfficesOf(%q, %s)[0] = %s %s in %s by %s; want %s in %s by %s", c.name, c.date, o.Person.Name, o.Role, where, o.Match, c.role, c.country, c.match)
		}
	}
	// An open span from a 2014 list is not taken as current ten years on.
	if got := k.OfficesOf("John Kerry", day(t, "2024-05-01")); len(got) != 0 {
		t.Errorf("OfficesOf(John Kerry, 2024-05-01) = %s in %s from %s; want none", got[0].Title, got[0].Where(), got[0].Source)
	}
	// Out of office: the name is known, no office on that date.
	if got := k.OfficesOf("Joe Biden", day(t, "2025-06-01")); len(got) != 0 {
		t.Errorf("OfficesOf(Joe Biden, 2025-06-01) = %v; want none", got[0].Office)
	}
	if got := k.OfficesOf("Foreign Minister Biden", day(t, "2023-01-01")); len(got) != 0 {
		t.Errorf("OfficesOf(Foreign Minister Biden) = %s; want none (he was president)", got[0].Title)
	}
}

func TestCountry(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		name, iso2 string
		match      Match
	}{
		{"Nepal", "NP", ByName},
		{"the Federal Democratic Republic of Nepal", "NP", ByName},
		{"Nepali", "NP", ByDemonym},
		{"Nepalese", "NP", ByDemonym},
		{"Emirati", "AE", ByDemonym},
		{"UAE", "AE", ByAlias},
		{"Filipino", "PH", ByDemonym},
		{"Côte d'Ivoire", "CI", ByAlias},
		{"Ivory Coast", "CI", ByName},
		{"Burma", "MM", ByAlias},
		{"GBR", "GB", ByCode},
		{"US", "US", ByCode},
		{"U.S.", "US", ByDemonym},
		{"South Korean", "KR", ByDemonym},
		{"DPRK", "KP", ByAlias},
		{"Dominican", "DO", ByDemonym},
		{"Congolese", "CD", ByDemonym},
	} {
		got, m, ok := k.Country(c.name)
		if !ok || got.ISO2 != c.iso2 || m != c.match {
			iso := ""
			if got != nil {
				iso = got.ISO2
			}
			t.Errorf("Country(%q) = %s by %s; want %s by %s", c.name, iso, m, c.iso2, c.match)
		}
	}
	if c, _, ok := k.Country("us"); ok {
		t.Errorf(`Country("us") = %s; want none (the pronoun is not a code)`, c.ISO2)
	}
	if c := k.CountryOfCapital("Moscow"); c == nil || c.ISO2 != "RU" {
		t.Errorf("CountryOfCapital(Moscow) = %v; want RU", c)
	}
	if c := k.CountryByCode("npl"); c == nil || c.Wikidata != "Q837" || c.GeoNames != 1282988 {
		t.Errorf("CountryByCode(npl) = %+v; want Nepal, Q837, GeoNames 1282988", c)
	}
}

func TestPlaces(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		name, hint string
		country    string
		geonames   int
		admin1     string
	}{
		{"Hai Phong", "", "VN", 1581298, "Hai Phong"},
		{"Haiphong", "", "VN", 1581298, "Hai Phong"},
		{"Paris", "", "FR", 2988507, "Île-de-France"},
		{"Paris", "US", "US", 0, "Texas"},
		{"Paris", "American", "US", 0, "Texas"},
		{"Moskva", "", "RU", 524901, "Moscow"},
		{"Kyiv", "", "UA", 703448, "Kyiv City"},
		{"Kiev", "", "UA", 703448, "Kyiv City"},
		{"Mumbai", "", "IN", 1275339, "Maharashtra"},
		{"Bombay", "", "IN", 1275339, "Maharashtra"},
	} {
		p, ok := k.Place(c.name, c.hint)
		if !ok || p.Country != c.country || (c.geonames != 0 && p.GeoNames != c.geonames) || p.Admin1() != c.admin1 {
			t.Errorf("Place(%q, %q) = %+v in %q; want %s %d in %q", c.name, c.hint, p, admin1(p), c.country, c.geonames, c.admin1)
		}
	}
	if ps := k.Places("Springfield", "", 0); len(ps) < 5 || ps[0].Population < ps[len(ps)-1].Population {
		t.Errorf("Places(Springfield) = %d places; want several, the most populous first", len(ps))
	}
	if ps := k.Places("Springfield", "", 2); len(ps) != 2 {
		t.Errorf("Places(Springfield, limit 2) = %d places; want 2", len(ps))
	}
	if _, ok := k.Place("Xqzzyville", ""); ok {
		t.Error("Place(Xqzzyville) found; want none")
	}
	if p := k.PlaceByID(1581298); p == nil || p.Name != "Haiphong" {
		t.Errorf("PlaceByID(1581298) = %+v; want Haiphong", p)
	}
	if rs := k.Regions("Texas", ""); len(rs) == 0 || rs[0].Code != "US.TX" {
		t.Errorf("Regions(Texas) = %v; want US.TX", rs)
	}
}

func admin1(p *Place) string {
	if p == nil {
		return ""
	}
	return p.Admin1()
}

func TestOrgs(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		name, qid string
		match     Match
	}{
		{"OAS", "Q123759", ByAbbrev},
		{"the Organization of American States", "Q123759", ByName},
		{"the UN", "Q1065", ByAbbrev},
		{"U.N.", "Q1065", ByAbbrev},
		{"United Nations", "Q1065", ByName},
		{"NATO", "Q7184", ByAbbrev},
		{"North Atlantic Treaty Organization", "Q7184", ByName},
		{"Organization for Economic Cooperation and Development", "Q41550", ByName},
		{"Gulf Cooperation Council", "Q217172", ByAlias},
		{"GCC", "Q217172", ByAbbrev},
		{"ASEAN", "Q7768", ByAbbrev},
		{"League of Arab States", "Q7172", ByAlias},
		{"IAEA", "Q41984", ByAbbrev},
		{"Hezbollah", "", ByName},
		{"FARC", "", ByAbbrev},
	} {
		o, m, ok := k.Org(c.name)
		if !ok || o.Wikidata != c.qid || m != c.match {
			t.Errorf("Org(%q) = %+v by %s; want %s by %s", c.name, o, m, c.qid, c.match)
		}
	}
	asean, _, _ := k.Org("ASEAN")
	nato, _, _ := k.Org("NATO")
	for _, c := range []struct {
		o       *Org
		country string
		date    string
		want    bool
	}{
		{asean, "VN", "2020-01-01", true},
		{asean, "TL", "2024-01-01", false},
		{asean, "TL", "2025-11-01", true},
		{asean, "CN", "2024-01-01", false},
		{nato, "FI", "2022-06-01", false},
		{nato, "FI", "2024-06-01", true},
		{nato, "US", "2024-06-01", true},
	} {
		if got := c.o.HasMember(c.country, day(t, c.date)); got != c.want {
			t.Errorf("%s.HasMember(%s, %s) = %v; want %v", c.o.Name, c.country, c.date, got, c.want)
		}
	}
}

func TestLookup(t *testing.T) {
	k := mustLoad(t)
	for _, c := range []struct {
		name, date string
		kind       Kind
		canonical  string
	}{
		{"Hai Phong", "2024-01-01", KindRegion, "Hai Phong"},
		{"Georgia", "2024-01-01", KindCountry, "Georgia"},
		{"OAS", "2024-01-01", KindOrg, "Organization of American States"},
		{"Moscow", "2024-01-01", KindRegion, "Moscow"},
		{"Xi Jinping", "2024-01-01", KindPerson, "Xi Jinping"},
		{"Oli", "2024-12-02", KindPerson, "Khadga Prasad Sharma Oli"},
		{"Emirati", "2024-01-01", KindCountry, "United Arab Emirates"},
	} {
		got := k.Lookup(c.name, day(t, c.date))
		if len(got) == 0 || got[0].Kind != c.kind || got[0].Name != c.canonical {
			t.Errorf("Lookup(%q, %s) = %v; want first a %s %q", c.name, c.date, summary(got), c.kind, c.canonical)
		}
	}
	// A capital names its country as well as the city.
	found := false
	for _, c := range k.Lookup("Moscow", day(t, "2024-01-01")) {
		found = found || c.Kind == KindCountry && c.Match == ByCapital && c.Country.ISO2 == "RU"
	}
	if !found {
		t.Error("Lookup(Moscow) has no capital-of-Russia candidate")
	}
	// A seat of government that is not the capital stands for its country
	// too, and the demonyms the open sources lack are in the supplement.
	for name, iso := range map[string]string{"The Hague": "NL", "Washington": "US", "Delhi": "IN", "La Paz": "BO"} {
		if c := k.CountryOfCapital(name); c == nil || c.ISO2 != iso {
			t.Errorf("CountryOfCapital(%q) = %v; want %s", name, c, iso)
		}
	}
	for name, iso := range map[string]string{"Kazakh": "KZ", "Azeri": "AZ", "Spaniard": "ES", "Ecuadorian": "EC"} {
		if c, m, ok := k.Country(name); !ok || c.ISO2 != iso || m != ByDemonym {
			t.Errorf("Country(%q) = %v by %s; want %s by demonym", name, c, m, iso)
		}
	}
}

func summary(cs []Candidate) string {
	var s []string
	for _, c := range cs {
		s = append(s, c.Kind.String()+" "+c.Name+" by "+string(c.Match))
	}
	return strings.Join(s, "; ")
}

func TestWikidata(t *testing.T) {
	k := mustLoad(t)
	for qid, want := range map[string]string{"Q1065": "United Nations", "Q837": "Nepal", "Q6279": "Joe Biden", "Q7768": "Association of Southeast Asian Nations"} {
		if c, ok := k.Wikidata(qid); !ok || c.Name != want || c.IDs.Wikidata != qid {
			t.Errorf("Wikidata(%s) = %q, %v; want %q", qid, c.Name, ok, want)
		}
	}
	if c, ok := k.Wikidata("Q0"); ok {
		t.Errorf("Wikidata(Q0) = %q; want none", c.Name)
	}
}

// Every entity carries an outside identifier where the sources have one.
func TestIdentifiers(t *testing.T) {
	k := mustLoad(t)
	st := k.Stats()
	if st.Countries < 240 || st.Places < 150000 || st.Regions < 3500 || st.Orgs < 600 || st.People < 1000 || st.Offices < 1500 {
		t.Errorf("Stats = %+v; want the full tables", st)
	}
	for _, c := range k.countries {
		if c.Sovereign && c.Wikidata == "" {
			t.Errorf("sovereign %s has no Wikidata id", c.Name)
		}
		if c.ISO2 == "" || c.ISO3 == "" {
			t.Errorf("country %s lacks an ISO code", c.Name)
		}
	}
	for i := range k.places {
		if k.places[i].GeoNames <= 0 {
			t.Fatalf("place %s has no GeoNames id", k.places[i].Name)
		}
	}
	qid := regexp.MustCompile(`^Q[1-9][0-9]*$`)
	withQID := 0
	for _, o := range k.orgs {
		if o.Wikidata != "" {
			withQID++
			if !qid.MatchString(o.Wikidata) {
				t.Errorf("organisation %s: Wikidata id %q", o.Name, o.Wikidata)
			}
		}
	}
	if withQID < 540 {
		t.Errorf("%d organisations have a Wikidata id; want at least 540", withQID)
	}
	for _, p := range k.people {
		if p.Wikidata != "" && !qid.MatchString(p.Wikidata) {
			t.Errorf("person %s: Wikidata id %q", p.Name, p.Wikidata)
		}
	}
	for _, c := range k.countries {
		if c.Wikidata != "" && !qid.MatchString(c.Wikidata) {
			t.Errorf("country %s: Wikidata id %q", c.Name, c.Wikidata)
		}
	}
	for name, h := range k.Provenance() {
		if !strings.Contains(h, "# source: ") || !strings.Contains(h, "# licence: ") {
			t.Errorf("table %s: header lacks a source or licence line:\n%s", name, h)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2024-12-02", 20241202, true}, {"2024-07", 20240700, true}, {"2024", 20240000, true}, {"", 0, true},
		{"2024-13-01", 0, false}, {"24-01-01", 0, false}, {"2024-01-x", 0, false}, {"2024-00", 0, false},
	} {
		got, err := ParseDate(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseDate(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
	o := &Office{Start: 20220000, End: 20230700}
	for d, want := range map[Date]bool{20211231: false, 20220101: true, 20230731: true, 20230801: false} {
		if got := o.On(d); got != want {
			t.Errorf("Office{2022..2023-07}.On(%d) = %v; want %v", d, got, want)
		}
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// tinyTables is a small, valid set of tables: the load's error cases
// damage one at a time.
var tinyTables = map[string]string{
	"countries": "# source: test\n# licence: test\niso2\tiso3\tnumeric\twikidata\tgeonames\tname\tofficial\tcapital\tlat\tlon\tpopulation\tsovereign\tdemonyms\tnames\tseats\n" +
		"GB\tGBR\t826\tQ145\t2635167\tUnited Kingdom\tUnited Kingdom of Great Britain and Northern Ireland\tLondon\t54\t-2\t66488991\t1\tBritish\tUnited Kingdom|Britain\tWestminster\n",
	"regions": "# t\ncode\tcountry\tname\nGB.ENG\tGB\tEngland\n",
	"places":  "# t\ngeonames\tname\tcountry\tadmin1\tlat\tlon\tpopulation\talternates\n2643743\tLondon\tGB\tENG\t51.5\t-0.1\t8961989\tLondres|Londra\n",
	"orgs":    "# t\nwikidata\tname\tabbrevs\taliases\tfamily\tcountry\theadquarters\tfounded\tmembers\nQ1065\tUnited Nations\tUN\t\t\t\tNew York\t1945\tGB@1945\n",
	"people":  "# t\nid\tname\twikidata\tsurname\taliases\n1\tCharles III\tQ43274\tCharles\tKing Charles\n",
	"offices": "# t\nperson\trole\ttitle\twhere\tstart\tend\tseen\tsource\n1\thead-of-state\tKing\tGB\t2022-09-08\t\t2026-01-22\tfactbook\n",
}

func tinyFS(replace map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for n, body := range tinyTables {
		if r, ok := replace[n]; ok {
			body = r
		}
		fsys["data/"+n+".tsv.gz"] = &fstest.MapFile{Data: gz(body)}
	}
	return fsys
}

// A damaged table fails the load with an error naming the table and why.
func TestLoadErrors(t *testing.T) {
	k, err := load(tinyFS(nil))
	if err != nil {
		t.Fatalf("load of the tiny tables: %v", err)
	}
	if got := k.OfficeHolder("king", "Britain", 20240101); len(got) != 1 || got[0].Person.Wikidata != "Q43274" {
		t.Errorf("tiny OfficeHolder(king, Britain) = %s; want Charles III", names(got))
	}
	if p, ok := k.Place("Londres", "GB"); !ok || p.Admin1() != "England" {
		t.Errorf("tiny Place(Londres) = %+v; want London, England", p)
	}
	for _, c := range []struct {
		table, body, want string
	}{
		{"regions", "# table: regions\ncode\tcountry\n", `no column "name"`},
		{"regions", "# table: regions\ncode\tcountry\tname\nUS.TX\tUS\n", "want 3 tab-separated fields"},
		{"places", "# t\ngeonames\tname\tcountry\tadmin1\tlat\tlon\tpopulation\talternates\nx\tA\tUS\t\t1\t2\t3\t\n", "table places"},
		{"orgs", "# t\nwikidata\tname\tabbrevs\taliases\tfamily\tcountry\theadquarters\tfounded\tmembers\nQ1\tX\t\t\t\t\t\t\tZZ\n", "no such country"},
		{"orgs", "# t\nwikidata\tname\tabbrevs\taliases\tfamily\tcountry\theadquarters\tfounded\tmembers\nQ1\tX\t\t\t\tZZ\t\t\t\n", `no country "ZZ"`},
		{"offices", "# t\nperson\trole\ttitle\twhere\tstart\tend\tseen\tsource\n9\thead-of-state\tKing\tGB\t2020\t\t2021\tx\n", "no person 9"},
		{"offices", "# t\nperson\trole\ttitle\twhere\tstart\tend\tseen\tsource\n1\thead-of-state\tKing\tZZZ\t2020\t\t2021\tx\n", "neither a country nor an organisation"},
		{"offices", "# t\nperson\trole\ttitle\twhere\tstart\tend\tseen\tsource\n1\thead-of-state\tKing\tGB\t20-1\t\t2021\tx\n", "column start"},
	} {
		_, err := load(tinyFS(map[string]string{c.table: c.body}))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("load with a bad %s table: error %v; want one containing %q", c.table, err, c.want)
		}
	}
	if _, err := load(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "countries") {
		t.Errorf("load of an empty FS: error %v; want one naming the countries table", err)
	}
}

// Every compiled table is credited in the NOTICE file at the repository root.
func TestNotice(t *testing.T) {
	notice, err := os.ReadFile("../NOTICE")
	if err != nil {
		t.Fatalf("the NOTICE file: %v", err)
	}
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.Contains(string(notice), "kb/data/"+e.Name()) {
			t.Errorf("NOTICE does not name kb/data/%s and its licence", e.Name())
		}
	}
}
