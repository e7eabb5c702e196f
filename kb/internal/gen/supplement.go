package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

// supplementFields is the number of tab-separated fields of each kind of
// row in kb/data/supplement.tsv, the kind included; the last is the source.
var supplementFields = map[string]int{
	"country": 6,  // country ISO2 QID demonyms names source
	"display": 4,  // display ISO2 name source
	"org":     6,  // org name QID abbrevs aliases source
	"member":  5,  // member org ISO2s since source
	"office":  10, // office person QID aliases role title where start end source
	"alias":   5,  // alias person where aliases source
	"seat":    4,  // seat ISO2 names source
}

var roles = map[string]bool{roleVice: true, roleHeir: true, roleState: true, roleGovernment: true, roleForeign: true, roleOrgHead: true, roleOrgDeputy: true, roleOrgOfficer: true}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// checkRow checks a supplement row's shape: its kind, number of fields,
// source URL, role and dates.
func checkRow(f []string) error {
	want, ok := supplementFields[f[0]]
	if !ok {
		return fmt.Errorf("unknown kind %q (want one of country, display, seat, org, member, office, alias)", f[0])
	}
	if len(f) != want {
		return fmt.Errorf("a %s row has %d tab-separated fields, want %d", f[0], len(f), want)
	}
	if src := f[len(f)-1]; !strings.HasPrefix(src, "https://") || strings.ContainsAny(src, " \t") {
		return fmt.Errorf("the last field must be a source URL, got %q", src)
	}
	for i, v := range f[:len(f)-1] {
		if v != strings.TrimSpace(v) {
			return fmt.Errorf("field %d %q has spaces around it", i+1, v)
		}
	}
	switch f[0] {
	case "office":
		if !roles[f[4]] {
			return fmt.Errorf("unknown role %q", f[4])
		}
		start, err1 := parseISO(f[7])
		end, err2 := parseISO(f[8])
		if err1 != nil || err2 != nil || start == 0 {
			return fmt.Errorf("want a start date and an optional end date (YYYY[-MM[-DD]]), got %q and %q", f[7], f[8])
		}
		if end != 0 && end < start {
			return fmt.Errorf("ends (%s) before it starts (%s)", end, start)
		}
	case "member":
		if _, err := parseISO(f[3]); err != nil {
			return err
		}
	}
	return nil
}

type supplementStats struct{ countries, orgs, members, offices, aliases int }

