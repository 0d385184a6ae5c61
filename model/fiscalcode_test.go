package model

import (
	"errors"
	"testing"
)

// All codes below are fictional; their check characters were computed
// independently of ParseFiscalCode. RSSMRA85T10A562S is the usual textbook
// example.
var fiscalCodeTests = []struct {
	name    string
	in      string
	want    FiscalCode
	wantErr string // error code; "" when the code is valid
}{
	{name: "textbook man", in: "RSSMRA85T10A562S",
		want: FiscalCode{Code: "RSSMRA85T10A562S", Year2: 85, Month: 12, Day: 10, Sex: SexMale, Place: "A562"}},
	{name: "woman day plus 40", in: "BNCLRA90A41H501F",
		want: FiscalCode{Code: "BNCLRA90A41H501F", Year2: 90, Month: 1, Day: 1, Sex: SexFemale, Place: "H501"}},
	{name: "woman day 71", in: "BNCLRA90A71H501I",
		want: FiscalCode{Code: "BNCLRA90A71H501I", Year2: 90, Month: 1, Day: 31, Sex: SexFemale, Place: "H501"}},
	{name: "omocodia last digit", in: "RSSMRA85T10A56NH",
		want: FiscalCode{Code: "RSSMRA85T10A56NH", Year2: 85, Month: 12, Day: 10, Sex: SexMale, Place: "A562"}},
	{name: "omocodia two digits", in: "RSSMRA85T10A5SNT",
		want: FiscalCode{Code: "RSSMRA85T10A5SNT", Year2: 85, Month: 12, Day: 10, Sex: SexMale, Place: "A562"}},
	{name: "omocodia all digits", in: "RSSMRAURTMLARSNL",
		want: FiscalCode{Code: "RSSMRAURTMLARSNL", Year2: 85, Month: 12, Day: 10, Sex: SexMale, Place: "A562"}},
	{name: "foreign-born woman", in: "SLMFTM95E52Z330X",
		want: FiscalCode{Code: "SLMFTM95E52Z330X", Year2: 95, Month: 5, Day: 12, Sex: SexFemale, Place: "Z330"}},
	{name: "foreign-born man", in: "DLLMDU88P03Z100U",
		want: FiscalCode{Code: "DLLMDU88P03Z100U", Year2: 88, Month: 9, Day: 3, Sex: SexMale, Place: "Z100"}},
	{name: "year 00", in: "KHNMHM00M15Z222K",
		want: FiscalCode{Code: "KHNMHM00M15Z222K", Year2: 0, Month: 8, Day: 15, Sex: SexMale, Place: "Z222"}},
	{name: "february 29", in: "RSSMRA84B29A562Y",
		want: FiscalCode{Code: "RSSMRA84B29A562Y", Year2: 84, Month: 2, Day: 29, Sex: SexMale, Place: "A562"}},
	{name: "lower case and spaces", in: "  rss mra 85t10\ta562s ",
		want: FiscalCode{Code: "RSSMRA85T10A562S", Year2: 85, Month: 12, Day: 10, Sex: SexMale, Place: "A562"}},
	{name: "temporary", in: "12345670587",
		want: FiscalCode{Code: "12345670587", Temporary: true}},
	{name: "temporary with spaces", in: " 123 456 705 87 ",
		want: FiscalCode{Code: "12345670587", Temporary: true}},
	{name: "temporary of office 120", in: "00123451205", want: FiscalCode{Code: "00123451205", Temporary: true}},
	{name: "temporary of office 999", in: "12345679992", want: FiscalCode{Code: "12345679992", Temporary: true}},
	{name: "temporary all zeros", in: "00000000000", wantErr: ErrFiscalCodeFormat},
	{name: "temporary numbered zero", in: "00000000588", wantErr: ErrFiscalCodeFormat},
	{name: "temporary of an office that does not exist", in: "12345678903", wantErr: ErrFiscalCodeFormat},

	{name: "empty", in: "", wantErr: ErrFiscalCodeFormat},
	{name: "only spaces", in: "   ", wantErr: ErrFiscalCodeFormat},
	{name: "too short", in: "RSSMRA85T10A562", wantErr: ErrFiscalCodeFormat},
	{name: "too long", in: "RSSMRA85T10A562SX", wantErr: ErrFiscalCodeFormat},
	{name: "wrong month letter", in: "RSSMRA85F10A562R", wantErr: ErrFiscalCodeFormat},
	{name: "day 32", in: "RSSMRA85T32A562Y", wantErr: ErrFiscalCodeFormat},
	{name: "day 00", in: "RSSMRA85T00A562R", wantErr: ErrFiscalCodeFormat},
	{name: "day 40", in: "RSSMRA85T40A562V", wantErr: ErrFiscalCodeFormat},
	{name: "day 72", in: "RSSMRA85T72A562C", wantErr: ErrFiscalCodeFormat},
	{name: "february 30", in: "RSSMRA85B30A562G", wantErr: ErrFiscalCodeFormat},
	{name: "april 31", in: "RSSMRA85D31A562M", wantErr: ErrFiscalCodeFormat},
	{name: "digit as place letter", in: "RSSMRA85T101562T", wantErr: ErrFiscalCodeFormat},
	{name: "bad omocodia letter", in: "RSSMRA85T10A56AO", wantErr: ErrFiscalCodeFormat},
	{name: "digit in name part", in: "RSSMR185T10A562S", wantErr: ErrFiscalCodeFormat},
	{name: "symbol", in: "RSSMRA85T10A56#S", wantErr: ErrFiscalCodeFormat},
	{name: "accented letter", in: "RSSMRÀ85T10A562S", wantErr: ErrFiscalCodeFormat},
	{name: "dotless i", in: "RSSMRA85T10A562ı", wantErr: ErrFiscalCodeFormat},
	{name: "digit as check character", in: "RSSMRA85T10A5620", wantErr: ErrFiscalCodeFormat},
	{name: "wrong check character", in: "RSSMRA85T10A562T", wantErr: ErrFiscalCodeCheck},
	{name: "omocodia with plain check character", in: "RSSMRA85T10A56NS", wantErr: ErrFiscalCodeCheck},
	{name: "swapped letters", in: "SRSMRA85T10A562S", wantErr: ErrFiscalCodeCheck},
	{name: "temporary wrong check digit", in: "12345678901", wantErr: ErrFiscalCodeCheck},
	{name: "temporary with letter", in: "1234567890A", wantErr: ErrFiscalCodeFormat},
	{name: "twelve digits", in: "123456789031", wantErr: ErrFiscalCodeFormat},
}

