package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// operatorsPanel lists the accounts and lets a coordinator add one.
type operatorsPanel struct {
	u                                  *App
	list                               *fyne.Container
	username, fullName, password, conf *widget.Entry
	role                               *choice
	fields                             []*field
	add                                *widget.Button
	status                             *widget.Label
}

func newOperatorsPanel(u *App) *operatorsPanel {
	p := &operatorsPanel{u: u, list: container.NewVBox(), username: widget.NewEntry(), fullName: widget.NewEntry(),
		password: widget.NewPasswordEntry(), conf: widget.NewPasswordEntry(), role: enumChoice(u, "role", model.Roles),
		status: widget.NewLabel("")}
	p.role.setCode(string(model.RoleOperator))
	p.fields = []*field{
		newField("username", u.t("setup.username"), p.username),
		newField("full_name", u.t("setup.full_name"), p.fullName),
		newField("role", u.t("operators.role"), p.role),
		newField("password", u.t("setup.password"), p.password),
		newField("confirm", u.t("setup.confirm"), p.conf),
	}
	p.add = widget.NewButton(u.t("operators.add"), p.onAdd)
	return p
}

func (p *operatorsPanel) build() fyne.CanvasObject {
	p.refresh()
	content := container.NewVBox(p.list)
	if p.u.op.May(model.PermAccounts) {
		content.Add(widget.NewSeparator())
		content.Add(formGrid(p.fields...))
		content.Add(p.add)
		content.Add(p.status)
	}
	return widget.NewCard(p.u.t("operators.title"), "", content)
}

func (p *operatorsPanel) refresh() {
	db := p.u.db
	load(p.u, func(ctx context.Context) (accounts, error) {
		var a accounts
		var err error
		if a.ops, err = db.Operators(ctx); err == nil {
			a.keyless, err = db.AccountsWithoutKey(ctx)
		}
		return a, err
	}, func(a accounts) {
		p.list.RemoveAll()
		for _, o := range a.ops {
			p.list.Add(p.row(o, slices.Contains(a.keyless, o.Username)))
		}
	}, func(err error) { p.status.SetText(p.u.errText(err)) })
}

// accounts are the desk's accounts, and the usernames of those that have
// no key to the data yet.
type accounts struct {
	ops     []model.Operator
	keyless []string
}

// row is one account: name, username, role, its state, and for a
// coordinator the buttons to set its password or deactivate it.
func (p *operatorsPanel) row(o model.Operator, keyless bool) fyne.CanvasObject {
	u := p.u
	text := o.FullName + " · " + o.Username + " · " + u.label("role", o.Role)
	switch {
	case !o.Active:
		text += " · " + u.t("operators.inactive")
	case keyless:
		text += " · " + u.t("operators.keyless")
	}
	label := widget.NewLabel(text)
	if !u.op.May(model.PermAccounts) {
		return label
	}
	buttons := container.NewHBox(widget.NewButton(u.t("operators.set_password"), func() { p.onSetPassword(o) }),
		widget.NewButton(u.t("operators.change_role"), func() { p.onRole(o) }))
	if o.Active && o.ID != u.op.ID {
		buttons.Add(widget.NewButton(u.t("operators.deactivate"), func() { p.onDeactivate(o) }))
	}
	return container.NewBorder(nil, nil, nil, buttons, label)
}

