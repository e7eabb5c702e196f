package loader

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph/schema"
	"github.com/diplograph/diplograph/syntax"
)

// tense is what the verbs around a date say about when it is.
type tense int8

// The tenses a date can be read in.
const (
	tenseNeutral tense = iota
	tensePast
	tenseFuture
)

// dateExpr is a date written in a sentence, resolved against the
// publication date: ISO 8601 as precise as the text ("2025-03-14",
// "2023-11", "2025").
type dateExpr struct {
	T0, T1 int
	Value  string
	Day    bool // precise to the day
	// Adjectival is set for a bare year before a noun ("the 2018 fisheries
	// deal"), which dates the noun, not an action.
	Adjectival bool
	// Anchor is where the date a span is counted from starts ("two days
	// after the call on Monday"): the words between are what the anchor
	// dates, not this expression.
	Anchor int
}

// dateContext resolves date expressions against the publication date.
type dateContext struct {
	g       *gazetteer
	pub     time.Time
	known   bool // publication date known
	dlValue string
	// lead is the day the lead sentence puts the story's main event on, and
	// leadSent that sentence; see leadDate.
	lead     string
	leadSent int
	// parse returns a sentence's dependency parse (nil when there is no
	// parser), for the tense of a date the words near it leave open.
	parse func(v *sentView) *syntax.Parse
}

// newDateContext returns the context for an article published on published
// (YYYY-MM-DD, or empty when unknown), with its dateline.
func newDateContext(g *gazetteer, published string, dl dateline) *dateContext {
	dc := &dateContext{g: g}
	if len(published) >= 10 {
		if t, err := time.Parse("2006-01-02", published[:10]); err == nil {
			dc.pub, dc.known = t, true
		}
	}
	if dl.Date != "" && dc.known {
		f := strings.Fields(dl.Date)
		if len(f) == 2 {
			if m, ok := g.months[strings.ToLower(f[0])]; ok {
				if d, err := strconv.Atoi(f[1]); err == nil {
					dc.dlValue = dc.partial(m, d, tenseNeutral)
				}
			}
		}
	}
	return dc
}

// counts reports whether the expression can date the word at token t: a
// span counted from a later date does not date the words before that date
// ("came two days after the call on Monday": not the call).
func (de dateExpr) counts(t int) bool {
	return de.Anchor == 0 || t < de.T1 || t >= de.Anchor
}

// anchor is the latest date written before a point of the article, at
// each precision, for the expressions that count from it ("the same day",
// "eleven days later", "a month later", "two years later").
type anchor struct {
	day, month, year string
	// written is the last year written, even one bound to a noun ("since
	// 2023"), which "that year" refers to.
	written string
}

// advance moves the anchor to date d.
func (a *anchor) advance(d dateExpr) {
	if d.Day {
		a.day = d.Value
	}
	if !d.Adjectival && len(d.Value) >= 7 {
		a.month = d.Value[:7]
	}
	if !d.Adjectival && len(d.Value) >= 4 {
		a.year = d.Value[:4]
	}
	if len(d.Value) >= 4 {
		a.written = d.Value[:4]
	}
}

// sentenceDates returns the date expressions of every sentence. Expressions
// that refer to an earlier date ("the same day", "two years later") take it
// from the dates before.
func (dc *dateContext) sentenceDates(views []*sentView) [][]dateExpr {
	out := make([][]dateExpr, len(views))
	last := anchor{day: dc.dlValue}
	for i, v := range views {
		out[i] = dc.scan(v, &last)
	}
	dc.lead, dc.leadSent = dc.leadDate(views, out)
	return out
}

// leadWords is the length a sentence needs to be the lead: shorter ones
// are headlines, bylines and dateline lines.
const leadWords = 8

// leadDate returns the day of the story's main event and the sentence that
// gives it: the first day-precise date near publication in the lead, the
// first sentence long enough to tell the news. A lead with no such date
// gives none.
func (dc *dateContext) leadDate(views []*sentView, dates [][]dateExpr) (string, int) {
	for i, v := range views {
		if len(v.Toks) < leadWords {
			continue
		}
		for _, de := range dates[i] {
			if de.Day && !de.Adjectival && dc.nearPublication(de.Value) {
				return de.Value, i
			}
		}
		return "", -1
	}
	return "", -1
}

