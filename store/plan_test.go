package store

import (
	"context"
	"reflect"
	"testing"

	"sportello/model"
)

// fixturePerson creates a person with a permit, and returns them with the
// id of the case CreatePerson opened.
func fixturePerson(t *testing.T, d *DB, family string, permit model.Permit) (*model.Person, int64) {
	t.Helper()
	ctx := context.Background()
	p := &model.Person{FamilyName: family, GivenNames: "Test", Permit: permit}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	cases, err := d.CasesOf(ctx, p.ID)
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases %+v %v", cases, err)
	}
	return p, cases[0].ID
}

// fixtureOperator creates an account with the role.
func fixtureOperator(t *testing.T, d *DB, username string, role model.Role) *model.Operator {
	t.Helper()
	o := &model.Operator{Username: username, FullName: username, Role: role}
	if err := d.CreateOperator(context.Background(), o, "a long secret phrase", 0); err != nil {
		t.Fatal(err)
	}
	return o
}

func pdate(y, m, d int) model.PartialDate { return model.PartialDate{Year: y, Month: m, Day: d} }

func TestPlanVersions(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	_, caseID := fixturePerson(t, d, "Hossain", model.Permit{})
	svc := fixtureService(t, d, "CPIA 9", model.ServiceCPIA)
	by := fixtureOperator(t, d, "sara", model.RoleSocialWorker).ID

	p := &model.Plan{CaseID: caseID, Reviews: []model.PartialDate{pdate(2026, 6, 1)},
		Goals: []model.Goal{{Area: model.AreaItalian, Text: "A2 Italian", Actions: []model.Action{
			{What: "Enrol at CPIA", ServiceID: svc, Due: pdate(2026, 4, 0), Status: model.ActionPlanned}}}}}
	if err := d.SavePlan(ctx, p, by); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Version != 1 || p.Status != model.PlanDraft || p.Goals[0].ID == 0 || p.Goals[0].Actions[0].ID == 0 {
		t.Fatalf("saved %+v", p)
	}

	// Saving the draft again replaces its parts.
	p.Goals = append(p.Goals, model.Goal{Area: model.AreaHousing, Text: "A room of one's own", Actions: []model.Action{
		{What: "Ask the housing desk", Status: model.ActionInProgress, Outcome: "appointment made"},
		{What: "Visit rooms", Due: pdate(2026, 5, 15), Status: model.ActionPlanned}}})
	p.Budget = []model.BudgetLine{{Purpose: model.BudgetRent, PlannedCents: 120000, Note: "three months"},
		{Purpose: model.BudgetTransport, PlannedCents: 9000, SpentCents: 3500}}
	p.Reviews = append(p.Reviews, pdate(2026, 9, 1))
	if err := d.SavePlan(ctx, p, by); err != nil {
		t.Fatal(err)
	}
	plans, err := d.PlansOf(ctx, caseID)
	if err != nil || len(plans) != 1 {
		t.Fatalf("plans %+v %v", plans, err)
	}
	v1 := plans[0]
	if !reflect.DeepEqual(v1.Goals, p.Goals) || !reflect.DeepEqual(v1.Budget, p.Budget) ||
		!reflect.DeepEqual(v1.Reviews, p.Reviews) || v1.Version != 1 || v1.Status != model.PlanDraft {
		t.Errorf("read back\n%+v\nwant\n%+v", v1, *p)
	}
	var goals, actions int
	d.db.QueryRow("SELECT count(*) FROM plan_goals").Scan(&goals)
	d.db.QueryRow("SELECT count(*) FROM plan_actions").Scan(&actions)
	if goals != 2 || actions != 3 {
		t.Errorf("%d goals and %d actions stored, want 2 and 3", goals, actions)
	}
	wantError(t, d.SavePlan(ctx, &model.Plan{CaseID: caseID}, by), model.ErrConflict, "status") // one draft per case
	wantError(t, d.SavePlan(ctx, &model.Plan{CaseID: 999}, by), model.ErrNotFound, "case")
	wantError(t, d.SavePlan(ctx, &model.Plan{CaseID: caseID, Goals: []model.Goal{{Area: "space"}}}, by),
		model.ErrInvalid, "goals.0.area")

	// Agreeing freezes the version.
	wantError(t, d.AgreePlan(ctx, p.ID, " ", by), model.ErrRequired, "signed_by")
	if err := d.AgreePlan(ctx, p.ID, "Rahim Hossain", by); err != nil {
		t.Fatal(err)
	}
	plans, _ = d.PlansOf(ctx, caseID)
	agreed := plans[0]
	if agreed.Status != model.PlanAgreed || !agreed.AgreedAt.Equal(fixedNow) || agreed.SignedBy != "Rahim Hossain" ||
		agreed.AgreedBy != by {
		t.Errorf("agreed %+v", agreed)
	}
	p.Goals[0].Text = "B1 Italian"
	wantError(t, d.SavePlan(ctx, p, by), model.ErrConflict, "status")
	p.Status = model.PlanDraft
	wantError(t, d.SavePlan(ctx, p, by), model.ErrConflict, "status")
	wantError(t, d.AgreePlan(ctx, p.ID, "Rahim Hossain", by), model.ErrConflict, "status")

	// A new version is a draft copy; the agreed one stays as it was.
	v2, err := d.NewPlanVersion(ctx, agreed.ID, by)
	if err != nil {
		t.Fatal(err)
	}
	if v2.Version != 2 || v2.Status != model.PlanDraft || v2.ID == agreed.ID || len(v2.Goals) != 2 ||
		v2.Goals[1].Actions[0].ID == agreed.Goals[1].Actions[0].ID || v2.Goals[1].Actions[0].Outcome != "appointment made" {
		t.Fatalf("new version %+v", v2)
	}
	v2.Goals[0].Text = "B1 Italian"
	if err := d.SavePlan(ctx, v2, by); err != nil {
		t.Fatal(err)
	}
	plans, _ = d.PlansOf(ctx, caseID)
	if len(plans) != 2 || plans[0].Version != 2 || plans[0].Goals[0].Text != "B1 Italian" {
		t.Fatalf("versions %+v", plans)
	}
	if !reflect.DeepEqual(plans[1], agreed) {
		t.Errorf("version 1 changed:\n%+v\nwas\n%+v", plans[1], agreed)
	}
	_, err = d.NewPlanVersion(ctx, agreed.ID, by)
	wantError(t, err, model.ErrConflict, "status") // a draft exists
	_, err = d.NewPlanVersion(ctx, v2.ID, by)
	wantError(t, err, model.ErrConflict, "status") // a draft is changed, not copied

	trail, _ := d.AuditTrail(ctx, "plan", agreed.ID)
	if len(trail) != 3 || trail[0].Action != model.ActionCreate || trail[1].Action != model.ActionUpdate ||
		trail[2].Action != "agree" {
		t.Errorf("audit %+v", trail)
	}
}

