package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// workCase is a person with a case, a host employer, and (when budget is
// not 0) a draft plan whose internship allowance line plans budget cents.
type workCase struct {
	person   *model.Person
	caseID   int64
	employer *model.Employer
}

func newWorkCase(t *testing.T, db *store.DB, by int64, budget int64) workCase {
	t.Helper()
	ctx := t.Context()
	p := &model.Person{FamilyName: "Diallo", GivenNames: "Awa", PreferredLanguage: "fr"}
	if err := db.CreatePerson(ctx, p, by); err != nil {
		t.Fatal(err)
	}
	cases, err := db.CasesOf(ctx, p.ID)
	if err != nil || len(cases) == 0 {
		t.Fatalf("no case: %v", err)
	}
	e := &model.Employer{Name: "Serre del Sole", VATNumber: "12345670017"}
	if err := db.SaveEmployer(ctx, e); err != nil {
		t.Fatal(err)
	}
	if budget != 0 {
		plan := &model.Plan{CaseID: cases[0].ID, Status: model.PlanDraft, Budget: []model.BudgetLine{
			{Purpose: model.BudgetInternship, PlannedCents: budget, SpentCents: 30000}}}
		if err := db.SavePlan(ctx, plan, by); err != nil {
			t.Fatal(err)
		}
	}
	return workCase{person: p, caseID: cases[0].ID, employer: e}
}

// openWorkTab opens the person's Work screen from the case view, on the
// tab i (2 internships, 3 enterprise).
func openWorkTab(t *testing.T, u *App, p *model.Person, i int) {
	t.Helper()
	u.win.Resize(fyne.NewSize(1600, 1000))
	openRow(t, u, p.DisplayName())
	test.Tap(button(t, u, u.t("work.button")))
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(i)
			return
		}
	}
	t.Fatalf("no tabs on the Work screen:\n%s", texts(u))
}

func pickCode(t *testing.T, u *App, label, code string) {
	t.Helper()
	c, _ := input(t, u, label)
	c.(*choice).setCode(code)
}

func utcDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// An internship typed at the desk is saved with its days, hours and
// allowance in cents; the list shows it with its host and dates.
func TestWorkInternshipCreated(t *testing.T) {
	u, db, op := signedInApp(t)
	c := newWorkCase(t, db, op.ID, 0)
	u.signedIn(op)
	openWorkTab(t, u, c.person, 2)
	test.Tap(button(t, u, u.t("internships.new")))
	pickCode(t, u, u.t("internships.host")+" *", strconv.FormatInt(c.employer.ID, 10))
	typeInto(t, u, u.t("internships.tutor")+" *", "Marco Neri")
	typeInto(t, u, u.t("internships.desk_tutor"), "Giulia Ferrante")
	typeInto(t, u, u.t("internships.start")+" *", "20/12/2026")
	typeInto(t, u, u.t("internships.end")+" *", "20/03/2027")
	typeInto(t, u, u.t("internships.weekly_hours")+" *", "30")
	typeInto(t, u, u.t("internships.monthly"), "600,00")
	typeInto(t, u, u.t("internships.planned"), "1.800,00")
	if !strings.Contains(texts(u), u.t("internships.budget_none")) {
		t.Errorf("the form does not say the plan has no allowance line:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("form.save")))
	list, err := db.InternshipsOf(t.Context(), c.caseID)
	if err != nil || len(list) != 1 {
		t.Fatalf("saved %d internships (%v)\n%s", len(list), err, texts(u))
	}
	in := list[0]
	if in.AllowanceCents != 60000 || in.PlannedCents != 180000 || in.WeeklyHours != 30 ||
		!in.Start.Equal(utcDay(2026, 12, 20)) || !in.End.Equal(utcDay(2027, 3, 20)) ||
		in.EmployerID != c.employer.ID || in.Tutor != "Marco Neri" || in.DeskTutor != "Giulia Ferrante" {
		t.Errorf("saved as %+v", in)
	}
	want := u.tr.Tf("internships.row", map[string]any{"Host": "Serre del Sole", "Start": "20/12/2026",
		"End": "20/03/2027", "State": u.t("internships.to_start")})
	if s := texts(u); !strings.Contains(s, want) || !strings.Contains(s, u.t("internships.saved")) {
		t.Errorf("the list does not show %q:\n%s", want, s)
	}
	for _, b := range []string{u.t("internships.print_it"), u.tr.Tf("internships.print_in", map[string]any{"Lang": u.label("lang", "fr")})} {
		if !hasButton(u, b) {
			t.Errorf("no %q button", b)
		}
	}
}

// The plan's allowance line shows beside the form, and a planned
// allowance or a total paid beyond it is warned of; the months typed are
// saved with the internship.
func TestWorkInternshipAttendanceOverBudget(t *testing.T) {
	u, db, op := signedInApp(t)
	c := newWorkCase(t, db, op.ID, 150000)
	in := &model.Internship{CaseID: c.caseID, EmployerID: c.employer.ID, Tutor: "Marco Neri", Start: utcDay(2026, 12, 20),
		End: utcDay(2027, 3, 20), WeeklyHours: 30, AllowanceCents: 60000, PlannedCents: 120000}
	if err := db.SaveInternship(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openWorkTab(t, u, c.person, 2)
	budget := u.tr.Tf("internships.budget", map[string]any{"Planned": "1.500,00", "Spent": "300,00"})
	if !strings.Contains(texts(u), budget) {
		t.Errorf("the list does not show the plan's line %q:\n%s", budget, texts(u))
	}
	test.Tap(button(t, u, u.t("internships.edit")))
	overPlanned := u.tr.Tf("internships.over_planned", map[string]any{"Amount": "1.800,00", "Budget": "1.500,00"})
	if strings.Contains(texts(u), overPlanned) {
		t.Fatal("warned before the allowance went beyond the budget")
	}
	e := entry(t, u, u.t("internships.planned"))
	e.SetText("")
	typeInto(t, u, u.t("internships.planned"), "1.800,00")
	if !strings.Contains(texts(u), overPlanned) {
		t.Errorf("no warning %q:\n%s", overPlanned, texts(u))
	}
	addMonth(t, u, "12/2026", "40", "200,00")
	addMonth(t, u, "01/2027", "120", "1.400,00")
	overPaid := u.tr.Tf("internships.over_paid", map[string]any{"Amount": "1.600,00", "Budget": "1.500,00"})
	if s := texts(u); !strings.Contains(s, overPaid) ||
		!strings.Contains(s, u.tr.Tf("internships.paid_total", map[string]any{"Amount": "1.600,00"})) {
		t.Errorf("no total or no warning %q:\n%s", overPaid, s)
	}
	test.Tap(button(t, u, u.t("form.save")))
	list, err := db.InternshipsOf(t.Context(), c.caseID)
	if err != nil || len(list) != 1 {
		t.Fatalf("%d internships (%v)", len(list), err)
	}
	got := list[0]
	if len(got.Attendance) != 2 || got.Paid() != 160000 || !got.Attendance[0].Month.Equal(utcDay(2026, 12, 1)) ||
		got.Attendance[1].Hours != 120 || got.PlannedCents != 180000 {
		t.Errorf("saved as %+v", got)
	}
	// Saved beyond the budget, the list keeps saying so.
	if s := texts(u); !strings.Contains(s, overPaid) || !strings.Contains(s, overPlanned) {
		t.Errorf("the list does not warn of the budget:\n%s", s)
	}
}

// addMonth adds a row of attendance and types into its last row.
func addMonth(t *testing.T, u *App, month, hours, paid string) {
	t.Helper()
	test.Tap(button(t, u, u.t("internships.add_month")))
	for _, x := range []struct{ hint, text string }{{"internships.month_hint", month}, {"internships.hours_hint", hours},
		{"internships.paid_hint", paid}} {
		var last *widget.Entry
		for _, o := range objects(u) {
			if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == u.t(x.hint) && e.Text == "" {
				last = e
			}
		}
		if last == nil {
			t.Fatalf("no empty %s entry", x.hint)
		}
		u.win.Canvas().Focus(last)
		test.Type(last, x.text)
	}
}

// Bad input is said on its field in the interface language, and nothing
// is saved: a day that does not exist, an end before the start, hours
// that are not a number, a negative amount; an internship saved stays as
// it was.
func TestWorkInternshipBadInput(t *testing.T) {
	u, db, op := signedInApp(t)
	c := newWorkCase(t, db, op.ID, 0)
	u.signedIn(op)
	openWorkTab(t, u, c.person, 2)
	test.Tap(button(t, u, u.t("internships.new")))
	pickCode(t, u, u.t("internships.host")+" *", strconv.FormatInt(c.employer.ID, 10))
	typeInto(t, u, u.t("internships.tutor")+" *", "Marco Neri")
	typeInto(t, u, u.t("internships.start")+" *", "31/02/2026")
	typeInto(t, u, u.t("internships.end")+" *", "20/03/2027")
	typeInto(t, u, u.t("internships.weekly_hours")+" *", "abc")
	typeInto(t, u, u.t("internships.monthly"), "-600,00")
	test.Tap(button(t, u, u.t("form.save")))
	for label, want := range map[string]string{
		u.t("internships.start") + " *":        u.t("error.date_typed"),
		u.t("internships.weekly_hours") + " *": u.t("work_paths.hours_typed"),
		u.t("internships.monthly"):             u.t("work_paths.negative"),
	} {
		if got := fieldError(t, u, label); got != want {
			t.Errorf("%s says %q, want %q", label, got, want)
		}
	}
	if list, _ := db.InternshipsOf(t.Context(), c.caseID); len(list) != 0 {
		t.Fatalf("saved with bad input: %+v", list)
	}
	for label, text := range map[string]string{u.t("internships.start") + " *": "20/04/2027",
		u.t("internships.weekly_hours") + " *": "30", u.t("internships.monthly"): "600,00"} {
		entry(t, u, label).SetText(text)
	}
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("internships.end")+" *"); got != u.t("internships.end_before_start") {
		t.Errorf("an end before the start says %q", got)
	}
	if list, _ := db.InternshipsOf(t.Context(), c.caseID); len(list) != 0 {
		t.Fatal("saved with the end before the start")
	}
	entry(t, u, u.t("internships.end")+" *").SetText("")
	entry(t, u, u.t("internships.weekly_hours")+" *").SetText("60")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("internships.end")+" *"); got != u.t("error.required") {
		t.Errorf("no end says %q", got)
	}
	if got := fieldError(t, u, u.t("internships.weekly_hours")+" *"); got != u.t("internships.hours_range") {
		t.Errorf("60 hours a week says %q", got)
	}
	if !u.home.unsaved() {
		t.Error("the form with changes is not guarded")
	}
	test.Tap(button(t, u, u.t("form.cancel")))
	asked := false
	for _, o := range overlay(t, u) {
		if l, ok := o.(*widget.Label); ok && l.Text == u.t("work_paths.unsaved") {
			asked = true
		}
	}
	if !asked {
		t.Error("leaving the form with changes does not ask")
	}
}

// Editing a saved internship with a day that does not exist is refused on
// the field, and the saved internship stays as it was.
func TestWorkInternshipEditRefusedKeepsSaved(t *testing.T) {
	u, db, op := signedInApp(t)
	c := newWorkCase(t, db, op.ID, 0)
	in := &model.Internship{CaseID: c.caseID, EmployerID: c.employer.ID, Tutor: "Marco Neri", Start: utcDay(2026, 12, 20),
		End: utcDay(2027, 3, 20), WeeklyHours: 30, AllowanceCents: 60000}
	if err := db.SaveInternship(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openWorkTab(t, u, c.person, 2)
	test.Tap(button(t, u, u.t("internships.edit")))
	if got := entry(t, u, u.t("internships.monthly")).Text; got != "600,00" {
		t.Errorf("the allowance shows as %q", got)
	}
	entry(t, u, u.t("internships.start")+" *").SetText("31/02/2026")
	entry(t, u, u.t("internships.tutor")+" *").SetText("Anna Bianchi")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("internships.start")+" *"); got != u.t("error.date_typed") {
		t.Errorf("31/02/2026 says %q", got)
	}
	list, _ := db.InternshipsOf(t.Context(), c.caseID)
	if len(list) != 1 || list[0].Tutor != "Marco Neri" || !list[0].Start.Equal(utcDay(2026, 12, 20)) {
		t.Errorf("the saved internship changed: %+v", list)
	}
}

// An operator may not place an intern with a flagged employer: the store
// refuses, and the host field says why.
func TestWorkInternshipFlaggedHostRefused(t *testing.T) {
	u, db := newTestApp(t)
	c := newWorkCase(t, db, 0, 0)
	if err := db.FlagEmployer(t.Context(), c.employer.ID, model.EmployerFlag{Reason: "Paga a giornata",
		Date: testNow.AddDate(0, -1, 0)}); err != nil {
		t.Fatal(err)
	}
	op := signInAs(t, u, db, "ornella", model.RoleOperator)
	u.signedIn(op)
	openWorkTab(t, u, c.person, 2)
	test.Tap(button(t, u, u.t("internships.new")))
	pickCode(t, u, u.t("internships.host")+" *", strconv.FormatInt(c.employer.ID, 10))
	typeInto(t, u, u.t("internships.tutor")+" *", "Marco Neri")
	typeInto(t, u, u.t("internships.start")+" *", "20/12/2026")
	typeInto(t, u, u.t("internships.end")+" *", "20/03/2027")
	typeInto(t, u, u.t("internships.weekly_hours")+" *", "30")
	test.Tap(button(t, u, u.t("form.save")))
	if got := fieldError(t, u, u.t("internships.host")+" *"); got != u.t("error.flagged") {
		t.Errorf("the host field says %q\n%s", got, texts(u))
	}
	if list, _ := db.InternshipsOf(t.Context(), c.caseID); len(list) != 0 {
		t.Fatal("an operator placed an intern with a flagged employer")
	}
}
