package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"sportello/model"
)

// blockFn is given the persons under one blocking key, by ID, and how many
// of the desk's keys they cover; a key held by more than maxBlock persons
// comes as no persons, with its count.
type blockFn func(block []model.DedupPerson, rows int) error

// eachBlock calls fn for every blocking key of the desk, in key order,
// with the persons (not erased) who hold it. A key held by more than
// maxBlock persons is not read through: the reading starts again after
// it, instead of reading every one of its persons.
func eachBlock(ctx context.Context, tx *sql.Tx, fn blockFn) error {
	after := ""
	for {
		large, err := scanBlocks(ctx, tx, after, fn)
		if err != nil || large == "" {
			return err
		}
		var rows int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM person_keys WHERE key = ?", large).Scan(&rows); err != nil {
			return fmt.Errorf("key's persons: %w", err)
		}
		if err := fn(nil, rows); err != nil {
			return err
		}
		after = large
	}
}

// errLargeBlock stops a reading at a key held by more than maxBlock persons.
var errLargeBlock = errors.New("a key held by too many persons")

// scanBlocks reads the blocking keys after after, calling fn with each
// key's persons, up to the end (it returns "") or to a key held by more
// than maxBlock persons (it returns that key, fn not called for it).
func scanBlocks(ctx context.Context, tx *sql.Tx, after string, fn blockFn) (string, error) {
	var block []model.DedupPerson
	key := ""
	rows, err := tx.QueryContext(ctx, "SELECT k.key, "+dedupColumns+` FROM person_keys k
		JOIN persons p ON p.id = k.person_id WHERE k.key > ? AND p.erased_at = '' ORDER BY k.key, k.person_id`, after)
	err = eachRow(rows, err, func(s scanner) error {
		var k string
		p, err := scanDedup(keyed{s, &k})
		if err != nil {
			return err
		}
		if k != key && len(block) > 0 {
			if err := fn(block, len(block)); err != nil {
				return err
			}
			block = block[:0]
		}
		key, block = k, append(block, p)
		if len(block) > maxBlock {
			return errLargeBlock
		}
		return nil
	})
	if errors.Is(err, errLargeBlock) {
		return key, nil
	}
	if err == nil && len(block) > 0 {
		err = fn(block, len(block))
	}
	if err != nil {
		return "", fmt.Errorf("persons by key: %w", err)
	}
	return "", nil
}

// keyed scans a row's blocking key into key, then the rest as s would.
type keyed struct {
	s   scanner
	key *string
}

func (k keyed) Scan(dest ...any) error { return k.s.Scan(append([]any{k.key}, dest...)...) }
