package evalset

import (
	"bytes"
	"encoding/json"
)

// fields is a set of string fields of a PredNode or PredEdge.
type fields uint8

const (
	fID fields = 1 << iota
	fName
	fDate
	fSource
	fTarget
)

// UnmarshalJSON reads a node and notes which of its id, name and date were
// printed as "" rather than left out, as score.py tells them apart.
func (n *PredNode) UnmarshalJSON(b []byte) error {
	type plain PredNode
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	given, err := emptyFields(b, map[string]fields{"id": fID, "name": fName, "date": fDate})
	*n = PredNode(p)
	n.given = given
	return err
}

// UnmarshalJSON reads an edge and notes which of its source, target and
// date were printed as "" rather than left out.
func (e *PredEdge) UnmarshalJSON(b []byte) error {
	type plain PredEdge
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	given, err := emptyFields(b,
		map[string]fields{"source": fSource, "target": fTarget, "date": fDate})
	*e = PredEdge(p)
	e.given = given
	return err
}

// emptyFields returns which of the named members of the JSON object b are
// the empty string.
func emptyFields(b []byte, names map[string]fields) (fields, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return 0, err
	}
	var set fields
	for k, f := range names {
		if bytes.Equal(bytes.TrimSpace(raw[k]), []byte(`""`)) {
			set |= f
		}
	}
	return set, nil
}

// pyStr prints s as Python's str prints a field: None when it was left out.
func pyStr(s string, given fields, f fields) string {
	if s == "" && given&f == 0 {
		return "None"
	}
	return s
}

// pyQuoted prints s as Python's repr prints a field: None when it was left
// out, quoted otherwise.
func pyQuoted(s string, given fields, f fields) string {
	if s == "" && given&f == 0 {
		return "None"
	}
	return pyRepr(s)
}

// idKey returns the key under which score.py's idmap holds a node id, so
// that an id left out and an id printed as "" differ.
func idKey(s string, given fields, f fields) string {
	if s == "" && given&f == 0 {
		return "\x00None"
	}
	return s
}
