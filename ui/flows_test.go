package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

func TestFirstStartCreatesCoordinator(t *testing.T) {
	u, db := newTestApp(t)
	u.Start()
	if !strings.Contains(texts(u), u.t("setup.title")) {
		t.Fatalf("first start does not show the setup:\n%s", texts(u))
	}
	// Keyboard only: the cursor starts in the username, Enter moves on.
	if u.win.Canvas().Focused() != entry(t, u, u.t("setup.username")) {
		t.Fatal("the setup does not start with the cursor in the username")
	}
	for _, text := range []string{"giulia", "Giulia Ferrante", "short", "short"} {
		test.Type(u.win.Canvas().Focused(), text)
		u.win.Canvas().Focused().(*widget.Entry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if got := entry(t, u, u.t("setup.full_name")).Text; got != "Giulia Ferrante" {
		t.Fatalf("typed by keyboard, the full name reads %q", got)
	}
	if got := fieldError(t, u, u.t("setup.password")); got != u.t("error.password_short") {
		t.Fatalf("short password: error %q", got)
	}
	if n, _ := db.CountOperators(context.Background()); n != 0 {
		t.Fatal("an account was created with a refused password")
	}
	entry(t, u, u.t("setup.password")).SetText("")
	entry(t, u, u.t("setup.confirm")).SetText("")
	typeInto(t, u, u.t("setup.password"), "una password lunga")
	typeInto(t, u, u.t("setup.confirm"), "una password lunga")
	test.Tap(button(t, u, u.t("setup.create")))
	if u.op == nil || u.op.Role != model.RoleCoordinator {
		t.Fatalf("not signed in as coordinator after setup:\n%s", texts(u))
	}
	if _, err := db.Login(context.Background(), "giulia", "una password lunga"); err != nil {
		t.Fatalf("the new account cannot log in: %v", err)
	}
	button(t, u, u.t("home.register")) // the main screen is shown
}

func TestLogin(t *testing.T) {
	u, db := newTestApp(t)
	op := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := db.CreateOperator(context.Background(), op, "sportello-test", 0); err != nil {
		t.Fatal(err)
	}
	u.Start()
	typeInto(t, u, u.t("login.username"), "marco")
	typeInto(t, u, u.t("login.password"), "wrong password")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op != nil || !strings.Contains(texts(u), u.t("error.login_failed")) {
		t.Fatalf("wrong password: signed in %v, screen:\n%s", u.op, texts(u))
	}
	typeInto(t, u, u.t("login.password"), "sportello-test")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op == nil || u.op.Username != "marco" {
		t.Fatal("right password did not sign in")
	}
	test.Tap(button(t, u, u.t("home.sign_out")))
	if u.op != nil {
		t.Fatal("still signed in after sign out")
	}
	button(t, u, u.t("login.sign_in"))
}

func TestRegisterRefusesBadInputThenSaves(t *testing.T) {
	u, db, op := signedInApp(t)
	test.Tap(button(t, u, u.t("home.register")))
	register := u.t("form.register")

	// Empty family name, a birth date in the future, a wrong codice fiscale.
	typeInto(t, u, u.t("person.given_names"), "Awa")
	typeInto(t, u, u.t("person.birth_date"), "2027-01-01")
	typeInto(t, u, u.t("person.fiscal_code"), "DLLWAA90A41Z343X")
	test.Tap(button(t, u, register))
	for label, want := range map[string]string{
		u.t("person.family_name") + " *": u.t("error.required"),
		u.t("person.birth_date"):         u.t("error.future_date"),
		u.t("person.fiscal_code"):        u.t("error.fiscal_code_check"),
	} {
		if got := fieldError(t, u, label); got != want {
			t.Errorf("%s: error %q, want %q", label, got, want)
		}
	}
	if n, _ := db.CountPersons(context.Background(), ""); n != 0 {
		t.Fatalf("%d persons saved from bad input", n)
	}

	// A date that does not exist is caught too.
	e := entry(t, u, u.t("person.birth_date"))
	e.SetText("")
	typeInto(t, u, u.t("person.birth_date"), "30/02/1990")
	test.Tap(button(t, u, register))
	if got := fieldError(t, u, u.t("person.birth_date")); got != u.t("error.date_invalid") {
		t.Errorf("impossible date: %q", got)
	}

	// Corrected: saved, a case opened, the case view shown, the list updated.
	typeInto(t, u, u.t("person.family_name")+" *", "Diallo")
	e.SetText("")
	typeInto(t, u, u.t("person.birth_date"), "10/05/1990") // the Italian way
	entry(t, u, u.t("person.fiscal_code")).SetText("")
	typeInto(t, u, u.t("person.own_script_name"), "آوا جالو")
	test.Tap(button(t, u, register))
	found, _ := db.FindPersons(context.Background(), model.PersonFilter{Query: "diallo"})
	if len(found) != 1 || found[0].OwnScriptName != "آوا جالو" || found[0].BirthYear != 1990 {
		t.Fatalf("saved %+v", found)
	}
	if saved, _ := db.Person(context.Background(), found[0].ID); saved.BirthDate != (model.PartialDate{Year: 1990, Month: 5, Day: 10}) {
		t.Errorf("10/05/1990 was saved as %v", saved.BirthDate)
	}
	screen := texts(u)
	if !strings.Contains(screen, "DIALLO Awa") || !strings.Contains(screen, found[0].CaseCode) ||
		!strings.Contains(screen, u.label("case_status", model.CaseOpen)) {
		t.Fatalf("case view after registering:\n%s", screen)
	}
	cases, _ := db.CasesOf(context.Background(), found[0].ID)
	if len(cases) != 1 || cases[0].OperatorID != op.ID {
		t.Errorf("case %+v", cases)
	}
	if !strings.Contains(screen, u.tr.N("list.count", 1)) {
		t.Errorf("the list count did not update:\n%s", screen)
	}
}

func TestSearchAndOpenLeavesATrace(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	for _, p := range []model.Person{
		{FamilyName: "Traoré", GivenNames: "Moussa", BirthCountry: "ML", BirthDate: model.PartialDate{Year: 1988}},
		{FamilyName: "Hossain", GivenNames: "Rahim", OwnScriptName: "রহিম হোসেন"},
		{FamilyName: "Popescu", GivenNames: "Ana"},
	} {
		if err := db.CreatePerson(ctx, &p, op.ID); err != nil {
			t.Fatal(err)
		}
	}
	u.signedIn(op) // rebuild the home screen to see them
	if !strings.Contains(texts(u), u.tr.N("list.count", 3)) {
		t.Fatalf("list:\n%s", texts(u))
	}
	search := entryWithPlaceholder(t, u, u.t("list.search_placeholder"))
	u.win.Canvas().Focus(search)
	test.Type(search, "traore") // no accent
	screen := texts(u)
	if !strings.Contains(screen, u.tr.N("list.count", 1)) || !strings.Contains(screen, "TRAORÉ Moussa") ||
		strings.Contains(screen, "POPESCU Ana") {
		t.Fatalf("search for traore:\n%s", screen)
	}
	openRow(t, u, "TRAORÉ Moussa")
	screen = texts(u)
	if !strings.Contains(screen, u.t("case.profile")) || !strings.Contains(screen, "Mali") {
		t.Fatalf("opening the person:\n%s", screen)
	}
	found, _ := db.FindPersons(ctx, model.PersonFilter{Query: "traore"})
	trail, _ := db.AuditTrail(ctx, "person", found[0].ID)
	if last := trail[len(trail)-1]; last.Action != model.ActionView || last.OperatorID != op.ID {
		t.Errorf("opening left no trace: %+v", trail)
	}

	// Searching by own script, then clearing the search lists everyone again.
	search.SetText("")
	test.Type(search, "রহিম")
	if !strings.Contains(texts(u), "HOSSAIN Rahim") {
		t.Errorf("search in Bengali script:\n%s", texts(u))
	}
	search.SetText("")
	if !strings.Contains(texts(u), u.tr.N("list.count", 3)) {
		t.Errorf("cleared search:\n%s", texts(u))
	}

	// The searches are in the audit trail: what was typed, by whom; the
	// results are not.
	events, err := db.AuditEvents(ctx, store.AuditFilter{Action: model.ActionSearch}, op)
	if err != nil {
		t.Fatal(err)
	}
	var typed []string
	for _, e := range events {
		if e.OperatorID != op.ID {
			t.Errorf("search recorded for %d", e.OperatorID)
		}
		typed = append(typed, e.Detail)
	}
	if !slices.Contains(typed, "traore") || !slices.Contains(typed, "রহিম") || slices.Contains(typed, "") {
		t.Errorf("searches recorded: %q", typed)
	}
}

func TestEditPerson(t *testing.T) {
	u, db, op := signedInApp(t)
	p := &model.Person{FamilyName: "Kovalenko", GivenNames: "Olena"}
	if err := db.CreatePerson(context.Background(), p, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openRow(t, u, "KOVALENKO Olena")
	test.Tap(button(t, u, u.t("case.edit")))
	if got := entry(t, u, u.t("person.family_name")+" *").Text; got != "Kovalenko" {
		t.Fatalf("edit form shows %q", got)
	}
	typeInto(t, u, u.t("person.own_script_name"), "Олена Коваленко")
	typeInto(t, u, u.t("person.fiscal_code"), "nonsense")
	test.Tap(button(t, u, u.t("form.save")))
	if fieldError(t, u, u.t("person.fiscal_code")) == "" {
		t.Fatal("a bad codice fiscale was accepted on edit")
	}
	if again, _ := db.Person(context.Background(), p.ID); again.OwnScriptName != "" {
		t.Fatal("a refused edit was half saved")
	}
	entry(t, u, u.t("person.fiscal_code")).SetText("")
	test.Tap(button(t, u, u.t("form.save")))
	if again, _ := db.Person(context.Background(), p.ID); again.OwnScriptName != "Олена Коваленко" {
		t.Fatalf("edit not saved: %+v", again)
	}
}

func TestSettingsLanguageAndOperators(t *testing.T) {
	u, db, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.settings")))
	typeInto(t, u, u.t("settings.organisation"), "Associazione Ponti")
	o, _ := input(t, u, u.t("settings.language"))
	o.(*choice).setCode("en")
	test.Tap(button(t, u, u.t("settings.save")))
	if u.tr.Lang() != "en" {
		t.Fatal("the interface did not switch to English")
	}
	button(t, u, "New person") // the rebuilt home screen speaks English
	// The dialog saying it is saved speaks the new language too.
	var said []string
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			said = append(said, l.Text)
		}
	}
	if !slices.Contains(said, "Settings saved.") {
		t.Errorf("the dialog after switching to English says %q", said)
	}
	if v, _ := db.Setting(context.Background(), "organisation"); v != "Associazione Ponti" {
		t.Errorf("organisation saved as %q", v)
	}

	// The coordinator adds an operator account.
	test.Tap(button(t, u, u.t("home.settings")))
	typeInto(t, u, u.t("setup.username"), "marco")
	typeInto(t, u, u.t("setup.full_name"), "Marco Albani")
	typeInto(t, u, u.t("setup.password"), "another secret")
	typeInto(t, u, u.t("setup.confirm"), "another secret")
	test.Tap(button(t, u, u.t("operators.add")))
	if _, err := db.Login(context.Background(), "marco", "another secret"); err != nil {
		t.Fatalf("the new operator cannot log in: %v\n%s", err, texts(u))
	}
	if !strings.Contains(texts(u), "Marco Albani · marco · Operator") {
		t.Errorf("operator list:\n%s", texts(u))
	}
}

func TestOperatorCannotChangeSettings(t *testing.T) {
	u, db, _ := signedInApp(t)
	op := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := db.CreateOperator(context.Background(), op, "sportello-test", 0); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	test.Tap(button(t, u, u.t("home.settings")))
	if !button(t, u, u.t("settings.save")).Disabled() || !strings.Contains(texts(u), u.t("settings.coordinator_only")) {
		t.Fatal("an operator may change the settings")
	}
	for _, o := range objects(u) {
		if b, ok := o.(interface{ Text() string }); ok && b.Text() == u.t("operators.add") {
			t.Fatal("an operator may add accounts")
		}
	}
}
