package model

import (
	"fmt"
	"time"
)

// Interview is one structured conversation with the person (colloquio).
type Interview struct {
	ID                   int64
	UID                  string // stable across desks
	CaseID               int64
	Date                 time.Time
	Kind                 InterviewKind
	OperatorID           int64
	Mediator             string // name of the mediator present, if any
	Language             string // BCP 47 tag of the language actually used
	QuestionnaireVersion string
	Answers              []Answer
	Notes                string
	Duration             time.Duration
	Place                Place
	Status               InterviewStatus
	Section              int // the section it stopped at, to resume there
}

// InterviewStatus says whether an interview is still going on.
type InterviewStatus string

const (
	InterviewInProgress InterviewStatus = "in_progress"
	InterviewCompleted  InterviewStatus = "completed"
)

// Referral decisions recorded after a screening.
const (
	DecisionRefer  = "refer"   // refer to an anti-trafficking body
	DecisionNotNow = "not_now" // not now, with the operator's reason
)

// ScreeningRecord is a screening as kept with its interview, with what the
// operator decided about a referral.
type ScreeningRecord struct {
	InterviewID  int64
	ComputedAt   time.Time
	Result       Screening
	Decision     string
	DecisionNote string
	DecidedBy    int64
	DecidedAt    time.Time
}

// Answer is the answer to one question of the questionnaire. Value holds the
// text as given, in logical order; choices are stored as their option IDs.
type Answer struct {
	QuestionID string
	Value      string
	UpdatedAt  time.Time
}

// Validate checks the interview's fields against now.
func (i *Interview) Validate(now time.Time) error {
	var v ValidationErrors
	if i.CaseID == 0 {
		v.add(newError("case", ErrRequired, "an interview belongs to a case"))
	}
	if i.Date.IsZero() {
		v.add(newError("date", ErrRequired, "an interview needs a date"))
	} else if i.Date.After(now.Add(24 * time.Hour)) {
		v.add(newError("date", ErrFutureDate, "the interview date is in the future"))
	}
	if !oneOf(i.Kind, InterviewKinds) {
		v.add(newError("kind", ErrInvalid, fmt.Sprintf("unknown interview kind %q", i.Kind)))
	}
	if !oneOf(i.Place, Places) {
		v.add(newError("place", ErrInvalid, fmt.Sprintf("unknown place %q", i.Place)))
	}
	if i.Duration < 0 {
		v.add(newError("duration", ErrInvalid, "negative duration"))
	}
	v.add(optionalText("mediator", i.Mediator, MaxNameLen))
	v.add(optionalText("notes", i.Notes, 20000))
	seen := map[string]bool{}
	for _, a := range i.Answers {
		if a.QuestionID == "" || seen[a.QuestionID] {
			v.add(newError("answers", ErrInvalid, fmt.Sprintf("empty or repeated question %q", a.QuestionID)))
		}
		seen[a.QuestionID] = true
	}
	return v.err()
}
