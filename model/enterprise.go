package model

import (
	"fmt"
	"time"
)

// FundingKind is a kind of money an enterprise applies for.
type FundingKind string

const (
	FundingMicrocredit FundingKind = "microcredit" // microcredito (Ente Nazionale per il Microcredito, banks)
	FundingGrant       FundingKind = "grant"       // a start-up grant (regional, Invitalia and the like)
	FundingOther       FundingKind = "other"
)

// FundingKinds lists the kinds in display order.
var FundingKinds = []FundingKind{FundingMicrocredit, FundingGrant, FundingOther}

// FundingState is where an application stands.
type FundingState string

const (
	FundingPreparing FundingState = "preparing"
	FundingSubmitted FundingState = "submitted"
	FundingGranted   FundingState = "granted"
	FundingRefused   FundingState = "refused"
	FundingWithdrawn FundingState = "withdrawn"
)

// FundingStates lists the states in display order.
var FundingStates = []FundingState{FundingPreparing, FundingSubmitted, FundingGranted, FundingRefused, FundingWithdrawn}

// LegalForms are the legal forms a small enterprise registers with.
var LegalForms = []string{"ditta_individuale", "snc", "sas", "srl", "srls", "cooperativa", "other"}

// Enterprise is a person's path to self-employment: the business idea,
// the steps of support, the applications for money, and the enterprise
// once registered, which counts towards the programme's target.
type Enterprise struct {
	ID           int64
	UID          string // stable across desks
	CaseID       int64
	Idea         string
	Steps        []SupportStep
	Applications []FundingApplication
	Name         string    // the enterprise's name, once registered
	RegisteredAt time.Time // zero until registered
	LegalForm    string    // LegalForms
	Ateco        string
	VATNumber    string
}

// SupportStep is one step of support: a course, a business plan, mentoring.
type SupportStep struct {
	What string
	Date time.Time
	Done bool
}

// FundingApplication is one application for money.
type FundingApplication struct {
	Kind        FundingKind
	Body        string // who the application went to
	AmountCents int64
	State       FundingState
	Date        time.Time // of the last change of state
}

// Registered tells an enterprise registered: it counts for the target.
func (e *Enterprise) Registered() bool { return !e.RegisteredAt.IsZero() }

// Validate checks the enterprise's fields; it normalises the partita IVA.
func (e *Enterprise) Validate() error {
	var v ValidationErrors
	if e.CaseID == 0 {
		v.add(newError("case", ErrRequired, "an enterprise belongs to a case"))
	}
	v.add(requiredText("idea", e.Idea, 4*MaxTextLen))
	for i, s := range e.Steps {
		v.add(requiredText(fmt.Sprintf("steps.%d", i), s.What, MaxTextLen))
	}
	for i, a := range e.Applications {
		field := fmt.Sprintf("applications.%d", i)
		if !oneOf(a.Kind, FundingKinds) || !oneOf(a.State, FundingStates) || a.AmountCents < 0 {
			v.add(newError(field, ErrInvalid, "an application needs a kind, a state and an amount not below zero"))
		}
		v.add(optionalText(field+".body", a.Body, MaxNameLen))
	}
	v.add(optionalText("name", e.Name, MaxNameLen))
	if e.Registered() {
		if !oneOf(e.LegalForm, LegalForms) {
			v.add(newError("legal_form", ErrRequired, "a registered enterprise has a legal form"))
		}
		if _, ok := AtecoCodeSection(e.Ateco); !ok {
			v.add(newError("ateco", ErrRequired, "a registered enterprise has an ATECO code"))
		}
	} else if e.LegalForm != "" && !oneOf(e.LegalForm, LegalForms) {
		v.add(newError("legal_form", ErrInvalid, fmt.Sprintf("unknown legal form %q", e.LegalForm)))
	}
	if e.VATNumber != "" {
		code, err := ParsePartitaIVA(e.VATNumber)
		if err != nil {
			v.add(asFieldError("vat_number", err))
		} else {
			e.VATNumber = code
		}
	}
	return v.err()
}
