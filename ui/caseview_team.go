package ui

// The team of a case: who works on it besides the assigned operator. A
// mediator sees only the cases whose team they are in.

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// teamLine names the case's team, with a button to change it for a role
// that may change the file.
func (v *caseView) teamLine(c model.Case) fyne.CanvasObject {
	u := v.u
	var names []string
	for _, id := range c.Team {
		names = append(names, v.operators[id])
	}
	text := u.t("case.team_none")
	if len(names) > 0 {
		text = strings.Join(names, ", ")
	}
	line := widget.NewLabel(u.t("case.team") + ": " + text)
	line.Wrapping = fyne.TextWrapWord
	if !u.op.Can(model.PartIdentity).Writes() {
		return line
	}
	edit := widget.NewButtonWithIcon(u.t("case.team_edit"), theme.AccountIcon(), func() { v.onEditTeam(c) })
	return container.NewBorder(nil, nil, nil, edit, line)
}

// onEditTeam asks who is in the team, among the active accounts other
// than the assigned operator, and saves it.
func (v *caseView) onEditTeam(c model.Case) {
	db := v.u.db
	load(v.u, func(ctx context.Context) ([]model.Operator, error) {
		return db.Operators(ctx)
	}, func(ops []model.Operator) { v.showTeamDialog(c, ops) }, v.u.showError)
}

func (v *caseView) showTeamDialog(c model.Case, ops []model.Operator) {
	u := v.u
	var labels []string
	ids := map[string]int64{}
	var selected []string
	for _, o := range ops {
		if !o.Active || o.ID == c.OperatorID {
			continue
		}
		label := o.FullName + " (" + u.label("role", o.Role) + ")"
		labels = append(labels, label)
		ids[label] = o.ID
		for _, t := range c.Team {
			if t == o.ID {
				selected = append(selected, label)
			}
		}
	}
	group := widget.NewCheckGroup(labels, nil)
	group.SetSelected(selected)
	help := widget.NewLabel(u.t("case.team_help"))
	help.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	status.Importance = widget.DangerImportance
	content := container.NewVBox(help, group, status)
	var d dialog.Dialog
	d = dialog.NewCustomConfirm(u.t("case.team_title"), u.t("form.save"), u.t("form.cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		var team []int64
		for _, l := range group.Selected {
			team = append(team, ids[l])
		}
		db, by := u.db, u.operatorID()
		save(u, func(ctx context.Context) error {
			return db.SetCaseTeam(ctx, c.ID, team, by)
		}, func(err error) {
			if err != nil {
				status.SetText(u.errText(err))
				d.Show()
				return
			}
			v.load()
		})
	}, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}
