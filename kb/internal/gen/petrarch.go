package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

const roleGovernmentMember = "government"

// PETRARCH2's CountryInfo sectors, the three letters after COUNTRY+GOV.
var petrarchSectors = map[string]string{
	"": "government", "BUS": "government (economy)", "AGR": "government (agriculture)", "MED": "government (media)",
	"EDU": "government (education)", "MIL": "government (defence)", "HLH": "government (health)", "DEV": "government (development)",
	"JUD": "government (justice)", "LAB": "government (labour)", "ENV": "government (environment)", "HRI": "government (human rights)",
	"LEG": "government (legislature)", "REL": "government (religion)", "COP": "government (police)", "REF": "government (refugees)",
	"SPY": "government (intelligence)",
}

// The CountryInfo file was generated on 2014-01-30: its open spans were
// current then.
const petrarchSeen date = 20140130

var (
	petrarchRole = regexp.MustCompile(`^\[([A-Z]{3})GOV([A-Z]{3})?\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?\]`)
	// Words that make an alias a description, not a name.
	petrarchStop = wordSet("president prime minister secretary senator ambassador foreign mr mr. mrs mrs. dr dr. general gen gen. king queen administration government regime elect president-elect state of the minister-designate chief leader deputy vice former spokesman spokesperson envoy governor mayor chairman crown prince sheikh emir amir cabinet")
)

func petrarchDate(s string) (date, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if len(s) == 6 { // yymmdd, the file's years run to 2014
		y := n / 10000
		if y <= 20 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	return date(n), nil
}

func petrarchName(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "_+"))
	return titleCase(strings.ReplaceAll(s, "_", " "))
}

// usableAlias reports whether a PETRARCH alias is a name: no title, office
// or nationality in it.
func usableAlias(name string, demonyms map[string]bool) bool {
	for _, w := range strings.Fields(norm.Key(name)) {
		if petrarchStop[w] || demonyms[w] || titleWords[w] {
			return false
		}
	}
	return strings.TrimSpace(name) != ""
}

// loadPetrarch reads the dated government roles of Phoenix.Countries.actors.txt.
func loadPetrarch(shared string, cs *countries, ps *people) (actors, spans int, err error) {
	path := filepath.Join(shared, "kb", "petrarch2", "Phoenix.Countries.actors.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	byISO3 := map[string]*country{}
	demonyms := map[string]bool{}
	for _, c := range cs.byISO {
		byISO3[c.iso3] = c
		for _, d := range c.demonyms.list {
			for _, w := range strings.Fields(norm.Key(d)) {
				demonyms[w] = true
			}
		}
	}
	type actor struct {
		name    string
		aliases []string
		roles   []*office
	}
	var cur *actor
	flush := func() {
		if cur == nil || len(cur.roles) == 0 || !usableAlias(cur.name, demonyms) || len(strings.Fields(cur.name)) < 2 {
			return
		}
		actors++
		iso := cur.roles[0].where
		p := ps.exactIn(iso, cur.name)
		if p == nil {
			for _, a := range cur.aliases {
				if p = ps.exactIn(iso, a); p != nil {
					break
				}
			}
		}
		if p == nil {
			w := strings.Fields(cur.name)
			p = ps.add(cur.name, w[len(w)-1], "")
		}
		p.aliases.add(norm.Key(cur.name), cur.name)
		for _, a := range cur.aliases {
			p.aliases.add(norm.Key(a), a)
		}
		for _, o := range cur.roles {
			o.pid = p.id
			ps.offices = append(ps.offices, o)
			spans++
		}
	}
	for n, line := range strings.Split(string(raw), "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		switch {
		case t == "":
		case strings.HasPrefix(line, "+"):
			if cur != nil {
				if a := petrarchName(t); usableAlias(a, demonyms) {
					cur.aliases = append(cur.aliases, a)
				}
			}
		case strings.HasPrefix(t, "["):
			if cur == nil {
				continue
			}
			m := petrarchRole.FindStringSubmatch(t)
			if m == nil {
				continue // an undated or non-government role
			}
			c := byISO3[m[1]]
			title, ok := petrarchSectors[m[2]]
			if c == nil || !ok {
				continue
			}
			d1, err1 := petrarchDate(m[4])
			o := &office{role: roleGovernmentMember, title: title, where: c.iso2, seen: petrarchSeen, source: "petrarch2"}
			switch {
			case m[3] == ">":
				o.start, o.open = d1, true
			case m[3] == "<":
				continue // an end without a start says little
			case m[5] != "":
				d2, err2 := petrarchDate(m[5])
				if err2 != nil {
					return 0, 0, fmt.Errorf("%s:%d: bad date in %q", path, n+1, t)
				}
				o.start, o.end = d1, d2
			default:
				o.start, o.end = d1, d1
			}
			if err1 != nil {
				return 0, 0, fmt.Errorf("%s:%d: bad date in %q", path, n+1, t)
			}
			if !o.open && o.end < 20000101 {
				continue // before the news the project reads
			}
			cur.roles = append(cur.roles, o)
		default:
			flush()
			name := t
			if i := strings.Index(name, "["); i >= 0 {
				name = name[:i]
			}
			cur = &actor{name: petrarchName(name)}
		}
	}
	flush()
	return actors, spans, nil
}

// exactIn finds a person with an office in where whose name or alias folds
// to the same key as name.
func (ps *people) exactIn(where, name string) *person {
	key := norm.Key(name)
	for _, o := range ps.offices {
		if o.where != where {
			continue
		}
		p := ps.list[o.pid-1]
		for _, a := range p.aliases.list {
			if norm.Key(a) == key {
				return p
			}
		}
	}
	return nil
}
