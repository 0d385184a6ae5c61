package model

import (
	"testing"
	"time"
)

var now = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

func TestPersonValidate(t *testing.T) {
	cases := []struct {
		name  string
		p     Person
		field string // "" when valid
		code  string
	}{
		{"minimal", Person{FamilyName: "Diallo"}, "", ""},
		{"full, codice fiscale agrees", Person{FamilyName: "Rossi", GivenNames: "Mario", Sex: SexMale,
			BirthDate: PartialDate{1985, 12, 10}, BirthCountry: "IT", FiscalCode: "RSSMRA85T10A562S"}, "", ""},
		{"lower-case codice fiscale with spaces", Person{FamilyName: "Rossi", FiscalCode: "rssmra85t10a562s"}, "", ""},
		{"temporary codice fiscale", Person{FamilyName: "Ali", BirthCountry: "PK", FiscalCode: "12345670587"}, "", ""},
		{"born in the USSR, Ukrainian today", Person{FamilyName: "Kovalenko", GivenNames: "Olena", Sex: SexFemale,
			BirthDate: PartialDate{1970, 3, 12}, BirthCountry: "UA", FiscalCode: "KVLLNO70C52Z135P"}, "", ""},
		{"born in Yugoslavia, Serbian today", Person{FamilyName: "Kovalenko", BirthCountry: "RS", FiscalCode: "KVLLNO70C52Z118T"}, "", ""},
		{"born in Czechoslovakia, Slovak today", Person{FamilyName: "Kovalenko", BirthCountry: "SK", FiscalCode: "KVLLNO70C52Z105M"}, "", ""},
		{"born in Serbia and Montenegro", Person{FamilyName: "Kovalenko", BirthCountry: "ME", FiscalCode: "KVLLNO70C52Z157V"}, "", ""},
		{"born in Puerto Rico", Person{FamilyName: "Kovalenko", BirthCountry: "US", FiscalCode: "KVLLNO70C52Z518G"}, "", ""},
		{"born in Aruba", Person{FamilyName: "Kovalenko", BirthCountry: "NL", FiscalCode: "KVLLNO70C52Z501M"}, "", ""},
		{"a USSR code for a Pakistani birth", Person{FamilyName: "Kovalenko", BirthCountry: "PK", FiscalCode: "KVLLNO70C52Z135P"},
			"fiscal_code", ErrFiscalCodeCountry},
		{"only birth year known", Person{FamilyName: "Haile", BirthDate: PartialDate{Year: 1990}}, "", ""},
		{"empty family name", Person{FamilyName: " ", GivenNames: "Awa"}, "family_name", ErrRequired},
		{"birth date in the future", Person{FamilyName: "Ba", BirthDate: PartialDate{2026, 3, 15}}, "birth_date", ErrFutureDate},
		{"birth date that does not exist", Person{FamilyName: "Ba", BirthDate: PartialDate{2001, 2, 29}}, "birth_date", ErrDateInvalid},
		{"bad check character", Person{FamilyName: "Rossi", FiscalCode: "RSSMRA85T10A562T"}, "fiscal_code", ErrFiscalCodeCheck},
		{"too short", Person{FamilyName: "Rossi", FiscalCode: "RSSMRA85T10"}, "fiscal_code", ErrFiscalCodeFormat},
		{"codice fiscale of another birth year", Person{FamilyName: "Rossi", BirthDate: PartialDate{Year: 1986},
			FiscalCode: "RSSMRA85T10A562S"}, "fiscal_code", ErrFiscalCodeMatch},
		{"codice fiscale of another sex", Person{FamilyName: "Rossi", Sex: SexFemale, FiscalCode: "RSSMRA85T10A562S"},
			"fiscal_code", ErrFiscalCodeMatch},
		{"born abroad with an Italian place code", Person{FamilyName: "Rossi", BirthCountry: "AL",
			FiscalCode: "RSSMRA85T10A562S"}, "fiscal_code", ErrFiscalCodeCountry},
		{"unknown country", Person{FamilyName: "Rossi", BirthCountry: "QQ"}, "birth_country", ErrInvalid},
		{"unknown sex", Person{FamilyName: "Rossi", Sex: "Z"}, "sex", ErrInvalid},
		{"name too long", Person{FamilyName: string(make([]rune, MaxNameLen+1))}, "family_name", ErrTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			if p.FiscalCode != "" {
				// The store normalises before validating; so does this test.
				if f, err := ParseFiscalCode(p.FiscalCode); err == nil {
					p.FiscalCode = f.Code
				}
			}
			err := p.Validate(now)
			if c.field == "" {
				if err != nil {
					t.Fatalf("valid person refused: %v", err)
				}
				return
			}
			v, ok := err.(ValidationErrors)
			if !ok || v.Field(c.field) == nil || v.Field(c.field).Code != c.code {
				t.Fatalf("err = %v, want %s on %s", err, c.code, c.field)
			}
		})
	}
}

