package exchange

import "encoding/json"

// Format names the exchange format; FormatVersion is its version, in every
// file. A reader refuses a major version it does not know. 1.1 added a
// person's erasure (Person.Erased); 1.2 the skills profiles
// (SkillsProfiles) and the consent purpose share_employer; 1.3 the work
// records (Employers, Vacancies, Proposals, Internships, Enterprises) and
// the employer a sharing consent names (Consent.EmployerID); 1.4 a closed
// case's exit data (Case exit_reason, exit_outcomes, exit_contract,
// exit_note); 1.5 the regional pseudonym of a pseudonymised document's
// persons (Person.RegionalPseudonym, Document.Regional); 1.6 the files
// merged into another (PersonMerges, full documents only); 1.0 to 1.5
// documents read as before.
const (
	Format        = "sportello-exchange"
	FormatVersion = "1.6"
)

// Document is one export: the desk it comes from, what it holds, and the
// records. Field names follow the ministry's SAP (Scheda Anagrafica
// Professionale) where the two overlap, in Italian; the rest are English.
type Document struct {
	Format        string `json:"format"`
	FormatVersion string `json:"format_version"`
	GeneratedAt   string `json:"generated_at"` // RFC 3339, UTC
	Desk          Desk   `json:"desk"`
	Mode          string `json:"mode"` // ModeFull or ModePseudonymised
	Scope         Scope  `json:"scope"`

	Regional *Regional `json:"regional,omitempty"` // 1.5, pseudonymised documents: how persons carry their regional pseudonym

	Operators  []Operator  `json:"operators"`
	Services   []Service   `json:"services"`
	Persons    []Person    `json:"persons"`
	Cases      []Case      `json:"cases"`
	Interviews []Interview `json:"interviews"`
	Plans      []Plan      `json:"plans"`
	Consents   []Consent   `json:"consents"`
	Referrals  []Referral  `json:"referrals"`
	Activities []Activity  `json:"activities"`

	SkillsProfiles []SkillsProfile `json:"skills_profiles,omitempty"` // 1.2

	Employers   []Employer   `json:"employers,omitempty"` // 1.3, work.go
	Vacancies   []Vacancy    `json:"vacancies,omitempty"`
	Proposals   []Proposal   `json:"proposals,omitempty"`
	Internships []Internship `json:"internships,omitempty"`
	Enterprises []Enterprise `json:"enterprises,omitempty"`

	PersonMerges []PersonMerge `json:"person_merges,omitempty"` // 1.6, full documents: files merged into another
}

// PersonMerge says that a person's file was merged into another file of
// the same person: a desk that receives it merges its own copies the same
// way, and takes any later record of the merged file onto the kept one.
type PersonMerge struct {
	Merged         string `json:"merged"`           // the file merged away, its stable ID
	Kept           string `json:"kept"`             // the file kept
	MergedCaseCode string `json:"merged_case_code"` // the case code the merged file had
	At             string `json:"at"`               // RFC 3339, UTC
}

// Modes of an export.
const (
	ModeFull          = "full"
	ModePseudonymised = "pseudonymised"
)

// Desk names the workstation an export comes from.
type Desk struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	CasePrefix   string `json:"case_prefix"`
}

// Scope says whether an export is complete or holds only what changed.
type Scope struct {
	Kind  string `json:"kind"`            // "complete" or "incremental"
	Since string `json:"since,omitempty"` // incremental: a date, or "rev:N" of the desk's change log
	UpTo  int64  `json:"up_to"`           // the desk's change-log position the export reaches
}

// Scope kinds.
const (
	ScopeComplete    = "complete"
	ScopeIncremental = "incremental"
)

// Sync is what a bundle carries for merging: the hash of the record as it
// was at the sending desk's last exchange of it ("" if never exchanged).
// Plain exports leave it out.
type Sync struct {
	Base string `json:"base"`
}

// Operator is a user account, without its password.
type Operator struct {
	ID       string `json:"id"`
	Username string `json:"username,omitempty"`
	FullName string `json:"full_name,omitempty"`
	Role     string `json:"role"`
	Active   bool   `json:"active"`
	Sync     *Sync  `json:"sync,omitempty"`
}

// Service is one entry of the local map of services.
type Service struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Address   string   `json:"address,omitempty"`
	Phone     string   `json:"phone,omitempty"`
	Email     string   `json:"email,omitempty"`
	Hours     string   `json:"hours,omitempty"`
	Languages []string `json:"languages"`
	Area      string   `json:"area,omitempty"`
	Notes     string   `json:"notes,omitempty"`
	Sync      *Sync    `json:"sync,omitempty"`
}

