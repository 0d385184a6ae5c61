package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// typedDates are the ways people type a date at the desk: the four forms
// of one day are taken as that day; an impossible day, a slip of the
// keyboard and a word are refused.
var typedDates = []struct {
	typed string
	want  model.PartialDate // zero: refused
}{
	{"20/12/2026", model.PartialDate{Year: 2026, Month: 12, Day: 20}},
	{"5/1/26", model.PartialDate{Year: 2026, Month: 1, Day: 5}},
	{"20.12.2026", model.PartialDate{Year: 2026, Month: 12, Day: 20}},
	{"2026-12-20", model.PartialDate{Year: 2026, Month: 12, Day: 20}},
	{"31/02/2020", model.PartialDate{}},
	{"0020", model.PartialDate{}},
	{"abc", model.PartialDate{}},
}

// dateForm types a date into one form's date field and saves (or
// searches, or prints): what was saved (ok false when nothing was) and
// the message on the field.
type dateForm struct {
	name string
	bad  string // the message ID the field shows for a date it cannot read
	try  func(t *testing.T, typed string) (got model.PartialDate, ok bool, msg string)
}

// TestEveryFormTakesDatesAsTyped types each way of writing a date into
// each form's date field: a readable day is saved as that day, and
// anything else is refused with the message on that field, nothing saved.
func TestEveryFormTakesDatesAsTyped(t *testing.T) {
	forms := []dateForm{
		{"registration", "error.date_invalid", tryRegistration},
		{"interview", "error.date_invalid", tryInterview},
		{"plan", "error.date_typed", tryPlan},
		{"referral", "error.date_typed", tryReferral},
		{"activities", "activities.date_invalid", tryActivity},
		{"slip", "error.date_typed", trySlip},
		{"audit", "audit.date_invalid", tryAudit},
	}
	for _, f := range forms {
		for _, c := range typedDates {
			t.Run(f.name+"/"+c.typed, func(t *testing.T) {
				got, ok, msg := f.try(t, c.typed)
				switch {
				case !c.want.IsZero() && (!ok || got != c.want || msg != ""):
					t.Errorf("%q: saved %v as %+v, message %q; want %+v", c.typed, ok, got, msg, c.want)
				case c.want.IsZero() && ok:
					t.Errorf("%q: saved as %+v, want refused", c.typed, got)
				case c.want.IsZero() && msg == "":
					t.Errorf("%q: refused with no message on the field", c.typed)
				case c.want.IsZero() && msg != locales.New("it").T(f.bad):
					t.Errorf("%q: the field says %q, want %q", c.typed, msg, locales.New("it").T(f.bad))
				}
			})
		}
	}
}

