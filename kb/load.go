package kb

import (
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

//go:embed data/*.tsv.gz
var dataFS embed.FS

// KB is the loaded knowledge base. It is read-only and safe for concurrent use.
type KB struct {
	countries    []*Country
	countryByISO map[string]*Country // alpha-2 and alpha-3
	countryKey   map[string][]countryHit
	capitalKey   map[string][]*Country

	places    []Place
	placeKey  map[string]int32 // key → head of its list in placePost
	placePost []int32          // pairs: place index, next pair (-1 ends)

	regions      []*Region
	regionByCode map[string]*Region
	regionKey    map[string][]*Region

	orgs   []*Org
	orgKey map[string][]orgHit

	people    []*Person
	personKey map[string][]personHit
	offices   []*Office
	officesAt map[officeKey][]*Office

	byQID map[string]any // Wikidata id → *Country, *Org or *Person

	headers map[string]string // table → its provenance header
}

// officeKey indexes offices by where (a country's ISO2 or an
// organisation's key) and role.
type officeKey struct {
	where string
	role  Role
}

type countryHit struct {
	c     *Country
	match Match
	name  string
}

type orgHit struct {
	o     *Org
	match Match
	name  string
}

type personHit struct {
	p     *Person
	match Match
	name  string
}

var (
	loadOnce sync.Once
	loaded   *KB
	loadErr  error
)

// Load returns the knowledge base, parsing the embedded tables on the first
// call only.
func Load() (*KB, error) {
	loadOnce.Do(func() { loaded, loadErr = load(dataFS) })
	return loaded, loadErr
}

// table is a decoded TSV table: header comments, column names and the
// rows, read one at a time by each.
type table struct {
	name   string
	header string
	cols   map[string]int
	ncols  int
	body   string
	rows   int
}

func readTable(fsys fs.FS, name string, want ...string) (*table, error) {
	f, err := fsys.Open("data/" + name + ".tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("kb: table %s: %w", name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("kb: table %s: %w", name, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("kb: table %s: %w", name, err)
	}
	t := &table{name: name, cols: map[string]int{}}
	var hdr strings.Builder
	s := string(raw)
	for strings.HasPrefix(s, "#") {
		line, rest, _ := strings.Cut(s, "\n")
		hdr.WriteString(line)
		hdr.WriteByte('\n')
		s = rest
	}
	t.header = hdr.String()
	colLine, s, _ := strings.Cut(s, "\n")
	cols := strings.Split(colLine, "\t")
	for i, c := range cols {
		t.cols[c] = i
	}
	t.ncols = len(cols)
	for _, c := range want {
		if _, ok := t.cols[c]; !ok {
			return nil, fmt.Errorf("kb: table %s: no column %q (have %q)", name, c, cols)
		}
	}
	t.body = s
	t.rows = strings.Count(s, "\n")
	return t, nil
}

// each calls fn with every row's fields; the slice is reused between calls,
// the strings are not.
func (t *table) each(fn func(r []string) error) error {
	f := make([]string, t.ncols)
	s := t.body
	for line := 1; s != ""; line++ {
		var l string
		l, s, _ = strings.Cut(s, "\n")
		n := 0
		for n < t.ncols-1 {
			i := strings.IndexByte(l, '\t')
			if i < 0 {
				break
			}
			f[n], l = l[:i], l[i+1:]
			n++
		}
		f[n] = l
		if n != t.ncols-1 || strings.IndexByte(l, '\t') >= 0 {
			return fmt.Errorf("kb: table %s row %d: want %d tab-separated fields", t.name, line, t.ncols)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%w (row %d)", err, line)
		}
	}
	return nil
}

func (t *table) get(r []string, col string) string { return r[t.cols[col]] }

func (t *table) int(r []string, col string) (int, error) {
	v := t.get(r, col)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("kb: table %s: column %s: %q is not a number", t.name, col, v)
	}
	return n, nil
}

func (t *table) float(r []string, col string) (float64, error) {
	v := t.get(r, col)
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, fmt.Errorf("kb: table %s: column %s: %q is not a number", t.name, col, v)
	}
	return f, nil
}

