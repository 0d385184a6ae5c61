package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

var testNow = time.Date(2026, 3, 14, 10, 30, 0, 0, time.UTC)

// testKDF keeps password hashing and key slots cheap in tests.
var testKDF = store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}

// testRecovery keeps each test desk's recovery key by path.
var testRecovery sync.Map

// newTestApp opens a real database in a temporary folder and a window on
// Fyne's test driver, with background work run inline.
func newTestApp(t *testing.T) (*App, *store.DB) {
	t.Helper()
	a := test.NewTempApp(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sportello.db")
	db, recovery, err := store.Create(path, store.Options{KDF: testKDF})
	if err != nil {
		t.Fatal(err)
	}
	testRecovery.Store(path, recovery)
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return testNow }
	old := nowFunc
	nowFunc = func() time.Time { return testNow }
	t.Cleanup(func() { nowFunc = old })
	cfg, _ := LoadConfig(filepath.Join(dir, "config.json"))
	u := New(a, db, cfg)
	u.sync = true
	u.win.Resize(fyne.NewSize(1200, 800))
	return u, db
}

// objects lists everything laid out on the window, widgets' insides included.
func objects(u *App) []fyne.CanvasObject {
	return test.LaidOutObjects(u.win.Content())
}

func button(t *testing.T, u *App, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
		if b, ok := o.(*followButton); ok && b.Text == text && b.Visible() {
			return &b.Button
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// input finds the input of the form field labelled text, and its error label.
func input(t *testing.T, u *App, text string) (fyne.CanvasObject, *widget.Label) {
	t.Helper()
	for _, o := range objects(u) {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		for i := 0; i+1 < len(c.Objects); i += 2 {
			l, ok := c.Objects[i].(*widget.Label)
			box, ok2 := c.Objects[i+1].(*fyne.Container)
			if ok && ok2 && l.Text == text && len(box.Objects) == 2 {
				if e, ok := box.Objects[1].(*widget.Label); ok {
					return box.Objects[0], e
				}
			}
		}
	}
	t.Fatalf("no field %q on screen", text)
	return nil, nil
}

func entry(t *testing.T, u *App, label string) *widget.Entry {
	t.Helper()
	o, _ := input(t, u, label)
	if th, ok := o.(*container.ThemeOverride); ok { // an entry drawn in the script typed
		o = th.Content
	}
	e, ok := o.(*widget.Entry)
	if !ok {
		// A field may hold its entry inside a box (domicile and its check).
		if c, ok := o.(*fyne.Container); ok {
			first := c.Objects[0]
			if th, ok := first.(*container.ThemeOverride); ok { // an entry drawn in the script typed
				first = th.Content
			}
			if e, ok := first.(*widget.Entry); ok {
				return e
			}
		}
		t.Fatalf("field %q is a %T, not an entry", label, o)
	}
	return e
}

// typeInto focuses the field's entry and types text, as a person would.
func typeInto(t *testing.T, u *App, label, text string) {
	t.Helper()
	e := entry(t, u, label)
	u.win.Canvas().Focus(e)
	test.Type(e, text)
}

func fieldError(t *testing.T, u *App, label string) string {
	t.Helper()
	_, e := input(t, u, label)
	if !e.Visible() {
		return ""
	}
	return e.Text
}

// texts joins every visible label's text, to assert on what the screen says.
func texts(u *App) string {
	var b strings.Builder
	for _, o := range objects(u) {
		switch w := o.(type) {
		case *widget.Label:
			if w.Visible() {
				fmt.Fprintln(&b, w.Text)
			}
		case *statusLine:
			if w.Visible() {
				fmt.Fprintln(&b, w.Text)
			}
		case *widget.Card:
			fmt.Fprintln(&b, w.Title)
			fmt.Fprintln(&b, w.Subtitle)
		}
	}
	return b.String()
}

// openRow selects the person list's row showing name, as a click would.
func openRow(t *testing.T, u *App, name string) {
	t.Helper()
	l := u.home.list
	for i := 0; i < l.total; i++ {
		s, ok := l.row(i)
		if ok && (&model.Person{FamilyName: s.FamilyName, GivenNames: s.GivenNames}).DisplayName() == name {
			l.list.UnselectAll() // selecting the selected row again would do nothing
			l.list.Select(i)
			return
		}
	}
	t.Fatalf("no row %q in the list", name)
}

// signedInApp is a test window with a coordinator signed in.
func signedInApp(t *testing.T) (*App, *store.DB, *model.Operator) {
	t.Helper()
	u, db := newTestApp(t)
	op := &model.Operator{Username: "giulia", FullName: "Giulia Ferrante", Role: model.RoleCoordinator}
	if err := db.CreateOperator(t.Context(), op, "sportello-test", 0); err != nil {
		t.Fatal(err)
	}
	u.Start()
	typeInto(t, u, u.t("login.username"), "giulia")
	typeInto(t, u, u.t("login.password"), "sportello-test")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op == nil {
		t.Fatalf("not signed in; screen says:\n%s", texts(u))
	}
	return u, db, op
}

func entryWithPlaceholder(t *testing.T, u *App, placeholder string) *widget.Entry {
	t.Helper()
	for _, o := range objects(u) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	t.Fatalf("no entry %q on screen", placeholder)
	return nil
}
