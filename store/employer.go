package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sportello/model"
)

const employerColumns = `e.id, e.uid, e.name, e.fiscal_code, e.vat_number, e.ateco, e.address, e.work_address, e.phone, e.email,
	e.contact_person, e.contact_role, e.ccnl, e.ccnl_other, e.quality_net, e.ethical_label, e.notes, e.created_at,
	e.updated_at, coalesce(f.id, 0), coalesce(f.reason, ''), coalesce(f.date, ''), coalesce(f.flagged_by, 0)`

// employerFrom joins each employer with its open flag, if any.
const employerFrom = " FROM employers e LEFT JOIN employer_flags f ON f.employer_id = e.id AND f.lifted_at = ''"

// SaveEmployer validates and saves an employer: a new one when its ID is
// 0, else changes to an existing one; audited. It needs model.PermEmployers.
// The flag is not saved here: see FlagEmployer.
func (d *DB) SaveEmployer(ctx context.Context, e *model.Employer) error {
	for _, s := range []*string{&e.Name, &e.Address, &e.WorkAddress, &e.Phone, &e.Email, &e.ContactPerson, &e.ContactRole,
		&e.CCNLOther, &e.EthicalLabel, &e.Notes} {
		*s = strings.TrimSpace(*s)
	}
	if err := e.Validate(); err != nil {
		return err
	}
	now := formatTime(d.Now())
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, model.PermEmployers)
		if err != nil {
			return err
		}
		args := []any{e.Name, e.FiscalCode, e.VATNumber, e.Ateco, e.Address, e.WorkAddress, e.Phone, e.Email,
			e.ContactPerson, e.ContactRole, e.CCNL, e.CCNLOther, e.QualityNet, e.EthicalLabel, e.Notes, now}
		action := model.ActionUpdate
		if e.ID == 0 {
			e.UID, action = newUID(), model.ActionCreate
			res, err := tx.ExecContext(ctx, `INSERT INTO employers (name, fiscal_code, vat_number, ateco, address,
				work_address, phone, email, contact_person, contact_role, ccnl, ccnl_other, quality_net, ethical_label,
				notes, updated_at, created_at, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				append(args, now, e.UID)...)
			if err != nil {
				return err
			}
			e.ID, _ = res.LastInsertId()
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE employers SET name = ?, fiscal_code = ?, vat_number = ?, ateco = ?,
				address = ?, work_address = ?, phone = ?, email = ?, contact_person = ?, contact_role = ?, ccnl = ?,
				ccnl_other = ?, quality_net = ?, ethical_label = ?, notes = ?, updated_at = ? WHERE id = ?`,
				append(args, e.ID)...)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return notFound("employer", e.ID)
			}
		}
		return d.audit(ctx, tx, g.id, action, "employer", e.ID, e.Name)
	})
	if err != nil {
		return fmt.Errorf("save employer %q: %w", e.Name, err)
	}
	return nil
}

// Employer reads one employer, with its open flag as the reader's role may
// see it.
func (d *DB) Employer(ctx context.Context, id int64) (e *model.Employer, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, "")
		if err != nil {
			return err
		}
		e, err = scanEmployer(tx.QueryRowContext(ctx, "SELECT "+employerColumns+employerFrom+" WHERE e.id = ?", id), g)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("employer", id)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("employer %d: %w", id, err)
	}
	return e, nil
}

// Employers lists the desk's employers by name; flagged ones too, marked.
func (d *DB) Employers(ctx context.Context) (out []model.Employer, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, "")
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+employerColumns+employerFrom+" ORDER BY e.name COLLATE NOCASE, e.id")
		return eachRow(rows, err, func(s scanner) error {
			e, err := scanEmployer(s, g)
			if err == nil {
				out = append(out, *e)
			}
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("employers: %w", err)
	}
	return out, nil
}

