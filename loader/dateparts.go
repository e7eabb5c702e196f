package loader

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// monthFirst reads "April 22", "December 6, 2021", "May 7-10", "December
// 2017" and "in July".
func (dc *dateContext) monthFirst(v *sentView, i, month int) (dateExpr, bool) {
	toks := v.Toks
	j := i + 1
	if j < len(toks) && toks[j].Digit {
		n, rest := leadingInt(toks[j].Text)
		if len(toks[j].Text) == 4 && rest == "" && n >= 1800 && n <= 2200 {
			return dateExpr{T0: i, T1: j + 1, Value: isoDate(n, month, 0)}, true
		}
		if n >= 1 && n <= 31 && (rest == "" || rest[0] == '-' || isOrdinal(rest)) {
			end := j + 1
			year := 0
			k := end
			if k+1 < len(toks) && (toks[k].Low == "and" || toks[k].Low == "to" || toks[k].Text == "-" ||
				toks[k].Text == "\u2013") {
				// "November 18 and 19, 2024": the days begin on the first.
				if n2, r2 := leadingInt(toks[k+1].Text); r2 == "" && n2 > n && n2 <= 31 {
					k += 2
					end = k
				}
			}
			if k < len(toks) && toks[k].Text == "," {
				k++
			}
			if k < len(toks) && len(toks[k].Text) == 4 {
				if y, r := leadingInt(toks[k].Text); r == "" && y >= 1800 && y <= 2200 {
					year, end = y, k+1
				}
			}
			if year == 0 {
				if y := sentenceYear(v, i); y != 0 {
					year = y
				}
			}
			if year != 0 {
				return dateExpr{T0: i, T1: end, Value: isoDate(year, month, n), Day: true}, true
			}
			val := dc.partial(month, n, dc.tense(v, i))
			return dateExpr{T0: i, T1: end, Value: val, Day: val != ""}, val != ""
		}
	}
	if i == 0 {
		return dateExpr{}, false
	}
	switch toks[i-1].Low {
	case "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "from",
		"during", "this", "before", "after":
	default:
		return dateExpr{}, false
	}
	return dc.monthOnly(v, i, month)
}

// monthOfPart reads a month joined to a part of it ("mid-June",
// "early-July"): the month, as "in June" is.
func (dc *dateContext) monthOfPart(v *sentView, i int) (dateExpr, bool) {
	part, name, ok := strings.Cut(v.Toks[i].Low, "-")
	if !ok || part != "mid" && part != "early" && part != "late" {
		return dateExpr{}, false
	}
	month, ok := dc.g.months[name]
	if !ok {
		return dateExpr{}, false
	}
	return dc.monthOnly(v, i, month)
}

// monthOnly resolves a month named without a day at token i: in the year
// the sentence or an event's name gives, else the one the tense points
// to from publication.
func (dc *dateContext) monthOnly(v *sentView, i, month int) (dateExpr, bool) {
	toks := v.Toks
	if y := sentenceYear(v, i); y != 0 {
		return dateExpr{T0: i, T1: i + 1, Value: isoDate(y, month, 0)}, true
	}
	if y := namedYear(toks, i); y != 0 {
		return dateExpr{T0: i, T1: i + 1, Value: isoDate(y, month, 0)}, true
	}
	if !dc.known {
		return dateExpr{}, false
	}
	tn := dc.tense(v, i)
	switch toks[i-1].Low {
	case "last":
		tn = tensePast
	case "next":
		tn = tenseFuture
	}
	val := dc.partial(month, 15, tn)
	if val == "" {
		return dateExpr{}, false
	}
	return dateExpr{T0: i, T1: i + 1, Value: val[:7]}, true
}

