package ui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// servicesView is the map of services the desk keeps: the list, a form to
// add or change one, and CSV import and export to share maps between desks.
type servicesView struct {
	u       *App
	list    *fyne.Container
	status  *widget.Label
	editing *model.Service

	name, address, phone, email, hours, languages, area, notes *widget.Entry
	kind                                                       *choice
	fields                                                     []*field
	save                                                       *widget.Button
}

func newServicesView(u *App) *servicesView {
	v := &servicesView{u: u, list: container.NewVBox(), status: widget.NewLabel(""), kind: enumChoice(u, "service_kind", model.ServiceKinds)}
	v.status.Wrapping = fyne.TextWrapWord
	entries := []*(*widget.Entry){&v.name, &v.address, &v.phone, &v.email, &v.hours, &v.languages, &v.area, &v.notes}
	for _, e := range entries {
		*e = widget.NewEntry()
	}
	v.languages.SetPlaceHolder("it en ar")
	v.fields = []*field{
		newField("name", u.t("services.name")+" *", v.name),
		newField("kind", u.t("services.kind"), v.kind),
		newField("address", u.t("services.address"), v.address),
		newField("phone", u.t("services.phone"), v.phone),
		newField("email", u.t("services.email"), v.email),
		newField("hours", u.t("services.hours"), v.hours),
		newField("languages", u.t("services.languages"), v.languages),
		newField("area", u.t("services.area"), v.area),
		newField("notes", u.t("services.notes"), v.notes),
	}
	v.save = widget.NewButton(u.t("services.add"), v.onSave)
	v.save.Importance = widget.HighImportance
	return v
}

func (v *servicesView) build() fyne.CanvasObject {
	u := v.u
	v.reload()
	title := widget.NewLabelWithStyle(u.t("services.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	csvButtons := container.NewHBox(widget.NewButton(u.t("services.import"), v.onImport), widget.NewButton(u.t("services.export"), v.onExport))
	form := widget.NewCard(u.t("services.form"), "", container.NewVBox(formGrid(v.fields...), v.save))
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, csvButtons, v.status, v.list, form)))
}

func (v *servicesView) reload() {
	db := v.u.db
	load(v.u, func(ctx context.Context) ([]model.Service, error) {
		return db.Services(ctx)
	}, v.show, func(err error) { v.status.SetText(v.u.errText(err)) })
}

