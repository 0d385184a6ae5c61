package store

// Reading plan versions with their goals, actions and budget.

import (
	"context"
	"fmt"
	"strings"

	"sportello/model"
)

// loadPlan reads one plan with its parts.
func loadPlan(ctx context.Context, q querier, id int64) (*model.Plan, error) {
	ps, err := plansWhere(ctx, q, "id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, &model.Error{Code: model.ErrNotFound, Message: fmt.Sprintf("no plan %d", id)}
	}
	return &ps[0], nil
}

// plansWhere reads the plans a condition selects, with their parts.
func plansWhere(ctx context.Context, q querier, where string, args ...any) ([]model.Plan, error) {
	out, err := plansOnly(ctx, q, where, args...)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if err := readPlanParts(ctx, q, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// plansOnly reads plans without their parts.
func plansOnly(ctx context.Context, q querier, where string, args ...any) ([]model.Plan, error) {
	var out []model.Plan
	rows, err := q.QueryContext(ctx, "SELECT "+planColumns+" FROM plans WHERE "+where, args...)
	err = eachRow(rows, err, func(s scanner) error {
		var p model.Plan
		var status, reviews, agreed, created, updated string
		if err := s.Scan(&p.ID, &p.UID, &p.CaseID, &p.Version, &status, &reviews, &agreed, &p.SignedBy, &p.AgreedBy,
			&created, &updated); err != nil {
			return err
		}
		p.Status, p.Reviews = model.PlanStatus(status), parseReviews(reviews)
		p.AgreedAt, p.CreatedAt, p.UpdatedAt = parseTime(agreed), parseTime(created), parseTime(updated)
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readPlanParts reads a plan's goals with their actions, and its budget.
func readPlanParts(ctx context.Context, q querier, p *model.Plan) error {
	goalAt := map[int64]int{}
	rows, err := q.QueryContext(ctx, "SELECT id, area, text FROM plan_goals WHERE plan_id = ? ORDER BY position", p.ID)
	err = eachRow(rows, err, func(s scanner) error {
		var g model.Goal
		var area string
		if err := s.Scan(&g.ID, &area, &g.Text); err != nil {
			return err
		}
		g.Area = model.PlanArea(area)
		goalAt[g.ID] = len(p.Goals)
		p.Goals = append(p.Goals, g)
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, "SELECT "+actionColumns+` FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id
		WHERE g.plan_id = ? ORDER BY g.position, a.position`, p.ID)
	err = eachRow(rows, err, func(s scanner) error {
		goalID, a, err := scanAction(s)
		if err != nil {
			return err
		}
		g := &p.Goals[goalAt[goalID]]
		g.Actions = append(g.Actions, a)
		return nil
	})
	if err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, "SELECT "+budgetColumns+" FROM plan_budget WHERE plan_id = ? ORDER BY position", p.ID)
	return eachRow(rows, err, func(s scanner) error {
		_, b, err := scanBudget(s)
		if err == nil {
			p.Budget = append(p.Budget, b)
		}
		return err
	})
}

// actionColumns and budgetColumns are what scanAction and scanBudget read.
const (
	actionColumns = `a.goal_id, a.id, a.what, coalesce(a.operator_id, 0), coalesce(a.service_id, 0), a.due, a.status,
		a.outcome`
	budgetColumns = "plan_id, id, purpose, planned_cents, spent_cents, note"
)

// scanAction reads a plan action with the goal it belongs to.
func scanAction(s scanner) (goalID int64, a model.Action, err error) {
	var due, status string
	if err = s.Scan(&goalID, &a.ID, &a.What, &a.OperatorID, &a.ServiceID, &due, &status, &a.Outcome); err != nil {
		return 0, a, err
	}
	a.Due, _ = model.ParsePartialDate(due)
	a.Status = model.ActionStatus(status)
	return goalID, a, nil
}

// scanBudget reads a budget line with the plan it belongs to.
func scanBudget(s scanner) (planID int64, b model.BudgetLine, err error) {
	var purpose string
	if err = s.Scan(&planID, &b.ID, &purpose, &b.PlannedCents, &b.SpentCents, &b.Note); err != nil {
		return 0, b, err
	}
	b.Purpose = model.BudgetPurpose(purpose)
	return planID, b, nil
}

func formatReviews(reviews []model.PartialDate) string {
	s := make([]string, len(reviews))
	for i, r := range reviews {
		s[i] = r.String()
	}
	return strings.Join(s, " ")
}

func parseReviews(s string) []model.PartialDate {
	var out []model.PartialDate
	for _, f := range strings.Fields(s) {
		if r, err := model.ParsePartialDate(f); err == nil {
			out = append(out, r)
		}
	}
	return out
}
