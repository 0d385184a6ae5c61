package ui

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/exchange"
	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// settings edits the organisation, the desk, the interface language and the
// data folder, and lists the operators. Only a coordinator may change them.
type settings struct {
	phone, controller, dpo, retention *widget.Entry
	retentionYears                    *widget.Entry
	idleLock                          *widget.Entry // minutes without input before the window locks
	idleField                         *field
	u                                 *App
	bound                             *store.DB // the store bound to the coordinator, for the exchange settings
	organisation, desk, data          *widget.Entry
	language                          *choice
	save                              *widget.Button
	status                            *widget.Label
	operators                         *operatorsPanel

	// exchange with other desks: this desk's case-code prefix, who exports
	// are encrypted for, and this desk's own public key to give to others
	prefix, recipientName, recipientKey *widget.Entry
	regionalKey                         *widget.Entry // write-only: the region's key is never shown, only its fingerprint
	yearsField                          *field
	exFields                            []*field
	deskKey                             *widget.Label
	deskPrint                           *widget.Label // the fingerprint of this desk's signing key
}

// newSettings makes the settings on db, the store bound to the signed-in
// operator (nil: the exchange settings are left empty).
func newSettings(u *App, db *store.DB) *settings {
	s := &settings{u: u, bound: db, organisation: widget.NewEntry(), desk: widget.NewEntry(), data: widget.NewEntry(),
		status: widget.NewLabel("")}
	s.status.Wrapping = fyne.TextWrapWord
	s.organisation.SetText(u.setting(store.SettingOrganisation, ""))
	s.desk.SetText(u.setting(store.SettingDesk, ""))
	s.phone, s.controller, s.dpo, s.retention = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.phone.SetText(u.setting(model.SettingDeskPhone, ""))
	s.controller.SetText(u.setting(model.SettingController, ""))
	s.dpo.SetText(u.setting(model.SettingDPO, ""))
	s.retention.SetText(u.setting(model.SettingRetention, ""))
	s.retentionYears = widget.NewEntry()
	s.retentionYears.SetText(u.setting(model.SettingRetentionYears, ""))
	s.data.SetText(filepath.Dir(u.db.Path()))
	var labels []string
	for _, l := range locales.Interface {
		labels = append(labels, u.t("interface_language."+l))
	}
	s.language = newChoice(u, locales.Interface, labels)
	s.language.setCode(u.tr.Lang())
	s.save = widget.NewButton(u.t("settings.save"), s.onSave)
	s.save.Importance = widget.HighImportance
	if !u.op.May(model.PermSettings) {
		for _, w := range []fyne.Disableable{s.organisation, s.desk, s.data, s.language, s.save, s.phone, s.controller, s.dpo, s.retention, s.retentionYears} {
			w.Disable()
		}
		s.status.SetText(u.t("settings.coordinator_only"))
	}
	s.yearsField = newField(model.SettingRetentionYears, u.t("settings.retention_years"), s.retentionYears)
	s.idleLock, s.idleField = newIdleLockField(u)
	s.operators = newOperatorsPanel(u)
	s.prefix, s.recipientName, s.recipientKey = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	s.regionalKey = widget.NewPasswordEntry()
	s.regionalKey.SetPlaceHolder(u.t("exchange.regional_key_none"))
	s.prefix.SetPlaceHolder(model.DefaultCasePrefix)
	s.recipientKey.SetPlaceHolder("age1…")
	s.deskKey = widget.NewLabel("")
	s.deskKey.Selectable, s.deskKey.Wrapping = true, fyne.TextWrapBreak
	s.deskPrint = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.deskPrint.Selectable = true
	s.exFields = []*field{newField(model.SettingCasePrefix, u.t("exchange.prefix"), s.prefix),
		newField(exchange.SettingRecipientLabel, u.t("exchange.recipient_name"), s.recipientName),
		newField(exchange.SettingRecipient, u.t("exchange.recipient_key"), s.recipientKey),
		newField(exchange.SettingRegionalKey, u.t("exchange.regional_key"), s.regionalKey)}
	if !u.op.May(model.PermSettings) {
		s.prefix.Disable()
		s.recipientName.Disable()
		s.recipientKey.Disable()
		s.regionalKey.Disable()
	}
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
		s.yearsField,
		s.idleField,
		newField("language", u.t("settings.language"), s.language),
		newField("data", u.t("settings.data_folder"), s.data),
	)
	logo := widget.NewButton(u.t("settings.logo"), s.onLogo)
	if !u.op.May(model.PermSettings) {
		logo.Disable()
	}
	copyKey := widget.NewButtonWithIcon(u.t("exchange.copy"), theme.ContentCopyIcon(), func() {
		u.fyne.Clipboard().SetContent(s.deskKey.Text)
		s.status.SetText(u.t("exchange.copied"))
	})
	// The exchange with other desks, in the same grid so the columns line up.
	form.Add(widget.NewLabelWithStyle(u.t("exchange.settings_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	form.Add(hintText(u.t("exchange.settings_hint")))
	for _, f := range s.exFields {
		form.Add(f.label)
		form.Add(container.NewVBox(f.obj, f.err))
	}
	form.Add(widget.NewLabel(u.t("exchange.desk_key")))
	form.Add(container.NewBorder(nil, nil, nil, copyKey, s.deskKey))
	form.Add(wrappedText(u.t("exchange.desk_fingerprint")))
	form.Add(s.deskPrint)
	s.loadExchange()
	general := widget.NewCard(u.t("settings.title"), "", container.NewVBox(form, logo, s.save, s.status))
	languages := container.NewTabItem(u.t("settings.tab_languages"), widget.NewLabel(u.t("case.loading")))
	tabs := container.NewAppTabs(
		container.NewTabItem(u.t("settings.tab_general"),
			container.NewVScroll(container.NewPadded(container.NewVBox(newMyAccount(u).build(), general, newBackupPanel(u).build(), s.operators.build())))),
		languages,
	)
	// The languages' rows read every language's texts and draw a sample in
	// each script's font: they are read when their tab is first opened, not
	// whenever Settings is.
	built := false
	tabs.OnSelected = func(t *container.TabItem) {
		if t == languages && !built {
			built = true
			languages.Content = newLanguagesView(u).build()
			tabs.Refresh()
		}
	}
	if u.op.May(model.PermSettings) && s.bound != nil {
		tabs.Append(container.NewTabItem(u.t("targets.tab"), newTargetsPanel(u, s.bound).build()))
	}
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
	if !s.retentionValue(values) || !s.idleLockValue(values) {
		return
	}
	if !s.exchangeValues(values) {
		return
	}
	newDir := filepath.Clean(strings.TrimSpace(s.data.Text))
	moving := newDir != "." && newDir != filepath.Dir(u.db.Path())
	s.save.Disable()
	db, by := u.db, u.operatorID()
	var cfg *Config // the configuration to write, a copy: the window's own changes on the UI goroutine only
	if moving {
		cfg = u.config.clone()
		cfg.DataDir = newDir
	}
	write(u, func(ctx context.Context) (bool, error) {
		return saveSettings(ctx, db, by, values, cfg)
	}, func(copied bool) {
		s.save.Enable()
		if moving {
			u.config.DataDir = newDir
		}
		for k, v := range values {
			u.settings[k] = v
		}
		u.idle.start() // the idle time may have changed
		// Said in the language just chosen, when it changed.
		message := func() string {
			switch {
			case moving && copied:
				return u.tr.Tf("settings.moved", map[string]any{"Path": newDir})
			case moving:
				return u.tr.Tf("settings.switched", map[string]any{"Path": newDir})
			}
			return u.t("settings.saved")
		}
		if values[store.SettingLanguage] != u.tr.Lang() {
			u.setLanguage(values[store.SettingLanguage])
			dialog.ShowInformation(u.t("settings.title"), message(), u.win)
			return
		}
		s.status.SetText(message())
	}, func(err error) {
		s.save.Enable()
		s.status.SetText(u.errText(err))
	})
}

// saveSettings saves the settings and, when cfg names another data folder,
// copies the database there unless one is there already (so nothing is
// lost), then writes cfg. It tells whether it copied.
func saveSettings(ctx context.Context, db Store, by int64, values map[string]string, cfg *Config) (copied bool, err error) {
	if err := db.SaveSettings(ctx, values, by); err != nil {
		return false, err
	}
	if cfg == nil {
		return false, nil
	}
	target := filepath.Join(cfg.DataDir, DBFile)
	if _, err := os.Stat(target); err != nil {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return false, err
		}
		if err := db.Backup(ctx, target, by); err != nil {
			return false, err
		}
		copied = true
	}
	return copied, cfg.Save()
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
		db, by := u.db, u.operatorID()
		save(u, func(ctx context.Context) error {
			return db.SaveSettings(ctx, map[string]string{model.SettingLogo: value}, by)
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

// exchangeValues checks the exchange settings and adds them to values;
// false, with the errors under their fields, when one is wrong.
func (s *settings) exchangeValues(values map[string]string) bool {
	u := s.u
	prefix := strings.ToUpper(strings.TrimSpace(s.prefix.Text))
	key := strings.TrimSpace(s.recipientKey.Text)
	for _, f := range s.exFields {
		f.setError("")
	}
	ok := true
	if prefix != "" && model.CheckCasePrefix(prefix) != nil {
		s.exFields[0].setError(u.t("exchange.prefix_invalid"))
		ok = false
	}
	if key != "" && exchange.CheckRecipient(key) != nil {
		s.exFields[2].setError(u.t("exchange.recipient_invalid"))
		ok = false
	}
	values[model.SettingCasePrefix] = prefix
	values[exchange.SettingRecipientLabel] = strings.TrimSpace(s.recipientName.Text)
	values[exchange.SettingRecipient] = key
	// The regional key is only ever typed: empty keeps the one set.
	if regional := strings.TrimSpace(s.regionalKey.Text); regional != "" {
		b, err := exchange.ParseRegionalKey(regional)
		if err != nil {
			s.exFields[3].setError(u.t("exchange.regional_key_invalid"))
			ok = false
		} else {
			values[exchange.SettingRegionalKey] = base64.StdEncoding.EncodeToString(b)
		}
	}
	return ok
}

// retentionValue reads the retention period: empty, or whole years from 1
// to 99; a wrong value is said on its field and nothing is saved.
func (s *settings) retentionValue(values map[string]string) bool {
	text := strings.TrimSpace(s.retentionYears.Text)
	if n, err := strconv.Atoi(text); text != "" && (err != nil || n < 1 || n > 99) {
		s.u.showFieldErrors(model.ValidationErrors{{Code: model.ErrInvalid, Field: model.SettingRetentionYears,
			Message: "whole years, 1 to 99"}}, s.yearsField)
		return false
	}
	s.u.showFieldErrors(nil, s.yearsField)
	values[model.SettingRetentionYears] = text
	return true
}
