package ui

import (
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/printouts"
	"sportello/store"
)

// recoveryKey shows the recovery key once, after the desk is made or
// sealed: the coordinator prints the sheet (or copies the key by hand)
// for the organisation's safe, and says so before going on.
type recoveryKey struct {
	u    *App
	key  string
	op   *model.Operator
	made time.Time
	done *widget.Check
	next *widget.Button
}

func newRecoveryKey(u *App, key string, op *model.Operator) *recoveryKey {
	r := &recoveryKey{u: u, key: key, op: op, made: time.Now()}
	r.next = widget.NewButton(u.t("recovery_screen.continue"), r.onContinue)
	r.next.Importance = widget.HighImportance
	r.next.Disable()
	r.done = widget.NewCheck(u.t("recovery_screen.kept"), func(on bool) {
		if on {
			r.next.Enable()
		} else {
			r.next.Disable()
		}
	})
	return r
}

func (r *recoveryKey) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(r.u.t("recovery_screen.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(r.u.t("recovery_screen.intro"))
	intro.Wrapping = fyne.TextWrapWord
	key := widget.NewLabelWithStyle(r.key, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	key.SizeName = "headingText"
	print := widget.NewButton(r.u.t("recovery_screen.print"), r.onPrint)
	warn := widget.NewLabel(r.u.t("recovery_screen.file_warning"))
	warn.Wrapping = fyne.TextWrapWord
	warn.Importance = widget.WarningImportance
	box := container.NewVBox(title, intro, widget.NewCard("", "", key), print, warn, r.done, r.next)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 520), box))
}

// onPrint renders the sheet and saves it where the coordinator chooses, to
// print it.
func (r *recoveryKey) onPrint() {
	sheet := printouts.RecoverySheet{
		Header:  printouts.Header{Organisation: r.u.setting(store.SettingOrganisation, ""), Desk: r.u.setting(store.SettingDesk, "")},
		DeskID:  r.u.db.DeskID(),
		Key:     r.key,
		Created: r.made,
		Lang:    r.u.tr.Lang(),
	}
	r.u.printPDF("sportello-recovery-key.pdf", func(w io.Writer) error { return printouts.RenderRecoverySheet(w, sheet) })
}

func (r *recoveryKey) onContinue() { r.u.signedIn(r.op) }

// showRecoveryKey fills the window with the recovery key.
func (u *App) showRecoveryKey(key string, op *model.Operator) {
	u.setContent(newRecoveryKey(u, key, op).build())
}
