package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// eraseDialog is a coordinator's erasure of a person (GDPR art. 17): the
// legal reason, a note, what is removed and what is kept, and the case code
// typed again to confirm. The store refuses it to every other role.
type eraseDialog struct {
	u        *App
	personID int64
	caseCode string
	onDone   func()

	reason  *choice
	note    *widget.Entry
	confirm *widget.Entry
	fields  []*field
	status  *widget.Label
	d       dialog.Dialog
}

func newEraseDialog(u *App, personID int64, caseCode string, reason model.ErasureReason, onDone func()) *eraseDialog {
	v := &eraseDialog{u: u, personID: personID, caseCode: caseCode, onDone: onDone}
	codes := make([]string, len(model.ErasureReasons))
	labels := make([]string, len(model.ErasureReasons))
	for i, r := range model.ErasureReasons {
		codes[i], labels[i] = string(r.Reason), u.label("erasure_reason", r.Reason)
		if r.Article != "" {
			labels[i] += " · " + r.Article
		}
	}
	v.reason = newChoice(u, codes, labels)
	if reason != "" {
		v.reason.setCode(string(reason))
	}
	v.note = widget.NewMultiLineEntry()
	v.note.Wrapping = fyne.TextWrapWord
	v.note.SetPlaceHolder(u.t("erase.note_hint"))
	v.note.SetMinRowsVisible(2)
	v.confirm = widget.NewEntry()
	v.confirm.SetPlaceHolder(caseCode)
	v.fields = []*field{newField("reason", u.t("erase.reason"), v.reason), newField("note", u.t("erase.note"), v.note),
		newField("confirm", u.t("erase.confirm"), v.confirm)}
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.status.Importance = widget.DangerImportance
	return v
}

// build is the dialog's content: the warning, the form, the button.
func (v *eraseDialog) build() fyne.CanvasObject {
	u := v.u
	warn := widget.NewLabel(u.tr.Tf("erase.warning", map[string]any{"Code": v.caseCode}))
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	ok := widget.NewButton(u.t("erase.do"), v.onErase)
	ok.Importance = widget.DangerImportance
	v.confirm.OnSubmitted = func(string) { v.onErase() }
	return container.NewVBox(warn, formGrid(v.fields...), v.status, ok)
}

// show opens the dialog over the window.
func (v *eraseDialog) show() {
	v.d = dialog.NewCustom(v.u.t("erase.title"), v.u.t("form.cancel"), v.build(), v.u.win)
	v.d.Resize(fyne.NewSize(640, 560))
	v.d.Show()
}

// onErase checks the form, then erases off the UI goroutine.
func (v *eraseDialog) onErase() {
	u := v.u
	e := model.Erasure{Reason: model.ErasureReason(v.reason.code()), Note: strings.TrimSpace(v.note.Text)}
	err := e.Validate()
	u.showFieldErrors(err, v.fields...)
	if !strings.EqualFold(strings.TrimSpace(v.confirm.Text), v.caseCode) {
		v.fields[2].setError(u.tr.Tf("erase.confirm_wrong", map[string]any{"Code": v.caseCode}))
		return
	}
	if err != nil {
		return
	}
	v.status.SetText(u.t("erase.working"))
	db, personID, op := u.db, v.personID, u.op
	save(u, func(ctx context.Context) error {
		return db.ErasePerson(ctx, personID, e, op)
	}, func(err error) {
		if err != nil {
			v.status.SetText(u.errText(err))
			return
		}
		if v.d != nil {
			v.d.Hide()
		}
		v.onDone()
	})
}

// erasedBanner says that the person was erased, when and why.
func erasedBanner(u *App, e *model.Erasure) fyne.CanvasObject {
	reason := u.label("erasure_reason", e.Reason)
	if a := e.Reason.Article(); a != "" {
		reason += " (" + a + ")"
	}
	if e.Note != "" {
		reason += ": " + e.Note
	}
	l := widget.NewLabel(u.tr.Tf("erase.banner", map[string]any{"Date": day(e.At), "Reason": reason}))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return l
}
