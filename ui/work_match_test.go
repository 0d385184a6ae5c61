package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"sportello/model"
	"sportello/store"
)

// matchFixture saves an employer with an open vacancy for a farm worker
// (ISCO 6111) in Latina that asks for a B licence.
func matchFixture(t *testing.T, db *store.DB) (*model.Employer, *model.Vacancy) {
	t.Helper()
	ctx := t.Context()
	e := &model.Employer{Name: "Campi Fittizi", VATNumber: "12345670017", CCNL: "agri"}
	if err := db.SaveEmployer(ctx, e); err != nil {
		t.Fatal(err)
	}
	v := &model.Vacancy{EmployerID: e.ID, Title: "Raccolta ortaggi", ISCO: "6111", Place: "Latina", Posts: 2,
		Languages: []string{"it:A2"}, Licences: []string{"B"}, Start: testNow.AddDate(0, 1, 0), State: model.VacancyOpen}
	if err := db.SaveVacancy(ctx, v); err != nil || v.Held() {
		t.Fatalf("vacancy %+v: %v", v, err)
	}
	return e, v
}

// matchPerson saves a person with an open case in Latina and a skills
// profile of a farm worker, and, when consentTo is not 0, their consent to
// be proposed to that employer.
func matchPerson(t *testing.T, db *store.DB, family string, consentTo int64) (*model.Person, int64) {
	t.Helper()
	ctx := t.Context()
	p := &model.Person{FamilyName: family, GivenNames: "Test", Domicile: "Latina", PreferredLanguage: "en"}
	if err := db.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	cases, err := db.CasesOf(ctx, p.ID)
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases %+v %v", cases, err)
	}
	prof := &model.SkillsProfile{PersonID: p.ID, Date: testNow,
		Languages:   []model.LanguageSkill{{Language: "it", Overall: "A2"}},
		Experiences: []model.WorkExperience{{Title: "Raccolta", ISCO: "6111"}}}
	if err := db.SaveSkillsProfile(ctx, prof, 0); err != nil {
		t.Fatal(err)
	}
	if consentTo != 0 {
		c := &model.Consent{PersonID: p.ID, Purpose: model.PurposeSharing, EmployerID: consentTo, NoticeVersion: NoticeVersion,
			Language: "en", State: model.ConsentGiven, Date: testNow.Add(-time.Hour)}
		if err := db.RecordConsent(ctx, c, nil, 0); err != nil {
			t.Fatal(err)
		}
	}
	return p, cases[0].ID
}

// openCandidates opens the vacancy's candidates from its employer's page.
func openCandidates(t *testing.T, u *App, e *model.Employer) {
	t.Helper()
	openEmployers(t, u)
	test.Tap(button(t, u, e.Name))
	test.Tap(button(t, u, u.t("work_match.candidates")))
}

// A vacancy shows the persons ranked for it with each reason in the
// interface language; the one without the consent to be proposed is apart
// and says so.
func TestVacancyShowsRankedCandidates(t *testing.T) {
	u, db, _ := signedInApp(t)
	e, _ := matchFixture(t, db)
	a, _ := matchPerson(t, db, "Tesfaye", e.ID)
	b, _ := matchPerson(t, db, "Okafor", 0)
	openCandidates(t, u, e)
	s := texts(u)
	for _, want := range []string{a.DisplayName(), b.DisplayName(), u.t("work_match.needs_consent"),
		u.t("work_match.consent_lacking"),
		u.matchReason(model.MatchReason{Code: model.ReasonISCOUnit, Args: []string{"6111"}}),
		u.matchReason(model.MatchReason{Code: model.ReasonLicenceMissing, Gap: true, Args: []string{"B"},
			Action: model.MatchActions[model.ReasonLicenceMissing]})} {
		if !strings.Contains(s, want) {
			t.Errorf("the candidates do not show %q:\n%s", want, s)
		}
	}
	if strings.Index(s, a.DisplayName()) > strings.Index(s, u.t("work_match.needs_consent")) {
		t.Errorf("the candidate with the consent is not listed first:\n%s", s)
	}
}

