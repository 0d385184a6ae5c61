package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

// demoDesk is a wide test window on a small demo desk (with the demo's
// targets) and its coordinator signed in.
func demoDesk(t *testing.T, persons int) (*App, *store.DB) {
	t.Helper()
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000)) // every toolbar button shown
	seedDesk(t, db, persons)
	u.Start()
	typeInto(t, u, u.t("login.username"), demo.Coordinator)
	typeInto(t, u, u.t("login.password"), demo.Password)
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op == nil || u.op.Role != model.RoleCoordinator {
		t.Fatalf("the coordinator is not signed in:\n%s", texts(u))
	}
	return u, db
}

// demoReport is what the store computes over the demo targets' period.
func demoReport(t *testing.T, db *store.DB) *store.IndicatorReport {
	t.Helper()
	ts := model.DemoTargets()
	rep, err := db.ComputeIndicators(t.Context(), ts[0].From, ts[0].To)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func resultOf(t *testing.T, rep *store.IndicatorReport, id string) store.IndicatorResult {
	t.Helper()
	for _, r := range rep.Results {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no indicator %q in the report", id)
	return store.IndicatorResult{}
}

// listedRows is the number of rows of the table on the dialog on top.
func listedRows(t *testing.T, u *App) int {
	t.Helper()
	for _, o := range overlay(t, u) {
		if tb, ok := o.(*widget.Table); ok {
			rows, _ := tb.Length()
			return rows
		}
	}
	t.Fatalf("no table on the dialog")
	return 0
}

// countOf finds the count button of a breakdown's value, by its label.
func countOf(t *testing.T, u *App, label string) *widget.Button {
	t.Helper()
	for _, o := range objects(u) {
		c, ok := o.(*fyne.Container)
		if !ok || c.Layout == nil {
			continue
		}
		for i := 0; i+1 < len(c.Objects); i += 2 {
			l, ok := c.Objects[i].(*widget.Label)
			row, ok2 := c.Objects[i+1].(*fyne.Container)
			if !ok || !ok2 || l.Text != label {
				continue
			}
			for _, x := range row.Objects {
				if b, ok := x.(*widget.Button); ok {
					return b
				}
			}
		}
	}
	t.Fatalf("no count for %q on screen", label)
	return nil
}

// The coordinator opens Indicators from Home: the period is the targets',
// every row shows the total ComputeIndicators gives, a target its
// progress; the count of a breakdown's bar and a month's bar (tapped, or
// by Space once focused) list as many persons as they say.
func TestIndicatorsScreen(t *testing.T) {
	u, db := demoDesk(t, 12)
	rep := demoReport(t, db)
	test.Tap(button(t, u, u.t("programme.button")))
	if got := entry(t, u, u.t("programme.from")).Text; got != "01/01/2024" {
		t.Errorf("the period starts %q, want the targets' 01/01/2024", got)
	}
	lang := u.tr.Lang()
	shown := 0
	for _, o := range objects(u) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			continue
		}
		name, ok1 := c.Objects[0].(*widget.Label)
		total, ok2 := c.Objects[1].(*widget.Label)
		if !ok1 || !ok2 {
			continue
		}
		for _, r := range rep.Results {
			in, _ := model.ProgrammeIndicatorByID(r.ID)
			if in.Name(lang) == name.Text && r.Pending == "" {
				shown++
				if want := groupThousands(r.Total, lang); total.Text != want {
					t.Errorf("%s: the screen says %q, the store %s", r.ID, total.Text, want)
				}
			}
		}
	}
	if shown < 5 {
		t.Fatalf("only %d indicator rows found:\n%s", shown, texts(u))
	}
	reach := resultOf(t, rep, "reach")
	if reach.Total == 0 {
		t.Fatal("the demo desk reached no one: the test would prove nothing")
	}
	progress := u.tr.Tf("programme.of_target", map[string]any{"N": groupThousands(reach.Total, lang),
		"Target": groupThousands(3000, lang), "Percent": strconv.Itoa(percent(reach.Total, 3000))})
	if !strings.Contains(texts(u), progress) {
		t.Errorf("the reach target's progress %q is not shown:\n%s", progress, texts(u))
	}
	var bar *widget.ProgressBar
	for _, o := range objects(u) {
		if b, ok := o.(*widget.ProgressBar); ok && b.Visible() && b.Max == 3000 {
			bar = b
		}
	}
	if bar == nil || bar.Value != float64(reach.Total) {
		t.Errorf("no progress bar at %d of 3000 (%v)", reach.Total, bar)
	}

	// The first indicator (reach) is shown: a breakdown's count lists its persons.
	women := reach.Breakdowns[model.BreakdownSex]["F"]
	men := reach.Breakdowns[model.BreakdownSex]["M"]
	value, n := "F", women
	if men > women {
		value, n = "M", men
	}
	b := countOf(t, u, model.BreakdownValueLabel(model.BreakdownSex, value, lang))
	if b.Text != groupThousands(n, lang) || n == 0 {
		t.Fatalf("the count reads %q, want %d (above zero)", b.Text, n)
	}
	test.Tap(b)
	if got := listedRows(t, u); got != n {
		t.Errorf("the list behind %d has %d rows", n, got)
	}
	test.Tap(overlayButton(t, u, u.t("programme.close")))

	// A month's bar, by keyboard.
	var month *monthBar
	for _, o := range objects(u) {
		if mb, ok := o.(*monthBar); ok && mb.m.n > 0 {
			month = mb
			break
		}
	}
	if month == nil {
		t.Fatal("no month with anyone in the chart")
	}
	u.win.Canvas().Focus(month)
	test.Type(month, " ")
	if got := listedRows(t, u); got != month.m.n {
		t.Errorf("the list behind %s's %d has %d rows", month.m.month, month.m.n, got)
	}
}

