package store

import (
	"encoding/json"
	"errors"
	"fmt"
)

// records writes what hangs on the case id.
func (l *scratchLoader) records(id int64, r *ScratchRecords) error {
	for _, p := range r.Plans {
		if err := l.plan(id, p); err != nil {
			return fmt.Errorf("plan %s: %w", p.Key, err)
		}
	}
	for _, r := range r.Referrals {
		if err := l.referral(id, r); err != nil {
			return fmt.Errorf("referral %s: %w", r.Key, err)
		}
	}
	for _, p := range r.Proposals {
		if _, err := l.exec(`INSERT INTO proposals (uid, case_id, employer_id, state, proposed_at, hired_from, still_4w, still_6m)
			VALUES (?, ?, (SELECT id FROM employers WHERE uid = 'scratch'), ?, ?, ?, ?, ?)`, p.Key, id, p.State,
			formatTime(p.ProposedAt), p.HiredFrom, p.Still4Weeks, p.Still6Months); err != nil {
			return fmt.Errorf("proposal %s: %w", p.Key, err)
		}
	}
	for _, in := range r.Internships {
		if _, err := l.exec(`INSERT INTO internships (uid, case_id, employer_id, tutor, start, end, weekly_hours)
			VALUES (?, ?, (SELECT id FROM employers WHERE uid = 'scratch'), '', ?, ?, 0)`, in.Key, id, in.Start, in.End); err != nil {
			return fmt.Errorf("internship %s: %w", in.Key, err)
		}
	}
	for _, e := range r.Enterprises {
		if _, err := l.exec(`INSERT INTO enterprises (uid, case_id, idea, registered_at) VALUES (?, ?, '', ?)`,
			e.Key, id, e.RegisteredAt); err != nil {
			return fmt.Errorf("enterprise %s: %w", e.Key, err)
		}
	}
	for _, iv := range r.Interviews {
		if err := l.interview(id, iv); err != nil {
			return fmt.Errorf("interview %s: %w", iv.Key, err)
		}
	}
	return nil
}

func (l *scratchLoader) plan(caseID int64, p ScratchPlan) error {
	id, err := l.exec(`INSERT INTO plans (uid, case_id, version, status, agreed_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, '', '')`, p.Key, caseID, p.Version, p.Status, formatTime(p.AgreedAt))
	for i, area := range p.GoalAreas {
		if err == nil {
			_, err = l.exec(`INSERT INTO plan_goals (plan_id, position, area, text) VALUES (?, ?, ?, '')`, id, i, area)
		}
	}
	return err
}

// referral writes a referral to the one service of its kind, made the
// first time a referral goes to that kind.
func (l *scratchLoader) referral(caseID int64, r ScratchReferral) error {
	if _, err := l.exec(`INSERT INTO services (uid, name, kind) VALUES ('scratch-' || ?1, 'scratch ' || ?1, ?1)
		ON CONFLICT (uid) DO NOTHING`, r.ServiceKind); err != nil {
		return err
	}
	_, err := l.exec(`INSERT INTO referrals (uid, case_id, service_id, reason, urgency, status, created, sent_at, code)
		VALUES (?1, ?2, (SELECT id FROM services WHERE uid = 'scratch-' || ?3), '', 'normal', ?4, ?5, ?5, ?1)`,
		r.Key, caseID, r.ServiceKind, r.Status, formatTime(r.SentAt))
	return err
}

// goal writes a goal after those of its plan written before.
func (l *scratchLoader) goal(g ScratchGoal) error {
	plan, err := l.id(`SELECT id FROM plans WHERE uid = ?`, g.PlanKey)
	if errors.Is(err, errScratchMissing) {
		l.left.Goals = append(l.left.Goals, g)
		return nil
	}
	if err == nil {
		_, err = l.exec(`INSERT INTO plan_goals (plan_id, position, area, text)
			VALUES (?1, (SELECT count(*) FROM plan_goals WHERE plan_id = ?1), ?2, '')`, plan, g.Area)
	}
	return err
}

// answer writes an answer the indicators read; others are left out.
func (l *scratchLoader) answer(a ScratchAnswer) error {
	if !indicatorQuestions[a.QuestionID] {
		return nil
	}
	iv, err := l.id(`SELECT id FROM interviews WHERE uid = ?`, a.InterviewKey)
	if errors.Is(err, errScratchMissing) {
		l.left.Answers = append(l.left.Answers, a)
		return nil
	}
	if err == nil {
		err = l.insertAnswer(iv, a.QuestionID, a.Value)
	}
	return err
}

// insertAnswer writes an answer of the interview iv.
func (l *scratchLoader) insertAnswer(iv int64, question, value string) error {
	_, err := l.exec(`INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (?, ?, ?, '')`,
		iv, question, value)
	return err
}

func (l *scratchLoader) interview(caseID int64, iv ScratchInterview) error {
	id, err := l.exec(`INSERT INTO interviews (uid, case_id, date, kind, place) VALUES (?, ?, ?, ?, '')`,
		iv.Key, caseID, iv.Date, iv.Kind)
	for q, v := range iv.Answers {
		if err == nil && indicatorQuestions[q] {
			err = l.insertAnswer(id, q, v)
		}
	}
	return err
}

// profile writes a skills profile under a version of its own until
// FinishScratch numbers them: minus its row's id, which no other has.
func (l *scratchLoader) profile(sp ScratchProfile) error {
	person, err := l.id(`SELECT person_id FROM scratch_refs WHERE ref = ?`, sp.Owner)
	if errors.Is(err, errScratchMissing) {
		l.left.Profiles = append(l.left.Profiles, sp)
		return nil
	}
	if err != nil {
		return err
	}
	p := sp.Profile
	body, err := json.Marshal(bodyOf(p))
	if err != nil {
		return err
	}
	id, err := l.id(`INSERT INTO skills_profiles (uid, person_id, version, date, created_at, body)
		VALUES (?, ?, -1 - (SELECT coalesce(max(id), 0) FROM skills_profiles), ?, '', ?) RETURNING id`,
		p.UID, person, p.Date.Format("2006-01-02"), string(body))
	if err != nil {
		return err
	}
	_, err = l.exec(`INSERT INTO scratch_profiles (id, version) VALUES (?, ?)`, id, p.Version)
	return err
}
