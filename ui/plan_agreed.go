package ui

// An agreed plan version: frozen, with progress on its actions.

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// frozen shows an agreed version; only action progress changes.
func (v *planView) frozen(p *model.Plan) []fyne.CanvasObject {
	u := v.u
	var objs []fyne.CanvasObject
	for gi, g := range p.Goals {
		rows := container.NewVBox()
		for _, a := range g.Actions {
			a := a
			line := widget.NewLabel(a.What + v.responsibleName(a) + dueText(a.Due) + " · " + u.label("action_status", a.Status) + detail(a.Outcome))
			line.Wrapping = fyne.TextWrapWord
			var moves []fyne.CanvasObject
			for _, to := range model.ActionStatuses {
				if model.CanMoveAction(a.Status, to) {
					to := to
					moves = append(moves, widget.NewButton(u.label("action_status", to), func() { v.move(a.ID, to) }))
				}
			}
			rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(moves...), line))
		}
		objs = append(objs, widget.NewCard(u.tr.Tf("plan.goal", map[string]any{"N": gi + 1})+" · "+u.label("area", g.Area), g.Text, rows))
	}
	planned, spent := p.Totals()
	objs = append(objs, widget.NewLabel(u.tr.Tf("plan.totals", map[string]any{"Planned": euro(planned), "Spent": euro(spent)})))
	if v.shown == 0 {
		change := widget.NewButtonWithIcon(u.t("plan.new_version"), theme.DocumentCreateIcon(), func() { v.newVersion(p) })
		change.Importance = widget.HighImportance
		objs = append(objs, change)
	}
	return objs
}

func (v *planView) responsibleName(a model.Action) string {
	for _, o := range v.operators {
		if o.ID == a.OperatorID && a.OperatorID != 0 {
			return " · " + o.FullName
		}
	}
	for _, s := range v.services {
		if s.ID == a.ServiceID && a.ServiceID != 0 {
			return " · " + s.Name
		}
	}
	return ""
}

func dueText(d model.PartialDate) string {
	if d.IsZero() {
		return ""
	}
	return " · " + d.Italian()
}

func (v *planView) move(actionID int64, to model.ActionStatus) {
	u := v.u
	u.background(func() error {
		return u.db.SetActionStatus(context.Background(), actionID, to, "", u.operatorID())
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.load()
	})
}

func (v *planView) newVersion(p *model.Plan) {
	u := v.u
	u.background(func() error {
		_, err := u.db.NewPlanVersion(context.Background(), p.ID, u.operatorID())
		return err
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		v.status.SetText(u.t("plan.new_version_made"))
		v.load()
	})
}