// show lists the services, each with its Edit button.
func (v *servicesView) show(list []model.Service) {
	v.list.RemoveAll()
	for _, s := range list {
		s := s
		text := s.Name + " · " + v.u.label("service_kind", s.Kind)
		for _, x := range []string{s.Phone, s.Address, s.Hours} {
			if x != "" {
				text += " · " + x
			}
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		edit := widget.NewButton(v.u.t("case.edit"), func() { v.fill(&s) })
		v.list.Add(container.NewBorder(nil, nil, nil, edit, l))
	}
}

// fill puts a service into the form to change it.
func (v *servicesView) fill(s *model.Service) {
	v.editing = s
	v.name.SetText(s.Name)
	v.kind.setCode(string(s.Kind))
	v.address.SetText(s.Address)
	v.phone.SetText(s.Phone)
	v.email.SetText(s.Email)
	v.hours.SetText(s.Hours)
	v.languages.SetText(strings.Join(s.Languages, " "))
	v.area.SetText(s.Area)
	v.notes.SetText(s.Notes)
	v.save.SetText(v.u.t("form.save"))
}

func (v *servicesView) onSave() {
	u := v.u
	s := &model.Service{Name: strings.TrimSpace(v.name.Text), Kind: model.ServiceKind(v.kind.code()),
		Address: v.address.Text, Phone: v.phone.Text, Email: strings.TrimSpace(v.email.Text), Hours: v.hours.Text,
		Languages: strings.Fields(v.languages.Text), Area: v.area.Text, Notes: v.notes.Text}
	if v.editing != nil {
		s.ID = v.editing.ID
	}
	if err := s.Validate(); err != nil {
		u.showFieldErrors(err, v.fields...)
		return
	}
	db, by := u.db, u.operatorID()
	write(u, func(ctx context.Context) (*model.Service, error) {
		err := db.SaveService(ctx, s, by) // s is the work's until it comes back saved
		return s, err
	}, func(s *model.Service) {
		u.showFieldErrors(nil, v.fields...)
		v.status.SetText(u.tr.Tf("services.saved", map[string]any{"Name": s.Name}))
		v.editing = nil
		v.save.SetText(u.t("services.add"))
		for _, e := range []*widget.Entry{v.name, v.address, v.phone, v.email, v.hours, v.languages, v.area, v.notes} {
			e.SetText("")
		}
		v.reload()
	}, func(err error) {
		if !u.showFieldErrors(err, v.fields...) {
			v.status.SetText(u.errText(err))
		}
	})
}

// importCSV merges a map read from r: rows are matched to services by their
// stable ID, the national hotline is never changed, and a refused row
// changes nothing (store.ImportServices). The status says how many services
// were added, updated and kept, or why nothing was imported.
func (v *servicesView) importCSV(r io.Reader) {
	u := v.u
	list, err := model.ParseServicesCSV(r)
	if err != nil {
		v.status.SetText(v.importError(err, nil))
		return
	}
	db, by := u.db, u.operatorID()
	write(u, func(ctx context.Context) ([2]int, error) {
		added, updated, err := db.ImportServices(ctx, list, by)
		return [2]int{added, updated}, err
	}, func(n [2]int) {
		v.status.SetText(u.tr.Tf("services.imported", map[string]any{"Added": n[0], "Updated": n[1],
			"Kept": len(list) - n[0] - n[1]}))
		v.reload()
	}, func(err error) { v.status.SetText(v.importError(err, list)) })
}

// serviceFieldKeys names the form's fields in the messages about a row.
var serviceFieldKeys = map[string]string{"name": "services.name", "kind": "services.kind",
	"address": "services.address", "phone": "services.phone", "email": "services.email", "hours": "services.hours",
	"languages": "services.languages", "area": "services.area", "notes": "services.notes", "uid": "services.uid"}

// importError says in the user's language why an import of list (nil when
// the file could not be read) was refused. A row's error has the field
// "services.<n>.<field>": row n is the spreadsheet's row n+2, after the
// header.
func (v *servicesView) importError(err error, list []model.Service) string {
	u := v.u
	code, field := model.ErrorCode(err), ""
	var e *model.Error
	var ve model.ValidationErrors
	switch {
	case errors.As(err, &e):
		field = e.Field
	case errors.As(err, &ve) && len(ve) > 0:
		field = ve[0].Field
	}
	if field == "csv" {
		return u.t("services.import_bad_file")
	}
	n, sub, ok := listRow(field)
	if code == "" || !ok {
		return u.tr.Tf("services.import_failed", map[string]any{"Detail": u.errText(err)})
	}
	row, name, uid := n+2, "", ""
	if n < len(list) {
		name, uid = list[n].Name, list[n].UID
	}
	switch {
	case code == model.ErrConflict && sub == "name" && uid == "":
		return u.tr.Tf("services.import_name_exists", map[string]any{"Row": row, "Name": name})
	case code == model.ErrConflict && sub == "name":
		return u.tr.Tf("services.import_name_taken", map[string]any{"Row": row, "Name": name})
	case code == model.ErrConflict && sub == "uid":
		return u.tr.Tf("services.import_uid_twice", map[string]any{"Row": row})
	}
	label := sub
	if key, known := serviceFieldKeys[sub]; known {
		label = u.t(key)
	}
	return u.tr.Tf("services.import_row", map[string]any{"Row": row, "Field": label, "Detail": u.errText(err)})
}

// listRow reads the field "services.<n>.<field>" of an error about a row of
// a list of services.
func listRow(field string) (n int, sub string, ok bool) {
	parts := strings.SplitN(field, ".", 3)
	if len(parts) != 3 || parts[0] != "services" {
		return 0, "", false
	}
	n, err := strconv.Atoi(parts[1])
	return n, parts[2], err == nil && n >= 0
}

// saveCSV writes the map to the file the save dialog gave: a local file is
// written whole or not at all, readable by this account only, like every
// export (savePDF).
func saveCSV(ctx context.Context, db Store, wc fyne.URIWriteCloser) error {
	var buf bytes.Buffer
	list, err := db.Services(ctx)
	if err == nil {
		err = model.WriteServicesCSV(&buf, list)
	}
	if err != nil {
		wc.Close()
		if wc.URI().Scheme() == "file" {
			if fi, serr := os.Stat(wc.URI().Path()); serr == nil && fi.Size() == 0 {
				os.Remove(wc.URI().Path()) // the empty file the dialog made
			}
		}
		return err
	}
	return savePDF(wc, buf.Bytes())
}

func (v *servicesView) onImport() {
	v.u.openFile([]string{".csv"}, func(data []byte, _ string) { v.importCSV(bytes.NewReader(data)) },
		func(err error) { v.status.SetText(v.u.errText(err)) })
}

func (v *servicesView) onExport() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		db := v.u.db
		save(v.u, func(ctx context.Context) error { return saveCSV(ctx, db, wc) }, func(err error) {
			if err != nil {
				v.status.SetText(v.u.errText(err))
				return
			}
			v.status.SetText(v.u.tr.Tf("services.exported", map[string]any{"Path": wc.URI().Path()}))
		})
	}, v.u.win)
	d.SetFileName("servizi.csv")
	d.Show()
}
