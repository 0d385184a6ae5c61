package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// No test window locks by the wall clock: a test that wants the lock
// drives its time with lockClock.
func init() {
	idleAfter = func(time.Duration, func()) stopper { return stoppedTimer{} }
}

type stoppedTimer struct{}

func (stoppedTimer) Stop() bool { return true }

// fakeClock is the idle lock's clock and its one timer, moved by the test.
type fakeClock struct {
	now  time.Time
	due  time.Time
	fire func()
}

// lockClock gives u's idle lock a clock the test moves, and starts the
// watch again on it.
func lockClock(u *App) *fakeClock {
	c := &fakeClock{now: testNow}
	u.idle.now = func() time.Time { return c.now }
	u.idle.after = func(d time.Duration, f func()) stopper {
		c.due, c.fire = c.now.Add(d), f
		return c
	}
	u.idle.start()
	return c
}

func (c *fakeClock) Stop() bool { c.fire = nil; return true }

// advance moves the time on by d, firing the timer whenever it is due.
func (c *fakeClock) advance(d time.Duration) {
	end := c.now.Add(d)
	for c.fire != nil && !c.due.After(end) {
		c.now = c.due
		f := c.fire
		c.fire = nil
		f()
	}
	c.now = end
}

// everyText is every text on the window, pop-ups included, whatever the
// widget that shows it.
func everyText(u *App) string {
	var b strings.Builder
	roots := append([]fyne.CanvasObject{u.win.Content()}, u.win.Canvas().Overlays().List()...)
	for _, r := range roots {
		for _, o := range test.LaidOutObjects(r) {
			switch w := o.(type) {
			case *widget.Label:
				fmt.Fprintln(&b, w.Text)
			case *widget.Entry:
				fmt.Fprintln(&b, w.Text, w.PlaceHolder)
			case *widget.RichText:
				fmt.Fprintln(&b, w.String())
			case *widget.Button:
				fmt.Fprintln(&b, w.Text)
			case *widget.Card:
				fmt.Fprintln(&b, w.Title, w.Subtitle)
			case *widget.Hyperlink:
				fmt.Fprintln(&b, w.Text)
			case *widget.Select:
				fmt.Fprintln(&b, w.Selected)
			case *canvas.Text:
				fmt.Fprintln(&b, w.Text)
			case *scriptText:
				fmt.Fprintln(&b, w.text)
			case *optionButton:
				fmt.Fprintln(&b, w.operator, w.person)
			}
		}
	}
	return b.String()
}

// TestIdleLockHidesEverythingAndKeepsTheInterview leaves an interview with
// a half-typed answer and a dialog open: after the idle time nothing of
// the person is left on the window; a wrong password keeps it locked; the
// right one brings back the same screen, the unsaved answer and its focus.
func TestIdleLockHidesEverythingAndKeepsTheInterview(t *testing.T) {
	u, db, p := startInterview(t, "ar")
	s := u.inter
	choose(t, u, "documents.permit_status", "expired")
	fill(t, u, "documents.languages", "arabo, francese")
	expiry := s.entries["documents.permit_expiry"]
	u.win.Canvas().Focus(expiry)
	test.Type(expiry, "giugno 2025") // no date yet: kept on screen, not saved
	note := dialog.NewInformation("Nota", "Telefonare a "+p.DisplayName(), u.win)
	note.Show()
	clock := lockClock(u)

	personal := []string{"El Amrani", "EL AMRANI", "Youssef", "يوسف", p.CaseCode, "Samira Belkacem",
		"arabo, francese", "giugno 2025"}
	before := everyText(u)
	for _, want := range []string{"EL AMRANI Youssef", "giugno 2025", "Samira Belkacem", "arabo, francese"} {
		if !strings.Contains(before, want) {
			t.Fatalf("the walk does not see %q on the interview:\n%s", want, before)
		}
	}

	clock.advance(4*time.Minute + 50*time.Second)
	if u.idle.locked() {
		t.Fatal("locked before the idle time")
	}
	clock.advance(15 * time.Second)
	if !u.idle.locked() {
		t.Fatal("not locked after the idle time")
	}
	noPersonalData := func(when string) {
		t.Helper()
		screen := everyText(u)
		for _, s := range personal {
			if strings.Contains(screen, s) {
				t.Errorf("%s, the window shows %q:\n%s", when, s, screen)
			}
		}
		if n := len(u.win.Canvas().Overlays().List()); n != 0 {
			t.Errorf("%s, %d pop-ups over the lock", when, n)
		}
	}
	noPersonalData("locked")
	if !strings.Contains(everyText(u), u.tr.Tf("idle_lock.locked", map[string]any{"Name": "Giulia Ferrante"})) {
		t.Errorf("the lock does not say who locked it:\n%s", everyText(u))
	}
	lock := u.idle.screen
	if u.win.Canvas().Focused() != lock.password {
		t.Error("the password field has no focus")
	}

	// Time goes by on the lock screen: it stays as it is.
	clock.advance(20 * time.Minute)
	test.Type(lock.password, "not my password")
	test.Tap(lock.unlock)
	if !u.idle.locked() || fieldError(t, u, u.t("login.password")) != u.t("idle_lock.wrong_password") {
		t.Fatalf("a wrong password: locked %v, the field says %q", u.idle.locked(), fieldError(t, u, u.t("login.password")))
	}
	noPersonalData("after a wrong password")

	test.Type(lock.password, "sportello-test")
	test.Tap(lock.unlock)
	if u.idle.locked() || u.inter != s {
		t.Fatal("the right password did not bring the interview back")
	}
	if s.entries["documents.permit_expiry"] != expiry || expiry.Text != "giugno 2025" {
		t.Errorf("the half-typed answer: same field %v, text %q", s.entries["documents.permit_expiry"] == expiry, expiry.Text)
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d pop-ups after the unlock, want the dialog back", n)
	}

	// With no dialog, the cursor is back where it was.
	note.Hide()
	u.win.Canvas().Focus(expiry)
	clock.advance(6 * time.Minute)
	if !u.idle.locked() || u.win.Canvas().Focused() == expiry {
		t.Fatal("not locked the second time")
	}
	test.Type(u.idle.screen.password, "sportello-test")
	u.idle.screen.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.idle.locked() || u.win.Canvas().Focused() != expiry || expiry.Text != "giugno 2025" {
		t.Errorf("after Enter in the password: locked %v, focus back %v, text %q",
			u.idle.locked(), u.win.Canvas().Focused() == expiry, expiry.Text)
	}
	ivs, _ := db.InterviewsOf(context.Background(), s.iv.CaseID)
	for _, a := range ivs[0].Answers {
		if a.QuestionID == "documents.permit_expiry" {
			t.Errorf("the half-typed answer was saved: %q", a.Value)
		}
	}

	// The trail: the lock, the wrong password, the unlock.
	trail, _ := db.AuditTrail(context.Background(), "operator", u.op.ID)
	var got []string
	for _, e := range trail {
		got = append(got, e.Action)
	}
	if !strings.Contains(strings.Join(got, " "), model.ActionLock+" "+model.ActionLogin) {
		t.Errorf("the operator's trail: %v, want a lock then a login", got)
	}
	failed, _ := db.AuditTrail(context.Background(), "operator", 0)
	if len(failed) != 1 || failed[0].Action != model.ActionLoginFailed {
		t.Errorf("failed unlocks in the trail: %+v", failed)
	}
}

