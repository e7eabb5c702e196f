package schema

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

func TestIDIsUUIDv5(t *testing.T) {
	for _, key := range []string{"", "country:fr", "person:ada lovelace",
		"MET|person:a|person:b|2025-01-02", strings.Repeat("long key ", 40)} {
		want := uuid.NewSHA1(namespace, []byte(key)).String()
		if got := ID(key); got != want {
			t.Errorf("ID(%q) = %q; want %q", key, got, want)
		}
	}
}

func TestFoldASCIIAgreesWithUnicode(t *testing.T) {
	for _, s := range []string{"", "Narendra Modi", "  U.N. Security-Council ", "O'Neill's",
		"K.P. Sharma Oli", "G7/G20 2025", "a`b", "--x--"} {
		if got, want := foldASCII(s), foldUnicode(s); got != want {
			t.Errorf("foldASCII(%q) = %q; foldUnicode gives %q", s, got, want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"no breaks  here", "no breaks  here"},
		{"The ministers of Finland\nand Norway", "The ministers of Finland and Norway"},
		{"wrapped \r\n  twice\n\nover", "wrapped twice over"},
		{"\ttabbed", " tabbed"},
		{"", ""},
	} {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}