// nearPublication reports whether an ISO day is within ten days of the
// publication date.
func (dc *dateContext) nearPublication(day string) bool {
	t, ok := parseDay(day)
	if !ok || !dc.known {
		return false
	}
	diff := t.Sub(dc.pub).Hours() / 24
	return diff >= -10 && diff <= 10
}

// storyDate returns the date the story is at in sentence s, for an action
// its sentence does not date: the latest day-precise date near publication
// in the sentences of its paragraph up to s. A paragraph that gives none
// goes back to the lead's date: a new paragraph with no date of its own
// usually returns to the main event ("… signed the declaration on
// Wednesday. ¶ The leaders arrived on Tuesday. ¶ The declaration was signed
// by …" is Wednesday's signing). With no lead date, the latest earlier one.
// A date of sentence s itself in a relative clause set off by commas is
// one its action was found not to take ("Dahal, who arrived on January
// 20, held talks …").
func (d *document) storyDate(s int) string {
	if !d.dc.known {
		return ""
	}
	para := d.views[s].Para
	for k := s; k >= 0; k-- {
		if d.views[k].Para != para && d.dc.lead != "" && s > d.dc.leadSent {
			return d.dc.lead
		}
		ds := d.dates[k]
		for j := len(ds) - 1; j >= 0; j-- {
			de := ds[j]
			if _, _, aside := asideClause(d.views[k].Toks, de.T0); aside && k == s {
				continue
			}
			if de.Day && de.Value != "" && d.dc.nearPublication(de.Value) {
				return de.Value
			}
		}
	}
	return d.dc.dlValue
}

// scan finds the date expressions of one sentence, moving last along
// them.
func (dc *dateContext) scan(v *sentView, last *anchor) []dateExpr {
	var out []dateExpr
	toks := v.Toks
	for i := 0; i < len(toks); i++ {
		d, ok := dc.at(v, i, last)
		if !ok {
			continue
		}
		if boundDate(toks, d.T0) {
			d.Adjectival = true
		}
		out = append(out, d)
		last.advance(d)
		i = d.T1 - 1
	}
	return out
}

// timeNouns are the nouns a date after "of" still times an action by ("at
// the end of 2023", "in the summer of 2022").
var timeNouns = pkgLex.words("time-nouns.txt")

// boundDate reports whether the date starting at token t0 says when
// something other than an action was: a date after "of" and a noun dates
// that noun ("the border dispute of 2019", "the storm of March 14"),
// and one after "since" is where a stretch of time starts ("has championed
// since 2020"). Like an adjectival year, it dates no verb of the sentence.
func boundDate(toks []token, t0 int) bool {
	if t0 == 0 {
		return false
	}
	switch toks[t0-1].Low {
	case "since":
		return true
	case "of":
		if t0 < 2 {
			return false
		}
		n := toks[t0-2]
		return n.Word && !n.Digit && !n.Cap && !timeNouns[n.Low] && n.Lex&lexMonth == 0
	}
	return false
}

// at reads a date expression starting at token i; last is the anchor the
// expressions that count from an earlier date count from.
func (dc *dateContext) at(v *sentView, i int, last *anchor) (dateExpr, bool) {
	toks := v.Toks
	low := toks[i].Low
	if d, ok := dc.counted(v, i, last); ok {
		return d, true
	}
	if toks[i].Lex&lexMonth != 0 && toks[i].Cap {
		d, ok := dc.monthFirst(v, i, dc.g.months[low])
		return thatYear(toks, d, last), ok
	}
	if toks[i].Digit {
		d, ok := dc.numberFirst(v, i)
		return thatYear(toks, d, last), ok
	}
	if toks[i].Lex&lexWeekday != 0 {
		return dc.weekday(v, i, time.Weekday(dc.g.weekdays[low]))
	}
	if d, ok := dc.monthOfPart(v, i); ok {
		return d, true
	}
	if d, ok := dc.holiday(v, i); ok {
		return d, true
	}
	if !dc.known {
		return dateExpr{}, false
	}
	switch low {
	case "today", "tonight":
		return dc.day(i, i+1, dc.pub), true
	case "yesterday":
		return dc.day(i, i+1, dc.pub.AddDate(0, 0, -1)), true
	case "tomorrow":
		return dc.day(i, i+1, dc.pub.AddDate(0, 0, 1)), true
	case "same", "following", "next", "previous":
		if d, ok := dc.nextDay(v, i, last); ok {
			return d, true
		}
	}
	switch low {
	case "last", "next", "this", "earlier", "later":
		return dc.relative(v, i)
	}
	return dateExpr{}, false
}

