package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// today is the operator's start screen: residence permits expiring within
// 60 days, plan reviews due, actions and referrals overdue, and follow-ups
// due 6 and 12 months after a case closed.
type today struct {
	u    *App
	open func(personID int64)
	box  *fyne.Container
}

func newToday(u *App, open func(int64)) *today {
	return &today{u: u, open: open, box: container.NewVBox(widget.NewLabel(u.t("case.loading")))}
}

func (v *today) build() fyne.CanvasObject {
	v.reload()
	title := widget.NewLabelWithStyle(v.u.t("today.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(v.u.t("home.welcome"))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, hint, v.box)))
}

// reload reads the items again and shows them.
func (v *today) reload() {
	db, now := v.u.db, nowFunc()
	load(v.u, func(ctx context.Context) ([]model.TodayItem, error) {
		return db.Today(ctx, now)
	}, func(items []model.TodayItem) {
		v.show(items)
		v.box.Refresh()
	}, func(err error) {
		v.box.Objects = []fyne.CanvasObject{widget.NewLabel(v.u.errText(err))}
		v.box.Refresh()
	})
}

func (v *today) show(items []model.TodayItem) {
	u := v.u
	v.box.RemoveAll()
	if len(items) == 0 {
		v.box.Add(widget.NewLabel(u.t("today.nothing")))
		return
	}
	byKind := map[model.TodayKind][]model.TodayItem{}
	for _, it := range items {
		if it.Kind == model.TodayRetention && !u.op.May(model.PermErase) {
			continue // reviewing what to keep is a coordinator's job
		}
		byKind[it.Kind] = append(byKind[it.Kind], it)
	}
	for _, k := range model.TodayKinds {
		list := byKind[k]
		if len(list) == 0 {
			continue
		}
		rows := container.NewVBox()
		for _, it := range list {
			it := it
			var buttons fyne.CanvasObject = widget.NewButton(u.t("today.open"), func() { v.open(it.PersonID) })
			if it.Kind == model.TodayRetention {
				buttons = container.NewHBox(buttons, widget.NewButton(u.t("erase.today"), func() { v.onErase(it) }))
			}
			if it.ProposalID != 0 && u.op.Can(model.PartWork).Writes() {
				buttons = v.stillEmployedButtons(it, buttons)
			}
			line := widget.NewLabel(day(it.Date) + " · " + it.CaseCode + " · " + it.Name + detail(todayDetail(u, it)))
			line.Wrapping = fyne.TextWrapWord
			rows.Add(container.NewBorder(nil, nil, nil, buttons, line))
		}
		v.box.Add(widget.NewCard(u.N("today."+string(k), len(list)), "", rows))
	}
}

func detail(s string) string {
	if s == "" {
		return ""
	}
	return " · " + s
}

// todayDetail words an item's detail in the interface language.
func todayDetail(u *App, it model.TodayItem) string {
	switch it.Kind {
	case model.TodayPermitExpiring:
		return u.tr.Tf("today.permit_detail", map[string]any{"Type": it.Detail})
	case model.TodayPlanReview:
		return u.tr.Tf("today.review_detail", map[string]any{"Version": it.Detail})
	}
	return it.Detail
}
