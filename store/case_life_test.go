package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"sportello/model"
)

// lifeFixture is a case held by an operator, with a coordinator, a second
// operator, a mediator in the case's team and a deactivated account.
type lifeFixture struct {
	d                             *DB
	caseID                        int64
	coord, op, other, med, absent *model.Operator
}

func newLifeFixture(t *testing.T) *lifeFixture {
	t.Helper()
	ctx := context.Background()
	f := &lifeFixture{d: newTestDB(t)}
	f.coord = fixtureOperator(t, f.d, "coord", model.RoleCoordinator)
	f.op = fixtureOperator(t, f.d, "op", model.RoleOperator)
	f.other = fixtureOperator(t, f.d, "other", model.RoleOperator)
	f.med = fixtureOperator(t, f.d, "med", model.RoleMediator)
	f.absent = fixtureOperator(t, f.d, "gone", model.RoleOperator)
	must(t, f.d.Deactivate(ctx, "gone", f.coord))
	_, f.caseID = fixturePerson(t, f.d, "Chiusura", model.Permit{})
	_, err := f.d.db.Exec("UPDATE cases SET opened_at = ? WHERE id = ?", formatTime(fixedNow.AddDate(-1, 0, 0)), f.caseID)
	must(t, err)
	must(t, f.d.TransferCase(ctx, f.caseID, f.op.ID, 0))
	must(t, f.d.SetCaseTeam(ctx, f.caseID, []int64{f.med.ID}, 0))
	return f
}

func closure(caseID int64, date time.Time) *model.CaseClosure {
	return &model.CaseClosure{CaseID: caseID, Date: date, Reason: "path_completed",
		Outcomes: []string{"employed", "housed"}, Contract: "permanent", Note: "contratto firmato"}
}

func TestCloseReopenCase(t *testing.T) {
	ctx := context.Background()
	f := newLifeFixture(t)
	d := f.d.As(f.op)
	at := fixedNow.AddDate(0, 0, -1)
	must(t, d.CloseCase(ctx, closure(f.caseID, at), fixedNow, f.op.ID))
	if err := d.CloseCase(ctx, closure(f.caseID, at), fixedNow, f.op.ID); model.ErrorCode(err) != model.ErrInvalid {
		t.Fatalf("closing twice: %v", err)
	}
	c := caseByID(t, f.d, f.caseID)
	if c.Status != model.CaseClosed || !c.ClosedAt.Equal(at) {
		t.Fatalf("closed case %+v", c)
	}
	must(t, d.ReopenCase(ctx, f.caseID, fixedNow, f.op.ID))
	if c := caseByID(t, f.d, f.caseID); c.Status != model.CaseOpen || !c.ClosedAt.IsZero() {
		t.Fatalf("reopened case %+v", c)
	}
	if err := d.ReopenCase(ctx, f.caseID, fixedNow, f.op.ID); model.ErrorCode(err) != model.ErrInvalid {
		t.Fatalf("reopening an open case: %v", err)
	}
	must(t, d.CloseCase(ctx, &model.CaseClosure{CaseID: f.caseID, Date: fixedNow, Reason: "lost_contact"}, fixedNow, f.op.ID))
	hist, err := d.CaseClosures(ctx, f.caseID)
	must(t, err)
	if len(hist) != 2 || hist[0].Reopened.IsZero() || !hist[1].Reopened.IsZero() ||
		!slices.Equal(hist[0].Outcomes, []string{"employed", "housed"}) || hist[0].Contract != "permanent" {
		t.Fatalf("history %+v", hist)
	}
}

func TestCloseCaseRefused(t *testing.T) {
	ctx := context.Background()
	f := newLifeFixture(t)
	for _, tc := range []struct {
		name string
		as   *model.Operator
		cl   *model.CaseClosure
		code string
	}{
		{"mediator in the team", f.med, closure(f.caseID, fixedNow), model.ErrPermission},
		{"another operator", f.other, closure(f.caseID, fixedNow), model.ErrPermission},
		{"before opening", f.op, closure(f.caseID, fixedNow.AddDate(-2, 0, 0)), model.ErrInvalid},
		{"in the future", f.op, closure(f.caseID, fixedNow.AddDate(0, 0, 1)), model.ErrFutureDate},
		{"no reason", f.op, &model.CaseClosure{CaseID: f.caseID, Date: fixedNow}, model.ErrRequired},
		{"employed without contract", f.op, &model.CaseClosure{CaseID: f.caseID, Date: fixedNow, Reason: "refused",
			Outcomes: []string{"employed"}}, model.ErrRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := f.d.As(tc.as).CloseCase(ctx, tc.cl, fixedNow, tc.as.ID)
			if got := model.ErrorCode(err); got != tc.code {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if c := caseByID(t, f.d, f.caseID); c.Status == model.CaseClosed {
				t.Fatal("the case closed")
			}
		})
	}
	must(t, f.d.As(f.coord).CloseCase(ctx, closure(f.caseID, fixedNow), fixedNow, f.coord.ID))
	if err := f.d.As(f.med).ReopenCase(ctx, f.caseID, fixedNow, f.med.ID); model.ErrorCode(err) != model.ErrPermission {
		t.Fatalf("mediator reopened: %v", err)
	}
}

