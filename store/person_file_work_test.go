package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

// The person's file (their access request) holds the way to work: the
// proposal with its employer and job offer named, the internship with its
// attendance, the enterprise path; another person's records stay out.
func TestPersonFileHoldsTheWayToWork(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	coord := fixtureOperator(t, d, "giulia", model.RoleCoordinator)
	p, caseID := fixturePerson(t, d, "Diallo", model.Permit{})
	_, otherCase := fixturePerson(t, d, "Someone Else", model.Permit{})
	e := fixtureEmployer(t, d, "Vivai Fittizi", "agri")
	v := &model.Vacancy{EmployerID: e.ID, Title: "Addetto serre", CCNL: "agri", CCNLLevel: "area_3", PayCents: 9000,
		PayUnit: model.PayDay, DailyHours: 6.5, Posts: 1}
	must(t, d.SaveVacancy(ctx, v))
	employerConsent(t, d, p.ID, e.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	must(t, d.As(coord).CreateProposal(ctx, &model.Proposal{CaseID: caseID, EmployerID: e.ID, VacancyID: v.ID}))
	in := fixtureInternship(t, d, caseID)
	must(t, d.SaveEnterprise(ctx, &model.Enterprise{CaseID: caseID, Idea: "Orto biologico"}))
	must(t, d.SaveEnterprise(ctx, &model.Enterprise{CaseID: otherCase, Idea: "Not theirs"}))

	f, err := d.PersonFile(ctx, p.ID, coord)
	must(t, err)
	c := f.Cases[0]
	if len(c.Proposals) != 1 || c.Proposals[0].VacancyID != v.ID || f.Employers[e.ID] != "Vivai Fittizi" ||
		f.Vacancies[v.ID] != "Addetto serre" {
		t.Errorf("proposals %+v, employers %v, vacancies %v", c.Proposals, f.Employers, f.Vacancies)
	}
	if len(c.Internships) != 1 || c.Internships[0].ID != in.ID || len(c.Internships[0].Attendance) != 2 ||
		f.Employers[in.EmployerID] == "" {
		t.Errorf("internships %+v", c.Internships)
	}
	if len(c.Enterprises) != 1 || c.Enterprises[0].Idea != "Orto biologico" {
		t.Errorf("enterprises %+v", c.Enterprises)
	}
}
