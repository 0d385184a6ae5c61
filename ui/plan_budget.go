package ui

// The allowance budget of a plan, in euro kept as cents.

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// budgetCard edits the allowance budget, in euro, kept in cents.
func (v *planView) budgetCard(p *model.Plan) fyne.CanvasObject {
	u := v.u
	totals := widget.NewLabel("")
	updateTotals := func() {
		planned, spent := p.Totals()
		totals.SetText(u.tr.Tf("plan.totals", map[string]any{"Planned": euro(planned), "Spent": euro(spent)}))
	}
	rows := container.NewVBox()
	for bi := range p.Budget {
		b := &p.Budget[bi]
		bi := bi
		purpose := enumChoice(u, "budget", model.BudgetPurposes)
		purpose.setCode(string(b.Purpose))
		purpose.OnChanged = func(string) { b.Purpose = model.BudgetPurpose(purpose.code()) }
		planned := v.checkedField(fmt.Sprintf("planned/%d", bi), euro(b.PlannedCents), u.t("plan.planned"),
			readAmount(&b.PlannedCents, updateTotals))
		spent := v.checkedField(fmt.Sprintf("spent/%d", bi), euro(b.SpentCents), u.t("plan.spent"),
			readAmount(&b.SpentCents, updateTotals))
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			p.Budget = append(p.Budget[:bi:bi], p.Budget[bi+1:]...)
			clear(v.raw)
			v.render()
		})
		rows.Add(container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(3, purpose, planned, spent)))
	}
	add := widget.NewButtonWithIcon(u.t("plan.add_budget"), theme.ContentAddIcon(), func() {
		p.Budget = append(p.Budget, model.BudgetLine{Purpose: model.BudgetCourseFee})
		v.render()
	})
	updateTotals()
	return widget.NewCard(u.t("plan.budget"), u.t("plan.budget_hint"), container.NewVBox(rows, add, totals))
}

// euro formats cents as 12,50; cents reads "12,50", "12.5" or "12".
func euro(c int64) string {
	if c == 0 {
		return ""
	}
	return fmt.Sprintf("%d,%02d", c/100, c%100)
}
