package main

import (
	"encoding/csv"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

// Role codes, as the kb package reads them.
const (
	roleState      = "head-of-state"
	roleGovernment = "head-of-government"
	roleForeign    = "foreign-minister"
	roleOrgHead    = "org-head"
	roleOrgDeputy  = "org-deputy"
	roleOrgOfficer = "org-officer"
	roleVice       = "vice-president"
	roleHeir       = "heir"
)

// date is yyyymmdd with 00 for an unknown month or day.
type date int

func (d date) String() string {
	if d == 0 {
		return ""
	}
	y, m, dd := int(d)/10000, int(d)/100%100, int(d)%100
	switch {
	case m == 0:
		return fmt.Sprintf("%04d", y)
	case dd == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// parseISO reads 2024, 2024-07 or 2024-07-15.
func parseISO(s string) (date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	v := 0
	for i := 0; i < 3; i++ {
		n := 0
		if i < len(parts) {
			var err error
			if n, err = strconv.Atoi(parts[i]); err != nil {
				return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
			}
		}
		v = v*100 + n
		if i == 0 {
			v = n
		}
	}
	return date(v), nil
}

func (d date) year() int { return int(d) / 10000 }

// endOf is the last day a possibly partial date covers.
func (d date) endOf() date {
	switch {
	case d == 0:
		return 99999999
	case int(d)/100%100 == 0:
		return d + 1231
	case int(d)%100 == 0:
		return d + 31
	}
	return d
}

type person struct {
	id      int
	name    string
	qid     string
	surname string
	aliases set
	merged  bool // folded into another person
	// nameSeen is when the name was last seen; a Wikidata label, the
	// customary name, outranks every Factbook spelling.
	nameSeen date
}

type office struct {
	pid                  int
	role, title, where   string
	start, end, seen     date
	source               string
	fromSupplement, open bool
}

type people struct {
	list    []*person
	byQID   map[string]*person
	offices []*office
}

func (ps *people) add(name, surname, qid string) *person {
	if qid != "" {
		if p, ok := ps.byQID[qid]; ok {
			p.aliases.add(norm.Key(name), name)
			return p
		}
	}
	p := &person{id: len(ps.list) + 1, name: name, qid: qid, surname: surname}
	p.aliases.add(norm.Key(name), name)
	ps.list = append(ps.list, p)
	if qid != "" {
		ps.byQID[qid] = p
	}
	return p
}

func (ps *people) setQID(p *person, qid string) {
	if qid == "" || p.qid != "" {
		return
	}
	p.qid = qid
	ps.byQID[qid] = p
}

// findIn finds a person who held an office in where (a country code or an
// organisation key) whose name or an alias is name; failing that, one whose
// surname is in name and who held the same role in where during [from, to]
// (role "" and from 0 for any), the span starting nearest from winning.
func (ps *people) findIn(where, name, role string, from, to date) *person {
	key := norm.Key(name)
	var best *person
	bestGap := 0
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
		if p.surname == "" || !containsWords(key, norm.Key(p.surname)) {
			continue
		}
		// The same given name, or the span starting the same year ("Liz
		// Truss" for the Factbook's "Mary Elizabeth Truss").
		if !sameStart(key, norm.Key(p.name)) && (from == 0 || o.start.year() != from.year()) {
			continue
		}
		if role != "" && o.role != role {
			continue
		}
		if from != 0 {
			oe := o.end.endOf()
			if o.open {
				oe = 99999999
			}
			if !(o.start <= to.endOf() && from <= oe) {
				continue
			}
		}
		gap := int(o.start)/10000 - int(from)/10000
		if gap < 0 {
			gap = -gap
		}
		if best == nil || gap < bestGap {
			best, bestGap = p, gap
		}
	}
	return best
}

// byName finds the one person with name as their name or an alias of
// two words or more; nil if none or several.
func (ps *people) byName(name string) *person {
	key := norm.Key(name)
	if !strings.Contains(key, " ") {
		return nil
	}
	var found *person
	for _, p := range ps.list {
		if p.merged {
			continue
		}
		for _, a := range p.aliases.list {
			if norm.Key(a) == key {
				if found != nil && found != p {
					return nil
				}
				found = p
			}
		}
	}
	return found
}

// merge folds person drop into keep: its aliases, id and offices.
func (ps *people) merge(keep, drop *person) {
	if keep == drop {
		return
	}
	for _, a := range drop.aliases.list {
		keep.aliases.add(norm.Key(a), a)
	}
	if keep.qid == "" {
		keep.qid = drop.qid
	}
	if drop.qid != "" {
		ps.byQID[drop.qid] = keep
	}
	for _, o := range ps.offices {
		if o.pid == drop.id {
			o.pid = keep.id
		}
	}
	drop.merged = true
}

// firstLetters are the first two letters of a name's given name ("" when
// the name starts with its surname): two people of one surname in one
// country are told apart by them, "Issac" and "Isaac" are not.
func firstLetters(display, surname string) string {
	k, sk := norm.Key(display), norm.Key(surname)
	if strings.HasPrefix(k, sk) || len(k) < 2 {
		return ""
	}
	return k[:2]
}

// sameStart reports whether two names start with the same two letters
// ("Joe Biden", "Joseph R. Biden Jr."), or either starts with its surname.
func sameStart(a, b string) bool {
	return len(a) >= 2 && len(b) >= 2 && a[:2] == b[:2]
}

func containsWords(s, sub string) bool {
	return sub != "" && (s == sub || strings.HasPrefix(s, sub+" ") || strings.HasSuffix(s, " "+sub) || strings.Contains(s, " "+sub+" "))
}

// ---- CIA World Factbook executives ----

var (
	sinceRE  = regexp.MustCompile(`(?i)\b(?:since|assumes office on)\s+(?:(\d{1,2})\s+)?(?:([A-Za-z]{3,9})\.?\s+)?(\d{4})`)
	parenRE  = regexp.MustCompile(`\(([^()]*)\)`)
	monthsOf = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
	// Words of a title before a name ("Interim Prime Minister Gen.").
	titleWords = wordSet("government govern co-chiefs chiefs co-chief taoiseach capt capt. sr. ret. sac cap minister-designate president-elect designate transitional overall taliban nonresident president prime minister king queen emperor empress sultan emir amir chancellor supreme leader governor-general governor general gen. gen premier chief executive crown prince princess acting interim caretaker transitional co-prince grand duke duchess chairman chairwoman chair chairperson state counselor counsellor captain captains regent regents pope and of the administrator head council sovereign presidential federal vice first deputy lt. lt lieutenant col. col colonel field marshal his her majesty highness sheikh shaykh holy father mr. mrs. ms. dr. air mar. adm. brig. maj. gen.) commander-in-chief in-chief military junta leader's de facto provisional national revolutionary")
	particles  = wordSet("bin bint ibn al al- el da de do dos das del della di du van von der den le la y e ben abu")
	suffixes   = wordSet("jr. jr sr. sr ii iii iv")
)

// countryWords are one-word country names, which stop a name read
// backwards from its surname ("President of China XI Jinping").
var countryWords = map[string]bool{}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isCaps reports whether a word is a surname as the Factbook writes it, in
// capitals, or has a part in capitals ("al-ABADI", "SASSOU-Nguesso").
func isCaps(w string) bool {
	w = strings.Trim(w, ",.;:")
	if suffixes[strings.ToLower(w)] {
		return false
	}
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' }) {
		letters, upper := 0, 0
		for _, r := range part {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		if letters >= 2 && upper == letters {
			return true
		}
	}
	return false
}

func isCapitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// parsedName is a name read from a Factbook line: "Prime Minister Khadga
// Prasad (KP) Sharma OLI (since 15 February 2018)".
type parsedName struct {
	title, display, surname string
	aliases                 []string
	since                   date
	vacant                  bool
}

func sinceDate(s string) date {
	m := sinceRE.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[3])
	mon := 0
	if m[2] != "" {
		mon = monthsOf[strings.ToLower(m[2])[:3]]
	}
	d := 0
	if mon > 0 && m[1] != "" {
		d, _ = strconv.Atoi(m[1])
	}
	return date(y*10000 + mon*100 + d)
}

func displayWord(w string) string {
	if isCaps(w) {
		return capWord(strings.ToLower(w))
	}
	return w
}

func parseExecutive(text string) (parsedName, bool) {
	var pn parsedName
	text = html.UnescapeString(text)
	text = strings.ReplaceAll(text, "\u00a0", " ")
	text = strings.ReplaceAll(text, "; also spelled", ", also spelled")
	seg, _, _ := strings.Cut(text, ";")
	seg = strings.TrimSpace(seg)
	pn.since = sinceDate(seg)
	namePart := seg
	for _, stop := range []string{"(since", "(assumes", " since ", " is the ", " serves ", " serving", " resigned", " was ", " will "} {
		if i := strings.Index(namePart, stop); i >= 0 {
			namePart = namePart[:i]
		}
	}
	// Initials in brackets inside the name: "Khadga Prasad (KP) Sharma OLI".
	var initials, afterInitials string
	for _, m := range parenRE.FindAllStringSubmatchIndex(namePart, -1) {
		inner := namePart[m[2]:m[3]]
		if len(inner) >= 2 && len(inner) <= 4 && strings.ToUpper(inner) == inner && !strings.ContainsAny(inner, " .0123456789") {
			initials = inner
			rest := namePart[m[1]:]
			if i := strings.IndexAny(rest, "(;,"); i >= 0 {
				rest = rest[:i]
			}
			afterInitials = strings.TrimSpace(rest)
		}
		if strings.Contains(strings.ToLower(inner), "vacant") || strings.Contains(strings.ToLower(inner), "in transition") {
			pn.vacant = true
		}
	}
	if strings.HasPrefix(strings.ToLower(seg), "vacant") || strings.HasPrefix(strings.ToLower(seg), "(vacant") {
		pn.vacant = true
	}
	if pn.vacant {
		return pn, true
	}
	namePart = parenRE.ReplaceAllString(namePart, " ")
	if i := strings.Index(namePart, "("); i >= 0 {
		namePart = namePart[:i]
	}
	var alsoSpelled string
	if i := strings.Index(namePart, ", also spelled"); i >= 0 {
		alsoSpelled = strings.Trim(namePart[i+len(", also spelled"):], " ,")
		namePart = namePart[:i]
	}
	namePart = strings.ReplaceAll(namePart, ", Jr.", " Jr.")
	words := strings.Fields(namePart)
	if len(words) == 0 || !isCapitalised(words[0]) && !titleWords[strings.ToLower(words[0])] {
		return pn, false // a sentence about the office ("on 13 November 2022, …"), not its holder
	}
	first := -1
	for i, w := range words {
		if strings.HasSuffix(w, ",") && first < 0 && !isCaps(w) {
			continue
		}
		if isCaps(w) && !titleWords[strings.ToLower(w)] {
			first = i
			break
		}
	}
	if first < 0 {
		// No surname in capitals ("Prime Minister Ambrose Mandvulo Dlamini"):
		// the capitalised words after the title, the last one the surname.
		i := 0
		for i < len(words) && (titleWords[strings.ToLower(strings.Trim(words[i], ","))] || !isCapitalised(words[i])) {
			if !isCapitalised(words[i]) && !titleWords[strings.ToLower(words[i])] {
				return pn, false
			}
			i++
		}
		j := i
		for j < len(words) && (isCapitalised(words[j]) || particles[strings.ToLower(words[j])]) && !strings.HasSuffix(words[j-boolInt(j > i)], ",") {
			j++
		}
		if j-i < 2 || j-i > 6 {
			return pn, false
		}
		pn.title = strings.Trim(strings.Join(words[:i], " "), ", ")
		pn.display = strings.Trim(strings.Join(words[i:j], " "), ", ")
		pn.surname = strings.Trim(words[j-1], ",")
		return pn, true
	}
	start := first
	for start > 0 && first-start < 4 {
		w := words[start-1]
		lw := strings.ToLower(w)
		if titleWords[lw] || countryWords[lw] || strings.HasSuffix(w, ",") || !(isCapitalised(w) || particles[lw] || strings.HasPrefix(lw, "al-")) {
			break
		}
		start--
	}
	end := first + 1
	capsEnd := first + 1
	if !strings.HasSuffix(words[first], ",") {
		for end < len(words) {
			w := words[end]
			lw := strings.ToLower(strings.TrimSuffix(w, ","))
			ok := false
			if isCaps(w) && capsEnd == end {
				capsEnd++
				ok = true
			} else if isCapitalised(w) || particles[lw] || suffixes[lw] || strings.HasPrefix(lw, "al-") {
				ok = true
			}
			if !ok {
				break
			}
			end++
			if strings.HasSuffix(w, ",") {
				break
			}
		}
	}
	pn.title = strings.Trim(strings.Join(words[:start], " "), ", ")
	var disp []string
	for _, w := range words[start:end] {
		disp = append(disp, displayWord(strings.TrimSuffix(w, ",")))
	}
	pn.display = strings.Join(disp, " ")
	var sur []string
	for _, w := range words[first:capsEnd] {
		sur = append(sur, displayWord(strings.TrimSuffix(w, ",")))
	}
	pn.surname = strings.Join(sur, " ")
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			pn.aliases = append(pn.aliases, s)
		}
	}
	// The customary name without middle names or initials.
	if first > start {
		add(disp[0] + " " + strings.Join(disp[first-start:], " "))
		if last := disp[first-start-1]; !isInitial(last) {
			add(last + " " + strings.Join(disp[first-start:], " "))
		}
		add(disp[0] + " " + pn.surname)
	}
	// From the surname on: "Lula da Silva", "Prayut Chan-ocha"; and for a
	// name that starts with its surname, the surname and the next word
	// ("Prabowo Subianto" of "PRABOWO Subianto Djojohadikusumo").
	add(strings.Join(disp[first-start:], " "))
	if first == start && capsEnd < end && !particles[strings.ToLower(disp[capsEnd-start])] {
		add(strings.Join(disp[:capsEnd-start+1], " "))
	}
	if alsoSpelled != "" {
		var as []string
		for _, w := range strings.Fields(alsoSpelled) {
			as = append(as, displayWord(w))
		}
		add(strings.Join(as, " "))
	}
	if initials != "" && afterInitials != "" {
		var ai []string
		for _, w := range strings.Fields(afterInitials) {
			ai = append(ai, displayWord(w))
		}
		add(initials + " " + strings.Join(ai, " "))
	}
	return pn, true
}

