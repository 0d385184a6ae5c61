package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sportello/model"
)

const activityColumns = "id, uid, date, kind, participants, place, notes, coalesce(operator_id, 0), created_at"

// CreateActivity validates and saves an activity, audited.
func (d *DB) CreateActivity(ctx context.Context, a *model.Activity, by int64) error {
	now := d.Now().UTC()
	a.Place, a.Notes = strings.TrimSpace(a.Place), strings.TrimSpace(a.Notes)
	if err := a.Validate(now); err != nil {
		return err
	}
	a.UID, a.CreatedAt = newUID(), now
	if a.OperatorID == 0 {
		a.OperatorID = by
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := insertActivity(ctx, tx, a); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionCreate, "activity", a.ID, string(a.Kind))
	})
}

func insertActivity(ctx context.Context, tx *sql.Tx, a *model.Activity) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO activities (uid, date, kind, participants, place, notes, operator_id,
		created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.UID, a.Date.UTC().Format("2006-01-02"), string(a.Kind),
		a.Participants, a.Place, a.Notes, nullID(a.OperatorID), formatTime(a.CreatedAt))
	if err != nil {
		return err
	}
	a.ID, _ = res.LastInsertId()
	return nil
}

// Activities lists the activities of a period, newest first; zero times
// leave the period open on that side.
func (d *DB) Activities(ctx context.Context, from, to string) ([]model.Activity, error) {
	if to == "" {
		to = "9999"
	}
	var out []model.Activity
	rows, err := d.q(ctx).QueryContext(ctx, "SELECT "+activityColumns+
		" FROM activities WHERE date >= ? AND date <= ? ORDER BY date DESC, id DESC", from, to)
	err = eachRow(rows, err, func(s scanner) error {
		a, err := scanActivity(s)
		if err == nil {
			out = append(out, *a)
		}
		return err
	})
	return out, err
}

func scanActivity(s scanner) (*model.Activity, error) {
	var a model.Activity
	var date, kind, created string
	if err := s.Scan(&a.ID, &a.UID, &date, &kind, &a.Participants, &a.Place, &a.Notes, &a.OperatorID, &created); err != nil {
		return nil, err
	}
	t, err := parseDay(date)
	if err != nil {
		return nil, fmt.Errorf("activity %d: %w", a.ID, err)
	}
	a.Date, a.Kind, a.CreatedAt = t, model.ActivityKind(kind), parseTime(created)
	return &a, nil
}
