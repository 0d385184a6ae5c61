package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sportello/model"
)

// SaveEnterprise validates and saves a person's enterprise path with its
// support steps and funding applications (replaced as a whole), new when
// its ID is 0; audited. It needs writing the work part of the file.
func (d *DB) SaveEnterprise(ctx context.Context, e *model.Enterprise) error {
	e.Idea, e.Name = strings.TrimSpace(e.Idea), strings.TrimSpace(e.Name)
	if err := e.Validate(); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		if err := staysOnCase(ctx, tx, "enterprises", "enterprise", e.ID, e.CaseID); err != nil {
			return err
		}
		g, err := d.onCase(ctx, tx, model.PartWork, true, e.CaseID)
		if err != nil {
			return err
		}
		values := []any{e.Idea, e.Name, formatDay(e.RegisteredAt), e.LegalForm, e.Ateco, e.VATNumber}
		action := model.ActionUpdate
		if e.ID == 0 {
			action, e.UID = model.ActionCreate, newUID()
			res, err := tx.ExecContext(ctx, `INSERT INTO enterprises (idea, name, registered_at, legal_form, ateco, vat_number,
				uid, case_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, append(values, e.UID, e.CaseID)...)
			if err != nil {
				return err
			}
			e.ID, _ = res.LastInsertId()
		} else if _, err := tx.ExecContext(ctx, `UPDATE enterprises SET idea = ?, name = ?, registered_at = ?, legal_form = ?,
			ateco = ?, vat_number = ? WHERE id = ?`, append(values, e.ID)...); err != nil {
			return err
		}
		if err := writeEnterpriseParts(ctx, tx, e); err != nil {
			return err
		}
		detail := fmt.Sprintf("case %d", e.CaseID)
		if e.Registered() {
			detail += ", registered " + formatDay(e.RegisteredAt)
		}
		return d.audit(ctx, tx, g.id, action, "enterprise", e.ID, detail)
	})
	if err != nil {
		return fmt.Errorf("save enterprise of case %d: %w", e.CaseID, err)
	}
	return nil
}

func writeEnterpriseParts(ctx context.Context, tx *sql.Tx, e *model.Enterprise) error {
	for _, table := range []string{"enterprise_steps", "enterprise_funding"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE enterprise_id = ?", e.ID); err != nil {
			return err
		}
	}
	for i, s := range e.Steps {
		if _, err := tx.ExecContext(ctx, `INSERT INTO enterprise_steps (enterprise_id, position, what, date, done)
			VALUES (?, ?, ?, ?, ?)`, e.ID, i, strings.TrimSpace(s.What), formatDay(s.Date), s.Done); err != nil {
			return err
		}
	}
	for i, a := range e.Applications {
		if _, err := tx.ExecContext(ctx, `INSERT INTO enterprise_funding (enterprise_id, position, kind, body, amount_cents,
			state, date) VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ID, i, string(a.Kind), strings.TrimSpace(a.Body), a.AmountCents,
			string(a.State), formatDay(a.Date)); err != nil {
			return err
		}
	}
	return nil
}

// EnterprisesOf lists a case's enterprise paths with their steps and
// applications.
func (d *DB) EnterprisesOf(ctx context.Context, caseID int64) (out []model.Enterprise, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onCase(ctx, tx, model.PartWork, false, caseID); err != nil {
			return err
		}
		out, err = enterprisesOfCase(ctx, tx, caseID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("enterprises of case %d: %w", caseID, err)
	}
	return out, nil
}

// enterprisesOfCase reads a case's enterprise paths with their steps and
// applications.
func enterprisesOfCase(ctx context.Context, q querier, caseID int64) (out []model.Enterprise, err error) {
	rows, err := q.QueryContext(ctx, `SELECT id, uid, case_id, idea, name, registered_at, legal_form, ateco, vat_number
		FROM enterprises WHERE case_id = ? ORDER BY id`, caseID)
	err = eachRow(rows, err, func(s scanner) error {
		var e model.Enterprise
		var registered string
		err := s.Scan(&e.ID, &e.UID, &e.CaseID, &e.Idea, &e.Name, &registered, &e.LegalForm, &e.Ateco, &e.VATNumber)
		e.RegisteredAt = dayOf(registered)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := readEnterpriseParts(ctx, q, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readEnterpriseParts(ctx context.Context, q querier, e *model.Enterprise) error {
	rows, err := q.QueryContext(ctx, "SELECT what, date, done FROM enterprise_steps WHERE enterprise_id = ? ORDER BY position", e.ID)
	err = eachRow(rows, err, func(s scanner) error {
		var st model.SupportStep
		var date string
		err := s.Scan(&st.What, &date, &st.Done)
		st.Date = dayOf(date)
		e.Steps = append(e.Steps, st)
		return err
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT kind, body, amount_cents, state, date FROM enterprise_funding
		WHERE enterprise_id = ? ORDER BY position`, e.ID)
	return eachRow(rows, err, func(s scanner) error {
		var a model.FundingApplication
		var kind, state, date string
		err := s.Scan(&kind, &a.Body, &a.AmountCents, &state, &date)
		a.Kind, a.State, a.Date = model.FundingKind(kind), model.FundingState(state), dayOf(date)
		e.Applications = append(e.Applications, a)
		return err
	})
}
