package kb

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day as yyyymmdd; a span's start or end known only to
// the month or the year has 00 for the unknown parts (2022-07 is 20220700).
type Date int32

// DateOf is the Date of a time.
func DateOf(t time.Time) Date {
	return Date(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

// ParseDate reads YYYY, YYYY-MM or YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return 0, fmt.Errorf("kb: date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	v := 0
	limits := []int{9999, 12, 31}
	for i := 0; i < 3; i++ {
		n := 0
		if i < len(parts) {
			var err error
			n, err = strconv.Atoi(parts[i])
			if err != nil || n < 0 || n > limits[i] || (i > 0 && n == 0) {
				return 0, fmt.Errorf("kb: date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
			}
		}
		v = v*100 + n
		if i == 0 {
			v = n
		}
	}
	return Date(v), nil
}

// Year, Month and Day of the date; 0 where unknown.
func (d Date) Year() int  { return int(d) / 10000 }
func (d Date) Month() int { return int(d) / 100 % 100 }
func (d Date) Day() int   { return int(d) % 100 }

func (d Date) String() string {
	switch {
	case d == 0:
		return ""
	case d.Month() == 0:
		return fmt.Sprintf("%04d", d.Year())
	case d.Day() == 0:
		return fmt.Sprintf("%04d-%02d", d.Year(), d.Month())
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), d.Month(), d.Day())
}

// last is the last day a partial date covers (2022 → 2022-12-31).
func (d Date) last() Date {
	switch {
	case d == 0:
		return 99991231
	case d.Month() == 0:
		return d + 1231
	case d.Day() == 0:
		return d + 31
	}
	return d
}
