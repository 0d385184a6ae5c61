package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"sportello/model"
)

// ExportEntry is one line of the export log: when, what, to whom.
type ExportEntry struct {
	ID            int64
	At            time.Time
	OperatorID    int64
	Recipient     string // age public key, "" when not encrypted
	Label         string // the recipient's name
	Format        string
	Pseudonymised bool
	Since         string // "" for a complete export
	UpTo          int64
	Counts        map[string]int
	FileName      string
	SHA256        string
}

// LogExport records an export that was written, audited.
func (d *DB) LogExport(ctx context.Context, e *ExportEntry) error {
	counts, err := json.Marshal(e.Counts)
	if err != nil {
		return err
	}
	e.At = d.Now().UTC()
	return d.update(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO exports (at, operator_id, recipient, label, format, pseudonymised,
			since, up_to_rev, counts, file_name, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			formatTime(e.At), nullID(e.OperatorID), e.Recipient, e.Label, e.Format, e.Pseudonymised, e.Since, e.UpTo,
			string(counts), e.FileName, e.SHA256)
		if err != nil {
			return err
		}
		e.ID, _ = res.LastInsertId()
		return d.audit(ctx, tx, e.OperatorID, model.ActionExport, "export", e.ID, e.Format+" "+e.Label)
	})
}

// Exports lists the export log, newest first.
func (d *DB) Exports(ctx context.Context) ([]ExportEntry, error) {
	var out []ExportEntry
	rows, err := d.q(ctx).QueryContext(ctx, `SELECT id, at, coalesce(operator_id, 0), recipient, label, format, pseudonymised,
		since, up_to_rev, counts, file_name, sha256 FROM exports ORDER BY id DESC`)
	err = eachRow(rows, err, func(s scanner) error {
		var e ExportEntry
		var at, counts string
		if err := s.Scan(&e.ID, &at, &e.OperatorID, &e.Recipient, &e.Label, &e.Format, &e.Pseudonymised, &e.Since,
			&e.UpTo, &counts, &e.FileName, &e.SHA256); err != nil {
			return err
		}
		e.At = parseTime(at)
		if err := json.Unmarshal([]byte(counts), &e.Counts); err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// LastExportTo gives the change-log position the last export to a
// recipient reached, and whether there was one.
func (d *DB) LastExportTo(ctx context.Context, recipient string, pseudonymised bool) (int64, bool, error) {
	var rev int64
	err := d.q(ctx).QueryRowContext(ctx, `SELECT up_to_rev FROM exports WHERE recipient = ? AND pseudonymised = ?
		ORDER BY id DESC LIMIT 1`, recipient, pseudonymised).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return rev, err == nil, err
}

// SyncBases reads what every record looked like at its last exchange:
// entity → uid → hash.
func (d *DB) SyncBases(ctx context.Context) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	rows, err := d.q(ctx).QueryContext(ctx, "SELECT entity, uid, hash FROM sync_base")
	err = eachRow(rows, err, func(s scanner) error {
		var e, uid, h string
		if err := s.Scan(&e, &uid, &h); err != nil {
			return err
		}
		if out[e] == nil {
			out[e] = map[string]string{}
		}
		out[e][uid] = h
		return nil
	})
	return out, err
}
