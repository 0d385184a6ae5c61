package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// login asks an operator for username and password.
type login struct {
	u                  *App
	username, password *widget.Entry
	signIn             *widget.Button
	status             *widget.Label
}

func newLogin(u *App) *login {
	l := &login{u: u, username: widget.NewEntry(), password: widget.NewPasswordEntry(), status: widget.NewLabel("")}
	l.status.Importance = widget.DangerImportance
	l.status.Wrapping = fyne.TextWrapWord
	l.signIn = widget.NewButton(u.t("login.sign_in"), l.onSignIn)
	l.signIn.Importance = widget.HighImportance
	l.password.OnSubmitted = func(string) { l.onSignIn() }
	l.username.OnSubmitted = func(string) { l.u.win.Canvas().Focus(l.password) }
	return l
}

func (l *login) build() fyne.CanvasObject {
	org := l.u.setting(store.SettingOrganisation, "")
	title := widget.NewLabelWithStyle("Sportello", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	sub := widget.NewLabelWithStyle(org, fyne.TextAlignCenter, fyne.TextStyle{})
	form := formGrid(newField("username", l.u.t("login.username"), l.username),
		newField("password", l.u.t("login.password"), l.password))
	box := container.NewVBox(title, sub, form, l.signIn, l.status)
	if l.u.desk != nil {
		forgot := widget.NewButton(l.u.t("login.forgot"), func() { l.u.showRecover() })
		forgot.Importance = widget.LowImportance
		box.Add(forgot)
	}
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 360), box))
}

// focus puts the cursor in the username, once the screen is on the window.
func (l *login) focus() { l.u.win.Canvas().Focus(l.username) }

func (l *login) onSignIn() {
	user, pass := l.username.Text, l.password.Text
	if user == "" || pass == "" {
		l.status.SetText(l.u.t("login.fill_in"))
		return
	}
	l.signIn.Disable()
	l.status.SetText(l.u.t("login.opening"))
	open, desk := l.u.db, l.u.desk
	write(l.u, func(ctx context.Context) (opened, error) {
		var s opened
		var err error
		if open == nil {
			s.db, s.op, s.recovery, err = desk.Unlock(user, pass)
			return s, err
		}
		s.op, err = open.Login(ctx, user, pass)
		return s, err
	}, l.signedIn, func(err error) {
		l.signIn.Enable()
		l.password.SetText("")
		l.status.SetText(l.u.errText(err))
	})
}

// opened is what a sign-in gives: the operator, and on a sealed desk the
// store just unlocked (and the recovery key, when it was sealed just now).
type opened struct {
	op       *model.Operator
	db       Store
	recovery string
}

func (l *login) signedIn(s opened) {
	l.signIn.Enable()
	if s.db != nil {
		l.u.unlocked(s.db)
	}
	if s.recovery != "" { // a plain desk, sealed just now
		l.u.showRecoveryKey(s.recovery, s.op)
		return
	}
	l.u.signedIn(s.op)
}