// onSetPassword asks a new password for an account and sets it: a lost
// password, an account without a key, or one to reactivate.
func (p *operatorsPanel) onSetPassword(o model.Operator) {
	u := p.u
	pw, conf := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	fields := []*field{newField("password", u.t("setup.password"), pw), newField("confirm", u.t("setup.confirm"), conf)}
	var d dialog.Dialog
	ok := widget.NewButton(u.t("operators.set_password"), nil)
	ok.Importance = widget.HighImportance
	ok.OnTapped = func() {
		if err := model.CheckPassword(pw.Text, conf.Text); err != nil {
			u.showFieldErrors(err, fields...)
			return
		}
		password := pw.Text
		db, op := u.db, u.op
		save(u, func(ctx context.Context) error {
			return db.ResetPassword(ctx, o.Username, password, op)
		}, func(err error) {
			if err != nil {
				if !u.showFieldErrors(err, fields...) {
					p.status.SetText(u.errText(err))
				}
				return
			}
			d.Hide()
			p.status.SetText(u.tr.Tf("operators.password_set", map[string]any{"Name": o.FullName}))
			p.refresh()
		})
	}
	content := container.NewVBox(widget.NewLabel(o.FullName+" · "+o.Username), formGrid(fields...), ok)
	d = dialog.NewCustom(u.t("operators.set_password"), u.t("form.cancel"), content, u.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// onDeactivate closes an account after asking: it can no longer sign in,
// and its key to the data is removed.
func (p *operatorsPanel) onDeactivate(o model.Operator) {
	u := p.u
	dialog.ShowConfirm(u.t("operators.deactivate"), u.tr.Tf("operators.deactivate_confirm", map[string]any{"Name": o.FullName}),
		func(yes bool) {
			if !yes {
				return
			}
			db, op := u.db, u.op
			save(u, func(ctx context.Context) error {
				return db.Deactivate(ctx, o.Username, op)
			}, func(err error) {
				if err != nil {
					p.status.SetText(u.errText(err))
					return
				}
				p.status.SetText(u.tr.Tf("operators.deactivated", map[string]any{"Name": o.FullName}))
				p.refresh()
			})
		}, u.win)
}

func (p *operatorsPanel) onAdd() {
	u := p.u
	o := &model.Operator{Username: strings.TrimSpace(p.username.Text), FullName: strings.TrimSpace(p.fullName.Text),
		Role: model.Role(p.role.code())}
	err := o.Validate()
	if err == nil {
		err = model.CheckPassword(p.password.Text, p.conf.Text)
	}
	if err != nil {
		u.showFieldErrors(err, p.fields...)
		return
	}
	password := p.password.Text
	p.add.Disable()
	db, by := u.db, u.operatorID()
	save(u, func(ctx context.Context) error {
		return db.CreateOperator(ctx, o, password, by) // done reads only o.FullName, which this leaves alone
	}, func(err error) {
		p.add.Enable()
		if err != nil {
			if !u.showFieldErrors(err, p.fields...) {
				p.status.SetText(u.errText(err))
			}
			return
		}
		u.showFieldErrors(nil, p.fields...)
		for _, e := range []*widget.Entry{p.username, p.fullName, p.password, p.conf} {
			e.SetText("")
		}
		p.status.SetText(u.tr.Tf("operators.added", map[string]any{"Name": o.FullName}))
		p.refresh()
	})
}

// onRole asks for an account's new role and gives it.
func (p *operatorsPanel) onRole(o model.Operator) {
	u := p.u
	role := enumChoice(u, "role", model.Roles)
	role.setCode(string(o.Role))
	var d dialog.Dialog
	ok := widget.NewButton(u.t("operators.change_role"), nil)
	ok.Importance = widget.HighImportance
	ok.OnTapped = func() {
		to := model.Role(role.code())
		db, op := u.db, u.op
		save(u, func(ctx context.Context) error {
			return db.SetRole(ctx, o.Username, to, op)
		}, func(err error) {
			if err != nil {
				p.status.SetText(u.errText(err))
				d.Hide()
				return
			}
			d.Hide()
			p.status.SetText(u.tr.Tf("operators.role_changed", map[string]any{"Name": o.FullName,
				"Role": u.label("role", to)}))
			p.refresh()
		})
	}
	content := container.NewVBox(widget.NewLabel(o.FullName+" · "+o.Username), role, ok)
	d = dialog.NewCustom(u.t("operators.change_role"), u.t("form.cancel"), content, u.win)
	d.Resize(fyne.NewSize(420, 220))
	d.Show()
}
