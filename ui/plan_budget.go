package ui

// The allowance budget of a plan, in euro kept as cents.

import (
	"fmt"
	"strconv"
	"strings"

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
		planned, spent := widget.NewEntry(), widget.NewEntry()
		planned.SetText(euro(b.PlannedCents))
		spent.SetText(euro(b.SpentCents))
		planned.SetPlaceHolder(u.t("plan.planned"))
		spent.SetPlaceHolder(u.t("plan.spent"))
		planned.OnChanged = func(s string) { b.PlannedCents = cents(s); updateTotals() }
		spent.OnChanged = func(s string) { b.SpentCents = cents(s); updateTotals() }
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			p.Budget = append(p.Budget[:bi:bi], p.Budget[bi+1:]...)
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

func cents(s string) int64 {
	s = strings.ReplaceAll(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€")), ".", ",")
	whole, frac, _ := strings.Cut(s, ",")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 {
		return 0
	}
	f := int64(0)
	if frac != "" {
		if len(frac) == 1 {
			frac += "0"
		}
		f, _ = strconv.ParseInt(frac[:2], 10, 64)
	}
	return w*100 + f
}
