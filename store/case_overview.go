package store

import (
	"context"
	"database/sql"
	"fmt"

	"sportello/model"
)

// CaseOverview is what the case view shows of one person, read in one
// snapshot: a case, its interviews and its plans always agree.
type CaseOverview struct {
	Person     *model.Person
	Cases      []model.Case                     // newest first
	Interviews map[int64][]model.Interview      // by case
	Screenings map[int64]*model.ScreeningRecord // by interview; none when the role may not read them
	Plans      []model.Plan                     // of the newest case, newest version first
	Erasure    *model.Erasure                   // nil unless the person was erased
	Trail      []model.AuditEvent               // the person's audit trail, oldest first; only for who may read it
	Operators  []model.Operator
}

// CaseOverview reads a person's file as the case view shows it, in one read
// transaction, each part checked for the bound operator as the single reads
// (Person, CasesOf, InterviewsOf, ScreeningOf, PlansOf, AuditTrail) check it.
func (d *DB) CaseOverview(ctx context.Context, personID int64) (*CaseOverview, error) {
	o := &CaseOverview{Interviews: map[int64][]model.Interview{}, Screenings: map[int64]*model.ScreeningRecord{}}
	err := d.view(ctx, func(tx *sql.Tx) error {
		return d.caseOverviewIn(ctx, tx, personID, o)
	})
	if err != nil {
		return nil, fmt.Errorf("case overview of person %d: %w", personID, err)
	}
	return o, nil
}

func (d *DB) caseOverviewIn(ctx context.Context, tx *sql.Tx, personID int64, o *CaseOverview) error {
	var err error
	if o.Person, err = d.personIn(ctx, tx, "id = ?", personID, fmt.Sprintf("no person %d", personID)); err != nil {
		return err
	}
	g, err := d.onPerson(ctx, tx, model.PartIdentity, false, personID)
	if err != nil {
		return err
	}
	if o.Cases, err = casesOf(ctx, tx, personID); err != nil {
		return err
	}
	for _, c := range o.Cases {
		if o.Interviews[c.ID], err = d.interviewsIn(ctx, tx, c.ID); err != nil {
			return err
		}
		if err := d.screeningsIn(ctx, tx, g, o.Interviews[c.ID], o.Screenings); err != nil {
			return err
		}
	}
	if len(o.Cases) > 0 {
		if _, err := d.onCase(ctx, tx, model.PartPlan, false, o.Cases[0].ID); err != nil {
			return err
		}
		if o.Plans, err = plansWhere(ctx, tx, "case_id = ? ORDER BY version DESC", o.Cases[0].ID); err != nil {
			return err
		}
	}
	if o.Erasure, err = erasureOf(ctx, tx, personID); err != nil {
		return err
	}
	if d.actor == nil || d.actor.May(model.PermAudit) {
		if err := d.actorMay(ctx, tx, model.PermAudit); err != nil {
			return err
		}
		if o.Trail, err = auditTrail(ctx, tx, "person", personID); err != nil {
			return err
		}
	}
	o.Operators, err = operators(ctx, tx)
	return err
}

// screeningsIn adds the screenings of ivs to into, when the grant may read
// them.
func (d *DB) screeningsIn(ctx context.Context, tx *sql.Tx, g *grant, ivs []model.Interview, into map[int64]*model.ScreeningRecord) error {
	if !g.can(model.PartScreening).Reads() {
		return nil // the screening is not this role's to see
	}
	for _, iv := range ivs {
		if _, err := d.onInterview(ctx, tx, model.PartScreening, false, iv.ID); err != nil {
			return err
		}
		rec, err := screeningOf(ctx, tx, iv.ID)
		if err != nil {
			return err
		}
		into[iv.ID] = rec
	}
	return nil
}
