package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"sportello/model"
)

// Snapshot is what an export reads: every exchanged record, or those changed
// after a point of the change log, read in one transaction so that the
// export is consistent. Records refer to each other by local IDs; UIDs maps
// every local ID of every entity to its stable ID, since references reach
// records outside an incremental change set.
type Snapshot struct {
	UpTo       int64 // the change-log position the snapshot reaches
	Operators  []model.Operator
	Services   []model.Service
	Persons    []model.Person
	Cases      []model.Case
	Interviews []model.Interview
	Screenings map[int64]*model.ScreeningRecord // by interview ID
	Plans      []model.Plan
	Consents   []model.Consent
	Scans      map[int64][]byte // by consent ID, when asked for
	Referrals  []model.Referral
	Activities []model.Activity
	UIDs       map[string]map[int64]string // entity → local ID → uid
}

// SnapshotOptions choose what a snapshot holds.
type SnapshotOptions struct {
	AfterRev int64     // only records changed after this change-log position; < 0 for all
	Since    time.Time // only records changed at or after this time; zero for all
	Scans    bool      // read the consents' signed scans too
}

// Entities are the exchanged kinds of record, in the order a merge applies
// them (a record only refers to kinds before it).
var Entities = []string{"operator", "service", "person", "case", "interview", "plan", "consent", "referral", "activity"}

// entityTables maps an entity to its table.
var entityTables = map[string]string{"operator": "operators", "service": "services", "person": "persons",
	"case": "cases", "interview": "interviews", "plan": "plans", "consent": "consents", "referral": "referrals",
	"activity": "activities"}

// ChangePosition is the change log's latest position.
func (d *DB) ChangePosition(ctx context.Context) (int64, error) {
	var rev int64
	err := d.db.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&rev)
	return rev, err
}

// Snapshot reads the records an export needs; step, when not nil, is told
// each kind of record as it is read.
func (d *DB) Snapshot(ctx context.Context, opt SnapshotOptions, step func(entity string)) (*Snapshot, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	s := &Snapshot{Screenings: map[int64]*model.ScreeningRecord{}, Scans: map[int64][]byte{},
		UIDs: map[string]map[int64]string{}}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&s.UpTo); err != nil {
		return nil, err
	}
	for _, e := range Entities {
		if step != nil {
			step(e)
		}
		if s.UIDs[e], err = readUIDs(ctx, tx, entityTables[e]); err != nil {
			return nil, err
		}
		where, args := changedFilter(e, opt, s.UpTo)
		if err := readEntity(ctx, tx, s, e, where, args, opt.Scans); err != nil {
			return nil, fmt.Errorf("reading %s: %w", entityTables[e], err)
		}
	}
	return s, nil
}

// changedFilter selects the rows of an entity the options ask for.
func changedFilter(entity string, opt SnapshotOptions, upTo int64) (string, []any) {
	switch {
	case opt.AfterRev >= 0:
		return "id IN (SELECT row_id FROM changes WHERE entity = ? AND rev > ? AND rev <= ?)",
			[]any{entity, opt.AfterRev, upTo}
	case !opt.Since.IsZero():
		return "id IN (SELECT row_id FROM changes WHERE entity = ? AND at >= ?)", []any{entity, formatTime(opt.Since)}
	}
	return "1", nil
}

func readUIDs(ctx context.Context, q querier, table string) (map[int64]string, error) {
	m := map[int64]string{}
	rows, err := q.QueryContext(ctx, "SELECT id, uid FROM "+table)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var uid string
		if err := s.Scan(&id, &uid); err != nil {
			return err
		}
		m[id] = uid
		return nil
	})
	return m, err
}

func readEntity(ctx context.Context, q querier, s *Snapshot, entity, where string, args []any, scans bool) error {
	each := func(query string, fn func(sc scanner) error) error {
		rows, err := q.QueryContext(ctx, query, args...)
		return eachRow(rows, err, fn)
	}
	switch entity {
	case "operator":
		return each("SELECT "+operatorColumns+" FROM operators WHERE "+where+" ORDER BY id", func(sc scanner) error {
			o, err := scanOperator(sc)
			if err == nil {
				o.PasswordHash = ""
				s.Operators = append(s.Operators, *o)
			}
			return err
		})
	case "service":
		return each("SELECT "+serviceColumns+" FROM services WHERE "+where+" ORDER BY id", func(sc scanner) error {
			v, err := scanService(sc)
			if err == nil {
				s.Services = append(s.Services, *v)
			}
			return err
		})
	case "person":
		return each("SELECT "+personColumns+" FROM persons WHERE "+where+" ORDER BY id", func(sc scanner) error {
			p, err := scanPerson(sc)
			if err == nil {
				s.Persons = append(s.Persons, *p)
			}
			return err
		})
	case "case":
		return readCases(ctx, q, s, where, args)
	case "interview":
		return readInterviews(ctx, q, s, where, args)
	case "plan":
		return readPlans(ctx, q, s, where, args)
	case "consent":
		return readConsents(ctx, q, s, where, args, scans)
	case "referral":
		return each("SELECT "+referralColumns+" FROM referrals r WHERE "+strings.ReplaceAll(where, "id IN", "r.id IN")+
			" ORDER BY r.id", func(sc scanner) error {
			r, err := scanReferral(sc)
			if err == nil {
				s.Referrals = append(s.Referrals, *r)
			}
			return err
		})
	case "activity":
		return each("SELECT "+activityColumns+" FROM activities WHERE "+where+" ORDER BY id", func(sc scanner) error {
			a, err := scanActivity(sc)
			if err == nil {
				s.Activities = append(s.Activities, *a)
			}
			return err
		})
	}
	return fmt.Errorf("unknown entity %q", entity)
}

