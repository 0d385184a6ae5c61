package model

import (
	"errors"
	"testing"
	"unicode"
)

// computeTest is one person and the codice fiscale expected for them. The
// letters and digits were worked out by hand from the official rules (see
// the comments); the check characters were computed by a separate script
// written from the published tables, not with fcCheckChar, and agree with
// the codes already in fiscalCodeTests where the two overlap.
type computeTest struct {
	name             string
	family, given    string
	sex              Sex
	year, month, day int
	place            string
	want             string
}

var computeTests = []computeTest{
	{name: "textbook man", family: "Rossi", given: "Mario", sex: SexMale,
		year: 1985, month: 12, day: 10, place: "A562", want: "RSSMRA85T10A562S"},
	// BIANCHI → BNC; LAURA → consonants L,R then vowel A → LRA;
	// 1 January → A, day 01+40 = 41.
	{name: "woman day plus 40", family: "Bianchi", given: "Laura", sex: SexFemale,
		year: 1990, month: 1, day: 1, place: "H501", want: "BNCLRA90A41H501F"},
	// FO → F, O, then X; AL → L, A, then X; 2000 → 00; February → B;
	// 29 February 2000 exists (2000 is a leap year).
	{name: "short names padded with X", family: "Fo", given: "Al", sex: SexMale,
		year: 2000, month: 2, day: 29, place: "H501", want: "FOXLAX00B29H501B"},
	// VERDI → VRD; GIANFRANCO has the consonants G,N,F,R,N,C: six, so the
	// 1st, 3rd and 4th are taken: G,F,R. July → L.
	{name: "given name with 4+ consonants", family: "Verdi", given: "Gianfranco", sex: SexMale,
		year: 1972, month: 7, day: 4, place: "F205", want: "VRDGFR72L04F205V"},
	// DE LUCA → DELUCA → D,L,C; JOSÉ → JOSE → consonants J,S then the
	// first vowel O. March → C.
	{name: "accented and multi-word", family: "De Luca", given: "José", sex: SexMale,
		year: 1968, month: 3, day: 15, place: "L219", want: "DLCJSO68C15L219I"},
	// HOXHA → H,X,H; ARBËR → ARBER → R,B,R: exactly three consonants, so
	// the 4+ rule does not apply. September → P.
	{name: "foreign-born man", family: "Hoxha", given: "Arbër", sex: SexMale,
		year: 1988, month: 9, day: 3, place: "Z100", want: "HXHRBR88P03Z100Y"},
	// ŞAHIN → SAHIN → S,H,N; AYŞE → AYSE → consonants Y,S (Y is a
	// consonant) then the vowel A. November → S; day 30+40 = 70.
	{name: "foreign-born woman with cedillas", family: "Şahin", given: "Ayşe", sex: SexFemale,
		year: 1979, month: 11, day: 30, place: "Z243", want: "SHNYSA79S70Z243G"},
	// D'AMICO → DAMICO → D,M,C; ANNA-MARIA → ANNAMARIA → consonants
	// N,N,M,R: four, so the 1st, 3rd and 4th: N,M,R. April → D; 30+40 = 70.
	{name: "apostrophe and hyphen", family: "D'Amico", given: "Anna-Maria", sex: SexFemale,
		year: 2001, month: 4, day: 30, place: "F839", want: "DMCNMR01D70F839H"},
	// MÜLLER → MULLER → M,L,L (a family name takes the first three
	// consonants, never the 1st, 3rd and 4th); JÜRGEN → JURGEN → consonants
	// J,R,G,N: four, so J,G,N. August → M.
	{name: "umlauts and 4 consonants", family: "Müller", given: "Jürgen", sex: SexMale,
		year: 1960, month: 8, day: 31, place: "Z112", want: "MLLJGN60M31Z112H"},
	// STRAUSS from Strauß → S,T,R; SØREN → SOREN → S,R,N. June → H.
	{name: "sharp s and slashed o", family: "Strauß", given: "Søren", sex: SexMale,
		year: 1993, month: 6, day: 21, place: "Z107", want: "STRSRN93H21Z107H"},
	// NG → N,G and no vowel, then X; "李 Li": the Han character is dropped,
	// LI → L, I, X. May → E; 12+40 = 52.
	{name: "no vowels and other scripts", family: "Ng", given: "李 Li", sex: SexFemale,
		year: 1999, month: 5, day: 12, place: "Z210", want: "NGXLIX99E52Z210D"},
	// ORIO → consonant R then vowels O,I: ROI; UGO → G, U, O: GUO.
	{name: "vowel-heavy names", family: "Orio", given: "Ugo", sex: SexMale,
		year: 2003, month: 1, day: 1, place: "H501", want: "ROIGUO03A01H501Y"},
	{name: "case, spaces and lower-case place", family: "  rossi ", given: "MARIO", sex: SexMale,
		year: 1985, month: 12, day: 10, place: " a562 ", want: "RSSMRA85T10A562S"},
	{name: "upper-case accents", family: "ROSSÌ", given: "MÀRIO", sex: SexMale,
		year: 1985, month: 12, day: 10, place: "A562", want: "RSSMRA85T10A562S"},
}