// applySupplement reads the hand-kept facts. Every row must carry a source
// URL; an unknown country, organisation or person is an error naming the line.
func applySupplement(path string, kinds map[string]bool, cs *countries, os_ *orgs, ps *people) (st supplementStats, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return st, err
	}
	var offices []*office
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		where := fmt.Sprintf("%s:%d", path, n+1)
		if err := checkRow(f); err != nil {
			return st, fmt.Errorf("%s: %w", where, err)
		}
		if !kinds[f[0]] {
			continue
		}
		switch f[0] {
		case "country":
			c := cs.byISO[f[1]]
			if c == nil {
				return st, fmt.Errorf("%s: no country with ISO code %q", where, f[1])
			}
			if f[2] != "" {
				c.qid = f[2]
			}
			for _, d := range splitList(f[3]) {
				c.demonyms.add(norm.Key(d), d)
			}
			for _, nm := range splitList(f[4]) {
				c.names.add(norm.Key(nm), nm)
				cs.index(norm.Key(nm), c.iso2)
			}
			st.countries++
		case "display":
			c := cs.byISO[f[1]]
			if c == nil {
				return st, fmt.Errorf("%s: no country with ISO code %q", where, f[1])
			}
			c.names.add(norm.Key(c.name), c.name)
			cs.index(norm.Key(c.name), c.iso2)
			c.name = f[2]
			c.names.add(norm.Key(f[2]), f[2])
			cs.index(norm.Key(f[2]), c.iso2)
			st.countries++
		case "seat":
			c := cs.byISO[f[1]]
			if c == nil {
				return st, fmt.Errorf("%s: no country with ISO code %q", where, f[1])
			}
			for _, nm := range splitList(f[2]) {
				c.seats.add(norm.Key(nm), nm)
			}
			st.countries++
		case "org":
			o := os_.find(f[1])
			if o == nil && f[2] != "" {
				o = os_.find(f[2])
			}
			if o == nil {
				o = &org{name: f[1]}
				os_.list = append(os_.list, o)
			}
			if f[2] != "" {
				o.qid = f[2]
			}
			for _, a := range splitList(f[3]) {
				o.abbrevs.add(norm.Key(a), a)
			}
			for _, a := range splitList(f[4]) {
				if norm.Key(a) != norm.Key(o.name) {
					o.aliases.add(norm.Key(a), a)
				}
			}
			os_.index(o)
			st.orgs++
		case "member":
			o := os_.find(f[1])
			if o == nil {
				return st, fmt.Errorf("%s: no organisation %q", where, f[1])
			}
			if _, err := parseISO(f[3]); err != nil {
				return st, fmt.Errorf("%s: %w", where, err)
			}
			for _, iso := range splitList(f[2]) {
				if cs.byISO[iso] == nil {
					return st, fmt.Errorf("%s: no country with ISO code %q", where, iso)
				}
				m := iso
				if f[3] != "" {
					m += "@" + f[3]
				}
				o.members = append(o.members, m)
				st.members++
			}
		case "office":
			name, qid, role, title, at := f[1], f[2], f[4], f[5], f[6]
			if !roles[role] {
				return st, fmt.Errorf("%s: unknown role %q", where, role)
			}
			at, err := resolveWhere(at, cs, os_)
			if err != nil {
				return st, fmt.Errorf("%s: %w", where, err)
			}
			start, err1 := parseISO(f[7])
			end, err2 := parseISO(f[8])
			if err1 != nil || err2 != nil || start == 0 {
				return st, fmt.Errorf("%s: want a start date and an optional end date (YYYY[-MM[-DD]]), got %q and %q", where, f[7], f[8])
			}
			var p *person
			if qid != "" {
				p = ps.byQID[qid]
			}
			if p == nil {
				p = ps.findIn(at, name, role, start, end)
				if p == nil {
					p = ps.byName(name) // the same person in an office elsewhere
				}
				if p != nil && p.qid != "" && qid != "" && p.qid != qid {
					p = nil
				}
			}
			if p == nil {
				p = ps.add(name, surnameOf(name), qid)
			}
			ps.setQID(p, qid)
			p.aliases.add(norm.Key(name), name)
			for _, a := range splitList(f[3]) {
				p.aliases.add(norm.Key(a), a)
			}
			offices = append(offices, &office{pid: p.id, role: role, title: title, where: at, start: start, end: end, open: end == 0, seen: supplementAsOf, source: "supplement", fromSupplement: true})
			st.offices++
		case "alias":
			at, err := resolveWhere(f[2], cs, os_)
			if err != nil {
				return st, fmt.Errorf("%s: %w", where, err)
			}
			p := ps.findIn(at, f[1], "", 0, 0)
			if p == nil {
				return st, fmt.Errorf("%s: no office-holder %q in %s", where, f[1], f[2])
			}
			for _, a := range splitList(f[3]) {
				p.aliases.add(norm.Key(a), a)
			}
			st.aliases++
		}
	}
	ps.offices = append(ps.offices, offices...)
	return st, nil
}

// supplementAsOf is the date the hand-kept rows were last checked.
const supplementAsOf date = 20251101

func resolveWhere(s string, cs *countries, os_ *orgs) (string, error) {
	if len(s) == 2 && cs.byISO[s] != nil {
		return s, nil
	}
	if o := os_.find(s); o != nil {
		return orgWhere(o), nil
	}
	return "", fmt.Errorf("%q is neither a country ISO code nor a known organisation", s)
}
