package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// ErasureReason is the legal ground of an erasure (GDPR art. 17(1)).
type ErasureReason string

const (
	ErasureNotNecessary     ErasureReason = "not_necessary"     // 17(1)(a): no longer necessary for its purposes
	ErasureRetentionEnded   ErasureReason = "retention_ended"   // 17(1)(a): the retention period after the case closed is over
	ErasureConsentWithdrawn ErasureReason = "consent_withdrawn" // 17(1)(b): consent withdrawn, no other legal ground
	ErasureObjection        ErasureReason = "objection"         // 17(1)(c): the person objected (art. 21)
	ErasureUnlawful         ErasureReason = "unlawful"          // 17(1)(d): the data were processed unlawfully
	ErasureLegalObligation  ErasureReason = "legal_obligation"  // 17(1)(e): a legal obligation to erase
	ErasureOther            ErasureReason = "other_ground"      // another ground, said in the note
)

// ErasureReasons lists the reasons in the order a form offers them, each
// with the provision it rests on.
var ErasureReasons = []struct {
	Reason  ErasureReason
	Article string
}{
	{ErasureNotNecessary, "art. 17(1)(a)"},
	{ErasureRetentionEnded, "art. 17(1)(a)"},
	{ErasureConsentWithdrawn, "art. 17(1)(b)"},
	{ErasureObjection, "art. 17(1)(c)"},
	{ErasureUnlawful, "art. 17(1)(d)"},
	{ErasureLegalObligation, "art. 17(1)(e)"},
	{ErasureOther, ""},
}

// Article is the provision the reason rests on ("" for ErasureOther).
func (r ErasureReason) Article() string {
	for _, e := range ErasureReasons {
		if e.Reason == r {
			return e.Article
		}
	}
	return ""
}

// Known tells a reason of the list.
func (r ErasureReason) Known() bool {
	return slices.ContainsFunc(ErasureReasons, func(e struct {
		Reason  ErasureReason
		Article string
	}) bool {
		return e.Reason == r
	})
}

// Erasure is the record of a person erased: when, by whom, on which legal
// ground. It names nobody: the note says why, never who.
type Erasure struct {
	At     time.Time
	Reason ErasureReason
	Note   string // required for ErasureOther
	By     int64  // the coordinator; 0 when it came from another desk
}

// Validate checks the reason and the note.
func (e *Erasure) Validate() error {
	var v ValidationErrors
	switch {
	case e.Reason == "":
		v.add(newError("reason", ErrRequired, "the legal reason is required"))
	case !e.Reason.Known():
		v.add(newError("reason", ErrInvalid, fmt.Sprintf("unknown erasure reason %q", e.Reason)))
	}
	if e.Reason == ErasureOther {
		v.add(requiredText("note", e.Note, MaxTextLen))
	} else {
		v.add(optionalText("note", e.Note, MaxTextLen))
	}
	return v.err()
}

// Summary is the reason as the audit trail and the exchange keep it:
// "retention_ended (art. 17(1)(a))", the note after a colon.
func (e *Erasure) Summary() string {
	s := string(e.Reason)
	if a := e.Reason.Article(); a != "" {
		s += " (" + a + ")"
	}
	if n := strings.TrimSpace(e.Note); n != "" {
		s += ": " + n
	}
	return s
}

// Anonymise keeps of a person only the anonymous tally the programme's
// indicators and activity counts need, and blanks the rest. Kept: the case
// code (the audit trail, the cases and the counts refer to it; it names
// nobody outside the desk), sex, the birth YEAR (age bands), birth country
// and citizenships (third-country nationals), languages spoken (mediation
// needed), whether the domicile is informal (housing exclusion), the
// permit's type and status (legal status), the channel that brought the
// person, and the record's dates. Blanked: names, own-script name,
// aliases, the day and month of birth, phone, domicile, codice fiscale,
// the permit's number and expiry, and the vulnerabilities (free text, one
// per line).
func (p *Person) Anonymise() {
	p.FamilyName, p.GivenNames, p.OwnScriptName, p.Aliases = "", "", "", nil
	p.BirthDate = PartialDate{Year: p.BirthDate.Year}
	p.Phone, p.Domicile, p.FiscalCode = "", "", ""
	p.Permit.Number, p.Permit.Expiry = "", PartialDate{}
	p.Vulnerabilities = nil
}

// Anonymise keeps of a screening which indicators were raised and the
// Delphi rule's result, without the answers that raised them.
func (s *Screening) Anonymise() {
	for _, list := range [][]Finding{s.ILO, s.Indices, s.Delphi} {
		for i := range list {
			list[i].Reasons = nil
		}
	}
}
