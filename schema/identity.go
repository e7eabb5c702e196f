package schema

import "strings"

// MatchRule names the rule by which mentions from several articles became
// one entity, or by which a curator parted them.
type MatchRule string

// The rules of cross-article identity. The resolver (package resolve) joins
// people by name; a curator merges and splits any entity.
const (
	// RuleGivenName joins a person to a known person of the same surname
	// whose first given name agrees ("Sergei" and "Sergey", "S." and
	// "Subrahmanyam").
	RuleGivenName MatchRule = "GIVEN_NAME"
	// RuleSurname joins a surname-only or title-only mention to the only
	// known person of that surname.
	RuleSurname MatchRule = "SURNAME"
	// RuleNameExtends joins a name to one it extends with a second surname
	// or patronymic ("Ignacio Valdes Rojas" and "Ignacio Valdes").
	RuleNameExtends MatchRule = "NAME_EXTENDS"
	// RuleSameCountry chooses, of several people that fit, the one whose
	// office is in the same country.
	RuleSameCountry MatchRule = "SAME_COUNTRY"
	// RuleSameName chooses, of several people that fit, the one of the very
	// same name.
	RuleSameName MatchRule = "SAME_NAME"
	// RuleWikidata joins two people linked to the same Wikidata item.
	RuleWikidata MatchRule = "WIKIDATA"
	// RuleKindPlaceDay keys a generic event ("the bombing") that its
	// article would keep to itself by its kind, place and day, which the
	// article gives otherwise than on the event (its only place, the date
	// of what was done about the event, its own date): reports of one
	// event on one day from several outlets become one node.
	RuleKindPlaceDay MatchRule = "KIND_PLACE_DAY"
	// RuleCuratorMerge is a curator's mergeEntities.
	RuleCuratorMerge MatchRule = "CURATOR_MERGE"
	// RuleCuratorSplit is a curator's splitEntity.
	RuleCuratorSplit MatchRule = "CURATOR_SPLIT"
)

// MatchRules lists every rule in a stable order.
var MatchRules = []MatchRule{RuleGivenName, RuleSurname, RuleNameExtends, RuleSameCountry,
	RuleSameName, RuleWikidata, RuleKindPlaceDay, RuleCuratorMerge, RuleCuratorSplit}

// GenericEventKey is the key of a generic event (one known by a common
// noun) of kind that took place in the place of key placeKey on day
// (YYYY-MM-DD): "event:attack in place:kabul on 2025-03-30".
func GenericEventKey(kind, placeKey, day string) string {
	return "event:" + kind + " in " + placeKey + " on " + day
}

// LocalKey splits the key of an entity kept to one article ("event:attack
// of article 1ee6…") into the key it would have and the article's id.
func LocalKey(key string) (base, article string, ok bool) {
	i := strings.LastIndex(key, " of article ")
	if i < 0 {
		return key, "", false
	}
	return key[:i], key[i+len(" of article "):], true
}

// Valid reports whether r is one of MatchRules.
func (r MatchRule) Valid() bool {
	for _, x := range MatchRules {
		if x == r {
			return true
		}
	}
	return false
}

// IdentityMatch is one decision about an entity's identity: a mention of an
// article that the resolver joined to the entity although its own key
// differs, or a curator's merge or split. Mentions whose keys are equal
// need no decision: their key is their identity.
type IdentityMatch struct {
	// Entity is the id of the entity the decision is about.
	Entity string    `json:"entity"`
	Rule   MatchRule `json:"rule"`
	// Name is the name of the mention joined, or of the other entity of a
	// curator's decision.
	Name string `json:"name"`
	// From is the id the mention would have had on its own, or the id of
	// the other entity of a curator's decision (the one merged in, the one
	// split from or off).
	From string `json:"from"`
	// FromKey is the canonical key of From.
	FromKey string `json:"fromKey,omitempty"`
	// On says what matched, in words ("surname \"khan\", given name
	// \"ahmed\" ~ \"a\"").
	On string `json:"on"`
	// Article is the article the joined mention was read from; empty for a
	// curator's decision.
	Article string `json:"article,omitempty"`
	// Evidence is a sentence of Article that names the joined mention, when
	// the article states something of it.
	Evidence string `json:"evidence,omitempty"`
	// Articles are the articles whose mentions a split moved.
	Articles []string `json:"articles,omitempty"`
	// At is when a curator decided (RFC 3339, UTC); empty for the
	// resolver's decisions.
	At string `json:"at,omitempty"`
}

// NoteKey is the key a store files m under: one per article and mention
// for the resolver's decisions, so that loading an article again replaces
// its notes, and one per decision for a curator's.
func (m IdentityMatch) NoteKey() string {
	if m.At == "" {
		return "load|" + m.Article + "|" + m.From
	}
	return "curator|" + m.At + "|" + string(m.Rule) + "|" + m.Entity + "|" + m.From
}

// Redirect is a curator's decision that later loads follow: a mention whose
// id is From, in the article Article (in any article when Article is
// empty), is the entity Into. mergeEntities leaves one per entity merged
// away; splitEntity one per article split off.
type Redirect struct {
	From    string `json:"from"`
	Article string `json:"article,omitempty"`
	// Into is the entity mentions are pointed at: its id, key, type and
	// name, enough to write it again should every article that mentions it
	// be deleted.
	Into Entity `json:"into"`
}