func TestTransferCase(t *testing.T) {
	ctx := context.Background()
	f := newLifeFixture(t)
	for _, tc := range []struct {
		name string
		as   *model.Operator
		to   int64
		code string
	}{
		{"mediator", f.med, f.other.ID, model.ErrPermission},
		{"to a mediator", f.op, f.med.ID, model.ErrInvalid},
		{"to a deactivated account", f.op, f.absent.ID, model.ErrInvalid},
		{"to its own operator", f.op, f.op.ID, model.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := f.d.As(tc.as).TransferCase(ctx, f.caseID, tc.to, tc.as.ID); model.ErrorCode(err) != tc.code {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if c := caseByID(t, f.d, f.caseID); c.OperatorID != f.op.ID {
				t.Fatalf("operator now %d", c.OperatorID)
			}
		})
	}
	must(t, f.d.As(f.op).TransferCase(ctx, f.caseID, f.other.ID, f.op.ID))
	if c := caseByID(t, f.d, f.caseID); c.OperatorID != f.other.ID {
		t.Fatalf("operator now %d", c.OperatorID)
	}
	// The former operator no longer holds it; the coordinator still may.
	if err := f.d.As(f.op).TransferCase(ctx, f.caseID, f.op.ID, f.op.ID); err == nil {
		t.Fatal("the former operator transferred it back")
	}
	must(t, f.d.As(f.coord).TransferCase(ctx, f.caseID, f.op.ID, f.coord.ID))
}

// TestClosedCaseFollowUps: a case closed through CloseCase comes back on
// Today 6 and 12 months later.
func TestClosedCaseFollowUps(t *testing.T) {
	ctx := context.Background()
	f := newLifeFixture(t)
	must(t, f.d.CloseCase(ctx, closure(f.caseID, fixedNow), fixedNow, 0))
	for _, tc := range []struct {
		months int
		kind   model.TodayKind
	}{{6, model.TodayFollowUp6}, {12, model.TodayFollowUp12}} {
		items, err := f.d.Today(ctx, fixedNow.AddDate(0, tc.months, 0))
		must(t, err)
		if !slices.ContainsFunc(items, func(it model.TodayItem) bool { return it.Kind == tc.kind }) {
			t.Errorf("no %s after %d months: %+v", tc.kind, tc.months, items)
		}
	}
}

func caseByID(t *testing.T, d *DB, id int64) model.Case {
	t.Helper()
	var pid int64
	must(t, d.db.QueryRow("SELECT person_id FROM cases WHERE id = ?", id).Scan(&pid))
	cases, err := d.CasesOf(context.Background(), pid)
	must(t, err)
	for _, c := range cases {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no case %d", id)
	return model.Case{}
}

// TestErasureBlanksTheClosureNote: erasing the person keeps the exit data
// the indicators count and blanks the closure's note, standing and past.
func TestErasureBlanksTheClosureNote(t *testing.T) {
	ctx := context.Background()
	f := newLifeFixture(t)
	must(t, f.d.CloseCase(ctx, closure(f.caseID, fixedNow), fixedNow, 0))
	var pid int64
	must(t, f.d.db.QueryRow("SELECT person_id FROM cases WHERE id = ?", f.caseID).Scan(&pid))
	must(t, f.d.ErasePerson(ctx, pid, model.Erasure{Reason: model.ErasureConsentWithdrawn}, f.coord))
	var reason, outcomes, note, pastNote string
	must(t, f.d.db.QueryRow("SELECT exit_reason, exit_outcomes, exit_note FROM cases WHERE id = ?", f.caseID).Scan(&reason, &outcomes, &note))
	must(t, f.d.db.QueryRow("SELECT note FROM case_closures WHERE case_id = ?", f.caseID).Scan(&pastNote))
	if reason != "path_completed" || outcomes != "employed,housed" || note != "" || pastNote != "" {
		t.Fatalf("after erasure: %q %q %q %q", reason, outcomes, note, pastNote)
	}
}
