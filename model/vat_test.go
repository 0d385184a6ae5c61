package model

import "testing"

// taxCodes are employer tax codes and the error code each gives ("" when
// valid), for ParsePartitaIVA (vat) and ParseEmployerTaxCode (cf).
var taxCodes = []struct {
	name, in   string
	vat, cf    string // error codes
	normalised string
}{
	{"valid", "12345670017", "", "", "12345670017"},
	{"valid with IT prefix and spaces", " IT 3141 5920 995 ", "", ErrFiscalCodeFormat, "31415920995"},
	{"valid, office 120", "76543211205", "", "", "76543211205"},
	{"valid, office 888", "27182818883", "", "", "27182818883"},
	{"wrong check digit", "12345670018", ErrVATCheck, ErrFiscalCodeCheck, ""},
	{"two digits swapped", "21345670017", ErrVATCheck, ErrFiscalCodeCheck, ""},
	{"ten digits", "1234567001", ErrVATFormat, ErrFiscalCodeFormat, ""},
	{"a letter", "1234567001A", ErrVATFormat, ErrFiscalCodeFormat, ""},
	{"office that gives none", "12345672005", ErrVATFormat, ErrFiscalCodeFormat, ""},
	{"number all zero", "00000000018", ErrVATFormat, ErrFiscalCodeFormat, ""},
	{"sole trader's personal code", "RSSMRA85T10A562S", ErrVATFormat, "", "RSSMRA85T10A562S"},
	{"personal code, wrong check", "RSSMRA85T10A562T", ErrVATFormat, ErrFiscalCodeCheck, ""},
	{"empty", "", ErrVATFormat, ErrFiscalCodeFormat, ""},
}

func TestPartitaIVAAndEmployerTaxCode(t *testing.T) {
	for _, c := range taxCodes {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParsePartitaIVA(c.in)
			if ErrorCode(err) != c.vat {
				t.Errorf("partita IVA %q: error %v, want code %q", c.in, err, c.vat)
			}
			if err == nil && got != c.normalised {
				t.Errorf("partita IVA %q = %q, want %q", c.in, got, c.normalised)
			}
			if err != nil && err.(*Error).Field != "vat_number" {
				t.Errorf("partita IVA error on field %q", err.(*Error).Field)
			}
			got, err = ParseEmployerTaxCode(c.in)
			if ErrorCode(err) != c.cf {
				t.Errorf("codice fiscale %q: error %v, want code %q", c.in, err, c.cf)
			}
			if err == nil && got != c.normalised {
				t.Errorf("codice fiscale %q = %q, want %q", c.in, got, c.normalised)
			}
		})
	}
}

func TestEmployerValidate(t *testing.T) {
	ok := Employer{Name: "Azienda Agricola Demo", VATNumber: "12345670017", Ateco: "01.13.10", CCNL: "agri",
		Email: "info@example.org"}
	for _, c := range []struct {
		name  string
		edit  func(e *Employer)
		field string
		code  string
	}{
		{"valid", func(e *Employer) {}, "", ""},
		{"household with a personal code only", func(e *Employer) { e.VATNumber, e.FiscalCode, e.Ateco = "", "RSSMRA85T10A562S", "T" }, "", ""},
		{"no name", func(e *Employer) { e.Name = " " }, "name", ErrRequired},
		{"no tax code at all", func(e *Employer) { e.VATNumber = "" }, "fiscal_code", ErrRequired},
		{"bad partita IVA", func(e *Employer) { e.VATNumber = "12345670018" }, "vat_number", ErrVATCheck},
		{"bad company codice fiscale", func(e *Employer) { e.FiscalCode = "12345670018" }, "fiscal_code", ErrFiscalCodeCheck},
		{"ATECO division that does not exist", func(e *Employer) { e.Ateco = "04.11" }, "ateco", ErrInvalid},
		{"ATECO badly written", func(e *Employer) { e.Ateco = "0113" }, "ateco", ErrInvalid},
		{"ATECO section", func(e *Employer) { e.Ateco = "a" }, "", ""},
		{"unknown CCNL", func(e *Employer) { e.CCNL = "metalworkers" }, "ccnl", ErrInvalid},
		{"bad e-mail", func(e *Employer) { e.Email = "not an address" }, "email", ErrInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := ok
			c.edit(&e)
			err := e.Validate()
			if c.code == "" {
				if err != nil {
					t.Fatalf("valid employer refused: %v", err)
				}
				return
			}
			var v ValidationErrors
			if !asValidation(err, &v) || v.Field(c.field) == nil || v.Field(c.field).Code != c.code {
				t.Errorf("error %v, want %s on %s", err, c.code, c.field)
			}
		})
	}
}

func asValidation(err error, v *ValidationErrors) bool {
	ve, ok := err.(ValidationErrors)
	*v = ve
	return ok
}

func FuzzParseEmployerTaxCode(f *testing.F) {
	for _, c := range taxCodes {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseEmployerTaxCode(s)
		if err != nil {
			if ErrorCode(err) == "" {
				t.Fatalf("%q: not a model error: %v", s, err)
			}
			return
		}
		if again, err := ParseEmployerTaxCode(code); err != nil || again != code {
			t.Fatalf("%q: normalised %q does not parse to itself (%q, %v)", s, code, again, err)
		}
	})
}
