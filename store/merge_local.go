package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"sportello/model"
)

// What an import reads of this desk: only the local copies of the records
// a bundle names, never the whole desk (issue #19: a 1 MB bundle merged
// into a desk of 100,000 persons read all of it, scans and all).

// LocalQuery names the local records an import compares a bundle with.
type LocalQuery struct {
	UIDs       map[string][]string // entity → stable IDs: those records, whole (consents with their scans)
	ConsentsOf []string            // persons' stable IDs: every consent of theirs too
	NoScans    bool                // leave the consents' scans out
}

// smallEntities are the kinds whose every stable ID a partial snapshot
// holds: few records, referred to from everywhere.
var smallEntities = []string{"operator", "service", "employer", "vacancy"}

// LocalRecords reads, in one transaction, the records of this desk a
// merge needs: those q names, with the stable IDs of what they refer to,
// every erasure and every merge of two files. The snapshot holds nothing
// else; its UpTo is the change-log position it reaches.
func (d *DB) LocalRecords(ctx context.Context, q LocalQuery) (*Snapshot, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("reading local records: %w", err)
	}
	defer tx.Rollback()
	if err := d.actorMay(ctx, tx, model.PermExchange); err != nil {
		return nil, err
	}
	s := &Snapshot{Screenings: map[int64]*model.ScreeningRecord{}, Scans: map[int64][]byte{},
		UIDs: map[string]map[int64]string{}}
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(rev), 0) FROM changes").Scan(&s.UpTo); err != nil {
		return nil, fmt.Errorf("reading local records: %w", err)
	}
	if err := readLocal(ctx, tx, s, q); err != nil {
		return nil, err
	}
	return s, nil
}

// LocalRecords is DB.LocalRecords inside the merge's transaction: what
// the merge wrote so far is read too.
func (m *Merger) LocalRecords(q LocalQuery) (*Snapshot, error) {
	s := &Snapshot{Screenings: map[int64]*model.ScreeningRecord{}, Scans: map[int64][]byte{},
		UIDs: map[string]map[int64]string{}}
	if err := readLocal(m.ctx, m.tx, s, q); err != nil {
		return nil, err
	}
	return s, nil
}

// readLocal reads into s the records q names, the stable IDs of what they
// refer to, every erasure and every merge of two files.
func readLocal(ctx context.Context, tx *sql.Tx, s *Snapshot, q LocalQuery) error {
	var err error
	if err = readNamed(ctx, tx, s, q); err != nil {
		return fmt.Errorf("reading local records: %w", err)
	}
	if err = readReferred(ctx, tx, s); err != nil {
		return fmt.Errorf("reading local records: %w", err)
	}
	if s.Erasures, err = erasuresOf(ctx, tx, s.UIDs["person"]); err != nil {
		return err
	}
	s.PersonMerges, err = readPersonMerges(ctx, tx)
	return err
}

// readNamed reads the records q names, entity by entity.
func readNamed(ctx context.Context, tx *sql.Tx, s *Snapshot, q LocalQuery) error {
	for _, e := range Entities {
		uids := q.UIDs[e]
		if e == "consent" && len(q.ConsentsOf) > 0 {
			more, err := consentUIDsOf(ctx, tx, q.ConsentsOf)
			if err != nil {
				return err
			}
			uids = append(append([]string(nil), uids...), more...)
		}
		if len(uids) == 0 {
			continue
		}
		list, err := json.Marshal(uids)
		if err != nil {
			return err
		}
		// (x.uid): "uid IN" would read as "id IN" to readEntity's aliasing
		where := "id IN (SELECT x.id FROM " + entityTables[e] + " x WHERE (x.uid) IN (SELECT value FROM json_each(?)))"
		if err := readEntity(ctx, tx, sqlRows(ctx, tx), s, e, where, []any{string(list)}, !q.NoScans); err != nil {
			return fmt.Errorf("%s: %w", entityTables[e], err)
		}
	}
	return nil
}

// consentUIDsOf gives the stable IDs of every consent of the persons named.
func consentUIDsOf(ctx context.Context, q querier, persons []string) ([]string, error) {
	list, err := json.Marshal(persons)
	if err != nil {
		return nil, err
	}
	var out []string
	rows, err := q.QueryContext(ctx, `SELECT uid FROM consents WHERE person_id IN
		(SELECT id FROM persons WHERE uid IN (SELECT value FROM json_each(?)))`, string(list))
	err = eachRow(rows, err, func(sc scanner) error {
		var uid string
		err := sc.Scan(&uid)
		out = append(out, uid)
		return err
	})
	return out, err
}

