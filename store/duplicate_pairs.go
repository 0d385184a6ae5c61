package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"sportello/model"
)

// DuplicatePair is two files of the desk that are likely one person, as
// the list shows them; DB.Person reads the files of the pair chosen whole.
type DuplicatePair struct {
	A, B  PairFile
	Match model.DedupMatch
}

// PairFile is what the duplicates list shows of a file: a desk's list may
// hold thousands of pairs, and holding every file whole took tens of MB.
type PairFile struct {
	ID                               int64
	FamilyName, GivenNames, CaseCode string
}

// DisplayName is the file's name as model.Person.DisplayName writes it.
func (f PairFile) DisplayName() string {
	p := model.Person{FamilyName: f.FamilyName, GivenNames: f.GivenNames}
	return p.DisplayName()
}

// maxBlock bounds the persons compared with each other under one key: a
// key shared by more (a very common name with a very common birth year)
// tells too little, and the persons meet under their other keys.
const maxBlock = 60

// DuplicatePairs lists the possible duplicate pairs of the whole desk, best
// first: only persons sharing a blocking key are compared, pairs said to be
// two persons are left out. progress, when not nil, is told how many of
// the desk's blocking keys are done. The coordinator's (PermDuplicates).
//
// The persons are read a key at a time and prepared for that key's
// comparisons only: what the list holds while it is made is one key's
// persons and the pairs found, however many persons the desk has.
func (d *DB) DuplicatePairs(ctx context.Context, progress func(done, total int)) ([]DuplicatePair, error) {
	var out []DuplicatePair
	err := d.view(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermDuplicates); err != nil {
			return err
		}
		likely, err := likelyPairs(ctx, tx, progress)
		if err != nil {
			return err
		}
		out, err = pairsWithPersons(ctx, tx, likely)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("duplicate pairs: %w", err)
	}
	return out, nil
}

// likelyPair is two persons, lower ID first, that may be one.
type likelyPair struct {
	a, b int64
	m    model.DedupMatch
}

// progressRows is how often progress is told, in the desk's blocking keys
// read (person_keys' rows: a key of one person each).
const progressRows = 4096

// likelyPairs compares the persons under each blocking key held by at most
// maxBlock of them and returns the possible pairs not said apart, each
// once, best first.
func likelyPairs(ctx context.Context, tx *sql.Tx, progress func(done, total int)) ([]likelyPair, error) {
	apart, err := pairsApart(ctx, tx)
	if err != nil {
		return nil, err
	}
	var total int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM person_keys").Scan(&total); err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	found := map[[2]int64]model.DedupMatch{}
	var prepared []model.DedupPrepared // one block's, kept from block to block
	done, told := 0, 0
	err = eachBlock(ctx, tx, func(block []model.DedupPerson, rows int) error {
		prepared = compareBlock(block, prepared, apart, found)
		if done += rows; progress != nil && done-told >= progressRows {
			told = done
			progress(min(done, total), total)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	if progress != nil {
		progress(total, total)
	}
	out := make([]likelyPair, 0, len(found))
	for k, m := range found {
		out = append(out, likelyPair{k[0], k[1], m})
	}
	slices.SortFunc(out, func(x, y likelyPair) int {
		return cmp.Or(cmp.Compare(y.m.Score, x.m.Score), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return out, nil
}

// compareBlock compares every two persons of a block (by ID), each
// prepared once into prepared's room, and puts the possible pairs not said
// apart in found. A pair already found under an earlier key is not compared
// again (one that was not is, with the same result). It returns prepared
// for the next block.
func compareBlock(block []model.DedupPerson, prepared []model.DedupPrepared, apart map[[2]int64]bool,
	found map[[2]int64]model.DedupMatch) []model.DedupPrepared {
	if len(block) < 2 {
		return prepared
	}
	prepared = prepared[:0]
	for _, p := range block {
		prepared = append(prepared, model.PrepareDedup(p))
	}
	for i := range prepared {
		for j := i + 1; j < len(prepared); j++ {
			k := [2]int64{block[i].ID, block[j].ID}
			if _, seen := found[k]; seen || apart[k] {
				continue
			}
			if m := model.ComparePrepared(&prepared[i], &prepared[j]); m.Possible() {
				found[k] = m
			}
		}
	}
	return prepared
}

// pairsWithPersons gives each likely pair what the list shows of its two
// files.
func pairsWithPersons(ctx context.Context, tx *sql.Tx, likely []likelyPair) ([]DuplicatePair, error) {
	ids := make([]int64, 0, 2*len(likely))
	for _, f := range likely {
		ids = append(ids, f.a, f.b)
	}
	slices.Sort(ids)
	files, err := pairFiles(ctx, tx, slices.Compact(ids))
	if err != nil {
		return nil, err
	}
	out := make([]DuplicatePair, 0, len(likely))
	for _, f := range likely {
		out = append(out, DuplicatePair{A: files[f.a], B: files[f.b], Match: f.m})
	}
	return out, nil
}

// pairFiles reads what the list shows of the files ids, not erased.
func pairFiles(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]PairFile, error) {
	out := map[int64]PairFile{}
	for chunk := range slices.Chunk(ids, 500) {
		in, args := idsIn(chunk)
		rows, err := tx.QueryContext(ctx, "SELECT id, family_name, given_names, case_code FROM persons "+
			"WHERE erased_at = '' AND id IN "+in, args...)
		err = eachRow(rows, err, func(s scanner) error {
			var f PairFile
			err := s.Scan(&f.ID, &f.FamilyName, &f.GivenNames, &f.CaseCode)
			out[f.ID] = f
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("files of the pairs: %w", err)
		}
	}
	return out, nil
}

// pairsApart are the pairs said to be two persons, by local IDs (lower
// first).
func pairsApart(ctx context.Context, tx *sql.Tx) (map[[2]int64]bool, error) {
	out := map[[2]int64]bool{}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, b.id FROM not_duplicates n
		JOIN persons a ON a.uid = n.uid_a JOIN persons b ON b.uid = n.uid_b`)
	err = eachRow(rows, err, func(s scanner) error {
		var a, b int64
		err := s.Scan(&a, &b)
		out[[2]int64{min(a, b), max(a, b)}] = true
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pairs said apart: %w", err)
	}
	return out, nil
}
