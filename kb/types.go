package kb

import "strings"

// Kind is the kind of an entity in the knowledge base.
type Kind uint8

const (
	KindCountry Kind = iota + 1
	KindOrg
	KindPerson
	KindPlace
	KindRegion
)

func (k Kind) String() string {
	switch k {
	case KindCountry:
		return "country"
	case KindOrg:
		return "organisation"
	case KindPerson:
		return "person"
	case KindPlace:
		return "place"
	case KindRegion:
		return "region"
	}
	return "unknown"
}

// Match says how a name matched an entity: the evidence of a lookup.
type Match string

const (
	ByName      Match = "name"         // the entity's own name
	ByAlias     Match = "alias"        // a recorded variant of the name
	ByCode      Match = "code"         // ISO 3166 alpha-2 or alpha-3 code
	ByDemonym   Match = "demonym"      // "Emirati" → United Arab Emirates
	ByCapital   Match = "capital"      // "Moscow" → Russia
	ByAbbrev    Match = "abbreviation" // "OAS" → Organization of American States
	BySurname   Match = "surname"      // "Biden" → Joseph R. Biden Jr.
	ByAlternate Match = "alternate"    // a GeoNames alternate name of a place
	ByID        Match = "id"           // an outside identifier (Wikidata id)
)

// IDs are an entity's identifiers in other datasets.
type IDs struct {
	Wikidata string // Q…, "" when the sources give none
	GeoNames int    // 0 when none
	ISO      string // ISO 3166-1 alpha-2 of a country; GeoNames admin1 code ("US.CA") of a region
}

// Country is a country or territory with an ISO 3166-1 code.
type Country struct {
	ISO2, ISO3, Numeric string
	Wikidata            string
	GeoNames            int
	Name, Official      string
	Capital             string
	Lat, Lon            float64
	Population          int
	Sovereign           bool
	Demonyms            []string
	Names               []string // every recorded name, the common and official first
	// Seats are other names that stand for the country as its capital or
	// seat of government ("Washington", "Delhi", "The Hague").
	Seats []string
}

// IDs of the country.
func (c *Country) IDs() IDs { return IDs{Wikidata: c.Wikidata, GeoNames: c.GeoNames, ISO: c.ISO2} }

// Place is a GeoNames populated place.
type Place struct {
	GeoNames   int
	Name       string
	Country    string // ISO 3166-1 alpha-2
	Admin1Code string // GeoNames admin1 code within the country
	Lat, Lon   float64
	Population int
	alternates string // "|"-separated
	kb         *KB
}

// Alternates are the place's recorded other names (Latin script).
func (p *Place) Alternates() []string {
	if p.alternates == "" {
		return nil
	}
	return strings.Split(p.alternates, "|")
}

// Admin1 is the name of the place's first-level region ("" if unknown).
func (p *Place) Admin1() string {
	if r := p.kb.regionByCode[p.Country+"."+p.Admin1Code]; r != nil {
		return r.Name
	}
	return ""
}

// IDs of the place.
func (p *Place) IDs() IDs { return IDs{GeoNames: p.GeoNames} }

// Region is a first-level administrative division (state, province…).
type Region struct {
	Code    string // GeoNames admin1 code, "US.CA"
	Country string
	Name    string
}

// IDs of the region: GeoNames keys first-level regions by their code.
func (r *Region) IDs() IDs { return IDs{ISO: r.Code} }

// Member is a country's membership of an organisation.
type Member struct {
	Country string // ISO 3166-1 alpha-2
	Since   Date   // 0 when not recorded
}

// Org is an international or regional organisation, or a non-state armed
// group (Family says which).
type Org struct {
	Wikidata     string
	Name         string
	Abbrevs      []string
	Aliases      []string
	Family       string
	Country      string // ISO2 of a national body's or armed group's country, "" for an international one
	Headquarters string
	Founded      string
	Members      []Member
	key          string // the "where" of its offices
}

// IDs of the organisation.
func (o *Org) IDs() IDs { return IDs{Wikidata: o.Wikidata} }

// HasMember reports whether country (ISO2) is a recorded member on date d
// (0 for any date).
func (o *Org) HasMember(country string, d Date) bool {
	for _, m := range o.Members {
		if m.Country == country && (d == 0 || m.Since == 0 || m.Since <= d) {
			return true
		}
	}
	return false
}

// Person is someone who held one of the offices the knowledge base records.
type Person struct {
	ID       int
	Name     string
	Wikidata string
	Surname  string
	Aliases  []string
	offices  []int32
}

// IDs of the person.
func (p *Person) IDs() IDs { return IDs{Wikidata: p.Wikidata} }

// Role is the kind of an office.
type Role string

const (
	HeadOfState      Role = "head-of-state"
	HeadOfGovernment Role = "head-of-government"
	ForeignMinister  Role = "foreign-minister"
	OrgHead          Role = "org-head"    // secretary-general, director-general, president of an organisation
	OrgDeputy        Role = "org-deputy"  // deputy or under-secretary-general
	OrgOfficer       Role = "org-officer" // another post (high commissioner…)
	GovernmentMember Role = "government"  // a member of a national government, office unnamed (PETRARCH2 CountryInfo)
	VicePresident    Role = "vice-president"
	Heir             Role = "heir" // heir apparent, crown prince
)

// trustOpen is how long after a source last confirmed an open span the
// knowledge base still takes the holder to be in office: two years, as
// yyyymmdd.
const trustOpen = 20000

// Office is one person's span in one office. Country is set for a national
// office, Org for an organisation's.
type Office struct {
	Person  *Person
	Role    Role
	Title   string // as the source words it ("Prime Minister", "Secretary-General of the United Nations")
	Country *Country
	Org     *Org
	Start   Date
	End     Date // 0 while open: still in office when last seen
	Seen    Date // the last date a source confirmed the span
	Source  string

	titleKey string // Title folded
}

// On reports whether the office was held on date d. A span's ends are
// inclusive: on the day one holder succeeds another both are in office.
func (o *Office) On(d Date) bool {
	return o.Start <= d && (o.End == 0 || d <= o.End.last())
}

// Current reports whether the office was held on date d as far as the
// sources tell: On, and for an open span no more than two years past the
// last date a source confirmed it (a 2014 list does not make its ministers
// today's).
func (o *Office) Current(d Date) bool {
	return o.On(d) && (o.End != 0 || d <= o.Seen.last()+trustOpen)
}

// Stale reports whether d is past the last date a source confirmed an
// open span: the holder may have left office since.
func (o *Office) Stale(d Date) bool { return o.End == 0 && d > o.Seen.last() }

// Where names the country or organisation of the office.
func (o *Office) Where() string {
	if o.Country != nil {
		return o.Country.Name
	}
	if o.Org != nil {
		return o.Org.Name
	}
	return ""
}

// Candidate is one entity a name may refer to, with the evidence.
type Candidate struct {
	Kind    Kind
	Name    string // the canonical name
	IDs     IDs
	Match   Match  // how the name matched
	Matched string // the recorded name that matched
	Country *Country
	Org     *Org
	Person  *Person
	Place   *Place
	Region  *Region
	Offices []*Office // a person's offices held on the lookup date
}
