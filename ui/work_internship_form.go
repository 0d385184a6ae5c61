package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// internshipForm adds an internship to the case or changes one: the host
// and the tutors, the dates, hours and allowance, the attendance month by
// month, the outcome; beside the allowance, the plan's budget line for it.
type internshipForm struct {
	v        *workInternships
	editing  *model.Internship // nil for a new one
	employer *choice
	tutor    *widget.Entry
	desk     *widget.Entry
	start    *widget.Entry
	end      *widget.Entry
	hours    *widget.Entry
	monthly  *widget.Entry
	planned  *widget.Entry
	outcome  *choice
	note     *widget.Entry
	months   *attendanceRows
	budget   *widget.Label // the plan's line
	warning  *widget.Label // over the budget
	fields   map[string]*field
	status   *statusLine
	snapshot string
}

func (v *workInternships) showForm(in *model.Internship) {
	f := &internshipForm{v: v, editing: in, status: newStatusLine(), fields: map[string]*field{}}
	v.form = f
	v.setScreen(f.build())
	f.snapshot = f.state()
}

func (f *internshipForm) build() fyne.CanvasObject {
	u := f.v.u
	in := f.editing
	if in == nil {
		in = &model.Internship{}
	}
	codes, labels := []string{}, []string{}
	for _, e := range f.v.data.employers {
		label := e.Name
		if e.Flag != nil {
			label += " · " + u.t("employers.flagged")
		}
		codes, labels = append(codes, strconv.FormatInt(e.ID, 10)), append(labels, label)
	}
	f.employer = newChoice(u, codes, labels)
	f.employer.setCode(strconv.FormatInt(in.EmployerID, 10))
	f.tutor, f.desk = widget.NewEntry(), widget.NewEntry()
	f.tutor.SetText(in.Tutor)
	f.desk.SetText(in.DeskTutor)
	f.start, f.end = u.dateEntry(), u.dateEntry()
	f.start.SetText(dayText(in.Start))
	f.end.SetText(dayText(in.End))
	f.hours, f.monthly, f.planned = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.hours.SetText(hoursText(in.WeeklyHours))
	f.monthly.SetText(euroThousands(in.AllowanceCents))
	f.planned.SetText(euroThousands(in.PlannedCents))
	f.monthly.SetPlaceHolder(u.tr.Tf("internships.amount_hint", map[string]any{"Example": "600,00"}))
	f.planned.SetPlaceHolder(u.tr.Tf("internships.amount_hint", map[string]any{"Example": "3.600,00"}))
	f.hours.SetPlaceHolder(u.tr.Tf("internships.amount_hint", map[string]any{"Example": "30"}))
	f.outcome = newChoice(u, []string{""}, []string{u.t("internships.under_way")})
	for _, o := range model.InternshipOutcomes {
		f.outcome.codes = append(f.outcome.codes, string(o))
		f.outcome.labels = append(f.outcome.labels, u.label("internship_outcome", o))
	}
	f.outcome.Options = f.outcome.labels
	f.outcome.setCode(string(in.Outcome))
	f.note = widget.NewMultiLineEntry()
	f.note.SetText(in.OutcomeNote)
	f.months = newAttendanceRows(u, in.Attendance, nil)
	f.months.changed = f.checkBudget

	f.budget, f.warning = widget.NewLabel(f.v.budgetText()), errorLabel()
	f.budget.Wrapping = fyne.TextWrapWord
	f.planned.OnChanged = func(string) { f.checkBudget() }
	add := func(name, label string, obj fyne.CanvasObject) *field {
		fd := newField(name, label, obj)
		f.fields[name] = fd
		return fd
	}
	grid := formGrid(add("employer", u.t("internships.host")+" *", f.employer),
		add("tutor", u.t("internships.tutor")+" *", f.tutor), add("desk_tutor", u.t("internships.desk_tutor"), f.desk),
		add("start", u.t("internships.start")+" *", f.start), add("end", u.t("internships.end")+" *", f.end),
		add("weekly_hours", u.t("internships.weekly_hours")+" *", f.hours),
		add("allowance", u.t("internships.monthly"), f.monthly), add("planned", u.t("internships.planned"), f.planned))
	outcome := formGrid(add("outcome", u.t("internships.outcome"), f.outcome),
		add("outcome_note", u.t("internships.outcome_note"), f.note))
	u.chainEntries(f.onSave, f.tutor, f.desk, f.start, f.end, f.hours, f.monthly, f.planned)

	title := u.t("internships.new")
	if f.editing != nil {
		title = u.tr.Tf("internships.edit_title", map[string]any{"Host": f.v.employerName(f.editing.EmployerID)})
	}
	save := widget.NewButtonWithIcon(u.t("form.save"), theme.DocumentSaveIcon(), f.onSave)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(u.t("form.cancel"), f.onCancel)
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.checkBudget()
	return container.NewVScroll(container.NewVBox(head, grid,
		widget.NewCard(u.t("internships.budget_title"), "", container.NewVBox(f.budget, f.warning)),
		widget.NewCard(u.t("internships.attendance"), u.t("internships.attendance_hint"), f.months.box),
		outcome, f.status, container.NewHBox(save, cancel)))
}

