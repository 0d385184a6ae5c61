package ui

import (
	"context"
	"fmt"
	"slices"

	"sportello/model"
	"sportello/store"
)

// planAdded says what adding a gap's action to the plan did.
type planAdded struct {
	version  int  // the draft's version the action is in
	newPlan  bool // the case had no plan: a first draft was made
	newDraft bool // the plan was agreed: a new version was made as a draft
	already  bool // the draft had the action already
}

// onAddToPlan adds what (a gap's action) to the person's plan, under the
// goal of its area, made when missing. The action goes into the draft: the
// current one, a first one, or, when the current plan is agreed, a new
// version (store.DB.NewPlanVersion); the status says which.
func (v *workVacancies) onAddToPlan(area model.PlanArea, what string) {
	u, db, caseID, by := v.w.u, v.w.db, v.w.caseID, v.w.u.operatorID()
	goal := u.label("area", area)
	write(u, func(ctx context.Context) (planAdded, error) {
		return addToPlan(ctx, db, caseID, by, area, goal, what)
	}, func(r planAdded) {
		key := "work_match.plan_added"
		switch {
		case r.newPlan:
			key = "work_match.plan_new"
		case r.newDraft:
			key = "work_match.plan_new_version"
		case r.already:
			key = "work_match.plan_already"
		}
		v.status.SetText(u.tr.Tf(key, map[string]any{"Version": fmt.Sprint(r.version)}))
	}, func(err error) { v.status.SetText(u.errText(err)) })
}

// addToPlan puts the action in the case's draft plan (see onAddToPlan).
func addToPlan(ctx context.Context, db *store.DB, caseID, by int64, area model.PlanArea, goal, what string) (planAdded, error) {
	var r planAdded
	plans, err := db.PlansOf(ctx, caseID)
	if err != nil {
		return r, err
	}
	var plan *model.Plan
	switch {
	case len(plans) == 0:
		plan, r.newPlan = &model.Plan{CaseID: caseID, Status: model.PlanDraft}, true
	case plans[0].Status == model.PlanDraft:
		plan = &plans[0]
	default:
		if plan, err = db.NewPlanVersion(ctx, plans[0].ID, by); err != nil {
			return r, err
		}
		r.newDraft = true
	}
	gi := slices.IndexFunc(plan.Goals, func(g model.Goal) bool { return g.Area == area })
	if gi < 0 {
		plan.Goals = append(plan.Goals, model.Goal{Area: area, Text: goal})
		gi = len(plan.Goals) - 1
	}
	g := &plan.Goals[gi]
	if slices.ContainsFunc(g.Actions, func(a model.Action) bool { return a.What == what }) {
		r.already, r.version = true, plan.Version
		if !r.newDraft {
			return r, nil
		}
	} else {
		g.Actions = append(g.Actions, model.Action{What: what, Status: model.ActionPlanned})
	}
	if err := db.SavePlan(ctx, plan, by); err != nil {
		return r, err
	}
	r.version = plan.Version
	return r, nil
}
