package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sportello/model"
)

const internshipColumns = `id, uid, case_id, employer_id, tutor, desk_tutor, start, end, weekly_hours, allowance_cents,
	planned_cents, outcome, outcome_note`

// SaveInternship validates and saves an internship with its monthly
// attendance (replaced as a whole), new when its ID is 0; audited. It
// needs writing the work part of the file; the host employer must exist,
// and a flagged one hosts only on a coordinator's decision.
func (d *DB) SaveInternship(ctx context.Context, in *model.Internship) error {
	in.Tutor, in.DeskTutor, in.OutcomeNote = strings.TrimSpace(in.Tutor), strings.TrimSpace(in.DeskTutor),
		strings.TrimSpace(in.OutcomeNote)
	if err := in.Validate(); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		if err := staysOnCase(ctx, tx, "internships", "internship", in.ID, in.CaseID); err != nil {
			return err
		}
		g, err := d.onCase(ctx, tx, model.PartWork, true, in.CaseID)
		if err != nil {
			return err
		}
		flagged, err := employerFlagged(ctx, tx, in.EmployerID)
		if err != nil {
			return err
		}
		if flagged && !g.coordinates() {
			return &model.Error{Code: model.ErrFlagged, Field: "employer",
				Message: "this employer is flagged: only a coordinator may place an intern with it"}
		}
		action := model.ActionUpdate
		if in.ID == 0 {
			action, in.UID = model.ActionCreate, newUID()
			res, err := tx.ExecContext(ctx, `INSERT INTO internships (uid, case_id, employer_id, tutor, desk_tutor, start,
				end, weekly_hours, allowance_cents, planned_cents, outcome, outcome_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				in.UID, in.CaseID, in.EmployerID, in.Tutor, in.DeskTutor, formatDay(in.Start), formatDay(in.End),
				in.WeeklyHours, in.AllowanceCents, in.PlannedCents, string(in.Outcome), in.OutcomeNote)
			if err != nil {
				return err
			}
			in.ID, _ = res.LastInsertId()
		} else if _, err := tx.ExecContext(ctx, `UPDATE internships SET employer_id = ?, tutor = ?, desk_tutor = ?, start = ?,
			end = ?, weekly_hours = ?, allowance_cents = ?, planned_cents = ?, outcome = ?, outcome_note = ? WHERE id = ?`,
			in.EmployerID, in.Tutor, in.DeskTutor, formatDay(in.Start), formatDay(in.End), in.WeeklyHours,
			in.AllowanceCents, in.PlannedCents, string(in.Outcome), in.OutcomeNote, in.ID); err != nil {
			return err
		}
		if err := writeAttendance(ctx, tx, in); err != nil {
			return err
		}
		return d.audit(ctx, tx, g.id, action, "internship", in.ID, fmt.Sprintf("case %d at employer %d, paid %d of %d cents",
			in.CaseID, in.EmployerID, in.Paid(), in.PlannedCents))
	})
	if err != nil {
		return fmt.Errorf("save internship of case %d: %w", in.CaseID, err)
	}
	return nil
}

func writeAttendance(ctx context.Context, tx *sql.Tx, in *model.Internship) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM internship_attendance WHERE internship_id = ?", in.ID); err != nil {
		return err
	}
	for _, a := range in.Attendance {
		if _, err := tx.ExecContext(ctx, `INSERT INTO internship_attendance (internship_id, month, hours, paid_cents, note)
			VALUES (?, ?, ?, ?, ?)`, in.ID, a.Month.UTC().Format("2006-01"), a.Hours, a.PaidCents,
			strings.TrimSpace(a.Note)); err != nil {
			return err
		}
	}
	return nil
}

// InternshipsOf lists a case's internships with their attendance, newest
// first.
func (d *DB) InternshipsOf(ctx context.Context, caseID int64) (out []model.Internship, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartWork, false, caseID); err != nil {
			return err
		}
		out, err = internshipsOfCase(ctx, tx, caseID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("internships of case %d: %w", caseID, err)
	}
	return out, nil
}

// internshipsOfCase reads a case's internships with their attendance,
// newest first.
func internshipsOfCase(ctx context.Context, q querier, caseID int64) (out []model.Internship, err error) {
	rows, err := q.QueryContext(ctx, "SELECT "+internshipColumns+" FROM internships WHERE case_id = ? ORDER BY start DESC, id DESC", caseID)
	err = eachRow(rows, err, func(s scanner) error {
		var in model.Internship
		var start, end, outcome string
		err := s.Scan(&in.ID, &in.UID, &in.CaseID, &in.EmployerID, &in.Tutor, &in.DeskTutor, &start, &end,
			&in.WeeklyHours, &in.AllowanceCents, &in.PlannedCents, &outcome, &in.OutcomeNote)
		in.Start, in.End, in.Outcome = dayOf(start), dayOf(end), model.InternshipOutcome(outcome)
		out = append(out, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].Attendance, err = attendanceOf(ctx, q, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func attendanceOf(ctx context.Context, q querier, id int64) (out []model.Attendance, err error) {
	rows, err := q.QueryContext(ctx, "SELECT month, hours, paid_cents, note FROM internship_attendance WHERE internship_id = ? ORDER BY month", id)
	err = eachRow(rows, err, func(s scanner) error {
		var a model.Attendance
		var month string
		err := s.Scan(&month, &a.Hours, &a.PaidCents, &a.Note)
		a.Month = dayOf(month + "-01")
		out = append(out, a)
		return err
	})
	return out, err
}

// staysOnCase refuses to move a saved record of a person's work path
// (table, named entity in messages) to another case; a new one (id 0)
// passes.
func staysOnCase(ctx context.Context, tx *sql.Tx, table, entity string, id, caseID int64) error {
	if id == 0 {
		return nil
	}
	var was int64
	err := tx.QueryRowContext(ctx, "SELECT case_id FROM "+table+" WHERE id = ?", id).Scan(&was)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(entity, id)
	}
	if err != nil {
		return err
	}
	if was != caseID {
		return &model.Error{Code: model.ErrConflict, Field: "case", Message: "an " + entity + " cannot move to another case"}
	}
	return nil
}
