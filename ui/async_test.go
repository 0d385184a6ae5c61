package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"sportello/model"
)

// uiLoop stands for the UI goroutine in a test that runs background work
// for real. Fyne's test driver runs fyne.Do inline, on the goroutine that
// calls it (test/driver.go, DoFromGoroutine): a result would then be shown
// on the worker's goroutine, two results at once on two of them. Instead,
// results are queued and run here, on the test's goroutine, one at a time,
// as the real driver runs them on its main goroutine; so a screen's field
// written by the work races, for -race, with the screen reading it.
type uiLoop struct {
	u     *App
	queue chan func()
}

// realAsync makes u run its background work on other goroutines from now on.
func realAsync(t *testing.T, u *App) *uiLoop {
	t.Helper()
	l := &uiLoop{u: u, queue: make(chan func(), 64)}
	u.sync = false
	u.do = func(f func()) { l.queue <- f }
	t.Cleanup(func() {
		l.settle(t) // no work left running into the next test
		u.sync, u.do = true, fyne.Do
	})
	return l
}

// settle runs the results sent back until no work is left, failing after
// a deadline.
func (l *uiLoop) settle(t *testing.T) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for l.u.pending.Load() > 0 {
		select {
		case f := <-l.queue:
			f()
		case <-deadline:
			t.Fatalf("background work still running after 30 s (%d pending)", l.u.pending.Load())
		}
	}
}

// TestScreensLoadForReal opens the case view, the plan and the consents with
// their work on other goroutines, each loading twice at once (a second
// opening, a reload after a save), and checks what they show. Run with
// -race: a work function that wrote a screen's field would race with the
// other load and with the screen showing it.
func TestScreensLoadForReal(t *testing.T) {
	u, db, op := signedInApp(t)
	lockClock(u) // no idle-lock timer of its own
	ctx := context.Background()
	p := &model.Person{FamilyName: "Mensah", GivenNames: "Kofi", PreferredLanguage: "en"}
	if err := db.CreatePerson(ctx, p, op.ID); err != nil {
		t.Fatal(err)
	}
	cases, _ := db.CasesOf(ctx, p.ID)
	caseID := cases[0].ID
	if err := db.SavePlan(ctx, &model.Plan{CaseID: caseID, Goals: []model.Goal{{Area: model.AreaHousing, Text: "Posto letto a Latina"}}}, op.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordConsent(ctx, &model.Consent{PersonID: p.ID, Purpose: model.PurposeNotice, NoticeVersion: NoticeVersion,
		Language: "en", State: model.ConsentGiven, Date: testNow, Mediator: "Ama Owusu"}, nil, op.ID); err != nil {
		t.Fatal(err)
	}
	loop := realAsync(t, u)

	tests := []struct {
		name string
		// open builds the screen (its first load starts); reload loads
		// again; redraw lays the screen out again from what it keeps.
		open func() (screen fyne.CanvasObject, reload, redraw func())
		want []string
	}{
		{"case view", func() (fyne.CanvasObject, func(), func()) {
			v := newCaseView(u, p.ID, u.home.onEdit)
			return v.build(), v.load, v.show
		}, []string{"MENSAH Kofi", p.CaseCode, u.t("case.cases")}},
		{"plan", func() (fyne.CanvasObject, func(), func()) {
			v := newPlanView(u, p, caseID)
			return v.build(), v.load, v.render
		}, []string{u.t("plan.title") + " · MENSAH Kofi", u.tr.Tf("plan.goal", map[string]any{"N": 1})}},
		{"consents", func() (fyne.CanvasObject, func(), func()) {
			v := newConsentsView(u, p)
			return v.build(), v.reload, func() {}
		}, []string{u.label("purpose", model.PurposeNotice), "Ama Owusu"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Two loads at once: the second starts before this goroutine
			// does anything that could order the two (the store's locks).
			screen, reload, redraw := tt.open()
			reload()
			if u.pending.Load() < 2 {
				t.Fatal("the loads ran inline, not in the background")
			}
			u.home.show(screen)
			loop.settle(t)
			// A reload while the screen redraws from what it keeps, as it
			// does when the operator works on it meanwhile.
			reload()
			redraw()
			loop.settle(t)
			shown := texts(u)
			for _, w := range tt.want {
				if !strings.Contains(shown, w) {
					t.Errorf("%q not on the screen:\n%s", w, shown)
				}
			}
		})
	}
}

// TestResultsAfterSignOutAreDropped: a read still running when the
// operator signs out has its context cancelled, and its result never
// reaches the next operator's window.
func TestResultsAfterSignOutAreDropped(t *testing.T) {
	u, _, _ := signedInApp(t)
	loop := realAsync(t, u)
	started, release := make(chan context.Context), make(chan struct{})
	shown := false
	load(u, func(ctx context.Context) (int, error) {
		started <- ctx
		<-release
		return 1, ctx.Err()
	}, func(int) { shown = true }, func(error) { shown = true })
	ctx := <-started
	u.signOut()
	close(release)
	loop.settle(t)
	if ctx.Err() == nil {
		t.Error("the read's context is not cancelled by the sign-out")
	}
	if shown {
		t.Error("a result of the signed-out session was shown")
	}
}

// The window's memory is given back once, a moment after the last of
// several screen changes in a row, not at each.
func TestMemoryGivenBackOnceLeftAlone(t *testing.T) {
	released := make(chan struct{}, 10)
	r := releaseLater{release: func() { released <- struct{}{} }, wait: time.Second}
	for i := 0; i < 5; i++ {
		r.soon()
	}
	select {
	case <-released:
	case <-time.After(30 * time.Second):
		t.Fatal("never given back")
	}
	time.Sleep(2 * r.wait)
	if n := len(released); n != 0 {
		t.Errorf("five screens in a row: given back %d times, not once", n+1)
	}
}