func TestComputeFiscalCode(t *testing.T) {
	for _, tt := range computeTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ComputeFiscalCode(tt.family, tt.given, tt.sex, tt.year, tt.month, tt.day, tt.place)
			if err != nil {
				t.Fatalf("ComputeFiscalCode(%q, %q, %q, %d, %d, %d, %q): unexpected error %v",
					tt.family, tt.given, tt.sex, tt.year, tt.month, tt.day, tt.place, err)
			}
			if got != tt.want {
				t.Errorf("ComputeFiscalCode(%q, %q, %q, %d, %d, %d, %q) = %s, want %s",
					tt.family, tt.given, tt.sex, tt.year, tt.month, tt.day, tt.place, got, tt.want)
			}
			checkComputedParses(t, got, tt.sex, tt.year, tt.month, tt.day, tt.place)
		})
	}
}

// checkComputedParses checks that code parses and gives back the inputs.
func checkComputedParses(t *testing.T, code string, sex Sex, year, month, day int, place string) {
	t.Helper()
	fc, err := ParseFiscalCode(code)
	if err != nil {
		t.Fatalf("ParseFiscalCode(%q) of a computed code: %v", code, err)
	}
	p, _ := fccPlace(place)
	want := FiscalCode{Code: code, Year2: year % 100, Month: month, Day: day, Sex: sex, Place: p}
	if fc != want {
		t.Errorf("ParseFiscalCode(%q) = %+v, want %+v", code, fc, want)
	}
}

// TestComputeFiscalCodeRoundTrip computes the code of every day of a few
// years, for both sexes, and parses it back.
func TestComputeFiscalCodeRoundTrip(t *testing.T) {
	places := []string{"A001", "H501", "Z999", "L219"}
	names := [][2]string{{"Rossi", "Mario"}, {"Fo", "Al"}, {"Ñúñez", "Çağrı"}, {"X", "Y"}}
	n := 0
	for _, year := range []int{1900, 1999, 2000, 2004, 2023, 1} {
		for month := 1; month <= 12; month++ {
			for day := 1; day <= daysIn(year, month); day++ {
				for _, sex := range []Sex{SexFemale, SexMale} {
					place := places[n%len(places)]
					nm := names[n%len(names)]
					n++
					code, err := ComputeFiscalCode(nm[0], nm[1], sex, year, month, day, place)
					if err != nil {
						t.Fatalf("ComputeFiscalCode(%q, %q, %q, %d, %d, %d, %q): %v",
							nm[0], nm[1], sex, year, month, day, place, err)
					}
					checkComputedParses(t, code, sex, year, month, day, place)
				}
			}
		}
	}
}

func TestComputeFiscalCodeErrors(t *testing.T) {
	ok := computeTests[0]
	tests := []struct {
		name   string
		change func(*computeTest)
	}{
		{"sex unknown", func(c *computeTest) { c.sex = SexUnknown }},
		{"sex other", func(c *computeTest) { c.sex = SexOther }},
		{"sex lower case", func(c *computeTest) { c.sex = "m" }},
		{"month 0", func(c *computeTest) { c.month = 0 }},
		{"month 13", func(c *computeTest) { c.month = 13 }},
		{"day 0", func(c *computeTest) { c.day = 0 }},
		{"day 32", func(c *computeTest) { c.day = 32 }},
		{"negative day", func(c *computeTest) { c.day = -1 }},
		{"april 31", func(c *computeTest) { c.month, c.day = 4, 31 }},
		{"february 29 of 1900", func(c *computeTest) { c.year, c.month, c.day = 1900, 2, 29 }},
		{"february 29 of 2023", func(c *computeTest) { c.year, c.month, c.day = 2023, 2, 29 }},
		{"february 30 of 2000", func(c *computeTest) { c.year, c.month, c.day = 2000, 2, 30 }},
		{"year 0", func(c *computeTest) { c.year = 0 }},
		{"negative year", func(c *computeTest) { c.year = -1985 }},
		{"year 10000", func(c *computeTest) { c.year = 10000 }},
		{"empty place", func(c *computeTest) { c.place = "" }},
		{"place too short", func(c *computeTest) { c.place = "H50" }},
		{"place too long", func(c *computeTest) { c.place = "H5011" }},
		{"place all digits", func(c *computeTest) { c.place = "1501" }},
		{"place two letters", func(c *computeTest) { c.place = "HH01" }},
		{"omocodic place", func(c *computeTest) { c.place = "H5M1" }},
		{"place inner space", func(c *computeTest) { c.place = "H 501" }},
		{"place accented letter", func(c *computeTest) { c.place = "À501" }},
		{"place long s", func(c *computeTest) { c.place = "ſ501" }},
		{"empty family name", func(c *computeTest) { c.family = "" }},
		{"family name of punctuation", func(c *computeTest) { c.family = " '-' " }},
		{"family name of digits", func(c *computeTest) { c.family = "123" }},
		{"family name in Han", func(c *computeTest) { c.family = "李" }},
		{"empty given name", func(c *computeTest) { c.given = "" }},
		{"given name in Cyrillic", func(c *computeTest) { c.given = "Иван" }},
		{"given name in Arabic", func(c *computeTest) { c.given = "محمد" }},
		{"given name invalid UTF-8", func(c *computeTest) { c.given = "\xff\xfe" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.change(&c)
			got, err := ComputeFiscalCode(c.family, c.given, c.sex, c.year, c.month, c.day, c.place)
			if err == nil {
				t.Fatalf("ComputeFiscalCode(%q, %q, %q, %d, %d, %d, %q) = %s, want an error",
					c.family, c.given, c.sex, c.year, c.month, c.day, c.place, got)
			}
			if got != "" {
				t.Errorf("got %q with the error, want \"\"", got)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not an *Error", err, err)
			}
			if e.Field != "fiscal_code" || e.Code != ErrInvalid {
				t.Errorf("error field %q code %q, want fiscal_code %q", e.Field, e.Code, ErrInvalid)
			}
		})
	}
}