// Proposing a person without the consent makes no proposal and offers the
// consent form; once the consent is recorded the proposal exists.
func TestProposeAsksForTheConsent(t *testing.T) {
	u, db, _ := signedInApp(t)
	e, vc := matchFixture(t, db)
	p, caseID := matchPerson(t, db, "Okafor", 0)
	openCandidates(t, u, e)
	test.Tap(button(t, u, u.t("work_match.propose")))
	if list, err := db.ProposalsOf(t.Context(), caseID); err != nil || len(list) != 0 {
		t.Fatalf("proposed without a consent: %+v (%v)", list, err)
	}
	want := u.tr.Tf("work_match.no_consent", map[string]any{"Name": p.DisplayName(), "Employer": e.Name})
	if s := overlayTexts(t, u); !strings.Contains(s, want) {
		t.Errorf("the dialog does not say the consent is lacking:\n%s", s)
	}
	overlayButton(t, u, u.t("work_match.print_consent")) // offered
	test.Tap(overlayButton(t, u, u.t("work_match.record_consent")))
	list, err := db.ProposalsOf(t.Context(), caseID)
	if err != nil || len(list) != 1 || list[0].VacancyID != vc.ID || list[0].ConsentID == 0 {
		t.Fatalf("no proposal after the consent: %+v (%v)\n%s", list, err, texts(u))
	}
	consents, _ := db.ConsentsOf(t.Context(), p.ID)
	if c, ok := model.EmployerProposalAllowed(consents, e.ID); !ok || c.Language != "en" || c.RecordedBy == 0 {
		t.Errorf("consent recorded: %+v %v", c, ok)
	}
	if !strings.Contains(texts(u), u.t("work_match.proposed")) {
		t.Errorf("the screen does not say the proposal was made:\n%s", texts(u))
	}
	// The list read again says so, and offers no second proposal.
	already := u.tr.Tf("work_match.already_proposed", map[string]any{"State": u.t("proposal_state.proposed")})
	if s := texts(u); !strings.Contains(s, already) || strings.Contains(s, u.t("work_match.propose")) {
		t.Errorf("the candidates read again do not show the proposal made:\n%s", s)
	}
}

// An operator cannot propose a person to a flagged employer: the window
// says why, and the store refuses her; a coordinator confirms and may.
func TestFlaggedEmployerProposal(t *testing.T) {
	u, db := newTestApp(t)
	e, _ := matchFixture(t, db)
	p, caseID := matchPerson(t, db, "Tesfaye", e.ID)
	if err := db.FlagEmployer(t.Context(), e.ID, model.EmployerFlag{Reason: "Paga fuori busta", Date: testNow}); err != nil {
		t.Fatal(err)
	}
	signInAs(t, u, db, "ornella", model.RoleOperator)
	var said string
	u.propose(proposeTarget{person: p, caseID: caseID, employer: e.ID}, func(s string) { said = s }, nil)
	if said != u.t("work_match.flagged_refused") {
		t.Errorf("the operator is told %q", said)
	}
	err := u.data.CreateProposal(t.Context(), &model.Proposal{CaseID: caseID, EmployerID: e.ID})
	if model.ErrorCode(err) != model.ErrFlagged {
		t.Errorf("the store let an operator propose to a flagged employer: %v", err)
	}
	if list, _ := db.ProposalsOf(t.Context(), caseID); len(list) != 0 {
		t.Fatalf("proposed: %+v", list)
	}

	u2, _, _ := signedInApp(t) // a coordinator, on another desk
	e2, _ := matchFixture(t, u2.base.(*store.DB))
	p2, case2 := matchPerson(t, u2.base.(*store.DB), "Okafor", e2.ID)
	if err := u2.base.(*store.DB).FlagEmployer(t.Context(), e2.ID, model.EmployerFlag{Reason: "Paga fuori busta", Date: testNow}); err != nil {
		t.Fatal(err)
	}
	u2.propose(proposeTarget{person: p2, caseID: case2, employer: e2.ID}, func(s string) { said = s }, nil)
	test.Tap(overlayButton(t, u2, u2.t("work_match.propose_anyway")))
	list, err := u2.data.ProposalsOf(t.Context(), case2)
	if err != nil || len(list) != 1 || !list[0].FlaggedOK {
		t.Fatalf("the coordinator's proposal: %+v (%v), said %q", list, err, said)
	}
}

