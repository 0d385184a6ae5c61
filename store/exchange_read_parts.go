package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"sportello/model"
)

func readInterviews(rows rowsFunc, s *Snapshot, where string, args []any) error {
	at := map[int64]int{}
	err := rows(`SELECT id, uid, case_id, date, kind, coalesce(operator_id, 0), mediator, language,
		questionnaire_version, notes, duration_s, place, status, section FROM interviews WHERE `+where+" ORDER BY id", args,
		func(sc scanner) error {
			var iv model.Interview
			var date, kind, place, status string
			var secs int64
			if err := sc.Scan(&iv.ID, &iv.UID, &iv.CaseID, &date, &kind, &iv.OperatorID, &iv.Mediator, &iv.Language,
				&iv.QuestionnaireVersion, &iv.Notes, &secs, &place, &status, &iv.Section); err != nil {
				return err
			}
			iv.Date, iv.Duration = parseTime(date), time.Duration(secs)*time.Second
			iv.Kind, iv.Place, iv.Status = model.InterviewKind(kind), model.Place(place), model.InterviewStatus(status)
			at[iv.ID] = len(s.Interviews)
			s.Interviews = append(s.Interviews, iv)
			return nil
		})
	if err != nil {
		return err
	}
	sub := " WHERE interview_id IN (SELECT id FROM interviews WHERE " + where + ")"
	err = rows("SELECT interview_id, question_id, value, updated_at FROM answers"+sub+
		" ORDER BY interview_id, question_id", args, func(sc scanner) error {
		var id int64
		var a model.Answer
		var updated string
		if err := sc.Scan(&id, &a.QuestionID, &a.Value, &updated); err != nil {
			return err
		}
		a.UpdatedAt = parseTime(updated)
		iv := &s.Interviews[at[id]]
		iv.Answers = append(iv.Answers, a)
		return nil
	})
	if err != nil {
		return err
	}
	return rows(`SELECT interview_id, computed_at, result, decision, decision_note,
		coalesce(decided_by, 0), decided_at FROM screenings`+sub, args, func(sc scanner) error {
		var r model.ScreeningRecord
		var computed, result, decided string
		if err := sc.Scan(&r.InterviewID, &computed, &result, &r.Decision, &r.DecisionNote, &r.DecidedBy, &decided); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(result), &r.Result); err != nil {
			return fmt.Errorf("screening of interview %d: %w", r.InterviewID, err)
		}
		r.ComputedAt, r.DecidedAt = parseTime(computed), parseTime(decided)
		s.Screenings[r.InterviewID] = &r
		return nil
	})
}

func readConsents(rows rowsFunc, s *Snapshot, where string, args []any, scans bool) error {
	scanCol := "NULL"
	if scans {
		scanCol = "scan"
	}
	return rows(`SELECT id, uid, person_id, purpose, coalesce(service_id, 0), coalesce(employer_id, 0),
		notice_version, language, mediator, state, date, scan IS NOT NULL, scan_name, coalesce(recorded_by, 0), `+scanCol+`
		FROM consents WHERE `+where+" ORDER BY id", args, func(sc scanner) error {
		var c model.Consent
		var purpose, state, date string
		var blob []byte
		if err := sc.Scan(&c.ID, &c.UID, &c.PersonID, &purpose, &c.ServiceID, &c.EmployerID, &c.NoticeVersion, &c.Language,
			&c.Mediator, &state, &date, &c.HasScan, &c.ScanName, &c.RecordedBy, &blob); err != nil {
			return err
		}
		c.Purpose, c.State, c.Date = model.ConsentPurpose(purpose), model.ConsentState(state), parseTime(date)
		if blob != nil {
			s.Scans[c.ID] = blob
		}
		s.Consents = append(s.Consents, c)
		return nil
	})
}

func readPlans(ctx context.Context, q querier, s *Snapshot, where string, args []any) error {
	plans, err := plansOnly(ctx, q, where+" ORDER BY id", args...)
	if err != nil {
		return err
	}
	at := map[int64]int{}
	for i := range plans {
		at[plans[i].ID] = i
	}
	sub := " IN (SELECT id FROM plans WHERE " + where + ")"
	goalAt := map[int64][2]int{} // goal ID → plan index, goal index
	rows, err := q.QueryContext(ctx, "SELECT plan_id, id, area, text FROM plan_goals WHERE plan_id"+sub+
		" ORDER BY plan_id, position", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		var planID int64
		var g model.Goal
		var area string
		if err := sc.Scan(&planID, &g.ID, &area, &g.Text); err != nil {
			return err
		}
		g.Area = model.PlanArea(area)
		p := &plans[at[planID]]
		goalAt[g.ID] = [2]int{at[planID], len(p.Goals)}
		p.Goals = append(p.Goals, g)
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, "SELECT "+actionColumns+` FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id
		WHERE g.plan_id`+sub+" ORDER BY a.goal_id, a.position", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		goalID, a, err := scanAction(sc)
		if err != nil {
			return err
		}
		where := goalAt[goalID]
		g := &plans[where[0]].Goals[where[1]]
		g.Actions = append(g.Actions, a)
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, "SELECT "+budgetColumns+" FROM plan_budget WHERE plan_id"+sub+
		" ORDER BY plan_id, position", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		planID, b, err := scanBudget(sc)
		if err != nil {
			return err
		}
		p := &plans[at[planID]]
		p.Budget = append(p.Budget, b)
		return nil
	})
	s.Plans = plans
	return err
}
