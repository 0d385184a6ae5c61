package model

import (
	"fmt"
	"time"
)

// ProposalState is where a proposal of a person to an employer stands.
type ProposalState string

const (
	ProposalProposed  ProposalState = "proposed"
	ProposalInterview ProposalState = "interview"
	ProposalHired     ProposalState = "hired"
	ProposalNotHired  ProposalState = "not_hired"
)

// ProposalStates lists the states in display order.
var ProposalStates = []ProposalState{ProposalProposed, ProposalInterview, ProposalHired, ProposalNotHired}

var proposalMoves = map[ProposalState][]ProposalState{
	ProposalProposed:  {ProposalInterview, ProposalHired, ProposalNotHired},
	ProposalInterview: {ProposalHired, ProposalNotHired},
	ProposalHired:     {},
	ProposalNotHired:  {},
}

// CanMoveProposal reports whether a proposal may go from one state to another.
func CanMoveProposal(from, to ProposalState) bool { return oneOf(to, proposalMoves[from]) }

// NotHiredReasons say why a proposal ended without a hiring.
var NotHiredReasons = []string{"employer_declined", "person_declined", "conditions", "vacancy_closed", "no_answer", "other"}

// Still-employed checks: 4 weeks and 6 months after the start of a job the
// desk asks whether the person still works there.
const (
	Check4Weeks  = "4w"
	Check6Months = "6m"
)

// Proposal puts a person forward to an employer, for a vacancy or not. It
// rests on the person's consent to share their data with that employer.
type Proposal struct {
	ID          int64
	UID         string // stable across desks
	CaseID      int64
	EmployerID  int64
	VacancyID   int64 // 0 when spontaneous
	ConsentID   int64 // the sharing consent it rests on
	State       ProposalState
	ProposedAt  time.Time
	InterviewAt time.Time
	DecidedAt   time.Time // hired or not
	Reason      string    // NotHiredReasons, when not hired
	Outcome     string    // what the employer or the person said
	// Hiring, when hired.
	Contract    string // ContractTypes
	HiredFrom   time.Time
	WeeklyHours float64
	// The answers to "still employed?": "" not asked yet, "yes" or "no".
	Still4Weeks, Still6Months string
	FlaggedOK                 bool // proposed to a flagged employer on a coordinator's decision
	CreatedBy                 int64
}

// Validate checks the proposal's fields for its state.
func (p *Proposal) Validate() error {
	var v ValidationErrors
	if p.CaseID == 0 {
		v.add(newError("case", ErrRequired, "a proposal belongs to a case"))
	}
	if p.EmployerID == 0 {
		v.add(newError("employer", ErrRequired, "a proposal goes to an employer"))
	}
	if !oneOf(p.State, ProposalStates) {
		v.add(newError("state", ErrInvalid, fmt.Sprintf("unknown state %q", p.State)))
	}
	if p.State == ProposalNotHired && !oneOf(p.Reason, NotHiredReasons) {
		v.add(newError("reason", ErrRequired, "say why the person was not hired"))
	}
	if p.State == ProposalHired {
		if _, ok := ContractType(p.Contract); !ok {
			v.add(newError("contract", ErrRequired, "a hiring needs its contract type"))
		}
		if p.HiredFrom.IsZero() {
			v.add(newError("hired_from", ErrRequired, "a hiring needs its start date"))
		}
		if p.WeeklyHours <= 0 || p.WeeklyHours > 7*24 {
			v.add(newError("weekly_hours", ErrInvalid, "a hiring needs its weekly hours, up to 168"))
		}
	}
	for _, s := range []struct{ field, v string }{{"still_4w", p.Still4Weeks}, {"still_6m", p.Still6Months}} {
		if s.v != "" && s.v != "yes" && s.v != "no" {
			v.add(newError(s.field, ErrInvalid, "yes, no or not asked"))
		}
	}
	v.add(optionalText("outcome", p.Outcome, 4*MaxTextLen))
	return v.err()
}

// Move takes the proposal to another state on a date, with what it needs:
// the reason for not hired, the hiring data (set on p before) for hired.
func (p *Proposal) Move(to ProposalState, at time.Time) error {
	if !CanMoveProposal(p.State, to) {
		return newError("state", ErrInvalid, fmt.Sprintf("a proposal cannot go from %s to %s", p.State, to))
	}
	p.State = to
	switch to {
	case ProposalInterview:
		if p.InterviewAt.IsZero() {
			p.InterviewAt = at
		}
	case ProposalHired, ProposalNotHired:
		p.DecidedAt = at
	}
	return p.Validate()
}

// CheckDue is the day a still-employed check falls due: 4 weeks or 6
// months after the start of the job.
func (p *Proposal) CheckDue(check string) time.Time {
	y, m, d := p.HiredFrom.UTC().Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if check == Check4Weeks {
		return start.AddDate(0, 0, 28)
	}
	first := time.Date(y, m+6, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}
