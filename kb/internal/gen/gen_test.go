package main

import (
	"os"
	"strings"
	"testing"
)

func TestParseExecutive(t *testing.T) {
	for _, c := range []struct {
		text                    string
		title, display, surname string
		since                   date
		alias                   string // one alias the parse must give ("" for none)
		vacant, ok              bool
	}{
		{"President Joseph R. BIDEN, Jr. (since 20 January 2021); Vice President Kamala D. HARRIS (since 20 January 2021)",
			"President", "Joseph R. Biden Jr.", "Biden", 20210120, "Joseph Biden Jr.", false, true},
		{"Prime Minister Khadga Prasad (KP) Sharma OLI (since 15 February 2018); deputy prime ministers Ishwar POKHREL",
			"Prime Minister", "Khadga Prasad Sharma Oli", "Oli", 20180215, "KP Sharma Oli", false, true},
		{"President Luiz In&aacute;cio LULA da Silva (since 1 January 2023)",
			"President", "Luiz Inácio Lula da Silva", "Lula", 20230101, "Lula da Silva", false, true},
		{"King WACHIRALONGKON; also spelled Vajiralongkorn (since 1 December 2016)",
			"King", "Wachiralongkon", "Wachiralongkon", 20161201, "Vajiralongkorn", false, true},
		{"Crown Prince and Prime Minister MUHAMMAD BIN SALMAN bin Abd al-Aziz Al Saud (since 27 September 2022)",
			"Crown Prince and Prime Minister", "Muhammad Bin Salman bin Abd al-Aziz Al Saud", "Muhammad Bin Salman", 20220927, "", false, true},
		{"Acting Prime Minister PRAWIT Wongsuwan (since August 2022); in August 2022, the Constitutional Court suspended",
			"Acting Prime Minister", "Prawit Wongsuwan", "Prawit", 20220800, "Prawit Wongsuwan", false, true},
		{"Taoiseach (Prime Minister) Simon HARRIS (since 9 April 2024)",
			"Taoiseach", "Simon Harris", "Harris", 20240409, "", false, true},
		{"Prime Minister Ambrose Mandvulo Dlamini (since 3 November 2023)",
			"Prime Minister", "Ambrose Mandvulo Dlamini", "Dlamini", 20231103, "", false, true},
		{"vacant (since 7 September 2025)", "", "", "", 20250907, "", true, true},
		{"President (vacant); note - President Ashraf GHANI departed", "", "", "", 0, "", true, true},
		{"on 13 November 2022, President HERZOG tasked Benjamin NETANYHU with forming a new government", "", "", "", 0, "", false, false},
	} {
		pn, ok := parseExecutive(c.text)
		if ok != c.ok || pn.vacant != c.vacant {
			t.Errorf("parseExecutive(%q): ok %v vacant %v; want ok %v vacant %v", c.text, ok, pn.vacant, c.ok, c.vacant)
			continue
		}
		if !ok || pn.vacant {
			continue
		}
		if pn.title != c.title || pn.display != c.display || pn.surname != c.surname || pn.since != c.since {
			t.Errorf("parseExecutive(%q) = title %q, name %q, surname %q, since %s; want %q, %q, %q, %s",
				c.text, pn.title, pn.display, pn.surname, pn.since, c.title, c.display, c.surname, c.since)
		}
		if c.alias != "" && !strings.Contains("|"+strings.Join(pn.aliases, "|")+"|", "|"+c.alias+"|") {
			t.Errorf("parseExecutive(%q) aliases = %q; want %q among them", c.text, pn.aliases, c.alias)
		}
	}
}

// Every row of the hand-kept supplement has the right shape and a source.
func TestSupplementFile(t *testing.T) {
	raw, err := os.ReadFile("../../data/supplement.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows++
		if err := checkRow(strings.Split(line, "\t")); err != nil {
			t.Errorf("supplement.tsv:%d: %v", n+1, err)
		}
	}
	if rows < 100 {
		t.Errorf("supplement.tsv has %d rows; want the full file", rows)
	}
	for _, c := range []struct {
		row  string
		want string
	}{
		{"office\tX\t\t\thead-of-state\tKing\tGB\t2020\t\thttp://example.org", "source URL"},
		{"office\tX\t\t\tgrand-vizier\tKing\tGB\t2020\t\thttps://example.org", "unknown role"},
		{"office\tX\t\t\thead-of-state\tKing\tGB\t2020\t2019\thttps://example.org", "before it starts"},
		{"office\tX\t\t\thead-of-state\tKing\tGB\t\t\thttps://example.org", "start date"},
		{"member\tNATO\tFI\thttps://example.org", "fields"},
		{"memo\tNATO\tFI\t\thttps://example.org", "unknown kind"},
	} {
		if err := checkRow(strings.Split(c.row, "\t")); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("checkRow(%q) = %v; want an error about %q", c.row, err, c.want)
		}
	}
}
