package store

import (
	"context"
	"testing"

	"sportello/model"
)

// TestNewRecordsLogTheirChangeOnce: a new interview with its answers, a
// new plan with its goals, actions and budget, each log one change, the
// newest of the log, in the transaction that writes them; the triggers of
// the rows under them are back on after (an answer saved later logs the
// interview again), and merge_quiet is left empty.
func TestNewRecordsLogTheirChangeOnce(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	_, caseID := fixturePerson(t, d, "Hossain", model.Permit{})
	by := fixtureOperator(t, d, "sara", model.RoleSocialWorker).ID
	rev := func(entity string, id int64) (own, newest int64) {
		t.Helper()
		if err := d.db.QueryRowContext(ctx, `SELECT (SELECT rev FROM changes WHERE entity = ? AND row_id = ?),
			(SELECT max(rev) FROM changes)`, entity, id).Scan(&own, &newest); err != nil {
			t.Fatal(err)
		}
		return own, newest
	}
	quiet := func() {
		t.Helper()
		var n int
		if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM merge_quiet").Scan(&n); err != nil || n != 0 {
			t.Fatalf("merge_quiet holds %d rows (%v)", n, err)
		}
	}
	_, before := rev("case", caseID)
	iv := &model.Interview{CaseID: caseID, Date: fixedNow, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "it",
		QuestionnaireVersion: "2026.1", Status: model.InterviewInProgress,
		Answers: []model.Answer{{QuestionID: "work.notes", Value: "raccolta"}, {QuestionID: "documents.housing", Value: "employer"},
			{QuestionID: "work.hours", Value: "12"}}}
	if err := d.CreateInterview(ctx, iv, by); err != nil {
		t.Fatal(err)
	}
	own, newest := rev("interview", iv.ID)
	if own <= before || own != newest {
		t.Errorf("the new interview's change is at %d (the log was at %d, now %d)", own, before, newest)
	}
	if newest != before+1 {
		t.Errorf("the interview and its 3 answers took %d changes, not 1", newest-before)
	}
	quiet()
	if err := d.SaveAnswer(ctx, iv.ID, "work.notes", "raccolta di fragole"); err != nil {
		t.Fatal(err)
	}
	if again, _ := rev("interview", iv.ID); again <= own {
		t.Errorf("an answer saved later left the interview's change at %d (was %d)", again, own)
	}

	_, before = rev("interview", iv.ID)
	p := &model.Plan{CaseID: caseID, Goals: []model.Goal{{Area: model.AreaItalian, Text: "A2", Actions: []model.Action{
		{What: "Enrol at CPIA", Status: model.ActionPlanned}, {What: "Attend", Status: model.ActionPlanned}}}},
		Budget: []model.BudgetLine{{Purpose: model.BudgetRent, PlannedCents: 120000}}}
	if err := d.SavePlan(ctx, p, by); err != nil {
		t.Fatal(err)
	}
	own, newest = rev("plan", p.ID)
	if own <= before || own != newest || newest != before+1 {
		t.Errorf("the new plan's change is at %d, the log went from %d to %d", own, before, newest)
	}
	quiet()
	var goals int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM plan_goals WHERE plan_id = ?", p.ID).Scan(&goals); err != nil || goals != 1 {
		t.Fatalf("%d goals (%v)", goals, err)
	}
}
