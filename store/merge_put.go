package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"sportello/model"
)

// PutOperator adds an account from another desk, inactive and without a
// usable password: it exists so that records can name who did what.
func (m *Merger) PutOperator(o *model.Operator) error {
	if _, ok := m.ids.get("operator", o.UID); ok {
		return nil
	}
	name := o.Username
	for i := 2; ; i++ {
		var n int
		if err := m.tx.QueryRowContext(m.ctx, "SELECT count(*) FROM operators WHERE username = ?", name).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			break
		}
		name = fmt.Sprintf("%s.%d", o.Username, i)
	}
	res, err := m.exec(`INSERT INTO operators (uid, username, full_name, role, password_hash, active, created_at)
		VALUES (?, ?, ?, ?, '!', 0, ?)`, o.UID, name, o.FullName, string(o.Role), formatTime(m.d.Now()))
	if err != nil {
		return err
	}
	o.ID, _ = res.LastInsertId()
	m.ids.remember("operator", o.UID, o.ID)
	return nil
}

// PutService adds or updates a service.
func (m *Merger) PutService(s *model.Service) (err error) {
	s.ID, err = m.put("service", s.UID, `INSERT INTO services (uid, name, kind, address, phone, email, hours,
		languages, area, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE services SET name = ?, kind = ?,
		address = ?, phone = ?, email = ?, hours = ?, languages = ?, area = ?, notes = ? WHERE id = ?`,
		s.Name, string(s.Kind), s.Address, s.Phone, s.Email, s.Hours, strings.Join(s.Languages, " "), s.Area, s.Notes)
	return err
}

// PutPerson adds or updates a person. A person from another desk keeps its
// case code and takes no part in this desk's numbering.
func (m *Merger) PutPerson(p *model.Person) error {
	vals := append(personValues(p), formatTime(p.CreatedAt), formatTime(p.UpdatedAt))
	if id, ok := m.ids.get("person", p.UID); ok {
		p.ID = id
		_, err := m.exec(`UPDATE persons SET family_name = ?, given_names = ?, own_script_name = ?, aliases = ?,
			sex = ?, birth_date = ?, birth_year = ?, birth_country = ?, citizenships = ?, languages = ?,
			preferred_language = ?, phone = ?, domicile = ?, domicile_informal = ?, fiscal_code = ?, permit_type = ?,
			permit_number = ?, permit_expiry = ?, permit_status = ?, vulnerabilities = ?, channel = ?,
			created_at = ?, updated_at = ?, case_code = ? WHERE id = ?`, append(vals, p.CaseCode, id)...)
		if err != nil {
			return err
		}
		return putPersonKeys(m.ctx, m.tx, id)
	}
	if m.seq == 0 {
		if err := m.queryRow("SELECT min(coalesce(min(code_seq), 0), 0) FROM persons WHERE code_year = 0").
			Scan(&m.seq); err != nil {
			return err
		}
	}
	m.seq--
	res, err := m.exec(insertPerson, insertPersonArgs(p, 0, m.seq)...)
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	m.ids.remember("person", p.UID, p.ID)
	return putPersonKeys(m.ctx, m.tx, p.ID)
}