// holiday is a feast named as a date: its words ("'s" is a token of its
// own) and its month and day.
type holiday struct {
	words []string
	month int
	day   int
}

// holidays are the feasts of fixed date (lexicon/holidays.txt).
var holidays = readHolidays(&pkgLex, "holidays.txt")

// readHolidays reads "words:month-day" lines, in file order.
func readHolidays(r *lexReader, name string) []holiday {
	var out []holiday
	r.read(name, func(line string) error {
		words, date, _ := strings.Cut(line, ":")
		var h holiday
		h.words = strings.Fields(words)
		ms, ds, _ := strings.Cut(date, "-")
		m, err1 := strconv.Atoi(ms)
		d, err2 := strconv.Atoi(ds)
		if len(h.words) == 0 || err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
			return fmt.Errorf("%q: want words:month-day", line)
		}
		h.month, h.day = m, d
		out = append(out, h)
		return nil
	})
	return out
}

// thatYear gives a day followed by "that year" or "the same year" ("on 5
// May that year") the year written last before it.
func thatYear(toks []token, d dateExpr, last *anchor) dateExpr {
	if !d.Day || len(d.Value) != 10 || last.written == "" {
		return d
	}
	k := d.T1
	if k < len(toks) && toks[k].Low == "the" {
		k++
	}
	if k+1 < len(toks) && (toks[k].Low == "that" || toks[k].Low == "same") &&
		toks[k+1].Low == "year" && (toks[k].Low == "same") == (k > d.T1) {
		d.Value, d.T1 = last.written+d.Value[4:], k+2
	}
	return d
}

// holiday reads a feast of fixed date ("Christmas Day 2024", "on New
// Year's Eve"), with its year when one follows, else the one nearest
// publication in the direction of the tense.
func (dc *dateContext) holiday(v *sentView, i int) (dateExpr, bool) {
	toks := v.Toks
	if !toks[i].Cap {
		return dateExpr{}, false
	}
	for _, h := range holidays {
		if h.words[0] != toks[i].Low || !wordsAt(toks, i, h.words) {
			continue
		}
		end := i + len(h.words)
		if end < len(toks) && len(toks[end].Text) == 4 {
			if y, r := leadingInt(toks[end].Text); r == "" && y >= 1800 && y <= 2200 {
				return dateExpr{T0: i, T1: end + 1, Value: isoDate(y, h.month, h.day), Day: true}, true
			}
		}
		val := dc.partial(h.month, h.day, dc.tense(v, i))
		return dateExpr{T0: i, T1: end, Value: val, Day: val != ""}, val != ""
	}
	return dateExpr{}, false
}

// wordsAt reports whether the tokens from i on are words, in lower case.
func wordsAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Low != w {
			return false
		}
	}
	return true
}

// nextDay reads "the same day", "the following day", "the next day" and
// "the previous day": the day of the last date written, or one off it.
func (dc *dateContext) nextDay(v *sentView, i int, last *anchor) (dateExpr, bool) {
	toks := v.Toks
	if i+1 >= len(toks) || toks[i+1].Low != "day" || last.day == "" {
		return dateExpr{}, false
	}
	t, ok := parseDay(last.day)
	if !ok {
		return dateExpr{}, false
	}
	shift := map[string]int{"following": 1, "next": 1, "previous": -1}[toks[i].Low]
	return dc.day(i, i+2, t.AddDate(0, 0, shift)), true
}

// spanCounts are the numbers a span of time is counted in ("eleven days
// later", "a month later").
var spanCounts = pkgLex.ints("span-counts.txt")

// countOf returns the number token t counts, or 0.
func countOf(t token) int {
	if n, ok := spanCounts[t.Low]; ok {
		return n
	}
	if n, rest := leadingInt(t.Text); rest == "" && n >= 1 && n <= 99 {
		return n
	}
	return 0
}

