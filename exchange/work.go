package exchange

import (
	"time"

	"sportello/model"
	"sportello/store"
)

// The work records (1.3, issue #15): employers with the history of their
// flags, their vacancies, the proposals of people to employers, the
// internships with their months, the enterprises with their steps and
// funding applications. They refer to employers and cases by stable ID.
// docs/exchange.md maps their fields to the SAP (sections 4 and 6).

// Employer is a business or household the desk works with.
type Employer struct {
	ID            string         `json:"id"`
	Denominazione string         `json:"denominazione,omitempty"`  // name; left out of pseudonymised documents
	CodiceFiscale string         `json:"codice_fiscale,omitempty"` // kept in pseudonymised documents only for a legal entity
	PartitaIVA    string         `json:"partita_iva,omitempty"`    // likewise
	PersonaGiur   bool           `json:"persona_giuridica"`        // derived: the codice fiscale is a legal entity's (11 digits)
	SettoreAteco  string         `json:"settore_ateco,omitempty"`  // ATECO 2007 section or code
	Indirizzo     string         `json:"indirizzo,omitempty"`
	WorkAddress   string         `json:"work_address,omitempty"`
	Phone         string         `json:"phone,omitempty"`
	Email         string         `json:"email,omitempty"`
	ContactPerson string         `json:"contact_person,omitempty"`
	ContactRole   string         `json:"contact_role,omitempty"`
	CCNL          string         `json:"ccnl,omitempty"` // ID in the CCNL table
	CCNLOther     string         `json:"ccnl_other,omitempty"`
	QualityNet    bool           `json:"quality_net"`
	EthicalLabel  string         `json:"ethical_label,omitempty"`
	Notes         string         `json:"notes,omitempty"`
	Flags         []EmployerFlag `json:"flags"` // every flag, open or lifted, oldest first
	CreatedAt     string         `json:"created_at"`
	UpdatedAt     string         `json:"updated_at"`
	Sync          *Sync          `json:"sync,omitempty"`
}

// EmployerFlag is a flag raised on an employer on a report of exploitation
// or irregular work; a lifted one stays as history.
type EmployerFlag struct {
	Reason    string `json:"reason,omitempty"` // left out of pseudonymised documents
	Date      string `json:"date"`             // of the report, YYYY-MM-DD
	FlaggedBy string `json:"flagged_by,omitempty"`
	FlaggedAt string `json:"flagged_at"`
	LiftedAt  string `json:"lifted_at,omitempty"`
	LiftedBy  string `json:"lifted_by,omitempty"`
	LiftNote  string `json:"lift_note,omitempty"` // left out of pseudonymised documents
}

// Vacancy is a job an employer offers, with what the agreement check found
// and a coordinator's clearance.
type Vacancy struct {
	ID               string   `json:"id"`
	EmployerID       string   `json:"employer_id"`
	Title            string   `json:"title,omitempty"`
	QualificaCP2011  string   `json:"qualifica_cp2011,omitempty"`
	QualificaISCO    string   `json:"qualifica_isco08,omitempty"`
	ESCO             string   `json:"esco,omitempty"`
	Place            string   `json:"place,omitempty"`
	DataInizio       string   `json:"data_inizio,omitempty"`
	DataFine         string   `json:"data_fine,omitempty"`
	LavoroStagionale bool     `json:"lavoro_stagionale"`
	WeeklyHours      float64  `json:"weekly_hours"`
	DailyHours       float64  `json:"daily_hours"`
	DaysPerWeek      int      `json:"days_per_week"`
	TipoContratto    string   `json:"tipo_contratto,omitempty"` // model.ContractTypes
	PayCents         int64    `json:"pay_cents"`
	PayUnit          string   `json:"pay_unit,omitempty"`
	CCNL             string   `json:"ccnl,omitempty"`
	CCNLLevel        string   `json:"ccnl_level,omitempty"`
	Housing          bool     `json:"housing"`
	Transport        bool     `json:"transport"`
	Languages        []string `json:"languages"`
	Licences         []string `json:"licences"`
	Posts            int      `json:"posts"`
	State            string   `json:"state"`
	Breaches         []Breach `json:"breaches"`
	ClearedAt        string   `json:"cleared_at,omitempty"`
	ClearedBy        string   `json:"cleared_by,omitempty"`
	ClearNote        string   `json:"clear_note,omitempty"`
	CreatedAt        string   `json:"created_at"`
	UpdatedAt        string   `json:"updated_at"`
	Sync             *Sync    `json:"sync,omitempty"`
}

// Breach is what the agreement check found wrong in a vacancy.
type Breach struct {
	Code   string  `json:"code"`
	Index  string  `json:"index"`
	Limit  float64 `json:"limit"`
	Actual float64 `json:"actual"`
}

