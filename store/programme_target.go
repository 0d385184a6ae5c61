package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"sportello/model"
)

// SaveTargets validates the programme's targets and saves them as one JSON
// setting, audited. Only the coordinator may (the settings permission).
func (d *DB) SaveTargets(ctx context.Context, ts []model.Target, by int64) error {
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	body, err := json.Marshal(ts)
	if err != nil {
		return fmt.Errorf("save targets: %w", err)
	}
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermSettings); err != nil {
			return err
		}
		if err := actorMay(ctx, tx, by, model.PermSettings); err != nil {
			return err
		}
		if err := saveSetting(ctx, tx, model.SettingTargets, string(body)); err != nil {
			return fmt.Errorf("save targets: %w", err)
		}
		return d.audit(ctx, tx, by, model.ActionUpdate, "settings", 0, model.SettingTargets)
	})
}

// Targets reads the programme's targets; none saved reads as none.
func (d *DB) Targets(ctx context.Context) ([]model.Target, error) {
	v, err := d.Setting(ctx, model.SettingTargets)
	if err != nil || v == "" {
		return nil, err
	}
	var ts []model.Target
	if err := json.Unmarshal([]byte(v), &ts); err != nil {
		return nil, fmt.Errorf("targets: %w", err)
	}
	return ts, nil
}
