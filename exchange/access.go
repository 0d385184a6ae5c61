package exchange

// A person's own data, as the portable file given with their access
// request (GDPR art. 20). Keys are snake_case; times are RFC 3339 in UTC
// and dates ISO 8601, "YYYY", "YYYY-MM" or "YYYY-MM-DD" where only part of
// a date is known; codes are the ones docs/exchange.md lists; names of
// operators and services are written out; scans are base64.

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"

	"sportello/model"
)

// AccessFormat names the person's file; AccessFormatVersion is its version.
const (
	AccessFormat        = "sportello-person-data"
	AccessFormatVersion = "1.0"
)

// AccessFile is everything the desk holds about one person.
type AccessFile struct {
	Format        string          `json:"format"`
	FormatVersion string          `json:"format_version"`
	GeneratedAt   string          `json:"generated_at"`
	GeneratedBy   AccessOperator  `json:"generated_by"`
	Controller    AccessDesk      `json:"controller"`
	Person        Person          `json:"person"` // as in the exchange format
	Cases         []AccessCase    `json:"cases"`
	Consents      []AccessConsent `json:"consents"`
	AuditEvents   []AccessEvent   `json:"audit_events"`
}

// AccessOperator is an operator by name and role.
type AccessOperator struct {
	Name string `json:"name"`
	Role string `json:"role"`
}

// AccessDesk is the desk and the data controller.
type AccessDesk struct {
	Organisation string `json:"organisation"`
	Desk         string `json:"desk"`
	Phone        string `json:"phone"`
	Controller   string `json:"controller"`
	DPO          string `json:"dpo"`
}

// AccessCase is one case with what hangs off it.
type AccessCase struct {
	OpenedAt         string            `json:"opened_at"`
	ClosedAt         string            `json:"closed_at"`
	Status           string            `json:"status"`
	Priority         string            `json:"priority"`
	AssignedOperator string            `json:"assigned_operator"`
	Team             []string          `json:"team"`
	Interviews       []AccessInterview `json:"interviews"`
	Plans            []AccessPlan      `json:"plans"`
	Referrals        []AccessReferral  `json:"referrals"`
	// The way to work (access_work.go).
	Proposals   []AccessProposal   `json:"proposals"`
	Internships []AccessInternship `json:"internships"`
	Enterprises []AccessEnterprise `json:"enterprises"`
}

// AccessInterview is an interview with every answer and its screening.
type AccessInterview struct {
	Date                 string           `json:"date"`
	Kind                 string           `json:"kind"`
	Place                string           `json:"place"`
	Language             string           `json:"language"`
	Mediator             string           `json:"mediator"`
	Operator             string           `json:"operator"`
	DurationMinutes      int              `json:"duration_minutes"`
	Status               string           `json:"status"`
	QuestionnaireVersion string           `json:"questionnaire_version"`
	Notes                string           `json:"notes"`
	Answers              []Answer         `json:"answers"`
	Screening            *AccessScreening `json:"screening"` // null when not screened
}

// AccessScreening is what a screening flagged and what the team decided.
type AccessScreening struct {
	ComputedAt   string          `json:"computed_at"`
	Result       model.Screening `json:"result"`
	Decision     string          `json:"decision"`
	DecisionNote string          `json:"decision_note"`
	DecidedBy    string          `json:"decided_by"`
	DecidedAt    string          `json:"decided_at"`
}

// AccessPlan is one version of an action plan.
type AccessPlan struct {
	Version  int            `json:"version"`
	Status   string         `json:"status"`
	AgreedAt string         `json:"agreed_at"`
	AgreedBy string         `json:"agreed_by"`
	SignedBy string         `json:"signed_by"`
	Reviews  []string       `json:"reviews"`
	Goals    []AccessGoal   `json:"goals"`
	Budget   []AccessBudget `json:"budget"`
}

// AccessGoal is a goal with its actions.
type AccessGoal struct {
	Area    string         `json:"area"`
	Text    string         `json:"text"`
	Actions []AccessAction `json:"actions"`
}

// AccessAction is one action: who answers for it is an operator or a service.
type AccessAction struct {
	What        string `json:"what"`
	Responsible string `json:"responsible"`
	Due         string `json:"due"`
	Status      string `json:"status"`
	Outcome     string `json:"outcome"`
}

// AccessBudget is a line of the allowance budget, in euro cents.
type AccessBudget struct {
	Purpose      string `json:"purpose"`
	PlannedCents int64  `json:"planned_cents"`
	SpentCents   int64  `json:"spent_cents"`
	Note         string `json:"note"`
}

// AccessConsent is one recorded answer about a purpose, with its scan.
type AccessConsent struct {
	Date          string `json:"date"`
	Purpose       string `json:"purpose"`
	Service       string `json:"service"` // the recipient, for sharing
	State         string `json:"state"`
	NoticeVersion string `json:"notice_version"`
	Language      string `json:"language"`
	Mediator      string `json:"mediator"`
	RecordedBy    string `json:"recorded_by"`
	ScanName      string `json:"scan_name"`
	Scan          []byte `json:"scan"` // base64; null when no scan is kept
}

// AccessReferral is a referral, the service it went to and what it received.
type AccessReferral struct {
	Code        string   `json:"code"`
	Service     string   `json:"service"`
	Reason      string   `json:"reason"`
	Urgency     string   `json:"urgency"`
	Status      string   `json:"status"`
	CreatedAt   string   `json:"created_at"`
	SentAt      string   `json:"sent_at"`
	AnsweredAt  string   `json:"answered_at"`
	CompletedAt string   `json:"completed_at"`
	FollowUp    string   `json:"follow_up"`
	Feedback    string   `json:"feedback"`
	LegalBasis  string   `json:"legal_basis"`
	Shared      []string `json:"shared"` // model.ReferralShared, then "consent" or "legal_basis"
}

// AccessEvent is one event of the audit trail about the person's file.
type AccessEvent struct {
	At       string `json:"at"`
	Operator string `json:"operator"` // "" for the program itself
	Role     string `json:"role"`
	Action   string `json:"action"`
	Record   string `json:"record"` // person, case, interview, plan, consent, referral
	Detail   string `json:"detail"`
}

// WriteAccessJSON writes the person's file as indented JSON.
func WriteAccessJSON(w io.Writer, f *model.PersonFile) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(BuildAccess(f))
}

// AccessFiles are the names of the two files of an access request, in dir:
// the PDF in lang and the JSON.
func AccessFiles(dir, caseCode, lang string) (pdf, js string) {
	base := filepath.Join(dir, "access-"+caseCode)
	return base + "-" + lang + ".pdf", base + ".json"
}

// WriteAccess writes the person's PDF (rendered by pdf) and JSON in dir,
// each readable by this account only; it returns their paths. A failure
// leaves neither half-written.
func WriteAccess(dir, lang string, f *model.PersonFile, pdf func(io.Writer) error) (pdfPath, jsonPath string, err error) {
	pdfPath, jsonPath = AccessFiles(dir, f.Person.CaseCode, lang)
	if err := WritePrivateFile(pdfPath, func(out *os.File) error { return pdf(out) }); err != nil {
		return "", "", err
	}
	if err := WritePrivateFile(jsonPath, func(out *os.File) error { return WriteAccessJSON(out, f) }); err != nil {
		os.Remove(pdfPath)
		return "", "", err
	}
	return pdfPath, jsonPath, nil
}
