package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Merges of two files travel between desks (exchange): every export
// carries the desk's merges, and a desk that receives one merges its own
// copies the same way, then takes any later record of the merged file
// (from a desk that has not merged yet) onto the file kept.

// PersonMerge is one file merged into another, by their stable IDs.
type PersonMerge struct {
	Merged, Kept string
	MergedCode   string // the case code the merged file had
	At           time.Time
}

// readPersonMerges gives every merge recorded here.
func readPersonMerges(ctx context.Context, q querier) ([]PersonMerge, error) {
	var out []PersonMerge
	rows, err := q.QueryContext(ctx, "SELECT merged_uid, kept_uid, merged_code, at FROM person_merges ORDER BY at, merged_uid")
	err = eachRow(rows, err, func(s scanner) error {
		var m PersonMerge
		var at string
		err := s.Scan(&m.Merged, &m.Kept, &m.MergedCode, &at)
		m.At = parseTime(at)
		out = append(out, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("merged files: %w", err)
	}
	return out, nil
}

// RedirectMerged makes the stable ID of every file merged away (here, or
// in merges, as another desk did) stand for the file kept, when that is
// here and the merged one is not: a record of the merged file from a desk
// that has not merged yet lands on the kept one. It gives the merged
// files' stable IDs, whose own person records the merge leaves out.
func (m *Merger) RedirectMerged(merges []PersonMerge) (map[string]bool, error) {
	local, err := readPersonMerges(m.ctx, m.tx)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, pm := range append(local, merges...) {
		out[pm.Merged] = true
		if _, here := m.ids.get("person", pm.Merged); here {
			continue // merged at the end of the import (ApplyPersonMerge)
		}
		if kept, ok := m.ids.get("person", m.keptOf(local, pm.Kept)); ok {
			m.ids.alias("person", pm.Merged, kept)
		}
	}
	return out, nil
}

// keptOf follows a chain of merges (a file kept, later merged itself) to
// the file kept last.
func (m *Merger) keptOf(merges []PersonMerge, uid string) string {
	for range merges {
		next := ""
		for _, pm := range merges {
			if pm.Merged == uid {
				next = pm.Kept
			}
		}
		if next == "" {
			break
		}
		uid = next
	}
	return uid
}

// ApplyPersonMerge merges, at the end of an import, this desk's copy of the
// merged file into its copy of the kept one, as the desk named did; with no
// copy of the merged file it only records the merge. A merge already done
// here, or whose kept file is not here, changes nothing.
func (m *Merger) ApplyPersonMerge(pm PersonMerge, desk string) error {
	merged, err := m.localPerson(pm.Merged)
	if err != nil {
		return err
	}
	local, err := readPersonMerges(m.ctx, m.tx)
	if err != nil {
		return err
	}
	kept, err := m.localPerson(m.keptOf(local, pm.Kept))
	if err != nil {
		return err
	}
	switch {
	case merged == 0:
		_, err = m.exec(`INSERT INTO person_merges (merged_uid, kept_uid, merged_code, at) VALUES (?, ?, ?, ?)
			ON CONFLICT (merged_uid) DO NOTHING`, pm.Merged, pm.Kept, pm.MergedCode, formatTime(pm.At))
	case kept != 0:
		err = m.d.mergePersons(m.ctx, m.tx, kept, merged, 0, desk)
		if err == nil {
			m.ids.alias("person", pm.Merged, 0)
		}
	}
	if err != nil {
		return fmt.Errorf("merge of %s into %s: %w", pm.Merged, pm.Kept, err)
	}
	return nil
}

// localPerson is the local ID of the person row with that stable ID, 0
// when there is none (a redirect of RedirectMerged is not a row).
func (m *Merger) localPerson(uid string) (int64, error) {
	var id int64
	err := m.queryRow("SELECT id FROM persons WHERE uid = ?", uid).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}