// PutCase adds or updates a case with its team.
func (m *Merger) PutCase(c *model.Case) (err error) {
	_, existed := m.ids.get("case", c.UID)
	c.ID, err = m.put("case", c.UID, `INSERT INTO cases (uid, person_id, opened_at, closed_at, status, operator_id,
		priority, exit_reason, exit_outcomes, exit_contract, exit_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		`UPDATE cases SET person_id = ?, opened_at = ?, closed_at = ?, status = ?, operator_id = ?, priority = ?,
		exit_reason = ?, exit_outcomes = ?, exit_contract = ?, exit_note = ? WHERE id = ?`, c.PersonID,
		formatTime(c.OpenedAt), formatTime(c.ClosedAt), string(c.Status), nullID(c.OperatorID), string(c.Priority),
		c.ExitReason, strings.Join(c.ExitOutcomes, ","), c.ExitContract, c.ExitNote)
	if err != nil {
		return err
	}
	if existed {
		if _, err := m.exec("DELETE FROM case_team WHERE case_id = ?", c.ID); err != nil {
			return err
		}
	}
	for _, op := range c.Team {
		if _, err := m.exec("INSERT INTO case_team (case_id, operator_id) VALUES (?, ?)", c.ID, op); err != nil {
			return err
		}
	}
	return nil
}

// PutInterview adds or updates an interview with its answers and screening.
func (m *Merger) PutInterview(iv *model.Interview, sc *model.ScreeningRecord) (err error) {
	_, existed := m.ids.get("interview", iv.UID)
	iv.ID, err = m.put("interview", iv.UID, `INSERT INTO interviews (uid, case_id, date, kind, operator_id, mediator,
		language, questionnaire_version, notes, duration_s, place, status, section)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE interviews SET case_id = ?, date = ?, kind = ?,
		operator_id = ?, mediator = ?, language = ?, questionnaire_version = ?, notes = ?, duration_s = ?, place = ?,
		status = ?, section = ? WHERE id = ?`, iv.CaseID, formatTime(iv.Date), string(iv.Kind), nullID(iv.OperatorID),
		iv.Mediator, iv.Language, iv.QuestionnaireVersion, iv.Notes, int64(iv.Duration/time.Second), string(iv.Place),
		string(iv.Status), iv.Section)
	if err != nil {
		return err
	}
	for _, q := range []string{"DELETE FROM answers WHERE interview_id = ?", "DELETE FROM screenings WHERE interview_id = ?"} {
		if !existed {
			break
		}
		if _, err := m.exec(q, iv.ID); err != nil {
			return err
		}
	}
	if err := insertAnswerRows(iv, func(query string, args ...any) error {
		_, err := m.exec(query, args...)
		return err
	}); err != nil {
		return err
	}
	if sc == nil {
		return nil
	}
	result, err := json.Marshal(sc.Result)
	if err != nil {
		return err
	}
	_, err = m.exec(`INSERT INTO screenings (interview_id, computed_at, result, trafficking, decision, decision_note,
		decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, iv.ID, formatTime(sc.ComputedAt), string(result),
		sc.Result.Trafficking, sc.Decision, sc.DecisionNote, nullID(sc.DecidedBy), formatTime(sc.DecidedAt))
	return err
}

// PutPlan adds or updates a plan version with its goals, actions and budget.
func (m *Merger) PutPlan(p *model.Plan) (err error) {
	_, existed := m.ids.get("plan", p.UID)
	p.ID, err = m.put("plan", p.UID, `INSERT INTO plans (uid, case_id, version, status, reviews, agreed_at, signed_by,
		agreed_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE plans SET case_id = ?,
		version = ?, status = ?, reviews = ?, agreed_at = ?, signed_by = ?, agreed_by = ?, created_at = ?,
		updated_at = ? WHERE id = ?`, p.CaseID, p.Version, string(p.Status), formatReviews(p.Reviews),
		formatTime(p.AgreedAt), p.SignedBy, nullID(p.AgreedBy), formatTime(p.CreatedAt), formatTime(p.UpdatedAt))
	if err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM plan_actions WHERE goal_id IN (SELECT id FROM plan_goals WHERE plan_id = ?)",
		"DELETE FROM plan_goals WHERE plan_id = ?", "DELETE FROM plan_budget WHERE plan_id = ?"} {
		if !existed {
			break
		}
		if _, err := m.exec(q, p.ID); err != nil {
			return err
		}
	}
	return insertPlanParts(m.ctx, m.tx, p)
}

// PutConsent adds a consent; consents are never changed.
func (m *Merger) PutConsent(c *model.Consent, scan []byte) error {
	if _, ok := m.ids.get("consent", c.UID); ok {
		return nil
	}
	var blob any
	if scan != nil {
		blob = scan
	}
	res, err := m.exec(`INSERT INTO consents (uid, person_id, purpose, service_id, employer_id, notice_version, language,
		mediator, state, date, scan, scan_name, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.UID,
		c.PersonID, string(c.Purpose), nullID(c.ServiceID), nullID(c.EmployerID), c.NoticeVersion, c.Language,
		c.Mediator, string(c.State), formatTime(c.Date), blob, c.ScanName, nullID(c.RecordedBy))
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	m.ids.remember("consent", c.UID, c.ID)
	return nil
}

// PutReferral adds or updates a referral.
func (m *Merger) PutReferral(r *model.Referral) (err error) {
	r.ID, err = m.put("referral", r.UID, `INSERT INTO referrals (uid, case_id, service_id, reason, urgency, consent_id,
		legal_basis, status, created, sent_at, answered_at, completed_at, follow_up, feedback, code)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE referrals SET case_id = ?, service_id = ?,
		reason = ?, urgency = ?, consent_id = ?, legal_basis = ?, status = ?, created = ?, sent_at = ?,
		answered_at = ?, completed_at = ?, follow_up = ?, feedback = ?, code = ? WHERE id = ?`, r.CaseID, r.ServiceID,
		r.Reason, string(r.Urgency), nullID(r.ConsentID), r.LegalBasis, string(r.Status), formatTime(r.Created),
		formatTime(r.SentAt), formatTime(r.AnsweredAt), formatTime(r.CompletedAt), r.FollowUp.String(), r.Feedback,
		r.Code)
	return err
}

// PutActivity adds or updates an activity.
func (m *Merger) PutActivity(a *model.Activity) (err error) {
	a.ID, err = m.put("activity", a.UID, `INSERT INTO activities (uid, date, kind, participants, place, notes,
		operator_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, `UPDATE activities SET date = ?, kind = ?,
		participants = ?, place = ?, notes = ?, operator_id = ?, created_at = ? WHERE id = ?`,
		a.Date.UTC().Format(time.DateOnly), string(a.Kind), a.Participants, a.Place, a.Notes, nullID(a.OperatorID),
		formatTime(a.CreatedAt))
	return err
}
