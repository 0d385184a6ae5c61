package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// setup is the first-start screen: it creates the coordinator account.
type setup struct {
	u                                  *App
	username, fullName, password, conf *widget.Entry
	fields                             []*field
	create                             *widget.Button
	status                             *widget.Label
}

func newSetup(u *App) *setup {
	s := &setup{u: u, username: widget.NewEntry(), fullName: widget.NewEntry(),
		password: widget.NewPasswordEntry(), conf: widget.NewPasswordEntry(), status: widget.NewLabel("")}
	s.status.Wrapping = fyne.TextWrapWord
	s.fields = []*field{
		newField("username", u.t("setup.username"), s.username),
		newField("full_name", u.t("setup.full_name"), s.fullName),
		newField("password", u.t("setup.password"), s.password),
		newField("confirm", u.t("setup.confirm"), s.conf),
	}
	s.create = widget.NewButton(u.t("setup.create"), s.onCreate)
	s.create.Importance = widget.HighImportance
	// Enter moves to the next field, and creates the account on the last.
	u.chainEntries(s.onCreate, s.username, s.fullName, s.password, s.conf)
	return s
}

// focus puts the cursor in the first field, once the screen is on the window.
func (s *setup) focus() { s.u.win.Canvas().Focus(s.username) }

func (s *setup) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(s.u.t("setup.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(s.u.t("setup.intro"))
	intro.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, intro, formGrid(s.fields...), s.create, s.status)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 480), box))
}

func (s *setup) onCreate() {
	o := &model.Operator{Username: s.username.Text, FullName: s.fullName.Text, Role: model.RoleCoordinator}
	err := o.Validate()
	if err == nil {
		err = model.CheckPassword(s.password.Text, s.conf.Text)
	}
	if err != nil {
		s.u.showFieldErrors(err, s.fields...)
		return
	}
	s.u.showFieldErrors(nil, s.fields...)
	s.create.Disable()
	s.status.SetText(s.u.t("setup.creating"))
	password := s.password.Text
	open, desk := s.u.db, s.u.desk
	write(s.u, func(ctx context.Context) (opened, error) {
		// o is the work's until it comes back created (its ID set).
		d := opened{op: o, db: open}
		var err error
		if open == nil {
			d.db, d.recovery, err = desk.Create(o, password)
			return d, err
		}
		return d, open.CreateOperator(ctx, o, password, 0)
	}, func(d opened) {
		s.create.Enable()
		s.status.SetText("")
		s.u.unlocked(d.db)
		if d.recovery != "" {
			s.u.showRecoveryKey(d.recovery, d.op)
			return
		}
		s.u.signedIn(d.op)
	}, func(err error) {
		s.create.Enable()
		s.status.SetText("")
		if !s.u.showFieldErrors(err, s.fields...) {
			s.u.showError(err)
		}
	})
}
