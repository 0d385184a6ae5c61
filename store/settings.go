package store

import (
	"context"
	"database/sql"
	"errors"

	"sportello/model"
)

// Setting keys (see model for the full list).
const (
	SettingOrganisation = model.SettingOrganisation
	SettingDesk         = model.SettingDesk
	SettingLanguage     = model.SettingLanguage
)

// Setting reads one setting; an absent one reads as "".
func (d *DB) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := d.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SaveSettings writes several settings in one transaction, audited.
func (d *DB) SaveSettings(ctx context.Context, values map[string]string, by int64) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		for k, v := range values {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return d.audit(ctx, tx, by, model.ActionUpdate, "settings", 0, "")
	})
}

// casePrefix reads this desk's case-code prefix inside tx.
func casePrefix(ctx context.Context, tx *sql.Tx) (string, error) {
	var v string
	err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", model.SettingCasePrefix).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || v == "" {
		return CasePrefix, nil
	}
	return v, err
}
