package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sportello/model"
)

// createCase inserts a case and its team inside tx, audited.
func (d *DB) createCase(ctx context.Context, tx *sql.Tx, c *model.Case, by int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.UID = newUID()
	res, err := tx.ExecContext(ctx, `INSERT INTO cases (uid, person_id, opened_at, closed_at, status, operator_id, priority,
		exit_reason, exit_outcomes, exit_contract, exit_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.UID, c.PersonID,
		formatTime(c.OpenedAt), formatTime(c.ClosedAt), string(c.Status), nullID(c.OperatorID), string(c.Priority),
		c.ExitReason, strings.Join(c.ExitOutcomes, ","), c.ExitContract, c.ExitNote)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	for _, op := range c.Team {
		if _, err := tx.ExecContext(ctx, "INSERT INTO case_team (case_id, operator_id) VALUES (?, ?)", c.ID, op); err != nil {
			return err
		}
	}
	return d.audit(ctx, tx, by, model.ActionCreate, "case", c.ID, "")
}

// CreateCase opens another case for a person (for example a return after closure).
func (d *DB) CreateCase(ctx context.Context, c *model.Case, by int64) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if _, err := d.onPerson(ctx, tx, model.PartIdentity, true, c.PersonID); err != nil {
			return err
		}
		return d.createCase(ctx, tx, c, by)
	})
}

// CasesOf lists a person's cases, newest first.
func (d *DB) CasesOf(ctx context.Context, personID int64) (out []model.Case, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onPerson(ctx, tx, model.PartIdentity, false, personID); err != nil {
			return err
		}
		out, err = casesOf(ctx, tx, personID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("cases of person %d: %w", personID, err)
	}
	return out, nil
}

func casesOf(ctx context.Context, q querier, personID int64) ([]model.Case, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, uid, person_id, opened_at, closed_at, status, coalesce(operator_id, 0), priority,
		exit_reason, exit_outcomes, exit_contract, exit_note FROM cases WHERE person_id = ? ORDER BY opened_at DESC, id DESC`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Case
	for rows.Next() {
		var c model.Case
		var opened, closed, status, prio, outcomes string
		if err := rows.Scan(&c.ID, &c.UID, &c.PersonID, &opened, &closed, &status, &c.OperatorID, &prio,
			&c.ExitReason, &outcomes, &c.ExitContract, &c.ExitNote); err != nil {
			return nil, err
		}
		c.ExitOutcomes = splitCodes(outcomes)
		c.OpenedAt, c.ClosedAt = parseTime(opened), parseTime(closed)
		c.Status, c.Priority = model.CaseStatus(status), model.Priority(prio)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		team, err := teamOf(ctx, q, out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Team = team
	}
	return out, nil
}

func teamOf(ctx context.Context, q querier, caseID int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT operator_id FROM case_team WHERE case_id = ? ORDER BY operator_id", caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// SetCaseTeam replaces the team of a case: the operators, besides the
// assigned one, who work it (a mediator sees only the cases whose team
// they are in). Members must be active accounts. Audited with who joined
// and who left.
func (d *DB) SetCaseTeam(ctx context.Context, caseID int64, team []int64, by int64) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartIdentity, true, caseID); err != nil {
			return err
		}
		before, err := teamOf(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM case_team WHERE case_id = ?", caseID); err != nil {
			return err
		}
		for _, op := range team {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM operators WHERE id = ? AND active = 1", op).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return &model.Error{Code: model.ErrInvalid, Field: "team", Message: fmt.Sprintf("no active account %d", op)}
			}
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO case_team (case_id, operator_id) VALUES (?, ?)",
				caseID, op); err != nil {
				return err
			}
		}
		after, err := teamOf(ctx, tx, caseID)
		if err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionUpdate, "case", caseID, fmt.Sprintf("team: %v → %v", before, after))
	})
}
