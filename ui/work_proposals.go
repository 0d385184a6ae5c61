package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// workProposals is a tab of the work view (to be built).
type workProposals struct{ w *workView }

func newWorkProposals(w *workView) *workProposals { return &workProposals{w: w} }

func (v *workProposals) build() fyne.CanvasObject { return widget.NewLabel("") }