// counted reads a span of time counted from another date: "eleven days
// later", "a day earlier" (from the last date written), "three months ago" (from
// publication), "two days after … on Monday" (from the date that follows
// in the clause). Days and weeks give a day, months a month, years a year.
func (dc *dateContext) counted(v *sentView, i int, last *anchor) (dateExpr, bool) {
	toks := v.Toks
	if i+2 >= len(toks) || !dc.known {
		return dateExpr{}, false
	}
	unit := strings.TrimSuffix(toks[i+1].Low, "s")
	switch unit {
	case "day", "week", "month", "year":
	default:
		return dateExpr{}, false // most words: no map lookup
	}
	n := countOf(toks[i])
	if n == 0 {
		return dateExpr{}, false
	}
	if unit == "week" {
		unit, n = "day", 7*n
	}
	var base string
	anchorAt := 0
	switch toks[i+2].Low {
	case "ago":
		base = dc.pub.Format("2006-01-02")
		n = -n
	case "later", "earlier":
		base = map[string]string{"day": last.day, "month": last.month, "year": last.year}[unit]
		if toks[i+2].Low == "earlier" {
			n = -n
		}
	case "after", "before":
		if unit != "day" {
			return dateExpr{}, false
		}
		base, anchorAt = dc.clauseDay(v, i+3)
		if toks[i+2].Low == "before" {
			n = -n
		}
	default:
		return dateExpr{}, false
	}
	val := shiftDate(base, unit, n)
	if val == "" {
		return dateExpr{}, false
	}
	return dateExpr{T0: i, T1: i + 3, Value: val, Day: unit == "day", Anchor: anchorAt}, true
}

// clauseDay returns the first day-precise date in the clause from token k
// on, and where it starts; "" when there is none.
func (dc *dateContext) clauseDay(v *sentView, k int) (string, int) {
	var none anchor
	for ; k < len(v.Toks); k++ {
		switch v.Toks[k].Text {
		case ";", ".":
			return "", 0
		}
		if d, ok := dc.at(v, k, &none); ok {
			if d.Day {
				return d.Value, k
			}
			return "", 0
		}
	}
	return "", 0
}

// shiftDate moves an ISO date of at least the precision of unit ("day",
// "month", "year") by n units, and returns it at that precision; "" when
// base is too coarse.
func shiftDate(base, unit string, n int) string {
	switch unit {
	case "day":
		t, ok := parseDay(base)
		if !ok {
			return ""
		}
		return t.AddDate(0, 0, n).Format("2006-01-02")
	case "month":
		t, err := time.Parse("2006-01", firstN(base, 7))
		if err != nil {
			return ""
		}
		return t.AddDate(0, n, 0).Format("2006-01")
	case "year":
		y, err := strconv.Atoi(firstN(base, 4))
		if err != nil {
			return ""
		}
		return strconv.Itoa(y + n)
	}
	return ""
}

// firstN returns the first n bytes of s, or "" when s is shorter.
func firstN(s string, n int) string {
	if len(s) < n {
		return ""
	}
	return s[:n]
}

// day makes a day-precise expression.
func (dc *dateContext) day(t0, t1 int, t time.Time) dateExpr {
	return dateExpr{T0: t0, T1: t1, Value: t.Format("2006-01-02"), Day: true}
}

