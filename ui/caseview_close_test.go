package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

func caseOf(t *testing.T, u *App, personID int64) model.Case {
	t.Helper()
	cases, err := u.db.(interface {
		CasesOf(context.Context, int64) ([]model.Case, error)
	}).CasesOf(context.Background(), personID)
	if err != nil || len(cases) == 0 {
		t.Fatal(cases, err)
	}
	return cases[0]
}

// A coordinator closes a case from its view: an impossible date is refused
// on its field with nothing saved; a right one closes it with its exit
// data, shown on the case; Riapri opens it again; Trasferisci passes it on.
func TestCloseReopenTransferCase(t *testing.T) {
	u, db, giulia := signedInApp(t)
	ctx := context.Background()
	other := &model.Operator{Username: "marco", FullName: "Marco Rinaldi", Role: model.RoleOperator}
	if err := db.CreateOperator(ctx, other, "sportello-test", 0); err != nil {
		t.Fatal(err)
	}
	p := &model.Person{FamilyName: "Diallo", GivenNames: "Aminata"}
	if err := db.CreatePerson(ctx, p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	u.home.onOpenPerson(p.ID)
	test.Tap(button(t, u, u.t("case_life.close")))

	date := entry(t, u, u.t("case_life.date"))
	date.SetText("")
	typeInto(t, u, u.t("case_life.date"), "31/02/2026")
	reason, _ := input(t, u, u.t("case_life.reason"))
	reason.(*widget.Select).SetSelectedIndex(0)
	test.Tap(button(t, u, u.t("case_life.close")))
	if msg := fieldError(t, u, u.t("case_life.date")); msg != u.t("error."+model.ErrDateInvalid) {
		t.Fatalf("31/02/2026: the date field says %q", msg)
	}
	if c := caseOf(t, u, p.ID); c.Status == model.CaseClosed {
		t.Fatal("an impossible date closed the case")
	}

	date.SetText("14/03/2026") // the test clock's day, the day the case opened
	outs, _ := input(t, u, u.t("case_life.outcomes"))
	outs.(*widget.CheckGroup).SetSelected([]string{model.ExitOutcomes[0].Label("it")})
	test.Tap(button(t, u, u.t("case_life.close")))
	if msg := fieldError(t, u, u.t("case_life.contract")); msg == "" {
		t.Fatal("employed without a contract type was not refused on its field")
	}
	contract, _ := input(t, u, u.t("case_life.contract"))
	contract.(*widget.Select).SetSelectedIndex(0)
	test.Tap(button(t, u, u.t("case_life.close")))
	c := caseOf(t, u, p.ID)
	if c.Status != model.CaseClosed || c.ExitReason != model.ClosingReasons[0].Code || c.ExitContract != model.ContractTypes[0].Code {
		t.Fatalf("after closing: %+v\n%s", c, texts(u))
	}
	if !strings.Contains(texts(u), model.ClosingReasons[0].Label("it")) {
		t.Fatalf("the case does not show its closure:\n%s", texts(u))
	}

	test.Tap(button(t, u, u.t("case_life.reopen")))
	if c := caseOf(t, u, p.ID); c.Status != model.CaseOpen {
		t.Fatalf("after reopening: %+v", c)
	}

	test.Tap(button(t, u, u.t("case_life.transfer")))
	to, _ := input(t, u, u.t("case_life.transfer_to"))
	to.(*widget.Select).SetSelected("Marco Rinaldi (" + u.label("role", model.RoleOperator) + ")")
	test.Tap(button(t, u, u.t("case_life.transfer")))
	if c := caseOf(t, u, p.ID); c.OperatorID != other.ID {
		t.Fatalf("after the transfer: %+v", c)
	}
}

// A mediator in the case's team sees no close button, and the store
// refuses her the closing all the same.
func TestMediatorCannotCloseCase(t *testing.T) {
	u, db := newTestApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Sow", GivenNames: "Fatou"}
	if err := db.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	med := signInAs(t, u, db, "amina", model.RoleMediator)
	c := caseOf(t, &App{db: db}, p.ID)
	if err := db.SetCaseTeam(ctx, c.ID, []int64{med.ID}, 0); err != nil {
		t.Fatal(err)
	}
	u.home.onOpenPerson(p.ID)
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && (b.Text == u.t("case_life.close") || b.Text == u.t("case_life.transfer")) {
			t.Fatalf("a mediator sees %q", b.Text)
		}
	}
	err := db.As(med).CloseCase(ctx, &model.CaseClosure{CaseID: c.ID, Date: testNow, Reason: "refused"}, testNow, med.ID)
	if model.ErrorCode(err) != model.ErrPermission {
		t.Fatalf("the store let a mediator close: %v", err)
	}
}
