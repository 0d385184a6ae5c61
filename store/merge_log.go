package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"sportello/model"
)

// SetBase records what a record looked like at this exchange.
func (m *Merger) SetBase(entity, uid, hash string) error {
	_, err := m.exec(`INSERT INTO sync_base (entity, uid, hash) VALUES (?, ?, ?)
		ON CONFLICT (entity, uid) DO UPDATE SET hash = excluded.hash`, entity, uid, hash)
	return err
}

// DeskKey gives the signing key a desk used before, if it is known.
func (m *Merger) DeskKey(uid string) (string, bool, error) {
	var key string
	err := m.tx.QueryRowContext(m.ctx, "SELECT public_key FROM desks WHERE uid = ?", uid).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return key, err == nil, err
}

// SeeDesk notes a bundle from a desk already known here: its name and
// case-code prefix as it now gives them, and when it was last seen. It
// never makes a desk known: only a coordinator does, with DB.TrustDesk.
func (m *Merger) SeeDesk(uid, name, prefix string) error {
	_, err := m.exec("UPDATE desks SET name = ?, case_prefix = ?, last_seen = ? WHERE uid = ?", name, prefix, formatTime(m.d.Now()), uid)
	return err
}

// ImportEntry is one line of the import log.
type ImportEntry struct {
	ID         int64
	At         time.Time
	OperatorID int64
	DeskUID    string
	DeskName   string
	BundleSHA  string
	Counts     map[string]int // added, updated, unchanged, kept, conflicts
	FileName   string
}

// LogImport records the import being merged, audited; conflicts refer to it.
func (m *Merger) LogImport(e *ImportEntry) error {
	counts, err := json.Marshal(e.Counts)
	if err != nil {
		return err
	}
	e.At = m.d.Now().UTC()
	res, err := m.exec(`INSERT INTO imports (at, operator_id, desk_uid, desk_name, bundle_sha, counts, file_name)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, formatTime(e.At), nullID(e.OperatorID), e.DeskUID, e.DeskName, e.BundleSHA,
		string(counts), e.FileName)
	if err != nil {
		return err
	}
	e.ID, _ = res.LastInsertId()
	return m.d.audit(m.ctx, m.tx, e.OperatorID, model.ActionImport, "import", e.ID, e.DeskName)
}

// Conflict is a record changed on this desk and on another since their
// last exchange: the other desk's version waits for an operator's choice.
type Conflict struct {
	ID         int64
	ImportID   int64
	Entity     string
	UID        string
	Label      string // what an operator recognises: case code and kind of record
	LocalHash  string
	Theirs     []byte // the other desk's record, exchange JSON
	TheirsHash string
	From       string // the other desk's name
	Reason     string // "" changed on both sides; ReasonClash: it takes the place of another record here
}

// ReasonClash marks a conflict whose record takes the place of a different
// record of this desk (the same version of a case's plan, made on both).
const ReasonClash = "clash"

// AddConflict keeps the other desk's version for an operator to choose;
// an older open conflict on the same record gives way to it.
func (m *Merger) AddConflict(c *Conflict) error {
	if _, err := m.exec(`UPDATE conflicts SET resolved_at = ?, resolution = 'superseded'
		WHERE entity = ? AND uid = ? AND resolved_at = ''`, formatTime(m.d.Now()), c.Entity, c.UID); err != nil {
		return err
	}
	res, err := m.exec(`INSERT INTO conflicts (import_id, entity, uid, label, reason, local_hash, theirs, theirs_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.ImportID, c.Entity, c.UID, c.Label, c.Reason, c.LocalHash, string(c.Theirs),
		c.TheirsHash)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	return nil
}

// OpenConflicts lists the conflicts waiting for a choice, oldest first.
func (d *DB) OpenConflicts(ctx context.Context) ([]Conflict, error) {
	var out []Conflict
	rows, err := d.q(ctx).QueryContext(ctx, `SELECT c.id, c.import_id, c.entity, c.uid, c.label, c.reason, c.local_hash,
		c.theirs, c.theirs_hash, i.desk_name FROM conflicts c JOIN imports i ON i.id = c.import_id
		WHERE c.resolved_at = '' ORDER BY c.id`)
	err = eachRow(rows, err, func(s scanner) error {
		var c Conflict
		var theirs string
		if err := s.Scan(&c.ID, &c.ImportID, &c.Entity, &c.UID, &c.Label, &c.Reason, &c.LocalHash, &theirs,
			&c.TheirsHash, &c.From); err != nil {
			return err
		}
		c.Theirs = []byte(theirs)
		out = append(out, c)
		return nil
	})
	return out, err
}

// Resolutions of a conflict.
const (
	KeepOurs   = "ours"
	TakeTheirs = "theirs"
)

// ResolveConflict closes a conflict: the record's sync base becomes the
// other desk's version either way, so that the next exchange knows this
// desk has seen it. apply, for TakeTheirs, writes their version inside
// the same transaction.
func (d *DB) ResolveConflict(ctx context.Context, id int64, resolution string, by int64,
	apply func(m *Merger, c *Conflict) error) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := actorMay(ctx, tx, by, model.PermExchange); err != nil {
			return err
		}
		if err := d.actorMay(ctx, tx, model.PermExchange); err != nil {
			return err
		}
		var c Conflict
		var theirs, resolved string
		err := tx.QueryRowContext(ctx, `SELECT id, entity, uid, label, reason, local_hash, theirs, theirs_hash,
			resolved_at FROM conflicts WHERE id = ?`, id).Scan(&c.ID, &c.Entity, &c.UID, &c.Label, &c.Reason,
			&c.LocalHash, &theirs, &c.TheirsHash, &resolved)
		if errors.Is(err, sql.ErrNoRows) {
			return &model.Error{Code: model.ErrNotFound, Message: "no such conflict"}
		} else if err != nil {
			return err
		}
		if resolved != "" {
			return &model.Error{Code: model.ErrConflict, Message: "this conflict was already settled"}
		}
		c.Theirs = []byte(theirs)
		m, err := d.newMerger(ctx, tx)
		if err != nil {
			return err
		}
		defer m.close()
		if apply != nil {
			if err := apply(m, &c); err != nil {
				return err
			}
		}
		if err := m.SetBase(c.Entity, c.UID, c.TheirsHash); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE conflicts SET resolved_at = ?, resolution = ?, resolved_by = ?
			WHERE id = ?`, formatTime(d.Now()), resolution, nullID(by), id); err != nil {
			return err
		}
		return d.audit(ctx, tx, by, model.ActionResolve, c.Entity, m.idOf(c.Entity, c.UID), c.Label+": "+resolution)
	})
}

// Imports lists the import log, newest first.
func (d *DB) Imports(ctx context.Context) ([]ImportEntry, error) {
	var out []ImportEntry
	rows, err := d.q(ctx).QueryContext(ctx, `SELECT id, at, coalesce(operator_id, 0), desk_uid, desk_name, bundle_sha,
		counts, file_name FROM imports ORDER BY id DESC`)
	err = eachRow(rows, err, func(s scanner) error {
		var e ImportEntry
		var at, counts string
		if err := s.Scan(&e.ID, &at, &e.OperatorID, &e.DeskUID, &e.DeskName, &e.BundleSHA, &counts, &e.FileName); err != nil {
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
