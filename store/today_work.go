package store

import (
	"context"
	"time"

	"sportello/model"
)

// stillEmployedAhead is how long before it is due a still-employed check
// shows on Today; it stays there until answered (RecordStillEmployed).
const stillEmployedAhead = 7 * 24 * time.Hour

// stillEmployedDue lists the hirings whose 4-week or 6-month check is due
// within a week, or past and not answered; the detail is the employer's
// name, as a referral's is the service's.
func (d *DB) stillEmployedDue(ctx context.Context, now time.Time, items *[]model.TodayItem) error {
	until := day(now.Add(stillEmployedAhead))
	var employer, hired, still4, still6 string
	var proposal int64
	return d.todayRows(ctx, `SELECT p.id, p.case_code, p.family_name, p.given_names, e.name, pr.hired_from, pr.still_4w,
		pr.still_6m, pr.id FROM proposals pr JOIN cases c ON c.id = pr.case_id JOIN persons p ON p.id = c.person_id
		JOIN employers e ON e.id = pr.employer_id
		WHERE pr.state = 'hired' AND pr.hired_from <> '' AND (pr.still_4w = '' OR pr.still_6m = '')
		AND pr.hired_from <= ? AND p.erased_at = ''`,
		[]any{&employer, &hired, &still4, &still6, &proposal}, func(it model.TodayItem) {
			pr := model.Proposal{HiredFrom: dayOf(hired)}
			for _, c := range []struct {
				check, answer string
				kind          model.TodayKind
			}{{model.Check4Weeks, still4, model.TodayStillEmployed4w}, {model.Check6Months, still6, model.TodayStillEmployed6m}} {
				if at := pr.CheckDue(c.check); c.answer == "" && !at.After(until) {
					it.Kind, it.Date, it.Detail, it.ProposalID = c.kind, at, employer, proposal
					*items = append(*items, it)
				}
			}
		}, until.AddDate(0, 0, -27).Format(time.DateOnly)) // hired at least four weeks before until, a day to spare
}
