package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// vacancyForm adds a vacancy to an employer or changes one. On save the
// store checks it against the CCNL table: the employer's page then shows
// what a held vacancy breaks.
type vacancyForm struct {
	v        *employersView
	employer *model.Employer
	editing  *model.Vacancy // nil for a new one

	title, place, start, end, weekly, daily, days, pay, languages, licences, posts *widget.Entry
	occupation                                                                     *picker
	contract, unit, ccnl, level, state                                             *choice
	seasonal, housing, transport                                                   *widget.Check
	fields                                                                         []*field
	status                                                                         *statusLine
}

func (v *employersView) showVacancyForm(e *model.Employer, vc *model.Vacancy) {
	f := &vacancyForm{v: v, employer: e, editing: vc, status: newStatusLine()}
	v.setScreen(f.build())
}

func (f *vacancyForm) build() fyne.CanvasObject {
	u := f.v.u
	vc := f.editing
	if vc == nil {
		vc = &model.Vacancy{Posts: 1, State: model.VacancyOpen, PayUnit: model.PayHour}
	}
	for _, e := range []**widget.Entry{&f.title, &f.place, &f.weekly, &f.daily, &f.days, &f.pay, &f.languages, &f.licences, &f.posts} {
		*e = widget.NewEntry()
	}
	f.start, f.end = u.dateEntry(), u.dateEntry()
	f.title.SetText(vc.Title)
	f.place.SetText(vc.Place)
	f.start.SetText(dayText(vc.Start))
	f.end.SetText(dayText(vc.End))
	f.weekly.SetText(number(vc.WeeklyHours))
	f.daily.SetText(number(vc.DailyHours))
	if vc.DaysPerWeek > 0 {
		f.days.SetText(strconv.Itoa(vc.DaysPerWeek))
	}
	f.pay.SetText(euro(vc.PayCents))
	f.pay.SetPlaceHolder("150,50")
	f.languages.SetText(strings.Join(vc.Languages, ", "))
	f.languages.SetPlaceHolder("it:A2, en")
	f.licences.SetText(strings.Join(vc.Licences, ", "))
	f.licences.SetPlaceHolder("B, muletto")
	f.posts.SetText(strconv.Itoa(vc.Posts))

	f.occupation = occupationPicker(u, "")
	if o, ok := model.ESCOOccupation(vc.ESCO); ok {
		f.occupation.options = withKeys([]pickOption{occupationOption(u, o, "")})
		f.occupation.setCode(o.ID)
	}
	occ := newField("esco", u.t("employers.occupation"), f.occupation.box)
	f.occupation.onLeft = func(problem string) { occ.setError(problem) }

	codes, labels := []string{""}, []string{"—"}
	for _, c := range model.ContractTypes {
		codes, labels = append(codes, c.Code), append(labels, c.Label(u.tr.Lang()))
	}
	f.contract = newChoice(u, codes, labels)
	f.contract.setCode(vc.ContractType)
	f.unit = enumChoice(u, "pay_unit", model.PayUnits)
	f.unit.setCode(string(vc.PayUnit))
	f.state = enumChoice(u, "vacancy_state", model.VacancyStates)
	f.state.setCode(string(vc.State))
	codes, labels = []string{""}, []string{u.tr.Tf("employers.ccnl_employer", map[string]any{"Name": f.v.ccnlName(f.employer.CCNL, f.employer.CCNLOther)})}
	for _, c := range f.v.table {
		codes, labels = append(codes, c.ID), append(labels, c.Name)
	}
	f.ccnl = newChoice(u, codes, labels)
	f.level = newChoice(u, nil, nil)
	f.ccnl.OnChanged = func(string) { f.levels("") }
	f.ccnl.setCode(vc.CCNL)
	f.levels(vc.CCNLLevel)
	f.seasonal = widget.NewCheck(u.t("employers.seasonal"), nil)
	f.seasonal.SetChecked(vc.Seasonal)
	f.housing = widget.NewCheck(u.t("employers.housing"), nil)
	f.housing.SetChecked(vc.Housing)
	f.transport = widget.NewCheck(u.t("employers.transport"), nil)
	f.transport.SetChecked(vc.Transport)

	f.fields = []*field{
		newField("title", u.t("employers.job_title")+" *", f.title), occ,
		newField("place", u.t("employers.place"), f.place),
		newField("start", u.t("employers.start"), f.start), newField("end", u.t("employers.end"), f.end),
		newField("seasonal", "", f.seasonal),
		newField("weekly_hours", u.t("employers.weekly_hours"), f.weekly),
		newField("daily_hours", u.t("employers.daily_hours"), f.daily),
		newField("days_per_week", u.t("employers.days_per_week"), f.days),
		newField("contract_type", u.t("employers.contract_type"), f.contract),
		newField("pay", u.t("employers.pay"), f.pay), newField("pay_unit", u.t("employers.pay_unit"), f.unit),
		newField("ccnl", u.t("employers.ccnl"), f.ccnl), newField("ccnl_level", u.t("employers.ccnl_level"), f.level),
		newField("housing", "", f.housing), newField("transport", "", f.transport),
		newField("languages", u.t("employers.languages"), f.languages),
		newField("licences", u.t("employers.licences"), f.licences),
		newField("posts", u.t("employers.posts"), f.posts), newField("state", u.t("employers.state"), f.state),
	}
	title := u.tr.Tf("employers.new_vacancy_of", map[string]any{"Name": f.employer.Name})
	if f.editing != nil {
		title = u.tr.Tf("employers.edit_vacancy_of", map[string]any{"Name": f.employer.Name})
	}
	save := widget.NewButtonWithIcon(u.t("form.save"), theme.DocumentSaveIcon(), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(u.t("form.cancel"), func() { f.v.showEmployer(f.employer.ID) })
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewVBox(head, formGrid(f.fields...), f.status, container.NewHBox(save, cancel)))
}

