package exchange

import (
	"strconv"
	"strings"
	"time"

	"sportello/model"
)

// workTables flattens the work records for spreadsheets: one table per
// kind and per part, then two views shaped on the SAP (docs/exchange.md):
// sap_esperienze_lavoro (section 4: a hiring of a proposal, an internship
// as a "tirocinio" experience) and sap_politiche_attive (section 6: the
// proposals, internships and enterprise paths as active policies).
func (d *Document) workTables(add func(string, ...string) *Table) {
	b := strconv.FormatBool
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	emp := add("employers", "id", "denominazione", "codice_fiscale", "partita_iva", "persona_giuridica", "settore_ateco",
		"indirizzo", "work_address", "phone", "email", "contact_person", "contact_role", "ccnl", "ccnl_other",
		"quality_net", "ethical_label", "notes", "flagged", "created_at", "updated_at")
	flg := add("employer_flags", "employer_id", "reason", "date", "flagged_by", "flagged_at", "lifted_at", "lifted_by",
		"lift_note")
	for _, e := range d.Employers {
		flagged := false
		for _, fl := range e.Flags {
			flagged = flagged || fl.LiftedAt == ""
			flg.Rows = append(flg.Rows, []string{e.ID, fl.Reason, fl.Date, fl.FlaggedBy, fl.FlaggedAt, fl.LiftedAt,
				fl.LiftedBy, fl.LiftNote})
		}
		emp.Rows = append(emp.Rows, []string{e.ID, e.Denominazione, e.CodiceFiscale, e.PartitaIVA, b(e.PersonaGiur),
			e.SettoreAteco, e.Indirizzo, e.WorkAddress, e.Phone, e.Email, e.ContactPerson, e.ContactRole, e.CCNL,
			e.CCNLOther, b(e.QualityNet), e.EthicalLabel, e.Notes, b(flagged), e.CreatedAt, e.UpdatedAt})
	}
	vac := add("vacancies", "id", "employer_id", "title", "qualifica_cp2011", "qualifica_isco08", "esco", "place",
		"data_inizio", "data_fine", "lavoro_stagionale", "weekly_hours", "daily_hours", "days_per_week", "tipo_contratto",
		"pay_cents", "pay_unit", "ccnl", "ccnl_level", "housing", "transport", "languages", "licences", "posts", "state",
		"breaches", "held", "cleared_at", "cleared_by", "clear_note", "created_at", "updated_at")
	for _, v := range d.Vacancies {
		var codes []string
		for _, br := range v.Breaches {
			codes = append(codes, br.Code)
		}
		vac.Rows = append(vac.Rows, []string{v.ID, v.EmployerID, v.Title, v.QualificaCP2011, v.QualificaISCO, v.ESCO,
			v.Place, v.DataInizio, v.DataFine, b(v.LavoroStagionale), f(v.WeeklyHours), f(v.DailyHours),
			strconv.Itoa(v.DaysPerWeek), v.TipoContratto, n(v.PayCents), v.PayUnit, v.CCNL, v.CCNLLevel, b(v.Housing),
			b(v.Transport), strings.Join(v.Languages, " "), strings.Join(v.Licences, "; "), strconv.Itoa(v.Posts), v.State,
			strings.Join(codes, " "), b(len(v.Breaches) > 0 && v.ClearedAt == ""), v.ClearedAt, v.ClearedBy, v.ClearNote,
			v.CreatedAt, v.UpdatedAt})
	}
	pro := add("proposals", "id", "case_id", "employer_id", "vacancy_id", "consent_id", "state", "proposed_at",
		"interview_at", "decided_at", "reason", "outcome", "tipo_contratto", "data_inizio", "weekly_hours", "still_4w",
		"still_6m", "flagged_ok", "created_by")
	for _, p := range d.Proposals {
		pro.Rows = append(pro.Rows, []string{p.ID, p.CaseID, p.EmployerID, p.VacancyID, p.ConsentID, p.State, p.ProposedAt,
			p.InterviewAt, p.DecidedAt, p.Reason, p.Outcome, p.TipoContratto, p.DataInizio, f(p.WeeklyHours), p.Still4Weeks,
			p.Still6Months, b(p.FlaggedOK), p.CreatedBy})
	}
	ins := add("internships", "id", "case_id", "employer_id", "tutor", "desk_tutor", "data_inizio", "data_fine",
		"weekly_hours", "allowance_cents", "planned_cents", "paid_cents", "outcome", "outcome_note")
	att := add("internship_attendance", "internship_id", "month", "hours", "paid_cents", "note")
	for _, in := range d.Internships {
		var paid int64
		for _, a := range in.Attendance {
			paid += a.PaidCents
			att.Rows = append(att.Rows, []string{in.ID, a.Month, f(a.Hours), n(a.PaidCents), a.Note})
		}
		ins.Rows = append(ins.Rows, []string{in.ID, in.CaseID, in.EmployerID, in.Tutor, in.DeskTutor, in.DataInizio,
			in.DataFine, f(in.WeeklyHours), n(in.AllowanceCents), n(in.PlannedCents), n(paid), in.Outcome, in.OutcomeNote})
	}
	ent := add("enterprises", "id", "case_id", "idea", "name", "registered_at", "legal_form", "settore_ateco", "partita_iva")
	stp := add("enterprise_steps", "enterprise_id", "step", "what", "date", "done")
	fnd := add("enterprise_funding", "enterprise_id", "kind", "body", "amount_cents", "state", "date")
	for _, e := range d.Enterprises {
		ent.Rows = append(ent.Rows, []string{e.ID, e.CaseID, e.Idea, e.Name, e.RegisteredAt, e.LegalForm, e.SettoreAteco,
			e.PartitaIVA})
		for i, s := range e.Steps {
			stp.Rows = append(stp.Rows, []string{e.ID, strconv.Itoa(i + 1), s.What, s.Date, b(s.Done)})
		}
		for _, a := range e.Funding {
			fnd.Rows = append(fnd.Rows, []string{e.ID, a.Kind, a.Body, n(a.AmountCents), a.State, a.Date})
		}
	}
	d.sapWorkTables(add)
}

