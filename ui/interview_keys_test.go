package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// keyed is a navigation button's label with its key.
func keyed(u *App, id string) string {
	key := "interview.next_key"
	if id == "interview.back" {
		key = "interview.back_key"
	}
	return u.t(id) + " (" + u.t(key) + ")"
}

// keyboard sends key events as the desktop driver does: Tab moves the
// focus, keys and runes go to the focused object, shortcuts to it when it
// takes shortcuts and to the window otherwise.
type keyboard struct {
	t *testing.T
	u *App
}

func (k keyboard) focused() fyne.Focusable {
	k.t.Helper()
	f := k.u.win.Canvas().Focused()
	if f == nil {
		k.t.Fatal("nothing has the focus")
	}
	return f
}

func (k keyboard) tab() {
	c := k.u.win.Canvas()
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	c.FocusNext()
}

func (k keyboard) press(name fyne.KeyName) {
	k.t.Helper()
	f := k.focused()
	f.TypedKey(&fyne.KeyEvent{Name: name})
	if name == fyne.KeySpace {
		f.TypedRune(' ')
	}
}

func (k keyboard) typ(text string) {
	k.t.Helper()
	for _, r := range text {
		k.focused().TypedRune(r)
	}
}

func (k keyboard) shortcut(sc fyne.Shortcut) {
	k.t.Helper()
	if f, ok := k.u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	// Fyne's test canvas keeps its shortcuts out of reach: hand the key to
	// the handler the interview put on the window, as the window would.
	if !k.u.inter.onShortcut(sc) {
		k.t.Fatalf("no interview shortcut %s", sc.ShortcutName())
	}
}

var ctrlEnter = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

// tabTo presses Tab until the answer widget named key ("id=option" or an
// entry's id) has the focus, checking at each step that what has the
// focus inside the questions shows whole.
func (k keyboard) tabTo(key string) {
	k.t.Helper()
	s := k.u.inter
	for i := 0; i < 400; i++ {
		k.tab()
		f := k.focused()
		checkInView(k.t, s, f)
		if b := s.options[key]; b != nil && fyne.Focusable(b) == f {
			return
		}
		if e := s.entries[key]; e != nil && fyne.Focusable(e) == f {
			return
		}
	}
	k.t.Fatalf("Tab never reached %s (section %d)", key, s.section)
}

// checkInView fails if f lies in the section's questions but outside what
// the scroll shows.
func checkInView(t *testing.T, s *interviewScreen, f fyne.Focusable) {
	t.Helper()
	o, ok := f.(fyne.CanvasObject)
	if !ok || s.scroll == nil || !inTree(s.scroll.Content, o) {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.scroll).Y
	if top < 0 || top+o.Size().Height > s.scroll.Size().Height+0.5 {
		t.Fatalf("the focused %T is off screen: top %.0f, height %.0f, view %.0f", o, top, o.Size().Height, s.scroll.Size().Height)
	}
}

func inTree(root, o fyne.CanvasObject) bool {
	for _, x := range test.LaidOutObjects(root) {
		if x == o {
			return true
		}
	}
	return false
}

