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
	// cluster is the value of the word's class (noCluster without one);
	// pword is the word's value in the parser's features: its form, or
	// its class for a word rare in the training treebank (clusters.go).
	cluster, pword uint64
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
	wi := wordInfo{form: form, lower: lower, hLower: hashString(lower), hForm: hashString(form), cluster: noCluster}
	wi.pword = wi.hLower
	// Byte offsets where the last 1..4 runes and the first 1..3 end.
	var sufAt [4]int
	var preAt [3]int
	n := 0
	for i := range lower {
		if n >= 1 && n <= 3 {
			preAt[n-1] = i
		}
		n++
	}
	if n <= 3 && n > 0 {
		preAt[n-1] = len(lower)
	}
	k := 0
	for i := len(lower); i > 0 && k < 4; {
		_, size := utf8.DecodeLastRuneInString(lower[:i])
		i -= size
		sufAt[k] = i
		k++
	}
	for j := 0; j < 4; j++ {
		if j < k {
			wi.suf[j] = hashString(lower[sufAt[j]:]) ^ uint64(j+1)
		} else {
			wi.suf[j] = wi.hLower ^ uint64(j+1)
		}
	}
	for j := 0; j < 3; j++ {
		if j < n && preAt[j] > 0 {
			wi.pre[j] = hashString(lower[:preAt[j]]) ^ uint64((j+1)<<8)
		} else {
			wi.pre[j] = wi.hLower ^ uint64((j+1)<<8)
		}
	}
	wi.shape = shapeHash(form)
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

// shapeOf maps letters to X/x and digits to d, keeping at most two of a
// run and the first 12 bytes or so: "McCain" → "XxXxx", "2021" → "dd",
// "U.S." → "X.X.".
func shapeOf(form string) string { return string(appendShape(nil, form)) }

// shapeHash is hashString(shapeOf(form)) without a heap allocation.
func shapeHash(form string) uint64 {
	var buf [32]byte
	return hashString(appendShape(buf[:0], form))
}

func appendShape(b []byte, form string) []byte {
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
		b = utf8.AppendRune(b, c)
		if len(b) > 12 {
			break
		}
	}
	return b
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
