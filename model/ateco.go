package model

import (
	"regexp"
	"strings"
)

// AtecoDivisions gives, for each section of ATECO 2007, its divisions (the
// two-digit codes under it), as ISTAT numbers them: 88 divisions from 01 to
// 99, with gaps. A test checks the table against the ISTAT list in
// ../shared/reference.
var AtecoDivisions = map[string][]string{
	"A": {"01", "02", "03"}, "B": {"05", "06", "07", "08", "09"},
	"C": {"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26",
		"27", "28", "29", "30", "31", "32", "33"},
	"D": {"35"}, "E": {"36", "37", "38", "39"}, "F": {"41", "42", "43"}, "G": {"45", "46", "47"},
	"H": {"49", "50", "51", "52", "53"}, "I": {"55", "56"}, "J": {"58", "59", "60", "61", "62", "63"},
	"K": {"64", "65", "66"}, "L": {"68"}, "M": {"69", "70", "71", "72", "73", "74", "75"},
	"N": {"77", "78", "79", "80", "81", "82"}, "O": {"84"}, "P": {"85"}, "Q": {"86", "87", "88"},
	"R": {"90", "91", "92", "93"}, "S": {"94", "95", "96"}, "T": {"97", "98"}, "U": {"99"},
}

// atecoCodeRE is an ATECO 2007 code below the section: a division (01), a
// group (01.1), a class (01.11), a category (01.11.1) or a subcategory
// (01.11.10).
var atecoCodeRE = regexp.MustCompile(`^[0-9]{2}(\.[0-9]([0-9](\.[0-9]{1,2})?)?)?$`)

// AtecoCodeSection finds the ATECO 2007 section of a code: a section's
// letter, or a numeric code whose division exists. Only the division of a
// longer code is checked: the project embeds the sections and divisions of
// ATECO 2007, not its 3,000 finer codes.
func AtecoCodeSection(code string) (Code, bool) {
	code = strings.TrimSpace(code)
	if s, ok := AtecoSection(code); ok {
		return s, true
	}
	if !atecoCodeRE.MatchString(code) {
		return Code{}, false
	}
	for section, divisions := range AtecoDivisions {
		if oneOf(code[:2], divisions) {
			return AtecoSection(section)
		}
	}
	return Code{}, false
}
