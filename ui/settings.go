package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// settings edits the organisation, the desk, the interface language and the
// data folder, and lists the operators. Only a coordinator may change them.
type settings struct {
	phone, controller, dpo, retention *widget.Entry
	u                                 *App
	organisation, desk, data          *widget.Entry
	language                          *choice
	save                              *widget.Button
	status                            *widget.Label
	operators                         *operatorsPanel
}

func newSettings(u *App) *settings {
	s := &settings{u: u, organisation: widget.NewEntry(), desk: widget.NewEntry(), data: widget.NewEntry(),
		status: widget.NewLabel("")}
	s.status.Wrapping = fyne.TextWrapWord
	s.organisation.SetText(u.setting(store.SettingOrganisation, ""))
	s.desk.SetText(u.setting(store.SettingDesk, ""))
	s.phone, s.controller, s.dpo, s.retention = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.phone.SetText(u.setting(model.SettingDeskPhone, ""))
	s.controller.SetText(u.setting(model.SettingController, ""))
	s.dpo.SetText(u.setting(model.SettingDPO, ""))
	s.retention.SetText(u.setting(model.SettingRetention, ""))
	s.data.SetText(filepath.Dir(u.db.Path()))
	var labels []string
	for _, l := range locales.Interface {
		labels = append(labels, u.t("interface_language."+l))
	}
	s.language = newChoice(u, locales.Interface, labels)
	s.language.setCode(u.tr.Lang())
	s.save = widget.NewButton(u.t("settings.save"), s.onSave)
	s.save.Importance = widget.HighImportance
	if !u.op.IsCoordinator() {
		for _, w := range []fyne.Disableable{s.organisation, s.desk, s.data, s.language, s.save, s.phone, s.controller, s.dpo, s.retention} {
			w.Disable()
		}
		s.status.SetText(u.t("settings.coordinator_only"))
	}
	s.operators = newOperatorsPanel(u)
	return s
}

func (s *settings) build() fyne.CanvasObject {
	u := s.u
	form := formGrid(
		newField("organisation", u.t("settings.organisation"), s.organisation),
		newField("desk", u.t("settings.desk"), s.desk),
		newField("desk_phone", u.t("settings.desk_phone"), s.phone),
		newField("controller", u.t("settings.controller"), s.controller),
		newField("dpo", u.t("settings.dpo"), s.dpo),
		newField("retention", u.t("settings.retention"), s.retention),
		newField("language", u.t("settings.language"), s.language),
		newField("data", u.t("settings.data_folder"), s.data),
	)
	logo := widget.NewButton(u.t("settings.logo"), s.onLogo)
	if !u.op.IsCoordinator() {
		logo.Disable()
	}
	general := widget.NewCard(u.t("settings.title"), "", container.NewVBox(form, logo, s.save, s.status))
	tabs := container.NewAppTabs(
		container.NewTabItem(u.t("settings.tab_general"),
			container.NewVScroll(container.NewPadded(container.NewVBox(general, s.operators.build())))),
		container.NewTabItem(u.t("settings.tab_languages"), newLanguagesView(u).build()),
	)
	return tabs
}

func (s *settings) onSave() {
	u := s.u
	values := map[string]string{
		store.SettingOrganisation: strings.TrimSpace(s.organisation.Text),
		store.SettingDesk:         strings.TrimSpace(s.desk.Text),
		store.SettingLanguage:     s.language.code(),
		model.SettingDeskPhone:    strings.TrimSpace(s.phone.Text),
		model.SettingController:   strings.TrimSpace(s.controller.Text),
		model.SettingDPO:          strings.TrimSpace(s.dpo.Text),
		model.SettingRetention:    strings.TrimSpace(s.retention.Text),
	}
	newDir := filepath.Clean(strings.TrimSpace(s.data.Text))
	moving := newDir != "." && newDir != filepath.Dir(u.db.Path())
	s.save.Disable()
	var copied bool
	u.background(func() error {
		ctx := context.Background()
		if err := u.db.SaveSettings(ctx, values, u.operatorID()); err != nil {
			return err
		}
		if !moving {
			return nil
		}
		target := filepath.Join(newDir, DBFile)
		if _, err := os.Stat(target); err != nil {
			// No database there yet: copy this one, so nothing is lost.
			if err := os.MkdirAll(newDir, 0o700); err != nil {
				return err
			}
			if err := u.db.Backup(ctx, target, u.operatorID()); err != nil {
				return err
			}
			copied = true
		}
		u.config.DataDir = newDir
		return u.config.Save()
	}, func(err error) {
		s.save.Enable()
		if err != nil {
			s.status.SetText(u.errText(err))
			return
		}
		for k, v := range values {
			u.settings[k] = v
		}
		msg := u.t("settings.saved")
		if moving && copied {
			msg = u.tr.Tf("settings.moved", map[string]any{"Path": newDir})
		} else if moving {
			msg = u.tr.Tf("settings.switched", map[string]any{"Path": newDir})
		}
		if values[store.SettingLanguage] != u.tr.Lang() {
			u.setLanguage(values[store.SettingLanguage])
			dialog.ShowInformation(u.t("settings.title"), msg, u.win)
			return
		}
		s.status.SetText(msg)
	})
}

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
	if p.u.op.IsCoordinator() {
		content.Add(widget.NewSeparator())
		content.Add(formGrid(p.fields...))
		content.Add(p.add)
		content.Add(p.status)
	}
	return widget.NewCard(p.u.t("operators.title"), "", content)
}

func (p *operatorsPanel) refresh() {
	var ops []model.Operator
	p.u.background(func() (err error) {
		ops, err = p.u.db.Operators(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			p.status.SetText(p.u.errText(err))
			return
		}
		p.list.RemoveAll()
		for _, o := range ops {
			p.list.Add(widget.NewLabel(o.FullName + " · " + o.Username + " · " + p.u.label("role", o.Role)))
		}
	})
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
	u.background(func() error {
		return u.db.CreateOperator(context.Background(), o, password, u.operatorID())
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

// onLogo stores the organisation's logo (a PNG) for the printed documents.
func (s *settings) onLogo() {
	u := s.u
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, 2<<20))
		if err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
			s.status.SetText(u.t("settings.logo_not_png"))
			return
		}
		value := base64.StdEncoding.EncodeToString(data)
		u.background(func() error {
			return u.db.SaveSettings(context.Background(), map[string]string{model.SettingLogo: value}, u.operatorID())
		}, func(err error) {
			if err != nil {
				s.status.SetText(u.errText(err))
				return
			}
			s.status.SetText(u.t("settings.logo_saved"))
		})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	d.Show()
}