func TestParseFiscalCode(t *testing.T) {
	for _, tt := range fiscalCodeTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFiscalCode(tt.in)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseFiscalCode(%q): unexpected error %v", tt.in, err)
				}
				if got != tt.want {
					t.Errorf("ParseFiscalCode(%q) = %+v, want %+v", tt.in, got, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseFiscalCode(%q) = %+v, want error %s", tt.in, got, tt.wantErr)
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("ParseFiscalCode(%q): error %T is not *Error", tt.in, err)
			}
			if e.Code != tt.wantErr || e.Field != "fiscal_code" || e.Message == "" {
				t.Errorf("ParseFiscalCode(%q): error %+v, want code %s on field fiscal_code", tt.in, *e, tt.wantErr)
			}
			if got != (FiscalCode{}) {
				t.Errorf("ParseFiscalCode(%q) returned %+v with an error", tt.in, got)
			}
		})
	}
}

func TestFiscalCodeForeignBorn(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"RSSMRA85T10A562S", false},
		{"SLMFTM95E52Z330X", true},
		{"12345670587", false},
	}
	for _, tt := range tests {
		f, err := ParseFiscalCode(tt.in)
		if err != nil {
			t.Fatalf("ParseFiscalCode(%q): %v", tt.in, err)
		}
		if got := f.ForeignBorn(); got != tt.want {
			t.Errorf("ForeignBorn(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFiscalCodeCheckChar(t *testing.T) {
	// Every valid code must keep its check character when re-computed, and
	// every other final letter must be rejected as a check error.
	for _, tt := range fiscalCodeTests {
		if tt.wantErr != "" || tt.want.Temporary {
			continue
		}
		code := tt.want.Code
		for c := byte('A'); c <= 'Z'; c++ {
			if c == code[15] {
				continue
			}
			_, err := ParseFiscalCode(code[:15] + string(c))
			var e *Error
			if !errors.As(err, &e) || e.Code != ErrFiscalCodeCheck {
				t.Errorf("%s%c: got %v, want a check error", code[:15], c, err)
			}
		}
	}
}

func FuzzParseFiscalCode(f *testing.F) {
	for _, tt := range fiscalCodeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFiscalCode(s)
		if err != nil {
			e, ok := err.(*Error)
			if !ok || e.Field != "fiscal_code" || e.Message == "" ||
				(e.Code != ErrFiscalCodeFormat && e.Code != ErrFiscalCodeCheck) {
				t.Fatalf("ParseFiscalCode(%q): bad error %#v", s, err)
			}
			return
		}
		again, err := ParseFiscalCode(got.Code)
		if err != nil || again != got {
			t.Fatalf("re-parsing %q: got %+v, %v; want %+v", got.Code, again, err, got)
		}
		switch len(got.Code) {
		case 11:
			if !got.Temporary {
				t.Fatalf("ParseFiscalCode(%q): 11-character code not temporary", s)
			}
		case 16:
			if got.Temporary || got.Month < 1 || got.Month > 12 || got.Day < 1 || got.Day > 31 ||
				got.Year2 < 0 || got.Year2 > 99 || len(got.Place) != 4 ||
				(got.Sex != SexFemale && got.Sex != SexMale) {
				t.Fatalf("ParseFiscalCode(%q) = %+v: fields out of range", s, got)
			}
		default:
			t.Fatalf("ParseFiscalCode(%q) = %+v: code length %d", s, got, len(got.Code))
		}
	})
}