func (t *table) date(r []string, col string) (Date, error) {
	d, err := ParseDate(t.get(r, col))
	if err != nil {
		return 0, fmt.Errorf("kb: table %s: column %s: %w", t.name, col, err)
	}
	return d, nil
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func load(fsys fs.FS) (*KB, error) {
	k := &KB{headers: map[string]string{}}
	// The places, three quarters of the work, load beside the rest.
	var placesErr error
	var placesHeader string
	done := make(chan struct{})
	go func() {
		defer close(done)
		placesHeader, placesErr = k.loadPlaces(fsys)
	}()
	var err error
	for _, step := range []func(fs.FS) error{k.loadCountries, k.loadRegions, k.loadOrgs, k.loadPeople} {
		if err = step(fsys); err != nil {
			break
		}
	}
	<-done
	if err == nil {
		err = placesErr
	}
	if err != nil {
		return nil, err
	}
	k.headers["places"] = placesHeader
	k.byQID = map[string]any{}
	for _, c := range k.countries {
		if c.Wikidata != "" {
			k.byQID[c.Wikidata] = c
		}
	}
	for _, o := range k.orgs {
		if o.Wikidata != "" {
			k.byQID[o.Wikidata] = o
		}
	}
	for _, p := range k.people {
		if p.Wikidata != "" {
			k.byQID[p.Wikidata] = p
		}
	}
	return k, nil
}

func (k *KB) loadCountries(fsys fs.FS) error {
	t, err := readTable(fsys, "countries", "iso2", "iso3", "numeric", "wikidata", "geonames", "name", "official", "capital", "lat", "lon", "population", "sovereign", "demonyms", "names", "seats")
	if err != nil {
		return err
	}
	k.headers[t.name] = t.header
	k.countryByISO = map[string]*Country{}
	k.countryKey = map[string][]countryHit{}
	k.capitalKey = map[string][]*Country{}
	if err := t.each(func(r []string) error {
		c := &Country{ISO2: t.get(r, "iso2"), ISO3: t.get(r, "iso3"), Numeric: t.get(r, "numeric"), Wikidata: t.get(r, "wikidata"),
			Name: t.get(r, "name"), Official: t.get(r, "official"), Capital: t.get(r, "capital"), Sovereign: t.get(r, "sovereign") == "1",
			Demonyms: list(t.get(r, "demonyms")), Names: list(t.get(r, "names")), Seats: list(t.get(r, "seats"))}
		if c.GeoNames, err = t.int(r, "geonames"); err != nil {
			return err
		}
		if c.Population, err = t.int(r, "population"); err != nil {
			return err
		}
		if c.Lat, err = t.float(r, "lat"); err != nil {
			return err
		}
		if c.Lon, err = t.float(r, "lon"); err != nil {
			return err
		}
		k.countries = append(k.countries, c)
		k.countryByISO[c.ISO2] = c
		k.countryByISO[c.ISO3] = c
		return nil
	}); err != nil {
		return err
	}
	// Names first, so that a name beats another country's demonym; a
	// country's own demonym, when a source lists it among the names too, is
	// a demonym.
	for _, c := range k.countries {
		own := map[string]bool{}
		for _, d := range c.Demonyms {
			own[norm.Key(d)] = true
		}
		for i, n := range c.Names {
			if own[norm.Key(n)] {
				continue
			}
			m := ByAlias
			if i == 0 || n == c.Official {
				m = ByName
			}
			k.addCountryKey(norm.Key(n), countryHit{c, m, n})
		}
	}
	for _, c := range k.countries {
		for _, d := range c.Demonyms {
			k.addCountryKey(norm.Key(d), countryHit{c, ByDemonym, d})
		}
		for _, s := range append([]string{c.Capital}, c.Seats...) {
			if key := norm.Key(s); key != "" && !slices.Contains(k.capitalKey[key], c) {
				k.capitalKey[key] = append(k.capitalKey[key], c)
			}
		}
	}
	// Where countries share a name or demonym ("American"), the better
	// evidence first, then a sovereign country before a territory, then the
	// more populous.
	order := map[Match]int{ByName: 0, ByCode: 1, ByAlias: 2, ByDemonym: 3}
	for _, hs := range k.countryKey {
		if len(hs) > 1 {
			slices.SortStableFunc(hs, func(a, b countryHit) int {
				if d := order[a.match] - order[b.match]; d != 0 {
					return d
				}
				if a.c.Sovereign != b.c.Sovereign {
					if a.c.Sovereign {
						return -1
					}
					return 1
				}
				return b.c.Population - a.c.Population // "Dominican": the Dominican Republic before Dominica
			})
		}
	}
	return nil
}

func (k *KB) addCountryKey(key string, h countryHit) {
	if key == "" {
		return
	}
	for _, old := range k.countryKey[key] {
		if old.c == h.c {
			return
		}
	}
	k.countryKey[key] = append(k.countryKey[key], h)
}

func (k *KB) loadRegions(fsys fs.FS) error {
	t, err := readTable(fsys, "regions", "code", "country", "name")
	if err != nil {
		return err
	}
	k.headers[t.name] = t.header
	k.regionByCode = make(map[string]*Region, t.rows)
	k.regionKey = make(map[string][]*Region, t.rows)
	k.regions = make([]*Region, 0, t.rows)
	if err := t.each(func(r []string) error {
		g := &Region{Code: t.get(r, "code"), Country: t.get(r, "country"), Name: t.get(r, "name")}
		k.regions = append(k.regions, g)
		k.regionByCode[g.Code] = g
		key := norm.Key(g.Name)
		k.regionKey[key] = append(k.regionKey[key], g)
		return nil
	}); err != nil {
		return err
	}
	return nil
}

// loadPlaces fills k.places, placeKey and placePost only (it runs beside
// the other steps) and returns the table's header.
func (k *KB) loadPlaces(fsys fs.FS) (string, error) {
	t, err := readTable(fsys, "places", "geonames", "name", "country", "admin1", "lat", "lon", "population", "alternates")
	if err != nil {
		return "", err
	}
	k.places = make([]Place, t.rows)
	i := -1
	cName, cCountry, cAdmin1, cAlt := t.cols["name"], t.cols["country"], t.cols["admin1"], t.cols["alternates"]
	cID, cPop, cLat, cLon := t.cols["geonames"], t.cols["population"], t.cols["lat"], t.cols["lon"]
	if err := t.each(func(r []string) error {
		i++
		p := &k.places[i]
		p.kb = k
		p.Name, p.Country, p.Admin1Code, p.alternates = r[cName], r[cCountry], r[cAdmin1], r[cAlt]
		var err1, err2, err3, err4 error
		p.GeoNames, err1 = strconv.Atoi(r[cID])
		p.Population, err2 = strconv.Atoi(r[cPop])
		p.Lat, err3 = strconv.ParseFloat(r[cLat], 64)
		p.Lon, err4 = strconv.ParseFloat(r[cLon], 64)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return fmt.Errorf("kb: table places: %s: %w", p.Name, err)
		}
		if i > 0 && p.GeoNames <= k.places[i-1].GeoNames {
			return fmt.Errorf("kb: table places: %s (%d) is out of GeoNames id order", p.Name, p.GeoNames)
		}
		return nil
	}); err != nil {
		return "", err
	}
	// A name's places are a linked list through placePost (place, next),
	// built from the least populous up so that it reads largest first.
	// population in the high bits, the reversed index in the low: one
	// integer sort orders by population, then by id descending.
	order := make([]uint64, len(k.places))
	for i := range order {
		order[i] = uint64(k.places[i].Population)<<32 | uint64(math.MaxUint32-uint32(i))
	}
	slices.Sort(order)
	k.placeKey = make(map[string]int32, len(k.places)*2)
	k.placePost = make([]int32, 0, len(k.places)*5)
	push := func(key string, i int32) {
		head, ok := k.placeKey[key]
		if !ok {
			head = -1
		}
		k.placeKey[key] = int32(len(k.placePost))
		k.placePost = append(k.placePost, i, head)
	}
	for _, o := range order {
		i := int32(math.MaxUint32 - uint32(o))
		p := &k.places[i]
		nk := norm.Key(p.Name)
		push(nk, i)
		for alt := p.alternates; alt != ""; {
			var a string
			a, alt, _ = strings.Cut(alt, "|")
			if ak := norm.Key(a); ak != nk {
				push(ak, i)
			}
		}
	}
	return t.header, nil
}

