package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// recoverForm replaces a coordinator's lost password with the recovery key
// kept in the organisation's safe.
type recoverForm struct {
	u                             *App
	key, username, password, conf *widget.Entry
	fields                        []*field
	submit                        *widget.Button
	status                        *widget.Label
}

func newRecoverForm(u *App) *recoverForm {
	f := &recoverForm{u: u, key: widget.NewEntry(), username: widget.NewEntry(),
		password: widget.NewPasswordEntry(), conf: widget.NewPasswordEntry(), status: widget.NewLabel("")}
	f.key.SetPlaceHolder("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
	f.status.Wrapping = fyne.TextWrapWord
	f.status.Importance = widget.DangerImportance
	f.fields = []*field{
		newField("recovery", u.t("recover.key"), f.key),
		newField("username", u.t("recover.username"), f.username),
		newField("password", u.t("setup.password"), f.password),
		newField("confirm", u.t("setup.confirm"), f.conf),
	}
	f.submit = widget.NewButton(u.t("recover.submit"), f.onSubmit)
	f.submit.Importance = widget.HighImportance
	u.chainEntries(f.onSubmit, f.key, f.username, f.password, f.conf)
	return f
}

func (f *recoverForm) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(f.u.t("recover.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(f.u.t("recover.intro"))
	intro.Wrapping = fyne.TextWrapWord
	back := widget.NewButton(f.u.t("recover.back"), f.u.showLogin)
	box := container.NewVBox(title, intro, formGrid(f.fields...), container.NewHBox(back, f.submit), f.status)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(600, 480), box))
}

func (f *recoverForm) onSubmit() {
	if err := model.CheckPassword(f.password.Text, f.conf.Text); err != nil {
		f.u.showFieldErrors(err, f.fields...)
		return
	}
	f.u.showFieldErrors(nil, f.fields...)
	key, user, pass := f.key.Text, f.username.Text, f.password.Text
	f.submit.Disable()
	f.status.SetText(f.u.t("login.opening"))
	desk := f.u.desk
	write(f.u, func(context.Context) (opened, error) {
		var s opened
		var err error
		s.db, s.op, err = desk.Recover(key, user, pass)
		return s, err
	}, func(s opened) {
		f.submit.Enable()
		f.u.unlocked(s.db)
		f.u.signedIn(s.op)
	}, func(err error) {
		f.submit.Enable()
		f.status.SetText(f.u.errText(err))
	})
}

// showRecover fills the window with the recovery form.
func (u *App) showRecover() {
	f := newRecoverForm(u)
	u.setContent(f.build())
	u.win.Canvas().Focus(f.key)
}