// Person is a person's registry record (SAP section 1, dati anagrafici).
type Person struct {
	ID               string    `json:"id"`
	CaseCode         string    `json:"case_code,omitempty"`
	Cognome          string    `json:"cognome,omitempty"`
	Nome             string    `json:"nome,omitempty"`
	OwnScriptName    string    `json:"own_script_name,omitempty"`
	Aliases          []string  `json:"aliases,omitempty"`
	Sesso            string    `json:"sesso"`        // SAP: M, F, or "" (not recorded or other)
	SexRecorded      string    `json:"sex_recorded"` // as recorded: F, M, X or ""
	DataNascita      string    `json:"data_nascita,omitempty"`
	StatoNascita     *Country  `json:"stato_nascita,omitempty"`
	Cittadinanza     []Country `json:"cittadinanza"`
	Languages        []string  `json:"languages"`
	PreferredLang    string    `json:"preferred_language,omitempty"`
	Telefono         string    `json:"telefono,omitempty"`
	Domicilio        string    `json:"domicilio,omitempty"`
	DomicileInformal bool      `json:"domicile_informal"`
	CodiceFiscale    string    `json:"codice_fiscale,omitempty"`
	TitoloSoggiorno  Permit    `json:"titolo_soggiorno"`
	Vulnerabilities  []string  `json:"vulnerabilities"`
	Channel          string    `json:"channel,omitempty"`
	CreatedAt        string    `json:"created_at"`
	UpdatedAt        string    `json:"updated_at"`
	Erased           *Erasure  `json:"erased,omitempty"` // 1.1: the person was erased; only the tally is left
	// 1.5, pseudonymised documents: the same for the same person at every
	// desk that has the same regional key (Document.Regional).
	RegionalPseudonym string `json:"regional_pseudonym,omitempty"`
	Sync              *Sync  `json:"sync,omitempty"`
}

// Erasure says that a person was erased (GDPR art. 17), when and on which
// ground: the tombstone that carries an erasure to the other desks, which
// erase their copy and take no personal value of that person any more.
type Erasure struct {
	At     string `json:"at"`             // RFC 3339, UTC
	Reason string `json:"reason"`         // model.ErasureReason
	Note   string `json:"note,omitempty"` // the coordinator's note; left out of pseudonymised documents
}

// Country is a country by its ISTAT code (the SAP codelist) and ISO code.
type Country struct {
	ISTAT string `json:"istat"`
	ISO   string `json:"iso"`
}

// Permit is the residence permit (titolo di soggiorno).
type Permit struct {
	Tipo     string `json:"tipo,omitempty"`
	Numero   string `json:"numero,omitempty"`
	Scadenza string `json:"scadenza,omitempty"`
	Stato    string `json:"stato,omitempty"` // none, expired, applied, valid
}

// Case is a person's path with the desk, with its team.
type Case struct {
	ID         string   `json:"id"`
	PersonID   string   `json:"person_id"`
	OpenedAt   string   `json:"opened_at"`
	ClosedAt   string   `json:"closed_at,omitempty"`
	Status     string   `json:"status"`
	OperatorID string   `json:"operator_id,omitempty"`
	Team       []string `json:"team"`
	Priority   string   `json:"priority"`
	// The standing closure's exit data, left out while the case is open.
	ExitReason   string   `json:"exit_reason,omitempty"`
	ExitOutcomes []string `json:"exit_outcomes,omitempty"`
	ExitContract string   `json:"exit_contract,omitempty"`
	ExitNote     string   `json:"exit_note,omitempty"`
	Sync         *Sync    `json:"sync,omitempty"`
}

// Interview is an interview with its answers and screening, and the SAP
// fields derived from the answers.
type Interview struct {
	ID                   string     `json:"id"`
	CaseID               string     `json:"case_id"`
	Date                 string     `json:"date"`
	Kind                 string     `json:"kind"`
	OperatorID           string     `json:"operator_id,omitempty"`
	Mediator             string     `json:"mediator,omitempty"`
	Language             string     `json:"language,omitempty"`
	QuestionnaireVersion string     `json:"questionnaire_version,omitempty"`
	Notes                string     `json:"notes,omitempty"`
	DurationS            int64      `json:"duration_s"`
	Place                string     `json:"place"`
	Status               string     `json:"status"`
	Section              int        `json:"section"`
	Answers              []Answer   `json:"answers"`
	Screening            *Screening `json:"screening,omitempty"`
	SAP                  *SAPFields `json:"sap,omitempty"`
	Sync                 *Sync      `json:"sync,omitempty"`
}

// Answer is one answer; a repeatable group's field carries its instance
// ("work.jobs.sector#0").
type Answer struct {
	QuestionID string `json:"question_id"`
	Value      string `json:"value"`
	UpdatedAt  string `json:"updated_at"`
}

