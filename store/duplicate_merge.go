package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sportello/model"
)

// MergePersons merges the file drop into the file keep, two files of one
// person: every case (with its interviews, plans, referrals, work paths),
// consent (with its scan) and skills profile version of drop moves to keep
// (drop's versions numbered after keep's), keep's identity takes what it
// lacked and drop's names and identifiers as aliases
// (model.MergeIdentity), drop is removed and the merge recorded, so that it
// travels in bundles and any later record of drop lands on keep. One
// transaction, audited on keep; the coordinator's (PermDuplicates).
func (d *DB) MergePersons(ctx context.Context, keep, drop int64, operatorID int64) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermDuplicates); err != nil {
			return err
		}
		return d.mergePersons(ctx, tx, keep, drop, operatorID, "")
	})
	if err != nil {
		return fmt.Errorf("merge person %d into %d: %w", drop, keep, err)
	}
	return nil
}

// mergePersons merges inside tx; desk names the desk the merge came from,
// empty for this one.
func (d *DB) mergePersons(ctx context.Context, tx *sql.Tx, keep, drop int64, operatorID int64, desk string) error {
	if keep == drop {
		return &model.Error{Code: model.ErrInvalid, Message: "a file cannot be merged into itself"}
	}
	k, err := livePerson(ctx, tx, keep)
	if err != nil {
		return err
	}
	o, err := livePerson(ctx, tx, drop)
	if err != nil {
		return err
	}
	m := model.MergeIdentity(*k, *o)
	m.UpdatedAt = d.Now().UTC()
	if err := m.Validate(d.Now()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO person_merging VALUES (1)"); err != nil {
		return err
	}
	if err := moveRecords(ctx, tx, keep, drop); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM person_merging"); err != nil {
		return err
	}
	args := append(personValues(&m), formatTime(m.UpdatedAt), keep)
	if _, err := tx.ExecContext(ctx, updatePerson, args...); err != nil {
		return fmt.Errorf("identity of the file kept: %w", err)
	}
	if err := dropConflicts(ctx, tx, []recordUID{{"person", o.UID}}); err != nil {
		return err
	}
	// The merged file's numbering slot is recorded, so its case code is
	// never given to someone else (CreatePerson).
	if _, err := tx.ExecContext(ctx, `INSERT INTO person_merges (merged_uid, kept_uid, merged_code, merged_year, merged_seq, at)
		SELECT ?, ?, case_code, code_year, code_seq, ? FROM persons WHERE id = ?
		ON CONFLICT (merged_uid) DO NOTHING`, o.UID, k.UID, formatTime(d.Now()), drop); err != nil {
		return err
	}
	for _, q := range []string{"DELETE FROM changes WHERE entity = 'person' AND row_id = ?", "DELETE FROM persons WHERE id = ?"} {
		if _, err := tx.ExecContext(ctx, q, drop); err != nil {
			return fmt.Errorf("remove the merged file: %w", err)
		}
	}
	// A file merged into the one dropped earlier follows it to keep.
	if _, err := tx.ExecContext(ctx, "UPDATE person_merges SET kept_uid = ? WHERE kept_uid = ?", k.UID, o.UID); err != nil {
		return err
	}
	if err := putPersonKeys(ctx, tx, keep); err != nil {
		return err
	}
	detail := "merged " + o.CaseCode + " (" + o.UID + ") into this file"
	if desk != "" {
		detail += ", as desk " + desk + " did"
	}
	return d.audit(ctx, tx, operatorID, model.ActionMerge, "person", keep, detail)
}

// livePerson reads a person not erased, for a merge.
func livePerson(ctx context.Context, tx *sql.Tx, id int64) (*model.Person, error) {
	p, err := scanPerson(tx.QueryRowContext(ctx, "SELECT "+personColumns+" FROM persons WHERE id = ?", id))
	var erased string
	if err == nil {
		err = tx.QueryRowContext(ctx, "SELECT erased_at FROM persons WHERE id = ?", id).Scan(&erased)
	}
	if err == sql.ErrNoRows {
		return nil, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no person %d", id)}
	}
	if err != nil {
		return nil, fmt.Errorf("person %d: %w", id, err)
	}
	if erased != "" {
		return nil, &model.Error{Code: model.ErrInvalid, Message: "an erased file cannot be merged"}
	}
	return p, nil
}

// moveRecords moves every record of drop to keep, the indicators' facts
// included.
func moveRecords(ctx context.Context, tx *sql.Tx, keep, drop int64) error {
	var off int
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM skills_profiles WHERE person_id = ?", keep).
		Scan(&off); err != nil {
		return err
	}
	steps := []struct{ what, q string }{
		{"cases", "UPDATE cases SET person_id = ?1 WHERE person_id = ?2"},
		{"consents", "UPDATE consents SET person_id = ?1 WHERE person_id = ?2"},
		{"skills profiles", "UPDATE skills_profiles SET person_id = ?1, version = version + ?3 WHERE person_id = ?2"},
		{"skills facts", "UPDATE skills_facts SET person_id = ?1, version = version + ?3 WHERE person_id = ?2"},
		{"facts", `INSERT INTO person_facts (person_id, homeless)
			SELECT ?1, coalesce(max(homeless), 0) FROM person_facts WHERE person_id IN (?1, ?2)
			ON CONFLICT (person_id) DO UPDATE SET homeless = excluded.homeless`},
		{"facts", "DELETE FROM person_facts WHERE person_id = ?2"},
		{"facts", `UPDATE person_facts SET (isced, italian_base) = (SELECT isced, italian FROM skills_facts
			WHERE person_id = ?1 ORDER BY version LIMIT 1) WHERE person_id = ?1
			AND EXISTS (SELECT 1 FROM skills_facts WHERE person_id = ?1)`},
		{"facts", `UPDATE skills_facts SET improved = italian > (SELECT italian_base FROM person_facts WHERE person_id = ?1)
			WHERE person_id = ?1`},
	}
	for _, s := range steps {
		args := []any{keep, drop, off}
		for !strings.Contains(s.q, fmt.Sprintf("?%d", len(args))) {
			args = args[:len(args)-1] // as many as the statement numbers
		}
		if _, err := tx.ExecContext(ctx, s.q, args...); err != nil {
			return fmt.Errorf("move the %s: %w", s.what, err)
		}
	}
	return nil
}
