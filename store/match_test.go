package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"sportello/model"
)

// matchPerson makes a person with an open case and a skills profile of
// the jobs (ISCO-08 codes) given, living in place.
func matchPerson(t *testing.T, d *DB, family, place string, isco ...string) (*model.Person, int64) {
	t.Helper()
	p, caseID := fixturePerson(t, d, family, model.Permit{})
	if place != "" {
		_, err := d.db.Exec("UPDATE persons SET domicile = ? WHERE id = ?", place, p.ID)
		must(t, err)
	}
	prof := &model.SkillsProfile{PersonID: p.ID, Date: fixedNow,
		Languages: []model.LanguageSkill{{Language: "it", Overall: "A2"}}}
	for _, code := range isco {
		prof.Experiences = append(prof.Experiences, model.WorkExperience{Title: "job " + code, ISCO: code})
	}
	must(t, d.SaveSkillsProfile(context.Background(), prof, 0))
	return p, caseID
}

func matchIDs(ms []model.Match, person bool) []int64 {
	var out []int64
	for _, m := range ms {
		if person {
			out = append(out, m.PersonID)
		} else {
			out = append(out, m.VacancyID)
		}
	}
	return out
}

// Matching both ways: the persons with an open case ranked, those without
// the consent to be proposed to that employer apart; a closed case, a
// flagged employer and a held vacancy never proposed; a mediator sees only
// the cases assigned to them.
func TestMatchCandidatesAndVacancies(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	ops := opsOfEveryRole(t, d)
	farm := fixtureEmployer(t, d, "Campi Fittizi", "agri")
	bad := fixtureEmployer(t, d, "Caporali Fittizi", "agri")
	unit, _ := matchPerson(t, d, "Unit", "Latina", "6111")
	group, groupCase := matchPerson(t, d, "Group", "Fondi", "6112")
	noConsent, _ := matchPerson(t, d, "Waiting", "Latina", "6111")
	closed, closedCase := matchPerson(t, d, "Closed", "Latina", "6111")
	matchPerson(t, d, "Other", "Latina", "5120")
	_, err := d.db.Exec("UPDATE cases SET status = 'closed' WHERE id = ?", closedCase)
	must(t, err)
	for _, id := range []int64{unit.ID, group.ID, closed.ID} {
		employerConsent(t, d, id, farm.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	}
	employerConsent(t, d, unit.ID, bad.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))

	v := &model.Vacancy{EmployerID: farm.ID, Title: "Raccolta", ISCO: "6111", Place: "Latina", Posts: 2,
		Languages: []string{"it:A2"}, Start: fixedNow.AddDate(0, 1, 0)}
	must(t, d.SaveVacancy(ctx, v))
	if v.Held() {
		t.Fatalf("fixture vacancy held: %+v", v.Breaches)
	}
	got, err := d.As(ops[model.RoleOperator]).CandidatesFor(ctx, v.ID)
	must(t, err)
	if ids := matchIDs(got.Proposable, true); !slices.Equal(ids, []int64{unit.ID, group.ID}) || got.Excluded != "" {
		t.Errorf("proposable %v, want %v", ids, []int64{unit.ID, group.ID})
	}
	if ids := matchIDs(got.NeedsConsent, true); !slices.Equal(ids, []int64{noConsent.ID}) {
		t.Errorf("needing consent %v, want %v", ids, []int64{noConsent.ID})
	}

	// A mediator: only the cases they are assigned to.
	med := ops[model.RoleMediator]
	must(t, d.SetCaseTeam(ctx, groupCase, []int64{med.ID}, 0))
	got, err = d.As(med).CandidatesFor(ctx, v.ID)
	must(t, err)
	if ids := matchIDs(append(got.Proposable, got.NeedsConsent...), true); !slices.Equal(ids, []int64{group.ID}) {
		t.Errorf("a mediator sees %v, want only %d", ids, group.ID)
	}
	if _, err := d.As(med).VacanciesFor(ctx, unit.ID); !refused(t, err) {
		t.Errorf("a mediator matched a case not assigned: %v", err)
	}
	if _, err := d.As(med).VacanciesFor(ctx, group.ID); err != nil {
		t.Errorf("a mediator on an assigned case: %v", err)
	}

	// The other way, with a flagged employer's vacancy and a held one.
	bv := &model.Vacancy{EmployerID: bad.ID, Title: "Raccolta", ISCO: "6111", Place: "Latina", Posts: 1}
	must(t, d.SaveVacancy(ctx, bv))
	must(t, d.FlagEmployer(ctx, bad.ID, model.EmployerFlag{Reason: "caporale on site", Date: fixedNow}))
	held := &model.Vacancy{EmployerID: farm.ID, Title: "Serre", ISCO: "6111", CCNL: "agri", CCNLLevel: "area_3",
		PayCents: 3000, PayUnit: model.PayDay, DailyHours: 10, Posts: 1}
	must(t, d.SaveVacancy(ctx, held))
	if !held.Held() {
		t.Fatal("fixture vacancy not held")
	}
	mine, err := d.VacanciesFor(ctx, unit.ID)
	must(t, err)
	if ids := matchIDs(mine.Proposable, false); !slices.Equal(ids, []int64{v.ID}) || len(mine.NeedsConsent) != 0 {
		t.Errorf("vacancies %v (needing consent %v), want only %d", ids, matchIDs(mine.NeedsConsent, false), v.ID)
	}
	for _, tc := range []struct {
		id   int64
		want string
	}{{bv.ID, ExcludedFlagged}, {held.ID, ExcludedHeld}} {
		got, err := d.CandidatesFor(ctx, tc.id)
		must(t, err)
		if got.Excluded != tc.want || len(got.Proposable)+len(got.NeedsConsent) != 0 {
			t.Errorf("vacancy %d: %+v, want excluded %s", tc.id, got, tc.want)
		}
	}
	must(t, d.ClearVacancy(ctx, held.ID, "board and lodging paid on top, checked"))
	mine, err = d.VacanciesFor(ctx, unit.ID)
	must(t, err)
	if ids := matchIDs(mine.Proposable, false); !slices.Equal(ids, []int64{v.ID, held.ID}) {
		t.Errorf("after clearing: %v", ids)
	}
	if none, err := d.VacanciesFor(ctx, closed.ID); err != nil || len(none.Proposable)+len(none.NeedsConsent) != 0 {
		t.Errorf("a closed case matched: %+v %v", none, err)
	}
}

