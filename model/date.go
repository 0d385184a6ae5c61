package model

import (
	"fmt"
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
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ParsePartialDate reads YYYY, YYYY-MM or YYYY-MM-DD; the empty string gives
// the zero date.
func ParsePartialDate(s string) (PartialDate, error) {
	var d PartialDate
	if s == "" {
		return d, nil
	}
	var n int
	var err error
	switch len(s) {
	case 4:
		n, err = fmt.Sscanf(s, "%4d", &d.Year)
	case 7:
		n, err = fmt.Sscanf(s, "%4d-%2d", &d.Year, &d.Month)
	case 10:
		n, err = fmt.Sscanf(s, "%4d-%2d-%2d", &d.Year, &d.Month, &d.Day)
	default:
		return PartialDate{}, newError("", ErrDateInvalid, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if err != nil || n == 0 {
		return PartialDate{}, newError("", ErrDateInvalid, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if e := d.check(); e != nil {
		return PartialDate{}, e
	}
	return d, nil
}

// check reports a date that does not exist (month 13, 31 April, year 0 with a month).
func (d PartialDate) check() *Error {
	bad := newError("", ErrDateInvalid, "the date does not exist")
	switch {
	case d.Year == 0 && (d.Month != 0 || d.Day != 0):
		return bad
	case d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0:
		return bad
	case d.Month == 0 && d.Day != 0:
		return bad
	case d.Day != 0 && d.Day > daysIn(d.Year, d.Month):
		return bad
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
