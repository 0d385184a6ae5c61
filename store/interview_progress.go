package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"sportello/model"
)

// StartInterview opens an interview in progress; answers then arrive one by
// one through SaveAnswer.
func (d *DB) StartInterview(ctx context.Context, iv *model.Interview, by int64) error {
	iv.Status = model.InterviewInProgress
	if iv.Date.IsZero() {
		iv.Date = d.Now().UTC()
	}
	return d.CreateInterview(ctx, iv, by)
}

// SaveAnswer keeps one answer as soon as it is given, in its own
// transaction: when it returns nil the answer survives a crash or a power
// cut. An empty value removes the answer.
func (d *DB) SaveAnswer(ctx context.Context, interviewID int64, answerID, value string) error {
	if answerID == "" {
		return &model.Error{Code: model.ErrRequired, Field: "answer", Message: "an answer needs a question"}
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := inProgress(ctx, tx, interviewID); err != nil {
			return err
		}
		if _, err := d.onInterview(ctx, tx, model.PartInterview, true, interviewID); err != nil {
			return err
		}
		if value == "" {
			_, err := tx.ExecContext(ctx, "DELETE FROM answers WHERE interview_id = ? AND question_id = ?", interviewID, answerID)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (interview_id, question_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			interviewID, answerID, value, formatTime(d.Now()))
		return err
	})
}

// inProgress refuses changes to an interview that is closed or absent.
func inProgress(ctx context.Context, tx *sql.Tx, id int64) error {
	var status string
	err := tx.QueryRowContext(ctx, "SELECT status FROM interviews WHERE id = ?", id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no interview %d", id)}
	}
	if err == nil && status != string(model.InterviewInProgress) {
		return &model.Error{Code: model.ErrConflict, Message: fmt.Sprintf("interview %d is closed", id)}
	}
	return err
}

// SaveProgress records where an interview in progress stands: the section,
// the time spent, the language actually used and the mediator present.
func (d *DB) SaveProgress(ctx context.Context, iv *model.Interview) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := inProgress(ctx, tx, iv.ID); err != nil {
			return err
		}
		if _, err := d.onInterview(ctx, tx, model.PartInterview, true, iv.ID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE interviews SET section = ?, duration_s = ?, language = ?, mediator = ?,
			notes = ? WHERE id = ?`, iv.Section, int64(iv.Duration/time.Second), iv.Language, iv.Mediator, iv.Notes, iv.ID)
		return err
	})
}

// CompleteInterview closes an interview with its screening, in one
// transaction, audited.
func (d *DB) CompleteInterview(ctx context.Context, iv *model.Interview, s model.Screening, by int64) error {
	result, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := inProgress(ctx, tx, iv.ID); err != nil {
			return err
		}
		// Completing computes the exploitation screening: a role that may
		// not write it leaves the interview for one that may.
		if _, err := d.onInterview(ctx, tx, model.PartScreening, true, iv.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE interviews SET status = ?, section = ?, duration_s = ?, language = ?,
			mediator = ?, notes = ? WHERE id = ?`, string(model.InterviewCompleted), iv.Section, int64(iv.Duration/time.Second),
			iv.Language, iv.Mediator, iv.Notes, iv.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO screenings (interview_id, computed_at, result, trafficking)
			VALUES (?, ?, ?, ?)`, iv.ID, formatTime(d.Now()), string(result), s.Trafficking); err != nil {
			return err
		}
		iv.Status = model.InterviewCompleted
		return d.audit(ctx, tx, by, "complete", "interview", iv.ID, "")
	})
}

// RecordDecision keeps what the operator decided after a screening that
// proposed a referral, audited.
func (d *DB) RecordDecision(ctx context.Context, interviewID int64, decision, note string, by int64) error {
	if decision != model.DecisionRefer && decision != model.DecisionNotNow {
		return &model.Error{Code: model.ErrInvalid, Field: "decision", Message: "unknown decision " + decision}
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if _, err := d.onInterview(ctx, tx, model.PartScreening, true, interviewID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE screenings SET decision = ?, decision_note = ?, decided_by = ?, decided_at = ?
			WHERE interview_id = ?`, decision, note, nullID(by), formatTime(d.Now()), interviewID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no screening for interview %d", interviewID)}
		}
		return d.audit(ctx, tx, by, "decide", "interview", interviewID, decision)
	})
}

// ScreeningOf reads an interview's screening, or nil when it has none.
func (d *DB) ScreeningOf(ctx context.Context, interviewID int64) (rec *model.ScreeningRecord, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onInterview(ctx, tx, model.PartScreening, false, interviewID); err != nil {
			return err
		}
		rec, err = screeningOf(ctx, tx, interviewID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("screening of interview %d: %w", interviewID, err)
	}
	return rec, nil
}

func screeningOf(ctx context.Context, q querier, interviewID int64) (*model.ScreeningRecord, error) {
	var r model.ScreeningRecord
	var computed, result, decided string
	var by sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT interview_id, computed_at, result, decision, decision_note, decided_by, decided_at
		FROM screenings WHERE interview_id = ?`, interviewID).Scan(&r.InterviewID, &computed, &result, &r.Decision,
		&r.DecisionNote, &by, &decided)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(result), &r.Result); err != nil {
		return nil, err
	}
	r.ComputedAt, r.DecidedAt, r.DecidedBy = parseTime(computed), parseTime(decided), by.Int64
	return &r, nil
}

// InterviewInProgress finds the case's interview still in progress, or nil.
func (d *DB) InterviewInProgress(ctx context.Context, caseID int64) (*model.Interview, error) {
	ivs, err := d.InterviewsOf(ctx, caseID)
	if err != nil {
		return nil, err
	}
	for i := range ivs {
		if ivs[i].Status == model.InterviewInProgress {
			return &ivs[i], nil
		}
	}
	return nil, nil
}