// Proposal puts a person forward to an employer; when hired, it is a work
// experience (SAP section 4).
type Proposal struct {
	ID            string  `json:"id"`
	CaseID        string  `json:"case_id"`
	EmployerID    string  `json:"employer_id"`
	VacancyID     string  `json:"vacancy_id,omitempty"`
	ConsentID     string  `json:"consent_id,omitempty"`
	State         string  `json:"state"`
	ProposedAt    string  `json:"proposed_at"`
	InterviewAt   string  `json:"interview_at,omitempty"`
	DecidedAt     string  `json:"decided_at,omitempty"`
	Reason        string  `json:"reason,omitempty"`  // model.NotHiredReasons
	Outcome       string  `json:"outcome,omitempty"` // free text
	TipoContratto string  `json:"tipo_contratto,omitempty"`
	DataInizio    string  `json:"data_inizio,omitempty"` // of the job, YYYY-MM-DD
	WeeklyHours   float64 `json:"weekly_hours"`
	Still4Weeks   string  `json:"still_4w,omitempty"`
	Still6Months  string  `json:"still_6m,omitempty"`
	FlaggedOK     bool    `json:"flagged_ok"`
	CreatedBy     string  `json:"created_by,omitempty"`
	Sync          *Sync   `json:"sync,omitempty"`
}

// Internship is a tirocinio extracurricolare with a host employer.
type Internship struct {
	ID             string       `json:"id"`
	CaseID         string       `json:"case_id"`
	EmployerID     string       `json:"employer_id"`
	Tutor          string       `json:"tutor,omitempty"`
	DeskTutor      string       `json:"desk_tutor,omitempty"`
	DataInizio     string       `json:"data_inizio"`
	DataFine       string       `json:"data_fine"`
	WeeklyHours    float64      `json:"weekly_hours"`
	AllowanceCents int64        `json:"allowance_cents"`
	PlannedCents   int64        `json:"planned_cents"`
	Attendance     []Attendance `json:"attendance"`
	Outcome        string       `json:"outcome,omitempty"`
	OutcomeNote    string       `json:"outcome_note,omitempty"`
	Sync           *Sync        `json:"sync,omitempty"`
}

// Attendance is one month of an internship.
type Attendance struct {
	Month     string  `json:"month"` // YYYY-MM
	Hours     float64 `json:"hours"`
	PaidCents int64   `json:"paid_cents"`
	Note      string  `json:"note,omitempty"`
}

// Enterprise is a person's path to self-employment.
type Enterprise struct {
	ID           string    `json:"id"`
	CaseID       string    `json:"case_id"`
	Idea         string    `json:"idea,omitempty"`
	Name         string    `json:"name,omitempty"`
	RegisteredAt string    `json:"registered_at,omitempty"`
	LegalForm    string    `json:"legal_form,omitempty"`
	SettoreAteco string    `json:"settore_ateco,omitempty"`
	PartitaIVA   string    `json:"partita_iva,omitempty"`
	Steps        []Step    `json:"steps"`
	Funding      []Funding `json:"funding"`
	Sync         *Sync     `json:"sync,omitempty"`
}

// Step is a step of support towards an enterprise.
type Step struct {
	What string `json:"what,omitempty"`
	Date string `json:"date,omitempty"`
	Done bool   `json:"done"`
}

// Funding is an application for money.
type Funding struct {
	Kind        string `json:"kind"`
	Body        string `json:"body,omitempty"`
	AmountCents int64  `json:"amount_cents"`
	State       string `json:"state"`
	Date        string `json:"date,omitempty"`
}

