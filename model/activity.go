package model

import (
	"fmt"
	"time"
)

// ActivityKind is a kind of work a desk counts for its indicators, apart
// from the cases: sessions, outreach, accompaniments, consultations.
type ActivityKind string

// The activity kinds.
const (
	ActivityInfoSession  ActivityKind = "info_session"       // information session for a group
	ActivityOutreach     ActivityKind = "outreach"           // outreach at fields, camps, stations
	ActivityAccompany    ActivityKind = "accompaniment"      // accompanying people to a service
	ActivityLegalConsult ActivityKind = "legal_consultation" // legal consultation
)

// ActivityKinds lists the kinds in display order.
var ActivityKinds = []ActivityKind{ActivityInfoSession, ActivityOutreach, ActivityAccompany, ActivityLegalConsult}

// Activity is one piece of counted work: an information session, an outreach
// round, an accompaniment or a legal consultation, with how many people it
// reached. It names nobody.
type Activity struct {
	ID           int64
	UID          string // stable across desks
	Date         time.Time
	Kind         ActivityKind
	Participants int // people reached
	Place        string
	Notes        string
	OperatorID   int64
	CreatedAt    time.Time
}

// MaxParticipants bounds the people one activity can count.
const MaxParticipants = 100000

// Validate checks an activity before it is saved.
func (a *Activity) Validate(now time.Time) error {
	var v ValidationErrors
	if !oneOf(a.Kind, ActivityKinds) {
		v.add(newError("kind", ErrInvalid, fmt.Sprintf("unknown activity kind %q", a.Kind)))
	}
	if a.Date.IsZero() {
		v.add(newError("date", ErrRequired, "an activity needs a date"))
	} else if a.Date.After(now.Add(24 * time.Hour)) {
		v.add(newError("date", ErrFutureDate, "the activity's date is in the future"))
	}
	if a.Participants < 0 || a.Participants > MaxParticipants {
		v.add(newError("participants", ErrInvalid, fmt.Sprintf("participants must be between 0 and %d", MaxParticipants)))
	}
	v.add(optionalText("place", a.Place, MaxTextLen))
	v.add(optionalText("notes", a.Notes, 4*MaxTextLen))
	return v.err()
}
