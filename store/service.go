package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sportello/model"
)

const serviceColumns = "id, uid, name, kind, address, phone, email, hours, languages, area, notes"

// querier is what reads need from either the database or a transaction.
// Inside DB.update, reads must go through the *sql.Tx: the database has a
// single connection, which the transaction holds.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// eachRow runs fn on every row of a query's result, then closes the rows.
// Rows are always read to the end before the next query: the database has
// a single connection.
func eachRow(rows *sql.Rows, err error, fn func(s scanner) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Services lists the map of services, by name.
func (d *DB) Services(ctx context.Context) ([]model.Service, error) {
	var out []model.Service
	rows, err := d.db.QueryContext(ctx, "SELECT "+serviceColumns+" FROM services ORDER BY name COLLATE NOCASE, id")
	err = eachRow(rows, err, func(s scanner) error {
		sv, err := scanService(s)
		if err == nil {
			out = append(out, *sv)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Service reads one service.
func (d *DB) Service(ctx context.Context, id int64) (*model.Service, error) {
	s, err := scanService(d.db.QueryRowContext(ctx, "SELECT "+serviceColumns+" FROM services WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no service %d", id)}
	}
	return s, err
}

// SaveService validates and saves a service: a new one when its ID is 0,
// else changes to an existing one; audited. Two services cannot share a
// name (compared ignoring case).
func (d *DB) SaveService(ctx context.Context, s *model.Service, by int64) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, s.Name, s.ID); err != nil {
			return err
		}
		_, err := d.saveService(ctx, tx, s, by)
		return err
	})
}

// ImportServices adds or updates a list of services in one transaction: a
// service whose name matches an existing one (ignoring case) updates it,
// any other is added. A bad service refuses the whole list.
func (d *DB) ImportServices(ctx context.Context, list []model.Service, by int64) (added, updated int, err error) {
	for i := range list {
		if err := list[i].Validate(); err != nil {
			return 0, 0, &model.Error{Code: model.ErrInvalid, Field: fmt.Sprintf("services.%d", i),
				Message: fmt.Sprintf("service %d (%q): %v", i+1, list[i].Name, err)}
		}
	}
	err = d.update(ctx, func(tx *sql.Tx) error {
		added, updated = 0, 0
		for i := range list {
			s := &list[i]
			s.ID = 0
			err := tx.QueryRowContext(ctx, "SELECT id, uid FROM services WHERE name = ? COLLATE NOCASE",
				strings.TrimSpace(s.Name)).Scan(&s.ID, &s.UID)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			isNew, err := d.saveService(ctx, tx, s, by)
			if err != nil {
				return err
			}
			if isNew {
				added++
			} else {
				updated++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// saveService inserts (ID 0) or updates a service inside tx, audited.
func (d *DB) saveService(ctx context.Context, tx *sql.Tx, s *model.Service, by int64) (isNew bool, err error) {
	s.Name = strings.TrimSpace(s.Name)
	args := []any{s.Name, string(s.Kind), s.Address, s.Phone, s.Email, s.Hours, strings.Join(s.Languages, " "),
		s.Area, s.Notes}
	if s.ID == 0 {
		s.UID = newUID()
		res, err := tx.ExecContext(ctx, `INSERT INTO services (uid, name, kind, address, phone, email, hours, languages,
			area, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{s.UID}, args...)...)
		if err != nil {
			return false, err
		}
		s.ID, _ = res.LastInsertId()
		return true, d.audit(ctx, tx, by, model.ActionCreate, "service", s.ID, s.Name)
	}
	res, err := tx.ExecContext(ctx, `UPDATE services SET name = ?, kind = ?, address = ?, phone = ?, email = ?,
		hours = ?, languages = ?, area = ?, notes = ? WHERE id = ?`, append(args, s.ID)...)
	if err != nil {
		return false, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no service %d", s.ID)}
	}
	return false, d.audit(ctx, tx, by, model.ActionUpdate, "service", s.ID, s.Name)
}

// nameFree refuses a name another service already has.
func nameFree(ctx context.Context, tx *sql.Tx, name string, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM services WHERE name = ? COLLATE NOCASE AND id != ?",
		strings.TrimSpace(name), id).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return model.ValidationErrors{{Code: model.ErrConflict, Field: "name", Message: "another service has this name"}}
	}
	return nil
}

// serviceExists refuses an unknown service id with a not-found error.
func serviceExists(ctx context.Context, q querier, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM services WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return &model.Error{Code: model.ErrNotFound, Field: "service", Message: fmt.Sprintf("no service %d", id)}
	}
	return nil
}

func scanService(s scanner) (*model.Service, error) {
	var sv model.Service
	var kind, langs string
	if err := s.Scan(&sv.ID, &sv.UID, &sv.Name, &kind, &sv.Address, &sv.Phone, &sv.Email, &sv.Hours, &langs, &sv.Area,
		&sv.Notes); err != nil {
		return nil, err
	}
	sv.Kind, sv.Languages = model.ServiceKind(kind), strings.Fields(langs)
	return &sv, nil
}