// state is the form's inputs as one string, to tell it changed.
func (f *internshipForm) state() string {
	return formState(f.employer, f.tutor, f.desk, f.start, f.end, f.hours, f.monthly, f.planned, f.outcome, f.note) +
		f.months.state()
}

func (f *internshipForm) changed() bool { return f.state() != f.snapshot }

// checkBudget warns when the internship's planned allowance, or what is
// paid, goes beyond the plan's internship allowance line.
func (f *internshipForm) checkBudget() {
	u, b := f.v.u, f.v.data.budget
	if b == nil {
		sayOn(f.warning, "")
		return
	}
	planned, bad := readMoney(f.planned.Text)
	if bad != "" {
		planned = 0
	}
	warnings := budgetWarnings(u, b, planned, f.months.paid())
	sayOn(f.warning, strings.Join(warnings, "\n"))
}

// budgetWarnings say when an internship's planned allowance, or what is
// paid, goes beyond the plan's internship allowance line.
func budgetWarnings(u *App, b *model.BudgetLine, planned, paid int64) []string {
	var warnings []string
	if b == nil {
		return nil
	}
	if planned > b.PlannedCents {
		warnings = append(warnings, u.tr.Tf("internships.over_planned",
			map[string]any{"Amount": euroOrZero(planned), "Budget": euroOrZero(b.PlannedCents)}))
	}
	if paid > b.PlannedCents {
		warnings = append(warnings, u.tr.Tf("internships.over_paid",
			map[string]any{"Amount": euroOrZero(paid), "Budget": euroOrZero(b.PlannedCents)}))
	}
	return warnings
}

// read takes the form into an internship, or gives the message ID of what
// does not read, by field.
func (f *internshipForm) read() (*model.Internship, map[string]string) {
	in := &model.Internship{CaseID: f.v.w.caseID}
	if f.editing != nil {
		*in = *f.editing
	}
	bad := map[string]string{}
	note := func(field, id string) {
		if id != "" {
			bad[field] = id
		}
	}
	var id string
	in.EmployerID, _ = strconv.ParseInt(f.employer.code(), 10, 64)
	in.Tutor, in.DeskTutor = strings.TrimSpace(f.tutor.Text), strings.TrimSpace(f.desk.Text)
	in.Start, id = readWorkDay(f.start.Text)
	note("start", id)
	in.End, id = readWorkDay(f.end.Text)
	note("end", id)
	if bad["start"] == "" && bad["end"] == "" && !in.Start.IsZero() && !in.End.IsZero() && in.End.Before(in.Start) {
		note("end", "internships.end_before_start")
	}
	in.WeeklyHours, id = readHours(f.hours.Text)
	note("weekly_hours", id)
	in.AllowanceCents, id = readMoney(f.monthly.Text)
	note("allowance", id)
	in.PlannedCents, id = readMoney(f.planned.Text)
	note("planned", id)
	in.Outcome, in.OutcomeNote = model.InternshipOutcome(f.outcome.code()), strings.TrimSpace(f.note.Text)
	var ok bool
	in.Attendance, ok = f.months.read()
	if !ok {
		bad["attendance"] = "form.fix_errors"
	}
	in.PaidCents = in.Paid()
	return in, bad
}

func (f *internshipForm) onSave() {
	u, db := f.v.u, f.v.db
	in, bad := f.read()
	if len(bad) > 0 {
		f.showErrors(nil, bad)
		return
	}
	if err := in.Validate(); err != nil {
		f.showErrors(err, nil)
		return
	}
	write(u, func(ctx context.Context) (int64, error) {
		cp := *in // the form's stays the form's
		cp.Attendance = append([]model.Attendance(nil), in.Attendance...)
		err := db.SaveInternship(ctx, &cp)
		return cp.ID, err
	}, func(int64) {
		f.v.status.SetText(u.t("internships.saved"))
		f.v.form = nil
		f.v.load()
	}, func(err error) { f.showErrors(err, nil) })
}

// showErrors says on each field what is wrong: the texts that do not read
// (bad), or the model's refusal (err); nothing was saved.
func (f *internshipForm) showErrors(err error, bad map[string]string) {
	if err != nil {
		f.months.showErrors(err)
	}
	showFormErrors(f.v.u, f.fields, f.status, err, bad)
	if err != nil {
		f.explain(err)
	}
}

// explain replaces the model's generic "not valid" with what the desk
// must know on the fields where it says more.
func (f *internshipForm) explain(err error) {
	u := f.v.u
	var list model.ValidationErrors
	if !errors.As(err, &list) {
		return
	}
	for _, e := range list {
		switch e.Field {
		case "weekly_hours":
			f.fields["weekly_hours"].setError(u.t("internships.hours_range"))
		case "end":
			if strings.TrimSpace(f.end.Text) == "" {
				f.fields["end"].setError(u.t("error.required"))
			} else {
				f.fields["end"].setError(u.t("internships.end_before_start"))
			}
		}
	}
}

func (f *internshipForm) onCancel() {
	v := f.v
	if !f.changed() {
		v.showList()
		return
	}
	v.u.confirmDiscard(v.showList)
}
