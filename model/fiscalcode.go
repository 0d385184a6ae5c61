package model

import (
	"fmt"
	"strings"
	"unicode"
)

// FiscalCode is a decoded codice fiscale.
type FiscalCode struct {
	Code      string // normalised: upper case, no spaces
	Temporary bool   // an 11-digit numeric temporary code (codice fiscale provvisorio)
	Year2     int    // last two digits of the birth year (0-99); 0 for temporary codes
	Month     int    // 1-12; 0 for temporary codes
	Day       int    // 1-31 (the +40 for women already removed); 0 for temporary codes
	Sex       Sex    // SexFemale or SexMale; "" for temporary codes
	Place     string // birthplace code, e.g. "H501" (Rome) or "Z100" (Albania), omocodia undone; "" for temporary
}

// ForeignBorn reports whether the birthplace code is a foreign state (a Z code).
func (f FiscalCode) ForeignBorn() bool {
	return strings.HasPrefix(f.Place, "Z")
}

const fcField = "fiscal_code"

// fcMonthLetters maps the month letter to its month: index 0 is January.
const fcMonthLetters = "ABCDEHLMPRST"

// fcOmocodiaLetters replaces the digits 0-9 in an omocodic code.
const fcOmocodiaLetters = "LMNPQRSTUV"

// fcDigitPositions are the indices of the digits that omocodia may replace.
var fcDigitPositions = [...]int{6, 7, 9, 10, 12, 13, 14}

// fcCheckOdd is the value of 0-9 and A-Z at the odd (1st, 3rd, ...) positions
// in the check character computation; at even positions 0-9 are worth 0-9
// and A-Z 0-25.
var fcCheckOdd = [36]int{
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
	1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // A-J
	2, 4, 18, 20, 11, 3, 6, 8, 12, 14, // K-T
	16, 10, 22, 25, 24, 23, // U-Z
}

// fcDaysInMonth allows February 29, as the year's century is unknown.
var fcDaysInMonth = [12]int{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// ParseFiscalCode normalises s (trim, remove inner spaces, upper-case) and checks it.
//
// It accepts a 16-character codice fiscale, omocodic ones included, and an
// 11-digit temporary code. The error is always an *Error with Field
// "fiscal_code" and Code ErrFiscalCodeFormat or ErrFiscalCodeCheck.
func ParseFiscalCode(s string) (FiscalCode, error) {
	code, err := fcNormalise(s)
	if err != nil {
		return FiscalCode{}, err
	}
	switch len(code) {
	case 11:
		return fcParseTemporary(code)
	case 16:
		return fcParseFull(code)
	}
	return FiscalCode{}, fcFormatError("the codice fiscale must be 16 characters long (or 11 digits for a temporary code), not %d", len(code))
}

// fcNormalise drops white space and upper-cases ASCII letters; any
// character other than an ASCII letter or digit is an error.
func fcNormalise(s string) (string, *Error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		default:
			return "", fcFormatError("the codice fiscale contains the invalid character %q", r)
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "", fcFormatError("the codice fiscale is empty")
	}
	return b.String(), nil
}