// readReferred gives the snapshot the stable IDs of what its records
// refer to: every operator, service, employer and vacancy, and the
// persons, cases, consents and interviews its records name.
func readReferred(ctx context.Context, q querier, s *Snapshot) error {
	var err error
	for _, e := range smallEntities {
		if s.UIDs[e], err = readUIDs(ctx, q, entityTables[e]); err != nil {
			return err
		}
	}
	for e, ids := range referredIDs(s) {
		if s.UIDs[e], err = uidsOf(ctx, q, entityTables[e], ids); err != nil {
			return err
		}
	}
	return nil
}

// referredIDs gathers the local IDs of the persons, cases, consents and
// interviews a snapshot's records are or refer to.
func referredIDs(s *Snapshot) map[string][]int64 {
	out := map[string][]int64{}
	add := func(e string, id int64) {
		if id != 0 {
			out[e] = append(out[e], id)
		}
	}
	for _, p := range s.Persons {
		add("person", p.ID)
	}
	for _, c := range s.Cases {
		add("case", c.ID)
		add("person", c.PersonID)
	}
	for _, c := range s.Consents {
		add("consent", c.ID)
		add("person", c.PersonID)
	}
	for _, p := range s.SkillsProfiles {
		add("person", p.PersonID)
		add("interview", p.FromInterview)
	}
	for _, iv := range s.Interviews {
		add("interview", iv.ID)
		add("case", iv.CaseID)
	}
	for _, p := range s.Plans {
		add("case", p.CaseID)
	}
	for _, r := range s.Referrals {
		add("case", r.CaseID)
		add("consent", r.ConsentID)
	}
	for _, p := range s.Proposals {
		add("case", p.CaseID)
		add("consent", p.ConsentID)
	}
	for _, in := range s.Internships {
		add("case", in.CaseID)
	}
	for _, e := range s.Enterprises {
		add("case", e.CaseID)
	}
	return out
}

// uidsOf reads the stable IDs of a table's rows by local ID.
func uidsOf(ctx context.Context, q querier, table string, ids []int64) (map[int64]string, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]string, len(ids))
	rows, err := q.QueryContext(ctx, "SELECT id, uid FROM "+table+" WHERE id IN (SELECT value FROM json_each(?))", string(list))
	err = eachRow(rows, err, func(sc scanner) error {
		var id int64
		var uid string
		err := sc.Scan(&id, &uid)
		m[id] = uid
		return err
	})
	return m, err
}

// SyncBasesOf reads what the records named (entity → stable IDs) looked
// like at their last exchange: entity → uid → hash.
func (d *DB) SyncBasesOf(ctx context.Context, uids map[string][]string) (map[string]map[string]string, error) {
	return syncBasesOf(ctx, d.q(ctx), uids)
}

// SyncBasesOf is DB.SyncBasesOf inside the merge's transaction.
func (m *Merger) SyncBasesOf(uids map[string][]string) (map[string]map[string]string, error) {
	return syncBasesOf(m.ctx, m.tx, uids)
}

func syncBasesOf(ctx context.Context, q querier, uids map[string][]string) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	for e, list := range uids {
		if len(list) == 0 {
			continue
		}
		b, err := json.Marshal(list)
		if err != nil {
			return nil, err
		}
		out[e] = map[string]string{}
		rows, err := q.QueryContext(ctx, `SELECT uid, hash FROM sync_base WHERE entity = ?
			AND uid IN (SELECT value FROM json_each(?))`, e, string(b))
		err = eachRow(rows, err, func(sc scanner) error {
			var uid, h string
			err := sc.Scan(&uid, &h)
			out[e][uid] = h
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("reading sync bases: %w", err)
		}
	}
	return out, nil
}

// erasuresOf gives the erasures of the persons named (local ID → stable ID).
func erasuresOf(ctx context.Context, q querier, persons map[int64]string) (map[int64]model.Erasure, error) {
	ids := make([]int64, 0, len(persons))
	for id := range persons {
		ids = append(ids, id)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]model.Erasure{}
	rows, err := q.QueryContext(ctx, `SELECT id, erased_at, erasure_reason, erasure_note FROM persons
		WHERE id IN (SELECT value FROM json_each(?)) AND erased_at <> ''`, string(list))
	err = eachRow(rows, err, func(sc scanner) error {
		var id int64
		var at, reason, note string
		if err := sc.Scan(&id, &at, &reason, &note); err != nil {
			return err
		}
		out[id] = model.Erasure{At: parseTime(at), Reason: model.ErasureReason(reason), Note: note}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("erased persons: %w", err)
	}
	return out, nil
}