// relative reads "last week", "next year", "earlier this month", "last
// Thursday", "later this year", "this afternoon", "last night".
func (dc *dateContext) relative(v *sentView, i int) (dateExpr, bool) {
	toks := v.Toks
	j := i
	if toks[j].Low == "earlier" || toks[j].Low == "later" {
		j++
	}
	if j+1 >= len(toks) {
		return dateExpr{}, false
	}
	rel, unit := toks[j].Low, toks[j+1].Low
	if wd, ok := dc.g.weekdays[unit]; ok && (rel == "last" || rel == "next" || rel == "this") {
		t := dc.weekdayDate(time.Weekday(wd), map[string]tense{"last": tensePast,
			"next": tenseFuture}[rel], rel == "last" || rel == "next")
		return dc.day(i, j+2, t), true
	}
	shift := map[string]int{"last": -1, "next": 1, "this": 0}
	n, ok := shift[rel]
	if !ok {
		return dateExpr{}, false
	}
	if dayParts[unit] && j == i {
		// "this afternoon" is today, "last night" yesterday.
		return dc.day(i, j+2, dc.pub.AddDate(0, 0, min(n, 0))), rel != "next"
	}
	switch unit {
	case "month":
		t := time.Date(dc.pub.Year(), dc.pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return dateExpr{T0: i, T1: j + 2, Value: t.Format("2006-01")}, true
	case "year":
		return dateExpr{T0: i, T1: j + 2, Value: strconv.Itoa(dc.pub.Year() + n)}, true
	case "week", "weekend":
		return dateExpr{T0: i, T1: j + 2}, true // no precise value: blocks narrative use
	}
	return dateExpr{}, false
}

// weekday reads "Monday", "on Monday evening", "Wednesday's".
func (dc *dateContext) weekday(v *sentView, i int, wd time.Weekday) (dateExpr, bool) {
	if !dc.known {
		return dateExpr{}, false
	}
	tn := weekdayTense(v, i)
	if pastEventOwner(v.Toks, i) {
		tn = tensePast
	}
	t := dc.weekdayDate(wd, tn, false)
	return dc.day(i, i+1, t), true
}

// pastEventOwner reports whether the weekday at i owns an attack or a
// disaster ("Tuesday's mine disaster"): news tells those once they have
// happened, whatever the tense of the verb ("is to lay a wreath for
// those lost in Tuesday's mine disaster").
func pastEventOwner(toks []token, i int) bool {
	if i+1 >= len(toks) || !toks[i+1].isPossessive() {
		return false
	}
	for k := i + 2; k < len(toks) && k <= i+4; k++ {
		switch nominalEvents[toks[k].Low] {
		case "attack", "disaster", "earthquake":
			return true
		}
	}
	return false
}

// weekdayTense reads the tense a weekday is in: from the verb it follows
// (leftTense); with none before it, from the clause after it ("On
// Tuesday he will go on to Porto", "On Monday, the envoy will
// head back"), then from the sentence's earlier verbs ("he will meet
// students before heading back to the capital on Friday").
func weekdayTense(v *sentView, i int) tense {
	if tn := leftTense(v, i); tn != tenseNeutral {
		return tn
	}
	if pastAfter(v, i) {
		return tensePast
	}
	if presentBefore(v, i) {
		return tenseFuture
	}
	if tn := rightTense(v, i); tn != tenseNeutral {
		return tn
	}
	for k := i - 1; k >= 0; k-- {
		if v.Toks[k].Text == ";" {
			break
		}
		if tn := wordTense(v.Toks, k); tn != tenseNeutral {
			return tn
		}
	}
	return tenseNeutral
}

// pastAfter reports whether a past verb follows weekday i at once, or
// after a part of the day: the weekday stands between a subject and its
// verb and times that verb ("Andean ministers on Friday welcomed …",
// "the envoy on Monday evening left"), whatever the words before it look
// like.
func pastAfter(v *sentView, i int) bool {
	k := i + 1
	if k < len(v.Toks) && dayParts[v.Toks[k].Low] {
		k++
	}
	return k < len(v.Toks) && wordTense(v.Toks, k) == tensePast
}

// dayParts are the parts of a day a weekday or "this" may go with.
var dayParts = pkgLex.words("day-parts.txt")

// presentBefore reports whether a verb in the simple present stands before
// weekday i in its clause: news tells schedules in it ("she travels to
// Montreal on Wednesday", "Aravena flies home on Friday") and what is done
// in the past tense.
func presentBefore(v *sentView, i int) bool {
	for k := i - 1; k > 0 && k >= i-6; k-- {
		t := v.Toks[k]
		if t.Text == "," || t.Text == ";" {
			return false
		}
		if presentVerb(v.Toks, k) {
			return true
		}
	}
	return false
}

// presentVerb reports whether token k is a verb in the simple present
// after its subject: a lower-case word in -s after "he", "she", "it" or a
// name ("she travels", "Ruto flies"), not a form of "be", "have" or "do",
// nor an event noun ("the Doha talks"), nor a plural noun: one followed by
// "of" ("the districts of Tororo") or after a name that is itself
// inside a noun phrase ("through the Kasese and Bundibugyo districts").
func presentVerb(toks []token, k int) bool {
	w := toks[k].Low
	if k == 0 || toks[k].Cap || toks[k].Lex&lexNominal != 0 || len(w) < 4 ||
		!strings.HasSuffix(w, "s") ||
		strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "'s") {
		return false
	}
	switch w {
	case "does", "says", "this", "thus", "was", "has", "is":
		return false
	}
	if k+1 < len(toks) && toks[k+1].Low == "of" {
		return false
	}
	p := toks[k-1]
	switch p.Low {
	case "he", "she", "it":
		return true
	}
	// "Bangladeshi pilgrims": a demonym qualifies a plural noun.
	return p.Cap && p.Word && !p.Digit && p.Lex&(lexStop|lexDemonym) == 0 &&
		!nameModifies(toks, k-1)
}