// Screening is the reasoned flag computed when the interview ended, with
// the operator's decision on a referral.
type Screening struct {
	ComputedAt   string          `json:"computed_at"`
	Result       json.RawMessage `json:"result"`
	Trafficking  bool            `json:"trafficking"`
	Decision     string          `json:"decision,omitempty"`
	DecisionNote string          `json:"decision_note,omitempty"`
	DecidedBy    string          `json:"decided_by,omitempty"`
	DecidedAt    string          `json:"decided_at,omitempty"`
}

// SAPFields are the answers that map onto SAP sections 4 and 5, coded with
// the standard codelists. They are derived: an import reads the answers.
type SAPFields struct {
	EsperienzeLavoro []Esperienza `json:"esperienze_lavoro"`
	LivelloStudio    string       `json:"livello_studio,omitempty"` // education level code (NED..RDD)
}

// Esperienza is one job of the work history (SAP section 4).
type Esperienza struct {
	SettoreAteco  string `json:"settore_ateco,omitempty"` // ATECO 2007 section letter
	QualificaISCO string `json:"qualifica_isco08,omitempty"`
	DataInizio    string `json:"data_inizio,omitempty"`
	DataFine      string `json:"data_fine,omitempty"`
	TipoContratto string `json:"tipo_contratto,omitempty"` // none, oral, written, agency
}

// Plan is one version of an individual action plan, whole.
type Plan struct {
	ID        string   `json:"id"`
	CaseID    string   `json:"case_id"`
	Version   int      `json:"version"`
	Status    string   `json:"status"`
	Reviews   []string `json:"reviews"`
	AgreedAt  string   `json:"agreed_at,omitempty"`
	SignedBy  string   `json:"signed_by,omitempty"`
	AgreedBy  string   `json:"agreed_by,omitempty"`
	CreatedAt string   `json:"created_at"`
	UpdatedAt string   `json:"updated_at"`
	Goals     []Goal   `json:"goals"`
	Budget    []Budget `json:"budget"`
	Sync      *Sync    `json:"sync,omitempty"`
}

// Goal is a goal of a plan, with its actions.
type Goal struct {
	Area    string   `json:"area"`
	Text    string   `json:"text,omitempty"`
	Actions []Action `json:"actions"`
}

// Action is a step towards a goal.
type Action struct {
	What       string `json:"what,omitempty"`
	OperatorID string `json:"operator_id,omitempty"`
	ServiceID  string `json:"service_id,omitempty"`
	Due        string `json:"due,omitempty"`
	Status     string `json:"status"`
	Outcome    string `json:"outcome,omitempty"`
}

// Budget is an allowance line of a plan, in euro cents.
type Budget struct {
	Purpose      string `json:"purpose"`
	PlannedCents int64  `json:"planned_cents"`
	SpentCents   int64  `json:"spent_cents"`
	Note         string `json:"note,omitempty"`
}

// Consent is one consent record; records are never changed, only added.
type Consent struct {
	ID            string `json:"id"`
	PersonID      string `json:"person_id"`
	Purpose       string `json:"purpose"`
	ServiceID     string `json:"service_id,omitempty"`
	EmployerID    string `json:"employer_id,omitempty"` // 1.3: for sharing with an employer
	NoticeVersion string `json:"notice_version"`
	Language      string `json:"language"`
	Mediator      string `json:"mediator,omitempty"`
	State         string `json:"state"`
	Date          string `json:"date"`
	ScanName      string `json:"scan_name,omitempty"`
	Scan          []byte `json:"scan,omitempty"` // bundles only: the signed paper, base64
	RecordedBy    string `json:"recorded_by,omitempty"`
	Sync          *Sync  `json:"sync,omitempty"`
}

// Referral is a referral to a service.
type Referral struct {
	ID          string `json:"id"`
	CaseID      string `json:"case_id"`
	ServiceID   string `json:"service_id"`
	Reason      string `json:"reason,omitempty"`
	Urgency     string `json:"urgency"`
	ConsentID   string `json:"consent_id,omitempty"`
	LegalBasis  string `json:"legal_basis,omitempty"`
	Status      string `json:"status"`
	Created     string `json:"created"`
	SentAt      string `json:"sent_at,omitempty"`
	AnsweredAt  string `json:"answered_at,omitempty"`
	CompletedAt string `json:"completed_at,omitempty"`
	FollowUp    string `json:"follow_up,omitempty"`
	Feedback    string `json:"feedback,omitempty"`
	Code        string `json:"code,omitempty"`
	Sync        *Sync  `json:"sync,omitempty"`
}

// Activity is counted work that names nobody.
type Activity struct {
	ID           string `json:"id"`
	Date         string `json:"date"`
	Kind         string `json:"kind"`
	Participants int    `json:"participants"`
	Place        string `json:"place,omitempty"`
	Notes        string `json:"notes,omitempty"`
	OperatorID   string `json:"operator_id,omitempty"`
	CreatedAt    string `json:"created_at"`
	Sync         *Sync  `json:"sync,omitempty"`
}
