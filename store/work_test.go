package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"sportello/model"
)

// The work part joins the role matrix of access_test.go: each role reads
// and writes it in an assigned file as model.AccessMatrix says.
func init() {
	readProbes[model.PartWork] = func(t *testing.T, f *accessFixture, d *DB) bool {
		in := fixtureInternship(t, f.d, f.caseID)
		list, err := d.InternshipsOf(context.Background(), f.caseID)
		return !refused(t, err) && len(list) == 1 && list[0].ID == in.ID && len(list[0].Attendance) == 2
	}
	writeProbes[model.PartWork] = func(t *testing.T, f *accessFixture, d *DB) bool {
		e := fixtureEmployer(t, f.d, "Probe "+time.Now().Format(time.RFC3339Nano), "")
		employerConsent(t, f.d, f.person.ID, e.ID, model.ConsentGiven, fixedNow)
		return !refused(t, d.CreateProposal(context.Background(), &model.Proposal{CaseID: f.caseID, EmployerID: e.ID}))
	}
}

func fixtureInternship(t *testing.T, d *DB, caseID int64) *model.Internship {
	t.Helper()
	e := fixtureEmployer(t, d, "Ospite "+time.Now().Format(time.RFC3339Nano), "food")
	in := &model.Internship{CaseID: caseID, EmployerID: e.ID, Tutor: "Tutor Fittizio", DeskTutor: "Operatrice",
		Start: time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 7, 11, 0, 0, 0, 0, time.UTC),
		WeeklyHours: 30, AllowanceCents: 60000, PlannedCents: 360000, Attendance: []model.Attendance{
			{Month: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Hours: 80, PaidCents: 40000, Note: "started mid-month"},
			{Month: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Hours: 120, PaidCents: 60000}}}
	must(t, d.SaveInternship(context.Background(), in))
	return in
}

func TestInternshipAndEnterpriseRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	_, caseID := fixturePerson(t, d, "Diallo", model.Permit{})
	in := fixtureInternship(t, d, caseID)
	list, err := d.InternshipsOf(ctx, caseID)
	must(t, err)
	got := list[0]
	if got.Paid() != 100000 || got.Tutor != "Tutor Fittizio" || !got.End.Equal(in.End) || got.Attendance[0].Note != "started mid-month" {
		t.Errorf("internship: %+v", got)
	}
	got.Attendance = append(got.Attendance, model.Attendance{Month: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Hours: 110, PaidCents: 60000})
	got.Outcome = model.InternshipHired
	must(t, d.SaveInternship(ctx, &got))
	list, _ = d.InternshipsOf(ctx, caseID)
	if list[0].Paid() != 160000 || len(list[0].Attendance) != 3 || list[0].Outcome != model.InternshipHired {
		t.Errorf("after a month more: %+v", list[0])
	}
	other := fixtureEmployer(t, d, "Segnalata", "")
	must(t, d.FlagEmployer(ctx, other.ID, model.EmployerFlag{Reason: "reported", Date: fixedNow}))
	op := fixtureOperator(t, d, "op", model.RoleOperator)
	bad := *in
	bad.ID, bad.EmployerID, bad.Attendance = 0, other.ID, nil
	if err := d.As(op).SaveInternship(ctx, &bad); model.ErrorCode(err) != model.ErrFlagged {
		t.Errorf("an internship with a flagged host: %v", err)
	}

	e := &model.Enterprise{CaseID: caseID, Idea: "Sartoria e riparazioni", Steps: []model.SupportStep{
		{What: "corso di gestione d'impresa", Date: fixedNow, Done: true}, {What: "business plan"}},
		Applications: []model.FundingApplication{{Kind: model.FundingMicrocredit, Body: "Ente fittizio", AmountCents: 1500000,
			State: model.FundingSubmitted, Date: fixedNow}}}
	must(t, d.SaveEnterprise(ctx, e))
	e.RegisteredAt, e.LegalForm, e.Ateco, e.VATNumber, e.Name = fixedNow, "ditta_individuale", "95.29", "76543211205", "Sartoria Fittizia"
	e.Applications[0].State = model.FundingGranted
	must(t, d.SaveEnterprise(ctx, e))
	ents, err := d.EnterprisesOf(ctx, caseID)
	must(t, err)
	if g := ents[0]; !g.Registered() || len(g.Steps) != 2 || !g.Steps[0].Done || g.Applications[0].State != model.FundingGranted ||
		g.VATNumber != "76543211205" {
		t.Errorf("enterprise: %+v", g)
	}
}

