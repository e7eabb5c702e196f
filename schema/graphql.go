package schema

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MarshalGQL writes the GraphQL enum value of t (PERSON for Person).
func (t EntityType) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(strings.ToUpper(string(t))))
}

// UnmarshalGQL reads a GraphQL EntityType enum value.
func (t *EntityType) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("EntityType must be a string, got %T", v)
	}
	for _, x := range EntityTypes {
		if strings.EqualFold(string(x), s) {
			*t = x
			return nil
		}
	}
	return fmt.Errorf("%q is not an EntityType", s)
}

// MarshalGQL writes the GraphQL enum value of t.
func (t RelationType) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(string(t)))
}

// UnmarshalGQL reads a GraphQL RelationType enum value.
func (t *RelationType) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("RelationType must be a string, got %T", v)
	}
	if !RelationType(s).Valid() {
		return fmt.Errorf("%q is not a RelationType", s)
	}
	*t = RelationType(s)
	return nil
}

// MarshalGQL writes the GraphQL IdentityRule enum value of r.
func (r MatchRule) MarshalGQL(w io.Writer) {
	_, _ = io.WriteString(w, strconv.Quote(string(r)))
}

// UnmarshalGQL reads a GraphQL IdentityRule enum value.
func (r *MatchRule) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("IdentityRule must be a string, got %T", v)
	}
	if !MatchRule(s).Valid() {
		return fmt.Errorf("%q is not an IdentityRule", s)
	}
	*r = MatchRule(s)
	return nil
}
