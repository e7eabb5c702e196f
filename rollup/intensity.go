package rollup

import "strings"

// goldstein is the Goldstein (1992) conflict–cooperation weight of CAMEO
// event codes, from -10 (most conflictual) to +10 (most cooperative), as
// published with the CAMEO codebook (Schrodt, CAMEO Conflict and Mediation
// Event Observations, v1.1b3, 2012) and distributed by GDELT 1.0 as
// CAMEO.goldsteinscale.txt (public domain lookup table). Only the root
// codes and the codes diplograph's ontology emits (schema.Relations) are
// kept; a code missing here takes the weight of its root.
var goldstein = map[string]float64{
	// Root codes.
	"01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0,
	"08": 5.0, "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4,
	"14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
	// Codes of schema.Relations.
	"010": 0.0,   // make statement
	"018": 3.4,   // make empathetic comment
	"032": 4.5,   // express intent to engage in diplomatic cooperation
	"040": 1.0,   // consult
	"041": 1.0,   // discuss by telephone
	"042": 1.9,   // make a visit
	"043": 2.8,   // host a visit
	"057": 8.0,   // sign formal agreement
	"111": -2.0,  // criticize or denounce
	"190": -10.0, // use conventional military force
}

// Goldstein returns the Goldstein weight of a CAMEO code and whether the
// code has one: its own, or else its root's.
func Goldstein(code string) (float64, bool) {
	if g, ok := goldstein[code]; ok {
		return g, true
	}
	if len(code) >= 2 {
		g, ok := goldstein[code[:2]]
		return g, ok
	}
	return 0, false
}

// QuadClass returns the GDELT quad class of a CAMEO code from its root
// (GDELT 1.0 event codebook): 1 verbal cooperation (roots 01–05), 2
// material cooperation (06–08), 3 verbal conflict (09–13), 4 material
// conflict (14–20); 0 for an empty or malformed code.
func QuadClass(code string) int {
	if len(code) < 2 || strings.Trim(code[:2], "0123456789") != "" {
		return 0
	}
	root := int(code[0]-'0')*10 + int(code[1]-'0')
	switch {
	case root >= 1 && root <= 5:
		return 1
	case root >= 6 && root <= 8:
		return 2
	case root >= 9 && root <= 13:
		return 3
	case root >= 14 && root <= 20:
		return 4
	}
	return 0
}
