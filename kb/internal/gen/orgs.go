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

var qidRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)

type org struct {
	qid, name, family, hq, founded string
	country                        string // ISO2 of its home country, if one
	abbrevs, aliases               set
	members                        []string // "ISO2" or "ISO2@since"
}

type orgs struct {
	list  []*org
	byKey map[string]*org // name, alias and abbreviation keys
}

func (os *orgs) find(s string) *org {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "Q") {
		for _, o := range os.list {
			if o.qid == s {
				return o
			}
		}
	}
	return os.byKey[norm.Key(s)]
}

func (os *orgs) index(o *org) {
	for _, n := range append(append([]string{o.name}, o.aliases.list...), o.abbrevs.list...) {
		k := norm.Key(n)
		if _, taken := os.byKey[k]; !taken && k != "" {
			os.byKey[k] = o
		}
	}
}

func yamlScalar(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '\'' && v[len(v)-1] == '\'') {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if len(v) >= 2 && v[0] == '"' {
		if uq, err := strconv.Unquote(v); err == nil {
			return uq
		}
	}
	if v == "null" || v == "~" {
		return ""
	}
	return v
}

// loadSupraverden reads supraverden.yaml: one mapping per organisation,
// keyed by its English name, with plain scalar fields.
func loadSupraverden(shared string) (*orgs, error) {
	path := filepath.Join(shared, "kb", "organizations", "supraverden.yaml")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := &orgs{byKey: map[string]*org{}}
	var cur *org
	for n, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "  - ") {
			continue
		}
		if strings.HasPrefix(line, "? ") { // a long key in YAML's explicit form
			cur = &org{name: yamlScalar(line[2:])}
			out.list = append(out.list, cur)
			continue
		}
		if strings.HasPrefix(line, ": ") { // the explicit key's first field
			line = "  " + line[2:]
		}
		if !strings.HasPrefix(line, " ") {
			if !strings.HasSuffix(line, ":") {
				return nil, fmt.Errorf("%s:%d: want an organisation name ending in ':', got %q", path, n+1, line)
			}
			cur = &org{name: yamlScalar(strings.TrimSuffix(line, ":"))}
			out.list = append(out.list, cur)
			continue
		}
		field, val, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || cur == nil {
			return nil, fmt.Errorf("%s:%d: want 'Field: value', got %q", path, n+1, line)
		}
		val = yamlScalar(val)
		switch {
		case field == "Wikidata_code":
			if qidRE.MatchString(val) { // not "[No code found.]"
				cur.qid = val
			}
		case field == "Name_en":
			if val != "" {
				cur.name = val
			}
		case field == "Org_family":
			cur.family = val
		case field == "Country":
			cur.country = val // checked against the country codes in table
		case field == "Headquarters":
			cur.hq = val
		case field == "Year_established":
			cur.founded = val
		case strings.HasPrefix(field, "Abbreviation_") && (strings.HasSuffix(field, "_en") || field == "Abbreviation_fr"):
			cur.abbrevs.add(norm.Key(val), val)
		case strings.HasPrefix(field, "Name_other") && strings.HasSuffix(field, "_en"):
			cur.aliases.add(norm.Key(val), val)
		}
	}
	for _, o := range out.list {
		o.aliases.add(norm.Key(o.name), o.name) // keeps aliases distinct from the name
		o.aliases.list = o.aliases.list[:len(o.aliases.list)-1]
		out.index(o)
	}
	return out, nil
}

func (os *orgs) table(cs *countries) *table {
	t := &table{
		name: "orgs",
		source: []string{
			"supraverden.yaml (github.com/confirmordeny/supraverden, 2026-06): international organisations, Wikidata ids, English names and abbreviations",
			"kb/data/supplement.tsv (hand-kept): organisations, aliases and memberships, a source URL per row",
			"PETRARCH2 Phoenix.MilNonState.actors.txt (github.com/openeventdata/petrarch2, from the START TOPS database): non-state armed groups, names and acronyms; one-word names only when UD English EWT never writes them in lower case",
		},
		licence: "CC BY-SA 4.0 (supraverden); MIT (PETRARCH2, (c) 2014 Open Event Data Alliance); supplement facts CC0",
		columns: []string{"wikidata", "name", "abbrevs", "aliases", "family", "country", "headquarters", "founded", "members"},
	}
	for _, o := range os.list {
		country := o.country
		if cs.byISO[country] == nil {
			country = "" // supraverden's "ZZ" (international), "EU"
		}
		t.rows = append(t.rows, []string{o.qid, o.name, strings.Join(o.abbrevs.list, "|"), strings.Join(o.aliases.list, "|"),
			o.family, country, o.hq, o.founded, strings.Join(o.members, "|")})
	}
	return t
}