// A date that does not exist is said on its field, and nothing is
// computed; a period other than the targets' is computed and said so.
func TestIndicatorsBadDate(t *testing.T) {
	u, _ := demoDesk(t, 3)
	test.Tap(button(t, u, u.t("programme.button")))
	from := entry(t, u, u.t("programme.from"))
	from.SetText("31/02/2026")
	test.Tap(button(t, u, u.t("programme.compute")))
	if got := fieldError(t, u, u.t("programme.from")); got != u.t("programme.date_invalid") {
		t.Errorf("the From field says %q", got)
	}
	from.SetText("01/01/2026")
	entry(t, u, u.t("programme.to")).SetText("31/12/2025")
	test.Tap(button(t, u, u.t("programme.compute")))
	if got := fieldError(t, u, u.t("programme.to")); got != u.t("programme.period_backwards") {
		t.Errorf("a period backwards: the To field says %q", got)
	}
	if strings.Contains(texts(u), u.t("programme.other_period")) {
		t.Error("the targets' own period is said to be another")
	}
	entry(t, u, u.t("programme.to")).SetText("31/12/2026")
	test.Tap(button(t, u, u.t("programme.compute")))
	if got := fieldError(t, u, u.t("programme.to")); got != "" {
		t.Errorf("a good period: the To field still says %q", got)
	}
	if !strings.Contains(texts(u), u.t("programme.other_period")) {
		t.Errorf("a period other than the target's is not said:\n%s", texts(u))
	}
}

// An operator has no Indicators button, and the store refuses them the
// numbers and the lists behind them.
func TestIndicatorsRefusedToOperator(t *testing.T) {
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000))
	op := signInAs(t, u, db, "marco", model.RoleOperator)
	for _, o := range objects(u) {
		if tb, ok := o.(*toolbar); ok {
			for _, b := range tb.buttons {
				if b.Text == u.t("programme.button") {
					t.Error("the operator's toolbar has the Indicators button")
				}
			}
		}
	}
	if hasButton(u, u.t("programme.button")) {
		t.Error("the operator sees the Indicators button")
	}
	from, to := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	if _, err := db.As(op).ComputeIndicators(t.Context(), from, to); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store computed the indicators for an operator: %v", err)
	}
	if _, err := db.As(op).IndicatorPersons(t.Context(), from, to, "reach", store.IndicatorCell{}); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store listed who was counted for an operator: %v", err)
	}
}

