package model

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Person is a beneficiary: a worker helped by the desk.
type Person struct {
	ID       int64
	UID      string // stable across desks
	CaseCode string // e.g. PUA-2026-000123, given by the store

	FamilyName    string   // as written in documents
	GivenNames    string   // as written in documents
	OwnScriptName string   // the name in the person's own script
	Aliases       []string // other names the person is known by

	Sex          Sex
	BirthDate    PartialDate
	BirthCountry string   // ISO 3166-1 alpha-2
	Citizenships []string // ISO 3166-1 alpha-2

	Languages         []string // BCP 47 tags of languages spoken
	PreferredLanguage string   // the interview language

	Phone            string
	Domicile         string
	DomicileInformal bool // informal housing: ghetto, camp, overcrowded shared room
	FiscalCode       string

	Permit          Permit
	Vulnerabilities []string
	Channel         Channel // how the person reached the desk

	CreatedAt time.Time
	UpdatedAt time.Time

	// Withheld names the parts of the file the reader's role may not see:
	// they came back empty (see Redact).
	Withheld []Part
}

// Permit is a residence permit (permesso di soggiorno).
type Permit struct {
	Type   string
	Number string
	Expiry PartialDate
	Status PermitStatus
}

// Limits on free text, generous for names written in any script.
const (
	MaxNameLen = 100
	MaxTextLen = 500
)

// DisplayName is "FAMILY Given", the way case files list people.
func (p *Person) DisplayName() string {
	return strings.TrimSpace(strings.ToUpper(p.FamilyName) + " " + p.GivenNames)
}

// Validate checks the person's fields against each other and against now,
// returning ValidationErrors with one entry per wrong field.
func (p *Person) Validate(now time.Time) error {
	var v ValidationErrors
	v.add(requiredText("family_name", p.FamilyName, MaxNameLen))
	v.add(optionalText("given_names", p.GivenNames, MaxNameLen))
	v.add(optionalText("own_script_name", p.OwnScriptName, MaxNameLen))
	for _, a := range p.Aliases {
		v.add(optionalText("aliases", a, MaxNameLen))
	}
	if !oneOf(p.Sex, Sexes) {
		v.add(newError("sex", ErrInvalid, fmt.Sprintf("unknown sex %q", p.Sex)))
	}
	if e := p.BirthDate.check(); e != nil {
		e.Field = "birth_date"
		v.add(e)
	} else if p.BirthDate.After(now) {
		v.add(newError("birth_date", ErrFutureDate, "the birth date is in the future"))
	}
	if p.BirthCountry != "" {
		if _, ok := CountryByISO2(p.BirthCountry); !ok {
			v.add(newError("birth_country", ErrInvalid, fmt.Sprintf("unknown country %q", p.BirthCountry)))
		}
	}
	for _, c := range p.Citizenships {
		if _, ok := CountryByISO2(c); !ok {
			v.add(newError("citizenships", ErrInvalid, fmt.Sprintf("unknown country %q", c)))
		}
	}
	v.add(optionalText("phone", p.Phone, 40))
	v.add(optionalText("domicile", p.Domicile, MaxTextLen))
	if p.FiscalCode != "" {
		v.add(p.checkFiscalCode())
	}
	if p.Permit.Status != "" && !oneOf(p.Permit.Status, PermitStatuses) {
		v.add(newError("permit_status", ErrInvalid, fmt.Sprintf("unknown permit status %q", p.Permit.Status)))
	}
	if e := p.Permit.Expiry.check(); e != nil {
		e.Field = "permit_expiry"
		v.add(e)
	}
	if p.Channel != "" && !oneOf(p.Channel, Channels) {
		v.add(newError("channel", ErrInvalid, fmt.Sprintf("unknown channel %q", p.Channel)))
	}
	return v.err()
}

// checkFiscalCode parses the codice fiscale and checks that it agrees with
// the birth date, sex and birth country recorded.
func (p *Person) checkFiscalCode() *Error {
	f, err := ParseFiscalCode(p.FiscalCode)
	if err != nil {
		e := err.(*Error)
		e.Field = "fiscal_code"
		return e
	}
	if f.Temporary {
		return nil
	}
	mismatch := func(what string) *Error {
		return newError("fiscal_code", ErrFiscalCodeMatch, "the codice fiscale does not match the "+what)
	}
	b := p.BirthDate
	switch {
	case b.Year != 0 && b.Year%100 != f.Year2:
		return mismatch("birth year")
	case b.Month != 0 && b.Month != f.Month:
		return mismatch("birth month")
	case b.Day != 0 && b.Day != f.Day:
		return mismatch("birth day")
	case (p.Sex == SexFemale || p.Sex == SexMale) && p.Sex != f.Sex:
		return mismatch("sex")
	}
	if p.BirthCountry == "" {
		return nil
	}
	if p.BirthCountry == "IT" {
		if f.ForeignBorn() {
			return newError("fiscal_code", ErrFiscalCodeCountry, "the codice fiscale is for a person born abroad")
		}
		return nil
	}
	c, _ := CountryByISO2(p.BirthCountry)
	if c.Cadastral != "" && !PlaceIsIn(f.Place, p.BirthCountry) {
		return newError("fiscal_code", ErrFiscalCodeCountry,
			fmt.Sprintf("the codice fiscale's birthplace %s is not %s (%s)", f.Place, c.NameEN, c.Cadastral))
	}
	return nil
}

func requiredText(field, s string, max int) *Error {
	if strings.TrimSpace(s) == "" {
		return newError(field, ErrRequired, "required")
	}
	return optionalText(field, s, max)
}

func optionalText(field, s string, max int) *Error {
	if utf8.RuneCountInString(s) > max {
		return newError(field, ErrTooLong, fmt.Sprintf("longer than %d characters", max))
	}
	if !utf8.ValidString(s) {
		return newError(field, ErrInvalid, "not valid text")
	}
	return nil
}