// day writes a date as the format does: YYYY-MM-DD, "" when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// legalEntity tells an employer whose codice fiscale is a legal entity's
// (11 digits): a company, not a person.
func legalEntity(cf string) bool {
	if len(cf) != 11 {
		return false
	}
	for _, c := range cf {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// buildWork adds the snapshot's work records to d.
func buildWork(d *Document, s *store.Snapshot, ref func(string, int64) string, sync func(string, string) *Sync) {
	for _, e := range s.Employers {
		r := employerRecord(&e, s.Flags[e.ID], ref)
		r.Sync = sync("employer", r.ID)
		d.Employers = append(d.Employers, r)
	}
	for _, v := range s.Vacancies {
		r := vacancyRecord(&v, ref)
		r.Sync = sync("vacancy", r.ID)
		d.Vacancies = append(d.Vacancies, r)
	}
	for _, p := range s.Proposals {
		d.Proposals = append(d.Proposals, Proposal{ID: p.UID, CaseID: ref("case", p.CaseID),
			EmployerID: ref("employer", p.EmployerID), VacancyID: ref("vacancy", p.VacancyID),
			ConsentID: ref("consent", p.ConsentID), State: string(p.State), ProposedAt: stamp(p.ProposedAt),
			InterviewAt: stamp(p.InterviewAt), DecidedAt: stamp(p.DecidedAt), Reason: p.Reason, Outcome: p.Outcome,
			TipoContratto: p.Contract, DataInizio: day(p.HiredFrom), WeeklyHours: p.WeeklyHours, Still4Weeks: p.Still4Weeks,
			Still6Months: p.Still6Months, FlaggedOK: p.FlaggedOK, CreatedBy: ref("operator", p.CreatedBy),
			Sync: sync("proposal", p.UID)})
	}
	for _, in := range s.Internships {
		r := Internship{ID: in.UID, CaseID: ref("case", in.CaseID), EmployerID: ref("employer", in.EmployerID),
			Tutor: in.Tutor, DeskTutor: in.DeskTutor, DataInizio: day(in.Start), DataFine: day(in.End),
			WeeklyHours: in.WeeklyHours, AllowanceCents: in.AllowanceCents, PlannedCents: in.PlannedCents,
			Attendance: []Attendance{}, Outcome: string(in.Outcome), OutcomeNote: in.OutcomeNote,
			Sync: sync("internship", in.UID)}
		for _, a := range in.Attendance {
			r.Attendance = append(r.Attendance, Attendance{Month: a.Month.UTC().Format("2006-01"), Hours: a.Hours,
				PaidCents: a.PaidCents, Note: a.Note})
		}
		d.Internships = append(d.Internships, r)
	}
	for _, e := range s.Enterprises {
		r := Enterprise{ID: e.UID, CaseID: ref("case", e.CaseID), Idea: e.Idea, Name: e.Name,
			RegisteredAt: day(e.RegisteredAt), LegalForm: e.LegalForm, SettoreAteco: e.Ateco, PartitaIVA: e.VATNumber,
			Steps: []Step{}, Funding: []Funding{}, Sync: sync("enterprise", e.UID)}
		for _, st := range e.Steps {
			r.Steps = append(r.Steps, Step{What: st.What, Date: day(st.Date), Done: st.Done})
		}
		for _, a := range e.Applications {
			r.Funding = append(r.Funding, Funding{Kind: string(a.Kind), Body: a.Body, AmountCents: a.AmountCents,
				State: string(a.State), Date: day(a.Date)})
		}
		d.Enterprises = append(d.Enterprises, r)
	}
	s.Employers, s.Flags, s.Vacancies, s.Proposals, s.Internships, s.Enterprises = nil, nil, nil, nil, nil, nil
}

func employerRecord(e *model.Employer, flags []store.FlagRecord, ref func(string, int64) string) Employer {
	r := Employer{ID: e.UID, Denominazione: e.Name, CodiceFiscale: e.FiscalCode, PartitaIVA: e.VATNumber,
		PersonaGiur: legalEntity(e.FiscalCode), SettoreAteco: e.Ateco, Indirizzo: e.Address, WorkAddress: e.WorkAddress,
		Phone: e.Phone, Email: e.Email, ContactPerson: e.ContactPerson, ContactRole: e.ContactRole, CCNL: e.CCNL,
		CCNLOther: e.CCNLOther, QualityNet: e.QualityNet, EthicalLabel: e.EthicalLabel, Notes: e.Notes,
		Flags: []EmployerFlag{}, CreatedAt: stamp(e.CreatedAt), UpdatedAt: stamp(e.UpdatedAt)}
	for _, f := range flags {
		r.Flags = append(r.Flags, EmployerFlag{Reason: f.Reason, Date: day(f.Date), FlaggedBy: ref("operator", f.By),
			FlaggedAt: stamp(f.FlaggedAt), LiftedAt: stamp(f.LiftedAt), LiftedBy: ref("operator", f.LiftedBy),
			LiftNote: f.LiftNote})
	}
	return r
}

func vacancyRecord(v *model.Vacancy, ref func(string, int64) string) Vacancy {
	r := Vacancy{ID: v.UID, EmployerID: ref("employer", v.EmployerID), Title: v.Title, QualificaCP2011: v.CP2011,
		QualificaISCO: v.ISCO, ESCO: v.ESCO, Place: v.Place, DataInizio: day(v.Start), DataFine: day(v.End),
		LavoroStagionale: v.Seasonal, WeeklyHours: v.WeeklyHours, DailyHours: v.DailyHours, DaysPerWeek: v.DaysPerWeek,
		TipoContratto: v.ContractType, PayCents: v.PayCents, PayUnit: string(v.PayUnit), CCNL: v.CCNL,
		CCNLLevel: v.CCNLLevel, Housing: v.Housing, Transport: v.Transport, Languages: list(v.Languages),
		Licences: list(v.Licences), Posts: v.Posts, State: string(v.State), Breaches: []Breach{},
		ClearedAt: stamp(v.ClearedAt), ClearedBy: ref("operator", v.ClearedBy), ClearNote: v.ClearNote,
		CreatedAt: stamp(v.CreatedAt), UpdatedAt: stamp(v.UpdatedAt)}
	for _, b := range v.Breaches {
		r.Breaches = append(r.Breaches, Breach{Code: b.Code, Index: b.Index, Limit: b.Limit, Actual: b.Actual})
	}
	return r
}
