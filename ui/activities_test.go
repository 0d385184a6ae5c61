package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// showActivities opens "Attività" from the toolbar.
func showActivities(t *testing.T, u *App) {
	t.Helper()
	test.Tap(button(t, u, u.t("activities.button")))
	if !strings.Contains(texts(u), u.t("activities.intro")) {
		t.Fatalf("the toolbar button does not open the activities:\n%s", texts(u))
	}
}

// recordActivity fills the form and taps Save.
func recordActivity(t *testing.T, u *App, date string, kind model.ActivityKind, participants, place string) {
	t.Helper()
	entry(t, u, u.t("activities.date")+" *").SetText("")
	typeInto(t, u, u.t("activities.date")+" *", date)
	o, _ := input(t, u, u.t("activities.kind")+" *")
	sel := o.(*choice)
	if kind == "" {
		sel.ClearSelected()
	} else {
		sel.SetSelected(u.t(activityKindKeys[kind]))
	}
	entry(t, u, u.t("activities.participants")).SetText("")
	typeInto(t, u, u.t("activities.participants"), participants)
	typeInto(t, u, u.t("activities.place"), place)
	test.Tap(button(t, u, u.t("activities.save")))
}

func TestRecordActivityShowsInListAndTotals(t *testing.T) {
	u, db, op := signedInApp(t) // 14 March 2026
	showActivities(t, u)
	if got := entry(t, u, u.t("activities.date")+" *").Text; got != "14/03/2026" {
		t.Errorf("the date starts as %q, want today", got)
	}
	if !strings.Contains(texts(u), u.tr.Tf("activities.none", map[string]any{"Year": 2026})) {
		t.Errorf("an empty year does not say so:\n%s", texts(u))
	}

	recordActivity(t, u, "2026-03-10", model.ActivityInfoSession, "25", "Borgo Hermada")
	list, err := db.Activities(context.Background(), "", "")
	if err != nil || len(list) != 1 {
		t.Fatalf("saved %+v, %v\n%s", list, err, texts(u))
	}
	a := list[0]
	if a.Date.Format("2006-01-02") != "2026-03-10" || a.Kind != model.ActivityInfoSession || a.Participants != 25 ||
		a.Place != "Borgo Hermada" || a.OperatorID != op.ID {
		t.Errorf("saved %+v", a)
	}
	// The form is cleared for the next one.
	if d, p, pl := entry(t, u, u.t("activities.date")+" *").Text, entry(t, u, u.t("activities.participants")).Text,
		entry(t, u, u.t("activities.place")).Text; d != "14/03/2026" || p != "1" || pl != "" {
		t.Errorf("after saving the form holds %q, %q, %q", d, p, pl)
	}
	if o, _ := input(t, u, u.t("activities.kind")+" *"); o.(*choice).SelectedIndex() >= 0 {
		t.Error("the kind is still chosen after saving")
	}

	// An outreach round in January, written the Italian way.
	recordActivity(t, u, "20/01/2026", model.ActivityOutreach, "12", "Sabaudia")
	screen := texts(u)
	session := u.t("activities.kind_info_session")
	outreach := u.t("activities.kind_outreach")
	first := "10/03/2026 · " + session + " · " + u.N("activities.people", 25) + " · Borgo Hermada"
	second := "20/01/2026 · " + outreach + " · " + u.N("activities.people", 12) + " · Sabaudia"
	listed := screen[strings.Index(screen, u.tr.Tf("activities.list", map[string]any{"Year": 2026})):]
	if i, j := strings.Index(listed, first), strings.Index(listed, second); i < 0 || j < 0 || i > j {
		t.Errorf("the list does not show %q then %q:\n%s", first, second, screen)
	}
	one := func(people int) string { return u.N("activities.count", 1) + " · " + u.N("activities.people", people) }
	both := u.N("activities.count", 2) + " · " + u.N("activities.people", 37)
	for _, want := range []string{u.t("activities.this_month"), u.tr.Tf("activities.in_year", map[string]any{"Year": 2026}),
		one(25), one(12), both} {
		if !strings.Contains(screen, want) {
			t.Errorf("the totals do not say %q:\n%s", want, screen)
		}
	}
	// This month counts the session only: its total is one activity, the year's two.
	if strings.Count(screen, one(25)) != 3 { // session: month, year; month's total
		t.Errorf("the session is not counted in this month and this year:\n%s", screen)
	}
	if strings.Count(screen, one(12)) != 1 { // outreach: the year only
		t.Errorf("January's outreach is counted in March:\n%s", screen)
	}

	// A late record of last year moves the list to that year.
	recordActivity(t, u, "2025-12-05", model.ActivityLegalConsult, "1", "")
	screen = texts(u)
	if !strings.Contains(screen, "05/12/2025 · "+u.t("activities.kind_legal_consultation")+" · "+u.N("activities.people", 1)) ||
		strings.Contains(screen, first) || strings.Contains(screen, u.t("activities.this_month")) {
		t.Errorf("after recording a 2025 activity, 2025 is not shown:\n%s", screen)
	}
	sel := findYearSelect(t, u)
	if strings.Join(sel.Options, ",") != "2026,2025" || sel.Selected != "2025" {
		t.Errorf("year selector %v, %q", sel.Options, sel.Selected)
	}
	sel.SetSelected("2026")
	if !strings.Contains(texts(u), first) {
		t.Errorf("back to 2026, the list does not show %q", first)
	}
}

