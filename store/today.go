package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
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
	var items []model.TodayItem
	for _, add := range []func(context.Context, time.Time, *[]model.TodayItem) error{
		d.permitsDue, d.reviewsDue, d.actionsOverdue, d.referralsOverdue, d.followUpsDue, d.retentionDue,
		d.stillEmployedDue,
	} {
		if err := add(ctx, now, &items); err != nil {
			return nil, err
		}
	}
	items, err := d.todayFor(ctx, items)
	if err != nil {
		return nil, fmt.Errorf("today: %w", err)
	}
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if ka, kb := slices.Index(model.TodayKinds, a.Kind), slices.Index(model.TodayKinds, b.Kind); ka != kb {
			return ka < kb
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.CaseCode < b.CaseCode
	})
	return items, nil
}

func (d *DB) permitsDue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	from, to := day(now), day(now.Add(model.PermitWarning))
	var ptype, expiry string
	// The partial dates whose last day may fall in the window: a year, a
	// month or a day of it (persons_permit_due); the exact test below.
	return d.todayRows(ctx, `SELECT id, case_code, family_name, given_names, permit_type, permit_expiry FROM persons
		WHERE permit_expiry <> '' AND permit_status IN ('valid', 'applied')
		AND (permit_expiry IN (?1, ?2) OR permit_expiry BETWEEN ?3 AND ?4)`, []any{&ptype, &expiry}, func(it model.TodayItem) {
		pd, err := model.ParsePartialDate(expiry)
		if err != nil || pd.IsZero() {
			return
		}
		if end := lastDay(pd); !end.Before(from) && !end.After(to) {
			it.Kind, it.Date = model.TodayPermitExpiring, end
			it.Detail = strings.TrimSpace(ptype) // data only: the window words it
			*items = append(*items, it)
		}
	}, from.Format("2006"), to.Format("2006"), from.Format("2006-01"), to.Format("2006-01")+"-99")
}

// newestPlan selects the newest version of each case's plans, as pl.
const newestPlan = "pl.version = (SELECT max(version) FROM plans WHERE case_id = pl.case_id)"

func (d *DB) reviewsDue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	from, to := day(now.Add(-reviewBehind)), day(now.Add(reviewAhead))
	var version int
	var due string
	return d.todayRows(ctx, `SELECT p.id, p.case_code, p.family_name, p.given_names, pl.version, r.due
		FROM plan_reviews r JOIN plans pl ON pl.id = r.plan_id JOIN cases c ON c.id = pl.case_id
		JOIN persons p ON p.id = c.person_id
		WHERE r.due BETWEEN ? AND ? AND c.status = ? AND p.erased_at = '' AND `+newestPlan, []any{&version, &due},
		func(it model.TodayItem) {
			at, err := time.Parse(time.DateOnly, due)
			if err != nil {
				return
			}
			it.Kind, it.Date, it.Detail = model.TodayPlanReview, at, fmt.Sprintf("v%d", version)
			*items = append(*items, it)
		}, from.Format(time.DateOnly), to.Format(time.DateOnly), string(model.CaseOpen))
}

func (d *DB) actionsOverdue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	today := day(now)
	var what, due string
	return d.todayRows(ctx, `SELECT p.id, p.case_code, p.family_name, p.given_names, a.what, a.due
		FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id JOIN plans pl ON pl.id = g.plan_id
		JOIN cases c ON c.id = pl.case_id JOIN persons p ON p.id = c.person_id
		WHERE a.status IN ('planned', 'in_progress') AND a.due <> '' AND a.due < ? AND p.erased_at = ''
		AND `+newestPlan, []any{&what, &due}, func(it model.TodayItem) {
		pd, err := model.ParsePartialDate(due)
		if err != nil || pd.IsZero() {
			return
		}
		if end := lastDay(pd); end.Before(today) {
			it.Kind, it.Date, it.Detail = model.TodayActionOverdue, end, what
			*items = append(*items, it)
		}
	}, today.Format(time.DateOnly)) // a month or year is before today's date when it may have ended
}

func (d *DB) referralsOverdue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	rows, err := d.referralRows(ctx, model.ReferralSent)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.Overdue(now) {
			*items = append(*items, model.TodayItem{Kind: model.TodayReferralOverdue, PersonID: r.PersonID,
				CaseCode: r.CaseCode, Name: r.PersonName, Date: lastDay(r.FollowUp), Detail: r.ServiceName})
		}
	}
	return nil
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
		WHERE c.status = 'closed' AND c.closed_at <> '' AND (c.closed_at BETWEEN ? AND ? OR c.closed_at BETWEEN ? AND ?)
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

// todayFor keeps the items the bound operator may see: of the parts of
// the file its role reads, of the cases it is assigned to.
func (d *DB) todayFor(ctx context.Context, items []model.TodayItem) (out []model.TodayItem, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.grantIn(ctx, tx)
		if err != nil {
			return err
		}
		for _, it := range items {
			if p, ok := model.TodayParts[it.Kind]; ok && !g.can(p).Reads() {
				continue
			}
			if perm, ok := model.TodayPermissions[it.Kind]; ok && !g.system && !g.role.May(perm) {
				continue
			}
			if ok, err := g.sees(ctx, tx, it.PersonID); err != nil {
				return err
			} else if ok {
				out = append(out, it)
			}
		}
		return nil
	})
	return out, err
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
