package model

import (
	"strconv"
	"time"
)

// PartialDate is a date whose day, or day and month, may be unknown: many
// people know only the year or month they were born. Zero Month or Day means
// unknown; a zero Year means the whole date is unknown.
type PartialDate struct {
	Year, Month, Day int
}

// IsZero reports whether the date is entirely unknown.
func (d PartialDate) IsZero() bool { return d.Year == 0 }

// String formats the date as YYYY, YYYY-MM or YYYY-MM-DD.
func (d PartialDate) String() string {
	if d.Year == 0 {
		return ""
	}
	b := make([]byte, 0, 10)
	b = appendPadded(b, d.Year, 4)
	if d.Month != 0 {
		b = appendPadded(append(b, '-'), d.Month, 2)
		if d.Day != 0 {
			b = appendPadded(append(b, '-'), d.Day, 2)
		}
	}
	return string(b)
}

// appendPadded appends n with zeros in front up to width digits.
func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// ParsePartialDate reads YYYY, YYYY-MM or YYYY-MM-DD; the empty string gives
// the zero date.
func ParsePartialDate(s string) (PartialDate, error) {
	if s == "" {
		return PartialDate{}, nil
	}
	var d PartialDate
	ok := false
	switch len(s) {
	case 4:
		d.Year, ok = digits(s)
	case 7: // a month written is a month known: 00 is not one
		d.Year, d.Month, ok = datePart(s, 0), datePart(s, 5), s[4] == '-'
		ok = ok && d.Month != 0
	case 10:
		d.Year, d.Month, d.Day, ok = datePart(s, 0), datePart(s, 5), datePart(s, 8), s[4] == '-' && s[7] == '-'
		ok = ok && d.Month != 0 && d.Day != 0
	}
	if !ok || d.Year < 0 || d.Month < 0 || d.Day < 0 {
		return PartialDate{}, newError("", ErrDateInvalid, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if e := d.check(); e != nil {
		return PartialDate{}, e
	}
	return d, nil
}

// datePart reads the digits of YYYY-MM-DD that start at i (4 for the
// year, else 2), or gives -1.
func datePart(s string, i int) int {
	n := 2
	if i == 0 {
		n = 4
	}
	v, ok := digits(s[i : i+n])
	if !ok {
		return -1
	}
	return v
}

// digits reads a number of ASCII digits only (no sign, no space).
func digits(s string) (int, bool) {
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, s != ""
}

// check reports a date that does not exist (month 13, 31 April, year 0 with a month).
func (d PartialDate) check() *Error {
	if d.Year == 0 && (d.Month != 0 || d.Day != 0) ||
		d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 ||
		d.Month == 0 && d.Day != 0 ||
		d.Day != 0 && d.Day > daysIn(d.Year, d.Month) {
		return newError("", ErrDateInvalid, "the date does not exist")
	}
	return nil
}

// After reports whether the earliest day the date can stand for is after t's day.
func (d PartialDate) After(t time.Time) bool {
	if d.Year == 0 {
		return false
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	first := time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
	today := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return first.After(today)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
