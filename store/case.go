package store

import (
	"context"
	"database/sql"

	"sportello/model"
)

// createCase inserts a case and its team inside tx, audited.
func (d *DB) createCase(ctx context.Context, tx *sql.Tx, c *model.Case, by int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	c.UID = newUID()
	res, err := tx.ExecContext(ctx, `INSERT INTO cases (uid, person_id, opened_at, closed_at, status, operator_id, priority)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, c.UID, c.PersonID, formatTime(c.OpenedAt), formatTime(c.ClosedAt), string(c.Status),
		nullID(c.OperatorID), string(c.Priority))
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
	return d.update(ctx, func(tx *sql.Tx) error { return d.createCase(ctx, tx, c, by) })
}

// CasesOf lists a person's cases, newest first.
func (d *DB) CasesOf(ctx context.Context, personID int64) ([]model.Case, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, uid, person_id, opened_at, closed_at, status, coalesce(operator_id, 0), priority
		FROM cases WHERE person_id = ? ORDER BY opened_at DESC, id DESC`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Case
	for rows.Next() {
		var c model.Case
		var opened, closed, status, prio string
		if err := rows.Scan(&c.ID, &c.UID, &c.PersonID, &opened, &closed, &status, &c.OperatorID, &prio); err != nil {
			return nil, err
		}
		c.OpenedAt, c.ClosedAt = parseTime(opened), parseTime(closed)
		c.Status, c.Priority = model.CaseStatus(status), model.Priority(prio)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		team, err := d.teamOf(ctx, out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Team = team
	}
	return out, nil
}

func (d *DB) teamOf(ctx context.Context, caseID int64) ([]int64, error) {
	rows, err := d.db.QueryContext(ctx, "SELECT operator_id FROM case_team WHERE case_id = ? ORDER BY operator_id", caseID)
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
