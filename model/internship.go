package model

import (
	"fmt"
	"time"
)

// InternshipOutcome is how an internship (tirocinio) ended.
type InternshipOutcome string

const (
	InternshipOngoing   InternshipOutcome = ""          // not ended yet
	InternshipHired     InternshipOutcome = "hired"     // the host employer hired the person
	InternshipNotHired  InternshipOutcome = "not_hired" // completed, no hiring
	InternshipInterrupt InternshipOutcome = "interrupted"
)

// InternshipOutcomes lists the outcomes of an ended internship.
var InternshipOutcomes = []InternshipOutcome{InternshipHired, InternshipNotHired, InternshipInterrupt}

// Internship is a traineeship (tirocinio extracurricolare) with a host
// employer, paid a monthly allowance out of the allowance budget of the
// person's plan.
type Internship struct {
	ID             int64
	UID            string // stable across desks
	CaseID         int64
	EmployerID     int64
	Tutor          string // the host's tutor
	DeskTutor      string // the promoter's tutor, at the desk
	Start, End     time.Time
	WeeklyHours    float64
	AllowanceCents int64 // monthly allowance, gross, in cents
	PlannedCents   int64 // allowance budgeted in the plan for the whole internship
	PaidCents      int64 // allowance paid so far (the sum of Attendance's paid months)
	Attendance     []Attendance
	Outcome        InternshipOutcome
	OutcomeNote    string
}

// Attendance is one month of an internship: the hours attended and the
// allowance paid for it.
type Attendance struct {
	Month     time.Time // the first day of the month
	Hours     float64
	PaidCents int64
	Note      string
}

// Validate checks the internship's fields.
func (in *Internship) Validate() error {
	var v ValidationErrors
	if in.CaseID == 0 {
		v.add(newError("case", ErrRequired, "an internship belongs to a case"))
	}
	if in.EmployerID == 0 {
		v.add(newError("employer", ErrRequired, "an internship has a host employer"))
	}
	v.add(requiredText("tutor", in.Tutor, MaxNameLen))
	v.add(optionalText("desk_tutor", in.DeskTutor, MaxNameLen))
	if in.Start.IsZero() {
		v.add(newError("start", ErrRequired, "an internship needs its start date"))
	}
	if in.End.IsZero() || in.End.Before(in.Start) {
		v.add(newError("end", ErrInvalid, "an internship needs an end date after its start"))
	}
	if in.WeeklyHours <= 0 || in.WeeklyHours > LegalMaxWeekly {
		v.add(newError("weekly_hours", ErrInvalid, "weekly hours above 0 and up to 48"))
	}
	if in.AllowanceCents < 0 || in.PlannedCents < 0 {
		v.add(newError("allowance", ErrInvalid, "amounts cannot be negative"))
	}
	seen := map[string]bool{}
	for i, a := range in.Attendance {
		field := fmt.Sprintf("attendance.%d", i)
		month := a.Month.UTC().Format("2006-01")
		switch {
		case a.Month.IsZero() || a.Month.Day() != 1:
			v.add(newError(field, ErrInvalid, "attendance is by month: the first day of the month"))
		case seen[month]:
			v.add(newError(field, ErrConflict, "this month is there twice"))
		case a.Hours < 0 || a.Hours > 31*24 || a.PaidCents < 0:
			v.add(newError(field, ErrInvalid, "hours and amounts cannot be negative"))
		}
		seen[month] = true
		v.add(optionalText(field+".note", a.Note, MaxTextLen))
	}
	if in.Outcome != InternshipOngoing && !oneOf(in.Outcome, InternshipOutcomes) {
		v.add(newError("outcome", ErrInvalid, fmt.Sprintf("unknown outcome %q", in.Outcome)))
	}
	v.add(optionalText("outcome_note", in.OutcomeNote, 4*MaxTextLen))
	return v.err()
}

// Paid sums the allowance paid month by month.
func (in *Internship) Paid() (cents int64) {
	for _, a := range in.Attendance {
		cents += a.PaidCents
	}
	return cents
}
