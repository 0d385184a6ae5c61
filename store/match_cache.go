package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"

	"sportello/model"
)

// candidateCache keeps, between rankings, every person with an open case
// and a skills profile made into a model.Candidate (without consents, which
// are read for each employer): at a regional desk's 100,000 persons reading
// and decoding every profile takes seconds, ranking them tens of
// milliseconds. It is read again when the match_generation counter moved
// (migration 0010: a new profile version, a domicile, an erasure, a case
// opened or closed), and then only the profiles not already made into
// candidates are decoded. One cache serves every handle As makes; the
// grant is applied to what it holds at each ranking.
type candidateCache struct {
	mu      sync.Mutex
	gen     int64             // the generation list was read at; 0 for never
	list    []model.Candidate // by person ID
	profile []int64           // the profile row each of list was made from
}

// matchable is one row of what the cache is made from.
type matchable struct {
	person, profile int64
	place           string
}

// with runs fn on the candidates as of the transaction, holding the cache:
// fn must not keep the slice nor change it beyond what it puts back.
func (c *candidateCache) with(ctx context.Context, tx *sql.Tx, fn func([]model.Candidate) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.refresh(ctx, tx); err != nil {
		return fmt.Errorf("candidates: %w", err)
	}
	return fn(c.list)
}

// refresh reads the cache again when the generation moved.
func (c *candidateCache) refresh(ctx context.Context, tx *sql.Tx) error {
	var gen int64
	if err := tx.QueryRowContext(ctx, "SELECT gen FROM match_generation").Scan(&gen); err != nil {
		return fmt.Errorf("generation: %w", err)
	}
	if gen == c.gen && c.gen != 0 {
		return nil
	}
	rows, err := matchableRows(ctx, tx)
	if err != nil {
		return err
	}
	known := make(map[int64]*model.Candidate, len(c.list))
	for i := range c.list {
		known[c.profile[i]] = &c.list[i]
	}
	var missing []int64
	for _, r := range rows {
		if known[r.profile] == nil {
			missing = append(missing, r.profile)
		}
	}
	decoded, err := profilesByID(ctx, tx, missing)
	if err != nil {
		return err
	}
	list, profile := make([]model.Candidate, 0, len(rows)), make([]int64, 0, len(rows))
	for _, r := range rows {
		var cand model.Candidate
		if k := known[r.profile]; k != nil {
			cand = *k
			cand.Place = r.place
		} else {
			cand = model.CandidateFromProfile(r.person, r.place, true, decoded[r.profile], nil)
		}
		list, profile = append(list, cand), append(profile, r.profile)
	}
	c.list, c.profile, c.gen = list, profile, gen
	return nil
}

// matchableRows lists the persons not erased with an open case and a
// skills profile, with their domicile and their latest profile's row.
func matchableRows(ctx context.Context, tx *sql.Tx) ([]matchable, error) {
	// SQLite takes the bare column id from the row of max(version).
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.domicile, l.id FROM
		(SELECT person_id, id, max(version) FROM skills_profiles GROUP BY person_id) l
		JOIN persons p ON p.id = l.person_id
		WHERE p.erased_at = '' AND EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id AND `+caseIsOpen+`)
		ORDER BY p.id`)
	var out []matchable
	err = eachRow(rows, err, func(s scanner) error {
		var m matchable
		err := s.Scan(&m.person, &m.place, &m.profile)
		out = append(out, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("persons with an open case and a profile: %w", err)
	}
	return out, nil
}

// profilesByID reads and decodes the skills profile versions of the rows
// given, a thousand at a time.
func profilesByID(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]*model.SkillsProfile, error) {
	out := make(map[int64]*model.SkillsProfile, len(ids))
	for len(ids) > 0 {
		n := min(len(ids), 1000)
		list, err := json.Marshal(ids[:n])
		if err != nil {
			return nil, err
		}
		ids = ids[n:]
		profiles, err := skillsProfilesWhere(ctx, tx, "id IN (SELECT value FROM json_each(?))", string(list))
		if err != nil {
			return nil, fmt.Errorf("skills profiles: %w", err)
		}
		for i := range profiles {
			out[profiles[i].ID] = &profiles[i]
		}
	}
	return out, nil
}
