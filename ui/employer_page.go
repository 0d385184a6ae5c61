package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// employerData is what an employer's page loads.
type employerData struct {
	employer  *model.Employer
	vacancies []model.Vacancy
}

// showEmployer shows an employer's page: what the desk knows, the flag,
// the vacancies.
func (v *employersView) showEmployer(id int64) {
	db := v.db
	load(v.u, func(ctx context.Context) (employerData, error) {
		e, err := db.Employer(ctx, id)
		if err != nil {
			return employerData{}, err
		}
		list, err := db.Vacancies(ctx, id)
		return employerData{e, list}, err
	}, v.showPage, func(err error) { v.status.SetText(v.u.errText(err)) })
}

func (v *employersView) showPage(d employerData) {
	u, e := v.u, d.employer
	back := widget.NewButtonWithIcon(u.t("employers.back"), theme.NavigateBackIcon(), v.showList)
	title := widget.NewLabelWithStyle(e.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	actions := container.NewHBox()
	if u.op.May(model.PermEmployers) {
		actions.Add(widget.NewButtonWithIcon(u.t("employers.edit"), theme.DocumentCreateIcon(), func() { v.showForm(e) }))
	}
	if u.op.May(model.PermFlags) {
		if e.Flag == nil {
			actions.Add(widget.NewButtonWithIcon(u.t("employers.flag"), theme.WarningIcon(), func() { v.onFlag(e) }))
		} else {
			actions.Add(widget.NewButton(u.t("employers.unflag"), func() { v.onUnflag(e) }))
		}
	}
	box := container.NewVBox(container.NewHBox(back), title, actions, v.status)
	if e.Flag != nil {
		box.Add(v.flagLabel(e.Flag))
	}
	box.Add(v.details(e))
	box.Add(v.vacanciesCard(e, d.vacancies))
	v.setScreen(container.NewVScroll(box))
}

// flagLabel says the employer is flagged, and why to a role that may know.
func (v *employersView) flagLabel(f *model.EmployerFlag) fyne.CanvasObject {
	u := v.u
	text := u.tr.Tf("employers.flagged_since", map[string]any{"Date": f.Date.Format("02/01/2006")})
	if !f.Withheld && u.op.May(model.PermFlagDetails) && f.Reason != "" {
		text += ": " + f.Reason
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// details lays out what the desk knows of the employer.
func (v *employersView) details(e *model.Employer) fyne.CanvasObject {
	u := v.u
	var objs []fyne.CanvasObject
	row := func(label, value string) {
		if value != "" {
			l := widget.NewLabel(value)
			l.Wrapping = fyne.TextWrapWord
			objs = append(objs, widget.NewLabel(label), l)
		}
	}
	row(u.t("employers.fiscal_code"), e.FiscalCode)
	row(u.t("employers.vat_number"), e.VATNumber)
	row(u.t("employers.sector"), v.sector(e.Ateco))
	row(u.t("employers.ccnl"), v.ccnlName(e.CCNL, e.CCNLOther))
	row(u.t("employers.address"), e.Address)
	row(u.t("employers.work_address"), e.WorkAddress)
	row(u.t("employers.contact_person"), strings.Join(nonEmpty(e.ContactPerson, e.ContactRole), ", "))
	row(u.t("employers.phone"), e.Phone)
	row(u.t("employers.email"), e.Email)
	if e.QualityNet {
		row(u.t("employers.quality_net"), u.t("employers.yes"))
	}
	row(u.t("employers.ethical_label"), e.EthicalLabel)
	row(u.t("employers.notes"), e.Notes)
	if len(objs) == 0 {
		return container.NewVBox()
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// vacanciesCard lists the employer's vacancies; a held one says what it
// breaks, and a coordinator may clear it.
func (v *employersView) vacanciesCard(e *model.Employer, list []model.Vacancy) fyne.CanvasObject {
	u := v.u
	rows := container.NewVBox()
	for i := range list {
		rows.Add(v.vacancyRow(e, &list[i]))
		rows.Add(widget.NewSeparator())
	}
	if len(list) == 0 {
		rows.Add(widget.NewLabel(u.t("employers.no_vacancies")))
	}
	if u.op.May(model.PermEmployers) {
		rows.Add(container.NewHBox(widget.NewButtonWithIcon(u.t("employers.new_vacancy"), theme.ContentAddIcon(),
			func() { v.showVacancyForm(e, nil) })))
	}
	return widget.NewCard(u.t("employers.vacancies"), "", rows)
}

func (v *employersView) vacancyRow(e *model.Employer, vc *model.Vacancy) fyne.CanvasObject {
	u := v.u
	parts := []string{vc.Title}
	if vc.Place != "" {
		parts = append(parts, vc.Place)
	}
	if vc.PayCents > 0 {
		parts = append(parts, euro(vc.PayCents)+" € "+u.label("pay_unit", vc.PayUnit))
	}
	parts = append(parts, u.N("employers.posts_n", vc.Posts), u.label("vacancy_state", vc.State))
	box := container.NewVBox(widget.NewLabel(strings.Join(parts, " · ")))
	if vc.Held() {
		held := widget.NewLabelWithStyle(u.t("employers.held"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		held.Importance = widget.DangerImportance
		box.Add(held)
	} else if len(vc.Breaches) > 0 {
		box.Add(widget.NewLabel(u.tr.Tf("employers.cleared", map[string]any{"Date": vc.ClearedAt.Format("02/01/2006"),
			"Note": vc.ClearNote})))
	}
	for _, b := range vc.Breaches {
		l := widget.NewLabel("• " + v.breachText(b))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	buttons := container.NewHBox()
	if u.op.Can(model.PartWork).Reads() && u.op.Can(model.PartSkills).Reads() {
		buttons.Add(widget.NewButtonWithIcon(u.t("work_match.candidates"), theme.SearchIcon(), func() { v.showCandidates(e, vc) }))
	}
	if u.op.May(model.PermEmployers) {
		buttons.Add(widget.NewButton(u.t("employers.edit_vacancy"), func() { v.showVacancyForm(e, vc) }))
	}
	if vc.Held() && u.op.May(model.PermFlags) {
		clear := widget.NewButton(u.t("employers.clear"), func() { v.onClear(e, vc) })
		clear.Importance = widget.WarningImportance
		buttons.Add(clear)
	}
	if len(buttons.Objects) > 0 {
		box.Add(buttons)
	}
	return box
}

// breachText says a breach in the operator's language, with the index of
// art. 603-bis it touches.
func (v *employersView) breachText(b model.Breach) string {
	limit, actual := fmt.Sprint(b.Limit), fmt.Sprint(b.Actual)
	if b.Code == model.BreachPay {
		hour := " € " + v.u.label("pay_unit", model.PayHour)
		limit, actual = euro(int64(b.Limit))+hour, euro(int64(b.Actual))+hour
	}
	return v.u.tr.Tf("employers.breach", map[string]any{"Breach": v.u.label("breach", b.Code),
		"Index": strings.TrimPrefix(b.Index, "i603."), "Actual": actual, "Limit": limit})
}

// noteDialog asks for a text (a reason, a note) and runs ok with it; the
// dialog stays open, the problem under the field, while ok reports one.
func (v *employersView) noteDialog(title, label string, ok func(note string, f *field, done func())) {
	u := v.u
	e := widget.NewMultiLineEntry()
	e.SetMinRowsVisible(3)
	f := newField("reason", label, e)
	var d dialog.Dialog
	cancel := widget.NewButton(u.t("form.cancel"), func() { d.Hide() })
	confirm := widget.NewButton(u.t("form.save"), func() { ok(strings.TrimSpace(e.Text), f, func() { d.Hide() }) })
	confirm.Importance = widget.HighImportance
	content := container.NewVBox(widget.NewLabel(label), e, f.err, container.NewHBox(layout.NewSpacer(), cancel, confirm))
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
	u.win.Canvas().Focus(e)
}

// onFlag records a report on the employer, with its reason, dated today.
func (v *employersView) onFlag(e *model.Employer) {
	u, db, id := v.u, v.db, e.ID
	v.noteDialog(u.t("employers.flag"), u.t("employers.flag_reason"), func(note string, f *field, done func()) {
		flag := model.EmployerFlag{Reason: note, Date: nowFunc()}
		if err := flag.Validate(nowFunc()); err != nil {
			v.retry(f, err)
			return
		}
		save(u, func(ctx context.Context) error { return db.FlagEmployer(ctx, id, flag) }, func(err error) {
			if err != nil {
				v.retry(f, err)
				return
			}
			done()
			v.showEmployer(id)
		})
	})
}

// onUnflag lifts the employer's flag, saying why.
func (v *employersView) onUnflag(e *model.Employer) {
	u, db, id := v.u, v.db, e.ID
	v.noteDialog(u.t("employers.unflag"), u.t("employers.unflag_note"), func(note string, f *field, done func()) {
		save(u, func(ctx context.Context) error { return db.UnflagEmployer(ctx, id, note) }, func(err error) {
			if err != nil {
				v.retry(f, err)
				return
			}
			done()
			v.showEmployer(id)
		})
	})
}

// onClear records a coordinator's decision that a held vacancy may be
// proposed, with the reason.
func (v *employersView) onClear(e *model.Employer, vc *model.Vacancy) {
	u, db, id, eid := v.u, v.db, vc.ID, e.ID
	v.noteDialog(u.t("employers.clear"), u.t("employers.clear_note"), func(note string, f *field, done func()) {
		save(u, func(ctx context.Context) error { return db.ClearVacancy(ctx, id, note) }, func(err error) {
			if err != nil {
				v.retry(f, err)
				return
			}
			done()
			v.showEmployer(eid)
		})
	})
}

// retry shows, under the dialog's field, why it was refused: the dialog
// stays open for the operator to correct it, or cancel.
func (v *employersView) retry(f *field, err error) {
	f.setError(v.u.errText(err))
}
