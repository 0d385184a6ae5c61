package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/ncruces/go-sqlite3"

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
	err := d.indicatorRead(ctx, from, to, desk, false, func(people indicatorPeopleSet, src *indicatorRows) error {
		for _, in := range model.ProgrammeIndicators {
			var t *indicatorTally
			if in.Pending == "" {
				var err error
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

// indicatorRead is the read of every indicator computation: one read
// transaction, the coordinator's check, then the persons of the desk and
// the sources over [from, to] read through SQLite's own handle (viewRaw:
// a regional desk's sources are hundreds of thousands of rows). The
// persons' stable IDs are read only withUID, to list them.
func (d *DB) indicatorRead(ctx context.Context, from, to time.Time, desk string, withUID bool,
	fn func(people indicatorPeopleSet, src *indicatorRows) error) error {
	return d.viewRaw(ctx, func(tx *sql.Tx, raw rawRead) error {
		if err := d.mayReport(ctx, tx); err != nil {
			return err
		}
		return raw(func(c *sqlite3.Conn) error {
			people, err := indicatorPeople(c, desk, withUID)
			if err != nil {
				return err
			}
			return fn(people, newIndicatorRows(c, from, to))
		})
	})
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
func indicatorPeople(c *sqlite3.Conn, desk string, withUID bool) (indicatorPeopleSet, error) {
	var out indicatorPeopleSet
	// Few distinct values each: read once, not once per person.
	third, sexes, births := map[string]string{}, map[string]string{}, map[string]model.Birth{}
	err := rawEach(c, indicatorPeopleQuery, []string{desk}, func(s *sqlite3.Stmt) error {
		p := indicatorPerson{homeless: strconv.FormatBool(s.ColumnBool(6)), isced: model.ISCEDUnknown}
		if withUID {
			p.uid = s.ColumnText(1)
		}
		p.sex = once(sexes, s.ColumnRawText(2), func(v string) string { return cmp.Or(v, "unknown") })
		p.birth = once(births, s.ColumnRawText(3), model.ParseBirth)
		p.third = once(third, s.ColumnRawText(4), func(v string) string { return strconv.FormatBool(model.ThirdCountry(v)) })
		out.put(s.ColumnInt64(0), p)
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("persons: %w", err)
	}
	bands := map[int]string{} // ISCED level → band
	err = rawEach(c, indicatorFactsQuery, nil, func(s *sqlite3.Stmt) error {
		p, ok := out.get(s.ColumnInt64(0))
		if !ok {
			return nil
		}
		if s.ColumnBool(2) {
			p.homeless = "true"
		}
		if isced := s.ColumnInt(1); isced >= 0 {
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

// once is f of the text, worked out once for each distinct text.
func once[T any](seen map[string]T, text []byte, f func(string) T) T {
	if v, ok := seen[string(text)]; ok {
		return v
	}
	v := f(string(text))
	seen[string(text)] = v
	return v
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
