package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

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
	err := d.q(ctx).QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SaveSettings writes several settings in one transaction, audited.
func (d *DB) SaveSettings(ctx context.Context, values map[string]string, by int64) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := actorMay(ctx, tx, by, model.PermSettings); err != nil {
			return err
		}
		keys := make([]string, 0, len(values))
		for k, v := range values {
			if err := saveSetting(ctx, tx, k, v); err != nil {
				return err
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return d.audit(ctx, tx, by, model.ActionUpdate, "settings", 0, strings.Join(keys, " "))
	})
}

// saveSetting writes one setting inside tx.
func saveSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("setting %s: %w", key, err)
	}
	return nil
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
