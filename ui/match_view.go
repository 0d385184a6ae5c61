package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// matchDetails lays out a match's score and reasons in the interface
// language: what matches, then what is missing, each gap with what gap
// adds after it (a button to put its action in the plan), nil for nothing.
func (u *App) matchDetails(m model.Match, gap func(r model.MatchReason) fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabel(u.tr.Tf("work_match.score", map[string]any{"Score": fmt.Sprint(m.Score)})))
	if met := m.Met(); len(met) > 0 {
		box.Add(widget.NewLabelWithStyle(u.t("work_match.matches"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		for _, r := range met {
			box.Add(wrappedText("• " + u.matchReason(r)))
		}
	}
	if missing := m.Missing(); len(missing) > 0 {
		box.Add(widget.NewLabelWithStyle(u.t("work_match.missing"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		for _, r := range missing {
			line := wrappedText("• " + u.matchReason(r))
			var extra fyne.CanvasObject
			if gap != nil {
				extra = gap(r)
			}
			if extra == nil {
				box.Add(line)
			} else {
				box.Add(container.NewBorder(nil, nil, nil, extra, line))
			}
		}
	}
	return box
}

// boldText is a label in bold that wraps.
func boldText(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// workMatchKeys lists the message IDs the matching and proposal screens
// build at run time, for DynamicKeys.
func workMatchKeys() []string {
	var keys []string
	for _, s := range model.ProposalStates {
		keys = append(keys, "proposal_state."+string(s))
		if s != model.ProposalProposed {
			keys = append(keys, "work_match.move_"+string(s))
		}
	}
	for _, r := range model.NotHiredReasons {
		keys = append(keys, "not_hired.reason_"+r)
	}
	for _, x := range []string{store.ExcludedFlagged, store.ExcludedHeld, store.ExcludedNotOpen} {
		keys = append(keys, "work_match.excluded_"+x)
	}
	for _, c := range []string{model.Check4Weeks, model.Check6Months} {
		keys = append(keys, "work_match.still_"+c)
	}
	return append(keys, "work_match.answer_yes", "work_match.answer_no")
}
