package model

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// Employer is a business or household the desk proposes people to, offers
// internships with, or keeps an eye on.
type Employer struct {
	ID            int64
	UID           string // stable across desks
	Name          string
	FiscalCode    string // codice fiscale: 11 digits for a company, 16 characters for a sole trader or household
	VATNumber     string // partita IVA
	Ateco         string // ATECO 2007: a section letter or a numeric code
	Address       string // registered office
	WorkAddress   string // where the work is done, when elsewhere
	Phone         string
	Email         string
	ContactPerson string
	ContactRole   string
	CCNL          string // ID of the collective agreement applied, in the CCNL table, or ""
	CCNLOther     string // the agreement's name when it is not in the table
	QualityNet    bool   // member of the Rete del lavoro agricolo di qualità (INPS)
	EthicalLabel  string // another ethical label or certification
	Notes         string
	Flag          *EmployerFlag // the open flag, or nil
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// EmployerFlag says an employer was reported for exploitation or irregular
// work: such an employer is never proposed by the matching, and a proposal
// to one needs a coordinator. Reason, By and Withheld follow the reader's
// role: a role without model.PermFlagDetails sees only that the employer is
// flagged, and since when.
type EmployerFlag struct {
	ID       int64
	Reason   string
	Date     time.Time // when the report was made or learnt of
	By       int64     // the operator who flagged
	Withheld bool      // the reason and who flagged are not for this reader
}

// Validate checks the employer's fields; it normalises the codice fiscale
// and the partita IVA it accepts.
func (e *Employer) Validate() error {
	var v ValidationErrors
	v.add(requiredText("name", e.Name, MaxNameLen))
	if strings.TrimSpace(e.FiscalCode) == "" && strings.TrimSpace(e.VATNumber) == "" {
		v.add(newError("fiscal_code", ErrRequired, "an employer needs a codice fiscale or a partita IVA"))
	}
	if strings.TrimSpace(e.FiscalCode) != "" {
		code, err := ParseEmployerTaxCode(e.FiscalCode)
		if err != nil {
			v.add(asFieldError("fiscal_code", err))
		} else {
			e.FiscalCode = code
		}
	}
	if strings.TrimSpace(e.VATNumber) != "" {
		code, err := ParsePartitaIVA(e.VATNumber)
		if err != nil {
			v.add(asFieldError("vat_number", err))
		} else {
			e.VATNumber = code
		}
	}
	if e.Ateco != "" {
		if _, ok := AtecoCodeSection(e.Ateco); !ok {
			v.add(newError("ateco", ErrInvalid, fmt.Sprintf("%q is not an ATECO 2007 code", e.Ateco)))
		}
	}
	if e.CCNL != "" {
		if _, ok := FindCCNL(DefaultCCNLs, e.CCNL); !ok {
			v.add(newError("ccnl", ErrInvalid, fmt.Sprintf("no collective agreement %q in the table", e.CCNL)))
		}
	}
	if e.Email != "" {
		if _, err := mail.ParseAddress(e.Email); err != nil {
			v.add(newError("email", ErrInvalid, "not an e-mail address"))
		}
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{{"address", e.Address, MaxTextLen}, {"work_address", e.WorkAddress, MaxTextLen}, {"phone", e.Phone, MaxNameLen},
		{"email", e.Email, MaxNameLen}, {"contact_person", e.ContactPerson, MaxNameLen},
		{"contact_role", e.ContactRole, MaxNameLen}, {"ccnl_other", e.CCNLOther, MaxNameLen},
		{"ethical_label", e.EthicalLabel, MaxNameLen}, {"notes", e.Notes, 4 * MaxTextLen}} {
		v.add(optionalText(f.field, f.value, f.max))
	}
	return v.err()
}

// Validate checks a flag before it is recorded.
func (f *EmployerFlag) Validate(now time.Time) error {
	var v ValidationErrors
	v.add(requiredText("reason", f.Reason, MaxTextLen))
	if f.Date.IsZero() {
		v.add(newError("date", ErrRequired, "a flag needs the date of the report"))
	} else if f.Date.After(now) {
		v.add(newError("date", ErrFutureDate, "the report cannot be in the future"))
	}
	return v.err()
}

// asFieldError gives a parse error the field it belongs to.
func asFieldError(field string, err error) *Error {
	if e, ok := err.(*Error); ok {
		return &Error{Code: e.Code, Field: field, Message: e.Message}
	}
	return newError(field, ErrInvalid, err.Error())
}
