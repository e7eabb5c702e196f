package loader

import (
	"flag"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/pariz/gountries"
)

var update = flag.Bool("update", false, "rewrite countries.tsv from the gountries data module")

// countryTable renders the gountries data the gazetteer uses as
// countries.tsv: a "C" line per country (code, common name, official name,
// capital) in code order, then an "S" line per subdivision (code, name) in
// the module's order.
func countryTable() string {
	all := gountries.New().FindAllCountries()
	codes := make([]string, 0, len(all))
	for code := range all {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var b strings.Builder
	b.WriteString("# Generated from github.com/pariz/gountries by " +
		"`go test ./loader -run TestCountryTable -update`. Do not edit.\n")
	for _, code := range codes {
		c := all[code]
		b.WriteString(strings.Join([]string{"C", code, c.Name.Common, c.Name.Official,
			c.Capital}, "\t") + "\n")
	}
	for _, code := range codes {
		c := all[code]
		for _, s := range c.SubDivisions() {
			b.WriteString("S\t" + code + "\t" + s.Name + "\n")
		}
	}
	return b.String()
}

// TestCountryTable checks that countries.tsv is what the gountries data
// module gives; -update rewrites it.
func TestCountryTable(t *testing.T) {
	want := countryTable()
	if *update {
		if err := os.WriteFile("countries.tsv", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if countriesTSV != want {
		t.Errorf("countries.tsv is out of date with the gountries module; " +
			"run go test ./loader -run TestCountryTable -update")
	}
}
