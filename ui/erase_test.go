package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// overlayTexts joins the visible labels of the dialog on top.
func overlayTexts(t *testing.T, u *App) string {
	t.Helper()
	var b strings.Builder
	for _, o := range overlay(t, u) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// A coordinator erases a person from the case view: the case code must be
// typed, a reason other than the listed ones needs a note; afterwards the
// file shows the erasure and no personal data, and the name finds nobody.
func TestCoordinatorErasesAPerson(t *testing.T) {
	u, db, giulia := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Okafor", GivenNames: "Grace", Phone: "333 1234567", Sex: model.SexFemale,
		BirthDate: model.PartialDate{Year: 1990, Month: 5, Day: 2}, BirthCountry: "NG"}
	if err := db.CreatePerson(ctx, p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	u.home.onOpenPerson(p.ID)
	test.Tap(button(t, u, u.t("erase.action")))
	if !strings.Contains(overlayTexts(t, u), u.tr.Tf("erase.warning", map[string]any{"Code": p.CaseCode})) {
		t.Fatalf("the dialog does not say what is removed and kept:\n%s", overlayTexts(t, u))
	}
	var reason *choice
	var confirm *widget.Entry
	for _, o := range overlay(t, u) {
		switch w := o.(type) {
		case *choice:
			reason = w
		case *widget.Entry:
			if w.PlaceHolder == p.CaseCode {
				confirm = w
			}
		}
	}
	if reason == nil || confirm == nil {
		t.Fatal("no reason or confirmation on the dialog")
	}
	reason.setCode(string(model.ErasureOther))
	test.Type(confirm, "PUA-0000-000000")
	test.Tap(overlayButton(t, u, u.t("erase.do")))
	got := overlayTexts(t, u)
	if !strings.Contains(got, u.tr.Tf("erase.confirm_wrong", map[string]any{"Code": p.CaseCode})) {
		t.Errorf("a wrong case code is not said on its field:\n%s", got)
	}
	confirm.SetText(strings.ToLower(p.CaseCode))
	test.Tap(overlayButton(t, u, u.t("erase.do")))
	if got := overlayTexts(t, u); !strings.Contains(got, u.t("error.required")) {
		t.Errorf("'another reason' without a note is not refused on the note:\n%s", got)
	}
	if er, _ := db.ErasureOf(ctx, p.ID); er != nil {
		t.Fatal("erased before the form was right")
	}
	reason.setCode(string(model.ErasureConsentWithdrawn))
	test.Tap(overlayButton(t, u, u.t("erase.do")))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stays open:\n%s", overlayTexts(t, u))
	}
	screen := texts(u)
	for _, want := range []string{u.t("erase.anonymised"), p.CaseCode, u.t("erasure_reason.consent_withdrawn")} {
		if !strings.Contains(screen, want) {
			t.Errorf("the file does not show %q:\n%s", want, screen)
		}
	}
	for _, gone := range []string{"Okafor", "OKAFOR", "Grace", "333 1234567", "1990-05-02"} {
		if strings.Contains(screen, gone) {
			t.Errorf("the file still shows %q", gone)
		}
	}
	if hasButton(u, u.t("case.edit")) || hasButton(u, u.t("erase.action")) {
		t.Error("an erased file can still be edited or erased")
	}
	if n, _ := db.CountPersons(ctx, "okafor"); n != 0 {
		t.Errorf("the search finds the erased person by name: %d", n)
	}
}

// Other roles see no erasure: the window offers it to coordinators only
// (and the store refuses it to anyone else, tested there).
func TestOnlyACoordinatorIsOfferedErasure(t *testing.T) {
	u, db, giulia := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Tesfaye"}
	if err := db.CreatePerson(ctx, p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	for _, role := range []model.Role{model.RoleOperator, model.RoleMediator, model.RoleSocialWorker, model.RoleLegalAdviser} {
		u.op = &model.Operator{ID: giulia.ID, Username: "x", FullName: "X", Role: role}
		u.home.onOpenPerson(p.ID)
		if hasButton(u, u.t("erase.action")) {
			t.Errorf("a %s is offered erasure", role)
		}
	}
	u.op = giulia
	u.home.onOpenPerson(p.ID)
	if !hasButton(u, u.t("erase.action")) {
		t.Error("the coordinator is not offered erasure")
	}
}

// A case past the retention period comes up on a coordinator's Today list
// with "Anonymise…", the reason already chosen; once erased it is not
// listed again.
func TestTodayRetentionLeadsToErasure(t *testing.T) {
	u, db, giulia := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Vecchiacasa", GivenNames: "Amina"}
	if err := db.CreatePerson(ctx, p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	closed := testNow.AddDate(-3, 0, 0)
	c := &model.Case{PersonID: p.ID, OpenedAt: closed.AddDate(0, -6, 0), ClosedAt: closed, Status: model.CaseClosed,
		Priority: model.PriorityNormal}
	if err := db.CreateCase(ctx, c, giulia.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveSettings(ctx, map[string]string{model.SettingRetentionYears: "2"}, giulia.ID); err != nil {
		t.Fatal(err)
	}
	u.home.showToday()
	test.Tap(button(t, u, u.t("erase.today")))
	var reason *choice
	var confirm *widget.Entry
	for _, o := range overlay(t, u) {
		switch w := o.(type) {
		case *choice:
			reason = w
		case *widget.Entry:
			if w.PlaceHolder == p.CaseCode {
				confirm = w
			}
		}
	}
	if reason == nil || reason.code() != string(model.ErasureRetentionEnded) || confirm == nil {
		t.Fatal("the erasure from Today does not start with the retention reason")
	}
	confirm.SetText(p.CaseCode)
	test.Tap(overlayButton(t, u, u.t("erase.do")))
	if er, err := db.ErasureOf(ctx, p.ID); err != nil || er == nil || er.Reason != model.ErasureRetentionEnded {
		t.Fatalf("erasure %+v %v\n%s", er, err, texts(u))
	}
	if screen := texts(u); strings.Contains(screen, "VECCHIACASA") || !strings.Contains(screen, u.t("today.nothing")) {
		t.Errorf("the erased person is still on Today:\n%s", screen)
	}
}
