package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// employerForm adds an employer or changes one (model.PermEmployers).
type employerForm struct {
	v        *employersView
	editing  *model.Employer // nil for a new one
	entries  map[string]*widget.Entry
	ateco    *choice
	ccnl     *choice
	quality  *widget.Check
	fields   []*field
	status   *statusLine
	saveBtn  *widget.Button
	onSaved  func(id int64)
	onCancel func()
}

// employerTexts are the form's text fields, in order: the model's field
// name and the label's message ID.
var employerTexts = []struct{ name, label string }{
	{"name", "employers.name"}, {"fiscal_code", "employers.fiscal_code"}, {"vat_number", "employers.vat_number"},
	{"address", "employers.address"}, {"work_address", "employers.work_address"},
	{"contact_person", "employers.contact_person"}, {"contact_role", "employers.contact_role"},
	{"phone", "employers.phone"}, {"email", "employers.email"}, {"ccnl_other", "employers.ccnl_other"},
	{"ethical_label", "employers.ethical_label"}, {"notes", "employers.notes"},
}

func (v *employersView) showForm(e *model.Employer) {
	f := &employerForm{v: v, editing: e, entries: map[string]*widget.Entry{}, status: newStatusLine()}
	if e != nil {
		f.onSaved, f.onCancel = v.showEmployer, func() { v.showEmployer(e.ID) }
	} else {
		f.onSaved, f.onCancel = v.showEmployer, v.showList
	}
	v.setScreen(f.build())
}

func (f *employerForm) build() fyne.CanvasObject {
	u := f.v.u
	e := f.editing
	if e == nil {
		e = &model.Employer{}
	}
	values := map[string]string{"name": e.Name, "fiscal_code": e.FiscalCode, "vat_number": e.VATNumber,
		"address": e.Address, "work_address": e.WorkAddress, "contact_person": e.ContactPerson,
		"contact_role": e.ContactRole, "phone": e.Phone, "email": e.Email, "ccnl_other": e.CCNLOther,
		"ethical_label": e.EthicalLabel, "notes": e.Notes}
	byName := map[string]*field{}
	var chain []*widget.Entry
	for _, t := range employerTexts {
		en := widget.NewEntry()
		if t.name == "notes" {
			en = widget.NewMultiLineEntry()
		} else {
			chain = append(chain, en)
		}
		en.SetText(values[t.name])
		f.entries[t.name] = en
		label := u.t(t.label)
		if t.name == "name" {
			label += " *"
		}
		byName[t.name] = newField(t.name, label, en)
	}
	f.entries["fiscal_code"].SetPlaceHolder(u.t("employers.tax_hint"))

	codes, labels := []string{""}, []string{"—"}
	if _, isSection := model.AtecoSection(e.Ateco); e.Ateco != "" && !isSection {
		codes, labels = append(codes, e.Ateco), append(labels, f.v.sector(e.Ateco))
	}
	for _, s := range model.AtecoSections {
		codes, labels = append(codes, s.Code), append(labels, s.Code+" "+s.Label(u.tr.Lang()))
	}
	f.ateco = newChoice(u, codes, labels)
	f.ateco.setCode(e.Ateco)
	codes, labels = []string{""}, []string{"—"}
	for _, c := range f.v.table {
		codes, labels = append(codes, c.ID), append(labels, c.Name)
	}
	f.ccnl = newChoice(u, codes, labels)
	f.ccnl.setCode(e.CCNL)
	f.quality = widget.NewCheck(u.t("employers.quality_net"), nil)
	f.quality.SetChecked(e.QualityNet)

	f.fields = []*field{byName["name"], byName["fiscal_code"], byName["vat_number"],
		newField("ateco", u.t("employers.sector"), f.ateco), byName["address"], byName["work_address"],
		byName["contact_person"], byName["contact_role"], byName["phone"], byName["email"],
		newField("ccnl", u.t("employers.ccnl"), f.ccnl), byName["ccnl_other"],
		newField("quality_net", "", f.quality), byName["ethical_label"], byName["notes"]}
	u.chainEntries(f.onSave, chain...)

	title := u.t("employers.new")
	if f.editing != nil {
		title = u.tr.Tf("employers.edit_title", map[string]any{"Name": f.editing.Name})
	}
	f.saveBtn = widget.NewButtonWithIcon(u.t("form.save"), theme.DocumentSaveIcon(), f.onSave)
	f.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(u.t("form.cancel"), f.onCancel)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewVBox(head, formGrid(f.fields...), f.status,
		container.NewHBox(f.saveBtn, cancel)))
}

// read takes the form into an employer: the one edited, changed.
func (f *employerForm) read() *model.Employer {
	e := &model.Employer{}
	if f.editing != nil {
		*e = *f.editing
	}
	text := func(name string) string { return strings.TrimSpace(f.entries[name].Text) }
	e.Name, e.FiscalCode, e.VATNumber = text("name"), text("fiscal_code"), text("vat_number")
	e.Address, e.WorkAddress = text("address"), text("work_address")
	e.ContactPerson, e.ContactRole = text("contact_person"), text("contact_role")
	e.Phone, e.Email, e.CCNLOther = text("phone"), text("email"), text("ccnl_other")
	e.EthicalLabel, e.Notes = text("ethical_label"), text("notes")
	e.Ateco, e.CCNL, e.QualityNet = f.ateco.code(), f.ccnl.code(), f.quality.Checked
	return e
}

func (f *employerForm) onSave() {
	u, db := f.v.u, f.v.db
	e := f.read()
	if err := e.Validate(); err != nil {
		f.refused(err)
		return
	}
	write(u, func(ctx context.Context) (int64, error) {
		e := *e // the form's stays the form's
		err := db.SaveEmployer(ctx, &e)
		return e.ID, err
	}, f.onSaved, f.refused)
}

// refused shows why the employer was not saved: on its fields, all at once.
func (f *employerForm) refused(err error) {
	u := f.v.u
	if u.showFieldErrors(err, f.fields...) {
		f.status.SetText(u.t("form.fix_errors"))
	} else {
		f.status.SetText(u.errText(err))
	}
}
