package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// accessShown is how many of the latest accesses the file shows.
const accessShown = 30

// loadAccesses reads who opened and printed the person's file, newest
// first; only a coordinator reads the audit trail.
func (v *caseView) loadAccesses(ctx context.Context) ([]model.AuditEvent, error) {
	if !v.u.op.May(model.PermAudit) {
		return nil, nil
	}
	trail, err := v.u.db.AuditTrail(ctx, "person", v.personID)
	if err != nil {
		return nil, err
	}
	var out []model.AuditEvent
	for _, e := range slices.Backward(trail) {
		if e.Action == model.ActionView || e.Action == model.ActionPrint || e.Action == model.ActionUpdate {
			out = append(out, e)
		}
		if len(out) == accessShown {
			break
		}
	}
	return out, nil
}

// accessCard lists who opened the file and when: a coordinator's view.
func (v *caseView) accessCard() fyne.CanvasObject {
	if !v.u.op.May(model.PermAudit) {
		return nil
	}
	u := v.u
	lines := []fyne.CanvasObject{}
	for _, e := range v.accesses {
		who := v.operators[e.OperatorID]
		if who == "" {
			who = u.t("access.nobody")
		}
		l := widget.NewLabel(e.At.Local().Format("02/01/2006 15:04") + " · " + who + " · " + u.label("access", e.Action))
		l.Wrapping = fyne.TextWrapWord
		lines = append(lines, l)
	}
	if len(lines) == 0 {
		lines = append(lines, widget.NewLabel(u.t("access.none")))
	}
	return widget.NewCard(u.t("access.title"), u.t("access.subtitle"), container.NewVBox(lines...))
}
