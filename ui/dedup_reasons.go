package ui

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
)

// dedupCodes are the reasons the match score gives (model.DedupReason
// codes), each a message ID of its own; a code not listed here still shows,
// as itself.
var dedupCodes = model.DedupReasonCodes

// dedupScripts are the scripts (ISO 15924) a reason may name, each with
// its name in the interface; another script shows as its code.
var dedupScripts = []string{"dedup_script.Arab", "dedup_script.Beng", "dedup_script.Cyrl", "dedup_script.Deva",
	"dedup_script.Ethi", "dedup_script.Guru", "dedup_script.Hans", "dedup_script.Hant"}

// reasonText is one reason in the interface language: its code's message,
// with the script named, or the code itself when it has no message.
func (u *App) reasonText(r model.DedupReason) string {
	arg := r.Arg
	if arg != "" && u.tr.Has("dedup_script."+arg) {
		arg = u.t("dedup_script." + arg)
	}
	return u.tr.Tf(r.Code, map[string]any{"Arg": arg})
}

// reasonLabels lists the reasons, one a line: the evidence for first, the
// evidence against after, in the warning colour and marked so.
func (u *App) reasonLabels(m model.DedupMatch) fyne.CanvasObject {
	box := container.NewVBox()
	for _, against := range []bool{false, true} {
		for _, r := range m.Reasons {
			if r.Against != against {
				continue
			}
			l := widget.NewLabel("✓ " + u.reasonText(r))
			if against {
				l.SetText("✗ " + u.reasonText(r))
				l.Importance = widget.WarningImportance
			}
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
	}
	return box
}

// scorePercent is the match score as a whole percentage.
func scorePercent(m model.DedupMatch) string {
	return fmt.Sprint(int(math.Round(m.Score * 100)))
}