// fcParseTemporary checks an 11-digit temporary code, whose last
// digit is computed like that of a partita IVA.
func fcParseTemporary(code string) (FiscalCode, error) {
	sum := 0
	for i := 0; i < 11; i++ {
		if !fcIsDigit(code[i]) {
			return FiscalCode{}, fcFormatError("an 11-character codice fiscale (temporary code) must contain only digits")
		}
		if i == 10 {
			break
		}
		d := int(code[i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	if code[10] != byte('0'+(10-sum%10)%10) {
		return FiscalCode{}, fcCheckError("the last digit of the temporary codice fiscale does not match the others: check for a typing error")
	}
	// Digits 1-7 number the code in its office, never all zero; digits
	// 8-10 are the office of the Agenzia delle Entrate that gave it:
	// 001 to 100, 120, 121, 888 or 999.
	office := (int(code[7]-'0')*10+int(code[8]-'0'))*10 + int(code[9]-'0')
	if code[:7] == "0000000" || !(office >= 1 && office <= 100 || office == 120 || office == 121 || office == 888 ||
		office == 999) {
		return FiscalCode{}, fcFormatError("this temporary codice fiscale cannot have been issued: check for a typing error")
	}
	return FiscalCode{Code: code, Temporary: true}, nil
}

// fcParseFull checks and decodes a 16-character code.
func fcParseFull(code string) (FiscalCode, error) {
	for i := 0; i < 6; i++ {
		if !fcIsLetter(code[i]) {
			return FiscalCode{}, fcFormatError("character %d of the codice fiscale must be a letter (surname and name part)", i+1)
		}
	}
	// Undo omocodia on a copy, keeping the code as written for the check.
	plain := []byte(code)
	for _, i := range fcDigitPositions {
		c := code[i]
		if fcIsDigit(c) {
			continue
		}
		d := strings.IndexByte(fcOmocodiaLetters, c)
		if d < 0 {
			return FiscalCode{}, fcFormatError("character %d of the codice fiscale must be a digit or one of the letters %s", i+1, fcOmocodiaLetters)
		}
		plain[i] = byte('0' + d)
	}
	month := strings.IndexByte(fcMonthLetters, code[8]) + 1
	if month == 0 {
		return FiscalCode{}, fcFormatError("the month letter %c of the codice fiscale is not one of %s", code[8], fcMonthLetters)
	}
	day := fcTwoDigits(plain[9:11])
	sex := SexMale
	if day > 40 {
		day -= 40
		sex = SexFemale
	}
	if day < 1 || day > 31 {
		return FiscalCode{}, fcFormatError("the birth day %s in the codice fiscale must be 01-31 (men) or 41-71 (women)", plain[9:11])
	}
	if day > fcDaysInMonth[month-1] {
		return FiscalCode{}, fcFormatError("the birth date in the codice fiscale does not exist: month %d has no day %d", month, day)
	}
	if !fcIsLetter(code[11]) {
		return FiscalCode{}, fcFormatError("the birthplace code in the codice fiscale must start with a letter")
	}
	if !fcIsLetter(code[15]) {
		return FiscalCode{}, fcFormatError("the last character of the codice fiscale must be a letter")
	}
	if code[15] != fcCheckChar(code[:15]) {
		return FiscalCode{}, fcCheckError("the check character of the codice fiscale does not match the others: check for a typing error")
	}
	return FiscalCode{
		Code:  code,
		Year2: fcTwoDigits(plain[6:8]),
		Month: month,
		Day:   day,
		Sex:   sex,
		Place: string(plain[11:15]),
	}, nil
}

// fcCheckChar computes the check character of the first 15
// characters (upper-case letters and digits) of a codice fiscale.
func fcCheckChar(s string) byte {
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v int // position in 0-9A-Z, or value at even positions
		if fcIsDigit(c) {
			v = int(c - '0')
		} else {
			v = int(c - 'A')
		}
		if i%2 == 0 { // 1st, 3rd, ... character
			k := v
			if !fcIsDigit(c) {
				k += 10
			}
			v = fcCheckOdd[k]
		}
		sum += v
	}
	return byte('A' + sum%26)
}

func fcTwoDigits(b []byte) int { return int(b[0]-'0')*10 + int(b[1]-'0') }

func fcIsDigit(c byte) bool { return c >= '0' && c <= '9' }

func fcIsLetter(c byte) bool { return c >= 'A' && c <= 'Z' }

// fcFormatError is an ErrFiscalCodeFormat error on the fiscal code field.
func fcFormatError(format string, args ...any) *Error {
	return newError(fcField, ErrFiscalCodeFormat, fmt.Sprintf(format, args...))
}

// fcCheckError is an ErrFiscalCodeCheck error on the fiscal code field.
func fcCheckError(msg string) *Error {
	return newError(fcField, ErrFiscalCodeCheck, msg)
}