func TestFccLetters(t *testing.T) {
	tests := []struct{ in, want string }{
		{"De Luca", "DELUCA"},
		{"D'Amico-Rossi", "DAMICOROSSI"},
		{"àèéìòù ÀÈÉÌÒÙ", "AEEIOUAEEIOU"},
		{"ç ñ ş ă ë ș ț ł ø å", "CNSAESTLOA"},
		{"Ç Ñ Ş Ă Ë Ș Ț Ł Ø Å", "CNSAESTLOA"},
		{"Strauß Æsir Œuvre Þór", "STRAUSSAESIROEUVRETHOR"},
		{"Nguyễn Thị Đặng", "NGUYENTHIDANG"},
		{"İstanbul ılık", "ISTANBULILIK"},
		{"Иван 李 محمد 123 _!?", ""},
		{"ǅemal ǆ", "DZEMALDZ"},
	}
	for _, tt := range tests {
		if got := fccLetters(tt.in); got != tt.want {
			t.Errorf("fccLetters(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFccFoldCoverage checks the fold table: every entry is an upper-case
// letter (or one without an upper case) folding to A-Z, and every letter of
// Latin-1 Supplement and Latin Extended-A, in either case, folds to A-Z.
func TestFccFoldCoverage(t *testing.T) {
	for r, f := range fccFold {
		if !unicode.IsLetter(r) {
			t.Errorf("fold table entry %q is not a letter", r)
		}
		if unicode.IsLower(r) && unicode.ToUpper(r) != r {
			t.Errorf("fold table entry %q is lower case; list %q instead", r, unicode.ToUpper(r))
		}
		if fccLetters(string(r)) != f || f == "" {
			t.Errorf("fccLetters(%q) = %q, want %q", r, fccLetters(string(r)), f)
		}
		for i := 0; i < len(f); i++ {
			if !fcIsLetter(f[i]) {
				t.Errorf("fold of %q is %q, not A-Z", r, f)
			}
		}
		if l := unicode.ToLower(r); l != r && fccLetters(string(l)) != f {
			t.Errorf("fccLetters(%q) = %q, want %q like its upper case %q", l, fccLetters(string(l)), f, r)
		}
	}
	for r := rune(0xC0); r <= 0x17F; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		if fccLetters(string(r)) == "" {
			t.Errorf("Latin letter %q (U+%04X) is not folded", r, r)
		}
	}
}

func FuzzComputeFiscalCode(f *testing.F) {
	for _, tt := range computeTests {
		f.Add(tt.family, tt.given, string(tt.sex), tt.year, tt.month, tt.day, tt.place)
	}
	f.Add("", "", "", 0, 0, 0, "")
	f.Add("Иван", "李", "X", -1, 13, 32, "H5M1")
	f.Fuzz(func(t *testing.T, family, given, sex string, year, month, day int, place string) {
		code, err := ComputeFiscalCode(family, given, Sex(sex), year, month, day, place)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Field != "fiscal_code" || e.Code != ErrInvalid {
				t.Fatalf("error %v (%T) is not an *Error on fiscal_code with code %q", err, err, ErrInvalid)
			}
			if code != "" {
				t.Fatalf("got %q with the error %v", code, err)
			}
			return
		}
		if len(code) != 16 {
			t.Fatalf("code %q is not 16 characters long", code)
		}
		fc, perr := ParseFiscalCode(code)
		if perr != nil {
			t.Fatalf("ParseFiscalCode(%q) of a computed code: %v", code, perr)
		}
		p, _ := fccPlace(place)
		if fc.Year2 != year%100 || fc.Month != month || fc.Day != day || fc.Sex != Sex(sex) || fc.Place != p {
			t.Fatalf("ParseFiscalCode(%q) = %+v; inputs year %d month %d day %d sex %q place %q",
				code, fc, year, month, day, sex, place)
		}
	})
}
