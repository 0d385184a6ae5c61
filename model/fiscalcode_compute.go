package model

import (
	"fmt"
	"strings"
	"unicode"
)

// ComputeFiscalCode builds the codice fiscale of a person from family name,
// given names, sex (SexFemale or SexMale), birth date and birthplace code
// (a comune's codice catastale like "H501", or a foreign state's Z code like "Z100").
// It returns an *Error with Field "fiscal_code" and Code ErrInvalid when an input cannot be encoded
// (sex unknown, date impossible, place code not letter+3 digits, a name with no Latin letters at all).
//
// Names are read as the official rules say: accented Latin letters count as
// their base letter (à→A, ç→C, ß→SS, ...); spaces, apostrophes, hyphens and
// anything else that is not a Latin letter are dropped. The place code may
// be in lower case and surrounded by spaces. The result carries no omocodia:
// only the Agenzia delle Entrate can tell whether a code is already taken.
func ComputeFiscalCode(family, given string, sex Sex, year, month, day int, place string) (string, error) {
	fam := fccLetters(family)
	if fam == "" {
		return "", fccError("the family name contains no Latin letters")
	}
	giv := fccLetters(given)
	if giv == "" {
		return "", fccError("the given names contain no Latin letters")
	}
	if sex != SexFemale && sex != SexMale {
		return "", fccError("the sex must be F or M to compute a codice fiscale")
	}
	if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) {
		return "", fccError(fmt.Sprintf("the birth date %04d-%02d-%02d does not exist", year, month, day))
	}
	p, ok := fccPlace(place)
	if !ok {
		return "", fccError("the birthplace code must be a letter and three digits, like H501 or Z100")
	}
	if sex == SexFemale {
		day += 40
	}
	code := fmt.Sprintf("%s%s%02d%c%02d%s",
		fccFamilyPart(fam), fccGivenPart(giv), year%100, fcMonthLetters[month-1], day, p)
	return code + string(fcCheckChar(code)), nil
}

// fccError is an ErrInvalid error on the fiscal code field.
func fccError(msg string) *Error {
	return newError(fcField, ErrInvalid, msg)
}

// fccPlace trims and upper-cases a birthplace code and checks that it is an
// ASCII letter followed by three digits.
func fccPlace(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 4 {
		return "", false
	}
	b := []byte(s)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	if !fcIsLetter(b[0]) || !fcIsDigit(b[1]) || !fcIsDigit(b[2]) || !fcIsDigit(b[3]) {
		return "", false
	}
	return string(b), true
}

// fccFamilyPart is the three letters of the family name: consonants, then
// vowels, then X.
func fccFamilyPart(letters string) string {
	cons, vows := fccSplit(letters)
	return (cons + vows + "XXX")[:3]
}

// fccGivenPart is the three letters of the given names: the 1st, 3rd and
// 4th consonant when there are four or more, otherwise as for the family name.
func fccGivenPart(letters string) string {
	cons, vows := fccSplit(letters)
	if len(cons) >= 4 {
		return cons[0:1] + cons[2:4]
	}
	return (cons + vows + "XXX")[:3]
}

// fccSplit separates the consonants and the vowels of an A-Z string, each
// in its original order.
func fccSplit(letters string) (cons, vows string) {
	var c, v strings.Builder
	for i := 0; i < len(letters); i++ {
		switch letters[i] {
		case 'A', 'E', 'I', 'O', 'U':
			v.WriteByte(letters[i])
		default:
			c.WriteByte(letters[i])
		}
	}
	return c.String(), v.String()
}

// fccLetters folds s to its Latin letters A-Z: ASCII letters are
// upper-cased, letters with diacritics and ligatures are folded with
// fccFold, and everything else (spaces, apostrophes, hyphens, digits, other
// scripts) is dropped.
func fccLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - ('a' - 'A'))
		case r < 0x80:
			// other ASCII: spaces, punctuation, digits
		default:
			if f, ok := fccFold[r]; ok {
				b.WriteString(f)
			} else if u := unicode.ToUpper(r); u >= 'A' && u <= 'Z' {
				b.WriteRune(u) // dotless ı, long ſ
			} else if f, ok := fccFold[u]; ok {
				b.WriteString(f)
			}
		}
	}
	return b.String()
}

// fccFoldBase lists, for each base letter, the upper-case Latin letters with
// diacritics that fold to it; lower-case letters are folded through
// unicode.ToUpper, which also turns ı and ſ into I and S. The list covers Latin-1, Latin Extended-A, the common
// letters of Latin Extended-B (Romanian Ș Ț, Vietnamese Ơ Ư, ...) and the
// Vietnamese letters of Latin Extended Additional.
var fccFoldBase = map[string]string{
	"A": "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦȺẠẢẤẦẨẪẬẮẰẲẴẶ",
	"B": "ƁḂḄḆ",
	"C": "ÇĆĈĊČƇȻḈ",
	"D": "ÐĎĐƊḊḌḎḐḒ",
	"E": "ÈÉÊËĒĔĖĘĚȄȆȨɆẸẺẼẾỀỂỄỆ",
	"F": "ƑḞ",
	"G": "ĜĞĠĢƓǤǦǴḠ",
	"H": "ĤĦȞḢḤḦḨḪ",
	"I": "ÌÍÎÏĨĪĬĮİƗǏȈȊḬḮỈỊ",
	"J": "ĴɈ",
	"K": "ĶĸƘǨḰḲḴ", // ĸ (kra) has no upper case
	"L": "ĹĻĽĿŁȽḶḸḺḼ",
	"M": "ḾṀṂ",
	"N": "ÑŃŅŇŊǸṄṆṈṊŉ", // ŉ has no single upper case
	"O": "ÒÓÔÕÖØŌŎŐƟƠǑǪǬǾȌȎȪȬȮȰỌỎỐỒỔỖỘỚỜỞỠỢ",
	"P": "ƤṔṖ",
	"Q": "Ɋ",
	"R": "ŔŖŘȐȒɌṘṚṜṞ",
	"S": "ŚŜŞŠȘṠṢṤṦṨ",
	"T": "ŢŤŦƬƮȚȾṪṬṮṰ",
	"U": "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖɄṲṴṶṸṺỤỦỨỪỬỮỰ",
	"V": "ƲṼṾ",
	"W": "ŴẀẂẄẆẈ",
	"X": "ẊẌ",
	"Y": "ÝŶŸƳȲɎẎỲỴỶỸ",
	"Z": "ŹŻŽƵȤẐẒẔ",
	// Ligatures and letters without a decomposition.
	"AE": "ÆǢǼ",
	"OE": "Œ",
	"SS": "ßẞ", // ß has no single upper case in unicode.ToUpper
	"IJ": "Ĳ",
	"TH": "Þ",
	"DZ": "ǄǱ",
	"LJ": "Ǉ",
	"NJ": "Ǌ",
}

// fccFold maps a Latin letter with a diacritic (or a ligature) to its
// A-Z letters; built from fccFoldBase.
var fccFold = func() map[rune]string {
	m := make(map[rune]string)
	for base, letters := range fccFoldBase {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
