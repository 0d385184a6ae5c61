package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"sportello/model"
)

// The work records from another desk (exchange format 1.3). Each is
// validated as the desk's own forms validate it, and written whole: its
// parts (an employer's flags, an internship's months, an enterprise's
// steps and applications) replace this desk's.

// PutEmployer adds or updates an employer with its history of flags. At
// most one flag is open; a lifted one stays as history.
func (m *Merger) PutEmployer(e *model.Employer, flags []FlagRecord) (err error) {
	if err := e.Validate(); err != nil {
		return err
	}
	if err := validFlags(flags); err != nil {
		return err
	}
	_, existed := m.ids.get("employer", e.UID)
	e.ID, err = m.put("employer", e.UID, `INSERT INTO employers (uid, name, fiscal_code, vat_number, ateco, address,
		work_address, phone, email, contact_person, contact_role, ccnl, ccnl_other, quality_net, ethical_label, notes,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE employers SET
		name = ?, fiscal_code = ?, vat_number = ?, ateco = ?, address = ?, work_address = ?, phone = ?, email = ?,
		contact_person = ?, contact_role = ?, ccnl = ?, ccnl_other = ?, quality_net = ?, ethical_label = ?, notes = ?,
		created_at = ?, updated_at = ? WHERE id = ?`, e.Name, e.FiscalCode, e.VATNumber, e.Ateco, e.Address,
		e.WorkAddress, e.Phone, e.Email, e.ContactPerson, e.ContactRole, e.CCNL, e.CCNLOther, e.QualityNet,
		e.EthicalLabel, e.Notes, formatTime(e.CreatedAt), formatTime(e.UpdatedAt))
	if err != nil {
		return err
	}
	if existed {
		if _, err := m.exec("DELETE FROM employer_flags WHERE employer_id = ?", e.ID); err != nil {
			return err
		}
	}
	for _, f := range flags {
		if _, err := m.exec(`INSERT INTO employer_flags (employer_id, reason, date, flagged_by, flagged_at, lifted_at,
			lifted_by, lift_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, f.Reason, formatDay(f.Date), nullID(f.By),
			formatTime(f.FlaggedAt), formatTime(f.LiftedAt), nullID(f.LiftedBy), f.LiftNote); err != nil {
			return err
		}
	}
	return nil
}

// validFlags checks a flag history: each with its reason and the date of
// the report, a lifted one with when, and at most one open.
func validFlags(flags []FlagRecord) error {
	open := 0
	var v model.ValidationErrors
	for i, f := range flags {
		field := fmt.Sprintf("flags.%d", i)
		switch {
		case strings.TrimSpace(f.Reason) == "" || f.Date.IsZero() || f.FlaggedAt.IsZero():
			v = append(v, &model.Error{Code: model.ErrInvalid, Field: field,
				Message: "a flag needs its reason, the date of the report and when it was raised"})
		case len([]rune(f.Reason)) > model.MaxTextLen || len([]rune(f.LiftNote)) > model.MaxTextLen:
			v = append(v, &model.Error{Code: model.ErrTooLong, Field: field, Message: "longer than allowed"})
		}
		if f.Open() {
			open++
		}
	}
	if open > 1 {
		v = append(v, &model.Error{Code: model.ErrConflict, Field: "flags", Message: "an employer has at most one open flag"})
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// PutVacancy adds or updates a vacancy as the other desk has it: its
// breaches as last checked there and the coordinator's clearance, if any.
func (m *Merger) PutVacancy(v *model.Vacancy) (err error) {
	if err := v.Validate(); err != nil {
		return err
	}
	breaches, err := json.Marshal(v.Breaches)
	if err != nil {
		return err
	}
	v.ID, err = m.put("vacancy", v.UID, `INSERT INTO vacancies (uid, employer_id, title, cp2011, isco, esco, place, start,
		end, seasonal, weekly_hours, daily_hours, days_per_week, contract_type, pay_cents, pay_unit, ccnl, ccnl_level,
		housing, transport, languages, licences, posts, state, breaches, cleared_at, cleared_by, clear_note, created_at,
		updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE vacancies SET employer_id = ?, title = ?, cp2011 = ?, isco = ?, esco = ?, place = ?, start = ?, end = ?,
		seasonal = ?, weekly_hours = ?, daily_hours = ?, days_per_week = ?, contract_type = ?, pay_cents = ?,
		pay_unit = ?, ccnl = ?, ccnl_level = ?, housing = ?, transport = ?, languages = ?, licences = ?, posts = ?,
		state = ?, breaches = ?, cleared_at = ?, cleared_by = ?, clear_note = ?, created_at = ?, updated_at = ?
		WHERE id = ?`, append(vacancyValues(v), string(breaches), formatTime(v.ClearedAt), nullID(v.ClearedBy),
			v.ClearNote, formatTime(v.CreatedAt), formatTime(v.UpdatedAt))...)
	return err
}

// PutProposal adds or updates a proposal with its state and hiring.
func (m *Merger) PutProposal(p *model.Proposal) (err error) {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.ProposedAt.IsZero() {
		return &model.Error{Code: model.ErrRequired, Field: "proposed_at", Message: "a proposal needs its date"}
	}
	p.ID, err = m.put("proposal", p.UID, `INSERT INTO proposals (uid, case_id, employer_id, vacancy_id, consent_id, state,
		proposed_at, interview_at, decided_at, reason, outcome, contract, hired_from, weekly_hours, still_4w, still_6m,
		flagged_ok, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE proposals SET
		case_id = ?, employer_id = ?, vacancy_id = ?, consent_id = ?, state = ?, proposed_at = ?, interview_at = ?,
		decided_at = ?, reason = ?, outcome = ?, contract = ?, hired_from = ?, weekly_hours = ?, still_4w = ?,
		still_6m = ?, flagged_ok = ?, created_by = ? WHERE id = ?`, p.CaseID, p.EmployerID, nullID(p.VacancyID),
		nullID(p.ConsentID), string(p.State), formatTime(p.ProposedAt), formatTime(p.InterviewAt),
		formatTime(p.DecidedAt), p.Reason, p.Outcome, p.Contract, formatDay(p.HiredFrom), p.WeeklyHours, p.Still4Weeks,
		p.Still6Months, p.FlaggedOK, nullID(p.CreatedBy))
	return err
}

// PutInternship adds or updates an internship with its months.
func (m *Merger) PutInternship(in *model.Internship) (err error) {
	if err := in.Validate(); err != nil {
		return err
	}
	in.ID, err = m.put("internship", in.UID, `INSERT INTO internships (uid, case_id, employer_id, tutor, desk_tutor, start,
		end, weekly_hours, allowance_cents, planned_cents, outcome, outcome_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE internships SET case_id = ?, employer_id = ?, tutor = ?, desk_tutor = ?, start = ?, end = ?,
		weekly_hours = ?, allowance_cents = ?, planned_cents = ?, outcome = ?, outcome_note = ? WHERE id = ?`,
		in.CaseID, in.EmployerID, in.Tutor, in.DeskTutor, formatDay(in.Start), formatDay(in.End), in.WeeklyHours,
		in.AllowanceCents, in.PlannedCents, string(in.Outcome), in.OutcomeNote)
	if err != nil {
		return err
	}
	return writeAttendance(m.ctx, m.tx, in)
}

// PutEnterprise adds or updates an enterprise path with its steps and
// funding applications. erased tells an enterprise of a person erased,
// whose idea and steps an erasure blanked: it is checked without them.
func (m *Merger) PutEnterprise(e *model.Enterprise, erased bool) (err error) {
	check := *e
	if erased {
		check.Idea, check.Steps = "-", nil
	}
	if err := check.Validate(); err != nil {
		return err
	}
	e.VATNumber = check.VATNumber
	e.ID, err = m.put("enterprise", e.UID, `INSERT INTO enterprises (uid, case_id, idea, name, registered_at, legal_form,
		ateco, vat_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE enterprises SET case_id = ?, idea = ?, name = ?,
		registered_at = ?, legal_form = ?, ateco = ?, vat_number = ? WHERE id = ?`, e.CaseID, e.Idea, e.Name,
		formatDay(e.RegisteredAt), e.LegalForm, e.Ateco, e.VATNumber)
	if err != nil {
		return err
	}
	return writeEnterpriseParts(m.ctx, m.tx, e)
}

// EmployerByCode finds a local employer by its partita IVA or codice
// fiscale (an employer both desks entered); empty codes match nothing.
func (m *Merger) EmployerByCode(vat, fiscalCode string) (int64, bool, error) {
	if vat == "" && fiscalCode == "" {
		return 0, false, nil
	}
	var id int64
	err := m.queryRow(`SELECT id FROM employers WHERE (?1 <> '' AND vat_number = ?1) OR (?2 <> '' AND fiscal_code = ?2)
		ORDER BY id LIMIT 1`, vat, fiscalCode).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}
