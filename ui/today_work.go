package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// stillEmployedButtons puts, before open, the answers to a still-employed
// check of Today: "still employed? yes / no" (store RecordStillEmployed);
// once answered the check leaves Today.
func (v *today) stillEmployedButtons(it model.TodayItem, open fyne.CanvasObject) fyne.CanvasObject {
	u := v.u
	check := model.Check4Weeks
	if it.Kind == model.TodayStillEmployed6m {
		check = model.Check6Months
	}
	answer := func(employed bool) {
		db, id := u.data, it.ProposalID
		save(u, func(ctx context.Context) error { return db.RecordStillEmployed(ctx, id, check, employed) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			v.reload() // the check answered leaves
		})
	}
	yes := widget.NewButton(u.t("work_match.answer_yes"), func() { answer(true) })
	no := widget.NewButton(u.t("work_match.answer_no"), func() { answer(false) })
	return container.NewHBox(widget.NewLabel(u.t("work_match.still_employed")), yes, no, open)
}
