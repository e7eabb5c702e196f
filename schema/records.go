package schema

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// namespace is the UUIDv5 namespace of every diplograph id.
var namespace = uuid.MustParse("6f1c2a5e-3b7d-5c9e-8a41-d1f0b2c3e4a5")

// ID returns the UUIDv5 of a canonical key, so the same thing loaded twice,
// from the same or another article, gets the same id. It equals
// uuid.NewSHA1(namespace, key).String() (TestIDIsUUIDv5 checks it) but
// allocates once: the loader makes ids for every entity and relation.
func ID(key string) string {
	var buf [128]byte
	sum := sha1.Sum(append(append(buf[:0], namespace[:]...), key...))
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // RFC 4122 variant
	var out [36]byte
	hex.Encode(out[0:8], sum[0:4])
	hex.Encode(out[9:13], sum[4:6])
	hex.Encode(out[14:18], sum[6:8])
	hex.Encode(out[19:23], sum[8:10])
	hex.Encode(out[24:36], sum[10:16])
	out[8], out[13], out[18], out[23] = '-', '-', '-', '-'
	return string(out[:])
}

// Fold returns s folded for matching: accents removed, lower case, every run
// of punctuation or space turned into one space, apostrophes dropped.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return foldUnicode(s)
		}
	}
	return foldASCII(s)
}

// foldASCII is Fold for text of ASCII letters only, without Unicode tables:
// the loader folds every word it reads.
func foldASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '`':
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		default:
			space = true
		}
	}
	return b.String()
}

// latinLetters are the letters of Latin-script names that no Unicode
// decomposition takes to a basic letter, spelt as English text spells them
// ("Yıldız" is "Yildiz", "Łódź" "Lodz", "Søren" "Soren").
var latinLetters = map[rune]string{'ı': "i", 'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ħ': "h",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th"}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '\u2019' || r == '`':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if l, ok := latinLetters[unicode.ToLower(r)]; ok {
				b.WriteString(l)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// EntityKey is the canonical key of an entity: its type and folded name, or
// for countries the ISO 3166-1 alpha-2 code when known.
func EntityKey(t EntityType, name string) string {
	return strings.ToLower(string(t)) + ":" + Fold(name)
}

// PersonKey is the key of a person who holds office in the country of ISO
// code: "person:pk:ahmed khan". Namesakes of two countries have two keys.
func PersonKey(name, code string) string {
	return "person:" + strings.ToLower(code) + ":" + Fold(name)
}

// KeyCountry returns the ISO code (lower case) a person's key was made
// with by PersonKey, or "".
func KeyCountry(key string) string {
	rest, ok := strings.CutPrefix(key, "person:")
	if !ok || len(rest) < 3 || rest[2] != ':' {
		return ""
	}
	return rest[:2]
}

// Article is one news article as loaded.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"` // ISO 8601 date
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	// Path is the file the article came from, when it came from a file.
	Path string `json:"path,omitempty"`
}

// Entity is a node: a person, country, organization, place, event or
// agreement.
type Entity struct {
	ID      string     `json:"id"`
	Key     string     `json:"key"`
	Type    EntityType `json:"type"`
	Name    string     `json:"name"`
	Aliases []string   `json:"aliases,omitempty"`
	// Kind is the kind of an event (attack, call, summit, …).
	Kind string `json:"kind,omitempty"`
	// Date is the date of an event, or the year of an agreement (ISO 8601,
	// as precise as known).
	Date string `json:"date,omitempty"`
	// Code is the ISO 3166-1 alpha-2 code of a country.
	Code string `json:"code,omitempty"`
	// IDs are the entity's identifiers in other datasets, set when the
	// loader linked it to the knowledge base (package kb); zero when not.
	IDs ExternalIDs `json:"externalIds,omitzero"`
	// Location is where a linked place lies; nil when unknown.
	Location *Location `json:"location,omitempty"`
}

