package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// TestIdleLockSetting: Settings takes whole minutes from 1 to 60, or
// nothing for 5; anything else is said on the field and not saved. The
// lock follows the setting at once.
func TestIdleLockSetting(t *testing.T) {
	u, db, _ := signedInApp(t)
	label := u.t("idle_lock.setting")
	u.home.onSettings()
	for _, bad := range []string{"0", "abc", "61", "-1", "1.5"} {
		e := entry(t, u, label)
		e.SetText(bad)
		test.Tap(button(t, u, u.t("settings.save")))
		if got := fieldError(t, u, label); got != u.t("idle_lock.setting_invalid") {
			t.Errorf("%q: the field says %q", bad, got)
		}
		if v, _ := db.Setting(context.Background(), model.SettingIdleLockMinutes); v != "" {
			t.Errorf("%q was saved as %q", bad, v)
		}
	}
	entry(t, u, label).SetText("1")
	test.Tap(button(t, u, u.t("settings.save")))
	if got := fieldError(t, u, label); got != "" {
		t.Errorf("1 minute refused: %q", got)
	}
	if v, _ := db.Setting(context.Background(), model.SettingIdleLockMinutes); v != "1" {
		t.Errorf("saved %q, want 1", v)
	}
	clock := lockClock(u)
	clock.advance(55 * time.Second)
	if u.idle.locked() {
		t.Fatal("locked before the minute")
	}
	clock.advance(10 * time.Second)
	if !u.idle.locked() {
		t.Fatal("not locked after one minute")
	}
}

// TestSignOutFromTheLock: the lock's Sign out is the usual sign-out: the
// interview is saved where it stood and the login comes back.
func TestSignOutFromTheLock(t *testing.T) {
	u, db, _ := startInterview(t, "en")
	clock := lockClock(u)
	choose(t, u, "documents.id_kept", "no")
	test.Tap(button(t, u, keyed(u, "interview.next")))
	test.Tap(button(t, u, u.t("interview.view_person")+" (Ctrl+3)"))
	iv := u.inter.iv
	clock.advance(6 * time.Minute)
	if !u.idle.locked() {
		t.Fatal("not locked")
	}
	test.Tap(u.idle.screen.signOut)
	if u.op != nil || u.inter != nil || u.idle.locked() || u.win.FullScreen() {
		t.Fatalf("after Sign out: operator %v, interview %v, locked %v, full screen %v",
			u.op, u.inter, u.idle.locked(), u.win.FullScreen())
	}
	entry(t, u, u.t("login.username")) // the login is on the window
	got, err := db.InterviewInProgress(context.Background(), iv.CaseID)
	if err != nil || got == nil || got.Section != 1 || len(got.Answers) != 1 || got.Answers[0].Value != "no" {
		t.Fatalf("the interview after Sign out: %+v, %v", got, err)
	}
	clock.advance(time.Hour)
	if u.idle.locked() {
		t.Error("the login screen locked")
	}
}

// TestSaverStopWritesWhatWasTyped: answers still waiting for the typing
// pause are in the database when stop returns, and nothing is taken after.
func TestSaverStopWritesWhatWasTyped(t *testing.T) {
	u, db, _ := startInterview(t, "en")
	iv := u.inter.iv
	u.sync = false
	defer func() { u.sync = true }()
	s := newAnswerSaver(u, iv.ID, func(error) {})
	s.put("documents.languages", "English, Twi", false)
	s.put("documents.id_kept", "yes", true)
	s.put("migration.arrival_year", "2021", false)
	s.stop()
	s.put("documents.languages", "after the end", false)
	s.flush()
	got, _ := db.InterviewInProgress(context.Background(), iv.CaseID)
	answers := map[string]string{}
	for _, a := range got.Answers {
		answers[a.QuestionID] = a.Value
	}
	want := map[string]string{"documents.languages": "English, Twi", "documents.id_kept": "yes", "migration.arrival_year": "2021"}
	for id, v := range want {
		if answers[id] != v {
			t.Errorf("%s = %q, want %q", id, answers[id], v)
		}
	}
}

// TestPersonViewLeadsNowhereElse: turned to the person, the interview
// offers its own answers, back and forward, and the way back to the
// operator's view of the same interview: no list, no search, no other file.
func TestPersonViewLeadsNowhereElse(t *testing.T) {
	u, _, _ := startInterview(t, "ar")
	s := u.inter
	for {
		s.setView(viewPerson)
		entries := map[*answerEntry]bool{}
		for _, e := range s.entries {
			entries[e] = true
		}
		for _, o := range test.LaidOutObjects(u.win.Content()) {
			switch w := o.(type) {
			case *optionButton, *scriptText:
			case *widget.Entry:
				t.Errorf("section %d: an entry that is no answer (%q)", s.section, w.PlaceHolder)
			case *answerEntry:
				if !entries[w] {
					t.Errorf("section %d: an entry that is no answer (%q)", s.section, w.PlaceHolder)
				}
			case *widget.Button:
				if w.Text != u.t("interview.leave_person_view")+" (Ctrl+1)" {
					t.Errorf("section %d: a button %q", s.section, w.Text)
				}
			case *widget.List, *widget.Table, *widget.Tree, *widget.Select, *widget.SelectEntry, *widget.Hyperlink:
				t.Errorf("section %d: a %T in the person view", s.section, w)
			case fyne.Tappable:
				if fmt.Sprintf("%T", w) != "*widget.scrollBarArea" { // the scroll bars
					t.Errorf("section %d: something tappable, %T", s.section, w)
				}
			}
		}
		test.Tap(button(t, u, u.t("interview.leave_person_view")+" (Ctrl+1)"))
		if s.view != viewBilingual || u.inter != s {
			t.Fatal("leaving the person view went elsewhere than the same interview")
		}
		if s.section == len(s.qn.Sections)-1 {
			break
		}
		s.onNext()
	}
}

// TestWhileLockedNothingComesThrough: work finishing while the window is
// locked, and a new screen, wait for the unlock; after a sign-out they are
// dropped.
func TestWhileLockedNothingComesThrough(t *testing.T) {
	u, _, _ := signedInApp(t)
	clock := lockClock(u)
	clock.advance(6 * time.Minute)
	if !u.idle.locked() {
		t.Fatal("not locked")
	}
	lockScreen := u.win.Content()
	var done []string
	save(u, func(context.Context) error { return nil }, func(error) { done = append(done, "first") })
	u.signedIn(u.op) // a screen built by work that ends now
	save(u, func(context.Context) error { return nil }, func(error) { done = append(done, "second") })
	if len(done) != 0 || u.win.Content() != lockScreen || !u.idle.locked() {
		t.Fatalf("through the lock: results %v, same lock screen %v", done, u.win.Content() == lockScreen)
	}
	test.Type(u.idle.screen.password, "sportello-test")
	test.Tap(u.idle.screen.unlock)
	if strings.Join(done, " ") != "first second" {
		t.Errorf("after the unlock, results %v", done)
	}
	if _, ok := u.win.Content().(*activityArea).content.(*fyne.Container); !ok || u.win.Content() == lockScreen {
		t.Error("the screen built while locked is not on the window")
	}

	clock.advance(6 * time.Minute)
	save(u, func(context.Context) error { return nil }, func(error) { done = append(done, "third") })
	test.Tap(u.idle.screen.signOut)
	if len(done) != 2 {
		t.Errorf("a result held by the lock came through after Sign out: %v", done)
	}
}
