package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"sportello/model"
)

// Merger writes another desk's records inside one transaction: an import
// either lands whole or leaves the database as it was.
type Merger struct {
	d     *DB
	ctx   context.Context
	tx    *sql.Tx
	ids   *stableIDs           // entity, uid → local ID
	stmts map[string]*sql.Stmt // prepared once per merge
	seq   int64                // the last numbering slot given to a person from elsewhere (negative)
}

// ErrChangedMeanwhile says the desk changed between the import's reading
// and its writing; the import starts again.
var ErrChangedMeanwhile = errors.New("the desk changed while the import was being prepared")

// BulkPersons is how many incoming persons make a merge rebuild the search
// index once at its end instead of updating it person by person.
var BulkPersons = 2000

// Merge runs fn in one transaction, provided the change log is still at
// position at (what the import read); fn's error rolls everything back.
// bulk leaves the search index to one rebuild at the end.
func (d *DB) Merge(ctx context.Context, at int64, bulk bool, fn func(m *Merger) error) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermExchange); err != nil {
			return err
		}
		var now int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&now); err != nil {
			return err
		}
		if now != at {
			return ErrChangedMeanwhile
		}
		m, err := d.newMerger(ctx, tx)
		if err != nil {
			return err
		}
		defer m.close()
		quiet := 1
		if bulk {
			quiet = 2
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO merge_quiet VALUES (?)", quiet); err != nil {
			return err
		}
		if err := fn(m); err != nil || m.ids.err != nil {
			return errors.Join(m.ids.err, err)
		}
		if bulk {
			if _, err := tx.ExecContext(ctx, "INSERT INTO persons_fts (persons_fts) VALUES ('rebuild')"); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM merge_quiet")
		return err
	})
}

func (d *DB) newMerger(ctx context.Context, tx *sql.Tx) (*Merger, error) {
	m := &Merger{d: d, ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
	m.ids = newStableIDs(m)
	return m, nil
}

// ID gives the local ID of a record by its stable ID.
func (m *Merger) ID(entity, uid string) (int64, bool) {
	return m.ids.get(entity, uid)
}

// Alias makes a foreign stable ID stand for a local record (a service the
// other desk added under the same name).
func (m *Merger) Alias(entity, uid string, id int64) { m.ids.alias(entity, uid, id) }

// UIDOf gives the stable ID of a local record.
func (m *Merger) UIDOf(entity string, id int64) string { return m.ids.uidOf(entity, id) }

// RenameUID gives a local record another stable ID (two desks settling on
// one ID for a record both entered).
func (m *Merger) RenameUID(entity string, id int64, uid string) error {
	old := m.UIDOf(entity, id)
	if _, err := m.exec("UPDATE "+entityTables[entity]+" SET uid = ? WHERE id = ?", uid, id); err != nil {
		return err
	}
	m.ids.alias(entity, old, 0)
	m.ids.alias(entity, uid, id)
	return nil
}

// ServiceByName finds a local service by its name.
func (m *Merger) ServiceByName(name string) (int64, bool, error) {
	var id int64
	err := m.queryRow("SELECT id FROM services WHERE name = ? COLLATE NOCASE", strings.TrimSpace(name)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// CaseCodeTaken tells whether a case code belongs to a local person.
func (m *Merger) CaseCodeTaken(code string) (bool, error) {
	var n int
	err := m.queryRow("SELECT count(*) FROM persons WHERE case_code = ?", code).Scan(&n)
	return n > 0, err
}

// ReferralCodeTaken tells whether a referral code is used here.
func (m *Merger) ReferralCodeTaken(code string) (bool, error) {
	var n int
	err := m.queryRow("SELECT count(*) FROM referrals WHERE code = ?", code).Scan(&n)
	return n > 0, err
}

func (m *Merger) exec(query string, args ...any) (sql.Result, error) {
	st, ok := m.stmts[query]
	if !ok {
		var err error
		if st, err = m.tx.PrepareContext(m.ctx, query); err != nil {
			return nil, err
		}
		m.stmts[query] = st
	}
	return st.ExecContext(m.ctx, args...)
}

// queryRow runs a one-row query through a statement prepared once per merge.
func (m *Merger) queryRow(query string, args ...any) *sql.Row {
	st, ok := m.stmts[query]
	if !ok {
		var err error
		if st, err = m.tx.PrepareContext(m.ctx, query); err != nil {
			return m.tx.QueryRowContext(m.ctx, query, args...) // carries the same error
		}
		m.stmts[query] = st
	}
	return st.QueryRowContext(m.ctx, args...)
}

func (m *Merger) close() {
	for _, st := range m.stmts {
		st.Close()
	}
}

// put inserts a record (id 0) or updates it, and learns its local ID.
func (m *Merger) put(entity, uid string, insert, update string, args ...any) (int64, error) {
	if id, ok := m.ids.get(entity, uid); ok {
		_, err := m.exec(update, append(args, id)...)
		return id, err
	}
	res, err := m.exec(insert, append([]any{uid}, args...)...)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	m.ids.remember(entity, uid, id)
	return id, nil
}
