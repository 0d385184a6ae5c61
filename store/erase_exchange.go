package store

import (
	"context"
	"fmt"

	"sportello/model"
)

// Erasures travel between desks (exchange): a person erased goes out with
// the erasure (when, on which ground), and a desk that receives it erases
// its own copy the same way, then takes no personal value of that person
// from any later bundle.

// readErasures gives the persons erased, by local ID.
func readErasures(ctx context.Context, q querier) (map[int64]model.Erasure, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, erased_at, erasure_reason, erasure_note FROM persons WHERE erased_at <> ''")
	out := map[int64]model.Erasure{}
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var at, reason, note string
		if err := s.Scan(&id, &at, &reason, &note); err != nil {
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

// ErasePerson erases, inside the merge, the person with the stable ID uid
// as another desk did (e, with its time and ground; no operator of this
// desk). A person erased here already keeps their erasure, and any record
// of theirs the merge added is blanked the same way. Compact the file after
// the merge (DB.Compact).
func (m *Merger) ErasePerson(uid string, e model.Erasure) error {
	id, ok := m.ids.get("person", uid)
	if !ok {
		return fmt.Errorf("erase person %s: not on this desk", uid)
	}
	if err := e.Validate(); err != nil {
		return fmt.Errorf("erase person %s: %w", uid, err)
	}
	e.By = 0
	done, err := m.d.erase(m.ctx, m.tx, id, e)
	if err != nil {
		return fmt.Errorf("erase person %s: %w", uid, err)
	}
	if done {
		return nil
	}
	if _, err := eraseRecords(m.ctx, m.tx, id); err != nil {
		return fmt.Errorf("erase person %s: %w", uid, err)
	}
	return nil
}

// Compact rewrites the file without its free pages and empties its WAL:
// after a merge that erased someone, nothing of them stays in the file.
func (d *DB) Compact(ctx context.Context) error {
	if err := d.compact(ctx); err != nil {
		return fmt.Errorf("compact: %w", err)
	}
	return nil
}
