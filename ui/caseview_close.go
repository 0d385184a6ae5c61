package ui

// A case's life in the case view: close it with its exit data, reopen it,
// transfer it to another operator. The buttons show only to those the
// store lets do it (model.MayCloseCase).

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// lifeLine shows a closed case's closure, and the close, reopen and
// transfer buttons for those who may use them; nil when there is nothing.
func (v *caseView) lifeLine(c model.Case) fyne.CanvasObject {
	u := v.u
	var objs []fyne.CanvasObject
	if c.Status == model.CaseClosed && c.ExitReason != "" {
		objs = append(objs, widget.NewLabel(v.closureText(c)))
	}
	if !model.MayCloseCase(u.op, c.OperatorID) {
		if len(objs) == 0 {
			return nil
		}
		return container.NewVBox(objs...)
	}
	var buttons []*widget.Button
	if c.CanReopen() {
		buttons = append(buttons, widget.NewButtonWithIcon(u.t("case_life.reopen"), theme.ViewRefreshIcon(), func() { v.onReopen(c) }))
	} else {
		buttons = append(buttons, widget.NewButtonWithIcon(u.t("case_life.close"), theme.CancelIcon(), func() { v.onClose(c) }))
	}
	buttons = append(buttons, widget.NewButtonWithIcon(u.t("case_life.transfer"), theme.AccountIcon(), func() { v.onTransfer(c) }))
	return container.NewVBox(append(objs, newToolbar(buttons...))...)
}

// closureText says why the case closed and how the person left it.
func (v *caseView) closureText(c model.Case) string {
	lang := v.u.tr.Lang()
	reason, _ := model.CodeOf(model.ClosingReasons, c.ExitReason)
	parts := []string{v.u.t("case_life.reason") + ": " + reason.Label(lang)}
	var outs []string
	for _, o := range c.ExitOutcomes {
		code, _ := model.CodeOf(model.ExitOutcomes, o)
		outs = append(outs, code.Label(lang))
	}
	if ct, ok := model.ContractType(c.ExitContract); ok {
		outs = append(outs, ct.Label(lang))
	}
	if len(outs) > 0 {
		parts = append(parts, v.u.t("case_life.outcomes")+": "+strings.Join(outs, ", "))
	}
	return strings.Join(parts, " · ")
}

// onReopen reopens the case; its closure stays in the history.
func (v *caseView) onReopen(c model.Case) {
	u := v.u
	db, by, now := u.db, u.operatorID(), nowFunc()
	save(u, func(ctx context.Context) error { return db.ReopenCase(ctx, c.ID, now, by) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		v.load()
	})
}

// onTransfer offers the other active accounts that may hold a case.
func (v *caseView) onTransfer(c model.Case) {
	db := v.u.db
	load(v.u, func(ctx context.Context) ([]model.Operator, error) {
		return db.Operators(ctx)
	}, func(ops []model.Operator) { v.showTransfer(c, ops) }, v.u.showError)
}

func (v *caseView) showTransfer(c model.Case, ops []model.Operator) {
	u := v.u
	var labels []string
	ids := map[string]int64{}
	for _, o := range ops {
		if (&c).CanTransferTo(&o) == nil {
			label := o.FullName + " (" + u.label("role", o.Role) + ")"
			labels, ids[label] = append(labels, label), o.ID
		}
	}
	to := newField("operator", u.t("case_life.transfer_to"), widget.NewSelect(labels, nil))
	var done *widget.Button
	done = widget.NewButtonWithIcon(u.t("case_life.transfer"), theme.ConfirmIcon(), func() {
		id := ids[to.obj.(*widget.Select).Selected]
		db, by := u.db, u.operatorID()
		save(u, func(ctx context.Context) error { return db.TransferCase(ctx, c.ID, id, by) }, func(err error) {
			if err != nil {
				if !u.showFieldErrors(err, to) {
					u.showError(err)
				}
				return
			}
			u.home.onOpenPerson(v.personID)
		})
	})
	u.home.showFromCase(v.person, container.NewVBox(widget.NewLabel(u.t("case_life.transfer_title")), formGrid(to), done))
}
