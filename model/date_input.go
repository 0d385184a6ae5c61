package model

import (
	"regexp"
	"strconv"
	"strings"
)

// dayFirst is a date written day first, the Italian way: 20/12/2026,
// 5/1/26, 20.12.2026, 20-12-2026; and month/year alone: 05/1990.
var (
	dayFirst  = regexp.MustCompile(`^(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{2}|\d{4})$`)
	monthYear = regexp.MustCompile(`^(\d{1,2})[/.](\d{4})$`)
	isoDate   = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
)

// ReadDate reads a date as people type it: day first with slashes, dots
// or dashes (20/12/2026, 5/1/26, 20.12.2026), month and year (05/1990), or
// ISO (2026-12-20, 1990-05, 1990). A two-digit year is 2000-2068 up to 68
// and 1969-1999 from 69. Anything else, or a day that does not exist, is
// refused: a date is never saved different from what was typed.
func ReadDate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	bad := newError("", ErrDateInvalid, "write the date as dd/mm/yyyy (or yyyy-mm-dd, mm/yyyy, yyyy)")
	switch {
	case s == "":
		return PartialDate{}, nil
	case isoDate.MatchString(s):
		d, err := ParsePartialDate(s)
		if err == nil && (d.Year < minYear || d.Year > maxYear) {
			return PartialDate{}, bad
		}
		return d, err
	}
	var d PartialDate
	if m := dayFirst.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		d.Day, _ = strconv.Atoi(m[1])
		d.Month, _ = strconv.Atoi(m[3])
		d.Year, _ = strconv.Atoi(m[5])
		if len(m[5]) == 2 {
			d.Year += 2000
			if d.Year > 2068 {
				d.Year -= 100
			}
		}
	} else if m := monthYear.FindStringSubmatch(s); m != nil {
		d.Month, _ = strconv.Atoi(m[1])
		d.Year, _ = strconv.Atoi(m[2])
	} else {
		return PartialDate{}, bad
	}
	if m := dayFirst.FindStringSubmatch(s); m != nil && d.Day == 0 || d.Month == 0 || d.Year < minYear || d.Year > maxYear {
		return PartialDate{}, bad
	}
	if e := d.check(); e != nil {
		return PartialDate{}, e
	}
	return d, nil
}

// The years a date typed at the desk can have: births from 1900, deadlines
// up to 2200; "0020" is a slip of the keyboard, not a year.
const (
	minYear = 1900
	maxYear = 2200
)

// Italian writes the date the Italian way: 20/12/2026, 05/1990 or 1990.
func (d PartialDate) Italian() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return pad2(d.Month) + "/" + strconv.Itoa(d.Year)
	}
	return pad2(d.Day) + "/" + pad2(d.Month) + "/" + strconv.Itoa(d.Year)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ReadAmount reads an amount of euros as people type it into cents: 150,50
// or 150.50; 1.250,00 or 1,250.00 or 1.250 with thousands; 150. Anything
// else is refused (150,505 could be either).
func ReadAmount(s string) (int64, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€"))
	bad := newError("", ErrInvalid, "write the amount as 150,50")
	if s == "" {
		return 0, nil
	}
	m := amountPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, bad
	}
	whole, cents := m[1], m[4]
	if sep := m[3]; sep != "" && strings.Contains(whole, sep) {
		return 0, bad // the same sign for thousands and decimals
	}
	if cents == "" && strings.Contains(whole, ",") {
		return 0, bad // 1,250: a thousands comma without decimals is ambiguous in Italian
	}
	whole = strings.NewReplacer(".", "", ",", "").Replace(whole)
	for len(cents) < 2 {
		cents += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1e9 {
		return 0, bad
	}
	c, _ := strconv.ParseInt(cents, 10, 64)
	return w*100 + c, nil
}

// amountPattern is the whole euros, plain or with thousands separated by
// dots or commas (all the same), then up to two decimals after a comma or
// a dot.
var amountPattern = regexp.MustCompile(`^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)(([.,])(\d{1,2}))?$`)
