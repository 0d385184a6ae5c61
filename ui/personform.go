package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// personForm registers a new person or edits one. Errors show under their
// field, and nothing is saved until every field is right.
type personForm struct {
	u        *App
	original *model.Person // nil when registering
	onSaved  func(*model.Person)
	onCancel func()

	family, given, own, aliases, birth, phone, domicile, fiscal *widget.Entry
	permitType, permitNumber, permitExpiry                      *widget.Entry
	informal                                                    *widget.Check
	sex, permitStatus, channel                                  *choice
	country, citizenship, language                              *picker
	fields                                                      []*field
	save                                                        *widget.Button
	status                                                      *statusLine

	files *possibleFiles  // the likely files of the person, when registering; nil when editing
	body  *fyne.Container // the fields, and beside them the likely files
}

func newPersonForm(u *App, p *model.Person, onSaved func(*model.Person), onCancel func()) *personForm {
	f := &personForm{u: u, original: p, onSaved: onSaved, onCancel: onCancel}
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		return e
	}
	f.family, f.given, f.own = entry(""), entry(""), entry("")
	f.aliases = entry(u.t("person.aliases_hint"))
	f.birth, f.permitExpiry = u.dateEntry(), u.dateEntry()
	f.birth.SetPlaceHolder(u.t("person.date_hint")) // the day and month may be unknown
	f.permitExpiry.SetPlaceHolder(u.t("person.date_hint"))
	f.phone, f.domicile, f.fiscal = entry("+39 …"), entry(""), entry("")
	f.permitType, f.permitNumber = entry(""), entry("")
	f.informal = widget.NewCheck(u.t("person.domicile_informal"), nil)
	f.sex = enumChoice(u, "sex", model.Sexes)
	f.country, f.citizenship = countryPicker(u), countryPicker(u)
	f.language = languagePicker(u)
	f.permitStatus = enumChoice(u, "permit", model.PermitStatuses)
	f.channel = enumChoice(u, "channel", model.Channels)
	f.status = newStatusLine()
	f.status.Importance = widget.DangerImportance

	// Checks while typing, for what one field can tell alone.
	f.family.Validator = func(s string) error { return f.liveCheck("family_name", s) }
	f.birth.Validator = func(s string) error { return f.liveCheck("birth_date", s) }
	f.fiscal.Validator = func(s string) error { return f.liveCheck("fiscal_code", s) }

	f.fields = []*field{
		newField("family_name", u.t("person.family_name")+" *", f.family),
		newField("given_names", u.t("person.given_names"), f.given),
		newField("own_script_name", u.t("person.own_script_name"), inTypedScript(f.own)),
		newField("aliases", u.t("person.aliases"), f.aliases),
		newField("sex", u.t("person.sex"), f.sex),
		newField("birth_date", u.t("person.birth_date"), f.birth),
		newField("birth_country", u.t("person.birth_country"), f.country.box),
		newField("citizenships", u.t("person.citizenship"), f.citizenship.box),
		newField("preferred_language", u.t("person.preferred_language"), f.language.box),
		newField("phone", u.t("person.phone"), f.phone),
		newField("domicile", u.t("person.domicile"), container.NewVBox(f.domicile, f.informal)),
		newField("fiscal_code", u.t("person.fiscal_code"), f.fiscal),
		newField("permit_type", u.t("person.permit_type"), f.permitType),
		newField("permit_number", u.t("person.permit_number"), f.permitNumber),
		newField("permit_expiry", u.t("person.permit_expiry"), f.permitExpiry),
		newField("permit_status", u.t("person.permit_status"), f.permitStatus),
		newField("channel", u.t("person.channel"), f.channel),
	}
	label := u.t("form.register")
	if p != nil {
		label = u.t("form.save")
		f.fill(p)
	}
	f.save = widget.NewButton(label, f.onSave)
	f.save.Importance = widget.HighImportance
	f.watch()
	return f
}

