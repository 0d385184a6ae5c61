package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"sportello/model"
)

// partSize is how many records of an entity a part of a streamed snapshot
// holds at most: enough that a part costs few queries, few enough that it
// takes little memory whatever the size of the desk.
const partSize = 1000

// SnapshotHead is what a streamed snapshot knows before its first part:
// the change-log position it reaches, the erased persons and the files
// merged into others.
type SnapshotHead struct {
	UpTo         int64
	Erasures     map[int64]model.Erasure // by person ID
	PersonMerges []PersonMerge
	ctx          context.Context
	tx           *sql.Tx
	rows         rowsFunc // the transaction's raw reads
}

// UIDs reads the stable IDs of the records refs names (entity → local
// IDs; 0 and repeats allowed), for the references of a part: entity →
// local ID → stable ID. Only inside StreamSnapshot's part, in its
// transaction, so that the references are those of the same snapshot.
func (h *SnapshotHead) UIDs(refs map[string][]int64) (map[string]map[int64]string, error) {
	out := map[string]map[int64]string{}
	for entity, ids := range refs {
		table, ok := entityTables[entity]
		if !ok {
			return nil, fmt.Errorf("stable IDs: unknown entity %q", entity)
		}
		m := make(map[int64]string, len(ids))
		err := h.rows("SELECT id, uid FROM "+table+" WHERE id IN (SELECT value FROM json_each(?))", []any{idList(ids)}, func(s scanner) error {
			var id int64
			var uid string
			err := s.Scan(&id, &uid)
			m[id] = uid
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("stable IDs of %s: %w", table, err)
		}
		out[entity] = m
	}
	return out, nil
}

// StreamSnapshot reads what Snapshot reads, in one read transaction, but a
// part at a time so that its memory does not grow with the desk: begin gets
// the head, then part gets, entity by entity in the order asked (each one
// of Entities), Snapshots of at most opt.PartSize records of that entity
// (partSize if 0), by ascending ID, with the records under them (answers,
// goals, flags…). A part's UIDs are nil: part resolves its references
// through the head's UIDs. A part is not used after part returns.
func (d *DB) StreamSnapshot(ctx context.Context, opt SnapshotOptions, order []string,
	begin func(*SnapshotHead) error, part func(entity string, s *Snapshot) error) error {
	err := d.viewRaw(ctx, func(tx *sql.Tx, raw rawRead) error {
		if err := d.actorMay(ctx, tx, model.PermExchange); err != nil {
			return err
		}
		head, err := readHead(ctx, tx)
		if err != nil {
			return err
		}
		head.ctx, head.tx, head.rows = ctx, tx, rawRows(raw)
		if err := begin(head); err != nil {
			return err
		}
		for _, e := range order {
			if err := streamEntity(ctx, tx, rawRows(raw), opt, head, e, part); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("streaming a snapshot: %w", err)
	}
	return nil
}

func readHead(ctx context.Context, tx *sql.Tx) (*SnapshotHead, error) {
	h := &SnapshotHead{}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&h.UpTo); err != nil {
		return nil, err
	}
	var err error
	if h.Erasures, err = readErasures(ctx, tx); err != nil {
		return nil, err
	}
	if h.PersonMerges, err = readPersonMerges(ctx, tx); err != nil {
		return nil, err
	}
	return h, nil
}

// streamEntity reads the IDs of the entity's records the options select,
// then the records partSize at a time, each part by its IDs.
func streamEntity(ctx context.Context, tx *sql.Tx, rows rowsFunc, opt SnapshotOptions, head *SnapshotHead,
	entity string, part func(string, *Snapshot) error) error {
	table, ok := entityTables[entity]
	if !ok {
		return fmt.Errorf("streaming a snapshot: unknown entity %q", entity)
	}
	where, args := changedFilter(entity, opt, head.UpTo)
	var ids []int64
	err := rows("SELECT id FROM "+table+" WHERE "+where+" ORDER BY id", args, func(s scanner) error {
		var id int64
		err := s.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("reading %s: %w", table, err)
	}
	size := partSize
	if opt.PartSize > 0 {
		size = opt.PartSize
	}
	for len(ids) > 0 {
		n := min(len(ids), size)
		s := &Snapshot{UpTo: head.UpTo, Screenings: map[int64]*model.ScreeningRecord{}, Scans: map[int64][]byte{},
			Erasures: head.Erasures}
		s.presize(entity, n)
		partWhere, partArgs := partFilter(where, ids[:n])
		if err := readEntity(ctx, tx, rows, s, entity, partWhere, partArgs, opt.Scans); err != nil {
			return fmt.Errorf("reading %s: %w", table, err)
		}
		if opt.Bases {
			if s.Bases, err = readPartBases(ctx, tx, entity, idList(ids[:n])); err != nil {
				return fmt.Errorf("reading the sync bases of %s: %w", table, err)
			}
		}
		if err := part(entity, s); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// partFilter selects a part's records, ids, in every query of readEntity,
// which puts it after "id" (qualifyID) or in a subquery. Of all the
// records (where is "1") a part is every ID from its first to its last,
// read in order along the table; of some, the IDs are a JSON array.
func partFilter(where string, ids []int64) (string, []any) {
	if where == "1" {
		return "id BETWEEN " + strconv.FormatInt(ids[0], 10) + " AND " + strconv.FormatInt(ids[len(ids)-1], 10), nil
	}
	return "id IN (SELECT value FROM json_each(?))", []any{idList(ids)}
}

// qualifyID names the table of a part's filter, for a query that joins
// another table with an id.
func qualifyID(where, alias string) string {
	if rest, ok := strings.CutPrefix(where, "id "); ok {
		return alias + ".id " + rest
	}
	return where
}

// readPartBases reads the sync bases of the records of entity with the
// IDs of ids, a JSON array: uid → hash.
func readPartBases(ctx context.Context, q querier, entity string, ids any) (map[string]string, error) {
	out := map[string]string{}
	rows, err := q.QueryContext(ctx, "SELECT b.uid, b.hash FROM "+entityTables[entity]+
		" t JOIN sync_base b ON b.entity = ? AND b.uid = t.uid WHERE t.id IN (SELECT value FROM json_each(?))", entity, ids)
	err = eachRow(rows, err, func(s scanner) error {
		var uid, h string
		err := s.Scan(&uid, &h)
		out[uid] = h
		return err
	})
	return out, err
}

// idList writes IDs as a JSON array.
func idList(ids []int64) string {
	b := make([]byte, 0, len(ids)*8)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}

// presize gives the list of entity room for n records, which a part is
// about to read: a part's records are appended one by one.
func (s *Snapshot) presize(entity string, n int) {
	switch entity {
	case "person":
		s.Persons = make([]model.Person, 0, n)
	case "case":
		s.Cases = make([]model.Case, 0, n)
	case "interview":
		s.Interviews = make([]model.Interview, 0, n)
	case "consent":
		s.Consents = make([]model.Consent, 0, n)
	case "referral":
		s.Referrals = make([]model.Referral, 0, n)
	}
}