// openTargets opens Settings on the Programme targets tab.
func openTargets(t *testing.T, u *App) {
	t.Helper()
	test.Tap(button(t, u, u.t("home.settings")))
	for _, o := range objects(u) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for i, it := range tabs.Items {
				if it.Text == u.t("targets.tab") {
					tabs.SelectIndex(i)
					return
				}
			}
		}
	}
	t.Fatalf("no Programme targets tab:\n%s", texts(u))
}

// The targets form refuses a number it cannot read, zero and a day that
// does not exist, on their fields, saving nothing; a good target is saved
// next to the others and is there when the tab opens again.
func TestProgrammeTargets(t *testing.T) {
	u, db := demoDesk(t, 2)
	openTargets(t, u)
	before, _ := db.Targets(t.Context())
	if len(before) != 3 {
		t.Fatalf("the demo has %d targets, want 3", len(before))
	}
	pick, _ := input(t, u, u.t("targets.indicator"))
	pick.(*choice).setCode("hired")
	fill := func(number, from, to string) {
		entry(t, u, u.t("targets.number")).SetText(number)
		entry(t, u, u.t("targets.from")).SetText(from)
		entry(t, u, u.t("targets.to")).SetText(to)
		test.Tap(button(t, u, u.t("targets.add")))
	}
	for _, bad := range []struct{ number, from, field, msg string }{
		{"abc", "01/01/2025", "targets.number", "targets.number_invalid"},
		{"0", "01/01/2025", "targets.number", "targets.number_positive"},
		{"1.500", "31/02/2026", "targets.from", "targets.date_invalid"},
	} {
		fill(bad.number, bad.from, "31/12/2026")
		if got := fieldError(t, u, u.t(bad.field)); got != u.t(bad.msg) {
			t.Errorf("%s, %s: the field says %q, want %q", bad.number, bad.from, got, u.t(bad.msg))
		}
		if now, _ := db.Targets(t.Context()); !slices.EqualFunc(now, before, sameTarget) {
			t.Errorf("%s, %s: the targets changed to %v", bad.number, bad.from, now)
		}
	}
	fill("1.500", "01/01/2025", "31/12/2026")
	after, _ := db.Targets(t.Context())
	want := model.Target{Indicator: "hired", Number: 1500, From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	if len(after) != 4 || !slices.EqualFunc(after[:3], before, sameTarget) || !sameTarget(after[3], want) {
		t.Fatalf("saved %v, want the three before and %v", after, want)
	}
	u.home.showToday()
	openTargets(t, u)
	in, _ := model.ProgrammeIndicatorByID("hired")
	row := u.tr.Tf("targets.row", map[string]any{"Name": in.Name("it"), "Number": "1.500", "From": "01/01/2025", "To": "31/12/2026"})
	if !strings.Contains(texts(u), row) {
		t.Errorf("the tab opened again does not list %q:\n%s", row, texts(u))
	}
}

func sameTarget(a, b model.Target) bool {
	return a.Indicator == b.Indicator && a.Number == b.Number && a.From.Equal(b.From) && a.To.Equal(b.To)
}

// readCount reads a number the Italian way in Italian, the English way in English.
func TestReadCount(t *testing.T) {
	for _, c := range []struct {
		in, lang string
		n        int
		ok       bool
	}{{"1.500", "it", 1500, true}, {"1500", "it", 1500, true}, {"3.000.000", "it", 3000000, true},
		{"1,500", "en", 1500, true}, {"1,500", "it", 0, false}, {"1.5", "it", 0, false}, {"abc", "it", 0, false},
		{"-3", "it", 0, false}, {"", "it", 0, false}} {
		n, ok := readCount(c.in, c.lang)
		if n != c.n || ok != c.ok {
			t.Errorf("readCount(%q, %s) = %d, %v; want %d, %v", c.in, c.lang, n, ok, c.n, c.ok)
		}
	}
	if got := groupThousands(1234567, "it"); got != "1.234.567" {
		t.Errorf("groupThousands = %q", got)
	}
}

// A target changed with a number that does not read changes nothing; a
// good number changes that target alone; a removed one (once confirmed)
// goes and the others stay.
func TestProgrammeTargetChangeAndRemove(t *testing.T) {
	u, db := demoDesk(t, 2)
	openTargets(t, u)
	before, _ := db.Targets(t.Context())
	edits := buttonsNamed(u, u.t("targets.edit"))
	if len(edits) != len(before) || len(before) != 3 {
		t.Fatalf("%d Change buttons for %d targets", len(edits), len(before))
	}
	test.Tap(edits[0])
	if got := entry(t, u, u.t("targets.number")).Text; got != "3.000" {
		t.Errorf("the form shows the number %q, want 3.000", got)
	}
	entry(t, u, u.t("targets.number")).SetText("0")
	test.Tap(button(t, u, u.t("targets.save")))
	if now, _ := db.Targets(t.Context()); !slices.EqualFunc(now, before, sameTarget) {
		t.Errorf("a refused change saved %v", now)
	}
	entry(t, u, u.t("targets.number")).SetText("3.500")
	test.Tap(button(t, u, u.t("targets.save")))
	want := slices.Clone(before)
	want[0].Number = 3500
	if now, _ := db.Targets(t.Context()); !slices.EqualFunc(now, want, sameTarget) {
		t.Errorf("after the change: %v, want %v", now, want)
	}

	test.Tap(buttonsNamed(u, u.t("targets.remove"))[1])
	var yes *widget.Button
	for _, o := range overlay(t, u) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.HighImportance {
			yes = b
		}
	}
	if yes == nil {
		t.Fatal("no confirmation asked")
	}
	test.Tap(yes)
	want = slices.Delete(want, 1, 2)
	if now, _ := db.Targets(t.Context()); !slices.EqualFunc(now, want, sameTarget) {
		t.Errorf("after the removal: %v, want %v", now, want)
	}
}

