package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sportello/model"
)

// updateKeys changes the key file: read it, let fn change it, write it
// back atomically. A plain database (being sealed) has none.
func (d *DB) updateKeys(fn func(k *keyFile) error) error {
	if d.key == nil {
		return nil
	}
	d.keyMu.Lock()
	defer d.keyMu.Unlock()
	k, err := readKeyFile(KeyPath(d.path))
	if err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	if k.Desk != d.desk {
		return &OpenError{ProblemKeyMismatch, d.path, nil}
	}
	if err := fn(k); err != nil {
		return err
	}
	return writeKeyFile(KeyPath(d.path), k)
}

// sealSlot gives username a key slot opened by password.
func (d *DB) sealSlot(username, password string) error {
	return d.updateKeys(func(k *keyFile) error {
		s, err := k.seal(slotPassword, slotID(k.Desk, username), password, d.key, d.KDF)
		if err != nil {
			return err
		}
		k.put(s)
		return nil
	})
}

// dropSlot removes username's key slot.
func (d *DB) dropSlot(username string) error {
	return d.updateKeys(func(k *keyFile) error {
		k.drop(slotPassword, slotID(k.Desk, username))
		return nil
	})
}

// setPassword stores a new password hash for an account and rewraps its
// key slot; the slot is written just before the transaction commits.
func (d *DB) setPassword(ctx context.Context, o *model.Operator, password string, by int64, detail string) error {
	if err := model.CheckPassword(password, password); err != nil {
		return err
	}
	hash, err := hashPassword(password, d.KDF)
	if err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE operators SET password_hash = ?, active = 1 WHERE id = ?", hash, o.ID); err != nil {
			return fmt.Errorf("password of %s: %w", o.Username, err)
		}
		if err := d.audit(ctx, tx, by, model.ActionUpdate, "operator", o.ID, detail); err != nil {
			return err
		}
		return d.sealSlot(o.Username, password)
	})
}

// ChangePassword lets an operator replace their own password, given the
// current one. Only that operator's key slot changes.
func (d *DB) ChangePassword(ctx context.Context, username, current, password string) error {
	o, err := d.Login(ctx, username, current)
	if err != nil {
		return err
	}
	return d.setPassword(ctx, o, password, o.ID, o.Username+": password changed")
}

// ResetPassword sets a new password for another account: by must be a
// coordinator (or 0, with the recovery key, for a coordinator's account).
// It also reactivates the account and gives it a key slot.
func (d *DB) ResetPassword(ctx context.Context, username, password string, by *model.Operator) error {
	o, err := d.OperatorByUsername(ctx, username)
	if err != nil {
		return err
	}
	actor := o.ID
	detail := o.Username + ": password set with the recovery key"
	switch {
	case by != nil && by.May(model.PermAccounts):
		actor, detail = by.ID, o.Username+": password set by "+by.Username
	case by != nil:
		return model.Refusal(model.PermAccounts)
	case !o.IsCoordinator():
		return &model.Error{Code: model.ErrPermission, Message: "the recovery key replaces a coordinator's password"}
	}
	return d.setPassword(ctx, o, password, actor, detail)
}

// Deactivate closes an account: it can no longer sign in, and its key slot
// is removed from the key file. Only a coordinator may, and never their own.
func (d *DB) Deactivate(ctx context.Context, username string, by *model.Operator) error {
	if !by.May(model.PermAccounts) {
		return model.Refusal(model.PermAccounts)
	}
	o, err := d.OperatorByUsername(ctx, username)
	if err != nil {
		return err
	}
	if o.ID == by.ID {
		return &model.Error{Code: model.ErrInvalid, Field: "username", Message: "a coordinator cannot deactivate their own account"}
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if o.IsCoordinator() {
			if err := lastCoordinator(ctx, tx, o.ID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE operators SET active = 0 WHERE id = ?", o.ID); err != nil {
			return fmt.Errorf("deactivate %s: %w", o.Username, err)
		}
		if err := d.audit(ctx, tx, by.ID, model.ActionUpdate, "operator", o.ID, o.Username+": deactivated"); err != nil {
			return err
		}
		return d.dropSlot(o.Username)
	})
}

// SetRole changes an account's role. Only a coordinator may, and the last
// active coordinator stays one: the desk always has someone to run it.
func (d *DB) SetRole(ctx context.Context, username string, role model.Role, by *model.Operator) error {
	if !by.May(model.PermAccounts) {
		return model.Refusal(model.PermAccounts)
	}
	o, err := d.OperatorByUsername(ctx, username)
	if err != nil {
		return err
	}
	changed := *o
	changed.Role = role
	if err := changed.Validate(); err != nil {
		return err
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if o.IsCoordinator() && role != model.RoleCoordinator {
			if err := lastCoordinator(ctx, tx, o.ID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE operators SET role = ? WHERE id = ?", string(role), o.ID); err != nil {
			return fmt.Errorf("role of %s: %w", o.Username, err)
		}
		return d.audit(ctx, tx, by.ID, model.ActionUpdate, "operator", o.ID,
			fmt.Sprintf("%s: role %s → %s", o.Username, o.Role, role))
	})
}

// lastCoordinator refuses to take away the only other active coordinator
// than the account id.
func lastCoordinator(ctx context.Context, tx *sql.Tx, id int64) error {
	var others int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM operators WHERE role = ? AND active = 1 AND id <> ?`,
		string(model.RoleCoordinator), id).Scan(&others); err != nil {
		return err
	}
	if others == 0 {
		return &model.Error{Code: model.ErrInvalid, Field: "role", Message: "this is the last active coordinator"}
	}
	return nil
}

// languageKey is the setting that keeps an operator's interface language.
func languageKey(operatorID int64) string { return fmt.Sprintf("operator.%d.ui_language", operatorID) }

// OperatorLanguage is the operator's own interface language, "" when they
// chose none (the desk's then applies).
func (d *DB) OperatorLanguage(ctx context.Context, operatorID int64) (string, error) {
	return d.Setting(ctx, languageKey(operatorID))
}

// SetOperatorLanguage keeps an operator's own interface language; anyone
// may set their own.
func (d *DB) SetOperatorLanguage(ctx context.Context, operatorID int64, lang string) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := saveSetting(ctx, tx, languageKey(operatorID), lang); err != nil {
			return err
		}
		return d.audit(ctx, tx, operatorID, model.ActionUpdate, "operator", operatorID, "interface language "+lang)
	})
}

// actorMay checks, inside tx, that the operator by may do p. 0 is the
// program itself (the first start, the demo, the desk's own keys), never an
// operator.
func actorMay(ctx context.Context, tx *sql.Tx, by int64, p model.Permission) error {
	if by == 0 {
		return nil
	}
	var role string
	var active bool
	err := tx.QueryRowContext(ctx, "SELECT role, active FROM operators WHERE id = ?", by).Scan(&role, &active)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Refusal(p)
	}
	if err != nil {
		return fmt.Errorf("role of operator %d: %w", by, err)
	}
	if !active || !model.Role(role).May(p) {
		return model.Refusal(p)
	}
	return nil
}
