package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"sportello/model"
)

// An enterprise path: the idea, an application for 5.000,00, and the
// registration, refused with a wrong partita IVA (nothing saved), then
// saved with a valid one; the ATECO code is described.
func TestWorkEnterpriseRegistered(t *testing.T) {
	u, db, op := signedInApp(t)
	c := newWorkCase(t, db, op.ID, 0)
	u.signedIn(op)
	openWorkTab(t, u, c.person, 3)
	test.Tap(button(t, u, u.t("enterprise.new")))
	typeInto(t, u, u.t("enterprise.idea")+" *", "Una sartoria di quartiere con riparazioni e su misura")
	test.Tap(button(t, u, u.t("enterprise.add_step")))
	test.Type(entryWithPlaceholder(t, u, u.t("enterprise.step_hint")), "Business plan")
	test.Tap(button(t, u, u.t("enterprise.add_application")))
	test.Type(entryWithPlaceholder(t, u, u.t("enterprise.body_hint")), "Ente Nazionale per il Microcredito")
	test.Type(entryWithPlaceholder(t, u, u.t("enterprise.amount_hint")), "5.000,00")
	typeInto(t, u, u.t("enterprise.name"), "Sartoria Awa")
	typeInto(t, u, u.t("enterprise.registered_at"), "15/01/2027")
	pickCode(t, u, u.t("enterprise.legal_form"), "ditta_individuale")
	typeInto(t, u, u.t("enterprise.ateco"), "14.13")
	want := u.tr.Tf("enterprise.ateco_section", map[string]any{"Section": "C", "Label": "ATTIVITÀ MANIFATTURIERE"})
	if !strings.Contains(texts(u), want) {
		t.Errorf("the ATECO code is not described as %q:\n%s", want, texts(u))
	}
	typeInto(t, u, u.t("enterprise.vat_number"), "12345670018")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("enterprise.vat_number")); got != u.t("error.vat_check") {
		t.Errorf("a wrong partita IVA says %q", got)
	}
	if list, _ := db.EnterprisesOf(t.Context(), c.caseID); len(list) != 0 {
		t.Fatal("saved with a wrong partita IVA")
	}
	entry(t, u, u.t("enterprise.vat_number")).SetText("IT 12345670017")
	test.Tap(button(t, u, u.t("form.save")))
	list, err := db.EnterprisesOf(t.Context(), c.caseID)
	if err != nil || len(list) != 1 {
		t.Fatalf("%d enterprises (%v)\n%s", len(list), err, texts(u))
	}
	e := list[0]
	if !e.Registered() || e.VATNumber != "12345670017" || e.LegalForm != "ditta_individuale" || e.Ateco != "14.13" ||
		len(e.Applications) != 1 || e.Applications[0].AmountCents != 500000 ||
		e.Applications[0].Kind != model.FundingMicrocredit || len(e.Steps) != 1 {
		t.Errorf("saved as %+v", e)
	}
	if s := texts(u); !strings.Contains(s, "5.000,00") || !strings.Contains(s, "Sartoria Awa") ||
		!strings.Contains(s, "14.13 (C: ATTIVITÀ MANIFATTURIERE)") {
		t.Errorf("the list does not show the application and the name:\n%s", texts(u))
	}
}

// A mediator in the case's team reads the internships and the enterprise
// but is offered no change; the store refuses her one.
func TestWorkPathsMediatorReadsOnly(t *testing.T) {
	u, db := newTestApp(t)
	c := newWorkCase(t, db, 0, 0)
	in := &model.Internship{CaseID: c.caseID, EmployerID: c.employer.ID, Tutor: "Marco Neri", Start: utcDay(2026, 12, 20),
		End: utcDay(2027, 3, 20), WeeklyHours: 30}
	if err := db.SaveInternship(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	op := signInAs(t, u, db, "samira", model.RoleMediator)
	if err := db.SetCaseTeam(t.Context(), c.caseID, []int64{op.ID}, 0); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openWorkTab(t, u, c.person, 2)
	if !strings.Contains(texts(u), "Serre del Sole") {
		t.Errorf("the mediator does not see the internship:\n%s", texts(u))
	}
	for _, b := range []string{"internships.new", "internships.edit"} {
		if hasButton(u, u.t(b)) {
			t.Errorf("a mediator is offered %s", b)
		}
	}
	in.Tutor = "Someone else"
	if err := u.data.SaveInternship(t.Context(), in); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store let a mediator change an internship: %v", err)
	}
	e := &model.Enterprise{CaseID: c.caseID, Idea: "Un banco al mercato"}
	if err := u.data.SaveEnterprise(t.Context(), e); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store let a mediator add an enterprise: %v", err)
	}
	if list, _ := db.InternshipsOf(t.Context(), c.caseID); list[0].Tutor != "Marco Neri" {
		t.Error("the internship changed")
	}
	for _, tabs := range objects(u) {
		if t2, ok := tabs.(*container.AppTabs); ok {
			t2.SelectIndex(3)
		}
	}
	if hasButton(u, u.t("enterprise.new")) {
		t.Error("a mediator is offered a new enterprise path")
	}
}
