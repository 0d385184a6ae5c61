package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sportello/model"
)

const operatorColumns = "id, uid, username, full_name, role, password_hash, active, created_at"

// CountOperators counts the accounts; zero means the first start.
func (d *DB) CountOperators(ctx context.Context) (int, error) {
	var n int
	err := d.q(ctx).QueryRowContext(ctx, "SELECT count(*) FROM operators").Scan(&n)
	return n, err
}

// CreateOperator adds an account with a hashed password. by is the operator
// creating it (0 on first start, when the coordinator creates itself).
func (d *DB) CreateOperator(ctx context.Context, o *model.Operator, password string, by int64) error {
	if err := o.Validate(); err != nil {
		return err
	}
	if err := model.CheckPassword(password, password); err != nil {
		return err
	}
	hash, err := hashPassword(password, d.KDF)
	if err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := actorMay(ctx, tx, by, model.PermAccounts); err != nil {
			return err
		}
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM operators WHERE username = ?", o.Username).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return model.ValidationErrors{{Code: model.ErrUsernameTaken, Field: "username", Message: "this username is taken"}}
		}
		o.CreatedAt = d.Now().UTC()
		o.Active = true
		o.UID = newUID()
		res, err := tx.ExecContext(ctx, `INSERT INTO operators (uid, username, full_name, role, password_hash, active, created_at)
			VALUES (?, ?, ?, ?, ?, 1, ?)`, o.UID, o.Username, o.FullName, string(o.Role), hash, formatTime(o.CreatedAt))
		if err != nil {
			return err
		}
		o.ID, _ = res.LastInsertId()
		o.PasswordHash = hash
		actor := by
		if actor == 0 {
			actor = o.ID
		}
		if err := d.audit(ctx, tx, actor, model.ActionCreate, "operator", o.ID, o.Username); err != nil {
			return err
		}
		return d.sealSlot(o.Username, password)
	})
}

// Login checks a username and password. A wrong pair gives a model error
// with code ErrLogin, and is audited. Wrong passwords are slowed down per
// account as when the desk is unlocked (and counted with those tries), so
// the open window's lock cannot be used to guess: a try too soon gives a
// *ThrottleError and checks nothing.
func (d *DB) Login(ctx context.Context, username, password string) (*model.Operator, error) {
	slot, now := slotID(d.desk, username), clock()
	if err := throttled(d.path, slot, now); err != nil {
		return nil, fmt.Errorf("login %s: %w", username, err)
	}
	o, err := scanOperator(d.q(ctx).QueryRowContext(ctx,
		"SELECT "+operatorColumns+" FROM operators WHERE username = ? AND active = 1", username))
	ok := err == nil && checkPassword(password, o.PasswordHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	action, id := model.ActionLogin, int64(0)
	if ok {
		id = o.ID
	} else {
		action = model.ActionLoginFailed
		addFailure(d.path, slot, now, false) // audited just below
	}
	if err := d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, id, action, "operator", id, username)
	}); err != nil {
		return nil, err
	}
	if !ok {
		return nil, &model.Error{Code: model.ErrLogin, Message: "wrong username or password"}
	}
	// Tries that failed at the unlock and were not audited yet are now.
	if err := d.recordFailures(ctx, o, succeeded(d.path, slot)); err != nil {
		return nil, err
	}
	return o, nil
}

// Operators lists every account by name.
func (d *DB) Operators(ctx context.Context) ([]model.Operator, error) {
	return operators(ctx, d.db)
}

func operators(ctx context.Context, q querier) ([]model.Operator, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+operatorColumns+" FROM operators ORDER BY full_name, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Operator
	for rows.Next() {
		o, err := scanOperator(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *o)
	}
	return out, rows.Err()
}

// OperatorByUsername finds an account.
func (d *DB) OperatorByUsername(ctx context.Context, username string) (*model.Operator, error) {
	o, err := scanOperator(d.q(ctx).QueryRowContext(ctx,
		"SELECT "+operatorColumns+" FROM operators WHERE username = ?", username))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &model.Error{Code: model.ErrNotFound, Message: "no operator " + username}
	}
	return o, err
}

type scanner interface{ Scan(dest ...any) error }

func scanOperator(s scanner) (*model.Operator, error) {
	var o model.Operator
	var role, created string
	if err := s.Scan(&o.ID, &o.UID, &o.Username, &o.FullName, &role, &o.PasswordHash, &o.Active, &created); err != nil {
		return nil, err
	}
	o.Role = model.Role(role)
	o.CreatedAt = parseTime(created)
	return &o, nil
}
