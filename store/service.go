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
	rows, err := d.q(ctx).QueryContext(ctx, "SELECT "+serviceColumns+" FROM services ORDER BY name COLLATE NOCASE, id")
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
	s, err := scanService(d.q(ctx).QueryRowContext(ctx, "SELECT "+serviceColumns+" FROM services WHERE id = ?", id))
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
	if s.ID == 0 {
		s.UID = "" // a new service gets a new stable ID
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, s.Name, s.ID); err != nil {
			return err
		}
		_, err := d.saveService(ctx, tx, s, by)
		return err
	})
}

// ImportServices adds or updates a list of services (another desk's map, or
// this desk's own export edited and read back) in one transaction. A row is
// matched to a service by its stable ID, never by its name alone:
//
//   - a row with the Numero Verde's ID, or named like it, is kept: the
//     national hotline is never changed by a list (by hand it still can be);
//   - a row with the ID of a service here updates it, or keeps it when it
//     says what the service already says (the round trip of an export
//     changes nothing);
//   - a row with an ID unknown here is added with that ID, so that desks
//     sharing maps settle on one ID; when a service here has its name, it is
//     the same office entered on both desks and, as in the exchange, this
//     desk's details stay: kept;
//   - a row without an ID (a list made by hand, or by an older version) is
//     added; when a service here has its name, the row is kept if it says
//     exactly what that service says, and refused otherwise: export the map,
//     edit that file and import it back, so that rows carry their IDs.
//
// Every row is added, updated or kept: kept is len(list)-added-updated. A bad
// or refused row refuses the whole list and nothing changes; its error has
// the field "services.<n>.<field>", n counting the list from 0. The IDs of
// the list's services are set to the local ones.
func (d *DB) ImportServices(ctx context.Context, list []model.Service, by int64) (added, updated int, err error) {
	seen := map[string]int{}
	for i := range list {
		s := &list[i]
		uid, ok := model.CleanUID(s.UID)
		if !ok {
			return 0, 0, &model.Error{Code: model.ErrInvalid, Field: fmt.Sprintf("services.%d.uid", i),
				Message: fmt.Sprintf("service %d (%q): uid %q is not an ID (32 hexadecimal digits)", i+1, s.Name, s.UID)}
		}
		s.UID = uid
		if err := s.Validate(); err != nil {
			return 0, 0, model.ServiceRowError(i, fmt.Sprintf("service %d (%q)", i+1, s.Name), err)
		}
		if j, twice := seen[uid]; twice && uid != "" {
			return 0, 0, &model.Error{Code: model.ErrConflict, Field: fmt.Sprintf("services.%d.uid", i),
				Message: fmt.Sprintf("service %d (%q) has the ID of service %d (%q)", i+1, s.Name, j+1, list[j].Name)}
		}
		seen[uid] = i
	}
	err = d.update(ctx, func(tx *sql.Tx) error {
		added, updated = 0, 0
		hotline, err := serviceWhere(ctx, tx, "uid = ?", model.NumeroVerdeUID)
		if err != nil {
			return err
		}
		for i := range list {
			s := &list[i]
			s.ID, s.Name = 0, strings.TrimSpace(s.Name)
			if s.UID == model.NumeroVerdeUID || strings.EqualFold(s.Name, model.NumeroVerde.Name) ||
				hotline != nil && strings.EqualFold(s.Name, strings.TrimSpace(hotline.Name)) {
				if hotline != nil {
					s.ID = hotline.ID
				}
				continue
			}
			var here *model.Service
			if s.UID != "" {
				if here, err = serviceWhere(ctx, tx, "uid = ?", s.UID); err != nil {
					return err
				}
			}
			if here == nil {
				named, err := serviceWhere(ctx, tx, "name = ? COLLATE NOCASE", s.Name)
				if err != nil {
					return err
				}
				if named != nil {
					if s.UID != "" || saysTheSame(*named, *s) {
						s.ID = named.ID
						continue
					}
					return &model.Error{Code: model.ErrConflict, Field: fmt.Sprintf("services.%d.name", i),
						Message: fmt.Sprintf("service %d (%q): a service with this name exists: export the map, "+
							"edit that file, and import it back, so rows carry their IDs", i+1, s.Name)}
				}
				if _, err := d.saveService(ctx, tx, s, by); err != nil {
					return err
				}
				added++
				continue
			}
			s.ID = here.ID
			if saysTheSame(*here, *s) {
				continue
			}
			if err := nameFree(ctx, tx, s.Name, s.ID); err != nil {
				if model.ErrorCode(err) != model.ErrConflict {
					return err
				}
				return &model.Error{Code: model.ErrConflict, Field: fmt.Sprintf("services.%d.name", i),
					Message: fmt.Sprintf("service %d (%q): another service has this name", i+1, s.Name)}
			}
			if _, err := d.saveService(ctx, tx, s, by); err != nil {
				return err
			}
			updated++
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

// serviceWhere reads the service that cond selects, or nil when none does.
func serviceWhere(ctx context.Context, q querier, cond string, args ...any) (*model.Service, error) {
	s, err := scanService(q.QueryRowContext(ctx, "SELECT "+serviceColumns+" FROM services WHERE "+cond, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return s, err
}

// saysTheSame tells whether two services say the same, spaces around the
// texts aside (a list read from a file has them trimmed).
func saysTheSame(a, b model.Service) bool {
	for _, f := range [][2]string{{a.Name, b.Name}, {string(a.Kind), string(b.Kind)}, {a.Address, b.Address},
		{a.Phone, b.Phone}, {a.Email, b.Email}, {a.Hours, b.Hours}, {a.Area, b.Area}, {a.Notes, b.Notes},
		{strings.Join(a.Languages, " "), strings.Join(b.Languages, " ")}} {
		if strings.TrimSpace(f[0]) != strings.TrimSpace(f[1]) {
			return false
		}
	}
	return true
}

// saveService inserts (ID 0) or updates a service inside tx, audited. A new
// service keeps the stable ID it brings (a list's row from another desk) or
// gets a new one.
func (d *DB) saveService(ctx context.Context, tx *sql.Tx, s *model.Service, by int64) (isNew bool, err error) {
	s.Name = strings.TrimSpace(s.Name)
	args := []any{s.Name, string(s.Kind), s.Address, s.Phone, s.Email, s.Hours, strings.Join(s.Languages, " "),
		s.Area, s.Notes}
	if s.ID == 0 {
		if s.UID == "" {
			s.UID = newUID()
		}
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
