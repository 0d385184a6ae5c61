package exchange

// formatSure are quick checks of the formats every record has, for the
// shape json.Marshal gives them: each is sure of a subset of what the full
// validator's format accepts (santhosh-tekuri's validateDate, the layout
// 2006-01-02 of time.Parse, and validateDateTime, RFC 3339) and leaves the
// rest to it (TestFormatSure).
var formatSure = map[string]func(text []byte) bool{
	"date": func(t []byte) bool { return len(t) == 10 && sureDate(t) },
	// 2026-12-06T23:41:01Z, 2026-12-06T23:41:01.5Z: no offset, no leap second.
	"date-time": func(t []byte) bool {
		if len(t) < 20 || t[10] != 'T' || t[len(t)-1] != 'Z' || !sureDate(t[:10]) {
			return false
		}
		hms, frac := t[11:19], t[19:len(t)-1]
		if hms[2] != ':' || hms[5] != ':' || !digitsAt(hms, 0, 1, 3, 4, 6, 7) ||
			twoDigits(hms[0:]) > 23 || twoDigits(hms[3:]) > 59 || twoDigits(hms[6:]) > 59 {
			return false
		}
		if len(frac) == 0 {
			return true
		}
		if len(frac) < 2 || frac[0] != '.' {
			return false
		}
		for _, c := range frac[1:] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	},
}

// sureDate: YYYY-MM-DD, a day the month has (29 February in leap years).
func sureDate(t []byte) bool {
	if t[4] != '-' || t[7] != '-' || !digitsAt(t, 0, 1, 2, 3, 5, 6, 8, 9) {
		return false
	}
	year := twoDigits(t)*100 + twoDigits(t[2:])
	month, day := twoDigits(t[5:]), twoDigits(t[8:])
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

func digitsAt(t []byte, at ...int) bool {
	for _, i := range at {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

func twoDigits(t []byte) int { return int(t[0]-'0')*10 + int(t[1]-'0') }