// scanEmployer reads the employer columns; the flag's reason and author
// are withheld from a role without model.PermFlagDetails.
func scanEmployer(s scanner, g *grant) (*model.Employer, error) {
	var e model.Employer
	var created, updated, flagDate string
	var f model.EmployerFlag
	if err := s.Scan(&e.ID, &e.UID, &e.Name, &e.FiscalCode, &e.VATNumber, &e.Ateco, &e.Address, &e.WorkAddress, &e.Phone,
		&e.Email, &e.ContactPerson, &e.ContactRole, &e.CCNL, &e.CCNLOther, &e.QualityNet, &e.EthicalLabel, &e.Notes,
		&created, &updated, &f.ID, &f.Reason, &flagDate, &f.By); err != nil {
		return nil, err
	}
	e.CreatedAt, e.UpdatedAt = parseTime(created), parseTime(updated)
	if f.ID != 0 {
		f.Date = dayOf(flagDate)
		if !g.may(model.PermFlagDetails) {
			f.Reason, f.By, f.Withheld = "", 0, true
		}
		e.Flag = &f
	}
	return &e, nil
}

// FlagEmployer records that an employer was reported for exploitation or
// irregular work, with the reason and the date of the report; audited.
// It needs model.PermFlags; an employer already flagged is refused.
func (d *DB) FlagEmployer(ctx context.Context, employerID int64, f model.EmployerFlag) error {
	f.Reason = strings.TrimSpace(f.Reason)
	if err := f.Validate(d.Now()); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, model.PermFlags)
		if err != nil {
			return err
		}
		if err := employerExists(ctx, tx, employerID); err != nil {
			return err
		}
		var open int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM employer_flags WHERE employer_id = ? AND lifted_at = ''",
			employerID).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return &model.Error{Code: model.ErrConflict, Field: "flag", Message: "this employer is flagged already"}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO employer_flags (employer_id, reason, date, flagged_by, flagged_at)
			VALUES (?, ?, ?, ?, ?)`, employerID, f.Reason, formatDay(f.Date), nullID(g.id), formatTime(d.Now()))
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		return d.audit(ctx, tx, g.id, "flag", "employer", employerID, fmt.Sprintf("flag %d, report of %s", id,
			formatDay(f.Date)))
	})
	if err != nil {
		return fmt.Errorf("flag employer %d: %w", employerID, err)
	}
	return nil
}

// UnflagEmployer lifts an employer's open flag, saying why; audited. It
// needs model.PermFlags. The flag stays in the history.
func (d *DB) UnflagEmployer(ctx context.Context, employerID int64, note string) error {
	note = strings.TrimSpace(note)
	if e := requiredNote(note); e != nil {
		return e
	}
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.deskGrant(ctx, tx, model.PermFlags)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE employer_flags SET lifted_at = ?, lifted_by = ?, lift_note = ?
			WHERE employer_id = ? AND lifted_at = ''`, formatTime(d.Now()), nullID(g.id), note, employerID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &model.Error{Code: model.ErrNotFound, Field: "flag", Message: "this employer is not flagged"}
		}
		return d.audit(ctx, tx, g.id, "unflag", "employer", employerID, "")
	})
	if err != nil {
		return fmt.Errorf("unflag employer %d: %w", employerID, err)
	}
	return nil
}

func requiredNote(note string) error {
	if note == "" {
		return &model.Error{Code: model.ErrRequired, Field: "note", Message: "say why"}
	}
	if len([]rune(note)) > model.MaxTextLen {
		return &model.Error{Code: model.ErrTooLong, Field: "note", Message: "longer than allowed"}
	}
	return nil
}

// employerExists refuses an employer ID that names none; flagged tells
// whether it has an open flag.
func employerExists(ctx context.Context, q querier, id int64) error {
	_, err := employerFlagged(ctx, q, id)
	return err
}

func employerFlagged(ctx context.Context, q querier, id int64) (flagged bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM employer_flags WHERE employer_id = e.id AND lifted_at = '')
		FROM employers e WHERE e.id = ?`, id).Scan(&flagged)
	if errors.Is(err, sql.ErrNoRows) {
		return false, &model.Error{Code: model.ErrNotFound, Field: "employer", Message: fmt.Sprintf("no employer %d", id)}
	}
	return flagged, err
}
