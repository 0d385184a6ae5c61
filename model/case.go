package model

import (
	"fmt"
	"time"
)

// Case is a person's path with the desk (presa in carico), from intake to closure.
type Case struct {
	ID         int64
	UID        string // stable across desks
	PersonID   int64
	OpenedAt   time.Time
	ClosedAt   time.Time // zero while open
	Status     CaseStatus
	OperatorID int64   // the assigned operator
	Team       []int64 // other operators working on the case
	Priority   Priority
	// The standing closure's exit data (empty while open); every closure,
	// reopened ones too, is a CaseClosure.
	ExitReason   string   // a code of ClosingReasons
	ExitOutcomes []string // codes of ExitOutcomes
	ExitContract string   // a code of ContractTypes, when employed
	ExitNote     string
}

// Validate checks the case's fields.
func (c *Case) Validate() error {
	var v ValidationErrors
	if c.PersonID == 0 {
		v.add(newError("person", ErrRequired, "a case needs a person"))
	}
	if !oneOf(c.Status, CaseStatuses) {
		v.add(newError("status", ErrInvalid, fmt.Sprintf("unknown case status %q", c.Status)))
	}
	if !oneOf(c.Priority, Priorities) {
		v.add(newError("priority", ErrInvalid, fmt.Sprintf("unknown priority %q", c.Priority)))
	}
	if c.OpenedAt.IsZero() {
		v.add(newError("opened_at", ErrRequired, "a case needs an opening date"))
	}
	if c.Status == CaseClosed && c.ClosedAt.IsZero() {
		v.add(newError("closed_at", ErrRequired, "a closed case needs a closing date"))
	}
	if !c.ClosedAt.IsZero() && c.ClosedAt.Before(c.OpenedAt) {
		v.add(newError("closed_at", ErrInvalid, "a case cannot close before it opens"))
	}
	return v.err()
}