func isInitial(w string) bool {
	return len(strings.TrimSuffix(w, ".")) == 1
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type fbRow struct {
	country, role       string
	firstSeen, lastSeen date
	pn                  parsedName
}

// latest snapshot of the Factbook history: spans seen in it are open.
const factbookLatest date = 20260101

func loadFactbook(shared string, cs *countries, ps *people) (rows, skipped int, unresolved map[string]bool, err error) {
	path := filepath.Join(shared, "kb", "factbook", "executives.csv")
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return 0, 0, nil, fmt.Errorf("%s: %w", path, err)
	}
	unresolved = map[string]bool{}
	for _, c := range cs.byISO {
		if k := norm.Key(c.name); !strings.Contains(k, " ") {
			countryWords[k] = true
		}
	}
	groups := map[string][]fbRow{} // country|role → rows in snapshot order
	for _, r := range recs[1:] {
		iso := cs.resolve(r[1])
		if iso == "" {
			unresolved[r[1]] = true
			continue
		}
		role := roleState
		if r[2] == "head of government" {
			role = roleGovernment
		}
		fs, err1 := parseISO(r[3])
		ls, err2 := parseISO(r[4])
		if err1 != nil || err2 != nil {
			return 0, 0, nil, fmt.Errorf("%s: bad dates in %q", path, r)
		}
		pn, ok := parseExecutive(r[5])
		if !ok {
			if os.Getenv("KBGEN_DEBUG") != "" {
				fmt.Println("skip:", r[1], "|", r[5])
			}
			skipped++
			continue
		}
		rows++
		groups[iso+"|"+role] = append(groups[iso+"|"+role], fbRow{country: iso, role: role, firstSeen: fs, lastSeen: ls, pn: pn})
		// The line's other parts may name the vice president or the heir:
		// "…; Vice President Kamala D. HARRIS (since 20 January 2021)".
		for _, seg := range strings.Split(html.UnescapeString(r[5]), ";")[1:] {
			seg = strings.TrimSpace(seg)
			lower := strings.ToLower(seg)
			var sub string
			switch {
			case strings.HasPrefix(lower, "vice president ") || strings.HasPrefix(lower, "first vice president "):
				sub = roleVice
			case strings.HasPrefix(lower, "heir apparent") || strings.HasPrefix(lower, "crown prince "):
				sub = roleHeir
			default:
				continue
			}
			if spn, ok := parseExecutive(seg); ok && !spn.vacant {
				groups[iso+"|"+sub] = append(groups[iso+"|"+sub], fbRow{country: iso, role: sub, firstSeen: fs, lastSeen: ls, pn: spn})
			}
		}
	}
	personKey := map[string]*person{}
	byDisplay := map[string]*person{}
	for _, g := range sortedKeys(groups) {
		rs := groups[g]
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].firstSeen < rs[j].firstSeen })
		type stint struct {
			p                  *person
			title              string
			start, first, last date
		}
		var stints []*stint
		for _, r := range rs {
			var p *person
			if !r.pn.vacant {
				key := r.country + "|" + norm.Key(r.pn.surname) + "|" + firstLetters(r.pn.display, r.pn.surname)
				p = personKey[key]
				if p == nil {
					// the same office, the same start: one person spelled two ways
					for _, s := range stints {
						if s.p != nil && r.pn.since != 0 && s.start == r.pn.since {
							p = s.p
						}
					}
				}
				if p == nil {
					// the same full name in another country: a president or a
					// monarch who is also a territory's head of state
					p = byDisplay[norm.Key(r.pn.display)]
				}
				if p == nil {
					p = ps.add(r.pn.display, r.pn.surname, "")
				}
				if r.lastSeen >= p.nameSeen { // the latest spelling names the person
					p.name, p.nameSeen = r.pn.display, r.lastSeen
				}
				personKey[key] = p
				if len(strings.Fields(r.pn.display)) >= 2 {
					byDisplay[norm.Key(r.pn.display)] = p
				}
				p.aliases.add(norm.Key(r.pn.display), r.pn.display)
				for _, a := range r.pn.aliases {
					p.aliases.add(norm.Key(a), a)
				}
			}
			var last *stint
			if len(stints) > 0 {
				last = stints[len(stints)-1]
			}
			if last != nil && last.p == p {
				last.last = max(last.last, r.lastSeen)
				if r.pn.since != 0 && r.pn.since < last.start && (len(stints) == 1 || r.pn.since > stints[len(stints)-2].start) {
					last.start = r.pn.since
				}
				continue
			}
			start := r.pn.since
			if start == 0 || (last != nil && start <= last.start) {
				start = r.firstSeen
			}
			stints = append(stints, &stint{p: p, title: r.pn.title, start: start, first: r.firstSeen, last: r.lastSeen})
		}
		for i, s := range stints {
			if s.p == nil {
				continue
			}
			o := &office{pid: s.p.id, role: rs[0].role, title: s.title, where: rs[0].country, start: s.start, seen: s.last, source: "factbook"}
			switch {
			case i+1 < len(stints):
				o.end = stints[i+1].start
			case s.last >= factbookLatest:
				o.open = true
			case o.role == roleVice || o.role == roleHeir:
				// The Factbook stopped naming vice presidents and heirs in
				// mid-2024: no later mention is no end.
				o.open = true
			default:
				o.end = s.last
			}
			if o.title == "" {
				o.title = defaultTitle(o.role)
			}
			ps.offices = append(ps.offices, o)
		}
	}
	return rows, skipped, unresolved, nil
}

