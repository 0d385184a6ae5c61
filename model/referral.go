package model

import (
	"fmt"
	"strings"
	"time"
)

// ReferralStatus is where a referral stands.
type ReferralStatus string

const (
	ReferralDraft     ReferralStatus = "draft"
	ReferralSent      ReferralStatus = "sent"
	ReferralAccepted  ReferralStatus = "accepted"
	ReferralRefused   ReferralStatus = "refused"
	ReferralCompleted ReferralStatus = "completed"
)

// ReferralStatuses lists the statuses in display order.
var ReferralStatuses = []ReferralStatus{ReferralDraft, ReferralSent, ReferralAccepted, ReferralRefused, ReferralCompleted}

var referralMoves = map[ReferralStatus][]ReferralStatus{
	ReferralDraft:     {ReferralSent},
	ReferralSent:      {ReferralAccepted, ReferralRefused},
	ReferralAccepted:  {ReferralCompleted},
	ReferralRefused:   {},
	ReferralCompleted: {},
}

// CanMoveReferral reports whether a referral may go from one status to another.
func CanMoveReferral(from, to ReferralStatus) bool { return oneOf(to, referralMoves[from]) }

// NextReferralStatuses are where a referral may go from status.
func NextReferralStatuses(status ReferralStatus) []ReferralStatus { return referralMoves[status] }

// Urgency of a referral.
type Urgency string

const (
	UrgencyNormal Urgency = "normal"
	UrgencyUrgent Urgency = "urgent"
)

// Referral sends a person to a service of the map.
type Referral struct {
	ID          int64
	UID         string // stable across desks
	CaseID      int64
	ServiceID   int64
	Reason      string
	Urgency     Urgency
	ConsentID   int64  // the sharing consent it rests on
	LegalBasis  string // an urgent legal basis recorded by a coordinator instead of consent
	Status      ReferralStatus
	Created     time.Time
	SentAt      time.Time
	AnsweredAt  time.Time // accepted or refused
	CompletedAt time.Time
	FollowUp    PartialDate // answer expected by
	Feedback    string      // the service's answer
	Code        string      // tracking code

	// NoConsent is set on a draft whose sharing consent has been withdrawn
	// (or was never given) and that has no legal basis: it cannot be sent.
	NoConsent bool

	// Withheld is set when the service's feedback is in a part of the file
	// the reader may not see (a health service's, or legal aid's): it came
	// back empty.
	Withheld bool
}

// Validate checks the referral's own fields (not its consent: see the store).
func (r *Referral) Validate() error {
	var v ValidationErrors
	if r.CaseID == 0 {
		v.add(newError("case", ErrRequired, "a referral belongs to a case"))
	}
	if r.ServiceID == 0 {
		v.add(newError("service", ErrRequired, "choose the service"))
	}
	v.add(requiredText("reason", r.Reason, MaxTextLen))
	if r.Urgency != UrgencyNormal && r.Urgency != UrgencyUrgent {
		v.add(newError("urgency", ErrInvalid, fmt.Sprintf("unknown urgency %q", r.Urgency)))
	}
	if !oneOf(r.Status, ReferralStatuses) {
		v.add(newError("status", ErrInvalid, fmt.Sprintf("unknown status %q", r.Status)))
	}
	if e := r.FollowUp.check(); e != nil {
		e.Field = "follow_up"
		v.add(e)
	}
	v.add(optionalText("feedback", r.Feedback, MaxTextLen))
	v.add(optionalText("legal_basis", r.LegalBasis, MaxTextLen))
	return v.err()
}

// Move changes the status, stamping the date; a move the workflow does
// not allow is refused.
func (r *Referral) Move(to ReferralStatus, at time.Time, feedback string) error {
	if !CanMoveReferral(r.Status, to) {
		return newError("status", ErrConflict, fmt.Sprintf("a referral cannot go from %s to %s", r.Status, to))
	}
	switch to {
	case ReferralSent:
		r.SentAt = at
	case ReferralAccepted, ReferralRefused:
		r.AnsweredAt = at
	case ReferralCompleted:
		r.CompletedAt = at
	}
	if f := strings.TrimSpace(feedback); f != "" {
		r.Feedback = f
	}
	r.Status = to
	return nil
}

// Overdue reports whether a sent referral has had no answer by its
// follow-up date.
func (r *Referral) Overdue(now time.Time) bool {
	if r.Status != ReferralSent || r.FollowUp.IsZero() {
		return false
	}
	d := r.FollowUp
	if d.Month == 0 {
		d.Month = 12
	}
	if d.Day == 0 {
		d.Day = daysIn(d.Year, d.Month)
	}
	due := time.Date(d.Year, time.Month(d.Month), d.Day, 23, 59, 59, 0, time.UTC)
	return now.After(due)
}
