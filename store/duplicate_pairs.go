package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"sportello/model"
)

// DuplicatePair is two files of the desk that are likely one person.
type DuplicatePair struct {
	A, B  model.Person
	Match model.DedupMatch
}

// maxBlock bounds the persons compared with each other under one key: a
// key shared by more (a very common name with a very common birth year)
// tells too little, and the persons meet under their other keys.
const maxBlock = 60

// DuplicatePairs lists the possible duplicate pairs of the whole desk, best
// first: only persons sharing a blocking key are compared, pairs said to be
// two persons are left out. progress, when not nil, is told how many of
// the pairs to compare are done. The coordinator's (PermDuplicates).
func (d *DB) DuplicatePairs(ctx context.Context, progress func(done, total int)) ([]DuplicatePair, error) {
	var out []DuplicatePair
	err := d.view(ctx, func(tx *sql.Tx) error {
		if err := d.actorMay(ctx, tx, model.PermDuplicates); err != nil {
			return err
		}
		pairs, err := candidatePairs(ctx, tx)
		if err != nil {
			return err
		}
		persons, err := dedupPersons(ctx, tx)
		if err != nil {
			return err
		}
		apart, err := pairsApart(ctx, tx)
		if err != nil {
			return err
		}
		type found struct {
			a, b int64
			m    model.DedupMatch
		}
		var likely []found
		for i, p := range pairs {
			if i%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(i, len(pairs))
				}
			}
			a, okA := persons[p[0]]
			b, okB := persons[p[1]]
			if !okA || !okB || apart[[2]int64{p[0], p[1]}] {
				continue
			}
			if m := model.ComparePrepared(a, b); m.Possible() {
				likely = append(likely, found{p[0], p[1], m})
			}
		}
		if progress != nil {
			progress(len(pairs), len(pairs))
		}
		slices.SortStableFunc(likely, func(x, y found) int {
			return cmp.Or(cmp.Compare(y.m.Score, x.m.Score), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
		})
		ids := make([]int64, 0, 2*len(likely))
		for _, f := range likely {
			ids = append(ids, f.a, f.b)
		}
		full, err := personsByID(ctx, tx, ids)
		if err != nil {
			return err
		}
		byID := map[int64]*model.Person{}
		for _, p := range full {
			byID[p.ID] = p
		}
		for _, f := range likely {
			out = append(out, DuplicatePair{A: *byID[f.a], B: *byID[f.b], Match: f.m})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("duplicate pairs: %w", err)
	}
	return out, nil
}

// candidatePairs are the pairs of persons (lower ID first) sharing a key
// held by at most maxBlock persons, each once, in order.
func candidatePairs(ctx context.Context, tx *sql.Tx) ([][2]int64, error) {
	seen := map[[2]int64]bool{}
	var out [][2]int64
	var block []int64
	key := ""
	flush := func() {
		if len(block) <= maxBlock {
			for i, a := range block {
				for _, b := range block[i+1:] {
					p := [2]int64{min(a, b), max(a, b)}
					if !seen[p] {
						seen[p] = true
						out = append(out, p)
					}
				}
			}
		}
		block = block[:0]
	}
	rows, err := tx.QueryContext(ctx, "SELECT key, person_id FROM person_keys ORDER BY key, person_id")
	err = eachRow(rows, err, func(s scanner) error {
		var k string
		var id int64
		if err := s.Scan(&k, &id); err != nil {
			return err
		}
		if k != key {
			flush()
			key = k
		}
		block = append(block, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	flush()
	slices.SortFunc(out, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return out, nil
}

// dedupPersons reads what the match score compares of every person not
// erased, prepared once for all their comparisons.
func dedupPersons(ctx context.Context, tx *sql.Tx) (map[int64]*model.DedupPrepared, error) {
	out := map[int64]*model.DedupPrepared{}
	rows, err := tx.QueryContext(ctx, "SELECT "+dedupColumns+" FROM persons WHERE erased_at = ''")
	err = eachRow(rows, err, func(s scanner) error {
		p, err := scanDedup(s)
		prepared := model.PrepareDedup(p)
		out[p.ID] = &prepared
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("persons: %w", err)
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