// numberFirst reads "3 January 2020", "2023-11-09" and years.
func (dc *dateContext) numberFirst(v *sentView, i int) (dateExpr, bool) {
	toks := v.Toks
	t := toks[i].Text
	if len(t) == 10 && t[4] == '-' && t[7] == '-' {
		if d, err := time.Parse("2006-01-02", t); err == nil {
			return dc.day(i, i+1, d), true
		}
	}
	n, rest := leadingInt(t)
	if dayRangeEnd(rest) {
		rest = "" // "10-11 July": the range starts on the 10th
	}
	if i+3 < len(toks) && n >= 1 && n <= 31 && rest == "" {
		switch toks[i+1].Low {
		case "and", "to", "-", "\u2013", "or":
			// "on 11 and 12 June", "from 20 to 21 February": the days
			// begin on the first.
			if n2, r2 := leadingInt(toks[i+2].Text); r2 == "" && n2 > n && n2 <= 31 {
				if _, ok := dc.g.months[toks[i+3].Low]; ok {
					d, ok := dc.numberFirst(v, i+2)
					if ok && d.Day && len(d.Value) == 10 {
						d.Value = d.Value[:8] + fmt.Sprintf("%02d", n)
						d.T0 = i
						return d, true
					}
				}
			}
		}
	}
	if i+1 < len(toks) && n >= 1 && n <= 31 && (rest == "" || isOrdinal(rest)) {
		if m, ok := dc.g.months[toks[i+1].Low]; ok {
			if i+2 < len(toks) {
				if y, r := leadingInt(toks[i+2].Text); r == "" && y >= 1800 && y <= 2200 {
					return dateExpr{T0: i, T1: i + 3, Value: isoDate(y, m, n), Day: true}, true
				}
			}
			if y := sentenceYear(v, i); y != 0 {
				return dateExpr{T0: i, T1: i + 2, Value: isoDate(y, m, n), Day: true}, true
			}
			val := dc.partial(m, n, dc.tense(v, i))
			return dateExpr{T0: i, T1: i + 2, Value: val, Day: val != ""}, val != ""
		}
	}
	if len(t) != 4 || rest != "" || n < 1800 || n > 2200 {
		return dateExpr{}, false
	}
	d := dateExpr{T0: i, T1: i + 1, Value: strconv.Itoa(n)}
	prev := ""
	if i > 0 {
		prev = toks[i-1].Low
	}
	switch prev {
	case "in", "of", "since", "by", "from", "until", "early", "late", "mid", "before", "after",
		"during", "and", ",":
	default:
		if i+1 < len(toks) && toks[i+1].Word && toks[i+1].Low != "and" {
			d.Adjectival = true
		}
	}
	return d, true
}

// leadingInt parses the digits at the start of s and returns the rest.
func leadingInt(s string) (int, string) {
	k := 0
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == 0 || k > 6 {
		return -1, s
	}
	n, err := strconv.Atoi(s[:k])
	if err != nil {
		return -1, s
	}
	return n, s[k:]
}

// sentenceYear returns a year written in the sentence as its own date ("in
// 2022"), for a month or day written without one; 0 when there is none or
// more than one.
func sentenceYear(v *sentView, skip int) int {
	year := 0
	for i, t := range v.Toks {
		if i == skip || len(t.Text) != 4 || !t.Digit || i == 0 {
			continue
		}
		y, r := leadingInt(t.Text)
		if r != "" || y < 1800 || y > 2200 {
			continue
		}
		switch v.Toks[i-1].Low {
		case "in", "of", "since", "early", "late", "mid", "during":
		default:
			continue
		}
		if year != 0 && year != y {
			return 0
		}
		year = y
	}
	return year
}

// namedYear returns the year in the name of the event a month follows
// ("stage the 2027 Andean River Festival in March"): the event is held in
// that month of its own year, whatever the publication date; 0 when the
// month follows no such name.
func namedYear(toks []token, i int) int {
	if i < 3 || toks[i-1].Low != "in" {
		return 0
	}
	k := i - 2
	for k > 0 && toks[k].Cap && toks[k].Word && !toks[k].Digit {
		k--
	}
	if k == i-2 || k < 1 || toks[k-1].Low != "the" {
		return 0
	}
	if y, r := leadingInt(toks[k].Text); r == "" && len(toks[k].Text) == 4 && y >= 1800 &&
		y <= 2200 {
		return y
	}
	return 0
}