// nameModifies reports whether the capitalised words ending at token k
// (names joined by "and" included) follow a determiner or a preposition:
// then they modify the noun after them ("the Kegalle districts", "in
// Gulf states") rather than being its subject.
func nameModifies(toks []token, k int) bool {
	for ; k >= 0; k-- {
		t := toks[k]
		if t.Cap && t.Word || t.Low == "and" {
			continue
		}
		return isDeterminer(t) || prepositions[t.Low]
	}
	return false
}

// rightTense reads the tense of the first verb after token i in its
// clause; a comma right after an opening date ("On Friday, …") does not
// end it.
func rightTense(v *sentView, i int) tense {
	for k := i + 1; k < len(v.Toks) && k <= i+8; k++ {
		t := v.Toks[k]
		if t.Text == ";" || t.Text == "." || t.Text == "," && i > 2 {
			break
		}
		if tn := wordTense(v.Toks, k); tn != tenseNeutral {
			return tn
		}
		if presentVerb(v.Toks, k) {
			return tenseFuture
		}
	}
	return tenseNeutral
}

// weekdayDate returns the date of weekday wd nearest the publication date in
// the direction the tense gives: on or before it by default, after it for
// the future. strict excludes the publication day itself ("last Monday").
func (dc *dateContext) weekdayDate(wd time.Weekday, tn tense, strict bool) time.Time {
	diff := int(dc.pub.Weekday()) - int(wd)
	if tn == tenseFuture {
		ahead := (int(wd) - int(dc.pub.Weekday()) + 7) % 7
		if ahead == 0 && strict {
			ahead = 7
		}
		return dc.pub.AddDate(0, 0, ahead)
	}
	back := (diff + 7) % 7
	if back == 0 && strict {
		back = 7
	}
	return dc.pub.AddDate(0, 0, -back)
}

// partial resolves a month and day with no year: the year that puts it
// nearest the publication date in the direction the tense gives.
func (dc *dateContext) partial(month, day int, tn tense) string {
	if !dc.known {
		return ""
	}
	best := time.Time{}
	for _, y := range []int{dc.pub.Year() - 1, dc.pub.Year(), dc.pub.Year() + 1} {
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Month() != time.Month(month) {
			return "" // no such day
		}
		d := t.Sub(dc.pub).Hours() / 24
		switch {
		case tn == tensePast && d > 3, tn == tenseFuture && d < -3:
			continue
		}
		if best.IsZero() || absf(d) < absf(best.Sub(dc.pub).Hours()/24) {
			best = t
		}
	}
	if best.IsZero() {
		return ""
	}
	return best.Format("2006-01-02")
}

// asideClause returns the non-restrictive relative clause token t stands
// in: from the comma before "who", "whom", "whose", "which", "where" or
// "when" to the next comma or the end of the sentence; ok is false when t
// is in none.
func asideClause(toks []token, t int) (lo, hi int, ok bool) {
	for k := t - 1; k > 0; k-- {
		if toks[k].Text == ";" || toks[k].Text == "," && !opensRelative(toks, k+1) {
			return 0, 0, false
		}
		if toks[k].Text == "," {
			lo = k
			break
		}
	}
	if lo == 0 {
		return 0, 0, false
	}
	for hi = t; hi < len(toks); hi++ {
		if toks[hi].Text == "," || toks[hi].Text == ";" {
			break
		}
	}
	return lo, hi, true
}

