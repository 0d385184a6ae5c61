package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// backupPanel sets the automatic backup made when the window closes: the
// folder (a USB stick) and how many backups to keep there; "Back up now"
// makes one at once.
type backupPanel struct {
	u         *App
	dir, keep *widget.Entry
	fields    []*field
	save, now *widget.Button
	status    *widget.Label
}

func newBackupPanel(u *App) *backupPanel {
	p := &backupPanel{u: u, dir: widget.NewEntry(), keep: widget.NewEntry(), status: widget.NewLabel("")}
	p.status.Wrapping = fyne.TextWrapWord
	p.dir.SetText(u.setting(settingBackupDir, ""))
	p.dir.SetPlaceHolder("/media/usb/sportello")
	p.keep.SetText(u.setting(settingBackupKeep, strconv.Itoa(defaultBackupKeep)))
	p.fields = []*field{newField(settingBackupDir, u.t("backup.folder"), p.dir),
		newField(settingBackupKeep, u.t("backup.keep"), p.keep)}
	p.save = widget.NewButton(u.t("backup.save"), p.onSave)
	p.now = widget.NewButton(u.t("backup.now"), p.onNow)
	if !u.op.May(model.PermSettings) {
		for _, w := range []fyne.Disableable{p.dir, p.keep, p.save, p.now} {
			w.Disable()
		}
	}
	return p
}

func (p *backupPanel) build() fyne.CanvasObject {
	hint := hintText(p.u.t("backup.hint"))
	return widget.NewCard(p.u.t("backup.title"), "", container.NewVBox(hint, formGrid(p.fields...),
		container.NewHBox(p.save, p.now), p.status))
}

// values reads the form; false (with the errors on their fields) when a
// value is wrong.
func (p *backupPanel) values() (map[string]string, bool) {
	keep, err := strconv.Atoi(strings.TrimSpace(p.keep.Text))
	if err != nil || keep < 1 || keep > 365 {
		p.u.showFieldErrors(model.ValidationErrors{{Code: model.ErrInvalid, Field: settingBackupKeep,
			Message: "keep between 1 and 365 backups"}}, p.fields...)
		return nil, false
	}
	p.u.showFieldErrors(nil, p.fields...)
	return map[string]string{settingBackupDir: strings.TrimSpace(p.dir.Text), settingBackupKeep: strconv.Itoa(keep)}, true
}

func (p *backupPanel) onSave() {
	values, ok := p.values()
	if !ok {
		return
	}
	u := p.u
	db, by := u.db, u.operatorID()
	save(u, func(ctx context.Context) error {
		return db.SaveSettings(ctx, values, by)
	}, func(err error) {
		if err != nil {
			p.status.SetText(u.errText(err))
			return
		}
		for k, v := range values {
			u.settings[k] = v
		}
		p.status.SetText(u.t("settings.saved"))
	})
}

func (p *backupPanel) onNow() {
	values, ok := p.values()
	if !ok {
		return
	}
	if values[settingBackupDir] == "" {
		p.u.showFieldErrors(model.ValidationErrors{{Code: model.ErrRequired, Field: settingBackupDir,
			Message: "a folder is needed"}}, p.fields...)
		return
	}
	u := p.u
	u.settings[settingBackupKeep] = values[settingBackupKeep]
	p.now.Disable()
	db, by := u.db, u.operatorID()
	dir, keep := values[settingBackupDir], values[settingBackupKeep]
	write(u, func(context.Context) (string, error) {
		return backupTo(db, by, dir, keep, time.Now())
	}, func(out string) {
		p.now.Enable()
		switch {
		case out == "":
			p.status.SetText(u.t("backup.no_folder"))
		default:
			p.status.SetText(u.tr.Tf("backup.done", map[string]any{"Path": out}))
		}
	}, func(err error) {
		p.now.Enable()
		p.status.SetText(u.errText(err))
	})
}