func TestPartialDate(t *testing.T) {
	cases := []struct {
		in   string
		want PartialDate
		ok   bool
	}{
		{"", PartialDate{}, true},
		{"1990", PartialDate{Year: 1990}, true},
		{"1990-07", PartialDate{1990, 7, 0}, true},
		{"1990-07-31", PartialDate{1990, 7, 31}, true},
		{"2000-02-29", PartialDate{2000, 2, 29}, true},
		{"1990-06-31", PartialDate{}, false},
		{"1990-13", PartialDate{}, false},
		{"1990-00-10", PartialDate{}, false},
		{"90-07-01", PartialDate{}, false},
		{"abcd", PartialDate{}, false},
		{"1990/07/01", PartialDate{}, false},
		{"20a5", PartialDate{}, false}, // once read as the year 20
		{"+990", PartialDate{}, false},
		{"1990-+7", PartialDate{}, false},
		{"1990- 7-01", PartialDate{}, false},
		{"1000-00", PartialDate{}, false},
		{"1000-05-00", PartialDate{}, false},
	}
	for _, c := range cases {
		got, err := ParsePartialDate(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParsePartialDate(%q) = %v, %v", c.in, got, err)
			continue
		}
		if c.ok && got.String() != c.in {
			t.Errorf("%q formats back as %q", c.in, got.String())
		}
	}
}

func FuzzParsePartialDate(f *testing.F) {
	for _, s := range []string{"", "1990", "1990-07", "1990-07-31", "1990-06-31", "abcd", "0000-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParsePartialDate(s)
		if err != nil {
			return
		}
		again, err := ParsePartialDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q parsed to %v, which reads back as %v, %v", s, d, again, err)
		}
		if !d.IsZero() && d.String() != s {
			t.Fatalf("%q was taken for %v: only the date's own digits are read", s, d)
		}
	})
}

func TestOperatorValidateAndPassword(t *testing.T) {
	good := Operator{Username: "giulia.n", FullName: "Giulia Neri", Role: RoleCoordinator}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, o := range []Operator{
		{Username: "Giulia", FullName: "G", Role: RoleOperator},
		{Username: "g", FullName: "G", Role: RoleOperator},
		{Username: "giulia", FullName: "", Role: RoleOperator},
		{Username: "giulia", FullName: "G", Role: "boss"},
	} {
		if o.Validate() == nil {
			t.Errorf("accepted %+v", o)
		}
	}
	if ErrorCode(CheckPassword("short", "short")) != ErrPasswordShort {
		t.Error("short password accepted")
	}
	if ErrorCode(CheckPassword("long enough secret", "long enough secreT")) != ErrPasswordMismatch {
		t.Error("mismatched confirmation accepted")
	}
	if CheckPassword("long enough secret", "long enough secret") != nil {
		t.Error("good password refused")
	}
}

func TestAuditEventValidate(t *testing.T) {
	good := AuditEvent{At: now, Action: ActionView, Entity: "person", EntityID: 3}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, e := range []AuditEvent{
		{Action: ActionView, Entity: "person"},
		{At: now, Entity: "person"},
		{At: now, Action: ActionView},
		{At: now, Action: ActionView, Entity: "person", EntityID: -1},
	} {
		if e.Validate() == nil {
			t.Errorf("accepted %+v", e)
		}
	}
}
