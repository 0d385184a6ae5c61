package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// smallest is the smallest screen Sportello must fit: a 10" laptop.
var smallest = fyne.NewSize(1024, 600)

// visibleTree lists obj and what it holds, skipping whatever is hidden.
func visibleTree(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, visibleTree(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			out = append(out, visibleTree(c)...)
		}
	}
	return out
}

// outside lists the buttons of the toolbars on screen, and the named
// buttons, that do not lie wholly inside the window, and the toolbar
// actions neither shown nor in a "…" menu.
func outside(t *testing.T, u *App, named ...string) []string {
	t.Helper()
	var bad []string
	win := u.win.Canvas().Size()
	d := fyne.CurrentApp().Driver()
	inside := func(o fyne.CanvasObject, in fyne.Position, size fyne.Size) bool {
		p, s := d.AbsolutePositionForObject(o), o.Size()
		return p.X >= in.X && p.Y >= in.Y && p.X+s.Width <= in.X+size.Width+0.5 && p.Y+s.Height <= in.Y+size.Height+0.5 && s.Width >= 1
	}
	// A button must lie inside the window, and inside its toolbar: past
	// it, the pane it is in would cut it off.
	within := fyne.NewPos(0, 0)
	size := win
	check := func(b *widget.Button) {
		if !inside(b, fyne.NewPos(0, 0), win) || !inside(b, within, size) {
			bad = append(bad, fmt.Sprintf("%q at %v size %v", b.Text, d.AbsolutePositionForObject(b), b.Size()))
		}
	}
	bars := 0
	for _, o := range visibleTree(u.win.Content()) {
		switch w := o.(type) {
		case *toolbar:
			bars++
			within, size = d.AbsolutePositionForObject(w), w.Size()
			for _, b := range w.buttons {
				hidden := false
				for _, h := range w.hidden {
					hidden = hidden || h == b
				}
				switch {
				case b.Visible() && !hidden:
					check(b)
				case !hidden:
					bad = append(bad, fmt.Sprintf("%q neither shown nor in the menu", b.Text))
				}
			}
			if len(w.hidden) > 0 {
				check(w.more)
			}
			within, size = fyne.NewPos(0, 0), win
		case *widget.Button:
			within, size = fyne.NewPos(0, 0), win
			for _, n := range named {
				if w.Text == n {
					check(w)
				}
			}
		}
	}
	if bars == 0 {
		t.Fatalf("no toolbar on screen:\n%s", texts(u))
	}
	for _, n := range named {
		if !hasButton(u, n) {
			bad = append(bad, fmt.Sprintf("%q not on screen", n))
		}
	}
	return bad
}

// At 1024×600, for every role, the home screen with a case open has each
// toolbar button inside the window (or in its "…" menu), and the window
// asks no more room than that: Fyne would grow a real window to fit it.
func TestSmallScreen(t *testing.T) {
	for _, role := range []model.Role{model.RoleCoordinator, model.RoleOperator, model.RoleSocialWorker,
		model.RoleLegalAdviser, model.RoleMediator} {
		t.Run(string(role), func(t *testing.T) {
			u, db := newTestApp(t)
			ctx := t.Context()
			if err := db.SaveSettings(ctx, map[string]string{store.SettingOrganisation: "Associazione per i diritti dei lavoratori migranti della Piana del Sele",
				store.SettingDesk: "Sportello di Eboli, sede distaccata di Campolongo"}, 0); err != nil {
				t.Fatal(err)
			}
			u.loadSettings()
			p := &model.Person{FamilyName: "Ouedraogo-Kaboré", GivenNames: "Abdoul Aziz Wendpanga Boukary"}
			if err := db.CreatePerson(ctx, p, 0); err != nil {
				t.Fatal(err)
			}
			op := signInAs(t, u, db, "who", role)
			cases, _ := db.CasesOf(ctx, p.ID)
			if err := db.SetCaseTeam(ctx, cases[0].ID, []int64{op.ID}, 0); err != nil {
				t.Fatal(err)
			}
			u.signedIn(op)
			// The smallest screen, and a narrower window where the
			// toolbars must put some buttons in their menus.
			for _, size := range []fyne.Size{smallest, fyne.NewSize(820, 600)} {
				u.home.showToday()
				u.win.Resize(size)
				named := []string{u.t("home.sign_out")}
				if bad := outside(t, u, named...); len(bad) > 0 {
					t.Errorf("home at %v: %s", size, strings.Join(bad, "; "))
				}
				openRow(t, u, p.DisplayName())
				u.win.Resize(size)
				if !strings.Contains(texts(u), p.CaseCode) {
					t.Fatalf("the case is not open:\n%s", texts(u))
				}
				if role != model.RoleMediator { // a mediator sees no print, plan or referrals
					named = append(named, u.t("case.print"))
				}
				if bad := outside(t, u, named...); len(bad) > 0 {
					t.Errorf("case view at %v: %s", size, strings.Join(bad, "; "))
				}
				if m := u.win.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
					t.Errorf("the window needs %v, more than %v", m, size)
				}
			}
		})
	}
}

