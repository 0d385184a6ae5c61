package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
)

// myAccount lets any operator choose their own interface language and
// change their own password (which rewraps only their key to the data).
type myAccount struct {
	u                       *App
	language                *choice
	current, password, conf *widget.Entry
	fields                  []*field
	saveLang, change        *widget.Button
	status                  *widget.Label
}

func newMyAccount(u *App) *myAccount {
	m := &myAccount{u: u, current: widget.NewPasswordEntry(), password: widget.NewPasswordEntry(),
		conf: widget.NewPasswordEntry(), status: widget.NewLabel("")}
	m.status.Wrapping = fyne.TextWrapWord
	var labels []string
	for _, l := range locales.Interface {
		labels = append(labels, u.t("interface_language."+l))
	}
	m.language = newChoice(u, locales.Interface, labels)
	m.language.setCode(u.tr.Lang())
	m.fields = []*field{
		newField("current", u.t("account.current_password"), m.current),
		newField("password", u.t("account.new_password"), m.password),
		newField("confirm", u.t("account.confirm"), m.conf),
	}
	m.saveLang = widget.NewButton(u.t("account.save_language"), m.onLanguage)
	m.change = widget.NewButton(u.t("account.change_password"), m.onChangePassword)
	u.chainEntries(m.onChangePassword, m.current, m.password, m.conf)
	return m
}

func (m *myAccount) build() fyne.CanvasObject {
	u := m.u
	lang := container.NewBorder(nil, nil, widget.NewLabel(u.t("account.language")), m.saveLang, m.language)
	title := u.op.FullName + " · " + u.op.Username + " · " + u.label("role", u.op.Role)
	return widget.NewCard(u.t("account.title"), title, container.NewVBox(lang, widget.NewSeparator(),
		formGrid(m.fields...), m.change, m.status))
}

func (m *myAccount) onLanguage() {
	u, lang := m.u, m.language.code()
	db, by := u.db, u.op.ID
	save(u, func(ctx context.Context) error {
		return db.SetOperatorLanguage(ctx, by, lang)
	}, func(err error) {
		if err != nil {
			m.status.SetText(u.errText(err))
			return
		}
		u.tr = locales.New(lang)
		u.signedIn(u.op)
	})
}

func (m *myAccount) onChangePassword() {
	u := m.u
	if m.current.Text == "" {
		u.showFieldErrors(model.ValidationErrors{{Code: model.ErrRequired, Field: "current", Message: "required"}}, m.fields...)
		return
	}
	if err := model.CheckPassword(m.password.Text, m.conf.Text); err != nil {
		u.showFieldErrors(err, m.fields...)
		return
	}
	u.showFieldErrors(nil, m.fields...)
	current, password := m.current.Text, m.password.Text
	m.change.Disable()
	db, username := u.db, u.op.Username
	save(u, func(ctx context.Context) error {
		return db.ChangePassword(ctx, username, current, password)
	}, func(err error) {
		m.change.Enable()
		for _, e := range []*widget.Entry{m.current, m.password, m.conf} {
			e.SetText("")
		}
		if model.ErrorCode(err) == model.ErrLogin {
			u.showFieldErrors(model.ValidationErrors{{Code: model.ErrLogin, Field: "current", Message: "wrong password"}}, m.fields...)
			return
		}
		if err != nil {
			m.status.SetText(u.errText(err))
			return
		}
		m.status.SetText(u.t("account.password_changed"))
	})
}