// opensRelative reports whether a relative clause starts at token k: a
// relative word, or one after a preposition ("under which Laos will sell
// power from 2027", "by whom").
func opensRelative(toks []token, k int) bool {
	if k < len(toks) && relativeWords[toks[k].Low] {
		return true
	}
	return k+1 < len(toks) && !toks[k].Cap && toks[k].Lex&lexStop != 0 &&
		(toks[k+1].Low == "which" || toks[k+1].Low == "whom")
}

// relativeWords open a relative clause.
var relativeWords = pkgLex.words("relative-words.txt")

// asideFor reports whether date de stands in a relative clause set off by
// commas that the verb at token i is outside of: "Lindqvist, who was invited
// … in March, was greeted on arrival by …" is no March
// reception.
func asideFor(toks []token, de dateExpr, i int) bool {
	lo, hi, ok := asideClause(toks, de.T0)
	return ok && (i < lo || i >= hi)
}

// laterThanPast reports whether date de lies after publication while the
// verb at token i is in the past tense: "signed an accord … and agreed to
// convene the committee next month" did not sign next month, nor did one
// that "signed a deal to export power from 2027" sign in 2027.
func (dc *dateContext) laterThanPast(toks []token, de dateExpr, i int) bool {
	if !dc.known || len(de.Value) < 4 || wordTense(toks, i) != tensePast {
		return false
	}
	pub := dc.pub.Format("2006-01-02")
	return de.Value > pub[:len(de.Value)]
}

// clausePenalty is what crossing a clause boundary adds to the distance
// between a verb and a date.
const clausePenalty = 8

// dateDistance measures how far a date is from the verb at token i, for
// choosing the date of an action: words between, plus clausePenalty for
// each comma, semicolon, "and" or "but" crossed. In an itinerary ("arrived
// in Lima on Monday, met Torres on Tuesday and flies to Cusco on
// Wednesday") each verb takes the date of its own clause, even when the
// previous clause's date stands nearer.
func (c *sentCtx) dateDistance(de dateExpr, i int) int {
	lo, hi := de.T1, i
	if de.T0 > i {
		lo, hi = i+1, de.T0
	}
	dist := absInt(de.T0 - i)
	for k := lo; k < hi && k < len(c.toks); k++ {
		switch c.toks[k].Low {
		case ",", ";", "and", "but":
			dist += clausePenalty
		}
	}
	return dist
}

// actionDates corrects relation dates with what the rest of the article
// says about the same action: a restated action takes the date it was
// first given (restatedDates), and a visit to a country starts on the day
// of the arrival in one of its places (arrivalDates).
func (d *document) actionDates() {
	d.restatedDates()
	d.arrivalDates()
	d.reactionDates()
}

// reactionDates dates a condemnation that took the day of the event it
// condemns, written in its own sentence ("He condemned the shooting of three
// herders near the Okavango Delta on May 4"), by the later day the story
// was at before it in its paragraph: one reacts on a day of one's own.
// With no day told before, the event's day stands.
func (d *document) reactionDates() {
	for i := range d.rels {
		r := &d.rels[i]
		e := &d.entities[r.Dst]
		if r.Type != schema.Condemned || e.Type != schema.Event || r.Date != e.Date ||
			!isDay(r.Date) || !d.writesDate(r.Sent, r.Date) {
			continue
		}
		if day := d.paragraphDay(r.Sent); day > r.Date {
			r.Date = day
		}
	}
}

// paragraphDay returns the last day written in the sentences of sentence
// s's paragraph before it, or "".
func (d *document) paragraphDay(s int) string {
	para := d.views[s].Para
	for k := s - 1; k >= 0 && d.views[k].Para == para; k-- {
		ds := d.dates[k]
		for j := len(ds) - 1; j >= 0; j-- {
			if de := ds[j]; de.Day && isDay(de.Value) && !de.Adjectival {
				return de.Value
			}
		}
	}
	return ""
}

// writesDate reports whether sentence s writes the date value.
func (d *document) writesDate(s int, value string) bool {
	for _, de := range d.dates[s] {
		if de.Value == value && !de.Adjectival {
			return true
		}
	}
	return false
}

