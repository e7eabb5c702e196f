package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordInfo holds the hashed views of one word that the tagger and the
// parser read, computed once per word.
type wordInfo struct {
	form   string
	lower  string
	hLower uint64 // lower-case form
	hForm  uint64 // form as written
	suf    [4]uint64
	pre    [3]uint64
	shape  uint64
	flags  uint64 // bit set of wordFlags
}

const (
	flagUpper   = 1 << iota // starts with an upper-case letter
	flagAllCaps             // every letter upper case, two or more letters
	flagDigit               // contains a digit
	flagHyphen              // contains a hyphen
	flagPunct               // no letter or digit
	flagPeriod              // contains a period
)

func newWordInfo(form string) wordInfo {
	lower := strings.ToLower(form)
	wi := wordInfo{form: form, lower: lower, hLower: hashString(lower), hForm: hashString(form)}
	runes := []rune(lower)
	for k := 1; k <= 4; k++ {
		if len(runes) >= k {
			wi.suf[k-1] = hashString(string(runes[len(runes)-k:])) ^ uint64(k)
		} else {
			wi.suf[k-1] = hashString(lower) ^ uint64(k)
		}
	}
	for k := 1; k <= 3; k++ {
		if len(runes) >= k {
			wi.pre[k-1] = hashString(string(runes[:k])) ^ uint64(k<<8)
		} else {
			wi.pre[k-1] = hashString(lower) ^ uint64(k<<8)
		}
	}
	wi.shape = hashString(shapeOf(form))
	letters, uppers := 0, 0
	alnum := false
	for i, r := range form {
		switch {
		case unicode.IsUpper(r):
			letters++
			uppers++
			if i == 0 {
				wi.flags |= flagUpper
			}
			alnum = true
		case unicode.IsLetter(r):
			letters++
			alnum = true
		case unicode.IsDigit(r):
			wi.flags |= flagDigit
			alnum = true
		case r == '-':
			wi.flags |= flagHyphen
		case r == '.':
			wi.flags |= flagPeriod
		}
	}
	if letters >= 2 && uppers == letters {
		wi.flags |= flagAllCaps
	}
	if !alnum {
		wi.flags |= flagPunct
	}
	return wi
}

// shapeOf maps letters to X/x and digits to d, collapsing runs longer
// than two: "McCain" → "XxXxx" → "XxXxx", "2021" → "dd", "U.S." → "X.X.".
func shapeOf(form string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range form {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		b.WriteRune(c)
		if b.Len() > 12 {
			break
		}
	}
	return b.String()
}

// firstRuneUpper reports whether s starts with an upper-case letter.
func firstRuneUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func firstRuneDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}
