package printouts

// The access document's sections about the way to work: proposals to
// employers, internships and enterprise paths.

import (
	"fmt"
	"strings"
	"time"

	"sportello/model"
	"sportello/typeset"
)

// proposals: each proposal to an employer, the job offer it answered, how
// it went and, for a hiring, the contract and the follow-up answers.
func (w *accessWriter) proposals() {
	w.heading("doc.access.work_proposals")
	n := 0
	for _, c := range w.f.Cases {
		for _, p := range c.Proposals {
			n++
			w.item("doc.access.work_proposal", map[string]any{"Employer": typeset.Isolate(w.employer(p.EmployerID)),
				"Date": typeset.IsolateLTR(w.day(p.ProposedAt))})
			if p.VacancyID == 0 {
				w.fieldOf("work_vacancy", w.label("doc.access.work_spontaneous"))
			} else {
				w.field("work_vacancy", w.f.Vacancies[p.VacancyID])
			}
			w.fieldOf("status", w.enum("work_proposal_state", string(p.State)))
			w.field("work_interview_on", w.day(p.InterviewAt))
			w.field("work_decided", w.day(p.DecidedAt))
			w.fieldOf("reason", w.enum("work_not_hired", p.Reason))
			if p.State == model.ProposalHired {
				w.field("work_contract", w.contract(p.Contract))
				w.field("work_hired_from", w.dayOnly(p.HiredFrom))
				w.field("work_weekly_hours", hours(p.WeeklyHours))
			}
			w.fieldOf("work_still_4w", w.enum("work", p.Still4Weeks))
			w.fieldOf("work_still_6m", w.enum("work", p.Still6Months))
			w.field("work_outcome", p.Outcome)
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
	}
}

// internships: each internship, its host, tutors, dates, hours, allowance,
// the hours and allowance of each month, and how it ended.
func (w *accessWriter) internships() {
	w.heading("doc.access.work_internships")
	n := 0
	for _, c := range w.f.Cases {
		for _, in := range c.Internships {
			n++
			w.item("doc.access.work_internship", map[string]any{"Employer": typeset.Isolate(w.employer(in.EmployerID))})
			w.field("work_from", w.dayOnly(in.Start))
			w.field("work_to", w.dayOnly(in.End))
			w.field("work_tutor", in.Tutor)
			w.field("work_desk_tutor", in.DeskTutor)
			w.field("work_weekly_hours", hours(in.WeeklyHours))
			w.fieldOf("work_allowance", euro(in.AllowanceCents))
			w.fieldOf("work_allowance_planned", euro(in.PlannedCents))
			var months []string
			for _, a := range in.Attendance {
				months = append(months, fmt.Sprintf("%s: %s h, %s", a.Month.UTC().Format("01/2006"),
					hours(a.Hours), typeset.StripControls(euro(a.PaidCents))))
			}
			if len(months) > 0 { // one left-to-right list, month after month, in every script
				w.fieldOf("work_attendance", typeset.IsolateLTR(strings.Join(months, "; ")))
			}
			w.fieldOf("work_paid", euro(in.Paid()))
			w.fieldOf("status", w.enum("work_outcome", string(in.Outcome)))
			w.field("notes", in.OutcomeNote)
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
	}
}

// enterprises: each business idea, its support steps, its applications
// for money and the enterprise once registered.
func (w *accessWriter) enterprises() {
	w.heading("doc.access.work_enterprises")
	n := 0
	for _, c := range w.f.Cases {
		for _, e := range c.Enterprises {
			n++
			w.item("doc.access.work_enterprise", map[string]any{"Idea": typeset.Isolate(e.Idea)})
			for _, s := range e.Steps {
				step := typeset.Isolate(strings.TrimSpace(s.What + " " + w.dayOnly(s.Date)))
				if s.Done {
					step += " (" + w.label("doc.access.work_done") + ")"
				}
				w.fieldOf("work_step", step)
			}
			for _, a := range e.Applications {
				parts := []string{w.enum("work_funding", string(a.Kind)), typeset.Isolate(a.Body), euro(a.AmountCents),
					w.enum("work_funding_state", string(a.State)), typeset.IsolateLTR(w.dayOnly(a.Date))}
				w.fieldOf("work_application", joinPresent(parts, " · "))
			}
			w.field("work_business_name", e.Name)
			w.field("work_registered", w.dayOnly(e.RegisteredAt))
			w.field("work_legal_form", e.LegalForm)
			w.field("work_ateco", e.Ateco)
			w.field("work_vat_number", e.VATNumber)
			w.y += 4
		}
	}
	if n == 0 {
		w.none()
	}
}

// employer is an employer's name, or its number when the file lacks it.
func (w *accessWriter) employer(id int64) string {
	if name := w.f.Employers[id]; name != "" {
		return name
	}
	return fmt.Sprint("#", id)
}

// contract is a contract type's label: the reader's (English beyond
// Italian) and the Italian.
func (w *accessWriter) contract(code string) string {
	c, ok := model.ContractType(code)
	if !ok {
		return code
	}
	if w.italianOnly() || c.EN == c.IT {
		return c.IT
	}
	return c.EN + " / " + c.IT
}

// dayOnly is a date stored as a day (midnight UTC), dd/mm/yyyy; "" when
// unknown. The desk's zone would move it to the day before west of UTC.
func (w *accessWriter) dayOnly(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("02/01/2006")
}

// joinPresent joins the parts that hold something beyond direction marks.
func joinPresent(parts []string, sep string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(typeset.StripControls(p)) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
