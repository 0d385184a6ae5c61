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
	var op *model.Operator
	var db Store
	var recovery string
	l.u.background(func() (err error) {
		if l.u.db == nil {
			db, op, recovery, err = l.u.desk.Unlock(user, pass)
			return err
		}
		op, err = l.u.db.Login(context.Background(), user, pass)
		return err
	}, func(err error) {
		l.signIn.Enable()
		if err != nil {
			l.password.SetText("")
			l.status.SetText(l.u.errText(err))
			return
		}
		if db != nil {
			l.u.unlocked(db)
		}
		if recovery != "" { // a plain desk, sealed just now
			l.u.showRecoveryKey(recovery, op)
			return
		}
		l.u.signedIn(op)
	})
}
