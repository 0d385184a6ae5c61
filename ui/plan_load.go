package ui

import (
	"context"

	"sportello/model"
)

// planData is what the plan view reads.
type planData struct {
	plans       []model.Plan
	operators   []model.Operator
	services    []model.Service
	suggestions []model.GoalSuggestion
}

// readPlans reads a case's plans, who can be responsible for an action,
// and the goals its last interview suggests.
func readPlans(ctx context.Context, db Store, caseID int64) (d planData, err error) {
	if d.plans, err = db.PlansOf(ctx, caseID); err != nil {
		return d, err
	}
	if d.operators, err = db.Operators(ctx); err != nil {
		return d, err
	}
	if d.services, err = db.Services(ctx); err != nil {
		return d, err
	}
	ivs, err := db.InterviewsOf(ctx, caseID)
	if err != nil || len(ivs) == 0 {
		return d, err
	}
	rec, err := db.ScreeningOf(ctx, ivs[0].ID)
	if err != nil {
		return d, err
	}
	answers := map[string]string{}
	for _, a := range ivs[0].Answers {
		answers[a.QuestionID] = a.Value
	}
	var s model.Screening
	if rec != nil {
		s = rec.Result
	}
	d.suggestions = model.SuggestGoals(answers, s)
	return d, nil
}
