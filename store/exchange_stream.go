package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

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
		m := map[int64]string{}
		rows, err := h.tx.QueryContext(h.ctx, "SELECT id, uid FROM "+table+
			" WHERE id IN (SELECT value FROM json_each(?))", idList(ids))
		err = eachRow(rows, err, func(s scanner) error {
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
		head.ctx, head.tx = ctx, tx
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
	err := sqlRows(ctx, tx)("SELECT id FROM "+table+" WHERE "+where+" ORDER BY id", args, func(s scanner) error {
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
		// The part's IDs as one JSON array: the same where fits every query
		// of readEntity, which puts it after "id IN" or in a subquery.
		partWhere, partArgs := "id IN (SELECT value FROM json_each(?))", []any{idList(ids[:n])}
		if err := readEntity(ctx, tx, rows, s, entity, partWhere, partArgs, opt.Scans); err != nil {
			return fmt.Errorf("reading %s: %w", table, err)
		}
		if opt.Bases {
			if s.Bases, err = readPartBases(ctx, tx, entity, partArgs[0]); err != nil {
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
