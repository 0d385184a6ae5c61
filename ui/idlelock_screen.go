package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// lockScreen stands in for everything on the window while it is locked:
// the desk, who locked it, their password and Unlock, or Sign out. It
// shows no personal data.
type lockScreen struct {
	u        *App
	password *widget.Entry
	field    *field
	unlock   *widget.Button
	signOut  *widget.Button
}

func newLockScreen(u *App) *lockScreen {
	s := &lockScreen{u: u, password: widget.NewPasswordEntry()}
	s.field = newField("password", u.t("login.password"), s.password)
	s.unlock = widget.NewButtonWithIcon(u.t("idle_lock.unlock"), theme.LoginIcon(), s.onUnlock)
	s.unlock.Importance = widget.HighImportance
	s.signOut = widget.NewButtonWithIcon(u.t("home.sign_out"), theme.LogoutIcon(), s.onSignOut)
	s.signOut.Importance = widget.LowImportance
	s.password.OnSubmitted = func(string) { s.onUnlock() }
	return s
}

func (s *lockScreen) build() fyne.CanvasObject {
	u := s.u
	place := u.setting(store.SettingOrganisation, "")
	if desk := u.setting(store.SettingDesk, ""); desk != "" {
		place += " · " + desk
	}
	title := widget.NewLabelWithStyle("Sportello", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	sub := widget.NewLabelWithStyle(place, fyne.TextAlignCenter, fyne.TextStyle{})
	who := widget.NewLabelWithStyle(u.tr.Tf("idle_lock.locked", map[string]any{"Name": u.op.FullName}),
		fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	who.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, sub, who, formGrid(s.field), s.unlock, s.signOut)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 320), box))
}

// focus puts the cursor in the password, once the screen is on the window.
func (s *lockScreen) focus() { s.u.win.Canvas().Focus(s.password) }

// onUnlock checks the password of the operator who was signed in (a wrong
// one is audited and slowed down by the store) and puts their screen back.
func (s *lockScreen) onUnlock() {
	u := s.u
	pass := s.password.Text
	if pass == "" {
		s.field.setError(u.t("idle_lock.type_password"))
		return
	}
	s.unlock.Disable()
	db, username := u.db, u.op.Username
	unheld(u, func(ctx context.Context) error {
		_, err := db.Login(ctx, username, pass)
		return err
	}, func(err error) {
		if u.idle.screen != s {
			return // signed out meanwhile
		}
		s.unlock.Enable()
		if err != nil {
			s.password.SetText("")
			msg := u.errText(err)
			if model.ErrorCode(err) == model.ErrLogin {
				msg = u.t("idle_lock.wrong_password")
			}
			s.field.setError(msg)
			s.focus()
			return
		}
		u.idle.unlock()
	})
}

// onSignOut goes the usual way out: what an interview on screen had not
// saved yet is saved, and the next operator signs in.
func (s *lockScreen) onSignOut() { s.u.signOut() }
