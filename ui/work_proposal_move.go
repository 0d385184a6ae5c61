package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// moveForm takes a proposal to its next state, in place of the list: an
// interview on a day; a hiring with its contract, start day and weekly
// hours; no hiring with its reason; each with a note. What cannot be read
// is said on its field and nothing is saved.
type moveForm struct {
	v        *workProposals
	p        *model.Proposal
	to       model.ProposalState
	date     *widget.Entry
	contract *choice
	hours    *widget.Entry
	reason   *choice
	note     *widget.Entry
	fields   []*field
	status   *widget.Label
}

// showMove shows the form moving p to the state to.
func (v *workProposals) showMove(p *model.Proposal, employer string, to model.ProposalState) {
	u := v.w.u
	f := &moveForm{v: v, p: p, to: to, date: u.dateEntry(), hours: widget.NewEntry(), note: widget.NewMultiLineEntry(),
		status: wrappedText("")}
	f.note.SetMinRowsVisible(2)
	codes, labels := []string{""}, []string{"—"}
	for _, c := range model.ContractTypes {
		codes, labels = append(codes, c.Code), append(labels, c.Label(u.tr.Lang()))
	}
	f.contract = newChoice(u, codes, labels)
	codes, labels = []string{""}, []string{"—"}
	for _, r := range model.NotHiredReasons { // "other" is reserved in go-i18n: reason_ before each
		codes, labels = append(codes, r), append(labels, u.t("not_hired.reason_"+r))
	}
	f.reason = newChoice(u, codes, labels)
	switch to {
	case model.ProposalInterview:
		f.fields = []*field{newField("interview_at", u.t("work_match.interview_date")+" *", f.date)}
	case model.ProposalHired:
		f.fields = []*field{newField("contract", u.t("work_match.contract")+" *", f.contract),
			newField("hired_from", u.t("work_match.start_date")+" *", f.date),
			newField("weekly_hours", u.t("work_match.weekly_hours")+" *", f.hours)}
	case model.ProposalNotHired:
		f.fields = []*field{newField("reason", u.t("work_match.reason")+" *", f.reason)}
	}
	f.fields = append(f.fields, newField("outcome", u.t("work_match.note"), f.note))
	title := boldText(u.t("work_match.move_"+string(to)) + " · " + employer)
	cancel := widget.NewButton(u.t("form.cancel"), v.reload)
	saveButton := widget.NewButton(u.t("form.save"), f.onSave)
	saveButton.Importance = widget.HighImportance
	v.showScreen(container.NewVScroll(container.NewVBox(title, formGrid(f.fields...), f.status,
		container.NewHBox(layout.NewSpacer(), cancel, saveButton))))
}

// read takes the form into a move, with the problems only the form can
// see (a day, a number it cannot read), by field.
func (f *moveForm) read() (store.ProposalMove, map[string]string) {
	u := f.v.w.u
	m := store.ProposalMove{To: f.to, Outcome: strings.TrimSpace(f.note.Text)}
	bad := map[string]string{}
	dayField := map[model.ProposalState]string{model.ProposalInterview: "interview_at", model.ProposalHired: "hired_from"}[f.to]
	if dayField != "" {
		at, ok := readDay(f.date.Text)
		switch {
		case strings.TrimSpace(f.date.Text) == "":
			bad[dayField] = u.t("error.required")
		case !ok:
			bad[dayField] = u.t("employers.date_invalid")
		}
		if f.to == model.ProposalInterview {
			m.At = at
		} else {
			m.HiredFrom = at
		}
	}
	if f.to == model.ProposalHired {
		m.Contract = f.contract.code()
		if s := strings.TrimSpace(f.hours.Text); s != "" {
			x, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
			if err != nil {
				bad["weekly_hours"] = u.t("employers.number_invalid")
			}
			m.WeeklyHours = x
		}
	}
	if f.to == model.ProposalNotHired {
		m.Reason = f.reason.code()
	}
	return m, bad
}

// check runs the model's rules on a copy of the proposal moved.
func (f *moveForm) check(m store.ProposalMove) error {
	p := *f.p
	p.Reason, p.Contract, p.HiredFrom, p.WeeklyHours = m.Reason, m.Contract, m.HiredFrom, m.WeeklyHours
	at := m.At
	if at.IsZero() {
		at = nowFunc()
	}
	return p.Move(m.To, at)
}

func (f *moveForm) onSave() {
	u, db, id := f.v.w.u, f.v.w.db, f.p.ID
	m, bad := f.read()
	if err := f.check(m); err != nil || len(bad) > 0 {
		f.refused(err, bad)
		return
	}
	save(u, func(ctx context.Context) error { return db.MoveProposal(ctx, id, m) }, func(err error) {
		if err != nil {
			f.refused(err, nil)
			return
		}
		f.v.reload()
		f.v.status.SetText(u.t("work_match.moved"))
	})
}

// refused puts the model's errors and the form's own under their fields;
// nothing is saved.
func (f *moveForm) refused(err error, bad map[string]string) {
	u := f.v.w.u
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
	u.relayout()
}