// clauseTense reads the tense of the clause around token i from auxiliary
// verbs and past forms near it; the nearest marker wins.
func clauseTense(v *sentView, i int) tense {
	toks := v.Toks
	best, bestDist := tenseNeutral, 99
	for dir := -1; dir <= 1; dir += 2 {
		for k, n := i+dir, 0; k >= 0 && k < len(toks) && n < 9; k, n = k+dir, n+1 {
			t := toks[k]
			if t.Text == "," || t.Text == ";" || t.Text == ":" || t.Text == "." {
				break
			}
			tn := wordTense(toks, k)
			if dir < 0 && (prospective(toks, k) || invitation(toks, k)) {
				tn = tenseFuture // "invited him to visit Apia in October", "invited her to Apia on 9 June"
			}
			dist := n
			if dir > 0 {
				dist += 3 // the verb before a date governs it more often
			}
			if tn != tenseNeutral && dist < bestDist {
				best, bestDist = tn, dist
				break
			}
		}
	}
	if best == tenseNeutral && invitedBefore(toks, i) {
		return tenseFuture // "invited X to Chiang Mai for the opening of the … festival on 8 November"
	}
	return best
}

// invitedBefore reports whether a word of inviting stands before token i
// in its clause, however far.
func invitedBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch toks[k].Text {
		case ",", ";", ":":
			return false
		}
		if invitation(toks, k) {
			return true
		}
	}
	return false
}

// irregularPast are past forms with no "-ed" (lexicon/irregular-past.txt).
var irregularPast = pkgLex.words("irregular-past.txt")

// wordTense returns the tense a single word marks.
func wordTense(toks []token, k int) tense {
	w := toks[k].Low
	if irregularPast[w] {
		return participleTense(toks, k)
	}
	switch w {
	case "will", "'ll", "shall", "upcoming", "next", "tomorrow":
		return tenseFuture
	case "was", "were", "had", "did", "ago", "last", "yesterday":
		return tensePast
	case "due", "scheduled", "set", "expected":
		if k > 0 && (toks[k-1].Low == "is" || toks[k-1].Low == "are") {
			return tenseFuture
		}
	}
	if strings.HasSuffix(w, "ed") && len(w) > 4 && !toks[k].Cap {
		return participleTense(toks, k)
	}
	return tenseNeutral
}

// participleTense returns the tense of a past form at k: past, unless a
// present or bare form of "be" before it makes it a passive whose tense
// lies elsewhere ("will be held", "is expected").
func participleTense(toks []token, k int) tense {
	if k > 0 {
		switch toks[k-1].Low {
		case "be", "is", "are", "been":
			return tenseNeutral
		}
	}
	return tensePast
}

// leftTense reads the tense of the words before token i in its clause: a
// weekday takes its tense from the verb it follows ("signed … on
// Thursday", "will be received on Wednesday").
func leftTense(v *sentView, i int) tense {
	for k, n := i-1, 0; k >= 0 && n < 9; k, n = k-1, n+1 {
		t := v.Toks[k]
		if t.Text == ";" || t.Text == "." {
			break
		}
		if tn := wordTense(v.Toks, k); tn != tenseNeutral {
			return tn
		}
	}
	return tenseNeutral
}

// prospectiveWords are words of inviting, planning and agreeing whose
// infinitive ("invited him to visit", "agreed to meet") tells of what is
// still to come when they were written, whatever their tense.
var prospectiveWords = pkgLex.words("prospective-words.txt")

// inviteWords are the words of an invitation: the date after one in its
// clause is of the visit or the event invited to, still to come when the
// invitation was written of ("invited the envoys to Tallinn on February
// 3" in November is next February).
var inviteWords = pkgLex.words("invite-words.txt")

// invitation reports whether token k is a word of inviting that looks
// ahead: not one with its agent after it ("was invited by Dissanayake
// during a call in January"), which tells when the inviting was.
func invitation(toks []token, k int) bool {
	return inviteWords[toks[k].Low] && (k+1 >= len(toks) || toks[k+1].Low != "by")
}

// prospective reports whether token k is the "to" of an infinitive after a
// word of inviting or planning, at most two words back ("invited Moreno
// to visit", "accepted Okafor's invitation to visit").
func prospective(toks []token, k int) bool {
	if toks[k].Low != "to" || k+1 >= len(toks) || toks[k+1].Cap || !toks[k+1].Word {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if prospectiveWords[toks[j].Low] {
			return true
		}
	}
	return false
}

// dayRangeEnd reports whether rest, what follows a day's number in its
// token, ends a range of days: "-11" in "10-11 July".
func dayRangeEnd(rest string) bool {
	for _, dash := range [...]string{"-", "\u2013"} {
		if r, ok := strings.CutPrefix(rest, dash); ok {
			n, tail := leadingInt(r)
			return n >= 1 && n <= 31 && tail == ""
		}
	}
	return false
}
