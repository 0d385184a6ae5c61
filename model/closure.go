package model

import (
	"fmt"
	"slices"
	"time"
)

// Closing reasons of a case (motivo di chiusura), in display order.
var ClosingReasons = []Code{
	{"path_completed", "Percorso concluso", "Path completed"},
	{"moved_away", "Trasferimento altrove", "Moved away"},
	{"lost_contact", "Contatto perso", "Lost contact"},
	{"refused", "Rinuncia", "Refused"},
	{"transferred_service", "Inviato ad altro servizio", "Transferred to another service"},
	{"deceased", "Decesso", "Deceased"},
}

// Exit outcomes of a case (esiti all'uscita), in display order; several may hold at once.
var ExitOutcomes = []Code{
	{OutcomeEmployed, "Occupato/a", "Employed"},
	{"education", "In istruzione o formazione", "In education or training"},
	{"job_seeking", "In cerca di lavoro", "Job-seeking"},
	{"qualification", "Qualifica conseguita", "Gained a qualification"},
	{"regular_permit", "Permesso regolare ottenuto", "Regular permit obtained"},
	{"housed", "Alloggio stabile", "Housed"},
}

// OutcomeEmployed is the exit outcome that asks for a contract type.
const OutcomeEmployed = "employed"

// CaseClosure is one closing of a case: the exit data the indicators count.
type CaseClosure struct {
	ID       int64
	CaseID   int64
	Date     time.Time
	Reason   string   // a code of ClosingReasons
	Outcomes []string // codes of ExitOutcomes
	Contract string   // a code of ContractTypes, when employed
	Note     string
	By       int64     // the operator who closed
	Reopened time.Time // zero while the closure stands
}

// Validate checks a closure against the case's opening and now.
func (c *CaseClosure) Validate(opened, now time.Time) error {
	var v ValidationErrors
	switch {
	case c.Date.IsZero():
		v.add(newError("date", ErrRequired, "a closure needs its date"))
	case !opened.IsZero() && day0(c.Date).Before(day0(opened)):
		v.add(newError("date", ErrInvalid, "a case cannot close before it opened"))
	case day0(c.Date).After(day0(now)):
		v.add(newError("date", ErrFutureDate, "a case cannot close in the future"))
	}
	if _, ok := findCode(ClosingReasons, c.Reason); !ok {
		v.add(newError("reason", ErrRequired, "choose the reason for closing"))
	}
	for _, o := range c.Outcomes {
		if _, ok := findCode(ExitOutcomes, o); !ok {
			v.add(newError("outcomes", ErrInvalid, fmt.Sprintf("unknown exit outcome %q", o)))
		}
	}
	if slices.Contains(c.Outcomes, OutcomeEmployed) {
		if _, ok := ContractType(c.Contract); !ok {
			v.add(newError("contract", ErrRequired, "an employed person's contract type is needed"))
		}
	} else if c.Contract != "" {
		v.add(newError("contract", ErrInvalid, "a contract type only goes with employed"))
	}
	return v.err()
}

func day0(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// MayCloseCase says who closes, reopens and transfers a case: a coordinator,
// or the case's assigned operator unless a mediator.
func MayCloseCase(op *Operator, caseOperator int64) bool {
	if op == nil || op.Role == RoleMediator {
		return false
	}
	return op.Role == RoleCoordinator || (op.ID != 0 && op.ID == caseOperator)
}

// CanReopen says whether the case may reopen: only a closed case does.
func (c *Case) CanReopen() bool { return c.Status == CaseClosed }

// CanTransferTo says whether the case may pass to operator to (active, not a
// mediator, not already its operator).
func (c *Case) CanTransferTo(to *Operator) error {
	switch {
	case to == nil || !to.Active:
		return newError("operator", ErrInvalid, "transfer to an active account")
	case to.Role == RoleMediator:
		return newError("operator", ErrInvalid, "a mediator cannot hold a case")
	case to.ID == c.OperatorID:
		return newError("operator", ErrInvalid, "the case is already this operator's")
	}
	return nil
}
