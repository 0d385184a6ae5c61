package store

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"sportello/model"
)

// personFileFixture makes a person with a bit of everything: an interview
// with answers and a screening, a plan, a consent with its scan, a
// referral resting on it, and a colleague opening and printing the file.
func personFileFixture(t *testing.T, d *DB) (p *model.Person, caseID, legal int64, marco *model.Operator) {
	t.Helper()
	ctx := context.Background()
	marco = fixtureOperator(t, d, "marco", model.RoleOperator)
	p, caseID = fixturePerson(t, d, "Haddad", model.Permit{Type: "lavoro", Status: model.PermitValid})
	legal = fixtureService(t, d, "Sportello legale Diritti (demo)", model.ServiceLegalAid)
	c := &model.Consent{PersonID: p.ID, Purpose: model.PurposeSharing, ServiceID: legal, NoticeVersion: "2026-1",
		Language: "ar", State: model.ConsentGiven, Date: fixedNow}
	if err := d.RecordConsent(ctx, c, []byte("%PDF signed scan"), marco.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.CreateReferral(ctx, newReferral(caseID, legal), marco); err != nil {
		t.Fatal(err)
	}
	iv := &model.Interview{CaseID: caseID, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "ar",
		QuestionnaireVersion: "2026.1"}
	if err := d.StartInterview(ctx, iv, marco.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveAnswer(ctx, iv.ID, "documents.id_kept", "yes"); err != nil {
		t.Fatal(err)
	}
	s := model.Screening{ILO: []model.Finding{{Ref: "ilo.7", Reasons: []model.Reason{{AnswerID: "documents.id_kept", Value: "yes"}}}}}
	if err := d.CompleteInterview(ctx, iv, s, marco.ID); err != nil {
		t.Fatal(err)
	}
	plan := &model.Plan{CaseID: caseID, Goals: []model.Goal{{Area: model.AreaLegal, Text: "Rinnovo del permesso",
		Actions: []model.Action{{What: "Appuntamento", ServiceID: legal, Status: model.ActionPlanned}}}}}
	if err := d.SavePlan(ctx, plan, marco.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.RecordView(ctx, marco.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.RecordPrint(ctx, marco.ID, p.ID, "referral lang=ar"); err != nil {
		t.Fatal(err)
	}
	return p, caseID, legal, marco
}

// Only a coordinator answers an access request: every other role is
// refused, and a refusal reads and records nothing.
func TestPersonFileOnlyForRights(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p, _, _, _ := personFileFixture(t, d)
	for _, r := range model.Roles {
		t.Run(string(r), func(t *testing.T) {
			by := fixtureOperator(t, d, "u_"+string(r), r)
			before, _ := d.AuditTrail(ctx, "person", p.ID)
			f, err := d.PersonFile(ctx, p.ID, by)
			after, _ := d.AuditTrail(ctx, "person", p.ID)
			if r.May(model.PermRights) {
				if err != nil || f == nil || len(after) != len(before)+1 {
					t.Fatalf("a %s was refused: %v (%d events, %d before)", r, err, len(after), len(before))
				}
				return
			}
			if model.ErrorCode(err) != model.ErrPermission || f != nil || len(after) != len(before) {
				t.Errorf("a %s read the file: %v, %d events before, %d after", r, err, len(before), len(after))
			}
			forged := *by
			forged.Role = model.RoleCoordinator // the role in the database counts
			if _, err := d.PersonFile(ctx, p.ID, &forged); model.ErrorCode(err) != model.ErrPermission {
				t.Errorf("a %s claiming to coordinate: %v", r, err)
			}
		})
	}
	if r := model.RoleCoordinator; r.May(model.PermRights) != true || model.RoleMediator.May(model.PermRights) {
		t.Error("the rights permission is not the coordinator's alone")
	}
	var nobody *model.Operator
	if _, err := d.PersonFile(ctx, p.ID, nobody); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("nobody read the file: %v", err)
	}
}

// The file holds every part, with the names of who and what, and the
// trail of who opened and printed it, ending with this request.
func TestPersonFileHoldsEverything(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "giulia", model.RoleCoordinator)
	d.SaveSettings(ctx, map[string]string{model.SettingController: "Associazione Ponti (demo)",
		model.SettingDPO: "dpo@example.invalid"}, coord.ID)
	p, caseID, legal, marco := personFileFixture(t, d)
	other, _ := fixturePerson(t, d, "Someone Else", model.Permit{})
	d.RecordView(ctx, marco.ID, other.ID)

	f, err := d.PersonFile(ctx, p.ID, coord)
	if err != nil {
		t.Fatal(err)
	}
	if f.Person.CaseCode != p.CaseCode || f.Person.Permit.Type != "lavoro" || f.MadeBy.Name != "giulia" ||
		f.MadeBy.Role != model.RoleCoordinator || !f.MadeAt.Equal(fixedNow) {
		t.Errorf("person %+v made by %+v at %v", f.Person, f.MadeBy, f.MadeAt)
	}
	if f.Desk.Controller != "Associazione Ponti (demo)" || f.Desk.DPO != "dpo@example.invalid" {
		t.Errorf("desk %+v", f.Desk)
	}
	if len(f.Cases) != 1 || f.Cases[0].ID != caseID {
		t.Fatalf("cases %+v", f.Cases)
	}
	c := f.Cases[0]
	if len(c.Interviews) != 1 || len(c.Interviews[0].Answers) != 1 || c.Interviews[0].Answers[0].Value != "yes" ||
		c.Interviews[0].Screening == nil || len(c.Interviews[0].Screening.Result.ILO) != 1 {
		t.Errorf("interviews %+v", c.Interviews)
	}
	if len(c.Plans) != 1 || len(c.Plans[0].Goals) != 1 || len(c.Plans[0].Goals[0].Actions) != 1 {
		t.Errorf("plans %+v", c.Plans)
	}
	if len(c.Referrals) != 1 || f.ServiceName(c.Referrals[0].ServiceID) != "Sportello legale Diritti (demo)" ||
		!slices.Equal(c.Referrals[0].Shared, []string{"name", "language", "reason", "urgency", "consent"}) {
		t.Errorf("referrals %+v, services %v", c.Referrals, f.Services)
	}
	if len(f.Consents) != 1 || f.Consents[0].ServiceID != legal || !bytes.Equal(f.Consents[0].Scan, []byte("%PDF signed scan")) {
		t.Errorf("consents %+v", f.Consents)
	}
	type seen struct{ action, entity, who string }
	var got []seen
	for _, e := range f.Events {
		got = append(got, seen{e.Action, e.Entity, f.OperatorName(e.OperatorID)})
		if e.Entity == "person" && e.EntityID != p.ID {
			t.Errorf("an event about another person: %+v", e)
		}
	}
	for _, want := range []seen{{model.ActionView, "person", "marco"}, {model.ActionPrint, "person", "marco"},
		{model.ActionCreate, "referral", "marco"}, {model.ActionCreate, "consent", "marco"}, {"complete", "interview", "marco"},
		{model.ActionCreate, "plan", "marco"}, {model.ActionCreate, "case", ""}} {
		if !slices.Contains(got, want) {
			t.Errorf("the trail lacks %+v: %+v", want, got)
		}
	}
	last := f.Events[len(f.Events)-1]
	if last.Action != model.ActionExport || last.Detail != AccessRequestDetail || last.OperatorID != coord.ID {
		t.Errorf("the request itself is not the last event: %+v", last)
	}
	if f.Operators[marco.ID].Role != model.RoleOperator || len(f.Operators) != 2 {
		t.Errorf("operators named %+v", f.Operators)
	}

	if _, err := d.PersonFile(ctx, 9999, coord); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("an unknown person: %v", err)
	}
	second := fixtureOperator(t, d, "second", model.RoleCoordinator)
	if err := d.Deactivate(ctx, "second", coord); err != nil {
		t.Fatal(err)
	}
	if _, err := d.PersonFile(ctx, p.ID, second); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("a deactivated coordinator read the file: %v", err)
	}
}
