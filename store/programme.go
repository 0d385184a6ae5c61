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
	Results  []IndicatorResult
}

// indicatorQueries give, for each computed indicator, rows of (person,
// date of the event YYYY-MM-DD, key1, key2) in the period [?1, ?2]; the
// keys feed service_kind and outcome. Persons' sex, birth date and
// citizenships follow.
var indicatorQueries = map[string]string{
	"work_path": planGoal("work") + ` UNION ALL SELECT c.person_id, substr(p.proposed_at, 1, 10), '', '' FROM proposals p
		JOIN cases c ON c.id = p.case_id WHERE substr(p.proposed_at, 1, 10) BETWEEN ?1 AND ?2
		UNION ALL SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"training":        planGoal("training") + " UNION ALL " + referredTo("training"),
	"language_course": planGoal("italian") + " UNION ALL " + referredTo("cpia"),
	"reach": `SELECT id, substr(created_at, 1, 10), '', '' FROM persons
		WHERE substr(created_at, 1, 10) BETWEEN ?1 AND ?2`,
	"internships": `SELECT c.person_id, i.start, '', '' FROM internships i JOIN cases c ON c.id = i.case_id
		WHERE i.start BETWEEN ?1 AND ?2`,
	"in_charge": `SELECT c.person_id, substr(c.opened_at, 1, 10), '', '' FROM cases c
		WHERE substr(c.opened_at, 1, 10) BETWEEN ?1 AND ?2`,
	"plan_agreed": `SELECT c.person_id, substr(pl.agreed_at, 1, 10), '', '' FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND substr(pl.agreed_at, 1, 10) BETWEEN ?1 AND ?2`,
	"referrals": `SELECT c.person_id, substr(r.sent_at, 1, 10), s.kind, r.status FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE r.sent_at <> '' AND substr(r.sent_at, 1, 10) BETWEEN ?1 AND ?2`,
	"anti_trafficking": `SELECT c.person_id, substr(r.sent_at, 1, 10), '', '' FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE s.kind = 'anti_trafficking' AND r.sent_at <> '' AND substr(r.sent_at, 1, 10) BETWEEN ?1 AND ?2`,
	"hired": `SELECT c.person_id, p.hired_from, '', '' FROM proposals p JOIN cases c ON c.id = p.case_id
		WHERE p.state = 'hired' AND p.hired_from BETWEEN ?1 AND ?2`,
	"enterprises": `SELECT c.person_id, e.registered_at, '', '' FROM enterprises e JOIN cases c ON c.id = e.case_id
		WHERE e.registered_at <> '' AND e.registered_at BETWEEN ?1 AND ?2`,
}

// planGoal selects the persons with a plan agreed in the period with a
// goal in the area.
func planGoal(area string) string {
	return `SELECT c.person_id, substr(pl.agreed_at, 1, 10), '', '' FROM plans pl JOIN cases c ON c.id = pl.case_id
		WHERE pl.agreed_at <> '' AND substr(pl.agreed_at, 1, 10) BETWEEN ?1 AND ?2
		AND EXISTS (SELECT 1 FROM plan_goals g WHERE g.plan_id = pl.id AND g.area = '` + area + `')`
}

// referredTo selects the persons referred in the period to a service of the kind.
func referredTo(kind string) string {
	return `SELECT c.person_id, substr(r.sent_at, 1, 10), '', '' FROM referrals r
		JOIN cases c ON c.id = r.case_id JOIN services s ON s.id = r.service_id
		WHERE s.kind = '` + kind + `' AND r.sent_at <> '' AND substr(r.sent_at, 1, 10) BETWEEN ?1 AND ?2`
}

// sameAs lets an indicator reuse another's result, computed before it with
// the same breakdowns.
var sameAs = map[string]string{"esf_participants": "in_charge"}

// ComputeIndicators computes every programme indicator over [from, to]
// (dates, both included) in one read transaction. Only the coordinator
// (or the program itself) may: the indicators are the coordinator's
// reports (DESIGN.md, people).
func (d *DB) ComputeIndicators(ctx context.Context, from, to time.Time) (*IndicatorReport, error) {
	rep := &IndicatorReport{From: from, To: to}
	err := d.view(ctx, func(tx *sql.Tx) error {
		if err := d.mayReport(ctx, tx); err != nil {
			return err
		}
		people, err := indicatorPeople(ctx, tx)
		if err != nil {
			return err
		}
		done := map[string]IndicatorResult{}
		for _, in := range model.ProgrammeIndicators {
			r, ok := done[sameAs[in.ID]]
			if ok {
				r.ID = in.ID // the same query and breakdowns: shared maps, read-only
			} else if r, err = computeIndicator(ctx, tx, in, people, from.Format("2006-01-02"), to.Format("2006-01-02")); err != nil {
				return fmt.Errorf("indicator %s: %w", in.ID, err)
			}
			done[in.ID] = r
			rep.Results = append(rep.Results, r)
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

// person is what the breakdowns need of a person.
type indicatorPerson struct{ sex, birth, citizenships string }

// indicatorPeople reads every person's sex, birth date and citizenships;
// an erased person keeps sex, birth year and citizenships (model.Person.
// Anonymise), so the birth year stands in for the birth date.
func indicatorPeople(ctx context.Context, tx *sql.Tx) (map[int64]indicatorPerson, error) {
	out := map[int64]indicatorPerson{}
	rows, err := tx.QueryContext(ctx, `SELECT id, sex, CASE WHEN birth_date <> '' THEN birth_date WHEN birth_year > 0 THEN CAST(birth_year AS TEXT)
		ELSE '' END, citizenships FROM persons`)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var p indicatorPerson
		err := s.Scan(&id, &p.sex, &p.birth, &p.citizenships)
		out[id] = p
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("persons: %w", err)
	}
	return out, nil
}

// computeIndicator runs one indicator's query and counts distinct persons.
func computeIndicator(ctx context.Context, tx *sql.Tx, in model.ProgrammeIndicator, people map[int64]indicatorPerson,
	from, to string) (IndicatorResult, error) {
	r := IndicatorResult{ID: in.ID, Pending: in.Pending, Breakdowns: map[string]map[string]int{}, Months: map[string]int{}}
	q := indicatorQueries[in.ID]
	if alias, ok := sameAs[in.ID]; ok {
		q = indicatorQueries[alias]
	}
	if in.Pending != "" || q == "" {
		return r, nil
	}
	first := map[int64]string{}         // person → first event date
	seen := map[string]map[int64]bool{} // breakdown key → persons seen
	rows, err := tx.QueryContext(ctx, q, from, to)
	err = eachRow(rows, err, func(s scanner) error {
		var id int64
		var date, k1, k2 string
		if err := s.Scan(&id, &date, &k1, &k2); err != nil {
			return err
		}
		if f, ok := first[id]; !ok || date < f {
			first[id] = date
		}
		count := func(code, value string) {
			k := code + "\x00" + value
			if seen[k] == nil {
				seen[k] = map[int64]bool{}
			}
			if !seen[k][id] {
				seen[k][id] = true
				add(r.Breakdowns, code, value)
			}
		}
		if has(in.Breakdowns, model.BreakdownServiceKind) {
			count(model.BreakdownServiceKind, k1)
		}
		if has(in.Breakdowns, model.BreakdownOutcome) {
			count(model.BreakdownOutcome, k2)
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	dates := map[string]time.Time{}
	for id, date := range first {
		r.Total++
		r.Months[date[:min(7, len(date))]]++
		at, ok := dates[date]
		if !ok {
			at, _ = time.Parse("2006-01-02", date)
			dates[date] = at
		}
		personBreakdowns(r.Breakdowns, in.Breakdowns, people[id], at)
	}
	return r, nil
}

// personBreakdowns counts a person in the person breakdowns the indicator has.
func personBreakdowns(b map[string]map[string]int, codes []string, p indicatorPerson, at time.Time) {
	for _, c := range codes {
		switch c {
		case model.BreakdownSex:
			v := p.sex
			if v == "" {
				v = "unknown"
			}
			add(b, c, v)
		case model.BreakdownAgeBand:
			add(b, c, model.AgeBand(p.birth, at))
		case model.BreakdownThirdCountry:
			add(b, c, strconv.FormatBool(model.ThirdCountry(p.citizenships)))
		}
	}
}

func add(b map[string]map[string]int, code, value string) {
	if b[code] == nil {
		b[code] = map[string]int{}
	}
	b[code][value]++
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
