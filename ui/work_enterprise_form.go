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

// enterpriseForm adds an enterprise path to the case or changes one.
type enterpriseForm struct {
	v          *workEnterprise
	editing    *model.Enterprise // nil for a new one
	idea       *widget.Entry
	steps      *stepRows
	apps       *applicationRows
	name       *widget.Entry
	registered *widget.Entry
	legalForm  *choice
	ateco      *widget.Entry
	atecoDesc  *widget.Label
	vat        *widget.Entry
	fields     map[string]*field
	status     *statusLine
	snapshot   string
}

func (v *workEnterprise) showForm(e *model.Enterprise) {
	f := &enterpriseForm{v: v, editing: e, status: newStatusLine(), fields: map[string]*field{}}
	v.form = f
	v.setScreen(f.build())
	f.snapshot = f.state()
}

func (f *enterpriseForm) build() fyne.CanvasObject {
	u := f.v.u
	e := f.editing
	if e == nil {
		e = &model.Enterprise{}
	}
	f.idea = widget.NewMultiLineEntry()
	f.idea.SetText(e.Idea)
	f.idea.SetMinRowsVisible(3)
	f.steps = newStepRows(u, e.Steps)
	f.apps = newApplicationRows(u, e.Applications)
	f.name, f.registered, f.ateco, f.vat = widget.NewEntry(), u.dateEntry(), widget.NewEntry(), widget.NewEntry()
	f.name.SetText(e.Name)
	f.registered.SetText(dayText(e.RegisteredAt))
	f.legalForm = pathChoice(u, "legal_form", model.LegalForms)
	f.legalForm.setCode(e.LegalForm)
	f.atecoDesc = widget.NewLabel("")
	f.atecoDesc.Wrapping = fyne.TextWrapWord
	f.ateco.OnChanged = func(string) { f.describeAteco() }
	f.ateco.SetPlaceHolder(u.t("enterprise.ateco_hint"))
	f.ateco.SetText(e.Ateco)
	f.vat.SetText(e.VATNumber)
	add := func(name, label string, obj fyne.CanvasObject) *field {
		fd := newField(name, label, obj)
		f.fields[name] = fd
		return fd
	}
	idea := formGrid(add("idea", u.t("enterprise.idea")+" *", f.idea))
	registration := formGrid(add("name", u.t("enterprise.name"), f.name),
		add("registered_at", u.t("enterprise.registered_at"), f.registered),
		add("legal_form", u.t("enterprise.legal_form"), f.legalForm), add("ateco", u.t("enterprise.ateco"), f.ateco),
		add("ateco_desc", u.t("enterprise.ateco_desc"), f.atecoDesc), add("vat_number", u.t("enterprise.vat_number"), f.vat))
	u.chainEntries(f.onSave, f.name, f.registered, f.ateco, f.vat)

	title := u.t("enterprise.new")
	if f.editing != nil {
		title = u.t("enterprise.edit_title")
	}
	save := widget.NewButtonWithIcon(u.t("form.save"), theme.DocumentSaveIcon(), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(u.t("form.cancel"), f.onCancel)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewVBox(head, idea,
		widget.NewCard(u.t("enterprise.steps"), u.t("enterprise.steps_hint"), f.steps.box),
		widget.NewCard(u.t("enterprise.applications"), u.t("enterprise.applications_hint"), f.apps.box),
		widget.NewCard(u.t("enterprise.registration"), u.t("enterprise.registration_hint"), registration),
		f.status, container.NewHBox(save, cancel)))
}

// describeAteco says what the ATECO code typed is: its section's label in
// the interface language, or that it is not a code.
func (f *enterpriseForm) describeAteco() {
	u := f.v.u
	code := strings.TrimSpace(f.ateco.Text)
	switch s, ok := model.AtecoCodeSection(code); {
	case code == "":
		f.atecoDesc.SetText("")
	case !ok:
		f.atecoDesc.SetText(u.t("enterprise.ateco_unknown"))
	default:
		f.atecoDesc.SetText(u.tr.Tf("enterprise.ateco_section", map[string]any{"Section": s.Code, "Label": s.Label(u.tr.Lang())}))
	}
}

func (f *enterpriseForm) state() string {
	return formState(f.idea, f.name, f.registered, f.legalForm, f.ateco, f.vat) + f.steps.state() + f.apps.state()
}

func (f *enterpriseForm) changed() bool { return f.state() != f.snapshot }

// read takes the form into an enterprise, or says which fields do not read.
func (f *enterpriseForm) read() (*model.Enterprise, map[string]string) {
	e := &model.Enterprise{CaseID: f.v.w.caseID}
	if f.editing != nil {
		*e = *f.editing
	}
	bad := map[string]string{}
	var id string
	e.Idea, e.Name = strings.TrimSpace(f.idea.Text), strings.TrimSpace(f.name.Text)
	if e.RegisteredAt, id = readWorkDay(f.registered.Text); id != "" {
		bad["registered_at"] = id
	}
	e.LegalForm, e.Ateco, e.VATNumber = f.legalForm.code(), strings.TrimSpace(f.ateco.Text), strings.TrimSpace(f.vat.Text)
	var ok1, ok2 bool
	e.Steps, ok1 = f.steps.read()
	e.Applications, ok2 = f.apps.read()
	if !ok1 || !ok2 {
		bad["parts"] = "form.fix_errors"
	}
	return e, bad
}

func (f *enterpriseForm) onSave() {
	u, db := f.v.u, f.v.db
	e, bad := f.read()
	if len(bad) > 0 {
		f.showErrors(nil, bad)
		return
	}
	check := *e // Validate normalises the partita IVA: the form keeps what was typed
	if err := check.Validate(); err != nil {
		f.showErrors(err, nil)
		return
	}
	write(u, func(ctx context.Context) (int64, error) {
		cp := *e
		cp.Steps = append([]model.SupportStep(nil), e.Steps...)
		cp.Applications = append([]model.FundingApplication(nil), e.Applications...)
		err := db.SaveEnterprise(ctx, &cp)
		return cp.ID, err
	}, func(int64) {
		f.v.status.SetText(u.t("enterprise.saved"))
		f.v.form = nil
		f.v.load()
	}, func(err error) { f.showErrors(err, nil) })
}

// showErrors says on each field what is wrong; the rows of steps and
// applications say it under the row.
func (f *enterpriseForm) showErrors(err error, bad map[string]string) {
	f.steps.showErrors(err)
	f.apps.showErrors(err)
	showFormErrors(f.v.u, f.fields, f.status, err, bad)
}

func (f *enterpriseForm) onCancel() {
	v := f.v
	if !f.changed() {
		v.showList()
		return
	}
	v.u.confirmDiscard(v.showList)
}
