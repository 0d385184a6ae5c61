package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// openEmployers opens the Employers screen from the home toolbar, on a
// window wide enough to show every tool.
func openEmployers(t *testing.T, u *App) {
	t.Helper()
	u.win.Resize(fyne.NewSize(1600, 1000))
	test.Tap(button(t, u, u.t("employers.button")))
}

// overlayEntry is the first entry of the dialog on top.
func overlayEntry(t *testing.T, u *App) *widget.Entry {
	t.Helper()
	for _, o := range overlay(t, u) {
		if e, ok := o.(*widget.Entry); ok {
			return e
		}
	}
	t.Fatal("no entry on the dialog")
	return nil
}

// A partita IVA with a wrong check digit is refused on its field with the
// model's message and nothing is saved; corrected, the employer is saved.
func TestEmployerWrongPartitaIVA(t *testing.T) {
	u, db, _ := signedInApp(t)
	openEmployers(t, u)
	test.Tap(button(t, u, u.t("employers.new")))
	typeInto(t, u, u.t("employers.name")+" *", "Serre del Sole")
	typeInto(t, u, u.t("employers.vat_number"), "12345670018")
	typeInto(t, u, u.t("employers.email"), "not an address")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("employers.vat_number")); got != u.t("error.vat_check") {
		t.Errorf("partita IVA field says %q, want %q", got, u.t("error.vat_check"))
	}
	if got := fieldError(t, u, u.t("employers.email")); got == "" {
		t.Error("the e-mail's error is not shown with the partita IVA's")
	}
	if list, err := db.Employers(t.Context()); err != nil || len(list) != 0 {
		t.Fatalf("saved %v (%v)", list, err)
	}
	entry(t, u, u.t("employers.vat_number")).SetText("")
	typeInto(t, u, u.t("employers.vat_number"), "IT 12345670017")
	entry(t, u, u.t("employers.email")).SetText("")
	test.Tap(button(t, u, u.t("form.save")))
	list, err := db.Employers(t.Context())
	if err != nil || len(list) != 1 || list[0].VATNumber != "12345670017" {
		t.Fatalf("not saved: %v (%v)\n%s", list, err, texts(u))
	}
	if !strings.Contains(texts(u), "Serre del Sole") {
		t.Errorf("the employer's page is not shown:\n%s", texts(u))
	}
}

// A vacancy paying below the agreement is held and says which index of
// art. 603-bis it touches; a coordinator clears it.
func TestVacancyBelowCCNLHeldAndCleared(t *testing.T) {
	u, db, _ := signedInApp(t)
	e := &model.Employer{Name: "Vivai Pontini", VATNumber: "12345670017", CCNL: "agri", Ateco: "A"}
	if err := db.SaveEmployer(t.Context(), e); err != nil {
		t.Fatal(err)
	}
	openEmployers(t, u)
	test.Tap(button(t, u, e.Name))
	test.Tap(button(t, u, u.t("employers.new_vacancy")))
	typeInto(t, u, u.t("employers.job_title")+" *", "Raccolta in serra")
	typeInto(t, u, u.t("employers.weekly_hours"), "39")
	typeInto(t, u, u.t("employers.pay"), "3,20")
	typeInto(t, u, u.t("employers.days_per_week"), "5,5")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("employers.days_per_week")); got != u.t("employers.whole_invalid") {
		t.Fatalf("5,5 days a week: the field says %q", got)
	}
	if list, _ := db.Vacancies(t.Context(), e.ID); len(list) != 0 {
		t.Fatal("saved with 5,5 days a week")
	}
	entry(t, u, u.t("employers.days_per_week")).SetText("6")
	level, _ := input(t, u, u.t("employers.ccnl_level"))
	level.(*choice).setCode("area_3")
	test.Tap(button(t, u, u.t("form.save")))
	list, err := db.Vacancies(t.Context(), e.ID)
	if err != nil || len(list) != 1 || !list[0].Held() {
		t.Fatalf("vacancy not saved and held: %+v (%v)\n%s", list, err, texts(u))
	}
	want := u.tr.Tf("employers.breach", map[string]any{"Breach": u.label("breach", model.BreachPay), "Index": "1",
		"Actual": "3,20 € " + u.label("pay_unit", model.PayHour), "Limit": "8,00 € " + u.label("pay_unit", model.PayHour)})
	if s := texts(u); !strings.Contains(s, want) || !strings.Contains(s, u.t("employers.held")) {
		t.Fatalf("the held vacancy does not say %q:\n%s", want, s)
	}
	test.Tap(button(t, u, u.t("employers.clear")))
	test.Tap(overlayButton(t, u, u.t("form.save"))) // no reason: refused, the dialog stays
	if v, _ := db.Vacancy(t.Context(), list[0].ID); !v.Held() {
		t.Fatal("cleared without a reason")
	}
	test.Type(overlayEntry(t, u), "Figures checked with the provincial agreement")
	test.Tap(overlayButton(t, u, u.t("form.save")))
	if v, err := db.Vacancy(t.Context(), list[0].ID); err != nil || v.Held() {
		t.Fatalf("not cleared: %+v (%v)", v, err)
	}
	if hasButton(u, u.t("employers.clear")) {
		t.Error("Clear still shown on a cleared vacancy")
	}
}

