package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"sportello/model"
)

// CreateInterview saves an interview with its answers in one transaction, audited.
func (d *DB) CreateInterview(ctx context.Context, iv *model.Interview, by int64) error {
	if err := iv.Validate(d.Now()); err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartInterview, true, iv.CaseID); err != nil {
			return err
		}
		if iv.Status == "" {
			iv.Status = model.InterviewCompleted
		}
		iv.UID = newUID()
		res, err := tx.ExecContext(ctx, `INSERT INTO interviews (uid, case_id, date, kind, operator_id, mediator, language,
			questionnaire_version, notes, duration_s, place, status, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			iv.UID, iv.CaseID, formatTime(iv.Date), string(iv.Kind), nullID(iv.OperatorID), iv.Mediator, iv.Language,
			iv.QuestionnaireVersion, iv.Notes, int64(iv.Duration/time.Second), string(iv.Place), string(iv.Status), iv.Section)
		if err != nil {
			return err
		}
		iv.ID, _ = res.LastInsertId()
		if err := d.insertAnswers(ctx, tx, iv); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionCreate, "interview", iv.ID, "")
	})
}

// insertAnswers writes a new interview's answers, unlogged: the
// interview's insert has logged its change.
func (d *DB) insertAnswers(ctx context.Context, tx *sql.Tx, iv *model.Interview) error {
	if len(iv.Answers) == 0 {
		return nil
	}
	for i := range iv.Answers {
		if a := &iv.Answers[i]; a.UpdatedAt.IsZero() {
			a.UpdatedAt = d.Now().UTC()
		}
	}
	return unlogged(ctx, tx, func() error {
		return insertAnswerRows(iv, func(query string, args ...any) error {
			_, err := tx.ExecContext(ctx, query, args...)
			return err
		})
	})
}

// insertAnswerRows writes iv's answers, as they are, through exec: a new
// interview's (insertAnswers) and a merged one's (Merger.PutInterview).
func insertAnswerRows(iv *model.Interview, exec func(query string, args ...any) error) error {
	return insertRows("INSERT INTO answers (interview_id, question_id, value, updated_at) VALUES", 4, len(iv.Answers), exec,
		func(i int, args []any) []any {
			a := &iv.Answers[i]
			return append(args, iv.ID, a.QuestionID, a.Value, formatTime(a.UpdatedAt))
		})
}

// unlogged runs fn, which writes the rows of a record whose insert, in the
// same transaction, has just logged its change in the change log: their
// own triggers would log it again, once per row (answers, a plan's goals).
// merge_quiet holds them, with a row of its own (3) that leaves a merge's
// rows alone.
func unlogged(ctx context.Context, tx *sql.Tx, fn func() error) error {
	if _, err := tx.ExecContext(ctx, "INSERT INTO merge_quiet VALUES (3)"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM merge_quiet WHERE x = 3")
	return err
}

// InterviewsOf lists a case's interviews, newest first, with their
// answers: of a completed interview, only the answers in the parts of the
// file the bound operator may read; of one in progress, all of them, for
// whoever sits in it.
func (d *DB) InterviewsOf(ctx context.Context, caseID int64) (out []model.Interview, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		out, err = d.interviewsIn(ctx, tx, caseID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("interviews of case %d: %w", caseID, err)
	}
	return out, nil
}

// interviewsIn reads a case's interviews with their answers inside tx,
// checked for the bound operator; a finished interview keeps only the
// answers in parts the role may read.
func (d *DB) interviewsIn(ctx context.Context, tx *sql.Tx, caseID int64) ([]model.Interview, error) {
	g, err := d.onCase(ctx, tx, model.PartInterview, false, caseID)
	if err != nil {
		return nil, err
	}
	out, err := interviewsOf(ctx, tx, caseID)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Answers, err = answersOf(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
		if out[i].Status != model.InterviewInProgress {
			out[i].Answers = readableAnswers(out[i].Answers, g.can)
		}
	}
	return out, nil
}

// readableAnswers keeps the answers in parts can allows reading.
func readableAnswers(all []model.Answer, can func(model.Part) model.Access) []model.Answer {
	out := all[:0]
	for _, a := range all {
		if can(model.QuestionPart(a.QuestionID)).Reads() {
			out = append(out, a)
		}
	}
	return out
}

func interviewsOf(ctx context.Context, q querier, caseID int64) ([]model.Interview, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, uid, case_id, date, kind, coalesce(operator_id, 0), mediator, language,
		questionnaire_version, notes, duration_s, place, status, section FROM interviews WHERE case_id = ?
		ORDER BY date DESC, id DESC`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Interview
	for rows.Next() {
		var iv model.Interview
		var date, kind, place, status string
		var secs int64
		if err := rows.Scan(&iv.ID, &iv.UID, &iv.CaseID, &date, &kind, &iv.OperatorID, &iv.Mediator, &iv.Language,
			&iv.QuestionnaireVersion, &iv.Notes, &secs, &place, &status, &iv.Section); err != nil {
			return nil, err
		}
		iv.Date, iv.Kind, iv.Place = parseTime(date), model.InterviewKind(kind), model.Place(place)
		iv.Duration = time.Duration(secs) * time.Second
		iv.Status = model.InterviewStatus(status)
		out = append(out, iv)
	}
	return out, rows.Err()
}

func answersOf(ctx context.Context, q querier, interviewID int64) ([]model.Answer, error) {
	rows, err := q.QueryContext(ctx, `SELECT question_id, value, updated_at FROM answers
		WHERE interview_id = ? ORDER BY question_id`, interviewID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Answer
	for rows.Next() {
		var a model.Answer
		var at string
		if err := rows.Scan(&a.QuestionID, &a.Value, &at); err != nil {
			return nil, err
		}
		a.UpdatedAt = parseTime(at)
		out = append(out, a)
	}
	return out, rows.Err()
}
