package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"sportello/model"
)

// IndicatorResult is one programme indicator computed over a period: the
// distinct persons counted, by breakdown and by month, ready for a screen
// or a workbook.
type IndicatorResult struct {
	ID         string                    // model.ProgrammeIndicator ID
	Total      int                       // distinct persons
	Breakdowns map[string]map[string]int // breakdown code → value → distinct persons
	Months     map[string]int            // YYYY-MM → persons whose first event in the period falls in it
	Pending    string                    // non-empty: not computed, and why
}

// IndicatorReport is every programme indicator over one period, in the
// order of model.ProgrammeIndicators.
type IndicatorReport struct {
	From, To time.Time
	Desk     string // the case-code prefix of the desk counted, empty for all
	Results  []IndicatorResult
}

// ComputeIndicators computes every programme indicator over [from, to]
// (dates, both included) in one read transaction. Only the coordinator
// (or the program itself) may: the indicators are the coordinator's
// reports (DESIGN.md, people).
func (d *DB) ComputeIndicators(ctx context.Context, from, to time.Time) (*IndicatorReport, error) {
	return d.ComputeDeskIndicators(ctx, from, to, "")
}

// ComputeDeskIndicators computes them for the persons registered by one
// desk of a merged database, known by its case-code prefix (every desk of
// an association has its own, IndicatorDesks); an empty prefix is every
// desk.
func (d *DB) ComputeDeskIndicators(ctx context.Context, from, to time.Time, desk string) (*IndicatorReport, error) {
	rep := &IndicatorReport{From: from, To: to, Desk: desk}
	err := d.view(ctx, func(tx *sql.Tx) error {
		if err := d.mayReport(ctx, tx); err != nil {
			return err
		}
		people, err := indicatorPeople(ctx, tx, desk)
		if err != nil {
			return err
		}
		src := newIndicatorRows(ctx, tx, from, to)
		for _, in := range model.ProgrammeIndicators {
			var t *indicatorTally
			if in.Pending == "" {
				if t, err = src.tally(in.ID); err != nil {
					return fmt.Errorf("indicator %s: %w", in.ID, err)
				}
			}
			rep.Results = append(rep.Results, t.result(in, people))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("compute indicators: %w", err)
	}
	return rep, nil
}

// mayReport refuses every role but the coordinator.
func (d *DB) mayReport(ctx context.Context, tx *sql.Tx) error {
	g, err := d.grantIn(ctx, tx)
	if err != nil {
		return err
	}
	if !g.system && g.role != model.RoleCoordinator {
		return model.Refusal("indicators")
	}
	return nil
}

// indicatorPerson is what the breakdowns need of a person, its values
// worked out once for every indicator.
type indicatorPerson struct {
	uid                         string
	birth                       model.Birth
	sex, third, isced, homeless string // breakdown values
}

// indicatorPeople reads the breakdown data (indicatorPeopleQuery) of every
// person registered by the desk of that case-code prefix (all when empty):
// a person not in it is not counted.
func indicatorPeople(ctx context.Context, tx *sql.Tx, desk string) (indicatorPeopleSet, error) {
	var out indicatorPeopleSet
	third := map[string]string{} // citizenships → third country, few distinct
	rows, err := tx.QueryContext(ctx, indicatorPeopleQuery, desk)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var isced int
		var homeless bool
		var p indicatorPerson
		var birth string
		err := s.Scan(&id, &p.uid, &p.sex, &birth, &p.third, &isced, &homeless)
		p.birth = model.ParseBirth(birth)
		if p.sex == "" {
			p.sex = "unknown"
		}
		t, ok := third[p.third]
		if !ok {
			t = strconv.FormatBool(model.ThirdCountry(p.third))
			third[p.third] = t
		}
		p.third, p.homeless, p.isced = t, strconv.FormatBool(homeless), model.ISCEDUnknown
		out.put(id, p)
		return err
	})
	if err != nil {
		return out, fmt.Errorf("persons: %w", err)
	}
	bands := map[int]string{} // ISCED level → band
	rows, err = tx.QueryContext(ctx, indicatorFactsQuery)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var isced int
		var homeless bool
		if err := s.Scan(&id, &isced, &homeless); err != nil {
			return err
		}
		p, ok := out.get(id)
		if !ok {
			return nil
		}
		if homeless {
			p.homeless = "true"
		}
		if isced >= 0 {
			if p.isced, ok = bands[isced]; !ok {
				p.isced = model.ISCEDBand([]string{strconv.Itoa(isced)})
				bands[isced] = p.isced
			}
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("persons' facts: %w", err)
	}
	return out, nil
}

// indicatorPeopleSet holds the persons counted, by ID (see indicatorTally).
type indicatorPeopleSet struct {
	list []indicatorPerson
	in   []bool
}

func (s *indicatorPeopleSet) put(id int64, p indicatorPerson) {
	if id < 0 {
		return
	}
	for int(id) >= len(s.list) {
		s.list = append(s.list, indicatorPerson{})
		s.in = append(s.in, false)
	}
	s.list[id], s.in[id] = p, true
}

func (s indicatorPeopleSet) get(id int64) (*indicatorPerson, bool) {
	if id < 0 || int(id) >= len(s.list) || !s.in[id] {
		return nil, false
	}
	return &s.list[id], true
}

// result counts the indicatorTally's persons for the indicator: total, months of
// their first event, and each breakdown. A nil tally (an indicator not
// computed) counts nobody.
func (t *indicatorTally) result(in model.ProgrammeIndicator, people indicatorPeopleSet) IndicatorResult {
	r := IndicatorResult{ID: in.ID, Pending: in.Pending, Breakdowns: map[string]map[string]int{}, Months: map[string]int{}}
	if t == nil {
		return r
	}
	counts := make([]map[string]int, len(in.Breakdowns))
	for j, code := range in.Breakdowns {
		counts[j] = map[string]int{}
		r.Breakdowns[code] = counts[j]
	}
	dates := map[string]time.Time{}
	for _, id := range t.ids {
		c := &t.seen[id]
		p, ok := people.get(id)
		if !ok {
			continue
		}
		r.Total++
		r.Months[c.date[:min(7, len(c.date))]]++
		at, ok := dates[c.date]
		if !ok {
			at, _ = time.Parse("2006-01-02", c.date)
			dates[c.date] = at
		}
		for j, code := range in.Breakdowns {
			switch code {
			case model.BreakdownServiceKind, model.BreakdownExitOutcome, model.BreakdownOutcome:
				for _, v := range c.values(code, *p, at) {
					counts[j][v]++
				}
			default:
				counts[j][p.value(code, at)]++
			}
		}
	}
	for code, m := range r.Breakdowns {
		if len(m) == 0 {
			delete(r.Breakdowns, code)
		}
	}
	return r
}

// values are the person's values in one breakdown: one for a breakdown of
// persons, any number for the kinds of service, outcomes and exit outcomes.
func (c *counted) values(code string, p indicatorPerson, at time.Time) []string {
	switch code {
	case model.BreakdownServiceKind, model.BreakdownExitOutcome:
		return c.k1
	case model.BreakdownOutcome:
		return c.k2
	}
	return []string{p.value(code, at)}
}

// value is the person's value in a breakdown of persons.
func (p indicatorPerson) value(code string, at time.Time) string {
	switch code {
	case model.BreakdownSex:
		return p.sex
	case model.BreakdownAgeBand:
		return model.AgeBandOf(p.birth, at)
	case model.BreakdownThirdCountry:
		return p.third
	case model.BreakdownHomeless:
		return p.homeless
	case model.BreakdownISCED:
		return p.isced
	}
	return ""
}
