package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"sportello/model"
)

// CCNLTable is the table of collective agreements vacancies are checked
// against: the program's (model.DefaultCCNLs) with the levels a
// coordinator updated or added over it, each with its own date and source.
func (d *DB) CCNLTable(ctx context.Context) ([]model.CCNL, error) {
	out, err := ccnlTable(ctx, d.db)
	if err != nil {
		return nil, fmt.Errorf("CCNL table: %w", err)
	}
	return out, nil
}

func ccnlTable(ctx context.Context, q querier) ([]model.CCNL, error) {
	out := make([]model.CCNL, len(model.DefaultCCNLs))
	for i, c := range model.DefaultCCNLs {
		out[i] = c
		out[i].Levels = append([]model.CCNLLevel(nil), c.Levels...)
	}
	rows, err := q.QueryContext(ctx, "SELECT ccnl, level, label, min_cents, valid_from, source FROM ccnl_levels ORDER BY ccnl, level")
	err = eachRow(rows, err, func(s scanner) error {
		var id, from, source string
		var l model.CCNLLevel
		if err := s.Scan(&id, &l.Code, &l.Label, &l.MinCents, &from, &source); err != nil {
			return err
		}
		c, ok := model.FindCCNL(out, id)
		if !ok {
			return nil // an agreement this version no longer has
		}
		if at := dayOf(from); at.After(c.ValidFrom) {
			c.ValidFrom = at
		}
		c.Source = source
		for i := range c.Levels {
			if c.Levels[i].Code == l.Code {
				if l.Label == "" {
					l.Label = c.Levels[i].Label
				}
				c.Levels[i] = l
				return nil
			}
		}
		c.Levels = append(c.Levels, l)
		return nil
	})
	return out, err
}

// SaveCCNLLevel sets a level's minimum hourly pay (gross cents) in an
// agreement of the table, from a date, with its source; a level the table
// lacks is added. It needs model.PermFlags; audited. Vacancies are checked
// against the new figure when next saved.
func (d *DB) SaveCCNLLevel(ctx context.Context, ccnl string, l model.CCNLLevel, validFrom time.Time, source string) error {
	source = strings.TrimSpace(source)
	if _, ok := model.FindCCNL(model.DefaultCCNLs, ccnl); !ok {
		return &model.Error{Code: model.ErrInvalid, Field: "ccnl", Message: fmt.Sprintf("no agreement %q", ccnl)}
	}
	if l.Code == "" || l.MinCents <= 0 || validFrom.IsZero() || source == "" {
		return &model.Error{Code: model.ErrRequired, Field: "level",
			Message: "a level needs its code, a minimum above zero, the date it holds from and the source"}
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, model.PermFlags)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO ccnl_levels (ccnl, level, label, min_cents, valid_from, source,
			updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ccnl, level) DO UPDATE SET
			label = excluded.label, min_cents = excluded.min_cents, valid_from = excluded.valid_from,
			source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			ccnl, l.Code, l.Label, l.MinCents, formatDay(validFrom), source, nullID(g.id), formatTime(d.Now())); err != nil {
			return err
		}
		return d.audit(ctx, tx, g.id, model.ActionUpdate, "ccnl", 0,
			fmt.Sprintf("%s %s: %d cents an hour from %s", ccnl, l.Code, l.MinCents, formatDay(validFrom)))
	})
	if err != nil {
		return fmt.Errorf("CCNL %s level %s: %w", ccnl, l.Code, err)
	}
	return nil
}
