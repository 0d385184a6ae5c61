package store

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"sportello/model"
)

// Windows of the Today list around now.
const (
	reviewAhead    = 7 * 24 * time.Hour  // a plan review shows this long before it is due
	reviewBehind   = 30 * 24 * time.Hour // and this long after
	followUpWindow = 14 * 24 * time.Hour // a 6- or 12-month follow-up shows this long either side
)

// Today lists what is due around now, in the order of model.TodayKinds,
// then by date: permits expiring within model.PermitWarning (valid or
// applied for), reviews of the newest plan of open cases due within a week
// or missed in the last 30 days, overdue actions of each case's newest plan,
// overdue referrals, and the follow-ups 6 and 12 months after a case
// closed, within 14 days either side, and the still-employed checks of
// hirings (today_work.go). Dates are compared as days (UTC).
func (d *DB) Today(ctx context.Context, now time.Time) ([]model.TodayItem, error) {
	groups, err := d.TodayGroups(ctx, now, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	var items []model.TodayItem
	for _, g := range groups {
		items = append(items, g.Items...)
	}
	return items, nil
}

// caseIsOpen is the condition that the case c is open, the status
// written in it: compared with a parameter, the column of the partial
// indexes of closed cases makes SQLite plan a query again at every use
// (Reprepared).
const caseIsOpen = "c.status = '" + string(model.CaseOpen) + "'"

// newestPlan selects the newest version of each case's plans, as pl.
const newestPlan = "pl.version = (SELECT max(version) FROM plans WHERE case_id = pl.case_id)"

func (d *DB) reviewsDue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	from, to := day(now.Add(-reviewBehind)), day(now.Add(reviewAhead))
	var version int
	var due string
	return d.todayRows(ctx, `SELECT p.id, p.case_code, p.family_name, p.given_names, pl.version, r.due
		FROM plan_reviews r JOIN plans pl ON pl.id = r.plan_id JOIN cases c ON c.id = pl.case_id
		JOIN persons p ON p.id = c.person_id
		WHERE r.due BETWEEN ? AND ? AND `+caseIsOpen+` AND p.erased_at = '' AND `+newestPlan, []any{&version, &due},
		func(it model.TodayItem) {
			at, err := time.Parse(time.DateOnly, due)
			if err != nil {
				return
			}
			it.Kind, it.Date, it.Detail = model.TodayPlanReview, at, fmt.Sprintf("v%d", version)
			*items = append(*items, it)
		}, from.Format(time.DateOnly), to.Format(time.DateOnly))
}

func (d *DB) followUpsDue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	from, to := day(now.Add(-followUpWindow)), day(now.Add(followUpWindow))
	var closed string
	// Closed 6 or 12 months before the window, a few days wider for the
	// months' ends (cases_closed_at); the exact test below.
	between := func(months int) (string, string) {
		return from.AddDate(0, -months, -3).Format(time.DateOnly), to.AddDate(0, -months, 4).Format(time.DateOnly)
	}
	a6, b6 := between(6)
	a12, b12 := between(12)
	return d.todayRows(ctx, `SELECT p.id, p.case_code, p.family_name, p.given_names, c.closed_at
		FROM cases c JOIN persons p ON p.id = c.person_id
		WHERE c.id IN (SELECT id FROM cases WHERE status = 'closed' AND closed_at <> '' AND closed_at BETWEEN ? AND ?
			UNION ALL SELECT id FROM cases WHERE status = 'closed' AND closed_at <> '' AND closed_at BETWEEN ? AND ?)
		AND p.erased_at = ''`,
		[]any{&closed}, func(it model.TodayItem) {
			for _, f := range []struct {
				months int
				kind   model.TodayKind
			}{{6, model.TodayFollowUp6}, {12, model.TodayFollowUp12}} {
				if at := addMonths(day(parseTime(closed)), f.months); !at.Before(from) && !at.After(to) {
					it.Kind, it.Date = f.kind, at
					it.Detail = "" // the kind says it: 6 or 12 months after closing
					*items = append(*items, it)
				}
			}
		}, a6, b6, a12, b12)
}

// todayRows runs a query whose first columns are the person's id, case
// code, family and given names, scanning the rest into more, and hands fn
// each row's item with its person filled in.
func (d *DB) todayRows(ctx context.Context, query string, more []any, fn func(model.TodayItem), args ...any) error {
	rows, err := d.q(ctx).QueryContext(ctx, query, args...)
	return eachRow(rows, err, func(s scanner) error {
		var it model.TodayItem
		var p model.Person
		if err := s.Scan(append([]any{&it.PersonID, &it.CaseCode, &p.FamilyName, &p.GivenNames}, more...)...); err != nil {
			return err
		}
		it.Name = p.DisplayName()
		fn(it)
		return nil
	})
}

// day is t's date at midnight UTC.
func day(t time.Time) time.Time {
	y, m, dd := t.UTC().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// lastDay is the last day a partial date can stand for, at midnight UTC:
// YYYY-MM is the month's last day, YYYY the 31st of December.
func lastDay(pd model.PartialDate) time.Time {
	m, dd := pd.Month, pd.Day
	if m == 0 {
		m = 12
	}
	if dd == 0 {
		dd = daysInMonth(pd.Year, m)
	}
	return time.Date(pd.Year, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// addMonths adds months to a day, keeping to the month's end: 31 August
// plus six months is 28 (or 29) February.
func addMonths(t time.Time, months int) time.Time {
	y, m, dd := t.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, min(dd, daysInMonth(first.Year(), int(first.Month())))-1)
}

func daysInMonth(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// retentionDue lists the cases closed longer ago than the retention period
// in the settings (whole years), each on the day its period ended: a
// coordinator reviews them and anonymises what need not be kept. No
// period set, nothing listed; a person erased is not listed again.
func (d *DB) retentionDue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	v, err := d.Setting(ctx, model.SettingRetentionYears)
	if err != nil {
		return err
	}
	years, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || years < 1 {
		return nil
	}
	var closed string
	return d.todayRows(ctx, `SELECT p.id, p.case_code, p.family_name, p.given_names, c.closed_at
		FROM cases c JOIN persons p ON p.id = c.person_id
		WHERE c.status = 'closed' AND c.closed_at <> '' AND c.closed_at < ? AND p.erased_at = ''`,
		[]any{&closed}, func(it model.TodayItem) {
			if end := addMonths(day(parseTime(closed)), 12*years); !end.After(day(now)) {
				it.Kind, it.Date = model.TodayRetention, end
				*items = append(*items, it)
			}
		}, day(now).AddDate(-years, 0, 2).Format(time.DateOnly)) // a few days over: the exact test is above
}