func tryRegistration(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, db, _ := signedInApp(t)
	test.Tap(button(t, u, u.t("home.register")))
	typeInto(t, u, u.t("person.family_name")+" *", "Okafor")
	typeInto(t, u, u.t("person.permit_expiry"), typed)
	test.Tap(button(t, u, u.t("form.register")))
	found, _ := db.FindPersons(context.Background(), model.PersonFilter{Query: "okafor"})
	if len(found) == 0 {
		return model.PartialDate{}, false, fieldError(t, u, u.t("person.permit_expiry"))
	}
	p, err := db.Person(context.Background(), found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return p.Permit.Expiry, true, ""
}

func tryInterview(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, _, _ := startInterview(t, "ar")
	choose(t, u, "documents.permit_status", "valid")
	fill(t, u, "documents.permit_expiry", typed)
	e := u.inter.entries["documents.permit_expiry"]
	saved := u.inter.answers["documents.permit_expiry"]
	if saved == "" {
		msg := ""
		if err := e.Validate(); err != nil {
			msg = err.Error()
		}
		return model.PartialDate{}, false, msg
	}
	d, err := model.ParsePartialDate(saved)
	if err != nil {
		t.Fatalf("the answer is kept as %q", saved)
	}
	return d, true, ""
}

func tryPlan(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Diallo", GivenNames: "Awa"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	cases, _ := db.CasesOf(ctx, p.ID)
	u.signedIn(op)
	openCaseTool(t, u, "DIALLO Awa", "case.plan")
	test.Tap(button(t, u, u.t("plan.create")))
	test.Tap(button(t, u, u.t("plan.add_goal")))
	test.Type(entryWithPlaceholder(t, u, u.t("plan.goal_hint")), "Imparare l'italiano")
	test.Tap(button(t, u, u.t("plan.add_action")))
	test.Type(entryWithPlaceholder(t, u, u.t("plan.action_hint")), "Iscrizione al CPIA")
	test.Type(entryWithPlaceholder(t, u, u.t("date.hint")), typed)
	test.Tap(button(t, u, u.t("plan.save_draft")))
	plans, _ := db.PlansOf(ctx, cases[0].ID)
	if len(plans) != 1 || len(plans[0].Goals) == 0 {
		msg := ""
		if strings.Contains(texts(u), u.t("error.date_typed")) {
			msg = u.t("error.date_typed")
		}
		return model.PartialDate{}, false, msg
	}
	return plans[0].Goals[0].Actions[0].Due, true, ""
}

func tryReferral(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Hossain", GivenNames: "Rahim", PreferredLanguage: "bn"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	legal := &model.Service{Name: "Sportello legale Diritti", Kind: model.ServiceLegalAid}
	if err := db.SaveService(ctx, legal, op.ID); err != nil {
		t.Fatal(err)
	}
	c := &model.Consent{PersonID: p.ID, Purpose: model.PurposeSharing, ServiceID: legal.ID, NoticeVersion: "2026-1",
		Language: "bn", State: model.ConsentGiven, Date: testNow, RecordedBy: op.ID}
	if err := db.RecordConsent(ctx, c, nil, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openCaseTool(t, u, "HOSSAIN Rahim", "case.referrals")
	o, _ := input(t, u, u.t("referrals.service"))
	o.(*choice).setCode(itoa(legal.ID))
	typeInto(t, u, u.t("referrals.reason"), "Rinnovo del permesso di soggiorno")
	typeInto(t, u, u.t("referrals.follow_up"), typed)
	test.Tap(button(t, u, u.t("referrals.create")))
	cases, _ := db.CasesOf(ctx, p.ID)
	refs, _ := db.ReferralsOf(ctx, cases[0].ID)
	if len(refs) == 0 {
		return model.PartialDate{}, false, fieldError(t, u, u.t("referrals.follow_up"))
	}
	return refs[0].FollowUp, true, ""
}

func tryActivity(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, db, op := signedInApp(t)
	later := func() time.Time { return time.Date(2027, 1, 10, 10, 0, 0, 0, time.UTC) } // 20/12/2026 is past
	nowFunc, db.Now = later, later
	u.signedIn(op) // the store bound to the operator takes the clock
	showActivities(t, u)
	recordActivity(t, u, typed, model.ActivityOutreach, "3", "Latina")
	list, _ := db.Activities(context.Background(), "", "")
	if len(list) == 0 {
		return model.PartialDate{}, false, fieldError(t, u, u.t("activities.date")+" *")
	}
	return dayOf(list[0].Date), true, ""
}

func trySlip(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, db, op := signedInApp(t)
	p := &model.Person{FamilyName: "Rahimi", GivenNames: "Amina", PreferredLanguage: "ar"}
	if err := db.CreatePerson(context.Background(), p, op.ID); err != nil {
		t.Fatal(err)
	}
	v := newPrintPanel(u, p)
	u.win.SetContent(v.build())
	v.doc.setCode("slip")
	typeInto(t, u, u.t("print.date"), typed)
	typeInto(t, u, u.t("print.time"), "10:30")
	r, ok := v.request()
	test.Tap(button(t, u, u.t("print.print")))
	if !ok {
		if u.win.Canvas().Overlays().Top() != nil {
			t.Error("a slip with a date it cannot read was previewed")
		}
		return model.PartialDate{}, false, fieldError(t, u, u.t("print.date"))
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Errorf("no preview of the slip:\n%s", texts(u))
	}
	d, err := model.ReadDate(r.Date)
	if err != nil || r.Date != d.Italian() {
		t.Errorf("the slip gets %q, not dd/mm/yyyy", r.Date)
	}
	return d, true, ""
}

func tryAudit(t *testing.T, typed string) (model.PartialDate, bool, string) {
	u, _, _ := signedInApp(t)
	v := newAuditView(u)
	u.win.SetContent(v.build())
	typeInto(t, u, u.t("audit.from"), typed)
	test.Tap(button(t, u, u.t("audit.search")))
	if msg := fieldError(t, u, u.t("audit.from")); msg != "" {
		return model.PartialDate{}, false, msg
	}
	return dayOf(v.filter.From), true, ""
}

func dayOf(t time.Time) model.PartialDate {
	return model.PartialDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// TestPlanAmountsAsTyped: an amount is taken with a decimal comma or dot;
// a word, or three decimals, is refused on its field, nothing saved.
func TestPlanAmountsAsTyped(t *testing.T) {
	for _, c := range []struct {
		typed string
		cents int64 // -1: refused
	}{
		{"150,50", 15050}, {"150.50", 15050}, {"abc", -1}, {"150,505", -1},
	} {
		t.Run(c.typed, func(t *testing.T) {
			u, db, op := signedInApp(t)
			ctx := context.Background()
			p := &model.Person{FamilyName: "Diallo", GivenNames: "Awa"}
			if err := db.CreatePerson(ctx, p, op.ID); err != nil {
				t.Fatal(err)
			}
			cases, _ := db.CasesOf(ctx, p.ID)
			u.signedIn(op)
			openCaseTool(t, u, "DIALLO Awa", "case.plan")
			test.Tap(button(t, u, u.t("plan.create")))
			test.Tap(button(t, u, u.t("plan.add_budget")))
			test.Type(entryWithPlaceholder(t, u, u.t("plan.planned")), c.typed)
			test.Tap(button(t, u, u.t("plan.save_draft")))
			plans, _ := db.PlansOf(ctx, cases[0].ID)
			saved := len(plans) == 1 && len(plans[0].Budget) == 1
			switch {
			case c.cents >= 0 && (!saved || plans[0].Budget[0].PlannedCents != c.cents):
				t.Errorf("%q: saved %+v, want %d cents", c.typed, plans, c.cents)
			case c.cents < 0 && saved:
				t.Errorf("%q: saved %+v, want refused", c.typed, plans[0].Budget)
			case c.cents < 0 && !strings.Contains(texts(u), u.t("error.amount_typed")):
				t.Errorf("%q: the field does not say what is wrong:\n%s", c.typed, texts(u))
			}
		})
	}
}

// TestCalendarPicksADay opens the calendar from a date field by keyboard
// (the button takes the focus like any other), picks a day, and finds it
// written in the field as dd/mm/yyyy; the picker fits a 1024×600 window.
func TestCalendarPicksADay(t *testing.T) {
	u, _, _ := signedInApp(t)
	u.win.Resize(fyne.NewSize(1024, 600))
	v := newAuditView(u)
	u.win.SetContent(v.build())
	from := entry(t, u, u.t("audit.from"))
	from.SetText("5/1/26") // the calendar opens at the day typed: January 2026
	pick, ok := from.ActionItem.(*widget.Button)
	if !ok {
		t.Fatalf("the date field has no calendar button: %T", from.ActionItem)
	}
	c := u.win.Canvas()
	c.Focus(from)
	c.FocusNext()
	if c.Focused() != fyne.Focusable(pick) {
		t.Fatalf("Tab from the date goes to %T, not to its calendar button", c.Focused())
	}
	test.Tap(pick) // as Space on the focused button
	pop := c.Overlays().Top()
	if pop == nil {
		t.Fatal("no calendar")
	}
	if p, s := pop.Position(), pop.Size(); p.Y+s.Height > 600 || p.X+s.Width > 1024 || p.X < 0 || p.Y < 0 {
		t.Errorf("the calendar at %v size %v leaves the 1024×600 window", p, s)
	}
	if c.Focused() == nil {
		t.Error("the calendar takes no focus: not usable by keyboard")
	}
	var day *widget.Button
	for _, o := range test.LaidOutObjects(pop) {
		if b, ok := o.(*widget.Button); ok && b.Text == "20" {
			day = b
		}
	}
	if day == nil {
		t.Fatal("no day 20 in the calendar")
	}
	test.Tap(day)
	if from.Text != "20/01/2026" {
		t.Errorf("the day picked is written %q, want 20/01/2026", from.Text)
	}
	if c.Overlays().Top() != nil || c.Focused() != fyne.Focusable(from) {
		t.Error("the calendar stays open, or the focus does not come back to the field")
	}
}