func readCases(ctx context.Context, q querier, s *Snapshot, where string, args []any) error {
	at := map[int64]int{}
	rows, err := q.QueryContext(ctx, `SELECT id, uid, person_id, opened_at, closed_at, status, coalesce(operator_id, 0),
		priority FROM cases WHERE `+where+" ORDER BY id", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		var c model.Case
		var opened, closed, status, prio string
		if err := sc.Scan(&c.ID, &c.UID, &c.PersonID, &opened, &closed, &status, &c.OperatorID, &prio); err != nil {
			return err
		}
		c.OpenedAt, c.ClosedAt = parseTime(opened), parseTime(closed)
		c.Status, c.Priority = model.CaseStatus(status), model.Priority(prio)
		at[c.ID] = len(s.Cases)
		s.Cases = append(s.Cases, c)
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, "SELECT case_id, operator_id FROM case_team WHERE case_id IN (SELECT id FROM cases WHERE "+
		where+") ORDER BY case_id, operator_id", args...)
	return eachRow(rows, err, func(sc scanner) error {
		var caseID, op int64
		if err := sc.Scan(&caseID, &op); err != nil {
			return err
		}
		c := &s.Cases[at[caseID]]
		c.Team = append(c.Team, op)
		return nil
	})
}

func readInterviews(ctx context.Context, q querier, s *Snapshot, where string, args []any) error {
	at := map[int64]int{}
	rows, err := q.QueryContext(ctx, `SELECT id, uid, case_id, date, kind, coalesce(operator_id, 0), mediator, language,
		questionnaire_version, notes, duration_s, place, status, section FROM interviews WHERE `+where+" ORDER BY id", args...)
	err = eachRow(rows, err, func(sc scanner) error {
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
	rows, err = q.QueryContext(ctx, "SELECT interview_id, question_id, value, updated_at FROM answers"+sub+
		" ORDER BY interview_id, question_id", args...)
	err = eachRow(rows, err, func(sc scanner) error {
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
	rows, err = q.QueryContext(ctx, `SELECT interview_id, computed_at, result, decision, decision_note,
		coalesce(decided_by, 0), decided_at FROM screenings`+sub, args...)
	return eachRow(rows, err, func(sc scanner) error {
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

func readConsents(ctx context.Context, q querier, s *Snapshot, where string, args []any, scans bool) error {
	scanCol := "NULL"
	if scans {
		scanCol = "scan"
	}
	rows, err := q.QueryContext(ctx, `SELECT id, uid, person_id, purpose, coalesce(service_id, 0), notice_version,
		language, mediator, state, date, scan IS NOT NULL, scan_name, coalesce(recorded_by, 0), `+scanCol+`
		FROM consents WHERE `+where+" ORDER BY id", args...)
	return eachRow(rows, err, func(sc scanner) error {
		var c model.Consent
		var purpose, state, date string
		var blob []byte
		if err := sc.Scan(&c.ID, &c.UID, &c.PersonID, &purpose, &c.ServiceID, &c.NoticeVersion, &c.Language,
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
	rows, err = q.QueryContext(ctx, `SELECT a.goal_id, a.id, a.what, coalesce(a.operator_id, 0), coalesce(a.service_id, 0),
		a.due, a.status, a.outcome FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id
		WHERE g.plan_id`+sub+" ORDER BY a.goal_id, a.position", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		var goalID int64
		var a model.Action
		var due, status string
		if err := sc.Scan(&goalID, &a.ID, &a.What, &a.OperatorID, &a.ServiceID, &due, &status, &a.Outcome); err != nil {
			return err
		}
		a.Due, _ = model.ParsePartialDate(due)
		a.Status = model.ActionStatus(status)
		where := goalAt[goalID]
		g := &plans[where[0]].Goals[where[1]]
		g.Actions = append(g.Actions, a)
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT plan_id, id, purpose, planned_cents, spent_cents, note FROM plan_budget
		WHERE plan_id`+sub+" ORDER BY plan_id, position", args...)
	err = eachRow(rows, err, func(sc scanner) error {
		var planID int64
		var b model.BudgetLine
		var purpose string
		if err := sc.Scan(&planID, &b.ID, &purpose, &b.PlannedCents, &b.SpentCents, &b.Note); err != nil {
			return err
		}
		b.Purpose = model.BudgetPurpose(purpose)
		p := &plans[at[planID]]
		p.Budget = append(p.Budget, b)
		return nil
	})
	s.Plans = plans
	return err
}