func (f *personForm) build() fyne.CanvasObject {
	title := f.u.t("form.new_person")
	if f.original != nil {
		title = f.original.CaseCode + " · " + f.original.DisplayName()
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cancel := widget.NewButton(f.u.t("form.cancel"), f.onCancel)
	// The buttons stay in view below the scrolling fields.
	bottom := container.NewVBox(widget.NewSeparator(), f.status, container.NewHBox(f.save, cancel))
	fields := f.u.followFocus(container.NewVScroll(container.NewPadded(formGrid(f.fields...))))
	if f.files == nil {
		return container.NewBorder(container.NewPadded(head), container.NewPadded(bottom), nil, nil, fields)
	}
	f.files.scroll = fields
	f.body = container.New(besideLayout{f.files}, fields, f.files.panel)
	return container.NewBorder(container.NewPadded(head), container.NewPadded(bottom), nil, nil, f.body)
}

// lookForFiles shows, while registering, the desk's files that are likely
// the person being typed (possibleFiles); onOpen opens one instead.
func (f *personForm) lookForFiles(onOpen func(personID int64)) {
	if f.original == nil {
		f.files = newPossibleFiles(f.u, f, onOpen)
	}
}

// fill puts an existing person into the widgets.
func (f *personForm) fill(p *model.Person) {
	f.family.SetText(p.FamilyName)
	f.given.SetText(p.GivenNames)
	f.own.SetText(p.OwnScriptName)
	f.aliases.SetText(strings.Join(p.Aliases, ", "))
	f.sex.setCode(string(p.Sex))
	f.birth.SetText(p.BirthDate.Italian())
	f.country.setCode(p.BirthCountry)
	if len(p.Citizenships) > 0 {
		f.citizenship.setCode(p.Citizenships[0])
	}
	f.language.setCode(p.PreferredLanguage)
	f.phone.SetText(p.Phone)
	f.domicile.SetText(p.Domicile)
	f.informal.SetChecked(p.DomicileInformal)
	f.fiscal.SetText(p.FiscalCode)
	f.permitType.SetText(p.Permit.Type)
	f.permitNumber.SetText(p.Permit.Number)
	f.permitExpiry.SetText(p.Permit.Expiry.Italian())
	f.permitStatus.setCode(string(p.Permit.Status))
	f.channel.setCode(string(p.Channel))
}

// person reads the widgets into a Person; what cannot be read (a date
// that does not parse, a country no one can tell) comes back as a message
// by field.
func (f *personForm) person() (*model.Person, map[string]string) {
	p := &model.Person{}
	if f.original != nil {
		*p = *f.original
	}
	msgs := map[string]string{}
	date := func(field, s string) model.PartialDate {
		d, err := model.ReadDate(s)
		if err != nil {
			msgs[field] = f.u.t("error." + model.ErrorCode(err))
		}
		return d
	}
	pick := func(field string, pk *picker) string {
		code, problem := pk.value()
		if problem != "" {
			msgs[field] = problem
		}
		return code
	}
	p.FamilyName, p.GivenNames, p.OwnScriptName = f.family.Text, f.given.Text, f.own.Text
	p.Aliases = splitList(f.aliases.Text)
	p.Sex = model.Sex(f.sex.code())
	p.BirthDate = date("birth_date", f.birth.Text)
	p.BirthCountry = pick("birth_country", f.country)
	p.Citizenships = nil
	if c := pick("citizenships", f.citizenship); c != "" {
		p.Citizenships = []string{c}
	}
	p.PreferredLanguage = pick("preferred_language", f.language)
	if p.PreferredLanguage != "" && !contains(p.Languages, p.PreferredLanguage) {
		p.Languages = append(p.Languages, p.PreferredLanguage)
	}
	p.Phone, p.Domicile, p.DomicileInformal = f.phone.Text, f.domicile.Text, f.informal.Checked
	p.FiscalCode = f.fiscal.Text
	p.Permit = model.Permit{Type: f.permitType.Text, Number: f.permitNumber.Text,
		Expiry: date("permit_expiry", f.permitExpiry.Text), Status: model.PermitStatus(f.permitStatus.code())}
	p.Channel = model.Channel(f.channel.code())
	return p, msgs
}

// liveCheck validates one field alone, for the entry's own red mark.
func (f *personForm) liveCheck(field, s string) error {
	var p model.Person
	switch field {
	case "family_name":
		p.FamilyName = s
	case "birth_date":
		d, err := model.ReadDate(s)
		if err != nil {
			return errorText{f.u.t("error." + model.ErrorCode(err))}
		}
		p.FamilyName, p.BirthDate = "x", d
	case "fiscal_code":
		if strings.TrimSpace(s) == "" {
			return nil
		}
		if _, err := model.ParseFiscalCode(s); err != nil {
			return errorText{f.u.t("error." + model.ErrorCode(err))}
		}
		return nil
	}
	err := p.Validate(nowFunc())
	if v, ok := err.(model.ValidationErrors); ok && v.Field(field) != nil {
		return errorText{f.u.t("error." + v.Field(field).Code)}
	}
	return nil
}

func (f *personForm) onSave() {
	p, msgs := f.check()
	f.showProblems(msgs, false)
	if len(msgs) > 0 {
		f.status.SetText(f.u.t("form.fix_errors"))
		return
	}
	f.status.SetText("")
	f.save.Disable()
	db, by, create := f.u.db, f.u.operatorID(), f.original == nil
	write(f.u, func(ctx context.Context) (*model.Person, error) {
		// p is the work's until it comes back saved (ID and case code set).
		if create {
			return p, db.CreatePerson(ctx, p, by)
		}
		return p, db.UpdatePerson(ctx, p, by)
	}, func(p *model.Person) {
		f.save.Enable()
		if create && f.files != nil {
			f.files.recordApart(p)
		}
		f.onSaved(p)
	}, func(err error) {
		f.save.Enable()
		if !f.u.showFieldErrors(err, f.fields...) {
			f.status.SetText(f.u.errText(err))
		} else {
			f.status.SetText(f.u.t("form.fix_errors"))
		}
	})
}

// errorText is a translated validation message.
type errorText struct{ msg string }

func (e errorText) Error() string { return e.msg }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
