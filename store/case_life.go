package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sportello/model"
)

// caseLife checks, inside tx, that the bound operator may close, reopen or
// transfer the case (model.MayCloseCase: a coordinator or the case's
// operator, never a mediator) and returns the case.
func (d *DB) caseLife(ctx context.Context, tx *sql.Tx, caseID int64) (*model.Case, error) {
	if _, err := d.onCase(ctx, tx, model.PartIdentity, true, caseID); err != nil {
		return nil, err
	}
	var c model.Case
	var opened, closed, status string
	err := tx.QueryRowContext(ctx, `SELECT id, person_id, opened_at, closed_at, status, coalesce(operator_id, 0)
		FROM cases WHERE id = ?`, caseID).Scan(&c.ID, &c.PersonID, &opened, &closed, &status, &c.OperatorID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no case %d", caseID)}
	}
	if err != nil {
		return nil, err
	}
	c.OpenedAt, c.ClosedAt, c.Status = parseTime(opened), parseTime(closed), model.CaseStatus(status)
	if d.actor == nil {
		return &c, nil
	}
	who, err := activeOperator(ctx, tx, d.actor.ID)
	if err != nil {
		return nil, err
	}
	if who == nil || !model.MayCloseCase(who, c.OperatorID) {
		return nil, &model.Error{Code: model.ErrPermission, Field: "case",
			Message: "only a coordinator or the case's operator closes, reopens or transfers it"}
	}
	return &c, nil
}

// activeOperator reads an active account, nil when absent or deactivated.
func activeOperator(ctx context.Context, q querier, id int64) (*model.Operator, error) {
	op := &model.Operator{ID: id}
	var role string
	err := q.QueryRowContext(ctx, "SELECT role, active FROM operators WHERE id = ?", id).Scan(&role, &op.Active)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !op.Active) {
		return nil, nil
	}
	op.Role = model.Role(role)
	return op, err
}

// CloseCase closes an open case with its exit data, validated against the
// case's opening and now; the closure joins the case's history. Audited.
func (d *DB) CloseCase(ctx context.Context, cl *model.CaseClosure, now time.Time, by int64) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		c, err := d.caseLife(ctx, tx, cl.CaseID)
		if err != nil {
			return err
		}
		if c.Status == model.CaseClosed {
			return &model.Error{Code: model.ErrInvalid, Field: "case", Message: "the case is already closed"}
		}
		if err := cl.Validate(c.OpenedAt, now); err != nil {
			return err
		}
		return d.closeCase(ctx, tx, cl, by)
	})
	if err != nil {
		return fmt.Errorf("close case %d: %w", cl.CaseID, err)
	}
	return nil
}

func (d *DB) closeCase(ctx context.Context, tx *sql.Tx, cl *model.CaseClosure, by int64) error {
	at, outcomes := formatTime(cl.Date), strings.Join(cl.Outcomes, ",")
	res, err := tx.ExecContext(ctx, `INSERT INTO case_closures (case_id, closed_at, reason, outcomes, contract, note, operator_id)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, cl.CaseID, at, cl.Reason, outcomes, cl.Contract, cl.Note, nullID(by))
	if err != nil {
		return err
	}
	cl.ID, _ = res.LastInsertId()
	cl.By = by
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET status = ?, closed_at = ?, exit_reason = ?, exit_outcomes = ?,
		exit_contract = ?, exit_note = ? WHERE id = ?`, string(model.CaseClosed), at, cl.Reason, outcomes, cl.Contract,
		cl.Note, cl.CaseID); err != nil {
		return err
	}
	return d.audit(ctx, tx, by, model.ActionUpdate, "case", cl.CaseID, "closed: "+cl.Reason)
}

// ReopenCase reopens a closed case: its closure stays in the history,
// marked reopened now. Audited.
func (d *DB) ReopenCase(ctx context.Context, caseID int64, now time.Time, by int64) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		c, err := d.caseLife(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if !c.CanReopen() {
			return &model.Error{Code: model.ErrInvalid, Field: "case", Message: "only a closed case reopens"}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE case_closures SET reopened_at = ? WHERE case_id = ? AND reopened_at = ''",
			formatTime(now), caseID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET status = ?, closed_at = '', exit_reason = '', exit_outcomes = '',
			exit_contract = '', exit_note = '' WHERE id = ?`, string(model.CaseOpen), caseID); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionUpdate, "case", caseID, "reopened")
	})
	if err != nil {
		return fmt.Errorf("reopen case %d: %w", caseID, err)
	}
	return nil
}

// TransferCase passes the case to another active operator (not a
// mediator). Audited with who held it and who holds it now.
func (d *DB) TransferCase(ctx context.Context, caseID, to int64, by int64) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		c, err := d.caseLife(ctx, tx, caseID)
		if err != nil {
			return err
		}
		dest, err := activeOperator(ctx, tx, to)
		if err != nil {
			return err
		}
		if dest == nil {
			dest = &model.Operator{ID: to}
		}
		if err := c.CanTransferTo(dest); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE cases SET operator_id = ? WHERE id = ?", to, caseID); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionUpdate, "case", caseID, fmt.Sprintf("operator: %d → %d", c.OperatorID, to))
	})
	if err != nil {
		return fmt.Errorf("transfer case %d: %w", caseID, err)
	}
	return nil
}

// splitCodes reads a comma-separated list of codes, nil when empty.
func splitCodes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// CaseClosures lists a case's closures, oldest first, reopened ones too.
func (d *DB) CaseClosures(ctx context.Context, caseID int64) (out []model.CaseClosure, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartIdentity, false, caseID); err != nil {
			return err
		}
		out, err = caseClosures(ctx, tx, caseID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("closures of case %d: %w", caseID, err)
	}
	return out, nil
}

func caseClosures(ctx context.Context, q querier, caseID int64) ([]model.CaseClosure, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, closed_at, reason, outcomes, contract, note, coalesce(operator_id, 0), reopened_at
		FROM case_closures WHERE case_id = ? ORDER BY closed_at, id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.CaseClosure
	for rows.Next() {
		cl := model.CaseClosure{CaseID: caseID}
		var at, outcomes, reopened string
		if err := rows.Scan(&cl.ID, &at, &cl.Reason, &outcomes, &cl.Contract, &cl.Note, &cl.By, &reopened); err != nil {
			return nil, err
		}
		cl.Date, cl.Reopened = parseTime(at), parseTime(reopened)
		cl.Outcomes = splitCodes(outcomes)
		out = append(out, cl)
	}
	return out, rows.Err()
}
