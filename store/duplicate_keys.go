package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"sportello/model"
)

// The blocking keys of the match score (model.DedupKeys) are kept in
// person_keys whenever a person is written: by the window, by a bundle, by
// a merge of two files; an erasure removes them (they are made of names).

// dedupColumns are what the match score compares of a person.
const dedupColumns = `id, family_name, given_names, own_script_name, aliases, sex, birth_date, fiscal_code, phone, permit_number`

// scanDedup reads dedupColumns.
func scanDedup(s scanner) (model.DedupPerson, error) {
	var p model.DedupPerson
	var aliases, sex, birth, permit string
	err := s.Scan(&p.ID, &p.FamilyName, &p.GivenNames, &p.OwnScriptName, &aliases, &sex, &birth, &p.FiscalCode,
		&p.Phone, &permit)
	p.Aliases, p.Sex = splitLines(aliases), model.Sex(sex)
	p.BirthDate, _ = model.ParsePartialDate(birth)
	if permit != "" {
		p.DocumentNumbers = []string{permit}
	}
	return p, err
}

// putPersonKeys writes the blocking keys of the person as they are now in
// tx (none for a person erased).
func putPersonKeys(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM person_keys WHERE person_id = ?", id); err != nil {
		return fmt.Errorf("keys of person %d: %w", id, err)
	}
	p, err := scanDedup(tx.QueryRowContext(ctx, "SELECT "+dedupColumns+" FROM persons WHERE id = ? AND erased_at = ''", id))
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("keys of person %d: %w", id, err)
	}
	return insertKeys(ctx, tx, id, model.DedupKeys(p))
}

func insertKeys(ctx context.Context, tx *sql.Tx, id int64, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	q := "INSERT OR IGNORE INTO person_keys (key, person_id) VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?), ", len(keys)), ", ")
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, id)
	}
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("keys of person %d: %w", id, err)
	}
	return nil
}

// rebuildPersonKeys writes the keys of every person again: after
// migration 13, and whenever the keys' rules change (a later migration
// runs it too).
func rebuildPersonKeys(ctx context.Context, _ *DB, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM person_keys"); err != nil {
		return err
	}
	var all []model.DedupPerson
	rows, err := tx.QueryContext(ctx, "SELECT "+dedupColumns+" FROM persons WHERE erased_at = ''")
	err = eachRow(rows, err, func(s scanner) error {
		p, err := scanDedup(s)
		all = append(all, p)
		return err
	})
	if err != nil {
		return fmt.Errorf("persons' keys: %w", err)
	}
	for _, p := range all {
		if err := insertKeys(ctx, tx, p.ID, model.DedupKeys(p)); err != nil {
			return err
		}
	}
	return nil
}