// Erasing a person blanks the free text of the work part and keeps what
// the indicators count.
func TestErasureBlanksTheWorkPart(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	person, caseID := fixturePerson(t, d, "Cancellata", model.Permit{})
	e := fixtureEmployer(t, d, "Datore Fittizio", "tourism")
	employerConsent(t, d, person.ID, e.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	p := &model.Proposal{CaseID: caseID, EmployerID: e.ID, Outcome: "asked about the person's family"}
	must(t, d.CreateProposal(ctx, p))
	must(t, d.MoveProposal(ctx, p.ID, ProposalMove{To: model.ProposalHired, Contract: "seasonal", HiredFrom: fixedNow, WeeklyHours: 40}))
	fixtureInternship(t, d, caseID)
	ent := &model.Enterprise{CaseID: caseID, Idea: "Kebab di via Fittizia", Name: "Da Cancellata", VATNumber: "76543211205",
		Steps: []model.SupportStep{{What: "mentoring"}}}
	must(t, d.SaveEnterprise(ctx, ent))
	must(t, d.ErasePerson(ctx, person.ID, model.Erasure{Reason: model.ErasureConsentWithdrawn}, coord))

	props, err := d.ProposalsOf(ctx, caseID)
	must(t, err)
	if props[0].Outcome != "" || props[0].State != model.ProposalHired || props[0].Contract != "seasonal" {
		t.Errorf("proposal after erasure: %+v", props[0])
	}
	ins, _ := d.InternshipsOf(ctx, caseID)
	if ins[0].Attendance[0].Note != "" || ins[0].Paid() != 100000 {
		t.Errorf("internship after erasure: %+v", ins[0])
	}
	ents, _ := d.EnterprisesOf(ctx, caseID)
	if g := ents[0]; g.Idea != "" || g.Name != "" || g.VATNumber != "" || g.Steps[0].What != "" {
		t.Errorf("enterprise after erasure: %+v", g)
	}
	if err := d.CreateProposal(ctx, &model.Proposal{CaseID: caseID, EmployerID: e.ID}); model.ErrorCode(err) != model.ErrErased {
		t.Errorf("a proposal for a person erased: %v", err)
	}
	if items, _ := d.Today(ctx, fixedNow.AddDate(0, 1, 0)); len(items) != 0 {
		t.Errorf("today lists an erased person: %+v", items)
	}
}

// undoEmployers takes a database back from migration 0008, for the tests
// that rewind a desk to an earlier schema by hand and open it again.
var undoEmployers = append(slices.Clone(undoMatchGeneration),
	"DROP TABLE enterprise_funding", "DROP TABLE enterprise_steps", "DROP TABLE enterprises",
	"DROP TABLE internship_attendance", "DROP TABLE internships", "DROP TABLE proposals",
	"DROP TRIGGER IF EXISTS consents_no_update", "ALTER TABLE consents DROP COLUMN employer_id",
	"CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents BEGIN SELECT RAISE(ABORT, 'consents cannot be changed'); END",
	"DROP TABLE ccnl_levels", "DROP TABLE vacancies", "DROP TABLE employer_flags", "DROP TABLE employers",
)

// undoWindowIndexes takes a database back from migration 0017 (and 0019,
// whose index 0018's rebuild of the full-text index leaves alone).
var undoWindowIndexes = []string{"DROP INDEX persons_sort_keys", "DROP INDEX cases_by_operator", "DROP INDEX case_team_by_operator",
	"DROP INDEX plan_actions_last_day", "DROP INDEX referrals_sent_last_day"}

// undoTodayIndexes takes a database back from migration 0016 (and 0017 after it).
var undoTodayIndexes = append(slices.Clone(undoWindowIndexes), "DROP INDEX persons_permit_due", "DROP INDEX cases_closed_at",
	"DROP INDEX plan_actions_due", "DROP INDEX proposals_checks_due", "DROP TRIGGER plan_reviews_insert",
	"DROP TRIGGER plan_reviews_update", "DROP TABLE plan_reviews")

// undoDeskLanguages takes a database back from migration 0015 (and 0016 after it).
var undoDeskLanguages = append(slices.Clone(undoTodayIndexes), "DROP TABLE desk_languages")

// undoTexts takes a database back from migration 0014 (and 0015 after it).
var undoTexts = append(slices.Clone(undoDeskLanguages), "DROP TABLE text_corrections", "DROP TABLE text_reviews")

// undoDuplicates takes a database back from migration 0013 (and 0014 after
// it; without the triggers 0013 made anew, which it makes again).
var undoDuplicates = append(slices.Clone(undoTexts),
	"DROP TRIGGER consents_no_update", "DROP TRIGGER skills_profiles_no_update", "DROP TABLE person_keys",
	"DROP TABLE not_duplicates", "DROP TABLE person_merges", "DROP TABLE person_merging",
)

// undoIndicatorFacts takes a database back from migration 0012 (and 0013
// after it).
var undoIndicatorFacts = append(slices.Clone(undoDuplicates),
	"DROP TRIGGER skills_facts_insert", "DROP TRIGGER person_facts_housing_i", "DROP TRIGGER person_facts_housing_u",
	"DROP VIEW skills_facts_of", "DROP TABLE skills_facts", "DROP TABLE person_facts", "DROP INDEX persons_by_created",
	"DROP INDEX persons_breakdowns", "DROP INDEX cases_by_opened", "DROP INDEX cases_by_closed", "DROP INDEX plans_by_agreed", "DROP INDEX plan_goals_areas",
	"ALTER TABLE desks DROP COLUMN case_prefix",
)

// undoCaseClosure takes a database back from migration 0011 (and 0012 after it).
var undoCaseClosure = append(slices.Clone(undoIndicatorFacts),
	"DROP TRIGGER case_closures_change_i", "DROP TRIGGER case_closures_change_u", "DROP TABLE case_closures",
	"ALTER TABLE cases DROP COLUMN exit_reason", "ALTER TABLE cases DROP COLUMN exit_outcomes",
	"ALTER TABLE cases DROP COLUMN exit_contract", "ALTER TABLE cases DROP COLUMN exit_note",
)

// undoMatchGeneration takes a database back from migration 0010 (and 0011
// after it).
var undoMatchGeneration = append(slices.Clone(undoCaseClosure),
	"DROP TRIGGER match_gen_profile_insert", "DROP TRIGGER match_gen_profile_update", "DROP TRIGGER match_gen_person_update",
	"DROP TRIGGER match_gen_person_delete", "DROP TRIGGER match_gen_case_insert", "DROP TRIGGER match_gen_case_update",
	"DROP TRIGGER match_gen_case_delete", "DROP TABLE match_generation", "DROP INDEX consents_by_employer",
)
