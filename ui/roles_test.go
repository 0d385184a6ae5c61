package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// signInAs signs a new account of the role in, on a fresh test window.
func signInAs(t *testing.T, u *App, db *store.DB, username string, role model.Role) *model.Operator {
	t.Helper()
	op := &model.Operator{Username: username, FullName: "Test " + username, Role: role}
	if err := db.CreateOperator(t.Context(), op, "sportello-test", 0); err != nil {
		t.Fatal(err)
	}
	u.Start()
	typeInto(t, u, u.t("login.username"), username)
	typeInto(t, u, u.t("login.password"), "sportello-test")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op == nil {
		t.Fatalf("not signed in; screen says:\n%s", texts(u))
	}
	return op
}

// A mediator signed in works through the store bound to her: she finds only
// the person whose case team she is in, opens that file without the parts
// her role does not see (and is told which), and has no way to register,
// edit, exchange or change the team.
func TestMediatorWindow(t *testing.T) {
	u, db := newTestApp(t)
	ctx := t.Context()
	mine := &model.Person{FamilyName: "Benali", GivenNames: "Khadija"}
	other := &model.Person{FamilyName: "Hossain", GivenNames: "Rahim"}
	for _, p := range []*model.Person{mine, other} {
		if err := db.CreatePerson(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
	}
	op := signInAs(t, u, db, "samira", model.RoleMediator)
	cases, _ := db.CasesOf(ctx, mine.ID)
	if err := db.SetCaseTeam(ctx, cases[0].ID, []int64{op.ID}, 0); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op) // the list again, now that she is in the team
	if u.home.list.total != 1 {
		t.Fatalf("the mediator's list has %d persons, want her one", u.home.list.total)
	}
	openRow(t, u, "BENALI Khadija")
	screen := texts(u)
	if !strings.Contains(screen, u.label("part", model.PartScreening)) || strings.Contains(screen, u.t("error.unexpected")) {
		t.Errorf("the withheld parts are not said, or an error shows:\n%s", screen)
	}
	for _, b := range []string{u.t("case.edit"), u.t("home.register"), u.t("exchange.button"), u.t("case.team_edit")} {
		if hasButton(u, b) {
			t.Errorf("a mediator is offered %q", b)
		}
	}
	// The store, not the screen, refuses the rest: another person's file.
	if _, err := u.db.Person(ctx, other.ID); model.ErrorCode(err) != model.ErrNotAssigned {
		t.Errorf("another person's file through the window's store: %v", err)
	}
	if got := u.errText(model.DeniedPart(model.PartHealth, false)); !strings.Contains(got, u.label("part", model.PartHealth)) ||
		!strings.Contains(got, u.label("role", model.RoleMediator)) {
		t.Errorf("a refusal does not name the part and the role: %q", got)
	}
}

// An operator puts a mediator in a case's team from the case view.
func TestOperatorSetsTheTeam(t *testing.T) {
	u, db := newTestApp(t)
	ctx := t.Context()
	p := &model.Person{FamilyName: "Benali", GivenNames: "Khadija"}
	if err := db.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	mediator := &model.Operator{Username: "samira", FullName: "Samira Belkacem", Role: model.RoleMediator}
	if err := db.CreateOperator(ctx, mediator, "sportello-test", 0); err != nil {
		t.Fatal(err)
	}
	signInAs(t, u, db, "marco", model.RoleOperator)
	openRow(t, u, "BENALI Khadija")
	test.Tap(button(t, u, u.t("case.team_edit")))
	var group *widget.CheckGroup
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if g, ok := o.(*widget.CheckGroup); ok {
			group = g
		}
	}
	if group == nil {
		t.Fatal("no team dialog")
	}
	group.SetSelected([]string{"Samira Belkacem (" + u.label("role", model.RoleMediator) + ")"})
	test.Tap(button2(t, u, u.t("form.save")))
	cases, _ := db.CasesOf(ctx, p.ID)
	if len(cases[0].Team) != 1 || cases[0].Team[0] != mediator.ID {
		t.Errorf("team %v", cases[0].Team)
	}
	if !strings.Contains(texts(u), "Samira Belkacem") {
		t.Errorf("the case view does not name the team:\n%s", texts(u))
	}
}

// button2 finds a button in the top overlay (a dialog).
func button2(t *testing.T, u *App, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog", text)
	return nil
}
