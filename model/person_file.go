package model

import "time"

// PersonFile is everything the desk holds about one person, read at once
// to answer their access request (GDPR art. 15) and to hand it to them in
// a portable form (art. 20): their record, cases, interviews with every
// answer, screenings, plans, consents with their scans, referrals with
// what each gave the service, and who did what to the file and when.
type PersonFile struct {
	MadeAt time.Time    // when the file was read
	MadeBy FileOperator // who answered the request
	Desk   FileDesk     // the controller, from the settings

	Person   Person
	Cases    []FileCase
	Consents []FileConsent   // newest first
	Skills   []SkillsProfile // every version of the skills profile, newest first
	Events   []AuditEvent    // about the person and their records, oldest first

	Operators map[int64]FileOperator // the operators the file names, by ID
	Services  map[int64]string       // the services the file names, by ID
	Employers map[int64]string       // the employers the file names (proposals, internships), by ID
	Vacancies map[int64]string       // the job offers the file's proposals answer: their titles, by ID
}

// FileDesk is what the settings say of the desk and the data controller.
type FileDesk struct {
	Organisation string
	Desk         string
	Phone        string
	Controller   string // the data controller, with contacts
	DPO          string // the data protection officer's contact
	Logo         []byte // PNG, when set
}

// FileOperator names an operator and their role.
type FileOperator struct {
	Name string
	Role Role
}

// FileCase is one case with what hangs off it.
type FileCase struct {
	Case
	Interviews []FileInterview // newest first
	Plans      []Plan          // newest version first
	Referrals  []FileReferral  // newest first
	// The way to work: proposals to employers (newest first), internships
	// (newest first) and enterprise paths.
	Proposals   []Proposal
	Internships []Internship
	Enterprises []Enterprise
}

// FileInterview is an interview with its answers and its screening, if any.
type FileInterview struct {
	Interview
	Screening *ScreeningRecord
}

// FileConsent is a consent with its signed scan, when one is kept.
type FileConsent struct {
	Consent
	Scan []byte
}

// FileReferral is a referral and what its letter gave the service.
type FileReferral struct {
	Referral
	Shared []string // ReferralShared, and the basis: "consent" or "legal_basis"
}

// ReferralShared lists what a referral letter gives the service about the
// person (see the referral letter in printouts): their name, the language
// they speak, why they are referred and how urgently. The letter also says
// what the sharing rests on: the date of the consent, or a legal basis.
var ReferralShared = []string{"name", "language", "reason", "urgency"}

// SharedByReferral is what the referral's letter gives the service: the
// fields of ReferralShared, then "consent" or "legal_basis".
func SharedByReferral(r *Referral) []string {
	basis := "consent"
	if r.LegalBasis != "" {
		basis = "legal_basis"
	}
	return append(append([]string(nil), ReferralShared...), basis)
}

// OperatorName is the name of the operator with the ID, or "".
func (f *PersonFile) OperatorName(id int64) string { return f.Operators[id].Name }

// ServiceName is the name of the service with the ID, or "".
func (f *PersonFile) ServiceName(id int64) string { return f.Services[id] }