func defaultTitle(role string) string {
	switch role {
	case roleState:
		return "head of state"
	case roleGovernment:
		return "head of government"
	case roleForeign:
		return "Minister of Foreign Affairs"
	}
	return ""
}

// ---- Wikidata ----

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return recs[1:], nil
}

// surnameOf guesses the surname of a Wikidata label: its last word, or the
// first for names customarily written surname first is beyond this; the
// kb matches full names and aliases as well.
func surnameOf(label string) string {
	w := strings.Fields(label)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

func stateOrGovernment(position string) string {
	l := strings.ToLower(position)
	for _, p := range []string{"prime minister", "premier", "chancellor", "chairman", "military leader", "head of government", "chief executive"} {
		if strings.HasPrefix(l, p) || strings.HasPrefix(l, "federal "+p) {
			return roleGovernment
		}
	}
	return roleState
}

func loadWikidataHeads(shared string, cs *countries, ps *people) (linked, added int, err error) {
	recs, err := readCSV(filepath.Join(shared, "kb", "wikidata", "heads-of-state-government-2021.csv"))
	if err != nil {
		return 0, 0, err
	}
	for _, r := range recs {
		countryQID, countryName, position, qid, label := r[0], r[1], r[3], r[4], r[5]
		iso := cs.resolve(countryName)
		if iso == "" || qid == "" || label == "" {
			continue
		}
		if c := cs.byISO[iso]; c.qid == "" {
			c.qid = countryQID
		}
		c := cs.byISO[iso]
		c.names.add(norm.Key(countryName), countryName)
		start, err1 := parseISO(r[6])
		end, err2 := parseISO(r[7])
		if err1 != nil || err2 != nil {
			return 0, 0, fmt.Errorf("heads-of-state-government-2021.csv: bad years in %q", r)
		}
		role := stateOrGovernment(position)
		p := ps.findIn(iso, label, role, start, end)
		if p != nil {
			if other := ps.byQID[qid]; other != nil && other != p && (p.qid == "" || p.qid == qid) {
				ps.merge(other, p) // one person who held offices in two countries
				p = other
			}
		} else {
			p = ps.byQID[qid]
		}
		if p != nil {
			ps.setQID(p, qid)
			p.aliases.add(norm.Key(label), label)
			if p.qid == qid {
				p.name, p.nameSeen = label, 99999999
			}
			linked++
			if ps.covered(p.id, iso, start, end) {
				continue
			}
		} else {
			p = ps.add(label, surnameOf(label), qid)
		}
		o := &office{pid: p.id, role: role, title: position, where: iso, start: start, end: end, seen: 20221231, source: "wikidata"}
		o.open = end == 0
		if ps.clip(o) {
			ps.offices = append(ps.offices, o)
			added++
		}
	}
	return linked, added, nil
}

// clip narrows a span known to the year to the time no one else held the
// office by a more precise source (Wikidata's 2017–2022 list fills the
// Factbook's 2018–2019 gap, no more). It reports whether anything is left.
func (ps *people) clip(o *office) bool {
	s, e := o.start, o.end.endOf()
	if o.open {
		e = 99999999
	}
	for _, f := range ps.offices {
		if f.where != o.where || f.role != o.role || f.pid == o.pid || f.source != "factbook" {
			continue
		}
		fe := f.end
		if f.open {
			fe = 99999999
		}
		if f.start <= s && s < fe {
			s = fe
		}
		if f.start > s && f.start < e {
			e = f.start
		}
	}
	if s >= e || s == 99999999 {
		return false
	}
	o.start = s
	if e != 99999999 && e != o.end.endOf() {
		o.end, o.open = e, false
	}
	return true
}

// covered reports whether person pid already has an office in where that
// overlaps [start, end].
func (ps *people) covered(pid int, where string, start, end date) bool {
	for _, o := range ps.offices {
		if o.pid != pid || o.where != where {
			continue
		}
		oe := o.end.endOf()
		if o.open {
			oe = 99999999
		}
		if o.start <= end.endOf() && start <= oe {
			return true
		}
	}
	return false
}

func loadForeignMinisters(shared string, cs *countries, ps *people) (int, error) {
	recs, err := readCSV(filepath.Join(shared, "kb", "wikidata", "foreign-ministers.csv"))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range recs {
		qid, name, countryQID, countryName, position, start := r[0], r[1], r[2], r[3], r[5], r[6]
		iso := cs.resolve(countryName)
		if iso == "" {
			continue
		}
		if c := cs.byISO[iso]; c.qid == "" {
			c.qid = countryQID
		}
		cs.byISO[iso].names.add(norm.Key(countryName), countryName)
		if qid == "" || name == "" {
			continue
		}
		name = strings.TrimPrefix(name, "Dr. ")
		s, err := parseISO(start)
		if err != nil {
			return 0, fmt.Errorf("foreign-ministers.csv: %w", err)
		}
		p := ps.byQID[qid]
		if p == nil {
			p = ps.add(name, surnameOf(name), qid)
		}
		ps.offices = append(ps.offices, &office{pid: p.id, role: roleForeign, title: position, where: iso, start: s, open: true, seen: 20221201, source: "wikidata"})
		n++
	}
	return n, nil
}

// igoPosition maps a Wikidata position label to a role and the
// organisation it belongs to.
func igoPosition(label string, os *orgs) (role string, o *org) {
	l := strings.ToLower(label)
	if strings.HasPrefix(l, "judge of") || strings.HasPrefix(l, "permanent representative") {
		return "", nil
	}
	role = roleOrgHead
	switch {
	case strings.HasPrefix(l, "deputy") || strings.HasPrefix(l, "vice") || strings.HasPrefix(l, "under-secretary"):
		role = roleOrgDeputy
	case strings.Contains(l, "high commissioner"):
		role = roleOrgOfficer
	}
	if i := strings.Index(l, " of the "); i >= 0 {
		o = os.find(label[i+len(" of the "):])
	} else if i := strings.Index(l, " of "); i >= 0 {
		o = os.find(label[i+len(" of "):])
	}
	if o == nil {
		if w := strings.Fields(label); len(w) > 0 {
			o = os.find(w[0]) // "OSCE High Commissioner …"
		}
	}
	return role, o
}

func loadIGOHeads(shared string, orgList *orgs, ps *people) (int, []string, error) {
	var missing []string
	n := 0
	seen := map[string]bool{}
	for _, file := range []string{"igo-heads-history.csv", "igo-heads-current.csv"} {
		recs, err := readCSV(filepath.Join(shared, "kb", "wikidata", file))
		if err != nil {
			return 0, nil, err
		}
		for _, r := range recs {
			position, name, qid := r[0], r[1], r[2]
			role, o := igoPosition(position, orgList)
			if role == "" {
				continue
			}
			if o == nil {
				if os.Getenv("KBGEN_DEBUG") != "" {
					fmt.Println("no org:", position)
				}
				missing = append(missing, position)
				continue
			}
			s, err1 := parseISO(r[3])
			e, err2 := parseISO(r[4])
			if err1 != nil || err2 != nil {
				return 0, nil, fmt.Errorf("%s: bad dates in %q", file, r)
			}
			k := position + "|" + qid + "|" + r[3]
			if seen[k] {
				continue
			}
			seen[k] = true
			p := ps.byQID[qid]
			if p == nil {
				p = ps.add(name, surnameOf(name), qid)
			}
			ps.offices = append(ps.offices, &office{pid: p.id, role: role, title: position, where: orgWhere(o), start: s, end: e, open: e == 0, seen: 20221231, source: "wikidata"})
			n++
		}
	}
	return n, missing, nil
}

func orgWhere(o *org) string {
	if o.qid != "" {
		return o.qid
	}
	return "org:" + o.name
}

// closeSpans ends an open span where the next holder of the same office
// starts, and drops spans that a hand-kept supplement row replaces.
func (ps *people) closeSpans() {
	var kept []*office
	for _, o := range ps.offices {
		if !o.fromSupplement {
			replaced := false
			for _, s := range ps.offices {
				if s.fromSupplement && s.pid == o.pid && s.where == o.where && s.role == o.role {
					se := s.end.endOf()
					if s.open {
						se = 99999999
					}
					oe := o.end.endOf()
					if o.open {
						oe = 99999999
					}
					if s.start <= oe && o.start <= se {
						replaced = true
						break
					}
				}
			}
			if replaced {
				continue
			}
		}
		kept = append(kept, o)
	}
	ps.offices = kept
	groups := map[string][]*office{}
	for _, o := range ps.offices {
		groups[o.where+"|"+o.role] = append(groups[o.where+"|"+o.role], o)
	}
	for _, g := range groups {
		if g[0].role == roleOrgOfficer || g[0].role == roleOrgDeputy || g[0].role == roleGovernmentMember {
			continue // several at once
		}
		sort.SliceStable(g, func(i, j int) bool { return g[i].start < g[j].start })
		for i, o := range g {
			if !o.open {
				continue
			}
			for _, next := range g[i+1:] {
				if next.pid != o.pid && next.start > o.start {
					o.end, o.open = next.start, false
					break
				}
			}
		}
	}
	sort.SliceStable(ps.offices, func(i, j int) bool {
		a, b := ps.offices[i], ps.offices[j]
		if a.where != b.where {
			return a.where < b.where
		}
		if a.role != b.role {
			return a.role < b.role
		}
		return a.start < b.start
	})
}

func (ps *people) tables() (*table, *table) {
	pt := &table{
		name: "people",
		source: []string{
			"CIA World Factbook executives 2015-10..2026-01 (git history of factbook.json; public domain)",
			"Wikidata via every-politician-scrapers: heads of state and government 2017-2022, foreign ministers Dec 2022, heads of international organisations (CC0)",
			"PETRARCH2 Phoenix.Countries.actors.txt (CountryInfo 2014-01-30, github.com/openeventdata/petrarch2): government members with dated roles since 2000 and name variants (MIT, (c) 2014 Open Event Data Alliance)",
			"kb/data/supplement.tsv (hand-kept, a source URL per row)",
		},
		licence: "public domain (CIA World Factbook), CC0 (Wikidata), MIT (PETRARCH2); supplement CC0",
		columns: []string{"id", "name", "wikidata", "surname", "aliases"},
	}
	newID := map[int]int{}
	for _, p := range ps.list {
		if p.merged {
			continue
		}
		newID[p.id] = len(newID) + 1
	}
	for _, p := range ps.list {
		if p.merged {
			continue
		}
		var al []string
		for _, a := range p.aliases.list {
			if a != p.name {
				al = append(al, a)
			}
		}
		pt.rows = append(pt.rows, []string{strconv.Itoa(newID[p.id]), p.name, p.qid, p.surname, strings.Join(al, "|")})
	}
	ot := &table{
		name:    "offices",
		source:  pt.source,
		licence: pt.licence,
		columns: []string{"person", "role", "title", "where", "start", "end", "seen", "source"},
	}
	for _, o := range ps.offices {
		end := o.end.String()
		if o.open {
			end = ""
		}
		ot.rows = append(ot.rows, []string{strconv.Itoa(newID[o.pid]), o.role, o.title, o.where, o.start.String(), end, o.seen.String(), o.source})
	}
	return pt, ot
}