// sapWorkTables are the views shaped on SAP sections 4 and 6.
func (d *Document) sapWorkTables(add func(string, ...string) *Table) {
	b := strconv.FormatBool
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	employers := map[string]*Employer{}
	for i := range d.Employers {
		employers[d.Employers[i].ID] = &d.Employers[i]
	}
	vacancies := map[string]*Vacancy{}
	for i := range d.Vacancies {
		vacancies[d.Vacancies[i].ID] = &d.Vacancies[i]
	}
	exp := add("sap_esperienze_lavoro", "id", "case_id", "fonte", "employer_id", "datore_codice_fiscale",
		"datore_partita_iva", "settore_ateco", "data_inizio", "data_fine", "qualifica_cp2011", "qualifica_isco08",
		"tipo_contratto", "ore_settimanali", "lavoro_stagionale", "lavoro_in_agricoltura")
	pol := add("sap_politiche_attive", "id", "case_id", "attivita", "employer_id", "data_proposta", "data_inizio",
		"data_fine", "durata", "tipologia_durata", "ultimo_evento", "data_evento")
	datore := func(id string) (cf, iva, ateco string) {
		if e := employers[id]; e != nil {
			cf, iva = e.CodiceFiscale, e.PartitaIVA
			if s, ok := model.AtecoCodeSection(e.SettoreAteco); ok {
				ateco = s.Code
			}
		}
		return cf, iva, ateco
	}
	for _, p := range d.Proposals {
		event, at := p.State, firstOf(p.DecidedAt, p.InterviewAt, p.ProposedAt)
		pol.Rows = append(pol.Rows, []string{p.ID, p.CaseID, "proposta_lavoro", p.EmployerID, dateOf(p.ProposedAt),
			dateOf(p.ProposedAt), dateOf(p.DecidedAt), "", "", event, dateOf(at)})
		if p.State != string(model.ProposalHired) {
			continue
		}
		cf, iva, ateco := datore(p.EmployerID)
		var cp, isco string
		seasonal := p.TipoContratto == "seasonal" || p.TipoContratto == "agri_fixed"
		if v := vacancies[p.VacancyID]; v != nil {
			cp, isco, seasonal = v.QualificaCP2011, v.QualificaISCO, seasonal || v.LavoroStagionale
		}
		agri := ateco == "A" || strings.HasPrefix(p.TipoContratto, "agri_")
		exp.Rows = append(exp.Rows, []string{p.ID, p.CaseID, "assunzione", p.EmployerID, cf, iva, ateco, p.DataInizio, "",
			cp, isco, p.TipoContratto, f(p.WeeklyHours), b(seasonal), b(agri)})
	}
	for _, in := range d.Internships {
		cf, iva, ateco := datore(in.EmployerID)
		exp.Rows = append(exp.Rows, []string{in.ID, in.CaseID, "tirocinio", in.EmployerID, cf, iva, ateco, in.DataInizio,
			in.DataFine, "", "", "internship", f(in.WeeklyHours), "false", b(ateco == "A")})
		event := in.Outcome
		if event == "" {
			event = "ongoing"
		}
		pol.Rows = append(pol.Rows, []string{in.ID, in.CaseID, "tirocinio", in.EmployerID, "", in.DataInizio, in.DataFine,
			strconv.Itoa(months(in.DataInizio, in.DataFine)), "mesi", event, ""})
	}
	for _, e := range d.Enterprises {
		start := ""
		for _, s := range e.Steps {
			if s.Date != "" && (start == "" || s.Date < start) {
				start = s.Date
			}
		}
		event := "in_progress"
		if e.RegisteredAt != "" {
			event = "registered"
		}
		pol.Rows = append(pol.Rows, []string{e.ID, e.CaseID, "autoimpiego", "", "", start, e.RegisteredAt, "", "", event,
			e.RegisteredAt})
	}
}

// firstOf gives the first of its values that is not empty.
func firstOf(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}

// dateOf keeps the date of a time of the format.
func dateOf(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}

// months counts the months an internship spans, a month begun counting whole.
func months(from, to string) int {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil || b.Before(a) {
		return 0
	}
	m := (b.Year()-a.Year())*12 + int(b.Month()-a.Month())
	if b.Day() >= a.Day() {
		m++
	}
	return m
}