// TestInterviewByKeysAlone takes a whole interview in Urdu (right to left)
// with Tab, Space, Enter, typing and Ctrl+Enter only, ends it from the
// dialog by keyboard too, and reads the answers back from the store.
func TestInterviewByKeysAlone(t *testing.T) {
	u, db, p := startInterview(t, "ur")
	u.win.Resize(fyne.NewSize(1024, 600))
	s, k := u.inter, keyboard{t, u}
	if f := u.win.Canvas().Focused(); f != fyne.Focusable(s.options["documents.id_document=passport"]) {
		t.Fatalf("the interview starts with the focus on %T, not the first answer", f)
	}
	k.press(fyne.KeySpace) // passport
	k.tabTo("documents.id_kept=no")
	k.press(fyne.KeySpace)
	k.tabTo("documents.permit_status=expired")
	k.press(fyne.KeyReturn) // two more questions appear; the focus stays
	if f := k.focused(); f != fyne.Focusable(s.options["documents.permit_status=expired"]) {
		t.Fatalf("after the redraw the focus is on %T", f)
	}
	k.tabTo("documents.permit_expiry")
	k.typ("2025-06")
	k.press(fyne.KeyReturn) // on to the next field
	k.tabTo("documents.italian_level=a1")
	k.press(fyne.KeySpace)
	k.shortcut(ctrlEnter)
	if s.section != 1 {
		t.Fatalf("Ctrl+Enter left the interview at section %d", s.section)
	}
	k.tabTo("migration.arrival_year")
	k.typ("2019")
	k.shortcut(ctrlEnter) // from inside a field too
	if s.section != 2 || k.focused() != s.first {
		t.Fatalf("section %d, focus %T", s.section, k.focused())
	}
	k.press(fyne.KeySpace) // "Add a job", the section's first control
	k.tabTo("work.jobs.sector#0=a")
	k.press(fyne.KeySpace)
	k.tabTo("work.jobs.hours_per_day#0")
	k.typ("13")
	k.tabTo("work.jobs.deductions#0=transport")
	k.press(fyne.KeyReturn)
	k.shortcut(ctrlEnter)
	k.tabTo("exploitation.threats=yes")
	k.press(fyne.KeySpace)
	for s.section < len(s.qn.Sections)-1 {
		k.shortcut(ctrlEnter)
	}
	k.tabTo("needs.needs=legal")
	k.press(fyne.KeySpace)
	k.shortcut(ctrlEnter) // the end: most questions are unanswered, so it asks
	for i := 0; ; i++ {
		if b, ok := u.win.Canvas().Focused().(*widget.Button); ok && b.Text == u.t("interview.finish_anyway") {
			break
		}
		if i > 10 {
			t.Fatal("Tab does not reach the dialog's button")
		}
		k.tab()
	}
	k.press(fyne.KeySpace)
	if s.iv.Status != model.InterviewCompleted {
		t.Fatalf("the interview did not end:\n%s", texts(u))
	}

	ctx := context.Background()
	cases, _ := db.CasesOf(ctx, p.ID)
	ivs, _ := db.InterviewsOf(ctx, cases[0].ID)
	got := map[string]string{}
	for _, a := range ivs[0].Answers {
		got[a.QuestionID] = a.Value
	}
	want := map[string]string{"documents.id_document": "passport", "documents.id_kept": "no", "documents.permit_status": "expired",
		"documents.permit_expiry": "2025-06", "documents.italian_level": "a1", "migration.arrival_year": "2019", "work.jobs": "1",
		"work.jobs.sector#0": "a", "work.jobs.hours_per_day#0": "13", "work.jobs.deductions#0": "transport",
		"exploitation.threats": "yes", "needs.needs": "legal"}
	for id, v := range want {
		if got[id] != v {
			t.Errorf("answer %s = %q, want %q", id, got[id], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d answers stored, want %d: %v", len(got), len(want), got)
	}
}

// TestFocusedCardScrollsIntoView: on a short window, Tab through the
// longest section keeps every focused card whole on screen, which needs
// scrolling; the focused card draws its focus ring, and only it.
func TestFocusedCardScrollsIntoView(t *testing.T) {
	for _, view := range []viewMode{viewBilingual, viewPerson} {
		u, _, _ := startInterview(t, "ar")
		u.win.Resize(fyne.NewSize(1024, 600))
		s, k := u.inter, keyboard{t, u}
		s.setView(view)
		s.onNext()
		s.onNext()
		s.onNext() // exploitation, eleven questions
		last := s.qn.Sections[s.section].Questions
		q := last[len(last)-1]
		k.tabTo(q.ID + "=" + q.Choices()[len(q.Choices())-1])
		if s.scroll.Offset.Y <= 0 {
			t.Errorf("view %d: the last card was reached without scrolling", view)
		}
		for key, b := range s.options {
			r := test.WidgetRenderer(b).(*optionRenderer)
			focused := fyne.Focusable(b) == u.win.Canvas().Focused()
			if r.border.Hidden == focused || (focused && r.border.StrokeColor != focusRing()) || (focused && r.border.StrokeWidth < 2) {
				t.Errorf("view %d: %s focused %v draws ring hidden=%v", view, key, focused, r.border.Hidden)
			}
		}
		// Back up with Shift-Tab: the cards above come back into view.
		for i := 0; i < 30; i++ {
			u.win.Canvas().FocusPrevious()
			checkInView(t, s, u.win.Canvas().Focused())
		}
	}
}

// TestEndingWithUnansweredAsks: progress counts the answers of the
// questions shown, conditions honoured; ending with some unanswered asks,
// and "go on" keeps the interview open.
func TestEndingWithUnansweredAsks(t *testing.T) {
	u, db, _ := startInterview(t, "en")
	s := u.inter
	_, shown0 := s.answered()
	steps := []struct {
		id, option  string
		done, extra int // answered, and questions shown beyond the start
	}{
		{"documents.id_kept", "yes", 1, 0},
		{"documents.permit_status", "valid", 2, 2}, // permit type and expiry appear
		{"documents.permit_status", "none", 2, 0},  // and go again
		{"documents.housing", "rented", 3, 0},
	}
	for _, st := range steps {
		choose(t, u, st.id, st.option)
		done, shown := s.answered()
		if done != st.done || shown != shown0+st.extra {
			t.Errorf("after %s=%s: %d of %d answered, want %d of %d", st.id, st.option, done, shown, st.done, shown0+st.extra)
		}
		if s.progress.Value != float64(done) || s.progress.Max != float64(shown) {
			t.Errorf("progress bar %v of %v", s.progress.Value, s.progress.Max)
		}
	}
	for s.section < len(s.qn.Sections)-1 {
		test.Tap(button(t, u, keyed(u, "interview.next")))
	}
	if s.progress.Value == s.progress.Max {
		t.Fatal("progress is full with most questions unanswered")
	}
	test.Tap(button(t, u, keyed(u, "interview.finish")))
	done, shown := s.answered()
	msg := u.N("interview.unanswered", shown-done)
	if !strings.Contains(msg, strconv.Itoa(shown-done)) || !dialogSays(u, msg) {
		t.Fatalf("no question naming %d unanswered", shown-done)
	}
	test.Tap(overlayButton(t, u, u.t("interview.keep_going")))
	if u.inter != s || s.iv.Status == model.InterviewCompleted || u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("'go on' did not keep the interview open")
	}
	ivs, _ := db.InterviewsOf(context.Background(), s.iv.CaseID)
	if ivs[0].Status != model.InterviewInProgress {
		t.Fatalf("stored as %s", ivs[0].Status)
	}
	test.Tap(button(t, u, keyed(u, "interview.finish")))
	test.Tap(overlayButton(t, u, u.t("interview.finish_anyway")))
	if s.iv.Status != model.InterviewCompleted {
		t.Fatal("confirming did not end the interview")
	}
}

func dialogSays(u *App, text string) bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}
