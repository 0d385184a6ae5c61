package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// closeForm asks for the exit data the indicators need and nothing more.
type closeForm struct {
	v                       *caseView
	c                       model.Case
	date, reason, contract  *field
	outcomes, note          *field
	reasonCodes, outCodes   []string
	contractCodes, outLabel []string
}

// onClose shows the form that closes the case.
func (v *caseView) onClose(c model.Case) {
	f := &closeForm{v: v, c: c}
	v.u.home.showFromCase(v.person, f.build())
}

func codeLabels(list []model.Code, lang string) (codes, labels []string) {
	for _, c := range list {
		codes, labels = append(codes, c.Code), append(labels, c.Label(lang))
	}
	return codes, labels
}

func (f *closeForm) build() *fyne.Container {
	u := f.v.u
	lang := u.tr.Lang()
	var reasonLabels, contractLabels []string
	f.reasonCodes, reasonLabels = codeLabels(model.ClosingReasons, lang)
	f.outCodes, f.outLabel = codeLabels(model.ExitOutcomes, lang)
	f.contractCodes, contractLabels = codeLabels(model.ContractTypes, lang)
	f.date = newField("date", u.t("case_life.date"), u.dateEntry())
	f.date.obj.(*widget.Entry).SetText(model.PartialDate{Year: nowFunc().Year(), Month: int(nowFunc().Month()), Day: nowFunc().Day()}.Italian())
	f.reason = newField("reason", u.t("case_life.reason"), widget.NewSelect(reasonLabels, nil))
	f.outcomes = newField("outcomes", u.t("case_life.outcomes"), widget.NewCheckGroup(f.outLabel, nil))
	f.contract = newField("contract", u.t("case_life.contract"), widget.NewSelect(contractLabels, nil))
	note := widget.NewMultiLineEntry()
	f.note = newField("note", u.t("case_life.note"), note)
	save := widget.NewButtonWithIcon(u.t("case_life.close"), theme.ConfirmIcon(), f.onSave)
	save.Importance = widget.HighImportance
	return container.NewVBox(widget.NewLabel(u.t("case_life.close_title")),
		formGrid(f.date, f.reason, f.outcomes, f.contract, f.note), save)
}

// closure reads the form; a date that cannot be read is an error on its field.
func (f *closeForm) closure() (*model.CaseClosure, error) {
	pd, err := model.ReadDate(f.date.obj.(*widget.Entry).Text)
	if err != nil {
		e := *err.(*model.Error)
		e.Field = "date"
		return nil, &e
	}
	cl := &model.CaseClosure{CaseID: f.c.ID, Note: f.note.obj.(*widget.Entry).Text}
	switch {
	case pd.Day != 0:
		cl.Date = time.Date(pd.Year, time.Month(pd.Month), pd.Day, 0, 0, 0, 0, time.UTC)
	case !pd.IsZero():
		return nil, &model.Error{Code: model.ErrDateInvalid, Field: "date", Message: "a closure needs its day"}
	}
	if i := f.reason.obj.(*widget.Select).SelectedIndex(); i >= 0 {
		cl.Reason = f.reasonCodes[i]
	}
	for i, l := range f.outLabel {
		if slices.Contains(f.outcomes.obj.(*widget.CheckGroup).Selected, l) {
			cl.Outcomes = append(cl.Outcomes, f.outCodes[i])
		}
	}
	if i := f.contract.obj.(*widget.Select).SelectedIndex(); i >= 0 {
		cl.Contract = f.contractCodes[i]
	}
	return cl, cl.Validate(f.c.OpenedAt, nowFunc())
}

func (f *closeForm) onSave() {
	u := f.v.u
	fields := []*field{f.date, f.reason, f.outcomes, f.contract, f.note}
	cl, err := f.closure()
	if err != nil {
		if !u.showFieldErrors(err, fields...) {
			u.showError(err)
		}
		return
	}
	db, by, now := u.db, u.operatorID(), nowFunc()
	save(u, func(ctx context.Context) error { return db.CloseCase(ctx, cl, now, by) }, func(err error) {
		if err != nil {
			if !u.showFieldErrors(err, fields...) {
				u.showError(err)
			}
			return
		}
		u.home.onOpenPerson(f.v.personID)
	})
}
