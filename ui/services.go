package ui

import (
	"bytes"
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
	var list []model.Service
	v.u.background(func() (err error) {
		list, err = v.u.db.Services(context.Background())
		return err
	}, func(err error) {
		if err != nil {
			v.status.SetText(v.u.errText(err))
			return
		}
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
	})
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
	u.background(func() error {
		return u.db.SaveService(context.Background(), s, u.operatorID())
	}, func(err error) {
		if err != nil {
			if !u.showFieldErrors(err, v.fields...) {
				v.status.SetText(u.errText(err))
			}
			return
		}
		u.showFieldErrors(nil, v.fields...)
		v.status.SetText(u.tr.Tf("services.saved", map[string]any{"Name": s.Name}))
		v.editing = nil
		v.save.SetText(u.t("services.add"))
		for _, e := range []*widget.Entry{v.name, v.address, v.phone, v.email, v.hours, v.languages, v.area, v.notes} {
			e.SetText("")
		}
		v.reload()
	})
}

// importCSV merges a map read from r; a bad file changes nothing.
func (v *servicesView) importCSV(r io.Reader) {
	u := v.u
	list, err := model.ParseServicesCSV(r)
	if err != nil {
		v.status.SetText(u.tr.Tf("services.import_failed", map[string]any{"Detail": err.Error()}))
		return
	}
	var added, updated int
	u.background(func() (err error) {
		added, updated, err = u.db.ImportServices(context.Background(), list, u.operatorID())
		return err
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.tr.Tf("services.import_failed", map[string]any{"Detail": u.errText(err)}))
			return
		}
		v.status.SetText(u.tr.Tf("services.imported", map[string]any{"Added": added, "Updated": updated}))
		v.reload()
	})
}

// exportCSV writes the map to w.
func (v *servicesView) exportCSV(w io.Writer) error {
	list, err := v.u.db.Services(context.Background())
	if err != nil {
		return err
	}
	return model.WriteServicesCSV(w, list)
}

func (v *servicesView) onImport() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			v.status.SetText(v.u.errText(err))
			return
		}
		v.importCSV(bytes.NewReader(data))
	}, v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}

func (v *servicesView) onExport() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		defer wc.Close()
		if err := v.exportCSV(wc); err != nil {
			v.status.SetText(v.u.errText(err))
			return
		}
		v.status.SetText(v.u.tr.Tf("services.exported", map[string]any{"Path": wc.URI().Path()}))
	}, v.u.win)
	d.SetFileName("servizi.csv")
	d.Show()
}
