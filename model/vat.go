package model

import (
	"strings"
	"unicode"
)

// ParsePartitaIVA checks an Italian VAT number (partita IVA): 11 digits,
// the first seven numbering the business in its office (never all zero),
// the next three the office of the Agenzia delle Entrate (001 to 100, 120,
// 121, 888 or 999), the last a check digit computed with the Luhn rule.
// Spaces and an "IT" prefix are dropped. Errors have Field "vat_number".
func ParsePartitaIVA(s string) (string, error) {
	code := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	code = strings.TrimPrefix(strings.ToUpper(code), "IT")
	if len(code) != 11 || strings.Trim(code, "0123456789") != "" {
		return "", newError("vat_number", ErrVATFormat, "a partita IVA has 11 digits")
	}
	if code[10] != luhnDigit(code[:10]) {
		return "", newError("vat_number", ErrVATCheck,
			"the last digit of the partita IVA does not match the others: check for a typing error")
	}
	office := (int(code[7]-'0')*10+int(code[8]-'0'))*10 + int(code[9]-'0')
	if code[:7] == "0000000" || !(office >= 1 && office <= 100 || office == 120 || office == 121 || office == 888 ||
		office == 999) {
		return "", newError("vat_number", ErrVATFormat, "this partita IVA cannot have been issued: check for a typing error")
	}
	return code, nil
}

// luhnDigit is the check digit of ten digits as the partita IVA computes
// it: the digits in odd places summed as they are, those in even places
// doubled (less 9 when above 9), the check the complement to ten.
func luhnDigit(digits string) byte {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// ParseEmployerTaxCode checks an employer's codice fiscale: a company's is
// numeric, 11 digits, and follows the partita IVA's rule; a sole trader's
// or a household's is a person's 16-character code, checked as a person's
// is. It gives the code normalised. Errors have Field "fiscal_code".
func ParseEmployerTaxCode(s string) (string, error) {
	trimmed := strings.Join(strings.Fields(s), "")
	if len(trimmed) == 11 && strings.Trim(trimmed, "0123456789") == "" {
		code, err := ParsePartitaIVA(trimmed)
		if e, ok := err.(*Error); ok {
			code := ErrFiscalCodeFormat
			if e.Code == ErrVATCheck {
				code = ErrFiscalCodeCheck
			}
			return "", newError("fiscal_code", code, e.Message)
		}
		return code, err
	}
	fc, err := ParseFiscalCode(trimmed)
	if err != nil {
		return "", err
	}
	return fc.Code, nil
}
