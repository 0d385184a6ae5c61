package store

import (
	"context"
	"database/sql"
	"time"

	"sportello/model"
)

// todayQuery is a kind of Today's items as one SELECT: the person's id,
// case code, names, the day it is due (YYYY-MM-DD, exact), the detail and
// the hiring's id, filtered exactly, so that SQLite counts and pages it.
type todayQuery struct {
	sql  string
	args []any
}

// lastDaySQL is, written exactly as the indexes of migration 0017 have it,
// the last day a partial date in col can stand for, as
// lastDay computes it: YYYY is the 31st of December, YYYY-MM the month's end.
func lastDaySQL(col string) string {
	return "CASE length(" + col + ") WHEN 4 THEN " + col + " || '-12-31' WHEN 7 THEN date(" + col +
		" || '-01', '+1 month', '-1 day') ELSE " + col + " END"
}

// permitsWithin selects the persons whose permit's partial date may end in
// a window: the years of its start and end, or a month or day between;
// two searches of persons_permit_due (an OR of them would read it whole).
const permitsWithin = `SELECT id FROM persons WHERE permit_expiry <> '' AND permit_status IN ('valid', 'applied')
	AND permit_expiry IN (?, ?)
	UNION ALL SELECT id FROM persons WHERE permit_expiry <> '' AND permit_status IN ('valid', 'applied')
	AND permit_expiry BETWEEN ? AND ?`

// todayPaged are the kinds that grow with the desk, each a query through
// its index (migration 0016; referrals_open).
var todayPaged = map[model.TodayKind]func(now time.Time) todayQuery{
	model.TodayPermitExpiring: func(now time.Time) todayQuery {
		from, to := day(now), day(now.Add(model.PermitWarning))
		return todayQuery{`SELECT p.id, p.case_code, p.family_name, p.given_names, ` + lastDaySQL("p.permit_expiry") + ` AS due,
			trim(p.permit_type) AS detail, 0 FROM persons p
			WHERE p.id IN (` + permitsWithin + `) AND ` + lastDaySQL("p.permit_expiry") + ` BETWEEN ? AND ?`,
			[]any{from.Format("2006"), to.Format("2006"), from.Format("2006-01"), to.Format("2006-01") + "-99",
				from.Format(time.DateOnly), to.Format(time.DateOnly)}}
	},
	model.TodayActionOverdue: func(now time.Time) todayQuery {
		today := day(now).Format(time.DateOnly)
		return todayQuery{`SELECT p.id, p.case_code, p.family_name, p.given_names, ` + lastDaySQL("a.due") + ` AS due,
			a.what AS detail, 0 FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id JOIN plans pl ON pl.id = g.plan_id
			JOIN cases c ON c.id = pl.case_id JOIN persons p ON p.id = c.person_id
			WHERE a.status IN ('planned', 'in_progress') AND a.due <> '' AND ` + lastDaySQL("a.due") + ` < ?
			AND p.erased_at = '' AND ` + newestPlan, []any{today}}
	},
	model.TodayReferralOverdue: func(now time.Time) todayQuery {
		today := day(now).Format(time.DateOnly)
		return todayQuery{`SELECT p.id, p.case_code, p.family_name, p.given_names, ` + lastDaySQL("r.follow_up") + ` AS due,
			s.name AS detail, 0 FROM referrals r JOIN cases c ON c.id = r.case_id
			JOIN persons p ON p.id = c.person_id JOIN services s ON s.id = r.service_id
			WHERE r.status = 'sent' AND r.follow_up <> '' AND ` + lastDaySQL("r.follow_up") + ` < ?`,
			[]any{today}}
	},
}

// scoped adds, for a grant that sees only its assigned cases, the
// condition that the person is among them.
func (q todayQuery) scoped(g *grant) (string, []any) {
	if !g.scoped() {
		return q.sql, q.args
	}
	return q.sql + ` AND p.id IN (SELECT person_id FROM cases WHERE operator_id = ?
		UNION SELECT c2.person_id FROM case_team t JOIN cases c2 ON c2.id = t.case_id WHERE t.operator_id = ?)`,
		append(append([]any{}, q.args...), g.id, g.id)
}

// todayPage reads limit items of a kind's query from offset, by date.
func todayPage(ctx context.Context, tx *sql.Tx, kind model.TodayKind, q string, args []any, offset, limit int) ([]model.TodayItem, error) {
	rows, err := tx.QueryContext(ctx, q+" ORDER BY due, p.case_code"+limitSQL(limit)+" OFFSET ?", append(append([]any{}, args...), offset)...)
	var out []model.TodayItem
	err = eachRow(rows, err, func(s scanner) error {
		it := model.TodayItem{Kind: kind}
		var p model.Person
		var due string
		if err := s.Scan(&it.PersonID, &it.CaseCode, &p.FamilyName, &p.GivenNames, &due, &it.Detail, &it.ProposalID); err != nil {
			return err
		}
		it.Name = p.DisplayName()
		it.Date, _ = time.Parse(time.DateOnly, due)
		out = append(out, it)
		return nil
	})
	return out, err
}
