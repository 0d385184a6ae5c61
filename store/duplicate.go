package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"sportello/model"
)

// DuplicateCandidate is a person already on the desk who may be the one
// being registered (or another file of the same person), with the
// evidence.
type DuplicateCandidate struct {
	Person model.Person // as the reader may see it
	Match  model.DedupMatch
}

// maxKeyCandidates bounds the persons read for one registration: those
// sharing the most keys with the draft come first.
const maxKeyCandidates = 400

// DuplicateCandidates lists, best first and at most limit, the persons of
// the desk who may be (model.DedupMatch.Possible) the person p being
// registered or edited: only persons sharing a blocking key are compared,
// p itself, persons erased and pairs said to be two persons are left out.
// Those who register persons (write the identity) may.
func (d *DB) DuplicateCandidates(ctx context.Context, p *model.Person, limit int) ([]DuplicateCandidate, error) {
	var out []DuplicateCandidate
	draft := model.DedupOf(p)
	keys := model.DedupKeys(draft)
	prepared := model.PrepareDedup(draft)
	if len(keys) == 0 {
		return nil, nil
	}
	err := d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil {
			return err
		}
		if err := g.need(model.PartIdentity, true); err != nil {
			return err
		}
		ids, err := sharingKeys(ctx, tx, keys, p.ID)
		if err != nil {
			return err
		}
		apart, err := notDuplicatesOf(ctx, tx, p.UID)
		if err != nil {
			return err
		}
		persons, err := personsByID(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, c := range persons {
			if apart[c.UID] {
				continue
			}
			other := model.PrepareDedup(model.DedupOf(c))
			m := model.ComparePrepared(&prepared, &other)
			if !m.Possible() {
				continue
			}
			c.Redact(g.can)
			out = append(out, DuplicateCandidate{Person: *c, Match: m})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("duplicate candidates: %w", err)
	}
	slices.SortStableFunc(out, func(a, b DuplicateCandidate) int {
		return cmp.Or(cmp.Compare(b.Match.Score, a.Match.Score), cmp.Compare(a.Person.ID, b.Person.ID))
	})
	return out[:min(len(out), limit)], nil
}

// sharingKeys are the persons, not erased and other than self, sharing a
// key of keys, those sharing the most first, at most maxKeyCandidates.
func sharingKeys(ctx context.Context, tx *sql.Tx, keys []string, self int64) ([]int64, error) {
	args := []any{self}
	for _, k := range keys {
		args = append(args, k)
	}
	// ?1 is self, ?2… the keys (a bare ? numbers on from the last one).
	q := `SELECT person_id FROM person_keys WHERE key IN (?2` + strings.Repeat(", ?", len(keys)-1) + `) AND person_id <> ?1
		GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT ` + fmt.Sprint(maxKeyCandidates)
	var ids []int64
	rows, err := tx.QueryContext(ctx, q, args...)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("persons sharing a key: %w", err)
	}
	return ids, nil
}

// personsByID reads the persons, not erased, in the order of ids.
func personsByID(ctx context.Context, tx *sql.Tx, ids []int64) ([]*model.Person, error) {
	var out []*model.Person
	for chunk := range slices.Chunk(ids, 500) {
		in, args := idsIn(chunk)
		rows, err := tx.QueryContext(ctx, "SELECT "+personColumns+" FROM persons WHERE erased_at = '' AND id IN "+in, args...)
		err = eachRow(rows, err, func(s scanner) error {
			p, err := scanPerson(s)
			if err == nil {
				out = append(out, p)
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("persons: %w", err)
		}
	}
	pos := map[int64]int{}
	for i, id := range ids {
		pos[id] = i
	}
	slices.SortFunc(out, func(a, b *model.Person) int { return cmp.Compare(pos[a.ID], pos[b.ID]) })
	return out, nil
}

// idsIn is an SQL list of as many parameters as ids, "(?, ?, ?)", and ids
// as its arguments.
func idsIn(ids []int64) (string, []any) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "(?" + strings.Repeat(", ?", len(ids)-1) + ")", args
}

// notDuplicatesOf are the persons said not to be the person uid.
func notDuplicatesOf(ctx context.Context, tx *sql.Tx, uid string) (map[string]bool, error) {
	out := map[string]bool{}
	if uid == "" {
		return out, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT uid_b FROM not_duplicates WHERE uid_a = ?1
		UNION SELECT uid_a FROM not_duplicates WHERE uid_b = ?1`, uid)
	err = eachRow(rows, err, func(s scanner) error {
		var other string
		err := s.Scan(&other)
		out[other] = true
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pairs said apart: %w", err)
	}
	return out, nil
}

// NotSamePerson remembers that the persons a and b are two persons: the
// pair is not proposed again, at registration nor in the desk's list.
// Audited on both files; those who register persons may.
func (d *DB) NotSamePerson(ctx context.Context, a, b int64, operatorID int64) error {
	err := d.update(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil {
			return err
		}
		if err := g.need(model.PartIdentity, true); err != nil {
			return err
		}
		codes, uids := [2]string{}, [2]string{}
		for i, id := range []int64{a, b} {
			err := tx.QueryRowContext(ctx, "SELECT uid, case_code FROM persons WHERE id = ?", id).Scan(&uids[i], &codes[i])
			if err == sql.ErrNoRows {
				return &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no person %d", id)}
			}
			if err != nil {
				return err
			}
		}
		if a == b {
			return &model.Error{Code: model.ErrInvalid, Message: "a person is the same as themselves"}
		}
		lo, hi := min(uids[0], uids[1]), max(uids[0], uids[1])
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO not_duplicates (uid_a, uid_b, operator_id, at)
			VALUES (?, ?, nullif(?, 0), ?)`, lo, hi, operatorID, formatTime(d.Now())); err != nil {
			return err
		}
		if err := d.audit(ctx, tx, operatorID, model.ActionUpdate, "person", a, "not the same person as "+codes[1]); err != nil {
			return err
		}
		return d.audit(ctx, tx, operatorID, model.ActionUpdate, "person", b, "not the same person as "+codes[0])
	})
	if err != nil {
		return fmt.Errorf("persons %d and %d are two: %w", a, b, err)
	}
	return nil
}
