package exchange

import (
	"strings"
	"time"

	"sportello/model"
	"sportello/store"
)

// dayIn reads a date of the format ("" is unknown); a date that does not
// parse is refused with the record.
func (r *resolver) dayIn(what, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil && r.err == nil {
		r.err = refuse(BundleMalformed, "%s has a date that is not one: %q", what, s)
	}
	return t
}

func (r *resolver) employer(e *Employer) (*model.Employer, []store.FlagRecord) {
	out := &model.Employer{UID: e.ID, Name: e.Denominazione, FiscalCode: e.CodiceFiscale, VATNumber: e.PartitaIVA,
		Ateco: e.SettoreAteco, Address: e.Indirizzo, WorkAddress: e.WorkAddress, Phone: e.Phone, Email: e.Email,
		ContactPerson: e.ContactPerson, ContactRole: e.ContactRole, CCNL: e.CCNL, CCNLOther: e.CCNLOther,
		QualityNet: e.QualityNet, EthicalLabel: e.EthicalLabel, Notes: e.Notes, CreatedAt: when(e.CreatedAt),
		UpdatedAt: when(e.UpdatedAt)}
	var flags []store.FlagRecord
	for _, f := range e.Flags {
		flags = append(flags, store.FlagRecord{Reason: f.Reason, Date: r.dayIn("employer "+e.ID, f.Date),
			By: r.id("operator", f.FlaggedBy), FlaggedAt: when(f.FlaggedAt), LiftedAt: when(f.LiftedAt),
			LiftedBy: r.id("operator", f.LiftedBy), LiftNote: f.LiftNote})
	}
	return out, flags
}

func (r *resolver) vacancy(v *Vacancy) *model.Vacancy {
	what := "vacancy " + v.ID
	out := &model.Vacancy{UID: v.ID, EmployerID: r.id("employer", v.EmployerID), Title: v.Title, CP2011: v.QualificaCP2011,
		ISCO: v.QualificaISCO, ESCO: v.ESCO, Place: v.Place, Start: r.dayIn(what, v.DataInizio),
		End: r.dayIn(what, v.DataFine), Seasonal: v.LavoroStagionale, WeeklyHours: v.WeeklyHours,
		DailyHours: v.DailyHours, DaysPerWeek: v.DaysPerWeek, ContractType: v.TipoContratto, PayCents: v.PayCents,
		PayUnit: model.PayUnit(v.PayUnit), CCNL: v.CCNL, CCNLLevel: v.CCNLLevel, Housing: v.Housing,
		Transport: v.Transport, Languages: v.Languages, Licences: v.Licences, Posts: v.Posts,
		State: model.VacancyState(v.State), ClearedAt: when(v.ClearedAt), ClearedBy: r.id("operator", v.ClearedBy),
		ClearNote: v.ClearNote, CreatedAt: when(v.CreatedAt), UpdatedAt: when(v.UpdatedAt)}
	for _, b := range v.Breaches {
		out.Breaches = append(out.Breaches, model.Breach{Code: b.Code, Index: b.Index, Limit: b.Limit, Actual: b.Actual})
	}
	return out
}

func (r *resolver) proposal(p *Proposal) *model.Proposal {
	return &model.Proposal{UID: p.ID, CaseID: r.id("case", p.CaseID), EmployerID: r.id("employer", p.EmployerID),
		VacancyID: r.id("vacancy", p.VacancyID), ConsentID: r.id("consent", p.ConsentID),
		State: model.ProposalState(p.State), ProposedAt: when(p.ProposedAt), InterviewAt: when(p.InterviewAt),
		DecidedAt: when(p.DecidedAt), Reason: p.Reason, Outcome: p.Outcome, Contract: p.TipoContratto,
		HiredFrom: r.dayIn("proposal "+p.ID, p.DataInizio), WeeklyHours: p.WeeklyHours, Still4Weeks: p.Still4Weeks,
		Still6Months: p.Still6Months, FlaggedOK: p.FlaggedOK, CreatedBy: r.id("operator", p.CreatedBy)}
}

func (r *resolver) internship(in *Internship) *model.Internship {
	what := "internship " + in.ID
	out := &model.Internship{UID: in.ID, CaseID: r.id("case", in.CaseID), EmployerID: r.id("employer", in.EmployerID),
		Tutor: in.Tutor, DeskTutor: in.DeskTutor, Start: r.dayIn(what, in.DataInizio), End: r.dayIn(what, in.DataFine),
		WeeklyHours: in.WeeklyHours, AllowanceCents: in.AllowanceCents, PlannedCents: in.PlannedCents,
		Outcome: model.InternshipOutcome(in.Outcome), OutcomeNote: in.OutcomeNote}
	for _, a := range in.Attendance {
		out.Attendance = append(out.Attendance, model.Attendance{Month: r.dayIn(what, a.Month+"-01"), Hours: a.Hours,
			PaidCents: a.PaidCents, Note: a.Note})
	}
	return out
}

func (r *resolver) enterprise(e *Enterprise) *model.Enterprise {
	what := "enterprise " + e.ID
	out := &model.Enterprise{UID: e.ID, CaseID: r.id("case", e.CaseID), Idea: e.Idea, Name: e.Name,
		RegisteredAt: r.dayIn(what, e.RegisteredAt), LegalForm: e.LegalForm, Ateco: e.SettoreAteco,
		VATNumber: e.PartitaIVA}
	for _, s := range e.Steps {
		out.Steps = append(out.Steps, model.SupportStep{What: s.What, Date: r.dayIn(what, s.Date), Done: s.Done})
	}
	for _, f := range e.Funding {
		out.Applications = append(out.Applications, model.FundingApplication{Kind: model.FundingKind(f.Kind),
			Body: f.Body, AmountCents: f.AmountCents, State: model.FundingState(f.State), Date: r.dayIn(what, f.Date)})
	}
	return out
}

// writeWork puts one work record of doc into the desk through m; it tells
// false for a kind that is not a work record.
func (r *resolver) writeWork(doc *Document, rec record) (bool, error) {
	i := rec.index
	var err error
	switch rec.entity {
	case "employer":
		e, flags := r.employer(&doc.Employers[i])
		if r.err == nil {
			err = r.m.PutEmployer(e, flags)
		}
	case "vacancy":
		if v := r.vacancy(&doc.Vacancies[i]); r.err == nil {
			err = r.m.PutVacancy(v)
		}
	case "proposal":
		if p := r.proposal(&doc.Proposals[i]); r.err == nil {
			err = r.m.PutProposal(p)
		}
	case "internship":
		if in := r.internship(&doc.Internships[i]); r.err == nil {
			err = r.m.PutInternship(in)
		}
	case "enterprise":
		if e := r.enterprise(&doc.Enterprises[i]); r.err == nil {
			err = r.m.PutEnterprise(e, r.erased != nil && r.erased(rec))
		}
	default:
		return false, nil
	}
	return true, err
}

// workLabel names a work record for an operator settling a conflict.
func workLabel(name string, parts ...string) string {
	return strings.TrimSpace(name + " " + strings.Join(parts, " "))
}