func TestSetActionStatus(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	_, caseID := fixturePerson(t, d, "Popescu", model.Permit{})
	by := fixtureOperator(t, d, "sara", model.RoleOperator).ID
	p := &model.Plan{CaseID: caseID, Goals: []model.Goal{{Area: model.AreaWork, Text: "A regular contract",
		Actions: []model.Action{{What: "CV", Status: model.ActionPlanned}, {What: "Interview", Status: model.ActionDone}}}}}
	if err := d.SavePlan(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	if err := d.AgreePlan(ctx, p.ID, "Ion Popescu", 0); err != nil {
		t.Fatal(err)
	}
	cv, interview := p.Goals[0].Actions[0].ID, p.Goals[0].Actions[1].ID
	steps := []struct {
		name    string
		id      int64
		to      model.ActionStatus
		outcome string
		code    string
	}{
		{"start", cv, model.ActionInProgress, "", ""},
		{"back to planned", cv, model.ActionPlanned, "", model.ErrConflict},
		{"same status", cv, model.ActionInProgress, "", model.ErrConflict},
		{"drop", cv, model.ActionDropped, "no time", ""},
		{"take up again", cv, model.ActionPlanned, "", ""},
		{"done", cv, model.ActionDone, "CV written with the mediator", ""},
		{"done is final", cv, model.ActionPlanned, "", model.ErrConflict},
		{"done is final 2", interview, model.ActionDropped, "", model.ErrConflict},
		{"unknown status", cv, "paused", "", model.ErrInvalid},
		{"absent action", 999, model.ActionDone, "", model.ErrNotFound},
	}
	for _, s := range steps {
		err := d.SetActionStatus(ctx, s.id, s.to, s.outcome, by)
		if model.ErrorCode(err) != s.code || (s.code == "" && err != nil) {
			t.Fatalf("%s: %v, want code %q", s.name, err, s.code)
		}
	}
	plans, _ := d.PlansOf(ctx, caseID)
	a := plans[0].Goals[0].Actions[0]
	if a.Status != model.ActionDone || a.Outcome != "CV written with the mediator" || plans[0].Status != model.PlanAgreed {
		t.Errorf("after the steps %+v", plans[0])
	}
	trail, _ := d.AuditTrail(ctx, "plan", p.ID)
	if n := len(trail); n != 6 || trail[n-1].Action != "status" || trail[n-1].OperatorID != by {
		t.Errorf("audit %+v", trail) // create, agree, and four moves
	}
}