// proposalFixture makes a proposal of a person to the fixture's employer
// and opens the work view's proposals tab.
func proposalFixture(t *testing.T, u *App, db *store.DB) (*model.Proposal, int64) {
	t.Helper()
	e, vc := matchFixture(t, db)
	p, caseID := matchPerson(t, db, "Tesfaye", e.ID)
	pr := &model.Proposal{CaseID: caseID, EmployerID: e.ID, VacancyID: vc.ID}
	if err := db.CreateProposal(t.Context(), pr); err != nil {
		t.Fatal(err)
	}
	w := newWorkView(u, p, caseID)
	u.home.showFromCase(p, w.build())
	w.showTab(1)
	return pr, caseID
}

// Hired is saved with the day typed, the contract and the hours; a day it
// cannot read is refused on its field and nothing is saved.
func TestHireFromTheProposalsTab(t *testing.T) {
	u, db, _ := signedInApp(t)
	pr, caseID := proposalFixture(t, u, db)
	if !strings.Contains(texts(u), "Campi Fittizi · Raccolta ortaggi") {
		t.Fatalf("the proposal is not listed:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("work_match.move_hired")))
	start, hours := u.t("work_match.start_date")+" *", u.t("work_match.weekly_hours")+" *"
	c, _ := input(t, u, u.t("work_match.contract")+" *")
	c.(*choice).setCode("fixed_term")
	typeInto(t, u, start, "31/02/2026")
	typeInto(t, u, hours, "38")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, start); got != u.t("employers.date_invalid") {
		t.Errorf("31/02/2026: the field says %q", got)
	}
	if list, _ := db.ProposalsOf(t.Context(), caseID); list[0].State != model.ProposalProposed {
		t.Fatalf("saved with a bad date: %+v", list[0])
	}
	entry(t, u, start).SetText("")
	typeInto(t, u, start, "20/12/2026")
	test.Tap(button(t, u, u.t("form.save")))
	list, err := db.ProposalsOf(t.Context(), caseID)
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	got := list[0]
	if got.ID != pr.ID || got.State != model.ProposalHired || !got.HiredFrom.Equal(time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)) ||
		got.Contract != "fixed_term" || got.WeeklyHours != 38 {
		t.Fatalf("hiring saved as %+v\n%s", got, texts(u))
	}
	if s := texts(u); !strings.Contains(s, "20/12/2026") || !strings.Contains(s, u.label("proposal_state", model.ProposalHired)) {
		t.Errorf("the hiring is not shown:\n%s", s)
	}
}

