package store

import (
	"database/sql"
	"errors"
	"fmt"
)

// maxSeenIDs is how many stable IDs a merge keeps in mind before it
// forgets them and asks the database again: a merge's memory stays the
// same whatever the size of the desk or of the bundle.
const maxSeenIDs = 1 << 17

// stableIDs finds local IDs by stable ID while a merge writes. The
// database is asked (through the uid indexes) the first time; what a
// merge decided beyond the rows (a foreign ID standing for a local
// record, a file merged away) is kept to its end.
type stableIDs struct {
	m    *Merger
	over map[string]map[string]int64 // aliases and redirects; 0 for a record gone
	seen map[string]map[string]int64 // looked up or written; 0 for none
	n    int
	err  error // the first failure to read, which fails the merge
}

func newStableIDs(m *Merger) *stableIDs {
	return &stableIDs{m: m, over: map[string]map[string]int64{}, seen: map[string]map[string]int64{}}
}

// get gives the local ID of the record with that stable ID, if any.
func (x *stableIDs) get(entity, uid string) (int64, bool) {
	if id, ok := x.over[entity][uid]; ok {
		return id, id != 0
	}
	if id, ok := x.seen[entity][uid]; ok {
		return id, id != 0
	}
	var id int64
	err := x.m.queryRow("SELECT id FROM "+entityTables[entity]+" WHERE uid = ?", uid).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		if x.err == nil {
			x.err = fmt.Errorf("finding %s %s: %w", entity, uid, err)
		}
		return 0, false
	}
	x.remember(entity, uid, id)
	return id, id != 0
}

// remember notes a row's local ID (0: no such row).
func (x *stableIDs) remember(entity, uid string, id int64) {
	if x.n >= maxSeenIDs {
		clear(x.seen)
		x.n = 0
	}
	if x.seen[entity] == nil {
		x.seen[entity] = map[string]int64{}
	}
	x.seen[entity][uid] = id
	x.n++
}

// alias makes a stable ID stand for a local record until the merge ends;
// id 0 says the record is gone.
func (x *stableIDs) alias(entity, uid string, id int64) {
	if x.over[entity] == nil {
		x.over[entity] = map[string]int64{}
	}
	x.over[entity][uid] = id
}

// uidOf gives the stable ID of a local record.
func (x *stableIDs) uidOf(entity string, id int64) string {
	var uid string
	err := x.m.queryRow("SELECT uid FROM "+entityTables[entity]+" WHERE id = ?", id).Scan(&uid)
	if err != nil && !errors.Is(err, sql.ErrNoRows) && x.err == nil {
		x.err = fmt.Errorf("finding %s %d: %w", entity, id, err)
	}
	return uid
}

// idOf is the local ID of a record by stable ID, 0 for none.
func (m *Merger) idOf(entity, uid string) int64 {
	id, _ := m.ids.get(entity, uid)
	return id
}