// TestIdleLockCountsInput: any of these, every two minutes, keeps the
// window open for as long as it goes on; five minutes after the last, it
// locks.
func TestIdleLockCountsInput(t *testing.T) {
	cases := []struct {
		name   string
		onMain bool                       // on the main screen, the interview paused
		setup  func(t *testing.T, u *App) // where the input goes
		input  func(t *testing.T, u *App, i int)
	}{
		{"typing into an entry that has no handler", true, func(t *testing.T, u *App) {
			u.home.onSettings()
			u.win.Canvas().Focus(entry(t, u, u.t("settings.organisation")))
		}, func(t *testing.T, u *App, i int) {
			test.Type(u.win.Canvas().Focused(), "x")
		}},
		{"moving the cursor in an entry", true, func(t *testing.T, u *App) {
			u.home.onSettings()
			e := entry(t, u, u.t("settings.organisation"))
			e.SetText("Associazione Esempio")
			u.win.Canvas().Focus(e)
		}, func(t *testing.T, u *App, i int) {
			key := fyne.KeyLeft
			if i%2 == 1 {
				key = fyne.KeyRight
			}
			u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
		}},
		{"typing an interview answer", false, nil, func(t *testing.T, u *App, i int) {
			e := u.inter.entries["documents.languages"]
			u.win.Canvas().Focus(e)
			test.Type(e, "a")
		}},
		{"keys with nothing focused", false, func(t *testing.T, u *App) {
			u.win.Canvas().Unfocus()
		}, func(t *testing.T, u *App, i int) {
			test.TypeOnCanvas(u.win.Canvas(), "x")
		}},
		{"moving the mouse", false, nil, func(t *testing.T, u *App, i int) {
			u.win.Content().(*activityArea).Cursor() // what the driver asks on every move
		}},
		{"opening a screen", true, nil, func(t *testing.T, u *App, i int) {
			u.signedIn(u.op)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, _, _ := startInterview(t, "fr")
			if c.onMain {
				u.inter.onPause()
			}
			if c.setup != nil {
				c.setup(t, u)
			}
			clock := lockClock(u)
			for i := 0; i < 6; i++ {
				clock.advance(2 * time.Minute)
				c.input(t, u, i)
			}
			clock.advance(2 * time.Minute)
			if u.idle.locked() {
				t.Fatal("locked while the operator was at work")
			}
			clock.advance(2*time.Minute + 50*time.Second)
			if u.idle.locked() {
				t.Fatal("locked less than five minutes after the last input")
			}
			clock.advance(40 * time.Second)
			if !u.idle.locked() {
				t.Fatal("not locked five minutes after the last input")
			}
		})
	}
}