func TestActivityRefusesFutureDateAndNegativeCount(t *testing.T) {
	u, db, _ := signedInApp(t)
	showActivities(t, u)
	date, people := u.t("activities.date")+" *", u.t("activities.participants")

	// Tomorrow, and minus three people.
	recordActivity(t, u, "15/03/2026", model.ActivityOutreach, "-3", "Latina")
	if got := fieldError(t, u, date); got != u.t("activities.future_date") {
		t.Errorf("a future date: %q", got)
	}
	if got := fieldError(t, u, people); got != u.t("activities.participants_negative") {
		t.Errorf("a negative count: %q", got)
	}
	if !strings.Contains(texts(u), u.t("form.fix_errors")) {
		t.Errorf("no word that nothing was saved:\n%s", texts(u))
	}

	// A day that does not exist, a count that is no number, no kind.
	recordActivity(t, u, "2026-02-30", "", "tanti", "")
	want := map[string]string{date: u.t("activities.date_invalid"), u.t("activities.kind") + " *": u.t("error.required"),
		people: u.tr.Tf("activities.participants_invalid", map[string]any{"Max": model.MaxParticipants})}
	for label, msg := range want {
		if got := fieldError(t, u, label); got != msg {
			t.Errorf("%s: %q, want %q", label, got, msg)
		}
	}
	if list, _ := db.Activities(context.Background(), "", ""); len(list) != 0 {
		t.Fatalf("saved from bad input: %+v", list)
	}

	// Corrected, it saves and the errors go.
	recordActivity(t, u, "14/03/2026", model.ActivityOutreach, "0", "")
	if list, _ := db.Activities(context.Background(), "", ""); len(list) != 1 || list[0].Participants != 0 {
		t.Fatalf("the corrected activity: %+v\n%s", list, texts(u))
	}
	for _, label := range []string{date, people} {
		if got := fieldError(t, u, label); got != "" {
			t.Errorf("%s still shows %q", label, got)
		}
	}
}

func TestActivityKindLabelsTranslated(t *testing.T) {
	labels := map[string]map[model.ActivityKind]string{}
	for _, lang := range []string{"it", "en"} {
		tr := locales.New(lang)
		labels[lang] = map[model.ActivityKind]string{}
		for _, k := range model.ActivityKinds {
			key, ok := activityKindKeys[k]
			if !ok {
				t.Fatalf("activity kind %q has no message key", k)
			}
			if !tr.Has(key) || tr.T(key) == key {
				t.Errorf("%s: %q is not translated", lang, key)
			}
			labels[lang][k] = tr.T(key)
		}
	}
	if labels["it"][model.ActivityInfoSession] == labels["en"][model.ActivityInfoSession] {
		t.Error("the Italian and English labels are the same")
	}

	// The select offers them in the interface language.
	u, _, _ := signedInApp(t)
	showActivities(t, u)
	o, _ := input(t, u, u.t("activities.kind")+" *")
	got := strings.Join(o.(*choice).Options, "|")
	var want []string
	for _, k := range model.ActivityKinds {
		want = append(want, labels["it"][k])
	}
	if got != strings.Join(want, "|") {
		t.Errorf("kind options %q, want %q", got, strings.Join(want, "|"))
	}
}

// findYearSelect is the activities screen's year selector.
func findYearSelect(t *testing.T, u *App) *widget.Select {
	t.Helper()
	for _, o := range objects(u) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) > 0 && s.Options[0] == "2026" {
			return s
		}
	}
	t.Fatal("no year selector on screen")
	return nil
}

// TestActivitiesListedAPageAtATime: a year of many activities (a regional
// desk records thousands) lists the newest activitiesPage, then the next
// ones on "More", not a widget for each at once.
func TestActivitiesListedAPageAtATime(t *testing.T) {
	u, db, op := signedInApp(t) // 14 March 2026
	for i := range activitiesPage + 7 {
		a := &model.Activity{Date: time.Date(2026, 1, 1+i%28, 0, 0, 0, 0, time.UTC), Kind: model.ActivityOutreach,
			Participants: 1 + i, Place: fmt.Sprintf("Campo %d", i)}
		if err := db.CreateActivity(context.Background(), a, op.ID); err != nil {
			t.Fatal(err)
		}
	}
	showActivities(t, u)
	if n := strings.Count(texts(u), "Campo "); n != activitiesPage || !hasButton(u, u.t("audit.more")) {
		t.Fatalf("%d activities listed at first, want %d and a button for more", n, activitiesPage)
	}
	test.Tap(button(t, u, u.t("audit.more")))
	if n := strings.Count(texts(u), "Campo "); n != activitiesPage+7 || hasButton(u, u.t("audit.more")) {
		t.Errorf("%d activities listed after More, want all %d and no button", n, activitiesPage+7)
	}
}
