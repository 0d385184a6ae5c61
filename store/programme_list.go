package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"sportello/model"
)

// IndicatorCell picks the persons behind one number of an indicator: a
// breakdown's value, a month, or both; empty fields do not filter.
type IndicatorCell struct {
	Desk             string // case-code prefix of one desk, IndicatorDesks
	Breakdown, Value string
	Month            string // YYYY-MM
}

// CountedPerson is one person behind an indicator's number, without a
// name: the coordinator checks a count, not who is in it.
type CountedPerson struct {
	Ref    string            // pseudonymous reference: 8 hex digits of a hash of the person's stable ID
	Date   string            // YYYY-MM-DD of the counted event
	Values map[string]string // breakdown code → value (several joined by ", ")
}

// IndicatorPersons lists the persons counted in one cell of an indicator
// over [from, to], by date then reference. Only the coordinator may.
func (d *DB) IndicatorPersons(ctx context.Context, from, to time.Time, id string, cell IndicatorCell) ([]CountedPerson, error) {
	in, ok := model.ProgrammeIndicatorByID(id)
	if !ok {
		return nil, &model.Error{Code: model.ErrNotFound, Field: "indicator", Message: fmt.Sprintf("unknown indicator %q", id)}
	}
	var out []CountedPerson
	err := d.indicatorRead(ctx, from, to, cell.Desk, true, func(people indicatorPeopleSet, src *indicatorRows) error {
		t, err := src.tally(in.ID)
		if err != nil {
			return err
		}
		out = t.persons(in, people, cell)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("persons of indicator %s: %w", id, err)
	}
	return out, nil
}

// persons lists the indicatorTally's persons in the cell.
func (t *indicatorTally) persons(in model.ProgrammeIndicator, people indicatorPeopleSet, cell IndicatorCell) []CountedPerson {
	var out []CountedPerson
	for _, id := range t.ids {
		c := &t.seen[id]
		if cell.Month != "" && !strings.HasPrefix(c.date, cell.Month) {
			continue
		}
		pp, ok := people.get(id)
		if !ok {
			continue
		}
		p := *pp
		at, _ := time.Parse("2006-01-02", c.date)
		cp := CountedPerson{Ref: ref(p.uid, id), Date: c.date, Values: map[string]string{}}
		for _, code := range in.Breakdowns {
			cp.Values[code] = strings.Join(c.values(code, p, at), ", ")
		}
		if cell.Breakdown != "" && !slices.Contains(c.values(cell.Breakdown, p, at), cell.Value) {
			continue
		}
		out = append(out, cp)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Ref < out[j].Ref
	})
	return out
}

// ref is a person's pseudonymous reference in a drill-down list: the start
// of a hash of their stable ID, the same on every computation and on every
// desk that holds the person, and saying nothing of who they are.
func ref(uid string, id int64) string {
	if uid == "" {
		uid = strconv.FormatInt(id, 10)
	}
	sum := sha256.Sum256([]byte("indicator-ref:" + uid))
	return strings.ToUpper(hex.EncodeToString(sum[:4]))
}

// IndicatorDesk is a desk whose persons the indicators can be counted
// apart: its case-code prefix, and its name where known (this desk's own,
// or as the other desk's bundles gave it).
type IndicatorDesk struct {
	Prefix, Name string
}

// IndicatorDesks lists the desks that registered the persons of this
// database, by case-code prefix: one on a desk of its own, several once
// bundles of other desks are merged. Only the coordinator may.
func (d *DB) IndicatorDesks(ctx context.Context) ([]IndicatorDesk, error) {
	var out []IndicatorDesk
	err := d.view(ctx, func(tx *sql.Tx) error {
		if err := d.mayReport(ctx, tx); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `WITH prefixes AS (SELECT DISTINCT substr(case_code, 1, instr(case_code, '-') - 1) AS prefix
				FROM persons WHERE instr(case_code, '-') > 1)
			SELECT p.prefix, coalesce((SELECT name FROM desks d WHERE d.case_prefix = p.prefix ORDER BY d.last_seen DESC LIMIT 1),
				CASE WHEN p.prefix = coalesce((SELECT nullif(value, '') FROM settings WHERE key = ?1), ?2)
				THEN coalesce((SELECT value FROM settings WHERE key = ?3), '') ELSE '' END)
			FROM prefixes p ORDER BY p.prefix`, model.SettingCasePrefix, model.DefaultCasePrefix, SettingDesk)
		return eachRow(rows, err, func(s scanner) error {
			var dk IndicatorDesk
			err := s.Scan(&dk.Prefix, &dk.Name)
			out = append(out, dk)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("desks of the indicators: %w", err)
	}
	return out, nil
}
