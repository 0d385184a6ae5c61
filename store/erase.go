package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sportello/model"
)

// Erasure (GDPR art. 17). A person erased is not deleted: the person row
// and their cases, interviews, plans, consents and referrals stay as an
// anonymous tally, so the programme's indicators and activity counts stay
// right (model.Person.Anonymise says what is kept and why). Everything
// else is removed in one write transaction: names, contacts, documents,
// every answer and free text, the scans of signed papers, the conflicts
// still holding another desk's version, and the personal values in the
// audit trail (redacted, audit_redact.go). Then the file is vacuumed and
// its WAL emptied, so the bytes are gone from the disk file too (free pages
// included). Backups made before keep the person until they are pruned.

const (
	actionErase  = model.ActionErase
	actionRelink = "relink"
	// erasedMark replaces an audit detail that held personal values.
	erasedMark = "[erased]"
)

// ErasePerson erases a person on a coordinator's decision, with the legal
// reason, then compacts the file. A person already erased is refused.
func (d *DB) ErasePerson(ctx context.Context, personID int64, e model.Erasure, by *model.Operator) error {
	if by == nil {
		return model.Refusal(model.PermErase)
	}
	e.Note = strings.TrimSpace(e.Note)
	if err := e.Validate(); err != nil {
		return err
	}
	e.At, e.By = d.Now().UTC(), by.ID
	err := d.update(ctx, func(tx *sql.Tx) error {
		if err := actorMay(ctx, tx, by.ID, model.PermErase); err != nil {
			return err
		}
		done, err := d.erase(ctx, tx, personID, e)
		if err == nil && !done {
			err = &model.Error{Code: model.ErrConflict, Message: "this person was erased already"}
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("erase person %d: %w", personID, err)
	}
	if err := d.compact(ctx); err != nil {
		return fmt.Errorf("erase person %d: erased, but the file was not compacted: %w", personID, err)
	}
	return nil
}

// erase anonymises the person inside tx and audits it; done is false for
// a person erased already (nothing is changed).
func (d *DB) erase(ctx context.Context, tx *sql.Tx, personID int64, e model.Erasure) (done bool, err error) {
	p, err := scanPerson(tx.QueryRowContext(ctx, "SELECT "+personColumns+" FROM persons WHERE id = ?", personID))
	if errors.Is(err, sql.ErrNoRows) {
		return false, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no person %d", personID)}
	}
	if err != nil {
		return false, err
	}
	var erasedAt string
	if err := tx.QueryRowContext(ctx, "SELECT erased_at FROM persons WHERE id = ?", personID).Scan(&erasedAt); err != nil {
		return false, err
	}
	if erasedAt != "" {
		return false, nil
	}
	values, err := personalValues(ctx, tx, p)
	if err != nil {
		return false, err
	}
	p.Anonymise()
	args := append(personValues(p), formatTime(e.At), string(e.Reason), e.Note, formatTime(e.At), personID)
	if _, err := tx.ExecContext(ctx, `UPDATE persons SET family_name = ?, given_names = ?, own_script_name = ?,
		aliases = ?, sex = ?, birth_date = ?, birth_year = ?, birth_country = ?, citizenships = ?, languages = ?,
		preferred_language = ?, phone = ?, domicile = ?, domicile_informal = ?, fiscal_code = ?,
		permit_type = ?, permit_number = ?, permit_expiry = ?, permit_status = ?, vulnerabilities = ?,
		channel = ?, erased_at = ?, erasure_reason = ?, erasure_note = ?, updated_at = ? WHERE id = ?`, args...); err != nil {
		return false, fmt.Errorf("anonymise the person: %w", err)
	}
	if err := putPersonKeys(ctx, tx, personID); err != nil { // none left: they are made of names
		return false, err
	}
	uids, err := eraseRecords(ctx, tx, personID)
	if err != nil {
		return false, err
	}
	if err := dropConflicts(ctx, tx, uids); err != nil {
		return false, err
	}
	// The search index keeps the words of deleted rows in its segments
	// until they merge: it is built again from the rows as they are now.
	if _, err := tx.ExecContext(ctx, "INSERT INTO persons_fts (persons_fts) VALUES ('rebuild')"); err != nil {
		return false, fmt.Errorf("rebuild the search index: %w", err)
	}
	redacted, err := redactPerson(ctx, tx, p, values)
	if err != nil {
		return false, err
	}
	detail := fmt.Sprintf("%s; redacted events %s; %s", p.CaseCode, redacted, e.Summary())
	return true, d.audit(ctx, tx, e.By, actionErase, "person", personID, detail)
}

// compact rewrites the file without its free pages and empties the WAL,
// so that no page of it still holds what was erased.
func (d *DB) compact(ctx context.Context) error {
	if _, err := d.db.ExecContext(ctx, "VACUUM"); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	var busy, logged, done int
	if err := d.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return errors.New("checkpoint: another program is reading the file (a backup?); the WAL is emptied when it closes")
	}
	return nil
}

// ErasureOf tells whether a person was erased: nil when not.
func (d *DB) ErasureOf(ctx context.Context, personID int64) (*model.Erasure, error) {
	return erasureOf(ctx, d.db, personID)
}

func erasureOf(ctx context.Context, q querier, personID int64) (*model.Erasure, error) {
	var at, reason, note string
	err := q.QueryRowContext(ctx, "SELECT erased_at, erasure_reason, erasure_note FROM persons WHERE id = ?", personID).
		Scan(&at, &reason, &note)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no person %d", personID)}
	}
	if err != nil || at == "" {
		return nil, err
	}
	return &model.Erasure{At: parseTime(at), Reason: model.ErasureReason(reason), Note: note}, nil
}
