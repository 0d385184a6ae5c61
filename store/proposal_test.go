package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

// A proposal rests on a consent to share with that employer: none, one for
// a service, one for another employer or one withdrawn is refused; a flagged
// employer is refused but for a coordinator, audited apart; a held vacancy
// is refused to everyone until cleared.
func TestProposalConsentAndFlaggedEmployer(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	ops := opsOfEveryRole(t, d)
	person, caseID := fixturePerson(t, d, "Singh", model.Permit{})
	good := fixtureEmployer(t, d, "Vivai Fittizi", "agri")
	other := fixtureEmployer(t, d, "Altra Ditta", "agri")
	service := fixtureService(t, d, "Centro per l'impiego", model.ServiceCPI)
	op := d.As(ops[model.RoleOperator])
	propose := func(h *DB, employer, vacancy int64) (*model.Proposal, error) {
		p := &model.Proposal{CaseID: caseID, EmployerID: employer, VacancyID: vacancy}
		return p, h.CreateProposal(ctx, p)
	}
	wantCode := func(what string, err error, code string) {
		t.Helper()
		if model.ErrorCode(err) != code {
			t.Errorf("%s: %v, want %s", what, err, code)
		}
	}
	_, err := propose(op, good.ID, 0)
	wantCode("no consent", err, model.ErrNoConsent)
	fixtureConsent(t, d, person.ID, model.PurposeSharing, service, model.ConsentGiven, fixedNow.Add(-time.Hour))
	employerConsent(t, d, person.ID, other.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	_, err = propose(op, good.ID, 0)
	wantCode("consents for a service and another employer", err, model.ErrNoConsent)
	employerConsent(t, d, person.ID, good.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	p, err := propose(op, good.ID, 0)
	if err != nil || p.ConsentID == 0 || p.State != model.ProposalProposed || p.FlaggedOK {
		t.Fatalf("with consent: %v %+v", err, p)
	}
	employerConsent(t, d, person.ID, good.ID, model.ConsentWithdrawn, fixedNow)
	_, err = propose(op, good.ID, 0)
	wantCode("consent withdrawn", err, model.ErrNoConsent)

	// A flagged employer: only a coordinator, audited apart.
	must(t, d.FlagEmployer(ctx, other.ID, model.EmployerFlag{Reason: "caporale on site", Date: fixedNow}))
	for _, r := range []model.Role{model.RoleOperator, model.RoleSocialWorker, model.RoleLegalAdviser} {
		_, err = propose(d.As(ops[r]), other.ID, 0)
		wantCode(string(r)+" to a flagged employer", err, model.ErrFlagged)
	}
	p, err = propose(d.As(ops[model.RoleCoordinator]), other.ID, 0)
	if err != nil || !p.FlaggedOK {
		t.Fatalf("a coordinator to a flagged employer: %v %+v", err, p)
	}
	events, err := d.AuditTrail(ctx, "proposal", p.ID)
	must(t, err)
	if !hasAction(events, ActionFlaggedEmployer) {
		t.Errorf("not audited apart: %+v", events)
	}

	// A held vacancy: refused to everyone until cleared.
	employerConsent(t, d, person.ID, good.ID, model.ConsentGiven, fixedNow.Add(time.Minute))
	v := &model.Vacancy{EmployerID: good.ID, Title: "Serre", CCNL: "agri", CCNLLevel: "area_3", PayCents: 3000,
		PayUnit: model.PayDay, DailyHours: 10, Posts: 2}
	must(t, d.SaveVacancy(ctx, v))
	for _, r := range []model.Role{model.RoleOperator, model.RoleCoordinator} {
		_, err = propose(d.As(ops[r]), good.ID, v.ID)
		wantCode(string(r)+" to a held vacancy", err, model.ErrFlagged)
	}
	must(t, d.ClearVacancy(ctx, v.ID, "board and lodging paid on top, checked"))
	if _, err := propose(op, good.ID, v.ID); err != nil {
		t.Errorf("a cleared vacancy: %v", err)
	}
	_, err = propose(op, other.ID, v.ID)
	wantCode("another employer's vacancy", err, model.ErrFlagged) // flagged comes first
	_, err = propose(d.As(ops[model.RoleCoordinator]), other.ID, v.ID)
	wantCode("another employer's vacancy", err, model.ErrNotFound)
	// A mediator never proposes; an unassigned one does not even read.
	_, err = propose(d.As(ops[model.RoleMediator]), good.ID, 0)
	if !refused(t, err) {
		t.Errorf("a mediator proposed: %v", err)
	}
	if _, err := d.As(ops[model.RoleMediator]).ProposalsOf(ctx, caseID); model.ErrorCode(err) != model.ErrNotAssigned {
		t.Errorf("an unassigned mediator read the proposals: %v", err)
	}
}

func hasAction(events []model.AuditEvent, action string) bool {
	for _, e := range events {
		if e.Action == action {
			return true
		}
	}
	return false
}

// A hiring records its contract, start and hours; the still-employed checks
// come on Today a week before 4 weeks and 6 months, stay until answered,
// and only for the roles that read the work part of an assigned file.
func TestHiringFollowUpsOnToday(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	ops := opsOfEveryRole(t, d)
	person, caseID := fixturePerson(t, d, "Kaur", model.Permit{})
	e := fixtureEmployer(t, d, "Logistica Fittizia", "logistics")
	employerConsent(t, d, person.ID, e.ID, model.ConsentGiven, fixedNow.Add(-time.Hour))
	p := &model.Proposal{CaseID: caseID, EmployerID: e.ID}
	must(t, d.CreateProposal(ctx, p))
	must(t, d.MoveProposal(ctx, p.ID, ProposalMove{To: model.ProposalInterview}))
	if err := d.MoveProposal(ctx, p.ID, ProposalMove{To: model.ProposalHired}); model.ErrorCode(err) != model.ErrRequired {
		t.Errorf("hired without the contract: %v", err)
	}
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	must(t, d.MoveProposal(ctx, p.ID, ProposalMove{To: model.ProposalHired, Contract: "fixed_term", HiredFrom: start,
		WeeklyHours: 39, Outcome: "magazzino, turno di giorno"}))
	list, err := d.ProposalsOf(ctx, caseID)
	must(t, err)
	if got := list[0]; got.State != model.ProposalHired || !got.HiredFrom.Equal(start) || got.WeeklyHours != 39 ||
		got.Contract != "fixed_term" || got.DecidedAt.IsZero() || got.InterviewAt.IsZero() {
		t.Errorf("hiring: %+v", got)
	}
	kinds := func(h *DB, now time.Time) (out []model.TodayKind) {
		items, err := h.Today(ctx, now)
		must(t, err)
		for _, it := range items {
			if it.Kind == model.TodayStillEmployed4w || it.Kind == model.TodayStillEmployed6m {
				out = append(out, it.Kind)
				if it.PersonID != person.ID || it.Name == "" || it.ProposalID != p.ID {
					t.Errorf("item %+v", it)
				}
			}
		}
		return out
	}
	on := func(m time.Month, dd int) time.Time { return time.Date(2026, m, dd, 9, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		now  time.Time
		want int
	}{{on(3, 20), 0}, {on(3, 23), 1}, {on(4, 20), 1}, {on(8, 25), 1}, {on(8, 26), 2}} {
		if got := kinds(d, c.now); len(got) != c.want {
			t.Errorf("on %s: %v, want %d items", c.now.Format(time.DateOnly), got, c.want)
		}
	}
	must(t, d.RecordStillEmployed(ctx, p.ID, model.Check4Weeks, true))
	if got := kinds(d, on(9, 5)); len(got) != 1 || got[0] != model.TodayStillEmployed6m {
		t.Errorf("after the 4-week answer: %v", got)
	}
	if got := kinds(d.As(ops[model.RoleMediator]), on(9, 5)); len(got) != 0 {
		t.Errorf("an unassigned mediator sees %v", got)
	}
	if got := kinds(d.As(ops[model.RoleSocialWorker]), on(9, 5)); len(got) != 1 {
		t.Errorf("a social worker sees %v", got)
	}
	must(t, d.RecordStillEmployed(ctx, p.ID, model.Check6Months, false))
	if got := kinds(d, on(9, 5)); len(got) != 0 {
		t.Errorf("answered, still there: %v", got)
	}
	if err := d.As(ops[model.RoleMediator]).RecordStillEmployed(ctx, p.ID, model.Check6Months, true); !refused(t, err) {
		t.Errorf("a mediator answered: %v", err)
	}
}
