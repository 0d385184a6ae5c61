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

// referenced are the entities other records refer to: their stable IDs are
// kept in a compact index for the whole of a streamed snapshot.
var referenced = []string{"operator", "service", "employer", "vacancy", "person", "case", "interview", "consent"}

// SnapshotHead is what a streamed snapshot knows before its first part:
// the change-log position it reaches, the erased persons, the files merged
// into others, and the stable IDs of the records others refer to.
type SnapshotHead struct {
	UpTo         int64
	Erasures     map[int64]model.Erasure // by person ID
	PersonMerges []PersonMerge
	uids         map[string]*UIDIndex
}

// UID is the stable ID of the record of entity with local ID id; "" for 0
// or for a record not there.
func (h *SnapshotHead) UID(entity string, id int64) string {
	if id == 0 || h.uids[entity] == nil {
		return ""
	}
	return h.uids[entity].UID(id)
}

// StreamSnapshot reads what Snapshot reads, in one read transaction, but a
// part at a time so that its memory does not grow with the desk: begin gets
// the head, then part gets, entity by entity in the order asked (each one
// of Entities), Snapshots of at most opt.PartSize records (partSize if 0) of that entity, by
// ascending ID, with the records under them (answers, goals, flags…). A
// part's UIDs are nil: references resolve through the head's UID. A part
// is not used after part returns.
func (d *DB) StreamSnapshot(ctx context.Context, opt SnapshotOptions, order []string,
	begin func(*SnapshotHead) error, part func(entity string, s *Snapshot) error) error {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("streaming a snapshot: %w", err)
	}
	defer tx.Rollback()
	if err := d.actorMay(ctx, tx, model.PermExchange); err != nil {
		return err
	}
	head, err := readHead(ctx, tx)
	if err != nil {
		return fmt.Errorf("streaming a snapshot: %w", err)
	}
	if err := begin(head); err != nil {
		return err
	}
	for _, e := range order {
		if err := streamEntity(ctx, tx, opt, head, e, part); err != nil {
			return err
		}
	}
	return nil
}

func readHead(ctx context.Context, tx *sql.Tx) (*SnapshotHead, error) {
	h := &SnapshotHead{uids: map[string]*UIDIndex{}}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&h.UpTo); err != nil {
		return nil, err
	}
	var err error
	for _, e := range referenced {
		if h.uids[e], err = readUIDIndex(ctx, tx, entityTables[e]); err != nil {
			return nil, fmt.Errorf("stable IDs of %s: %w", entityTables[e], err)
		}
	}
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
func streamEntity(ctx context.Context, tx *sql.Tx, opt SnapshotOptions, head *SnapshotHead, entity string,
	part func(string, *Snapshot) error) error {
	table, ok := entityTables[entity]
	if !ok {
		return fmt.Errorf("streaming a snapshot: unknown entity %q", entity)
	}
	where, args := changedFilter(entity, opt, head.UpTo)
	var ids []int64
	rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" WHERE "+where+" ORDER BY id", args...)
	err = eachRow(rows, err, func(s scanner) error {
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
		if err := readEntity(ctx, tx, s, entity, partWhere, partArgs, opt.Scans); err != nil {
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

// UIDIndex maps a table's local IDs to their stable IDs in 24 bytes a
// record (the IDs sorted, each stable ID as its 16 bytes), instead of a
// map of strings: a regional desk's hundreds of thousands of records take
// a few MB. A stable ID that is not 32 lowercase hex digits (none is, but
// a bundle may bring one) is kept aside as it is.
type UIDIndex struct {
	ids  []int64
	uids [][16]byte
	odd  map[int64]string
}

func readUIDIndex(ctx context.Context, q querier, table string) (*UIDIndex, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		return nil, err
	}
	x := &UIDIndex{ids: make([]int64, 0, n), uids: make([][16]byte, 0, n), odd: map[int64]string{}}
	rows, err := q.QueryContext(ctx, "SELECT id, uid FROM "+table+" ORDER BY id")
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var uid string
		if err := s.Scan(&id, &uid); err != nil {
			return err
		}
		var b [16]byte
		if !packUID(uid, &b) {
			x.odd[id] = uid
			return nil
		}
		x.ids, x.uids = append(x.ids, id), append(x.uids, b)
		return nil
	})
	return x, err
}

// UID is the stable ID of local ID id, "" if there is none.
func (x *UIDIndex) UID(id int64) string {
	lo, hi := 0, len(x.ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.ids[m] < id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.ids) && x.ids[lo] == id {
		return unpackUID(&x.uids[lo])
	}
	return x.odd[id]
}

const hexDigits = "0123456789abcdef"

// packUID turns 32 lowercase hex digits into their 16 bytes.
func packUID(uid string, b *[16]byte) bool {
	if len(uid) != 32 {
		return false
	}
	for i := range 16 {
		hi, lo := strings.IndexByte(hexDigits, uid[2*i]), strings.IndexByte(hexDigits, uid[2*i+1])
		if hi < 0 || lo < 0 {
			return false
		}
		b[i] = byte(hi<<4 | lo)
	}
	return true
}

func unpackUID(b *[16]byte) string {
	var out [32]byte
	for i, c := range b {
		out[2*i], out[2*i+1] = hexDigits[c>>4], hexDigits[c&15]
	}
	return string(out[:])
}
