package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sportello/model"
)

// RecordConsent validates and appends a person's answer about a purpose,
// with the scan of the signed paper when there is one; audited. Consents
// are never changed: a withdrawal is recorded as a new consent.
func (d *DB) RecordConsent(ctx context.Context, c *model.Consent, scan []byte, by int64) error {
	if err := c.Validate(); err != nil {
		return err
	}
	var blob any // NULL when there is no scan
	c.HasScan = len(scan) > 0
	if c.HasScan {
		blob = scan
	} else {
		c.ScanName = ""
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM persons WHERE id = ?", c.PersonID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &model.Error{Code: model.ErrNotFound, Field: "person", Message: fmt.Sprintf("no person %d", c.PersonID)}
		}
		g, err := d.onPerson(ctx, tx, model.PartConsents, true, c.PersonID)
		if err != nil {
			return err
		}
		if c.HasScan {
			if err := g.need(model.PartScans, true); err != nil {
				return err
			}
		}
		if c.ServiceID != 0 {
			if err := serviceExists(ctx, tx, c.ServiceID); err != nil {
				return err
			}
		}
		if c.EmployerID != 0 {
			if err := employerExists(ctx, tx, c.EmployerID); err != nil {
				return err
			}
		}
		c.RecordedBy = by
		c.UID = newUID()
		res, err := tx.ExecContext(ctx, `INSERT INTO consents (uid, person_id, purpose, service_id, employer_id,
			notice_version, language, mediator, state, date, scan, scan_name, recorded_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.UID, c.PersonID, string(c.Purpose), nullID(c.ServiceID), nullID(c.EmployerID), c.NoticeVersion, c.Language,
			c.Mediator, string(c.State), formatTime(c.Date), blob, c.ScanName, nullID(by))
		if err != nil {
			return err
		}
		c.ID, _ = res.LastInsertId()
		return d.audit(ctx, tx, by, model.ActionCreate, "consent", c.ID,
			fmt.Sprintf("person %d: %s %s", c.PersonID, c.Purpose, c.State))
	})
}

// ConsentsOf lists a person's consent history, newest first (by date, then
// by the order they were recorded), without the scans: see ConsentScan.
func (d *DB) ConsentsOf(ctx context.Context, personID int64) (out []model.Consent, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		if _, err := d.onPerson(ctx, tx, model.PartConsents, false, personID); err != nil {
			return err
		}
		out, err = consentsOf(ctx, tx, personID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("consents of person %d: %w", personID, err)
	}
	return out, nil
}

func consentsOf(ctx context.Context, q querier, personID int64) ([]model.Consent, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, uid, person_id, purpose, coalesce(service_id, 0), coalesce(employer_id, 0),
		notice_version, language, mediator, state, date, scan IS NOT NULL, scan_name, coalesce(recorded_by, 0)
		FROM consents WHERE person_id = ? ORDER BY date DESC, id DESC`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Consent
	for rows.Next() {
		var c model.Consent
		var purpose, state, date string
		if err := rows.Scan(&c.ID, &c.UID, &c.PersonID, &purpose, &c.ServiceID, &c.EmployerID, &c.NoticeVersion, &c.Language, &c.Mediator,
			&state, &date, &c.HasScan, &c.ScanName, &c.RecordedBy); err != nil {
			return nil, err
		}
		c.Purpose, c.State, c.Date = model.ConsentPurpose(purpose), model.ConsentState(state), parseTime(date)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ConsentScan reads the scan kept with a consent and its file name. A
// consent that is absent or has no scan gives a not-found error.
func (d *DB) ConsentScan(ctx context.Context, consentID int64) (data []byte, name string, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		var personID int64
		err := tx.QueryRowContext(ctx, "SELECT person_id, scan, scan_name FROM consents WHERE id = ?",
			consentID).Scan(&personID, &data, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no consent %d", consentID)}
		}
		if err != nil {
			return err
		}
		_, err = d.onPerson(ctx, tx, model.PartScans, false, personID)
		return err
	})
	if err != nil {
		return nil, "", fmt.Errorf("scan of consent %d: %w", consentID, err)
	}
	if data == nil {
		return nil, "", &model.Error{Code: model.ErrNotFound, Field: "scan",
			Message: fmt.Sprintf("consent %d has no scan", consentID)}
	}
	return data, name, nil
}