func (k *KB) loadOrgs(fsys fs.FS) error {
	t, err := readTable(fsys, "orgs", "wikidata", "name", "abbrevs", "aliases", "family", "country", "headquarters", "founded", "members")
	if err != nil {
		return err
	}
	k.headers[t.name] = t.header
	k.orgKey = map[string][]orgHit{}
	if err := t.each(func(r []string) error {
		o := &Org{Wikidata: t.get(r, "wikidata"), Name: t.get(r, "name"), Abbrevs: list(t.get(r, "abbrevs")), Aliases: list(t.get(r, "aliases")),
			Family: t.get(r, "family"), Country: t.get(r, "country"), Headquarters: t.get(r, "headquarters"), Founded: t.get(r, "founded")}
		if o.Country != "" && k.countryByISO[o.Country] == nil {
			return fmt.Errorf("kb: table orgs: %s: no country %q", o.Name, o.Country)
		}
		for _, m := range list(t.get(r, "members")) {
			iso, since, _ := strings.Cut(m, "@")
			d, err := ParseDate(since)
			if err != nil {
				return fmt.Errorf("kb: table orgs: %s member %q: %w", o.Name, m, err)
			}
			if k.countryByISO[iso] == nil {
				return fmt.Errorf("kb: table orgs: %s member %q: no such country", o.Name, m)
			}
			o.Members = append(o.Members, Member{Country: iso, Since: d})
		}
		o.key = o.Wikidata
		if o.key == "" {
			o.key = "org:" + o.Name
		}
		k.orgs = append(k.orgs, o)
		return nil
	}); err != nil {
		return err
	}
	add := func(key string, h orgHit) {
		if key == "" {
			return
		}
		for _, old := range k.orgKey[key] {
			if old.o == h.o {
				return
			}
		}
		k.orgKey[key] = append(k.orgKey[key], h)
	}
	for _, o := range k.orgs {
		add(norm.Key(o.Name), orgHit{o, ByName, o.Name})
	}
	for _, o := range k.orgs {
		for _, a := range o.Abbrevs {
			add(norm.Key(a), orgHit{o, ByAbbrev, a})
		}
		for _, a := range o.Aliases {
			add(norm.Key(a), orgHit{o, ByAlias, a})
		}
	}
	return nil
}