// From every screen opened from a case, the button at the top and Escape
// both bring the case back; Escape leaves an open pop-up alone.
func TestBackToCase(t *testing.T) {
	u, db, _ := signedInApp(t)
	p := &model.Person{FamilyName: "Benali", GivenNames: "Khadija"}
	if err := db.CreatePerson(t.Context(), p, 0); err != nil {
		t.Fatal(err)
	}
	u.home.list.reload()
	back := u.tr.Tf("case.back", map[string]any{"Name": p.DisplayName()})
	escape := func() { u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) }
	for _, tc := range []struct{ button, how string }{
		{u.t("case.plan"), "button"},
		{u.t("case.consents"), "escape"},
		{u.t("case.referrals"), "button"},
		{u.t("case.print"), "escape"},
		{u.t("rights_request.button"), "button"},
		{u.t("case.new_interview"), "escape"},
	} {
		t.Run(tc.button+" "+tc.how, func(t *testing.T) {
			openRow(t, u, p.DisplayName())
			test.Tap(button(t, u, tc.button))
			if strings.Contains(texts(u), u.t("case.profile")) || !hasButton(u, back) {
				t.Fatalf("%q did not leave the case, or no way back:\n%s", tc.button, texts(u))
			}
			if tc.how == "button" {
				test.Tap(button(t, u, back))
			} else {
				pop := widget.NewPopUp(widget.NewLabel("pop-up"), u.win.Canvas())
				pop.Show()
				escape()
				if hasButton(u, back) == false {
					t.Fatalf("Escape went back with a pop-up open")
				}
				pop.Hide()
				escape()
			}
			if !strings.Contains(texts(u), u.t("case.profile")) || hasButton(u, back) {
				t.Errorf("not back at the case after %s:\n%s", tc.how, texts(u))
			}
			escape() // on the case itself, Escape does nothing
			if !strings.Contains(texts(u), u.t("case.profile")) {
				t.Errorf("Escape left the case")
			}
		})
	}
}

// Clicking the person whose case is open, from a screen opened from it,
// brings the case back: the list keeps no row selected.
func TestReopenSelectedPerson(t *testing.T) {
	u, db, _ := signedInApp(t)
	p := &model.Person{FamilyName: "Hossain", GivenNames: "Rahim"}
	if err := db.CreatePerson(t.Context(), p, 0); err != nil {
		t.Fatal(err)
	}
	u.home.list.reload()
	u.home.list.list.Select(0)
	for i := range 2 {
		test.Tap(button(t, u, u.t("case.plan")))
		u.home.list.list.Select(0) // no UnselectAll first: the click a person makes
		if !strings.Contains(texts(u), u.t("case.profile")) {
			t.Fatalf("click %d on the open person did not reopen the case:\n%s", i+1, texts(u))
		}
	}
}