// levels offers the levels of the agreement chosen, or of the employer's.
func (f *vacancyForm) levels(selected string) {
	id := f.ccnl.code()
	if id == "" {
		id = f.employer.CCNL
	}
	codes, labels := []string{""}, []string{"—"}
	if c, ok := model.FindCCNL(f.v.table, id); ok {
		for _, l := range c.Levels {
			codes, labels = append(codes, l.Code), append(labels, l.Label+" (min. "+euro(l.MinCents)+" €/h)")
		}
	}
	f.level.codes, f.level.labels, f.level.Options = codes, labels, labels
	f.level.setCode(selected)
	f.level.Refresh()
}

// dayText writes a day as dd/mm/yyyy; the zero time as "".
func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02/01/2006")
}

// number writes hours as 6,5; zero as "".
func number(x float64) string {
	if x == 0 {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)
}

// read takes the form into a vacancy, with the problems only the form can
// see (a date, a number, an amount or an occupation it cannot read), by
// field.
func (f *vacancyForm) read() (*model.Vacancy, map[string]string) {
	u := f.v.u
	vc := &model.Vacancy{EmployerID: f.employer.ID}
	if f.editing != nil {
		*vc = *f.editing
	}
	bad := map[string]string{}
	vc.Title, vc.Place = strings.TrimSpace(f.title.Text), strings.TrimSpace(f.place.Text)
	if code, problem := f.occupation.value(); problem != "" {
		bad["esco"] = problem
	} else if o, ok := model.ESCOOccupation(code); ok {
		vc.ESCO, vc.ISCO, vc.CP2011 = o.ID, o.ISCO, bestCP2011(o)
	} else if vc.ESCO != "" { // emptied
		vc.ESCO, vc.ISCO, vc.CP2011 = "", "", ""
	}
	day := func(name, s string) time.Time {
		if strings.TrimSpace(s) == "" {
			return time.Time{}
		}
		d, ok := readDay(s)
		if !ok {
			bad[name] = u.t("employers.date_invalid")
		}
		return d
	}
	vc.Start, vc.End = day("start", f.start.Text), day("end", f.end.Text)
	hours := func(name, s string) float64 {
		s = strings.TrimSpace(s)
		if s == "" {
			return 0
		}
		x, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		if err != nil {
			bad[name] = u.t("employers.number_invalid")
		}
		return x
	}
	vc.WeeklyHours, vc.DailyHours = hours("weekly_hours", f.weekly.Text), hours("daily_hours", f.daily.Text)
	whole := func(name, s string) int {
		s = strings.TrimSpace(s)
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			bad[name] = u.t("employers.whole_invalid")
		}
		return n
	}
	vc.DaysPerWeek = whole("days_per_week", f.days.Text)
	var err error
	if vc.PayCents, err = model.ReadAmount(f.pay.Text); err != nil {
		bad["pay"] = u.t("error.amount_typed")
	}
	vc.PayUnit = model.PayUnit(f.unit.code())
	if vc.PayCents > 0 && vc.PayUnit == "" {
		bad["pay_unit"] = u.t("error.required")
	}
	vc.Posts = whole("posts", f.posts.Text)
	vc.ContractType, vc.CCNL, vc.CCNLLevel = f.contract.code(), f.ccnl.code(), f.level.code()
	vc.State = model.VacancyState(f.state.code())
	vc.Seasonal, vc.Housing, vc.Transport = f.seasonal.Checked, f.housing.Checked, f.transport.Checked
	vc.Languages, vc.Licences = splitList(f.languages.Text), splitList(f.licences.Text)
	return vc, bad
}

func (f *vacancyForm) onSave() {
	u, db := f.v.u, f.v.db
	vc, bad := f.read()
	if err := vc.Validate(); err != nil || len(bad) > 0 {
		f.refused(err, bad)
		return
	}
	save(u, func(ctx context.Context) error {
		vc := *vc // the form's stays the form's
		return db.SaveVacancy(ctx, &vc)
	}, func(err error) {
		if err != nil {
			f.refused(err, nil)
			return
		}
		f.v.showEmployer(f.employer.ID)
	})
}

// refused puts the model's errors and the form's own under their fields,
// all at once; nothing is saved.
func (f *vacancyForm) refused(err error, bad map[string]string) {
	u := f.v.u
	var list model.ValidationErrors
	if errors.As(err, &list) { // one language or licence of the list: the list's field
		for _, e := range list {
			if name, _, ok := strings.Cut(e.Field, "."); ok && (name == "languages" || name == "licences") {
				if bad == nil {
					bad = map[string]string{}
				}
				bad[name] = u.t("error." + e.Code)
			}
		}
	}
	placed := u.showFieldErrors(err, f.fields...)
	for _, fl := range f.fields {
		if msg, ok := bad[fl.name]; ok {
			fl.setError(msg)
		}
	}
	if placed || err == nil || len(bad) > 0 {
		f.status.SetText(u.t("form.fix_errors"))
	} else {
		f.status.SetText(u.errText(err))
	}
}