func (k *KB) loadPeople(fsys fs.FS) error {
	pt, err := readTable(fsys, "people", "id", "name", "wikidata", "surname", "aliases")
	if err != nil {
		return err
	}
	k.headers[pt.name] = pt.header
	byID := map[int]*Person{}
	k.personKey = map[string][]personHit{}
	add := func(key string, h personHit) {
		if key == "" {
			return
		}
		for _, old := range k.personKey[key] {
			if old.p == h.p {
				return
			}
		}
		k.personKey[key] = append(k.personKey[key], h)
	}
	if err := pt.each(func(r []string) error {
		p := &Person{Name: pt.get(r, "name"), Wikidata: pt.get(r, "wikidata"), Surname: pt.get(r, "surname"), Aliases: list(pt.get(r, "aliases"))}
		if p.ID, err = pt.int(r, "id"); err != nil {
			return err
		}
		byID[p.ID] = p
		k.people = append(k.people, p)
		return nil
	}); err != nil {
		return err
	}
	for _, p := range k.people {
		add(norm.Key(p.Name), personHit{p, ByName, p.Name})
		// A surname of one word is weak evidence; of two or more ("Felipe
		// VI", "Pena Nieto", "Muhammad bin Salman") it names the person.
		sk := norm.Key(p.Surname)
		surname := BySurname
		if strings.Contains(sk, " ") {
			surname = ByAlias
		}
		for _, a := range p.Aliases {
			m := ByAlias
			if norm.Key(a) == sk {
				m = surname
			}
			add(norm.Key(a), personHit{p, m, a})
		}
		add(sk, personHit{p, surname, p.Surname})
		// "al-Sharaa" is also "Sharaa", "el-Sisi" "Sisi".
		for _, particle := range []string{"al ", "el ", "ad ", "as "} {
			if rest, ok := strings.CutPrefix(sk, particle); ok && len(rest) > 2 {
				add(rest, personHit{p, BySurname, p.Surname})
			}
		}
	}
	ot, err := readTable(fsys, "offices", "person", "role", "title", "where", "start", "end", "seen", "source")
	if err != nil {
		return err
	}
	k.headers[ot.name] = ot.header
	k.officesAt = map[officeKey][]*Office{}
	orgByKey := map[string]*Org{}
	for _, o := range k.orgs {
		orgByKey[o.key] = o
	}
	if err := ot.each(func(r []string) error {
		id, err := ot.int(r, "person")
		if err != nil {
			return err
		}
		o := &Office{Person: byID[id], Role: Role(ot.get(r, "role")), Title: ot.get(r, "title"), Source: ot.get(r, "source")}
		if o.Person == nil {
			return fmt.Errorf("kb: table offices: no person %d", id)
		}
		where := ot.get(r, "where")
		if len(where) == 2 {
			o.Country = k.countryByISO[where]
		} else {
			o.Org = orgByKey[where]
		}
		if o.Country == nil && o.Org == nil {
			return fmt.Errorf("kb: table offices: %s: %q is neither a country nor an organisation", o.Person.Name, where)
		}
		if o.Start, err = ot.date(r, "start"); err != nil {
			return err
		}
		if o.End, err = ot.date(r, "end"); err != nil {
			return err
		}
		if o.Seen, err = ot.date(r, "seen"); err != nil {
			return err
		}
		o.Person.offices = append(o.Person.offices, int32(len(k.offices)))
		k.offices = append(k.offices, o)
		o.titleKey = norm.Key(o.Title)
		at := officeKey{where, o.Role}
		k.officesAt[at] = append(k.officesAt[at], o)
		return nil
	}); err != nil {
		return err
	}
	return nil
}

// DataVersion names the compiled tables without loading them: the first
// hex digits of a SHA-256 over their names and bytes, in name order.
func DataVersion() string {
	entries, err := dataFS.ReadDir("data")
	if err != nil {
		return "unreadable: " + err.Error()
	}
	h := sha256.New()
	for _, e := range entries { // ReadDir sorts by name
		b, err := dataFS.ReadFile("data/" + e.Name())
		if err != nil {
			return "unreadable: " + err.Error()
		}
		fmt.Fprintf(h, "%s %d\n", e.Name(), len(b))
		h.Write(b)
	}
	return fmt.Sprintf("kb %d tables, sha256:%x", len(entries), h.Sum(nil)[:6])
}
