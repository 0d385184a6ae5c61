package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// workInternships is the tab of the person's internships (tirocini): the
// list, with host, dates and state, and in its place the form of one, new
// or edited. Writing needs the work part of the file (the store checks).
type workInternships struct {
	w      *workView
	u      *App
	db     *store.DB
	screen *fyne.Container
	status *statusLine
	data   internshipsData
	form   *internshipForm // the form shown, nil on the list
}

// internshipsData is what the tab loads: the case's internships, the
// desk's employers, and the allowance budget line of the latest plan.
type internshipsData struct {
	list      []model.Internship
	employers []model.Employer
	budget    *model.BudgetLine // nil when the plan has no internship allowance line
	noPlan    error             // why the plan could not be read, if it could not
}

func newWorkInternships(w *workView) *workInternships {
	return &workInternships{w: w, u: w.u, db: w.db, screen: container.NewStack(), status: newStatusLine()}
}

func (v *workInternships) build() fyne.CanvasObject {
	v.u.guardWorkLeave(v.unsaved)
	v.load()
	return v.screen
}

// unsaved tells whether a form is shown with changes not saved.
func (v *workInternships) unsaved() bool { return v.form != nil && v.form.changed() }

// load reads the tab's data, then shows the list.
func (v *workInternships) load() {
	u, db, caseID := v.u, v.db, v.w.caseID
	v.setScreen(widget.NewLabel(u.t("case.loading")))
	load(u, func(ctx context.Context) (internshipsData, error) {
		return readInternships(ctx, db, caseID)
	}, func(d internshipsData) {
		v.data = d
		v.showList()
	}, func(err error) {
		v.status.SetText(u.errText(err))
		v.setScreen(v.status)
	})
}

func readInternships(ctx context.Context, db *store.DB, caseID int64) (d internshipsData, err error) {
	if d.list, err = db.InternshipsOf(ctx, caseID); err != nil {
		return d, err
	}
	if d.employers, err = db.Employers(ctx); err != nil {
		return d, err
	}
	plans, err := db.PlansOf(ctx, caseID)
	if err != nil {
		d.noPlan = err // the internships show without the budget
		return d, nil
	}
	d.budget = internshipBudget(plans)
	return d, nil
}

// internshipBudget is the internship allowance line of the latest plan
// (PlansOf lists the newest first), the lines of that purpose summed.
func internshipBudget(plans []model.Plan) *model.BudgetLine {
	if len(plans) == 0 {
		return nil
	}
	var line *model.BudgetLine
	for _, b := range plans[0].Budget {
		if b.Purpose == model.BudgetInternship {
			if line == nil {
				line = &model.BudgetLine{Purpose: b.Purpose}
			}
			line.PlannedCents += b.PlannedCents
			line.SpentCents += b.SpentCents
		}
	}
	return line
}

func (v *workInternships) setScreen(o fyne.CanvasObject) {
	v.screen.Objects = []fyne.CanvasObject{container.NewPadded(o)}
	v.screen.Refresh()
}

// employerName is the host's name, as the desk has it.
func (v *workInternships) employerName(id int64) string {
	for _, e := range v.data.employers {
		if e.ID == id {
			return e.Name
		}
	}
	return fmt.Sprintf("#%d", id)
}

// showList shows the case's internships, newest first.
func (v *workInternships) showList() {
	u := v.u
	v.form = nil
	title := widget.NewLabelWithStyle(u.t("internships.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var top fyne.CanvasObject = title
	if u.op.Can(model.PartWork).Writes() {
		add := widget.NewButtonWithIcon(u.t("internships.new"), theme.ContentAddIcon(), func() { v.showForm(nil) })
		add.Importance = widget.HighImportance
		top = container.NewBorder(nil, nil, nil, add, title)
	}
	rows := container.NewVBox(top, widget.NewLabel(v.budgetText()), v.status)
	if len(v.data.list) == 0 {
		rows.Add(widget.NewLabel(u.t("internships.none")))
	}
	for i := range v.data.list {
		rows.Add(v.row(&v.data.list[i]))
	}
	v.setScreen(container.NewVScroll(rows))
}

// row is one internship of the list: host, dates, state, and its actions.
func (v *workInternships) row(in *model.Internship) fyne.CanvasObject {
	u := v.u
	text := u.tr.Tf("internships.row", map[string]any{"Host": v.employerName(in.EmployerID),
		"Start": dayText(in.Start), "End": dayText(in.End), "State": v.stateText(in)}) + "\n" +
		u.tr.Tf("internships.row_figures", map[string]any{"Hours": hoursText(in.WeeklyHours),
			"Monthly": euroOrZero(in.AllowanceCents), "Paid": euroOrZero(in.Paid()), "Planned": euroOrZero(in.PlannedCents)})
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(label)
	if w := budgetWarnings(u, v.data.budget, in.PlannedCents, in.Paid()); len(w) > 0 {
		warn := wrappedText(strings.Join(w, "\n"))
		warn.Importance = widget.DangerImportance
		box.Add(warn)
	}
	var actions []*widget.Button
	if u.op.Can(model.PartWork).Writes() {
		actions = append(actions, widget.NewButtonWithIcon(u.t("internships.edit"), theme.DocumentCreateIcon(), func() { v.showForm(in) }))
	}
	lang := v.w.person.PreferredLanguage
	if lang != "" && lang != "it" {
		actions = append(actions, widget.NewButtonWithIcon(u.tr.Tf("internships.print_in", map[string]any{"Lang": u.label("lang", lang)}),
			theme.DocumentPrintIcon(), func() { v.print(in, lang) }))
	}
	actions = append(actions, widget.NewButtonWithIcon(u.t("internships.print_it"), theme.DocumentPrintIcon(), func() { v.print(in, "it") }))
	box.Add(newToolbar(actions...))
	box.Add(widget.NewSeparator())
	return box
}

// stateText says where an internship stands: to start, under way, or how
// it ended.
func (v *workInternships) stateText(in *model.Internship) string {
	u := v.u
	switch {
	case in.Outcome != model.InternshipOngoing:
		return u.label("internship_outcome", in.Outcome)
	case nowFunc().Before(in.Start):
		return u.t("internships.to_start")
	case nowFunc().After(in.End.AddDate(0, 0, 1)):
		return u.t("internships.no_outcome")
	}
	return u.t("internships.under_way")
}

// budgetText says the plan's internship allowance line, or that there is none.
func (v *workInternships) budgetText() string {
	u := v.u
	switch b := v.data.budget; {
	case v.data.noPlan != nil:
		return u.t("internships.budget_unreadable")
	case b == nil:
		return u.t("internships.budget_none")
	default:
		return u.tr.Tf("internships.budget", map[string]any{"Planned": euroOrZero(b.PlannedCents), "Spent": euroOrZero(b.SpentCents)})
	}
}

// euroOrZero is cents as 5.000,00, and 0,00 for none.
func euroOrZero(c int64) string {
	if c == 0 {
		return "0,00"
	}
	return euroThousands(c)
}

// print prints the internship's summary in lang (document "internship").
func (v *workInternships) print(in *model.Internship, lang string) {
	v.status.SetText("")
	req := printouts.Request{Doc: "internship", CaseCode: v.w.person.CaseCode, Lang: lang, InternshipID: in.ID}
	v.u.printRequest(req, v.w.person.ID, v.status.SetText)
}
