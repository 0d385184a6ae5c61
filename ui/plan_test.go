package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sportello/model"
)

// openCaseTool opens a person's case view and taps one of its tools.
func openCaseTool(t *testing.T, u *App, name, tool string) {
	t.Helper()
	openRow(t, u, name)
	test.Tap(button(t, u, u.t(tool)))
}

// TestPlanDraftAgreeAndVersionTwo creates a plan from the interview's
// suggestions, agrees it, then changes it into version 2.
func TestPlanDraftAgreeAndVersionTwo(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Diallo", GivenNames: "Awa", PreferredLanguage: "fr"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	cases, _ := db.CasesOf(ctx, p.ID)
	iv := &model.Interview{CaseID: cases[0].ID, Date: testNow, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "fr",
		QuestionnaireVersion: "2026.1", Status: model.InterviewInProgress,
		Answers: []model.Answer{{QuestionID: "needs.needs", Value: "housing,italian_course"}}}
	if err := db.CreateInterview(ctx, iv, op.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.CompleteInterview(ctx, iv, model.Screening{}, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openCaseTool(t, u, "DIALLO Awa", "case.plan")
	test.Tap(button(t, u, u.t("plan.create")))

	// Accept the two goals the interview suggests.
	if !strings.Contains(texts(u), u.t("plan.suggest.housing")) {
		t.Fatalf("no suggestions:\n%s", texts(u))
	}
	for i := 0; i < 2; i++ {
		test.Tap(button(t, u, u.t("plan.accept")))
	}
	test.Tap(button(t, u, u.t("plan.add_action")))
	e := entryWithPlaceholder(t, u, u.t("plan.action_hint"))
	test.Type(e, "Iscrizione al CPIA di Latina")
	test.Tap(button(t, u, u.t("plan.add_budget")))
	test.Type(entryWithPlaceholder(t, u, u.t("plan.planned")), "120,50")
	test.Tap(button(t, u, u.t("plan.save_draft")))

	plans, _ := db.PlansOf(ctx, cases[0].ID)
	if len(plans) != 1 || len(plans[0].Goals) != 2 || plans[0].Goals[0].Actions[0].What != "Iscrizione al CPIA di Latina" {
		t.Fatalf("saved draft %+v", plans)
	}
	if planned, _ := plans[0].Totals(); planned != 12050 {
		t.Errorf("budget %d cents, want 12050", planned)
	}

	// Agree: who signed is required.
	test.Tap(button(t, u, u.t("plan.agree")))
	if !strings.Contains(texts(u), u.t("plan.signed_by_needed")) {
		t.Fatal("agreed without saying who signed")
	}
	test.Type(entryWithPlaceholder(t, u, u.t("plan.signed_by_hint")), "Awa Diallo")
	test.Tap(button(t, u, u.t("plan.agree")))
	plans, _ = db.PlansOf(ctx, cases[0].ID)
	if plans[0].Status != model.PlanAgreed || plans[0].SignedBy != "Awa Diallo" {
		t.Fatalf("not agreed: %+v", plans[0])
	}

	// Change it: version 2 is a draft, version 1 stays as agreed.
	test.Tap(button(t, u, u.t("plan.new_version")))
	plans, _ = db.PlansOf(ctx, cases[0].ID)
	if len(plans) != 2 || plans[0].Version != 2 || plans[0].Status != model.PlanDraft || plans[1].Status != model.PlanAgreed {
		t.Fatalf("versions %+v", plans)
	}
	g := entryWithPlaceholder(t, u, u.t("plan.goal_hint"))
	g.SetText("Trovare un alloggio a Latina")
	test.Tap(button(t, u, u.t("plan.save_draft")))
	plans, _ = db.PlansOf(ctx, cases[0].ID)
	if plans[0].Goals[0].Text != "Trovare un alloggio a Latina" || plans[1].Goals[0].Text == "Trovare un alloggio a Latina" {
		t.Errorf("version 2 change: v2 %q, v1 %q", plans[0].Goals[0].Text, plans[1].Goals[0].Text)
	}
	// The case view says where the plan stands.
	openRow(t, u, "DIALLO Awa")
	want := u.tr.Tf("case.plan_line", map[string]any{"N": 2, "Status": u.t("plan.status_draft")})
	if !strings.Contains(texts(u), want) {
		t.Errorf("case view lacks %q:\n%s", want, texts(u))
	}
}

// TestReferralNeedsConsent refers without consent (refused, with a clear
// message), records the consent, and refers again (accepted as a draft).
func TestReferralNeedsConsent(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Hossain", GivenNames: "Rahim", PreferredLanguage: "bn"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	legal := &model.Service{Name: "Sportello legale Diritti", Kind: model.ServiceLegalAid}
	if err := db.SaveService(ctx, legal, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openCaseTool(t, u, "HOSSAIN Rahim", "case.referrals")
	refer := func() {
		o, _ := input(t, u, u.t("referrals.service"))
		o.(*choice).setCode(itoa(legal.ID))
		reason := entry(t, u, u.t("referrals.reason"))
		reason.SetText("")
		test.Type(reason, "Rinnovo del permesso di soggiorno")
		test.Tap(button(t, u, u.t("referrals.create")))
	}
	refer()
	if !strings.Contains(texts(u), u.t("referrals.no_consent")) {
		t.Fatalf("a referral without consent was not refused clearly:\n%s", texts(u))
	}
	cases, _ := db.CasesOf(ctx, p.ID)
	if refs, _ := db.ReferralsOf(ctx, cases[0].ID); len(refs) != 0 {
		t.Fatalf("a referral was saved without consent: %+v", refs)
	}

	// Record the consent to share with that service.
	openCaseTool(t, u, "HOSSAIN Rahim", "case.consents")
	o, _ := input(t, u, u.t("consents.purpose"))
	o.(*choice).setCode(string(model.PurposeSharing))
	s, _ := input(t, u, u.t("consents.service"))
	s.(*choice).setCode(itoa(legal.ID))
	typeInto(t, u, u.t("interview.mediator"), "Nazrul Islam")
	test.Tap(button(t, u, u.t("consents.record")))
	if hist, _ := db.ConsentsOf(ctx, p.ID); len(hist) != 1 || hist[0].Language != "bn" || hist[0].Mediator != "Nazrul Islam" {
		t.Fatalf("consent %+v", hist)
	}

	openCaseTool(t, u, "HOSSAIN Rahim", "case.referrals")
	refer()
	refs, _ := db.ReferralsOf(ctx, cases[0].ID)
	if len(refs) != 1 || refs[0].Status != model.ReferralDraft || refs[0].ConsentID == 0 {
		t.Fatalf("referral with consent %+v", refs)
	}
	test.Tap(button(t, u, u.t("referrals.move_sent")))
	refs, _ = db.ReferralsOf(ctx, cases[0].ID)
	if refs[0].Status != model.ReferralSent {
		t.Errorf("status after sending: %s", refs[0].Status)
	}
	// It is on the list of open referrals.
	test.Tap(button(t, u, u.t("home.referrals")))
	if !strings.Contains(texts(u), refs[0].Code) {
		t.Errorf("open referrals:\n%s", texts(u))
	}
}

// The plan editor takes dates and amounts as people type them, and never
// saves what it could not read: 20/12/2026 is the 20th of December, not
// the year 20; 31/02/2020 and "abc" are refused on their field, with
// nothing saved, and kept as typed until corrected.
func TestPlanDatesAndAmountsTypedTheItalianWay(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Diallo", GivenNames: "Awa"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	cases, _ := db.CasesOf(ctx, p.ID)
	u.signedIn(op)
	openCaseTool(t, u, "DIALLO Awa", "case.plan")
	test.Tap(button(t, u, u.t("plan.create")))
	test.Tap(button(t, u, u.t("plan.add_goal")))
	test.Type(entryWithPlaceholder(t, u, u.t("plan.goal_hint")), "Imparare l'italiano")
	test.Tap(button(t, u, u.t("plan.add_action")))
	test.Type(entryWithPlaceholder(t, u, u.t("plan.action_hint")), "Iscrizione al CPIA")
	test.Tap(button(t, u, u.t("plan.add_budget")))
	due := entryWithPlaceholder(t, u, u.t("date.hint"))
	planned := entryWithPlaceholder(t, u, u.t("plan.planned"))
	saved := func() model.Plan {
		plans, err := db.PlansOf(ctx, cases[0].ID)
		if err != nil || len(plans) != 1 {
			t.Fatalf("plans %v %v", plans, err)
		}
		return plans[0]
	}

	for _, bad := range []struct{ due, amount string }{{"31/02/2020", "150,50"}, {"20/12/2026", "abc"}} {
		due.SetText(bad.due)
		planned.SetText(bad.amount)
		test.Tap(button(t, u, u.t("plan.save_draft")))
		screen := texts(u)
		if !strings.Contains(screen, u.t("form.fix_errors")) {
			t.Errorf("%v: the refusal is not said:\n%s", bad, screen)
		}
		if len(saved().Goals) != 0 {
			t.Errorf("%v: a plan with a field it could not read was saved", bad)
		}
		due = entryWithPlaceholder(t, u, u.t("date.hint"))
		planned = entryWithPlaceholder(t, u, u.t("plan.planned"))
		if due.Text != bad.due || planned.Text != bad.amount {
			t.Errorf("the texts typed were changed: %q %q", due.Text, planned.Text)
		}
	}
	if !strings.Contains(texts(u), u.t("error.amount_typed")) {
		t.Error("the amount's field does not say what is wrong")
	}
	planned.SetText("150,50")
	if strings.Contains(texts(u), u.t("error.amount_typed")) {
		t.Error("the message stays after the amount is corrected")
	}
	test.Tap(button(t, u, u.t("plan.save_draft")))
	got := saved()
	if len(got.Goals) != 1 || got.Goals[0].Actions[0].Due != (model.PartialDate{Year: 2026, Month: 12, Day: 20}) ||
		got.Budget[0].PlannedCents != 15050 {
		t.Fatalf("saved %+v", got)
	}
	if due := entryWithPlaceholder(t, u, u.t("date.hint")); due.Text != "20/12/2026" {
		t.Errorf("the saved date shows as %q", due.Text)
	}
}
