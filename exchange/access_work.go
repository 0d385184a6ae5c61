package exchange

import (
	"sportello/model"
)

// AccessProposal is a proposal of the person to an employer, with how it went.
type AccessProposal struct {
	Employer     string  `json:"employer"`
	Vacancy      string  `json:"vacancy"` // "" for a spontaneous proposal
	State        string  `json:"state"`
	ProposedAt   string  `json:"proposed_at"`
	InterviewAt  string  `json:"interview_at"`
	DecidedAt    string  `json:"decided_at"`
	Reason       string  `json:"reason"`
	Outcome      string  `json:"outcome"`
	Contract     string  `json:"contract"`
	HiredFrom    string  `json:"hired_from"`
	WeeklyHours  float64 `json:"weekly_hours"`
	Still4Weeks  string  `json:"still_employed_4_weeks"`
	Still6Months string  `json:"still_employed_6_months"`
}

// AccessInternship is an internship with its months of attendance.
type AccessInternship struct {
	Host           string             `json:"host"`
	Tutor          string             `json:"tutor"`
	DeskTutor      string             `json:"desk_tutor"`
	Start          string             `json:"start"`
	End            string             `json:"end"`
	WeeklyHours    float64            `json:"weekly_hours"`
	AllowanceCents int64              `json:"monthly_allowance_cents"`
	PlannedCents   int64              `json:"planned_cents"`
	Attendance     []AccessAttendance `json:"attendance"`
	Outcome        string             `json:"outcome"`
	OutcomeNote    string             `json:"outcome_note"`
}

// AccessAttendance is one month of an internship.
type AccessAttendance struct {
	Month     string  `json:"month"` // YYYY-MM
	Hours     float64 `json:"hours"`
	PaidCents int64   `json:"paid_cents"`
	Note      string  `json:"note"`
}

// AccessEnterprise is a path to an enterprise of the person's own.
type AccessEnterprise struct {
	Idea         string          `json:"idea"`
	Steps        []AccessStep    `json:"steps"`
	Applications []AccessFunding `json:"applications"`
	Name         string          `json:"name"`
	RegisteredAt string          `json:"registered_at"`
	LegalForm    string          `json:"legal_form"`
	Ateco        string          `json:"ateco"`
	VATNumber    string          `json:"vat_number"`
}

// AccessStep is a step of support towards the enterprise.
type AccessStep struct {
	What string `json:"what"`
	Date string `json:"date"`
	Done bool   `json:"done"`
}

// AccessFunding is an application for microcredit or a grant.
type AccessFunding struct {
	Kind        string `json:"kind"`
	Body        string `json:"body"`
	AmountCents int64  `json:"amount_cents"`
	State       string `json:"state"`
	Date        string `json:"date"`
}

// accessWork adds a case's way to work to what the access request gives.
func accessWork(f *model.PersonFile, c model.FileCase, out *AccessCase) {
	out.Proposals, out.Internships, out.Enterprises = []AccessProposal{}, []AccessInternship{}, []AccessEnterprise{}
	for _, p := range c.Proposals {
		out.Proposals = append(out.Proposals, AccessProposal{Employer: f.Employers[p.EmployerID], Vacancy: f.Vacancies[p.VacancyID],
			State: string(p.State), ProposedAt: stamp(p.ProposedAt), InterviewAt: stamp(p.InterviewAt), DecidedAt: stamp(p.DecidedAt),
			Reason: p.Reason, Outcome: p.Outcome, Contract: p.Contract, HiredFrom: stamp(p.HiredFrom), WeeklyHours: p.WeeklyHours,
			Still4Weeks: p.Still4Weeks, Still6Months: p.Still6Months})
	}
	for _, in := range c.Internships {
		a := AccessInternship{Host: f.Employers[in.EmployerID], Tutor: in.Tutor, DeskTutor: in.DeskTutor, Start: stamp(in.Start),
			End: stamp(in.End), WeeklyHours: in.WeeklyHours, AllowanceCents: in.AllowanceCents, PlannedCents: in.PlannedCents,
			Attendance: []AccessAttendance{}, Outcome: string(in.Outcome), OutcomeNote: in.OutcomeNote}
		for _, m := range in.Attendance {
			a.Attendance = append(a.Attendance, AccessAttendance{Month: m.Month.UTC().Format("2006-01"), Hours: m.Hours,
				PaidCents: m.PaidCents, Note: m.Note})
		}
		out.Internships = append(out.Internships, a)
	}
	for _, e := range c.Enterprises {
		a := AccessEnterprise{Idea: e.Idea, Steps: []AccessStep{}, Applications: []AccessFunding{}, Name: e.Name,
			RegisteredAt: stamp(e.RegisteredAt), LegalForm: e.LegalForm, Ateco: e.Ateco, VATNumber: e.VATNumber}
		for _, st := range e.Steps {
			a.Steps = append(a.Steps, AccessStep{What: st.What, Date: stamp(st.Date), Done: st.Done})
		}
		for _, ap := range e.Applications {
			a.Applications = append(a.Applications, AccessFunding{Kind: string(ap.Kind), Body: ap.Body,
				AmountCents: ap.AmountCents, State: string(ap.State), Date: stamp(ap.Date)})
		}
		out.Enterprises = append(out.Enterprises, a)
	}
}
