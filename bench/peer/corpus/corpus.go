// Package corpus generates synthetic diplomatic news articles for
// measuring diplograph at scale: readouts of meetings, calls, visits and
// agreements between officials of real countries, with invented people.
// The same seed and size always give the same articles, so a benchmark
// measures the same work every run.
//
// A corpus of n articles has about n/4 people, whose surnames come from a
// pool of about n/8, so that surnames are shared and cross-article
// resolution meets both repeats of one person and namesakes. Each person
// is named in full in some articles and by office and surname in others.
package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Article is one generated article, in the JSONL form diplograph loads.
type Article struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Body      string `json:"body"`
}

// person is an invented official.
type person struct {
	given, surname, office, country, adjective string
}

func (p person) full() string { return p.given + " " + p.surname }

// Generate returns n articles made from seed.
func Generate(n int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, 0x5ca1e))
	people := make([]person, max(8, n/4))
	surnames := max(4, n/8)
	for i := range people {
		c := countries[r.IntN(len(countries))]
		people[i] = person{
			given:   givenNames[r.IntN(len(givenNames))],
			surname: surname(r.IntN(surnames)),
			office:  offices[r.IntN(len(offices))],
			country: c[0], adjective: c[1],
		}
	}
	out := make([]Article, n)
	for i := range out {
		out[i] = article(r, i, people)
	}
	return out
}

// Write writes articles as JSONL to w.
func Write(w io.Writer, articles []Article) error {
	enc := json.NewEncoder(w)
	for _, a := range articles {
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return nil
}

// PerFile is how many articles WriteDir puts in one JSONL file: small
// enough for the loader's file size limit.
const PerFile = 1000

// WriteDir writes articles into dir as JSONL files of PerFile articles,
// named so that they sort in the order of the articles.
func WriteDir(dir string, articles []Article) error {
	for i := 0; i < len(articles); i += PerFile {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("corpus-%06d.jsonl", i/PerFile)))
		if err != nil {
			return err
		}
		err = Write(f, articles[i:min(i+PerFile, len(articles))])
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// article makes article i: a meeting between two people, and a call or a
// visit or an agreement.
func article(r *rand.Rand, i int, people []person) Article {
	a, b := people[r.IntN(len(people))], people[r.IntN(len(people))]
	for b.surname == a.surname {
		b = people[r.IntN(len(people))]
	}
	c := people[r.IntN(len(people))]
	day := 1 + r.IntN(28)
	month := months[r.IntN(len(months))]
	year := 2020 + r.IntN(6)
	city := cities[r.IntN(len(cities))]
	var body strings.Builder
	fmt.Fprintf(&body, "%s %s %s met %s %s %s in %s on %s %d, %d.",
		a.adjective, a.office, a.full(), b.adjective, b.office, b.full(), city,
		month, day, year)
	fmt.Fprintf(&body, " %s and %s discussed %s and %s.", a.surname, b.surname,
		topics[r.IntN(len(topics))], topics[r.IntN(len(topics))])
	switch r.IntN(3) {
	case 0:
		fmt.Fprintf(&body, "\n\nOn %s %d, %s %s held a phone call with %s %s %s.",
			month, min(28, day+1), a.office, a.surname, c.adjective, c.office, c.full())
	case 1:
		fmt.Fprintf(&body, "\n\n%s %s will visit %s in %s %d.", b.office, b.surname,
			a.country, months[r.IntN(len(months))], year+1)
	default:
		fmt.Fprintf(&body, "\n\nThe two ministers signed an agreement on %s cooperation.",
			topics[r.IntN(len(topics))])
	}
	fmt.Fprintf(&body, "\n\n%s condemned the attack in %s.", a.surname,
		cities[r.IntN(len(cities))])
	return Article{
		Title:     fmt.Sprintf("%s %s meets %s counterpart", a.office, a.full(), b.adjective),
		URL:       fmt.Sprintf("https://example.org/corpus/%d", i),
		Published: fmt.Sprintf("%d-%02d-%02d", year, monthNumber(month), min(28, day+1)),
		Source:    "diplograph corpus generator",
		Body:      body.String(),
	}
}

// surname returns the i-th invented surname, made of syllables.
func surname(i int) string {
	var b strings.Builder
	for {
		b.WriteString(syllables[i%len(syllables)])
		i /= len(syllables)
		if i == 0 || b.Len() > 12 {
			break
		}
		i--
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:] + endings[len(s)%len(endings)]
}

func monthNumber(m string) int {
	for i, x := range months {
		if x == m {
			return i + 1
		}
	}
	return 1
}

var (
	months = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	syllables = []string{"ka", "lo", "mi", "ran", "te", "vo", "sa", "du", "ne", "bel", "ko",
		"ri", "mas", "to", "ve", "lin", "ga", "sho", "pe", "dar", "nu", "ta", "mo", "ze"}
	endings    = []string{"", "ev", "ez", "ani", "sen", "ović", "ura", "ides", "ski", "ou"}
	givenNames = []string{"Amara", "Tomas", "Mira", "Rajan", "Lucia", "Pablo", "Wanjiru",
		"Chidi", "Ingrid", "Hamid", "Amina", "Sergei", "Yuki", "Kwame", "Elena", "Diego",
		"Fatima", "Lars", "Noor", "Ivan", "Priya", "Marco", "Aisha", "Jonas", "Leila", "Omar",
		"Sofia", "Kofi", "Anya", "Mateo", "Zara", "Henrik", "Nadia", "Tariq", "Clara", "Emeka"}
	offices = []string{"Foreign Minister", "President", "Prime Minister", "Defense Minister",
		"Trade Minister", "Ambassador"}
	countries = [][2]string{
		{"France", "French"}, {"Kenya", "Kenyan"}, {"Japan", "Japanese"},
		{"Brazil", "Brazilian"}, {"India", "Indian"}, {"Germany", "German"},
		{"Nigeria", "Nigerian"}, {"Mexico", "Mexican"}, {"Indonesia", "Indonesian"},
		{"Egypt", "Egyptian"}, {"Canada", "Canadian"}, {"Poland", "Polish"},
		{"Vietnam", "Vietnamese"}, {"Chile", "Chilean"}, {"Ghana", "Ghanaian"},
		{"Norway", "Norwegian"}, {"Turkey", "Turkish"}, {"Peru", "Peruvian"},
		{"Senegal", "Senegalese"}, {"Australia", "Australian"},
	}
	cities = []string{"Paris", "Nairobi", "Tokyo", "Brasilia", "New Delhi", "Berlin", "Abuja",
		"Mexico City", "Jakarta", "Cairo", "Ottawa", "Warsaw", "Hanoi", "Santiago", "Accra",
		"Oslo", "Ankara", "Lima", "Dakar", "Canberra", "Geneva", "Vienna"}
	topics = []string{"trade", "energy", "security", "climate", "health", "migration",
		"maritime security", "education", "agriculture", "investment"}
)