// The candidates kept between rankings follow the desk: a person newly
// profiled, a new version of a profile, a domicile changed and a case
// closed show at the next ranking; a consent to one employer never marks
// the candidates of another's vacancy.
func TestCandidatesFollowChanges(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	farm := fixtureEmployer(t, d, "Campi Fittizi", "agri")
	other := fixtureEmployer(t, d, "Serre Fittizie", "agri")
	first, firstCase := matchPerson(t, d, "First", "Latina", "6111")
	employerConsent(t, d, first.ID, farm.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	v := &model.Vacancy{EmployerID: farm.ID, Title: "Raccolta", ISCO: "6111", Place: "Latina", Posts: 1}
	must(t, d.SaveVacancy(ctx, v))
	w := &model.Vacancy{EmployerID: other.ID, Title: "Serre", ISCO: "6111", Place: "Latina", Posts: 1}
	must(t, d.SaveVacancy(ctx, w))
	rank := func(id int64) *Matches {
		t.Helper()
		m, err := d.CandidatesFor(ctx, id)
		must(t, err)
		return m
	}
	before := rank(v.ID)
	if ids := matchIDs(before.Proposable, true); !slices.Equal(ids, []int64{first.ID}) {
		t.Fatalf("proposable %v, want %d", ids, first.ID)
	}
	if m := rank(w.ID); len(m.Proposable) != 0 || !slices.Equal(matchIDs(m.NeedsConsent, true), []int64{first.ID}) {
		t.Errorf("the consent to one employer counted for another: %+v", m)
	}

	second, _ := matchPerson(t, d, "Second", "Latina", "6111")
	if ids := matchIDs(rank(v.ID).NeedsConsent, true); !slices.Equal(ids, []int64{second.ID}) {
		t.Errorf("a person newly profiled: needing consent %v, want %d", ids, second.ID)
	}
	_, err := d.db.Exec("UPDATE persons SET domicile = 'Bolzano' WHERE id = ?", first.ID)
	must(t, err)
	if moved := rank(v.ID); len(moved.Proposable) != 1 || moved.Proposable[0].Score >= before.Proposable[0].Score {
		t.Errorf("moving away did not lower the score: %+v, before %+v", moved.Proposable, before.Proposable)
	}
	prof := &model.SkillsProfile{PersonID: first.ID, Date: fixedNow,
		Experiences: []model.WorkExperience{{Title: "cook", ISCO: "5120"}}}
	must(t, d.SaveSkillsProfile(ctx, prof, 0))
	if m := rank(v.ID); len(m.Proposable) == 1 && m.Proposable[0].Score >= before.Proposable[0].Score {
		t.Errorf("a new profile version (another trade) kept the old score: %+v", m.Proposable)
	}
	_, err = d.db.Exec("UPDATE cases SET status = 'closed' WHERE id = ?", firstCase)
	must(t, err)
	if ids := matchIDs(rank(v.ID).Proposable, true); len(ids) != 0 {
		t.Errorf("a closed case is still proposed: %v", ids)
	}
}