// heldVacancy saves an employer, flagged, with a vacancy below the agreement.
func heldVacancy(t *testing.T, db *store.DB) (*model.Employer, *model.Vacancy) {
	t.Helper()
	ctx := t.Context()
	e := &model.Employer{Name: "Edil Ombra", VATNumber: "31415920995", CCNL: "construction"}
	if err := db.SaveEmployer(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := db.FlagEmployer(ctx, e.ID, model.EmployerFlag{Reason: "Lavoratori senza contratto in cantiere",
		Date: testNow.AddDate(0, -1, 0)}); err != nil {
		t.Fatal(err)
	}
	v := &model.Vacancy{EmployerID: e.ID, Title: "Manovale", WeeklyHours: 40, PayCents: 500, PayUnit: model.PayHour,
		CCNLLevel: "1", Posts: 1, State: model.VacancyOpen}
	if err := db.SaveVacancy(ctx, v); err != nil || !v.Held() {
		t.Fatalf("%+v %v", v, err)
	}
	return e, v
}

// An operator sees the held vacancy but no Clear, and the store refuses
// her the clearing too; she sees why the employer was flagged.
func TestOperatorCannotClearVacancy(t *testing.T) {
	u, db := newTestApp(t)
	e, v := heldVacancy(t, db)
	signInAs(t, u, db, "ornella", model.RoleOperator)
	openEmployers(t, u)
	test.Tap(button(t, u, e.Name))
	s := texts(u)
	if !strings.Contains(s, u.t("employers.held")) || !strings.Contains(s, "Lavoratori senza contratto") {
		t.Errorf("the operator does not see the hold and the flag's reason:\n%s", s)
	}
	if hasButton(u, u.t("employers.clear")) || hasButton(u, u.t("employers.unflag")) {
		t.Error("an operator is offered Clear or Lift flag")
	}
	if !hasButton(u, u.t("employers.new_vacancy")) {
		t.Error("an operator may add vacancies")
	}
	err := u.data.ClearVacancy(t.Context(), v.ID, "I say so")
	if model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store let an operator clear: %v", err)
	}
	if got, _ := db.Vacancy(t.Context(), v.ID); !got.Held() {
		t.Error("the vacancy is no longer held")
	}
}

// A mediator sees that an employer is flagged, not why; nor may she change
// employers.
func TestMediatorSeesNoFlagReason(t *testing.T) {
	u, db := newTestApp(t)
	e, _ := heldVacancy(t, db)
	signInAs(t, u, db, "samira", model.RoleMediator)
	openEmployers(t, u)
	if !strings.Contains(texts(u), u.t("employers.flagged")) {
		t.Errorf("no flag mark in the list:\n%s", texts(u))
	}
	if hasButton(u, u.t("employers.new")) {
		t.Error("a mediator is offered a new employer")
	}
	test.Tap(button(t, u, e.Name))
	s := texts(u)
	if strings.Contains(s, "senza contratto") {
		t.Errorf("a mediator sees the flag's reason:\n%s", s)
	}
	if !strings.Contains(s, u.tr.Tf("employers.flagged_since", map[string]any{"Date": "14/02/2026"})) {
		t.Errorf("a mediator is not told the employer is flagged:\n%s", s)
	}
	for _, b := range []string{"employers.edit", "employers.flag", "employers.unflag", "employers.new_vacancy", "employers.clear"} {
		if hasButton(u, u.t(b)) {
			t.Errorf("a mediator is offered %s", b)
		}
	}
}

// A coordinator flags an employer with a reason, and lifts the flag.
func TestEmployerFlagAndLift(t *testing.T) {
	u, db, _ := signedInApp(t)
	e := &model.Employer{Name: "Trattoria Blu", VATNumber: "27182818883"}
	if err := db.SaveEmployer(t.Context(), e); err != nil {
		t.Fatal(err)
	}
	other := &model.Employer{Name: "Serre Verdi", VATNumber: "00000010587"}
	if err := db.SaveEmployer(t.Context(), other); err != nil {
		t.Fatal(err)
	}
	openEmployers(t, u)
	test.Type(entryWithPlaceholder(t, u, u.t("employers.search")), "blu")
	if hasButton(u, other.Name) || !hasButton(u, e.Name) {
		t.Fatalf("the search does not keep only Trattoria Blu:\n%s", texts(u))
	}
	test.Tap(button(t, u, e.Name))
	test.Tap(button(t, u, u.t("employers.flag")))
	test.Type(overlayEntry(t, u), "Paga a giornata di 25 euro")
	test.Tap(overlayButton(t, u, u.t("form.save")))
	got, err := db.Employer(t.Context(), e.ID)
	if err != nil || got.Flag == nil || got.Flag.Reason != "Paga a giornata di 25 euro" {
		t.Fatalf("not flagged: %+v (%v)", got, err)
	}
	if !strings.Contains(texts(u), "Paga a giornata di 25 euro") {
		t.Errorf("the coordinator does not see the reason:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("employers.unflag")))
	test.Type(overlayEntry(t, u), "Verified by the labour inspectorate: regular")
	test.Tap(overlayButton(t, u, u.t("form.save")))
	if got, _ := db.Employer(t.Context(), e.ID); got.Flag != nil {
		t.Error("the flag was not lifted")
	}
}