// The window opens at the size remembered, or a default, never larger
// than the screen; a size too small to be chosen is not kept.
func TestWindowSize(t *testing.T) {
	for _, tc := range []struct {
		name         string
		remembered   *WindowSize
		screen, want fyne.Size
	}{
		{"first start, screen unknown", nil, fyne.Size{}, fyne.NewSize(1024, 600)},
		{"first start, large screen", nil, fyne.NewSize(1920, 1080), fyne.NewSize(1100, 720)},
		{"first start, small screen", nil, fyne.NewSize(1024, 600), fyne.NewSize(1024, 600)},
		{"remembered, screen unknown", &WindowSize{1300, 900}, fyne.Size{}, fyne.NewSize(1300, 900)},
		{"remembered, larger than the screen", &WindowSize{1300, 900}, fyne.NewSize(1280, 720), fyne.NewSize(1280, 720)},
		{"remembered too small", &WindowSize{200, 100}, fyne.NewSize(1920, 1080), fyne.NewSize(1100, 720)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Config{Window: tc.remembered}
			if got := c.windowSize(tc.screen); got != tc.want {
				t.Errorf("windowSize(%v) = %v, want %v", tc.screen, got, tc.want)
			}
		})
	}

	// Closing the window keeps its size for the next start.
	u, _ := newTestApp(t)
	u.win.Resize(fyne.NewSize(1010, 590))
	u.win.Close()
	saved, err := LoadConfig(u.config.path)
	if err != nil || saved.Window == nil || *saved.Window != (WindowSize{1010, 590}) {
		t.Fatalf("saved %+v, %v", saved.Window, err)
	}
	if got := saved.windowSize(fyne.Size{}); got != fyne.NewSize(1010, 590) {
		t.Errorf("next start at %v", got)
	}
}

// The buttons a toolbar has no room for are in its "…" menu, in order,
// and work from there.
func TestToolbarMenu(t *testing.T) {
	test.NewTempApp(t)
	var tapped []string
	var buttons []*widget.Button
	for _, name := range []string{"Uno", "Due", "Tre", "Quattro"} {
		buttons = append(buttons, widget.NewButton(name, func() { tapped = append(tapped, name) }))
	}
	bar := newToolbar(buttons...)
	w := test.NewTempWindow(t, bar)
	w.SetPadded(false)
	for _, tc := range []struct {
		width  float32
		hidden string
	}{
		{1000, ""},
		{buttons[0].MinSize().Width + buttons[1].MinSize().Width + bar.more.MinSize().Width + 5*theme.Padding(), "Tre Quattro"},
		{bar.more.MinSize().Width + 3*theme.Padding(), "Uno Due Tre Quattro"},
	} {
		w.Resize(fyne.NewSize(tc.width, 60))
		var hidden []string
		for _, b := range bar.hidden {
			hidden = append(hidden, b.Text)
		}
		if got := strings.Join(hidden, " "); got != tc.hidden || bar.more.Visible() != (tc.hidden != "") {
			t.Errorf("width %v: in the menu %q (… shown %v), want %q", tc.width, got, bar.more.Visible(), tc.hidden)
		}
	}
	test.Tap(bar.more)
	var menu *widget.PopUpMenu
	for _, o := range visibleTree(w.Canvas().Overlays().Top()) {
		if m, ok := o.(*widget.PopUpMenu); ok {
			menu = m
		}
	}
	if menu == nil || len(menu.Items) != 4 {
		t.Fatalf("the … menu: %#v", w.Canvas().Overlays().Top())
	}
	test.Tap(menu.Items[2].(fyne.Tappable))
	if strings.Join(tapped, " ") != "Tre" {
		t.Errorf("tapping the menu's third item ran %v", tapped)
	}
}

// The person list works by keyboard: Tab from the search reaches the list,
// Down and Space open the second person found.
func TestPersonListByKeyboard(t *testing.T) {
	u, db, _ := signedInApp(t)
	people := []*model.Person{{FamilyName: "Butt", GivenNames: "Ayesha"}, {FamilyName: "Butt", GivenNames: "Bilal"}}
	for _, p := range people {
		if err := db.CreatePerson(t.Context(), p, 0); err != nil {
			t.Fatal(err)
		}
	}
	u.home.list.reload()
	c := u.win.Canvas()
	c.Focus(u.home.list.search)
	c.FocusNext()
	if c.Focused() != u.home.list.list {
		t.Fatalf("Tab from the search went to %T, not the person list", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if got := texts(u); u.home.list.openID != people[1].ID || !strings.Contains(got, u.t("case.profile")) {
		t.Fatalf("Down and Space did not open Bilal's case (opened %d):\n%s", u.home.list.openID, got)
	}
}