// buttonsNamed lists the visible buttons showing text, in screen order.
func buttonsNamed(u *App, text string) []*widget.Button {
	var out []*widget.Button
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			out = append(out, b)
		}
	}
	return out
}

// TestIndicatorsByDesk: a database whose persons were registered under two
// case-code prefixes (as after merging another desk's bundles) shows the
// desk filter; choosing a desk counts its persons only, and the anonymous
// list follows it. The report buttons ask where to save.
func TestIndicatorsByDesk(t *testing.T) {
	u, db := newTestApp(t)
	u.win.Resize(fyne.NewSize(1600, 1000))
	ctx := context.Background()
	seedDesk(t, db, 12)
	if err := db.SaveSettings(ctx, map[string]string{model.SettingCasePrefix: "LT"}, 0); err != nil {
		t.Fatal(err)
	}
	seedDesk(t, db, 16) // four more, registered as LT-…
	u.Start()
	typeInto(t, u, u.t("login.username"), demo.Coordinator)
	typeInto(t, u, u.t("login.password"), demo.Password)
	test.Tap(button(t, u, u.t("login.sign_in")))
	test.Tap(button(t, u, u.t("programme.button")))
	var desk *widget.Select
	for _, o := range objects(u) {
		if s, ok := o.(*widget.Select); ok && len(s.Options) > 0 && s.Options[0] == u.t("programme.all_desks") {
			desk = s
		}
	}
	if desk == nil || !desk.Visible() || len(desk.Options) != 3 || !strings.HasPrefix(desk.Options[1], "LT · ") ||
		desk.Options[2] != "PUA" {
		t.Fatalf("the desk filter: %+v", desk)
	}
	desk.SetSelectedIndex(1)
	if want := u.tr.Tf("programme.of_target", map[string]any{"N": "4", "Target": groupThousands(3000, u.tr.Lang()),
		"Percent": "0"}); !strings.Contains(texts(u), want) {
		t.Errorf("the reach of desk LT should be its four persons, %q:\n%s", want, texts(u))
	}
	test.Tap(button(t, u, u.t("programme.workbook")))
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("the workbook does not ask where to save it")
	}
}