// ExternalIDs are an entity's identifiers in other datasets; a field is
// zero when the entity has none there.
type ExternalIDs struct {
	// Wikidata is the Wikidata item id ("Q30") of a country, organization
	// or person.
	Wikidata string `json:"wikidata,omitempty"`
	// GeoNames is the GeoNames id of a place or country.
	GeoNames int `json:"geonames,omitempty"`
	// ISO is the ISO 3166-1 alpha-2 code of a country.
	ISO string `json:"iso,omitempty"`
}

// Location is a point on the Earth in WGS 84 degrees.
type Location struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// IsWikidataID reports whether s is the form of a Wikidata item id: Q and
// a number without leading zeros ("Q30").
func IsWikidataID(s string) bool {
	if len(s) < 2 || len(s) > 13 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Check says what is wrong with ids, if anything: a Wikidata id not of the
// form Q123, a negative GeoNames id, an ISO code not of two capital letters.
func (ids ExternalIDs) Check() error {
	switch {
	case ids.Wikidata != "" && !IsWikidataID(ids.Wikidata):
		return fmt.Errorf("wikidata id %q is not of the form Q123", ids.Wikidata)
	case ids.GeoNames < 0:
		return fmt.Errorf("geonames id %d is negative", ids.GeoNames)
	case ids.ISO != "" && (len(ids.ISO) != 2 || ids.ISO[0] < 'A' || ids.ISO[0] > 'Z' || ids.ISO[1] < 'A' || ids.ISO[1] > 'Z'):
		return fmt.Errorf("iso code %q is not two capital letters", ids.ISO)
	}
	return nil
}

// Check says what is wrong with l, if anything: a latitude outside
// [-90, 90] or a longitude outside [-180, 180] (NaN is outside both).
func (l Location) Check() error {
	if !(l.Lat >= -90 && l.Lat <= 90) || !(l.Lon >= -180 && l.Lon <= 180) {
		return fmt.Errorf("location (%v, %v) is not a latitude and longitude in degrees", l.Lat, l.Lon)
	}
	return nil
}

// Relation is a directed edge with the evidence it was read from.
type Relation struct {
	ID     string       `json:"id"`
	Type   RelationType `json:"type"`
	Source string       `json:"source"` // entity id
	Target string       `json:"target"` // entity id
	// Date is when the action happened (ISO 8601, possibly partial).
	Date string `json:"date,omitempty"`
	// Status is "planned" for announced actions, empty for done ones.
	Status string `json:"status,omitempty"`
	// Role is the office held, for HOLDS_OFFICE.
	Role       string     `json:"role,omitempty"`
	Confidence float64    `json:"confidence,omitempty"`
	Cameo      string     `json:"cameo,omitempty"`
	Plover     string     `json:"plover,omitempty"`
	Evidence   []Evidence `json:"evidence,omitempty"`
}

// Evidence is the sentence of an article a relation was read from; Start and
// End are byte offsets of the sentence in the article's cleaned text, and
// Sentence is that text on one line (see OneLine), as a reader quotes it.
type Evidence struct {
	Article  string `json:"article"` // article id
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// RelationKey is the canonical key of a relation: its ends, type and date.
// Symmetric relations order their ends so that A MET B and B MET A agree.
func RelationKey(t RelationType, sourceKey, targetKey, date string) string {
	if info, ok := Info(t); ok && info.Symmetric && targetKey < sourceKey {
		sourceKey, targetKey = targetKey, sourceKey
	}
	return string(t) + "|" + sourceKey + "|" + targetKey + "|" + date
}

// Batch is everything read from one article: the unit the loader hands to a
// store. Relations refer to entities by id; every entity a relation names is
// in Entities.
type Batch struct {
	Article   Article    `json:"article"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	// Identity holds the resolver's cross-article decisions about the
	// batch's entities, which the store keeps with them (Entity.identity).
	Identity []IdentityMatch `json:"identity,omitempty"`
}

// OneLine returns s with every run of white space that holds a line break
// or a tab made one space, so that a sentence of hard-wrapped text reads as
// one line. A string with none is returned as it is, without copying.
func OneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
				j++
			}
			if strings.ContainsAny(s[i:j], "\n\r\t") {
				b.WriteByte(' ')
			} else {
				b.WriteString(s[i:j])
			}
			i = j
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