// A still-employed check due shows on Today with its answers; yes is
// recorded and the check leaves.
func TestTodayStillEmployedAnswer(t *testing.T) {
	u, db, _ := signedInApp(t)
	e, vc := matchFixture(t, db)
	_, caseID := matchPerson(t, db, "Tesfaye", e.ID)
	pr := &model.Proposal{CaseID: caseID, EmployerID: e.ID, VacancyID: vc.ID}
	if err := db.CreateProposal(t.Context(), pr); err != nil {
		t.Fatal(err)
	}
	if err := db.MoveProposal(t.Context(), pr.ID, store.ProposalMove{To: model.ProposalHired, Contract: "seasonal",
		HiredFrom: testNow.AddDate(0, 0, -30), WeeklyHours: 39}); err != nil {
		t.Fatal(err)
	}
	u.home.showToday()
	if !strings.Contains(texts(u), u.N("today.still_employed_4w", 1)) {
		t.Fatalf("no still-employed check on Today:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("work_match.answer_yes")))
	list, err := db.ProposalsOf(t.Context(), caseID)
	if err != nil || list[0].Still4Weeks != "yes" || list[0].Still6Months != "" {
		t.Fatalf("answer saved as %+v (%v)", list, err)
	}
	if hasButton(u, u.t("work_match.answer_yes")) {
		t.Error("the check answered is still on Today")
	}
}

// A gap's action goes into the plan: a first draft; when the plan is
// agreed, a new version as a draft, the agreed one unchanged.
func TestAddGapToPlan(t *testing.T) {
	u, db, _ := signedInApp(t)
	e, _ := matchFixture(t, db)
	p, caseID := matchPerson(t, db, "Tesfaye", e.ID)
	u.home.showFromCase(p, newWorkView(u, p, caseID).build())
	test.Tap(button(t, u, u.t("work_match.add_to_plan")))
	plans, err := db.PlansOf(t.Context(), caseID)
	if err != nil || len(plans) != 1 || len(plans[0].Goals) != 1 || len(plans[0].Goals[0].Actions) != 1 {
		t.Fatalf("plans %+v (%v)\n%s", plans, err, texts(u))
	}
	if !strings.Contains(texts(u), u.tr.Tf("work_match.plan_new", map[string]any{"Version": "1"})) {
		t.Errorf("the screen does not say a draft was made:\n%s", texts(u))
	}
	if err := db.AgreePlan(t.Context(), plans[0].ID, "Tesfaye Test", 0); err != nil {
		t.Fatal(err)
	}
	u.home.showFromCase(p, newWorkView(u, p, caseID).build())
	test.Tap(button(t, u, u.t("work_match.add_to_plan")))
	plans, _ = db.PlansOf(t.Context(), caseID)
	if len(plans) != 2 || plans[0].Status != model.PlanDraft || plans[1].Status != model.PlanAgreed {
		t.Fatalf("plans after the agreed one: %+v", plans)
	}
	if !strings.Contains(texts(u), u.tr.Tf("work_match.plan_new_version", map[string]any{"Version": "2"})) {
		t.Errorf("the screen does not say a new version was made:\n%s", texts(u))
	}
}

// A held vacancy is refused with its message, and no proposal is made.
func TestProposeHeldVacancyRefused(t *testing.T) {
	u, db, _ := signedInApp(t)
	e, vc := matchFixture(t, db)
	p, caseID := matchPerson(t, db, "Tesfaye", e.ID)
	vc.PayCents, vc.PayUnit, vc.WeeklyHours, vc.CCNLLevel = 320, model.PayHour, 39, "area_3"
	if err := db.SaveVacancy(t.Context(), vc); err != nil || !vc.Held() {
		t.Fatalf("not held: %+v %v", vc, err)
	}
	var said string
	u.propose(proposeTarget{person: p, caseID: caseID, employer: e.ID, vacancy: vc.ID}, func(s string) { said = s }, nil)
	if said != u.t("work_match.held_refused") {
		t.Errorf("proposing to a held vacancy says %q", said)
	}
	if list, _ := db.ProposalsOf(t.Context(), caseID); len(list) != 0 {
		t.Fatalf("proposed to a held vacancy: %+v", list)
	}
}

// From the person's matching vacancies: Propose (the consent is there),
// and the vacancy then says it was proposed, with no second Propose.
func TestProposeFromTheWorkTab(t *testing.T) {
	u, db, _ := signedInApp(t)
	e, vc := matchFixture(t, db)
	p, caseID := matchPerson(t, db, "Tesfaye", e.ID)
	w := newWorkView(u, p, caseID)
	u.home.showFromCase(p, w.build())
	test.Tap(button(t, u, u.t("work_match.propose")))
	list, err := db.ProposalsOf(t.Context(), caseID)
	if err != nil || len(list) != 1 || list[0].VacancyID != vc.ID {
		t.Fatalf("proposals %+v (%v)\n%s", list, err, texts(u))
	}
	if w.tabs.SelectedIndex() != 1 {
		t.Errorf("after proposing, tab %d is shown, not the proposals", w.tabs.SelectedIndex())
	}
	w.showTab(0)
	already := u.tr.Tf("work_match.already_proposed", map[string]any{"State": u.t("proposal_state.proposed")})
	if s := texts(u); !strings.Contains(s, already) || hasButton(u, u.t("work_match.propose")) {
		t.Errorf("the vacancy proposed does not say so:\n%s", s)
	}
}
