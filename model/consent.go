package model

import (
	"fmt"
	"time"
)

// ConsentPurpose is what a consent is for.
type ConsentPurpose string

const (
	PurposeNotice   ConsentPurpose = "privacy_notice"      // the privacy notice was given (GDPR art. 13)
	PurposeOptional ConsentPurpose = "optional_processing" // optional processing the person agrees to
	PurposeSharing  ConsentPurpose = "sharing"             // sharing with a named service
	PurposeScans    ConsentPurpose = "document_scans"      // keeping a scan of documents
	PurposeEmployer ConsentPurpose = "share_employer"      // a curriculum of the skills profile, given to employers
)

// ConsentPurposes lists the purposes in display order.
var ConsentPurposes = []ConsentPurpose{PurposeNotice, PurposeOptional, PurposeSharing, PurposeScans, PurposeEmployer}

// ConsentState is the person's answer.
type ConsentState string

const (
	ConsentGiven     ConsentState = "given"
	ConsentRefused   ConsentState = "refused"
	ConsentWithdrawn ConsentState = "withdrawn"
)

// ConsentStates lists the states in display order.
var ConsentStates = []ConsentState{ConsentGiven, ConsentRefused, ConsentWithdrawn}

// Consent is one recorded answer of a person about a purpose. Consents are
// never changed: a withdrawal is a new record, so the history stays.
type Consent struct {
	ID            int64
	UID           string // stable across desks
	PersonID      int64
	Purpose       ConsentPurpose
	ServiceID     int64  // the recipient, for sharing with a service
	EmployerID    int64  // the recipient, for sharing with an employer (a proposal)
	NoticeVersion string // version of the notice text shown
	Language      string // language the notice was shown in
	Mediator      string
	State         ConsentState
	Date          time.Time
	ScanName      string // file name of the signed paper's scan, if kept
	HasScan       bool
	RecordedBy    int64
}

// Validate checks the consent's fields.
func (c *Consent) Validate() error {
	var v ValidationErrors
	if c.PersonID == 0 {
		v.add(newError("person", ErrRequired, "a consent belongs to a person"))
	}
	if !oneOf(c.Purpose, ConsentPurposes) {
		v.add(newError("purpose", ErrInvalid, fmt.Sprintf("unknown purpose %q", c.Purpose)))
	}
	if c.Purpose == PurposeSharing && c.ServiceID == 0 && c.EmployerID == 0 {
		v.add(newError("service", ErrRequired, "sharing needs the service it is with"))
	}
	if c.ServiceID != 0 && c.EmployerID != 0 {
		v.add(newError("employer", ErrInvalid, "one consent shares with one recipient: a service or an employer"))
	}
	if c.EmployerID != 0 && c.Purpose != PurposeSharing {
		v.add(newError("employer", ErrInvalid, "only a sharing consent names an employer"))
	}
	if !oneOf(c.State, ConsentStates) {
		v.add(newError("state", ErrInvalid, fmt.Sprintf("unknown state %q", c.State)))
	}
	v.add(requiredText("notice_version", c.NoticeVersion, MaxNameLen))
	if c.Language == "" {
		v.add(newError("language", ErrRequired, "say the language the notice was shown in"))
	}
	if c.Date.IsZero() {
		v.add(newError("date", ErrRequired, "a consent needs a date"))
	}
	return v.err()
}

// CurrentConsent is the latest record for a purpose (and service, for
// sharing) in a history, and whether there is one.
func CurrentConsent(history []Consent, purpose ConsentPurpose, serviceID int64) (Consent, bool) {
	var best Consent
	found := false
	for _, c := range history {
		if c.Purpose != purpose || (purpose == PurposeSharing && (c.ServiceID != serviceID || c.EmployerID != 0)) {
			continue
		}
		if !found || c.Date.After(best.Date) || (c.Date.Equal(best.Date) && c.ID > best.ID) {
			best, found = c, true
		}
	}
	return best, found
}

// SharingAllowed reports whether the person's current consent allows
// sharing with the service, and the consent it rests on.
func SharingAllowed(history []Consent, serviceID int64) (Consent, bool) {
	c, ok := CurrentConsent(history, PurposeSharing, serviceID)
	return c, ok && c.State == ConsentGiven
}

// EmployerSharingAllowed reports whether the person's current consent
// allows giving employers a curriculum drawn from their skills profile, and
// the consent it rests on.
func EmployerSharingAllowed(history []Consent) (Consent, bool) {
	c, ok := CurrentConsent(history, PurposeEmployer, 0)
	return c, ok && c.State == ConsentGiven
}

// EmployerProposalAllowed reports whether the person's current consent
// allows sharing with the employer (for a proposal), and the consent it
// rests on: the latest record about that employer, given.
func EmployerProposalAllowed(history []Consent, employerID int64) (Consent, bool) {
	var best Consent
	found := false
	for _, c := range history {
		if c.Purpose != PurposeSharing || c.EmployerID == 0 || c.EmployerID != employerID {
			continue
		}
		if !found || c.Date.After(best.Date) || (c.Date.Equal(best.Date) && c.ID > best.ID) {
			best, found = c, true
		}
	}
	return best, found && best.State == ConsentGiven
}
