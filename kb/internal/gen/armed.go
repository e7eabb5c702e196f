package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph/kb/internal/norm"
)

// lowercaseWords are the words UD English EWT writes in lower case: common
// English words, which a one-word alias must not be ("Falcon", "Contras"
// pass only as parts of longer names).
func lowercaseWords(shared string) (map[string]bool, error) {
	out := map[string]bool{}
	f, err := os.Open(filepath.Join(shared, "ud-english-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) < 2 {
			continue
		}
		w := cols[1]
		if r := []rune(w); len(r) > 0 && unicode.IsLower(r[0]) {
			out[norm.Key(w)] = true
		}
	}
	return out, sc.Err()
}

// orgWords mark a two-word name as a group's.
var orgWords = wordSet("group groups front army brigade brigades movement party organization organisation cells cell council faction forces force league union commando commandos liberation resistance jihad mujahideen battalion battalions committee committees network guard guards militia militias nuclei squad squads alliance revolutionary islamic popular people's")

var mnsaCode = regexp.MustCompile(`\[([A-Z]{3})[A-Z]*\]`)

// loadArmedGroups adds PETRARCH2's non-state armed groups
// (Phoenix.MilNonState.actors.txt, from the START TOPS database) as
// organisations: multi-word names and acronyms in capitals, and one-word
// names that are not common English words.
func loadArmedGroups(shared string, cs *countries, orgList *orgs) (int, error) {
	common, err := lowercaseWords(shared)
	if err != nil {
		return 0, err
	}
	raw, err := os.ReadFile(filepath.Join(shared, "kb", "petrarch2", "Phoenix.MilNonState.actors.txt"))
	if err != nil {
		return 0, err
	}
	byISO3 := map[string]string{}
	for _, c := range cs.byISO {
		byISO3[c.iso3] = c.iso2
	}
	var acronyms []string // "(AAIA)" after a name
	usable := func(raw string, main bool) (string, bool) {
		raw = strings.ReplaceAll(strings.ReplaceAll(raw, "_", " "), "+", " ")
		for _, m := range parenRE.FindAllStringSubmatch(raw, -1) {
			if a := strings.TrimSpace(m[1]); len(a) >= 2 && len(a) <= 8 && !strings.Contains(a, " ") {
				acronyms = append(acronyms, strings.ToUpper(a))
			}
		}
		raw = parenRE.ReplaceAllString(raw, " ")
		words := strings.Fields(raw)
		if len(words) == 0 {
			return "", false
		}
		if len(words) == 1 {
			// The file is in capitals: a word of three or four letters is
			// taken for an acronym ("FARC", "AQAP"); a longer one is a name
			// only as an entry's own name ("HAMAS"), never as an alias
			// ("FALCON"), and never a common English word.
			w := words[0]
			if len(w) >= 3 && len(w) <= 4 && !strings.ContainsAny(w, "-'") && !common[norm.Key(w)] {
				return w, true
			}
			if len(w) < 5 || common[norm.Key(w)] || !main && !strings.Contains(w, "-") {
				return "", false
			}
		}
		if len(words) == 2 && !orgWords[strings.ToLower(words[0])] && !orgWords[strings.ToLower(words[1])] && !strings.HasPrefix(strings.ToLower(words[0]), "al-") {
			return "", false // "Shoko Ashahara": a person, not a group
		}
		return titleCase(strings.Join(words, " ")), true
	}
	added := 0
	var cur *org
	var home string
	flush := func() {
		if cur == nil {
			return
		}
		for _, a := range acronyms {
			cur.abbrevs.add(norm.Key(a), a)
		}
		acronyms = nil
		if orgList.find(cur.name) == nil {
			cur.country = home
			orgList.list = append(orgList.list, cur)
			orgList.index(cur)
			added++
		}
		cur = nil
	}
	for _, line := range strings.Split(string(raw), "\n") {
		code := ""
		if m := mnsaCode.FindStringSubmatch(line); m != nil {
			code = m[1]
		}
		if i := strings.IndexAny(line, "#["); i >= 0 {
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			if code != "" && cur != nil && home == "" {
				home = byISO3[code]
			}
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				continue
			}
			if a, ok := usable(t, false); ok {
				if a == strings.ToUpper(a) && !strings.Contains(a, " ") {
					cur.abbrevs.add(norm.Key(a), a)
				} else if norm.Key(a) != norm.Key(cur.name) {
					cur.aliases.add(norm.Key(a), a)
				}
			}
		default:
			flush()
			home = byISO3[code]
			if name, ok := usable(t, true); ok {
				cur = &org{name: name, family: "non-state armed group (PETRARCH2 / START TOPS)"}
				if name == strings.ToUpper(name) && !strings.Contains(name, " ") {
					cur.abbrevs.add(norm.Key(name), name)
				}
			}
		}
	}
	flush()
	return added, nil
}
