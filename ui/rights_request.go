package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/exchange"
	"sportello/model"
	"sportello/printouts"
)

// accessRequest answers a person's access request (GDPR art. 15 and 20):
// it saves, in a folder the coordinator chooses, the PDF of all the data
// held about the person in their language with the Italian, and the same
// data as JSON, and says where.
type accessRequest struct {
	u      *App
	person *model.Person
	dir    *widget.Entry
	lang   *choice
	fields []*field
	save   *widget.Button
	status *widget.Label
}

func newAccessRequest(u *App, p *model.Person) *accessRequest {
	v := &accessRequest{u: u, person: p, dir: widget.NewEntry(), lang: languageChoice(u), status: widget.NewLabel("")}
	v.status.Wrapping = fyne.TextWrapWord
	if home, err := os.UserHomeDir(); err == nil {
		v.dir.SetText(home)
	}
	v.lang.setCode(p.PreferredLanguage)
	if v.lang.code() == "" {
		v.lang.setCode("it")
	}
	v.fields = []*field{newField("folder", u.t("rights_request.folder"), v.dir),
		newField("lang", u.t("rights_request.language"), v.lang)}
	v.save = widget.NewButtonWithIcon(u.t("rights_request.save"), theme.DocumentSaveIcon(), v.onSave)
	v.save.Importance = widget.HighImportance
	return v
}

func (v *accessRequest) build() fyne.CanvasObject {
	u := v.u
	title := widget.NewLabelWithStyle(u.t("rights_request.title")+" · "+v.person.DisplayName(), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	choose := widget.NewButtonWithIcon(u.t("rights_request.choose"), theme.FolderOpenIcon(), v.onChoose)
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, hintText(u.t("rights_request.hint")),
		formGrid(v.fields...), container.NewHBox(choose, v.save), v.status)))
}

// onChoose picks the folder with the system's dialog.
func (v *accessRequest) onChoose() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil && dir.Scheme() == "file" {
			v.dir.SetText(dir.Path())
		}
	}, v.u.win)
}

// onSave reads the person's file (refused by the store to a role without
// the rights permission), then writes the PDF and the JSON, off the UI
// goroutine, and says where they are.
func (v *accessRequest) onSave() {
	u := v.u
	dir := strings.TrimSpace(v.dir.Text)
	if fi, err := os.Stat(dir); dir == "" || err != nil || !fi.IsDir() {
		u.showFieldErrors(&model.Error{Code: model.ErrInvalid, Field: "folder", Message: "not a folder"}, v.fields...)
		return
	}
	u.showFieldErrors(nil, v.fields...)
	lang, own := printouts.AccessLanguage(v.lang.code())
	db, op, personID := u.db, u.op, v.person.ID
	chosen := v.lang.code()
	v.save.Disable()
	v.status.SetText(u.t("rights_request.working"))
	write(u, func(ctx context.Context) ([2]string, error) {
		f, err := db.PersonFile(ctx, personID, op)
		if err != nil {
			return [2]string{}, err
		}
		pdf, js, err := exchange.WriteAccess(filepath.Clean(dir), lang, f, func(w io.Writer) error {
			return printouts.RenderAccess(w, printouts.Access{Lang: chosen, File: f, Zone: time.Local})
		})
		return [2]string{pdf, js}, err
	}, func(files [2]string) {
		v.save.Enable()
		text := u.tr.Tf("rights_request.saved", map[string]any{"PDF": files[0], "JSON": files[1]})
		if !own {
			text += "\n" + u.t("rights_request.in_english")
		}
		v.status.SetText(text)
	}, func(err error) {
		v.save.Enable()
		v.status.SetText(u.errText(err))
	})
}