// restatedDates gives an action read from a sentence with no date of its
// own the date of the same action read before from a dated sentence: the
// same subject, type and object (either way round for a meeting or a
// call), or for a signing the same agreement, which is signed once ("The
// leaders signed the Apia Accord on Monday. … The accord was signed by the
// prime minister and …").
func (d *document) restatedDates() {
	for i := range d.rels {
		r := &d.rels[i]
		if d.sentenceDated(r.Sent) {
			continue
		}
		for j := 0; j < i; j++ {
			p := &d.rels[j]
			if p.Sent < r.Sent && p.Date != "" && d.sentenceDated(p.Sent) && sameAction(p, r) {
				r.Date = p.Date
				break
			}
		}
	}
}

// attendedDates gives attendance read from a sentence with no date of its
// own the day of the event attended: one takes part in a summit when it is
// held ("The summit opened in Apia on Monday. … Leaders of six states
// attended."). An event known only to the month or year says less than
// the day the story is at. It runs once the events are dated.
func (d *document) attendedDates() {
	for i := range d.rels {
		r := &d.rels[i]
		if r.Type != schema.Attended || d.sentenceDated(r.Sent) {
			continue
		}
		// A planned attendance has no story day to fall back on: the
		// event's month is the best known ("will attend the meeting").
		if e := &d.entities[r.Dst]; e.Type == schema.Event &&
			(isDay(e.Date) || r.Planned && r.Date == "" && e.Date != "") {
			r.Date = e.Date
		}
	}
}

// sameAction reports whether relations p and r are one action told twice.
func sameAction(p, r *relation) bool {
	if p.Type != r.Type || p.Planned != r.Planned {
		return false
	}
	switch {
	case p.Src == r.Src && p.Dst == r.Dst:
		return true
	case p.Type == schema.Met || p.Type == schema.Called:
		return p.Src == r.Dst && p.Dst == r.Src
	case p.Type == schema.Signed:
		return p.Dst == r.Dst
	}
	return false
}

// sentenceDated reports whether sentence s writes a date an action can
// take.
func (d *document) sentenceDated(s int) bool {
	for _, de := range d.dates[s] {
		if de.Value != "" && !de.Adjectival {
			return true
		}
	}
	return false
}

// arrivalDays is how long before a visit's date an arrival in the same
// country still starts that visit.
const arrivalDays = 4

// arrivalDates dates a visit to a country by the arrival that starts it: a
// visit to one of the country's places by the same visitor a few days
// before ("landed in Ottawa on Monday … on the second day of her state
// visit to Canada" is a visit to Canada from Monday).
func (d *document) arrivalDates() {
	for i := range d.rels {
		r := &d.rels[i]
		if r.Type != schema.Visited || d.entities[r.Dst].Type != schema.Country {
			continue
		}
		t, ok := parseDay(r.Date)
		if !ok {
			continue
		}
		code := d.entities[r.Dst].Code
		for _, p := range d.rels {
			if p.Type != schema.Visited || p.Src != r.Src || p.Dst == r.Dst ||
				code == "" || d.entities[p.Dst].Code != code {
				continue
			}
			if a, ok := parseDay(p.Date); ok && a.Before(t) && t.Sub(a).Hours() <= 24*arrivalDays {
				t = a
			}
		}
		r.Date = t.Format("2006-01-02")
	}
}

// absf returns the absolute value of f.
func absf(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// isoDate formats a year, month and day as ISO 8601, leaving out what is
// zero.
func isoDate(y, m, d int) string {
	switch {
	case m == 0:
		return strconv.Itoa(y)
	case d == 0:
		return fmt.Sprintf("%04d-%02d", y, m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}

// afterClauseDate reports whether a date after the verb at i stands in a
// clause of time of its own ("met Gedion …, ten months after Abiy signed
// the declaration in December 2024"): a counted "after" or "before" opens
// it, and its verb takes the date.
func afterClauseDate(toks []token, de dateExpr, i int) bool {
	for k := i + 1; k < de.T0 && k < len(toks); k++ {
		if (toks[k].Low == "after" || toks[k].Low == "before") && k > 0 &&
			timeUnits[toks[k-1].Low] {
			return true
		}
	}
	return false
}

// timeUnits are the units a span before "after" or "before" counts in.
var timeUnits = pkgLex.words("time-units.txt")
