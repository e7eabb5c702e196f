package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestWriteDiplograph writes the licences of diplograph's dependencies and
// checks a few that must be there with the right text.
func TestWriteDiplograph(t *testing.T) {
	var b bytes.Buffer
	if err := write(&b, "github.com/diplograph/diplograph"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"\nGo (standard library and runtime) go1.",
		"\ngithub.com/neo4j/neo4j-go-driver/v5 v",
		"Apache License",
		"\ngithub.com/99designs/gqlgen v",
		"\ngithub.com/hashicorp/golang-lru/v2 v",
		"Mozilla Public License",
		"\ngolang.org/x/sys v", // linked on every platform; its windows half only there
	} {
		if !strings.Contains(out, want) {
			t.Errorf("THIRD_PARTY_LICENSES lacks %q", want)
		}
	}
	if strings.Contains(out, "github.com/pariz/gountries") {
		t.Error("a test-only module (gountries) is listed; only linked modules belong")
	}
}

func TestLicenceFileNames(t *testing.T) {
	for name, want := range map[string]bool{"LICENSE": true, "LICENSE.txt": true,
		"License.txt": true, "COPYING": true, "NOTICE": true, "LICENCE-MIT": true, "PATENTS": true,
		"license.go": false, "README.md": false, "NOTICE.md": true} {
		if got := isLicence(name); got != want {
			t.Errorf("isLicence(%q) = %v; want %v", name, got, want)
		}
	}
}
